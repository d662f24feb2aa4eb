//! `try`/`except`/`finally`, `with` and `async with` (after `compile_try_*`,
//! `compile_with_stmt*` and `compile_async_with_stmt*` in py/compile.c).

use mpy_format::opcode::BinaryOp;

use crate::emit::bytecode::{AccessKind, BinOp, SetupBlock};
use crate::parse::grammar::Rule;
use crate::parse::node::{Node, StructNode};
use crate::qstr::Qstr;

use super::assign::AssignKind;
use super::{leaf_qstr, nth, Compiler};

impl<'a> Compiler<'a, '_> {
    /// `compile_try_except`.
    fn compile_try_except(&mut self, pn_body: &'a Node, excepts: &'a [Node], pn_else: &'a Node) {
        let l1 = self.next_label();
        let success_label = self.next_label();
        self.increase_except_level(l1, SetupBlock::Except);
        self.compile_node(pn_body);
        self.emit.pop_except_jump(success_label, false);
        self.emit.label_assign(l1);
        self.emit.start_except_handler();
        let l2 = self.next_label();
        let n_except = excepts.len();
        for (i, pn_except) in excepts.iter().enumerate() {
            let Node::Struct(ex) = pn_except else {
                continue;
            };
            let mut exception_local: Option<Qstr> = None;
            let end_finally_label = self.next_label();
            if nth(ex, 0).is_null() {
                if i + 1 != n_except {
                    self.syntax_error(pn_except, "default 'except' must be last");
                    self.decrease_except_level();
                    return;
                }
            } else {
                let mut expr = nth(ex, 0);
                if let Node::Struct(as_name) = expr {
                    if as_name.rule == Rule::try_stmt_as_name {
                        expr = nth(as_name, 0);
                        exception_local = Some(leaf_qstr(nth(as_name, 1)));
                    }
                }
                self.emit.dup_top();
                self.compile_node(expr);
                self.emit.binary_op(BinOp::Op(BinaryOp::EXCEPTION_MATCH));
                self.emit.pop_jump_if(false, end_finally_label);
            }
            match exception_local {
                None => self.emit.pop_top(),
                Some(q) => self.store_id(q),
            }
            let mut l3 = 0;
            if exception_local.is_some() {
                l3 = self.next_label();
                self.increase_except_level(l3, SetupBlock::Finally);
            }
            self.compile_node(nth(ex, 1));
            if let Some(q) = exception_local {
                self.emit.load_const_none();
                self.emit.label_assign(l3);
                self.emit.adjust_stack_size(1);
                self.emit.load_const_none();
                self.store_id(q);
                self.delete_id(q);
                self.emit.adjust_stack_size(-1);
                self.decrease_except_level();
            }
            self.emit.pop_except_jump(l2, true);
            self.emit.label_assign(end_finally_label);
            self.emit.adjust_stack_size(1);
        }
        self.decrease_except_level();
        self.emit.end_except_handler();
        self.emit.label_assign(success_label);
        self.compile_node(pn_else);
        self.emit.label_assign(l2);
    }

    /// `compile_try_finally`.
    fn compile_try_finally(
        &mut self,
        pn_body: &'a Node,
        excepts: &'a [Node],
        pn_else: &'a Node,
        pn_finally: &'a Node,
    ) {
        let l_finally_block = self.next_label();
        self.increase_except_level(l_finally_block, SetupBlock::Finally);
        if excepts.is_empty() {
            self.emit.adjust_stack_size(3);
            self.compile_node(pn_body);
            self.emit.adjust_stack_size(-3);
        } else {
            self.compile_try_except(pn_body, excepts, pn_else);
        }
        self.emit.load_const_none();
        self.emit.label_assign(l_finally_block);
        self.emit.adjust_stack_size(1);
        self.compile_node(pn_finally);
        self.emit.adjust_stack_size(-1);
        self.decrease_except_level();
    }

    /// `compile_try_stmt`.
    pub(super) fn compile_try_stmt(&mut self, s: &'a StructNode) {
        let body = nth(s, 0);
        let Node::Struct(s2) = nth(s, 1) else { return };
        match s2.rule {
            Rule::try_stmt_finally => {
                self.compile_try_finally(body, &[], &super::NULL_NODE, nth(s2, 0))
            }
            Rule::try_stmt_except_and_more => {
                let excepts = nth(s2, 0).extract_list(Rule::try_stmt_except_list);
                match nth(s2, 2) {
                    Node::Struct(fin) => {
                        self.compile_try_finally(body, excepts, nth(s2, 1), nth(fin, 0))
                    }
                    _ => self.compile_try_except(body, excepts, nth(s2, 1)),
                }
            }
            _ => {
                let excepts = nth(s, 1).extract_list(Rule::try_stmt_except_list);
                self.compile_try_except(body, excepts, &super::NULL_NODE);
            }
        }
    }

    /// `compile_with_stmt_helper`.
    fn compile_with_stmt_helper(&mut self, nodes: &'a [Node], body: &'a Node) {
        let Some((first, rest)) = nodes.split_first() else {
            self.compile_node(body);
            return;
        };
        let l_end = self.next_label();
        match first {
            Node::Struct(item) if item.rule == Rule::with_item => {
                self.compile_node(nth(item, 0));
                self.increase_except_level(l_end, SetupBlock::With);
                self.c_assign(nth(item, 1), AssignKind::Store);
            }
            _ => {
                self.compile_node(first);
                self.increase_except_level(l_end, SetupBlock::With);
                self.emit.pop_top();
            }
        }
        self.compile_with_stmt_helper(rest, body);
        self.emit.with_cleanup(l_end, self.next_label);
        self.reserve_labels_for_native(3);
        self.decrease_except_level();
    }

    /// `compile_with_stmt`.
    pub(super) fn compile_with_stmt(&mut self, s: &'a StructNode) {
        let nodes = nth(s, 0).extract_list(Rule::with_stmt_list);
        self.compile_with_stmt_helper(nodes, nth(s, 1));
    }

    /// `compile_yield_from`.
    pub(super) fn compile_yield_from(&mut self) {
        self.emit.get_iter(false);
        self.emit.load_const_none();
        self.emit.yield_(true, self.next_label);
        self.reserve_labels_for_native(3);
        self.mark_generator();
    }

    /// `compile_await_object_method`.
    pub(super) fn compile_await_object_method(&mut self, method: Qstr) {
        self.load_method(method, false);
        self.emit.call_method(0, 0, 0);
        self.compile_yield_from();
    }

    /// `compile_async_with_stmt_helper`.
    fn compile_async_with_stmt_helper(&mut self, nodes: &'a [Node], body: &'a Node) {
        let Some((first, rest)) = nodes.split_first() else {
            self.compile_node(body);
            return;
        };
        let l_finally_block = self.next_label();
        let l_aexit_no_exc = self.next_label();
        let l_ret_unwind_jump = self.next_label();
        let l_end = self.next_label();
        match first {
            Node::Struct(item) if item.rule == Rule::with_item => {
                self.compile_node(nth(item, 0));
                self.emit.dup_top();
                self.compile_await_object_method(self.names.dunder_aenter);
                self.c_assign(nth(item, 1), AssignKind::Store);
            }
            _ => {
                self.compile_node(first);
                self.emit.dup_top();
                self.compile_await_object_method(self.names.dunder_aenter);
                self.emit.pop_top();
            }
        }
        self.increase_except_level(l_finally_block, SetupBlock::Finally);
        self.emit.adjust_stack_size(3);
        self.compile_async_with_stmt_helper(rest, body);
        self.emit.adjust_stack_size(-3);
        let base_exception = self.names.BaseException;
        self.emit.async_with_setup_finally(
            &mut self.common,
            base_exception,
            l_aexit_no_exc,
            l_finally_block,
            l_ret_unwind_jump,
        );
        self.emit.dup_top();
        self.emit.rot_three();
        self.emit.rot_two();
        self.load_method(self.names.dunder_aexit, false);
        self.emit.rot_three();
        self.emit.rot_three();
        self.emit.dup_top();
        self.attr(self.names.dunder_class, AccessKind::Load);
        self.emit.rot_two();
        self.emit.load_const_none();
        self.emit.call_method(3, 0, 0);
        self.compile_yield_from();
        self.emit.pop_jump_if(false, l_end);
        self.emit.pop_top();
        self.emit.load_const_none();
        self.emit.jump(l_end);
        self.emit.adjust_stack_size(2);
        self.emit.label_assign(l_ret_unwind_jump);
        self.emit.rot_three();
        self.emit.rot_three();
        self.emit.label_assign(l_aexit_no_exc);
        self.load_method(self.names.dunder_aexit, false);
        self.emit.load_const_none();
        self.emit.dup_top();
        self.emit.dup_top();
        self.emit.call_method(3, 0, 0);
        self.compile_yield_from();
        self.emit.pop_top();
        self.emit.adjust_stack_size(-1);
        self.emit.label_assign(l_end);
        self.decrease_except_level();
    }

    /// `compile_async_with_stmt`.
    pub(super) fn compile_async_with_stmt(&mut self, s: &'a StructNode) {
        let nodes = nth(s, 0).extract_list(Rule::with_stmt_list);
        self.compile_async_with_stmt_helper(nodes, nth(s, 1));
    }
}
