//! Expressions (after the expression `compile_*` functions of py/compile.c): operators,
//! calls and trailers, displays, slices, `:=`, conditional expressions, `yield` and `await`.

use mpy_format::opcode::{BinaryOp, UnaryOp};

use crate::emit::bytecode::{BinOp, Build, STAR_FLAG_DOUBLE, STAR_FLAG_SINGLE};
use crate::lexer::TokenKind;
use crate::parse::grammar::Rule;
use crate::parse::node::{Node, StructNode};
use crate::scope::{IdKind, ScopeKind};

use super::assign::has_comp_for;
use super::{is_kind, leaf_qstr, nth, Compiler};

fn term_op(tok: TokenKind) -> BinaryOp {
    match tok {
        TokenKind::OP_DBL_LESS => BinaryOp::LSHIFT,
        TokenKind::OP_DBL_MORE => BinaryOp::RSHIFT,
        TokenKind::OP_PLUS => BinaryOp::ADD,
        TokenKind::OP_MINUS => BinaryOp::SUBTRACT,
        TokenKind::OP_STAR => BinaryOp::MULTIPLY,
        TokenKind::OP_AT => BinaryOp::MAT_MULTIPLY,
        TokenKind::OP_DBL_SLASH => BinaryOp::FLOOR_DIVIDE,
        TokenKind::OP_SLASH => BinaryOp::TRUE_DIVIDE,
        _ => BinaryOp::MODULO,
    }
}

fn compare_op(tok: TokenKind) -> BinaryOp {
    match tok {
        TokenKind::KW_IN => BinaryOp::IN,
        TokenKind::OP_LESS => BinaryOp::LESS,
        TokenKind::OP_MORE => BinaryOp::MORE,
        TokenKind::OP_DBL_EQUAL => BinaryOp::EQUAL,
        TokenKind::OP_LESS_EQUAL => BinaryOp::LESS_EQUAL,
        TokenKind::OP_MORE_EQUAL => BinaryOp::MORE_EQUAL,
        _ => BinaryOp::NOT_EQUAL,
    }
}

