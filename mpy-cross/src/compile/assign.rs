//! Assignment targets and expression statements (after `c_assign*` and `compile_expr_stmt` in py/compile.c).

use mpy_format::opcode::BinaryOp;

use crate::emit::bytecode::{AccessKind, BinOp};
use crate::lexer::TokenKind;
use crate::parse::grammar::Rule;
use crate::parse::node::{Node, StructNode};
use crate::scope::{IdKind, ScopeKind};

use super::{is_kind, leaf_qstr, nth, Compiler};

/// `assign_kind_t`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AssignKind {
    Store,
    AugLoad,
    AugStore,
}

/// `MP_PARSE_NODE_TESTLIST_COMP_HAS_COMP_FOR`.
pub(super) fn has_comp_for(s: &StructNode) -> bool {
    s.nodes.len() == 2 && is_kind(&s.nodes[1], Rule::comp_for)
}

fn augassign_op(tok: TokenKind) -> BinaryOp {
    match tok {
        TokenKind::DEL_PIPE_EQUAL => BinaryOp::INPLACE_OR,
        TokenKind::DEL_CARET_EQUAL => BinaryOp::INPLACE_XOR,
        TokenKind::DEL_AMPERSAND_EQUAL => BinaryOp::INPLACE_AND,
        TokenKind::DEL_DBL_LESS_EQUAL => BinaryOp::INPLACE_LSHIFT,
        TokenKind::DEL_DBL_MORE_EQUAL => BinaryOp::INPLACE_RSHIFT,
        TokenKind::DEL_PLUS_EQUAL => BinaryOp::INPLACE_ADD,
        TokenKind::DEL_MINUS_EQUAL => BinaryOp::INPLACE_SUBTRACT,
        TokenKind::DEL_STAR_EQUAL => BinaryOp::INPLACE_MULTIPLY,
        TokenKind::DEL_AT_EQUAL => BinaryOp::INPLACE_MAT_MULTIPLY,
        TokenKind::DEL_DBL_SLASH_EQUAL => BinaryOp::INPLACE_FLOOR_DIVIDE,
        TokenKind::DEL_SLASH_EQUAL => BinaryOp::INPLACE_TRUE_DIVIDE,
        TokenKind::DEL_PERCENT_EQUAL => BinaryOp::INPLACE_MODULO,
        _ => BinaryOp::INPLACE_POWER,
    }
}

