//! Simple statements (after py/compile.c): `del`, `break`/`continue`, `return`, `raise`,
//! `global`/`nonlocal` and `assert`.

use crate::emit::bytecode::AccessKind;
use crate::emit::Pass;
use crate::parse::grammar::Rule;
use crate::parse::node::{Node, StructNode};
use crate::scope::{IdKind, ScopeKind};

use super::assign::has_comp_for;
use super::{leaf_qstr, nth, Compiler, INVALID_LABEL};

impl<'a> Compiler<'a, '_> {
    /// `c_del_stmt`.
    fn c_del_stmt(&mut self, pn: &'a Node) {
        match pn {
            Node::Id(q) => self.delete_id(*q),
            Node::Struct(s) if s.rule == Rule::atom_expr_normal => {
                self.compile_node(nth(s, 0));
                let Node::Struct(first) = nth(s, 1) else {
                    self.syntax_error(pn, "can't delete expression");
                    return;
                };
                let mut last: &'a StructNode = first;
                if last.rule == Rule::atom_expr_trailers {
                    let n = last.nodes.len();
                    for t in last.nodes.iter().take(n.saturating_sub(1)) {
                        self.compile_node(t);
                    }
                    match last.nodes.last() {
                        Some(Node::Struct(t)) => last = t,
                        _ => {
                            self.syntax_error(pn, "can't delete expression");
                            return;
                        }
                    }
                }
                if last.rule == Rule::trailer_bracket {
                    self.compile_node(nth(last, 0));
                    self.emit.subscr(AccessKind::Delete);
                } else if last.rule == Rule::trailer_period {
                    self.attr(leaf_qstr(nth(last, 0)), AccessKind::Delete);
                } else {
                    self.syntax_error(pn, "can't delete expression");
                }
            }
            Node::Struct(s) if s.rule == Rule::atom_paren => match nth(s, 0) {
                Node::Struct(inner) if !has_comp_for(inner) => {
                    for n in &inner.nodes {
                        self.c_del_stmt(n);
                    }
                }
                inner @ Node::Struct(_) => self.syntax_error(inner, "can't delete expression"),
                // `MP_PARSE_NODE_NULL` carries no line.
                _ => self.syntax_error(&super::NULL_NODE, "can't delete expression"),
            },
            _ => self.syntax_error(pn, "can't delete expression"),
        }
    }

    /// `compile_del_stmt`.
    pub(super) fn compile_del_stmt(&mut self, s: &'a StructNode) {
        self.apply_to_single_or_list(nth(s, 0), Rule::exprlist, Self::c_del_stmt);
    }

    /// `compile_break_cont_stmt`.
    pub(super) fn compile_break_cont_stmt(&mut self, s: &'a StructNode) {
        let label = if s.rule == Rule::break_stmt {
            self.break_label
        } else {
            self.continue_label
        };
        if label == INVALID_LABEL {
            self.syntax_error_struct(s, "'break'/'continue' outside loop");
        }
        let depth = self
            .cur_except_level
            .saturating_sub(self.break_continue_except_level);
        self.emit.unwind_jump(label, depth);
    }

    /// `compile_return_stmt`.
    pub(super) fn compile_return_stmt(&mut self, s: &'a StructNode) {
        if self.scope().kind != ScopeKind::Function {
            self.syntax_error_struct(s, "'return' outside function");
            return;
        }
        match nth(s, 0) {
            Node::Null => self.emit.load_const_none(),
            Node::Struct(t) if t.rule == Rule::test_if_expr => {
                let Node::Struct(if_else) = nth(t, 1) else {
                    return;
                };
                let l_fail = self.next_label();
                self.c_if_cond(nth(if_else, 0), false, l_fail);
                self.compile_node(nth(t, 0));
                self.emit.return_value();
                self.emit.label_assign(l_fail);
                self.compile_node(nth(if_else, 1));
            }
            other => self.compile_node(other),
        }
        self.emit.return_value();
    }

    /// `compile_raise_stmt`.
    pub(super) fn compile_raise_stmt(&mut self, s: &'a StructNode) {
        match nth(s, 0) {
            Node::Null => self.emit.raise_varargs(0),
            Node::Struct(a) if a.rule == Rule::raise_stmt_arg => {
                self.compile_node(nth(a, 0));
                self.compile_node(nth(a, 1));
                self.emit.raise_varargs(2);
            }
            other => {
                self.compile_node(other);
                self.emit.raise_varargs(1);
            }
        }
    }

    /// `compile_declare_global` / `compile_declare_nonlocal` for identifier `idx` of the current scope.
    pub(super) fn declare_global_or_nonlocal(
        &mut self,
        line: Option<u32>,
        idx: usize,
        is_global: bool,
    ) {
        let cur = self.cur;
        let kind = self.scope().ids[idx].kind;
        if is_global {
            if kind != IdKind::Undecided && kind != IdKind::GlobalExplicit {
                self.syntax_error_at(line, "identifier redefined as global");
                return;
            }
            self.scope_mut().ids[idx].kind = IdKind::GlobalExplicit;
            let q = self.scope().ids[idx].qst;
            if let Some((root, i)) = self.scopes.find_global(cur, q) {
                self.scopes.get_mut(root).ids[i].kind = IdKind::GlobalExplicit;
            }
        } else if kind == IdKind::Undecided {
            self.scope_mut().ids[idx].kind = IdKind::GlobalImplicit;
            self.scopes.check_to_close_over(cur, idx);
            if self.scope().ids[idx].kind == IdKind::GlobalImplicit {
                self.syntax_error_at(line, "no binding for nonlocal found");
            }
        } else if kind != IdKind::Free {
            self.syntax_error_at(line, "identifier redefined as nonlocal");
        }
    }

    /// `compile_global_nonlocal_stmt`.
    pub(super) fn compile_global_nonlocal_stmt(&mut self, s: &'a StructNode) {
        if self.pass != Pass::Scope {
            return;
        }
        let is_global = s.rule == Rule::global_stmt;
        if !is_global && self.scope().kind == ScopeKind::Module {
            self.syntax_error_struct(s, "can't declare nonlocal in outer code");
            return;
        }
        for n in nth(s, 0).extract_list(Rule::name_list) {
            let q = leaf_qstr(n);
            let i = self.scope_mut().find_or_add(q, IdKind::Undecided);
            self.declare_global_or_nonlocal(Some(s.source_line), i, is_global);
        }
    }

    /// `compile_assert_stmt`.
    pub(super) fn compile_assert_stmt(&mut self, s: &'a StructNode) {
        if self.opts.optimize != 0 {
            return;
        }
        let l_end = self.next_label();
        self.c_if_cond(nth(s, 0), true, l_end);
        self.load_global(self.names.AssertionError);
        if !nth(s, 1).is_null() {
            self.compile_node(nth(s, 1));
            self.emit.call_function(1, 0, 0);
        }
        self.emit.raise_varargs(1);
        self.emit.label_assign(l_end);
    }
}