impl<'a> Compiler<'a, '_> {
    /// `compile_generic_tuple`.
    pub(super) fn compile_generic_tuple(&mut self, s: &'a StructNode) {
        for n in &s.nodes {
            self.compile_node(n);
        }
        #[allow(clippy::cast_possible_truncation)]
        self.emit.build(s.nodes.len() as u32, Build::Tuple);
    }

    /// `compile_test_if_expr`.
    pub(super) fn compile_test_if_expr(&mut self, s: &'a StructNode) {
        let Node::Struct(if_else) = nth(s, 1) else {
            return;
        };
        let l_fail = self.next_label();
        let l_end = self.next_label();
        self.c_if_cond(nth(if_else, 0), false, l_fail);
        self.compile_node(nth(s, 0));
        self.emit.jump(l_end);
        self.emit.label_assign(l_fail);
        self.emit.adjust_stack_size(-1);
        self.compile_node(nth(if_else, 1));
        self.emit.label_assign(l_end);
    }

    /// `compile_namedexpr_helper`: `name := expr`.
    pub(super) fn compile_namedexpr_helper(&mut self, pn_name: &'a Node, pn_expr: &'a Node) {
        if !matches!(pn_name, Node::Id(_)) {
            self.syntax_error(pn_name, "can't assign to expression");
        }
        self.compile_node(pn_expr);
        self.emit.dup_top();
        let target = leaf_qstr(pn_name);
        if self.pass == crate::emit::Pass::Scope && self.scope().kind.is_comp_like() {
            if let Some(parent) = self.scope().parent {
                let ip = self.get_id_for_modification(parent, target);
                if self.scopes.get(parent).ids[ip].kind == IdKind::GlobalExplicit {
                    self.scope_mut().find_or_add(target, IdKind::GlobalExplicit);
                } else {
                    let i = self.scope_mut().find_or_add(target, IdKind::Undecided);
                    let is_global = self.scopes.get(parent).parent.is_none();
                    if !is_global && self.scope().ids[i].kind == IdKind::GlobalImplicit {
                        self.scope_mut().ids[i].kind = IdKind::Undecided;
                    }
                    self.declare_global_or_nonlocal(None, i, is_global);
                }
            }
        }
        self.store_id(target);
    }

    /// `compile_or_and_test`.
    pub(super) fn compile_or_and_test(&mut self, s: &'a StructNode) {
        let cond = s.rule == Rule::or_test;
        let l_end = self.next_label();
        let n = s.nodes.len();
        for (i, sub) in s.nodes.iter().enumerate() {
            self.compile_node(sub);
            if i + 1 < n {
                self.emit.jump_if_or_pop(cond, l_end);
            }
        }
        self.emit.label_assign(l_end);
    }

    /// `compile_comparison`.
    pub(super) fn compile_comparison(&mut self, s: &'a StructNode) {
        let num = s.nodes.len();
        self.compile_node(nth(s, 0));
        let multi = num > 3;
        let l_fail = if multi { self.next_label() } else { 0 };
        let mut i = 1;
        while i + 1 < num {
            self.compile_node(&s.nodes[i + 1]);
            if i + 2 < num {
                self.emit.dup_top();
                self.emit.rot_three();
            }
            match &s.nodes[i] {
                Node::Token(tok) => self.emit.binary_op(BinOp::Op(compare_op(*tok))),
                Node::Struct(op) if op.rule == Rule::comp_op_not_in => {
                    self.emit.binary_op(BinOp::NotIn)
                }
                Node::Struct(op) => {
                    if nth(op, 0).is_null() {
                        self.emit.binary_op(BinOp::Op(BinaryOp::IS));
                    } else {
                        self.emit.binary_op(BinOp::IsNot);
                    }
                }
                _ => {}
            }
            if i + 2 < num {
                self.emit.jump_if_or_pop(false, l_fail);
            }
            i += 2;
        }
        if multi {
            let l_end = self.next_label();
            self.emit.jump(l_end);
            self.emit.label_assign(l_fail);
            self.emit.adjust_stack_size(1);
            self.emit.rot_two();
            self.emit.pop_top();
            self.emit.label_assign(l_end);
        }
    }

    /// `compile_binary_op` for `|`, `^`, `&`.
    pub(super) fn compile_binary_op(&mut self, s: &'a StructNode, op: BinaryOp) {
        self.compile_node(nth(s, 0));
        for n in s.nodes.iter().skip(1) {
            self.compile_node(n);
            self.emit.binary_op(BinOp::Op(op));
        }
    }

    /// `compile_term` for shifts, `+ -` and `* @ / % //`.
    pub(super) fn compile_term(&mut self, s: &'a StructNode) {
        let num = s.nodes.len();
        self.compile_node(nth(s, 0));
        let mut i = 1;
        while i + 1 < num {
            self.compile_node(&s.nodes[i + 1]);
            let tok = match &s.nodes[i] {
                Node::Token(t) => *t,
                _ => TokenKind::OP_PERCENT,
            };
            self.emit.binary_op(BinOp::Op(term_op(tok)));
            i += 2;
        }
    }

    /// `compile_factor_2`: unary `+ - ~`.
    pub(super) fn compile_factor_2(&mut self, s: &'a StructNode) {
        self.compile_node(nth(s, 1));
        let op = match nth(s, 0) {
            Node::Token(TokenKind::OP_TILDE) => UnaryOp::INVERT,
            Node::Token(TokenKind::OP_MINUS) => UnaryOp::NEGATIVE,
            _ => UnaryOp::POSITIVE,
        };
        self.emit.unary_op(op);
    }

    /// `compile_atom_expr_normal`: an atom followed by trailers, with the method-call and super() forms.
    pub(super) fn compile_atom_expr_normal(&mut self, s: &'a StructNode) {
        self.compile_node(nth(s, 0));
        let trailers: &'a [Node] = match nth(s, 1) {
            Node::Null => return,
            Node::Struct(t) if t.rule == Rule::atom_expr_trailers => &t.nodes,
            other => core::slice::from_ref(other),
        };
        let rule_of = |i: usize| match trailers.get(i) {
            Some(Node::Struct(t)) => Some(t.rule),
            _ => None,
        };
        let mut i = 0;
        if self.scope().kind == ScopeKind::Function
            && matches!(nth(s, 0), Node::Id(q) if *q == self.names.super_)
            && matches!(trailers.first(), Some(Node::Struct(t)) if t.rule == Rule::trailer_paren && nth(t, 0).is_null())
        {
            self.load_id(self.names.dunder_class);
            let first_param = self
                .scope()
                .ids
                .iter()
                .find(|id| id.flags & crate::scope::ID_FLAG_IS_PARAM != 0)
                .map(|id| id.qst);
            match first_param {
                Some(q) => self.load_id(q),
                None => {
                    self.syntax_error(&trailers[0], "super() can't find self");
                    return;
                }
            }
            if trailers.len() >= 3
                && rule_of(1) == Some(Rule::trailer_period)
                && rule_of(2) == Some(Rule::trailer_paren)
            {
                let (Node::Struct(period), Node::Struct(paren)) = (&trailers[1], &trailers[2])
                else {
                    return;
                };
                self.load_method(leaf_qstr(nth(period, 0)), true);
                self.compile_trailer_paren_helper(nth(paren, 0), true, 0);
                i = 3;
            } else {
                self.emit.call_function(2, 0, 0);
                i = 1;
            }
        }
        while i < trailers.len() {
            if i + 1 < trailers.len()
                && rule_of(i) == Some(Rule::trailer_period)
                && rule_of(i + 1) == Some(Rule::trailer_paren)
            {
                let (Node::Struct(period), Node::Struct(paren)) = (&trailers[i], &trailers[i + 1])
                else {
                    return;
                };
                self.load_method(leaf_qstr(nth(period, 0)), false);
                self.compile_trailer_paren_helper(nth(paren, 0), true, 0);
                i += 1;
            } else {
                self.compile_node(&trailers[i]);
            }
            i += 1;
        }
    }

    /// `compile_trailer_paren_helper`: the arguments of a call.
    pub(super) fn compile_trailer_paren_helper(
        &mut self,
        pn_arglist: &'a Node,
        is_method_call: bool,
        n_positional_extra: u32,
    ) {
        let args = pn_arglist.extract_list(Rule::arglist);
        let mut n_positional = n_positional_extra;
        let mut n_keyword = 0u32;
        let mut star_flags = 0u32;
        let mut star_args: i64 = 0;
        for (i, arg) in args.iter().enumerate() {
            let special = match arg {
                Node::Struct(a)
                    if matches!(
                        a.rule,
                        Rule::arglist_star | Rule::arglist_dbl_star | Rule::argument
                    ) =>
                {
                    Some(a)
                }
                _ => None,
            };
            match special {
                Some(a) if a.rule == Rule::arglist_star => {
                    if star_flags & STAR_FLAG_DOUBLE != 0 {
                        self.syntax_error(arg, "* arg after **");
                        return;
                    }
                    if n_keyword != 0 {
                        self.syntax_error(arg, "* arg after kwarg");
                        return;
                    }
                    if i + 1 >= usize::from(self.opts.small_int_bits) {
                        self.syntax_error(arg, "too many args");
                        return;
                    }
                    star_flags |= STAR_FLAG_SINGLE;
                    star_args |= 1i64 << i;
                    self.compile_node(nth(a, 0));
                    n_positional += 1;
                }
                Some(a) if a.rule == Rule::arglist_dbl_star => {
                    star_flags |= STAR_FLAG_DOUBLE;
                    self.emit.load_null();
                    self.compile_node(nth(a, 0));
                    n_keyword += 1;
                }
                Some(a) => {
                    let second = nth(a, 1);
                    if let Node::Struct(a3) = second {
                        if a3.rule == Rule::argument_3 {
                            self.compile_namedexpr_helper(nth(a, 0), nth(a3, 0));
                            n_positional += 1;
                            continue;
                        }
                    }
                    if is_kind(second, Rule::comp_for) {
                        self.compile_comprehension(a, ScopeKind::GenExpr);
                        n_positional += 1;
                    } else {
                        if !matches!(nth(a, 0), Node::Id(_)) {
                            self.syntax_error(arg, "LHS of keyword arg must be an id");
                            return;
                        }
                        self.load_const_str(leaf_qstr(nth(a, 0)));
                        self.compile_node(second);
                        n_keyword += 1;
                    }
                }
                None => {
                    if star_flags & STAR_FLAG_DOUBLE != 0 {
                        self.syntax_error(arg, "positional arg after **");
                        return;
                    }
                    if n_keyword > 0 {
                        self.syntax_error(arg, "positional arg after keyword arg");
                        return;
                    }
                    self.compile_node(arg);
                    n_positional += 1;
                }
            }
        }
        if star_flags != 0 {
            self.emit.load_const_small_int(star_args);
        }
        if is_method_call {
            self.emit.call_method(n_positional, n_keyword, star_flags);
        } else {
            self.emit.call_function(n_positional, n_keyword, star_flags);
        }
    }

    /// `compile_atom_paren`.
    pub(super) fn compile_atom_paren(&mut self, s: &'a StructNode) {
        match nth(s, 0) {
            Node::Null => self.emit.build(0, Build::Tuple),
            Node::Struct(inner) => {
                if has_comp_for(inner) {
                    self.compile_comprehension(inner, ScopeKind::GenExpr);
                } else {
                    self.compile_generic_tuple(inner);
                }
            }
            _ => {}
        }
    }

    /// `compile_atom_bracket`.
    pub(super) fn compile_atom_bracket(&mut self, s: &'a StructNode) {
        match nth(s, 0) {
            Node::Null => self.emit.build(0, Build::List),
            Node::Struct(inner) if inner.rule == Rule::testlist_comp => {
                if has_comp_for(inner) {
                    self.compile_comprehension(inner, ScopeKind::ListComp);
                } else {
                    self.compile_generic_all_nodes(inner);
                    #[allow(clippy::cast_possible_truncation)]
                    self.emit.build(inner.nodes.len() as u32, Build::List);
                }
            }
            other => {
                self.compile_node(other);
                self.emit.build(1, Build::List);
            }
        }
    }

    /// `compile_atom_brace_helper`: dict and set displays and comprehensions.
    pub(super) fn compile_atom_brace_helper(&mut self, s: &'a StructNode, create_map: bool) {
        let pn = nth(s, 0);
        match pn {
            Node::Null => {
                if create_map {
                    self.emit.build(0, Build::Map);
                }
            }
            Node::Struct(d) if d.rule == Rule::dictorsetmaker_item => {
                if create_map {
                    self.emit.build(1, Build::Map);
                }
                self.compile_node(pn);
                self.emit.store_map();
            }
            Node::Struct(d) if d.rule == Rule::dictorsetmaker => {
                let Node::Struct(tail) = nth(d, 1) else {
                    return;
                };
                if tail.rule == Rule::dictorsetmaker_list {
                    let items = nth(tail, 0).extract_list(Rule::dictorsetmaker_list2);
                    let is_dict = is_kind(nth(d, 0), Rule::dictorsetmaker_item);
                    #[allow(clippy::cast_possible_truncation)]
                    let n = items.len() as u32;
                    if is_dict {
                        if create_map {
                            self.emit.build(1 + n, Build::Map);
                        }
                        self.compile_node(nth(d, 0));
                        self.emit.store_map();
                    } else {
                        self.compile_node(nth(d, 0));
                    }
                    for item in items {
                        let is_key_value = is_kind(item, Rule::dictorsetmaker_item);
                        self.compile_node(item);
                        if is_dict {
                            if !is_key_value {
                                self.syntax_error_struct(d, "expecting key:value for dict");
                                return;
                            }
                            self.emit.store_map();
                        } else if is_key_value {
                            self.syntax_error_struct(d, "expecting just a value for set");
                            return;
                        }
                    }
                    if !is_dict {
                        self.emit.build(1 + n, Build::Set);
                    }
                } else if is_kind(nth(d, 0), Rule::dictorsetmaker_item) {
                    self.compile_comprehension(d, ScopeKind::DictComp);
                } else {
                    self.compile_comprehension(d, ScopeKind::SetComp);
                }
            }
            _ => {
                self.compile_node(pn);
                self.emit.build(1, Build::Set);
            }
        }
    }

    /// `compile_subscript`: slices.
    pub(super) fn compile_subscript(&mut self, s: &'a StructNode) {
        let mut s = s;
        if s.rule == Rule::subscript_2 {
            self.compile_node(nth(s, 0));
            let Node::Struct(s3) = nth(s, 1) else { return };
            s = s3;
        } else {
            self.emit.load_const_none();
        }
        let pn = nth(s, 0);
        match pn {
            Node::Null => {
                self.emit.load_const_none();
                self.emit.build(2, Build::Slice);
            }
            Node::Struct(p) if p.rule == Rule::subscript_3c => {
                self.emit.load_const_none();
                let step = nth(p, 0);
                if step.is_null() {
                    self.emit.build(2, Build::Slice);
                } else {
                    self.compile_node(step);
                    self.emit.build(3, Build::Slice);
                }
            }
            Node::Struct(p) if p.rule == Rule::subscript_3d => {
                self.compile_node(nth(p, 0));
                let Node::Struct(sliceop) = nth(p, 1) else {
                    return;
                };
                if nth(sliceop, 0).is_null() {
                    self.emit.build(2, Build::Slice);
                } else {
                    self.compile_node(nth(sliceop, 0));
                    self.emit.build(3, Build::Slice);
                }
            }
            _ => {
                self.compile_node(pn);
                self.emit.build(2, Build::Slice);
            }
        }
    }

    /// `compile_yield_expr`.
    pub(super) fn compile_yield_expr(&mut self, s: &'a StructNode) {
        if !matches!(self.scope().kind, ScopeKind::Function | ScopeKind::Lambda) {
            self.syntax_error_struct(s, "'yield' outside function");
            return;
        }
        match nth(s, 0) {
            Node::Null => {
                self.emit.load_const_none();
                self.emit.yield_(false, self.next_label);
                self.reserve_labels_for_native(1);
                self.mark_generator();
            }
            Node::Struct(f) if f.rule == Rule::yield_arg_from => {
                self.compile_node(nth(f, 0));
                self.compile_yield_from();
            }
            other => {
                self.compile_node(other);
                self.emit.yield_(false, self.next_label);
                self.reserve_labels_for_native(1);
                self.mark_generator();
            }
        }
    }

    /// `compile_atom_expr_await`.
    pub(super) fn compile_atom_expr_await(&mut self, s: &'a StructNode) {
        if !matches!(self.scope().kind, ScopeKind::Function | ScopeKind::Lambda) {
            self.syntax_error_struct(s, "'await' outside function");
            return;
        }
        self.compile_atom_expr_normal(s);
        self.compile_yield_from();
    }
}