impl<'a> Compiler<'a, '_> {
    /// `c_assign_atom_expr`: `a.b = ...`, `a[b] = ...` and their augmented forms.
    fn c_assign_atom_expr(&mut self, s: &'a StructNode, kind: AssignKind) {
        if kind != AssignKind::AugStore {
            self.compile_node(nth(s, 0));
        }
        if let Node::Struct(first) = nth(s, 1) {
            let mut last: &'a StructNode = first;
            if last.rule == Rule::atom_expr_trailers {
                let n = last.nodes.len();
                if kind != AssignKind::AugStore {
                    for t in last.nodes.iter().take(n.saturating_sub(1)) {
                        self.compile_node(t);
                    }
                }
                match last.nodes.last() {
                    Some(Node::Struct(t)) => last = t,
                    _ => {
                        self.syntax_error_struct(s, "can't assign to expression");
                        return;
                    }
                }
            }
            if last.rule == Rule::trailer_bracket {
                if kind == AssignKind::AugStore {
                    self.emit.rot_three();
                    self.emit.subscr(AccessKind::Store);
                } else {
                    self.compile_node(nth(last, 0));
                    if kind == AssignKind::AugLoad {
                        self.emit.dup_top_two();
                        self.emit.subscr(AccessKind::Load);
                    } else {
                        self.emit.subscr(AccessKind::Store);
                    }
                }
                return;
            } else if last.rule == Rule::trailer_period {
                let q = leaf_qstr(nth(last, 0));
                if kind == AssignKind::AugLoad {
                    self.emit.dup_top();
                    self.attr(q, AccessKind::Load);
                } else {
                    if kind == AssignKind::AugStore {
                        self.emit.rot_two();
                    }
                    self.attr(q, AccessKind::Store);
                }
                return;
            }
        }
        self.syntax_error_struct(s, "can't assign to expression");
    }

    /// `c_assign_tuple`.
    fn c_assign_tuple(&mut self, nodes: &'a [Node]) {
        let mut star_index: Option<usize> = None;
        let n = nodes.len();
        for (i, pn) in nodes.iter().enumerate() {
            if is_kind(pn, Rule::star_expr) {
                if star_index.is_none() {
                    #[allow(clippy::cast_possible_truncation)]
                    self.emit.unpack_ex(i as u32, (n - i - 1) as u32);
                    star_index = Some(i);
                } else {
                    self.syntax_error(pn, "multiple *x in assignment");
                    return;
                }
            }
        }
        if star_index.is_none() {
            #[allow(clippy::cast_possible_truncation)]
            self.emit.unpack_sequence(n as u32);
        }
        for (i, pn) in nodes.iter().enumerate() {
            if Some(i) == star_index {
                if let Node::Struct(st) = pn {
                    self.c_assign(nth(st, 0), AssignKind::Store);
                }
            } else {
                self.c_assign(pn, AssignKind::Store);
            }
        }
    }

    /// `c_assign`.
    pub(super) fn c_assign(&mut self, pn: &'a Node, kind: AssignKind) {
        match pn {
            Node::Id(q) => {
                if kind == AssignKind::AugLoad {
                    self.load_id(*q);
                } else {
                    self.store_id(*q);
                }
            }
            Node::Struct(s) => match s.rule {
                Rule::atom_expr_normal => self.c_assign_atom_expr(s, kind),
                Rule::testlist_star_expr | Rule::exprlist => {
                    if kind != AssignKind::Store {
                        self.syntax_error(pn, "can't assign to expression");
                        return;
                    }
                    self.c_assign_tuple(&s.nodes);
                }
                Rule::atom_paren => match nth(s, 0) {
                    Node::Struct(inner)
                        if kind == AssignKind::Store && inner.rule == Rule::testlist_comp =>
                    {
                        self.c_assign_testlist_comp(pn, inner);
                    }
                    _ => self.syntax_error(pn, "can't assign to expression"),
                },
                Rule::atom_bracket => {
                    if kind != AssignKind::Store {
                        self.syntax_error(pn, "can't assign to expression");
                        return;
                    }
                    match nth(s, 0) {
                        Node::Null => self.c_assign_tuple(&[]),
                        Node::Struct(inner) if inner.rule == Rule::testlist_comp => {
                            self.c_assign_testlist_comp(pn, inner);
                        }
                        _ => self.c_assign_tuple(s.nodes.get(..1).unwrap_or(&[])),
                    }
                }
                _ => self.syntax_error(pn, "can't assign to expression"),
            },
            _ => self.syntax_error(pn, "can't assign to expression"),
        }
    }

    fn c_assign_testlist_comp(&mut self, pn: &'a Node, s: &'a StructNode) {
        if has_comp_for(s) {
            self.syntax_error(pn, "can't assign to expression");
            return;
        }
        self.c_assign_tuple(&s.nodes);
    }

    /// `compile_expr_stmt`.
    pub(super) fn compile_expr_stmt(&mut self, s: &'a StructNode) {
        let lhs = nth(s, 0);
        let rhs = nth(s, 1);
        match rhs {
            Node::Null if self.opts.is_repl && self.scope().kind == ScopeKind::Module => {
                // The REPL prints the value of each expression statement.
                let repl_print = self.pool.intern(b"__repl_print__");
                self.load_id(repl_print);
                self.compile_node(lhs);
                self.emit.call_function(1, 0, 0);
                self.emit.pop_top();
            }
            Node::Null => {
                let is_const_leaf = matches!(
                    lhs,
                    Node::SmallInt(_) | Node::Str(_) | Node::Token(_) | Node::Const(_)
                );
                if !is_const_leaf {
                    self.compile_node(lhs);
                    self.emit.pop_top();
                }
            }
            Node::Struct(r) if r.rule == Rule::annassign => {
                let value = nth(r, 1);
                if value.is_null() {
                    if self.scope().kind == ScopeKind::Function {
                        if let Node::Id(q) = lhs {
                            self.scope_mut().find_or_add(*q, IdKind::Local);
                        }
                    }
                } else {
                    self.plain_assign(lhs, value);
                }
            }
            Node::Struct(r) if r.rule == Rule::expr_stmt_augassign => {
                self.c_assign(lhs, AssignKind::AugLoad);
                self.compile_node(nth(r, 1));
                let tok = match nth(r, 0) {
                    Node::Token(t) => *t,
                    _ => TokenKind::DEL_DBL_STAR_EQUAL,
                };
                self.emit.binary_op(BinOp::Op(augassign_op(tok)));
                self.c_assign(lhs, AssignKind::AugStore);
            }
            Node::Struct(r) if r.rule == Rule::expr_stmt_assign_list => {
                let n_rhs = r.nodes.len().saturating_sub(1);
                self.compile_node(nth(r, n_rhs));
                if n_rhs > 0 {
                    self.emit.dup_top();
                }
                self.c_assign(lhs, AssignKind::Store);
                for i in 0..n_rhs {
                    if i + 1 < n_rhs {
                        self.emit.dup_top();
                    }
                    self.c_assign(&r.nodes[i], AssignKind::Store);
                }
            }
            _ => self.plain_assign(lhs, rhs),
        }
    }

    /// The `plain_assign` label of `compile_expr_stmt`, with the tuple-swap optimisations.
    fn plain_assign(&mut self, lhs: &'a Node, rhs: &'a Node) {
        if let (Node::Struct(l), Node::Struct(r)) = (lhs, rhs) {
            if l.rule == Rule::testlist_star_expr && r.rule == Rule::testlist_star_expr {
                let n = l.nodes.len();
                if n == r.nodes.len()
                    && (n == 2 || n == 3)
                    && !l.nodes.iter().any(|x| is_kind(x, Rule::star_expr))
                {
                    self.compile_node(&r.nodes[0]);
                    self.compile_node(&r.nodes[1]);
                    if n == 3 {
                        self.compile_node(&r.nodes[2]);
                        self.emit.rot_three();
                    }
                    self.emit.rot_two();
                    self.c_assign(&l.nodes[0], AssignKind::Store);
                    self.c_assign(&l.nodes[1], AssignKind::Store);
                    if n == 3 {
                        self.c_assign(&l.nodes[2], AssignKind::Store);
                    }
                    return;
                }
            }
        }
        self.compile_node(rhs);
        self.c_assign(lhs, AssignKind::Store);
    }
}
