//! Conditions, `if`, `while`, `for` (with the optimised `range` loop) and `async for`
//! (after `c_if_cond`, `compile_if_stmt`, `compile_while_stmt`, `compile_for_stmt*` and
//! `compile_async_for_stmt` in py/compile.c).

use mpy_format::opcode::BinaryOp;

use crate::emit::bytecode::{BinOp, SetupBlock, BREAK_FROM_FOR};
use crate::parse::grammar::Rule;
use crate::parse::node::{Node, StructNode};

use super::assign::AssignKind;
use super::{nth, Compiler};

static SMALL_INT_0: Node = Node::SmallInt(0);
static SMALL_INT_1: Node = Node::SmallInt(1);

/// Saved break/continue state (`START_BREAK_CONTINUE_BLOCK`).
pub(super) struct LoopLabels {
    old_break: u32,
    old_continue: u32,
    old_except_level: u32,
    pub break_label: u32,
    pub continue_label: u32,
}

impl<'a> Compiler<'a, '_> {
    pub(super) fn start_break_continue_block(&mut self) -> LoopLabels {
        let saved = LoopLabels {
            old_break: self.break_label,
            old_continue: self.continue_label,
            old_except_level: self.break_continue_except_level,
            break_label: self.next_label(),
            continue_label: self.next_label(),
        };
        self.break_label = saved.break_label;
        self.continue_label = saved.continue_label;
        self.break_continue_except_level = self.cur_except_level;
        saved
    }

    pub(super) fn end_break_continue_block(&mut self, saved: &LoopLabels) {
        self.break_label = saved.old_break;
        self.continue_label = saved.old_continue;
        self.break_continue_except_level = saved.old_except_level;
    }

    /// `c_if_cond`: jump to `label` if `pn` is (`jump_if`) true/false.
    pub(super) fn c_if_cond(&mut self, pn: &'a Node, jump_if: bool, label: u32) {
        if Self::is_const_false(pn, self.pool) {
            if !jump_if {
                self.emit.jump(label);
            }
            return;
        } else if Self::is_const_true(pn, self.pool) {
            if jump_if {
                self.emit.jump(label);
            }
            return;
        } else if let Node::Struct(s) = pn {
            let n = s.nodes.len();
            let logic = match s.rule {
                Rule::or_test => Some(!jump_if),
                Rule::and_test => Some(jump_if),
                _ => None,
            };
            if let Some(first_form) = logic {
                if first_form {
                    // and_or_logic1
                    let label2 = self.next_label();
                    for sub in s.nodes.iter().take(n.saturating_sub(1)) {
                        self.c_if_cond(sub, !jump_if, label2);
                    }
                    self.c_if_cond(nth(s, n.saturating_sub(1)), jump_if, label);
                    self.emit.label_assign(label2);
                } else {
                    // and_or_logic2
                    for sub in &s.nodes {
                        self.c_if_cond(sub, jump_if, label);
                    }
                }
                return;
            } else if s.rule == Rule::not_test_2 {
                self.c_if_cond(nth(s, 0), !jump_if, label);
                return;
            }
        }
        self.compile_node(pn);
        self.emit.pop_jump_if(jump_if, label);
    }

    /// `compile_if_stmt`.
    pub(super) fn compile_if_stmt(&mut self, s: &'a StructNode) {
        let l_end = self.next_label();
        let cond = nth(s, 0);
        if !Self::is_const_false(cond, self.pool) {
            let l_fail = self.next_label();
            self.c_if_cond(cond, false, l_fail);
            self.compile_node(nth(s, 1));
            if Self::is_const_true(cond, self.pool) {
                self.emit.label_assign(l_end);
                return;
            }
            if !(nth(s, 2).is_null() && nth(s, 3).is_null()) {
                self.emit.jump(l_end);
            }
            self.emit.label_assign(l_fail);
        }
        for elif in nth(s, 2).extract_list(Rule::if_stmt_elif_list) {
            let Node::Struct(e) = elif else { continue };
            let cond = nth(e, 0);
            if !Self::is_const_false(cond, self.pool) {
                let l_fail = self.next_label();
                self.c_if_cond(cond, false, l_fail);
                self.compile_node(nth(e, 1));
                if Self::is_const_true(cond, self.pool) {
                    self.emit.label_assign(l_end);
                    return;
                }
                self.emit.jump(l_end);
                self.emit.label_assign(l_fail);
            }
        }
        self.compile_node(nth(s, 3));
        self.emit.label_assign(l_end);
    }

    /// `compile_while_stmt`.
    pub(super) fn compile_while_stmt(&mut self, s: &'a StructNode) {
        let labels = self.start_break_continue_block();
        let cond = nth(s, 0);
        if !Self::is_const_false(cond, self.pool) {
            let top_label = self.next_label();
            if !Self::is_const_true(cond, self.pool) {
                self.emit.jump(labels.continue_label);
            }
            self.emit.label_assign(top_label);
            self.compile_node(nth(s, 1));
            self.emit.label_assign(labels.continue_label);
            self.c_if_cond(cond, true, top_label);
        }
        self.end_break_continue_block(&labels);
        self.compile_node(nth(s, 2));
        self.emit.label_assign(labels.break_label);
    }

    /// `compile_for_stmt_optimised_range`.
    #[allow(clippy::too_many_arguments)]
    fn compile_for_stmt_optimised_range(
        &mut self,
        pn_var: &'a Node,
        pn_start: &'a Node,
        pn_end: &'a Node,
        pn_step: &'a Node,
        pn_body: &'a Node,
        pn_else: &'a Node,
    ) {
        let labels = self.start_break_continue_block();
        let top_label = self.next_label();
        let entry_label = self.next_label();
        let end_on_stack = !matches!(pn_end, Node::SmallInt(_));
        if end_on_stack {
            self.compile_node(pn_end);
        }
        self.compile_node(pn_start);
        self.emit.jump(entry_label);
        self.emit.label_assign(top_label);
        self.emit.dup_top();
        self.c_assign(pn_var, AssignKind::Store);
        self.compile_node(pn_body);
        self.emit.label_assign(labels.continue_label);
        self.compile_node(pn_step);
        self.emit.binary_op(BinOp::Op(BinaryOp::INPLACE_ADD));
        self.emit.label_assign(entry_label);
        if end_on_stack {
            self.emit.dup_top_two();
            self.emit.rot_two();
        } else {
            self.emit.dup_top();
            self.compile_node(pn_end);
        }
        let step_non_negative = matches!(pn_step, Node::SmallInt(v) if *v >= 0);
        self.emit.binary_op(BinOp::Op(if step_non_negative {
            BinaryOp::LESS
        } else {
            BinaryOp::MORE
        }));
        self.emit.pop_jump_if(true, top_label);
        self.end_break_continue_block(&labels);
        let mut end_label = 0;
        if !pn_else.is_null() {
            self.emit.pop_top();
            if end_on_stack {
                self.emit.pop_top();
            }
            self.compile_node(pn_else);
            end_label = self.next_label();
            self.emit.jump(end_label);
            self.emit.adjust_stack_size(1 + i32::from(end_on_stack));
        }
        self.emit.label_assign(labels.break_label);
        self.emit.pop_top();
        if end_on_stack {
            self.emit.pop_top();
        }
        if !pn_else.is_null() {
            self.emit.label_assign(end_label);
        }
    }

    /// The `range(...)` arguments if `for` may use the counter loop.
    fn optimisable_range(&self, s: &'a StructNode) -> Option<(&'a Node, &'a Node, &'a Node)> {
        if !matches!(nth(s, 0), Node::Id(_)) {
            return None;
        }
        let Node::Struct(it) = nth(s, 1) else {
            return None;
        };
        if it.rule != Rule::atom_expr_normal {
            return None;
        }
        if !matches!(nth(it, 0), Node::Id(q) if *q == self.names.range) {
            return None;
        }
        let Node::Struct(paren) = nth(it, 1) else {
            return None;
        };
        if paren.rule != Rule::trailer_paren {
            return None;
        }
        let args = nth(paren, 0).extract_list(Rule::arglist);
        let (start, end, step) = match args {
            [end] => (&SMALL_INT_0, end, &SMALL_INT_1),
            [start, end] => (start, end, &SMALL_INT_1),
            [start, end, step] => {
                if !matches!(step, Node::SmallInt(v) if *v != 0) {
                    return None;
                }
                (start, end, step)
            }
            _ => return None,
        };
        let is_special = |n: &Node| matches!(n, Node::Struct(x) if matches!(x.rule, Rule::arglist_star | Rule::arglist_dbl_star | Rule::argument));
        if is_special(start) || is_special(end) {
            return None;
        }
        Some((start, end, step))
    }

    /// `compile_for_stmt`.
    pub(super) fn compile_for_stmt(&mut self, s: &'a StructNode) {
        if let Some((start, end, step)) = self.optimisable_range(s) {
            self.compile_for_stmt_optimised_range(
                nth(s, 0),
                start,
                end,
                step,
                nth(s, 2),
                nth(s, 3),
            );
            return;
        }
        let labels = self.start_break_continue_block();
        self.break_label |= BREAK_FROM_FOR;
        let pop_label = self.next_label();
        self.compile_node(nth(s, 1));
        self.emit.get_iter(true);
        self.emit.label_assign(labels.continue_label);
        self.emit.for_iter(pop_label);
        self.c_assign(nth(s, 0), AssignKind::Store);
        self.compile_node(nth(s, 2));
        self.emit.jump(labels.continue_label);
        self.emit.label_assign(pop_label);
        self.emit.for_iter_end();
        self.end_break_continue_block(&labels);
        self.compile_node(nth(s, 3));
        self.emit.label_assign(labels.break_label);
    }

    /// `compile_async_for_stmt`.
    pub(super) fn compile_async_for_stmt(&mut self, s: &'a StructNode) {
        let while_else_label = self.next_label();
        let try_exception_label = self.next_label();
        let try_else_label = self.next_label();
        let try_finally_label = self.next_label();
        self.compile_node(nth(s, 1));
        self.load_method(self.names.dunder_aiter, false);
        self.emit.call_method(0, 0, 0);
        let labels = self.start_break_continue_block();
        self.emit.label_assign(labels.continue_label);
        self.increase_except_level(try_exception_label, SetupBlock::Except);
        self.emit.dup_top();
        self.compile_await_object_method(self.names.dunder_anext);
        self.c_assign(nth(s, 0), AssignKind::Store);
        self.emit.pop_except_jump(try_else_label, false);
        self.emit.label_assign(try_exception_label);
        self.emit.start_except_handler();
        self.emit.dup_top();
        self.load_global(self.names.StopAsyncIteration);
        self.emit.binary_op(BinOp::Op(BinaryOp::EXCEPTION_MATCH));
        self.emit.pop_jump_if(false, try_finally_label);
        self.emit.pop_top();
        self.emit.pop_except_jump(while_else_label, true);
        self.emit.label_assign(try_finally_label);
        self.emit.adjust_stack_size(1);
        self.decrease_except_level();
        self.emit.end_except_handler();
        self.emit.label_assign(try_else_label);
        self.compile_node(nth(s, 2));
        self.emit.jump(labels.continue_label);
        self.end_break_continue_block(&labels);
        self.emit.label_assign(while_else_label);
        self.compile_node(nth(s, 3));
        self.emit.label_assign(labels.break_label);
        self.emit.pop_top();
    }
}
