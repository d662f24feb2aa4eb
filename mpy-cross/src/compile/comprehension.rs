//! Comprehensions and generator expressions (after `compile_comprehension`,
//! `compile_scope_comp_iter` and the comprehension branch of `compile_scope` in py/compile.c).

use crate::emit::bytecode::Build;
use crate::parse::grammar::Rule;
use crate::parse::node::{Node, StructNode};
use crate::scope::{IdKind, ScopeKind};

use super::assign::AssignKind;
use super::{nth, Compiler};

impl<'a> Compiler<'a, '_> {
    /// `compile_comprehension`: make the comprehension's function and call it on the first iterable.
    pub(super) fn compile_comprehension(&mut self, s: &'a StructNode, kind: ScopeKind) {
        let Node::Struct(comp_for) = nth(s, 1) else {
            return;
        };
        let emit_options = self.scope().emit_options;
        let scope = self.scope_for(s, kind, emit_options);
        self.close_over_variables_etc(scope, 0, 0);
        self.compile_node(nth(comp_for, 1));
        if kind == ScopeKind::GenExpr {
            self.emit.get_iter(false);
        }
        self.emit.call_function(1, 0, 0);
    }

    /// `compile_scope_comp_iter`.
    fn compile_scope_comp_iter(
        &mut self,
        comp_for: &'a StructNode,
        inner_expr: &'a Node,
        for_depth: u32,
    ) {
        let l_top = self.next_label();
        let l_end = self.next_label();
        self.emit.label_assign(l_top);
        self.emit.for_iter(l_end);
        self.c_assign(nth(comp_for, 0), AssignKind::Store);
        let mut pn_iter = nth(comp_for, 2);
        loop {
            match pn_iter {
                Node::Struct(it) if it.rule == Rule::comp_if => {
                    self.c_if_cond(nth(it, 0), false, l_top);
                    pn_iter = nth(it, 1);
                }
                Node::Struct(it) => {
                    self.compile_node(nth(it, 1));
                    self.emit.get_iter(true);
                    self.compile_scope_comp_iter(it, inner_expr, for_depth + 1);
                    break;
                }
                _ => {
                    self.compile_node(inner_expr);
                    if self.scope().kind == ScopeKind::GenExpr {
                        self.emit.yield_(false, self.next_label);
                        self.reserve_labels_for_native(1);
                        self.mark_generator();
                        self.emit.pop_top();
                    } else {
                        let kind = self.scope().kind;
                        self.emit.store_comp(kind, 4 * for_depth + 5);
                    }
                    break;
                }
            }
        }
        self.emit.jump(l_top);
        self.emit.label_assign(l_end);
        self.emit.for_iter_end();
    }

    /// The body of a comprehension scope.
    pub(super) fn compile_scope_comprehension(&mut self, s: &'a StructNode, kind: ScopeKind) {
        let Node::Struct(comp_for) = nth(s, 1) else {
            return;
        };
        let arg = self.names.empty;
        if self.pass == crate::emit::Pass::Scope {
            self.scope_mut().find_or_add(arg, IdKind::Local);
            self.scope_mut().num_pos_args = 1;
        }
        self.emit.set_source_line(s.source_line);
        match kind {
            ScopeKind::ListComp => self.emit.build(0, Build::List),
            ScopeKind::DictComp => self.emit.build(0, Build::Map),
            ScopeKind::SetComp => self.emit.build(0, Build::Set),
            _ => {}
        }
        if kind == ScopeKind::GenExpr {
            self.emit.load_null();
            self.load_id(arg);
            self.emit.load_null();
            self.emit.load_null();
        } else {
            self.load_id(arg);
            self.emit.get_iter(true);
        }
        self.compile_scope_comp_iter(comp_for, nth(s, 0), 0);
        if kind == ScopeKind::GenExpr {
            self.emit.load_const_none();
        }
        self.emit.return_value();
    }
}
