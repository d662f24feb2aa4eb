//! The compiler (after py/compile.c): parse tree to per-scope bytecode, with the reference's passes.
//!
//! Pass structure, as in the reference: every scope first runs the SCOPE pass (scopes are
//! discovered and appended as it goes, identifiers are collected), then identifier analysis
//! (`Scopes::compute_things`), then scope by scope STACK_SIZE, CODE_SIZE and EMIT (repeated
//! until the code stops shrinking). qstr and constant indices are handed out on first use
//! during this walk, so the walk order is part of the output format.
//!
//! The construct areas live in sibling files, each an `impl Compiler` block.

mod assign;
mod comprehension;
mod control_flow;
mod def;
mod expr;
mod import;
mod inline_asm;
mod stmt;
mod try_with;

use std::collections::HashMap;

use crate::emit::bytecode::{BytecodeEmitter, SetupBlock};
use crate::emit::common::EmitCommon;
use crate::emit::dispatch::Emitter;
use crate::emit::inline_asm::InlineAsm;
use crate::emit::Pass;
use crate::error::{CompileError, ErrorClass};
use crate::lexer::TokenKind;
use crate::parse::grammar::Rule;
use crate::parse::node::{Node, StructNode};
use crate::qstr::{Qstr, QstrPool};
use crate::scope::{EmitOption, IdKind, Scope, ScopeId, ScopeKind, Scopes};
use crate::value::ConstValue;

/// `INVALID_LABEL`.
const INVALID_LABEL: u32 = 0xffff;

/// Deepest `compile_node` nesting accepted; deeper trees are reported instead of overflowing the stack.
const MAX_DEPTH: u32 = 100_000;

static NULL_NODE: Node = Node::Null;

/// The options the compiler core needs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CoreOptions {
    pub optimize: u8,
    pub small_int_bits: u8,
    pub source_lines: bool,
    /// Whether `@micropython.native`/`viper`/`asm_*` may be used (an arch with an emitter was given).
    pub native_arch_available: bool,
    pub asm_arch_available: bool,
    /// The `-march` target (for the native emitter).
    pub arch: mpy_format::arch::Arch,
    /// `-march-flags` (rv32imc: bit 0 zba, bit 1 zcmp; the native emitter's allowed extensions).
    pub arch_flags: u32,
    /// REPL input (`compile(..., "single")`): module-level expression statements print their
    /// value through the `__repl_print__` built-in.
    pub is_repl: bool,
}

/// Qstrs the compiler refers to by name (interned once up front).
#[allow(non_snake_case)]
struct Names {
    empty: Qstr,
    star: Qstr,
    dunder_class: Qstr,
    dunder_name: Qstr,
    dunder_module: Qstr,
    dunder_qualname: Qstr,
    super_: Qstr,
    range: Qstr,
    micropython: Qstr,
    bytecode: Qstr,
    native: Qstr,
    viper: Qstr,
    asm_thumb: Qstr,
    asm_xtensa: Qstr,
    asm_rv32: Qstr,
    AssertionError: Qstr,
    StopAsyncIteration: Qstr,
    BaseException: Qstr,
    dunder_aiter: Qstr,
    dunder_anext: Qstr,
    dunder_aenter: Qstr,
    dunder_aexit: Qstr,
    module: Qstr,
    lambda: Qstr,
    listcomp: Qstr,
    dictcomp: Qstr,
    setcomp: Qstr,
    genexpr: Qstr,
}

impl Names {
    fn new(pool: &mut QstrPool) -> Self {
        let mut q = |s: &str| pool.intern(s.as_bytes());
        Self {
            empty: q(""),
            star: q("*"),
            dunder_class: q("__class__"),
            dunder_name: q("__name__"),
            dunder_module: q("__module__"),
            dunder_qualname: q("__qualname__"),
            super_: q("super"),
            range: q("range"),
            micropython: q("micropython"),
            bytecode: q("bytecode"),
            native: q("native"),
            viper: q("viper"),
            asm_thumb: q("asm_thumb"),
            asm_xtensa: q("asm_xtensa"),
            asm_rv32: q("asm_rv32"),
            AssertionError: q("AssertionError"),
            StopAsyncIteration: q("StopAsyncIteration"),
            BaseException: q("BaseException"),
            dunder_aiter: q("__aiter__"),
            dunder_anext: q("__anext__"),
            dunder_aenter: q("__aenter__"),
            dunder_aexit: q("__aexit__"),
            module: q("<module>"),
            lambda: q("<lambda>"),
            listcomp: q("<listcomp>"),
            dictcomp: q("<dictcomp>"),
            setcomp: q("<setcomp>"),
            genexpr: q("<genexpr>"),
        }
    }
}

/// What the compiler produced for one scope.
#[derive(Debug, Default, Clone)]
pub(crate) struct RawCode {
    pub fun_data: Vec<u8>,
    pub children: Vec<ScopeId>,
    /// Native code: its kind (with the prelude offset); `None` for bytecode.
    pub native: Option<crate::emit::native::NativeKind>,
}

/// The compiled module: tables plus one raw code per scope (scope 0 is the module).
#[derive(Debug)]
pub(crate) struct CompiledModule {
    pub qstrs: Vec<Qstr>,
    pub consts: Vec<ConstValue>,
    pub raw_codes: Vec<RawCode>,
}

/// How an error is being reported: the first error wins, like `compile_error` in the reference.
struct PendingError {
    class: ErrorClass,
    message: String,
}

/// An error raised outside the compiler's error slot (no traceback line), e.g. "bytecode overflow",
/// an Xtensa inline assembler's out-of-range branch (`RuntimeError`), or a Zcmp stack adjustment
/// past a machine word (`OverflowError`).
struct RaisedError(ErrorClass, String);

/// `compiler_t`.
pub(crate) struct Compiler<'a, 'p> {
    pool: &'p mut QstrPool,
    names: Names,
    opts: CoreOptions,
    pass: Pass,
    error: Option<PendingError>,
    error_line: u32,
    next_label: u32,
    num_dict_params: u32,
    num_default_params: u32,
    have_star: bool,
    break_label: u32,
    continue_label: u32,
    cur_except_level: u32,
    break_continue_except_level: u32,
    scopes: Scopes,
    /// The parse node of each scope (`None` for the module, whose node is `root`).
    scope_nodes: Vec<Option<&'a StructNode>>,
    root: &'a Node,
    scope_of_node: HashMap<usize, ScopeId>,
    cur: ScopeId,
    emit: Emitter,
    common: EmitCommon,
    depth: u32,
    raw_codes: Vec<RawCode>,
    raised: Option<RaisedError>,
    /// The inline assembler, made when the first `@micropython.asm_*` function is emitted.
    inline_asm: Option<Box<dyn InlineAsm>>,
}

/// `MP_PARSE_NODE_STRUCT` child `i`, or the null node.
pub(crate) fn nth(s: &StructNode, i: usize) -> &Node {
    s.nodes.get(i).unwrap_or(&NULL_NODE)
}

/// `MP_PARSE_NODE_LEAF_ARG` of an identifier or string leaf.
pub(crate) fn leaf_qstr(n: &Node) -> Qstr {
    match n {
        Node::Id(q) | Node::Str(q) => *q,
        _ => Qstr(0),
    }
}

/// `MP_PARSE_NODE_IS_STRUCT_KIND`.
pub(crate) fn is_kind(n: &Node, rule: Rule) -> bool {
    matches!(n, Node::Struct(s) if s.rule == rule)
}

/// The identity of a struct node (its address is stable for the whole compile).
fn node_key(s: &StructNode) -> usize {
    core::ptr::from_ref(s) as usize
}

/// `mp_parse_node_is_const` and the truth of the constant (`parse_node_is_const_bool`).
fn const_truth_of(n: &Node, pool: &QstrPool) -> Option<bool> {
    match n {
        Node::SmallInt(v) => Some(*v != 0),
        Node::Str(q) => Some(!pool.bytes(*q).is_empty()),
        Node::Token(TokenKind::KW_NONE | TokenKind::KW_FALSE) => Some(false),
        Node::Token(TokenKind::KW_TRUE | TokenKind::ELLIPSIS) => Some(true),
        Node::Const(c) => Some(c.value.is_true()),
        Node::Struct(s) if s.rule == Rule::atom_paren && nth(s, 0).is_null() => Some(false),
        _ => None,
    }
}

impl<'a, 'p> Compiler<'a, 'p> {
    fn new(pool: &'p mut QstrPool, opts: CoreOptions, source_file: Qstr, root: &'a Node) -> Self {
        let names = Names::new(pool);
        let mut bc = BytecodeEmitter::default();
        bc.no_source_lines = opts.optimize >= 3 || !opts.source_lines;
        let mut cast_names = [None; 8];
        for (slot, name) in cast_names.iter_mut().zip(crate::emit::native::CAST_NAMES) {
            *slot = Some(pool.intern(name.as_bytes()));
        }
        let exit_q = pool.intern(b"__exit__");
        let enter_q = pool.intern(b"__enter__");
        let emit = Emitter::new(bc, opts.arch, opts.arch_flags, cast_names, exit_q, enter_q);
        Self {
            pool,
            names,
            opts,
            pass: Pass::Scope,
            error: None,
            error_line: 0,
            next_label: 0,
            num_dict_params: 0,
            num_default_params: 0,
            have_star: false,
            break_label: INVALID_LABEL,
            continue_label: INVALID_LABEL,
            cur_except_level: 0,
            break_continue_except_level: 0,
            scopes: Scopes::default(),
            scope_nodes: Vec::new(),
            root,
            scope_of_node: HashMap::new(),
            cur: ScopeId(0),
            emit,
            common: EmitCommon::new(source_file),
            depth: 0,
            raw_codes: Vec::new(),
            raised: None,
            inline_asm: None,
        }
    }

    // ---- small helpers ----

    fn scope(&self) -> &Scope {
        self.scopes.get(self.cur)
    }

    fn scope_mut(&mut self) -> &mut Scope {
        self.scopes.get_mut(self.cur)
    }

    fn has_error(&self) -> bool {
        self.error.is_some() || self.emit.has_viper_error() || self.emit.viper_assert().is_some()
    }

    fn next_label(&mut self) -> u32 {
        let l = self.next_label;
        self.next_label += 1;
        l
    }

    /// `compile_error_set_line`.
    fn error_set_line(&mut self, pn: &Node) {
        if self.error_line == 0 {
            match pn {
                Node::Struct(s) => self.error_line = s.source_line,
                Node::Const(c) => self.error_line = c.source_line,
                _ => {}
            }
        }
    }

    /// `compile_syntax_error`.
    #[cold]
    fn syntax_error(&mut self, pn: &Node, message: &str) {
        if self.error.is_none() {
            self.error = Some(PendingError {
                class: ErrorClass::SyntaxError,
                message: message.to_owned(),
            });
            self.error_set_line(pn);
        }
    }

    #[cold]
    fn syntax_error_struct(&mut self, s: &StructNode, message: &str) {
        if self.error.is_none() {
            self.error = Some(PendingError {
                class: ErrorClass::SyntaxError,
                message: message.to_owned(),
            });
            if self.error_line == 0 {
                self.error_line = s.source_line;
            }
        }
    }

    #[cold]
    fn syntax_error_at(&mut self, line: Option<u32>, message: &str) {
        if self.error.is_none() {
            self.error = Some(PendingError {
                class: ErrorClass::SyntaxError,
                message: message.to_owned(),
            });
            if self.error_line == 0 {
                self.error_line = line.unwrap_or(0);
            }
        }
    }

    fn is_const_false(n: &Node, pool: &QstrPool) -> bool {
        const_truth_of(n, pool) == Some(false)
    }

    fn is_const_true(n: &Node, pool: &QstrPool) -> bool {
        const_truth_of(n, pool) == Some(true)
    }

    fn increase_except_level(&mut self, label: u32, kind: SetupBlock) {
        self.emit.setup_block(&mut self.common, label, kind);
        self.cur_except_level += 1;
        if self.cur_except_level > u32::from(self.scope().exc_stack_size) {
            let level = u16::try_from(self.cur_except_level).unwrap_or(u16::MAX);
            self.scope_mut().exc_stack_size = level;
        }
    }

    fn decrease_except_level(&mut self) {
        self.cur_except_level = self.cur_except_level.saturating_sub(1);
        self.emit.end_finally(self.next_label);
        self.reserve_labels_for_native(1);
    }

    /// `reserve_labels_for_native`: labels the native emitter uses from the compiler's next one.
    fn reserve_labels_for_native(&mut self, n: u32) {
        if self.scope().emit_options != EmitOption::Bytecode {
            self.next_label += n;
        }
    }

    fn mark_generator(&mut self) {
        self.scope_mut().scope_flags |= crate::scope::SCOPE_FLAG_GENERATOR;
    }

    /// `scope_new_and_link`, or the scope made for `node` in the SCOPE pass.
    fn scope_for(
        &mut self,
        s: &'a StructNode,
        kind: ScopeKind,
        emit_options: EmitOption,
    ) -> ScopeId {
        let key = node_key(s);
        if self.pass == Pass::Scope {
            let simple_name = match kind {
                ScopeKind::Function | ScopeKind::Class => leaf_qstr(nth(s, 0)),
                ScopeKind::Module => self.names.module,
                ScopeKind::Lambda => self.names.lambda,
                ScopeKind::ListComp => self.names.listcomp,
                ScopeKind::DictComp => self.names.dictcomp,
                ScopeKind::SetComp => self.names.setcomp,
                ScopeKind::GenExpr => self.names.genexpr,
            };
            let id = self
                .scopes
                .push(Scope::new(kind, Some(self.cur), simple_name, emit_options));
            self.scope_nodes.push(Some(s));
            self.scope_of_node.insert(key, id);
            id
        } else {
            self.scope_of_node.get(&key).copied().unwrap_or(ScopeId(0))
        }
    }

    fn apply_to_single_or_list(
        &mut self,
        pn: &'a Node,
        list_rule: Rule,
        f: fn(&mut Self, &'a Node),
    ) {
        match pn {
            Node::Null => {}
            Node::Struct(s) if s.rule == list_rule => {
                for n in &s.nodes {
                    f(self, n);
                }
            }
            other => f(self, other),
        }
    }

    // ---- identifiers ----

    fn load_id(&mut self, q: Qstr) {
        if self.pass == Pass::Scope {
            self.scope_mut().find_or_add(q, IdKind::GlobalImplicit);
        } else {
            self.id_op(q, crate::emit::bytecode::AccessKind::Load);
        }
    }

    fn store_id(&mut self, q: Qstr) {
        if self.pass == Pass::Scope {
            self.get_id_for_modification(self.cur, q);
        } else {
            self.id_op(q, crate::emit::bytecode::AccessKind::Store);
        }
    }

    fn delete_id(&mut self, q: Qstr) {
        if self.pass == Pass::Scope {
            self.get_id_for_modification(self.cur, q);
        } else {
            self.id_op(q, crate::emit::bytecode::AccessKind::Delete);
        }
    }

    /// `mp_emit_common_get_id_for_modification`.
    fn get_id_for_modification(&mut self, scope: ScopeId, q: Qstr) -> usize {
        let sc = self.scopes.get_mut(scope);
        let i = sc.find_or_add(q, IdKind::GlobalImplicit);
        if sc.ids[i].kind == IdKind::GlobalImplicit {
            sc.ids[i].kind = if sc.kind.is_func_like() {
                IdKind::Local
            } else {
                IdKind::GlobalImplicitAssigned
            };
        }
        i
    }

    /// `mp_emit_common_id_op`.
    fn id_op(&mut self, q: Qstr, access: crate::emit::bytecode::AccessKind) {
        use crate::emit::bytecode::AccessKind;
        let Some(i) = self.scope().find(q) else {
            return;
        };
        let id = self.scope().ids[i];
        let e = &mut self.emit;
        let c = &mut self.common;
        match id.kind {
            IdKind::GlobalImplicit
            | IdKind::GlobalImplicitAssigned
            | IdKind::GlobalExplicit
            | IdKind::Undecided => {
                let global = id.kind == IdKind::GlobalExplicit;
                match access {
                    AccessKind::Load => e.load_name(c, q, global),
                    AccessKind::Store => e.store_name(c, q, global),
                    AccessKind::Delete => e.delete_name(c, q, global),
                }
            }
            IdKind::Local => match access {
                AccessKind::Load => e.load_fast(q, id.local_num),
                AccessKind::Store => e.store_fast(q, id.local_num),
                AccessKind::Delete => e.delete_local(q, id.local_num, false),
            },
            IdKind::Cell | IdKind::Free => match access {
                AccessKind::Load => e.load_deref(q, id.local_num),
                AccessKind::Store => e.store_deref(q, id.local_num),
                AccessKind::Delete => e.delete_local(q, id.local_num, true),
            },
        }
    }

    fn load_global(&mut self, q: Qstr) {
        self.emit.load_name(&mut self.common, q, true);
    }

    fn load_const_str(&mut self, q: Qstr) {
        self.emit
            .load_const_str(&mut self.common, q, self.pool.bytes(q));
    }

    fn load_const_tok(&mut self, tok: TokenKind) {
        match tok {
            TokenKind::KW_FALSE => self.emit.load_const_bool(false),
            TokenKind::KW_TRUE => self.emit.load_const_bool(true),
            TokenKind::ELLIPSIS => self
                .emit
                .load_const_obj(&mut self.common, &ConstValue::Ellipsis),
            _ => self.emit.load_const_none(),
        }
    }

    fn attr(&mut self, q: Qstr, kind: crate::emit::bytecode::AccessKind) {
        self.emit.attr(&mut self.common, q, kind);
    }

    fn load_method(&mut self, q: Qstr, is_super: bool) {
        self.emit.load_method(&mut self.common, q, is_super);
    }

    // ---- the dispatcher ----

    fn compile_generic_all_nodes(&mut self, s: &'a StructNode) {
        for n in &s.nodes {
            self.compile_node(n);
            if self.has_error() {
                self.error_set_line(n);
                return;
            }
        }
    }

    /// `compile_node`.
    fn compile_node(&mut self, pn: &'a Node) {
        match pn {
            Node::Null => {}
            Node::SmallInt(v) => self.emit.load_const_small_int(*v),
            Node::Id(q) => self.load_id(*q),
            Node::Str(q) => self.load_const_str(*q),
            Node::Token(TokenKind::NEWLINE) => {}
            Node::Token(t) => self.load_const_tok(*t),
            Node::Const(c) => {
                self.emit.set_source_line(c.source_line);
                self.emit.load_const_obj(&mut self.common, &c.value);
            }
            Node::Struct(s) => {
                self.emit.set_source_line(s.source_line);
                if self.depth >= MAX_DEPTH {
                    if self.error.is_none() {
                        self.error = Some(PendingError {
                            class: ErrorClass::MemoryError,
                            message: "maximum recursion depth exceeded".to_owned(),
                        });
                        self.error_line = s.source_line;
                    }
                    return;
                }
                self.depth += 1;
                self.compile_struct(s);
                self.depth -= 1;
            }
        }
    }

    fn compile_struct(&mut self, s: &'a StructNode) {
        use mpy_format::opcode::BinaryOp;
        match s.rule {
            Rule::file_input
            | Rule::file_input_2
            | Rule::simple_stmt_2
            | Rule::pass_stmt
            | Rule::suite_block_stmts => {
                self.compile_generic_all_nodes(s);
            }
            Rule::decorated => self.compile_decorated(s),
            Rule::funcdef => self.compile_funcdef(s),
            Rule::expr_stmt => self.compile_expr_stmt(s),
            Rule::testlist_star_expr | Rule::subscriptlist | Rule::testlist => {
                self.compile_generic_tuple(s)
            }
            Rule::del_stmt => self.compile_del_stmt(s),
            Rule::break_stmt | Rule::continue_stmt => self.compile_break_cont_stmt(s),
            Rule::return_stmt => self.compile_return_stmt(s),
            Rule::yield_stmt => {
                self.compile_node(nth(s, 0));
                self.emit.pop_top();
            }
            Rule::raise_stmt => self.compile_raise_stmt(s),
            Rule::import_name => self.compile_import_name(s),
            Rule::import_from => self.compile_import_from(s),
            Rule::global_stmt | Rule::nonlocal_stmt => self.compile_global_nonlocal_stmt(s),
            Rule::assert_stmt => self.compile_assert_stmt(s),
            Rule::async_stmt => self.compile_async_stmt(s),
            Rule::if_stmt => self.compile_if_stmt(s),
            Rule::while_stmt => self.compile_while_stmt(s),
            Rule::for_stmt => self.compile_for_stmt(s),
            Rule::try_stmt => self.compile_try_stmt(s),
            Rule::with_stmt => self.compile_with_stmt(s),
            Rule::namedexpr_test => self.compile_namedexpr_helper(nth(s, 0), nth(s, 1)),
            Rule::test_if_expr => self.compile_test_if_expr(s),
            Rule::lambdef | Rule::lambdef_nocond => self.compile_lambdef(s),
            Rule::or_test | Rule::and_test => self.compile_or_and_test(s),
            Rule::not_test_2 => {
                self.compile_node(nth(s, 0));
                self.emit.unary_op(mpy_format::opcode::UnaryOp::NOT);
            }
            Rule::comparison => self.compile_comparison(s),
            Rule::star_expr => self.syntax_error_struct(s, "*x must be assignment target"),
            Rule::expr => self.compile_binary_op(s, BinaryOp::OR),
            Rule::xor_expr => self.compile_binary_op(s, BinaryOp::XOR),
            Rule::and_expr => self.compile_binary_op(s, BinaryOp::AND),
            Rule::shift_expr | Rule::arith_expr | Rule::term => self.compile_term(s),
            Rule::factor_2 => self.compile_factor_2(s),
            Rule::power => {
                self.compile_generic_all_nodes(s);
                self.emit
                    .binary_op(crate::emit::bytecode::BinOp::Op(BinaryOp::POWER));
            }
            Rule::atom_expr_await => self.compile_atom_expr_await(s),
            Rule::atom_expr_normal => self.compile_atom_expr_normal(s),
            Rule::atom_paren => self.compile_atom_paren(s),
            Rule::atom_bracket => self.compile_atom_bracket(s),
            Rule::atom_brace => self.compile_atom_brace_helper(s, true),
            Rule::trailer_paren => self.compile_trailer_paren_helper(nth(s, 0), false, 0),
            Rule::trailer_bracket => {
                self.compile_node(nth(s, 0));
                self.emit.subscr(crate::emit::bytecode::AccessKind::Load);
            }
            Rule::trailer_period => self.attr(
                leaf_qstr(nth(s, 0)),
                crate::emit::bytecode::AccessKind::Load,
            ),
            Rule::subscript_2 | Rule::subscript_3 => self.compile_subscript(s),
            Rule::dictorsetmaker_item => {
                self.compile_node(nth(s, 1));
                self.compile_node(nth(s, 0));
            }
            Rule::classdef => self.compile_classdef(s),
            Rule::yield_expr => self.compile_yield_expr(s),
            _ => {}
        }
    }

    // ---- scopes ----

    /// `compile_scope`: one pass over one scope. Returns false when EMIT must be repeated.
    fn compile_scope(&mut self, id: ScopeId, pass: Pass) -> bool {
        self.pass = pass;
        self.cur = id;
        self.next_label = 0;
        self.common.start_pass(pass);
        self.emit
            .start_pass(pass, self.scopes.get(id), &mut self.common);
        self.reserve_labels_for_native(6);
        if pass == Pass::Scope {
            let sc = self.scope_mut();
            sc.stack_size = 0;
            sc.exc_stack_size = 0;
        }
        let pn = self.scope_nodes[id.index()];
        let kind = self.scope().kind;
        if kind == ScopeKind::Module {
            match self.root {
                // `eval` input: the module returns the expression's value.
                Node::Struct(s) if s.rule == Rule::eval_input => {
                    self.compile_node(nth(s, 0));
                }
                root => {
                    self.compile_node(root);
                    self.emit.load_const_none();
                }
            }
            self.emit.return_value();
        }
        match (kind, pn) {
            (ScopeKind::Module, _) | (_, None) => {}
            (ScopeKind::Function, Some(s)) => {
                if pass == Pass::Scope {
                    self.have_star = false;
                    self.apply_to_single_or_list(
                        nth(s, 1),
                        Rule::typedargslist,
                        Self::compile_scope_func_param,
                    );
                    if self.scope().emit_options == EmitOption::Viper {
                        let t = self.viper_type_annotation(nth(s, 2));
                        self.scope_mut().scope_flags |=
                            u16::from(t) << crate::emit::native::SCOPE_FLAG_VIPERRET_POS;
                    }
                }
                self.compile_node(nth(s, 3));
                self.emit.load_const_none();
                self.emit.return_value();
            }
            (ScopeKind::Lambda, Some(s)) => {
                self.emit.set_source_line(s.source_line);
                if pass == Pass::Scope {
                    self.have_star = false;
                    self.apply_to_single_or_list(
                        nth(s, 0),
                        Rule::varargslist,
                        Self::compile_scope_lambda_param,
                    );
                }
                self.compile_node(nth(s, 1));
                if self.scope().scope_flags & crate::scope::SCOPE_FLAG_GENERATOR != 0 {
                    self.emit.pop_top();
                    self.emit.load_const_none();
                }
                self.emit.return_value();
            }
            (
                ScopeKind::ListComp | ScopeKind::DictComp | ScopeKind::SetComp | ScopeKind::GenExpr,
                Some(s),
            ) => {
                self.compile_scope_comprehension(s, kind);
            }
            (ScopeKind::Class, Some(s)) => {
                if pass == Pass::Scope {
                    let q = self.names.dunder_class;
                    self.scope_mut().find_or_add(q, IdKind::Local);
                }
                self.load_id(self.names.dunder_name);
                self.store_id(self.names.dunder_module);
                self.load_const_str(leaf_qstr(nth(s, 0)));
                self.store_id(self.names.dunder_qualname);
                self.compile_node(nth(s, 2));
                let q = self.names.dunder_class;
                let class_id = self.scope().find(q).map(|i| self.scope().ids[i]);
                match class_id {
                    Some(info) if info.kind != IdKind::Local => {
                        self.emit.load_fast(q, info.local_num)
                    }
                    _ => self.emit.load_const_none(),
                }
                self.emit.return_value();
            }
        }
        let scope = self.scopes.get_mut(id);
        match self.emit.end_pass(scope, &mut self.common) {
            Ok(done) => done,
            Err(message) => {
                self.raised = Some(RaisedError(ErrorClass::RuntimeError, message.to_owned()));
                true
            }
        }
    }
}

/// The deepest value stack a bytecode function can have: the reference keeps the depth in a
/// 16-bit field and silently wraps it, writing a function whose frame is too small.
const MAX_STACK_DEPTH: usize = 0xffff;

/// Refuse a bytecode scope whose value stack is deeper than 16 bits can say, where the
/// reference would write a wrapped `n_state` and the VM would overrun the frame.
fn check_stack_depth(comp: &Compiler<'_, '_>, id: ScopeId) -> Result<(), CompileError> {
    let depth = usize::try_from(comp.emit.bc.max_stack).unwrap_or(0);
    if depth <= MAX_STACK_DEPTH {
        return Ok(());
    }
    let scope = comp.scopes.get(id);
    let line = comp.scope_nodes[id.index()].map_or(1, |s| s.source_line.max(1));
    let scope_name = String::from_utf8_lossy(comp.pool.bytes(scope.simple_name)).into_owned();
    Err(CompileError::in_scope(
        ErrorClass::SyntaxError,
        format!("expression too large: it needs a stack of {depth} values, the limit is {MAX_STACK_DEPTH}"),
        line,
        scope_name,
    )
    .with_hint("build a long literal in parts, e.g. with list.extend()"))
}

/// `mp_compile_to_raw_code`: compile a parse tree to the module's tables and raw codes.
pub(crate) fn compile_module(
    root: &Node,
    pool: &mut QstrPool,
    source_file: Qstr,
    opts: CoreOptions,
    default_emit: EmitOption,
) -> Result<(CompiledModule, bool), CompileError> {
    let mut comp = Compiler::new(pool, opts, source_file, root);
    let module_name = comp.names.module;
    comp.scopes.push(Scope::new(
        ScopeKind::Module,
        None,
        module_name,
        default_emit,
    ));
    comp.scope_nodes.push(None);

    let mut max_num_labels = 0;
    let mut i = 0;
    comp.emit.select_bytecode();
    while i < comp.scopes.list.len() && !comp.has_error() {
        let id = ScopeId(u32::try_from(i).unwrap_or(u32::MAX));
        if comp.scopes.get(id).emit_options == EmitOption::Asm {
            comp.compile_scope_inline_asm(id, Pass::Scope, None);
        } else {
            comp.compile_scope(id, Pass::Scope);
            let n_ids = comp.scopes.get(id).ids.len();
            for j in 0..n_ids {
                if comp.scopes.get(id).ids[j].kind == IdKind::GlobalImplicit {
                    comp.scopes.check_to_close_over(id, j);
                }
            }
        }
        max_num_labels = max_num_labels.max(comp.next_label);
        i += 1;
    }
    let viper_casts: Vec<Qstr> = crate::emit::native::CAST_NAMES[2..]
        .iter()
        .map(|n| comp.pool.intern(n.as_bytes()))
        .collect();
    if !comp.has_error() {
        for i in 0..comp.scopes.list.len() {
            let class = comp.names.dunder_class;
            comp.scopes.compute_things(
                ScopeId(u32::try_from(i).unwrap_or(u32::MAX)),
                class,
                &viper_casts,
            );
        }
    }
    comp.emit.set_max_num_labels(max_num_labels as usize);
    comp.raw_codes = vec![RawCode::default(); comp.scopes.list.len()];
    let mut i = 0;
    while i < comp.scopes.list.len() && !comp.has_error() {
        let id = ScopeId(u32::try_from(i).unwrap_or(u32::MAX));
        let previous_scope = comp.cur;
        comp.cur = id;
        if comp.scopes.get(id).emit_options == EmitOption::Asm {
            if comp.inline_asm.is_none() {
                comp.inline_asm = crate::emit::inline_asm::new_inline_asm(
                    comp.opts.arch,
                    comp.opts.arch_flags,
                    max_num_labels as usize,
                );
                if comp.inline_asm.is_none() {
                    // Unreachable: the decorator already gave "invalid arch" on these archs.
                    return Err(CompileError::new(
                        ErrorClass::NotImplementedError,
                        "no inline assembler for this architecture",
                        0,
                    )
                    .without_traceback());
                }
            }
            let mut asm = comp.inline_asm.take();
            comp.compile_scope_inline_asm(id, Pass::CodeSize, asm.as_deref_mut());
            if asm
                .as_deref()
                .is_some_and(InlineAsm::needs_second_size_pass)
            {
                comp.compile_scope_inline_asm(id, Pass::CodeSize, asm.as_deref_mut());
            }
            if !comp.has_error() {
                comp.compile_scope_inline_asm(id, Pass::Emit, asm.as_deref_mut());
            }
            if let Some(RaisedError(class, message)) = comp.raised.take() {
                return Err(CompileError::new(class, message, 0).without_traceback());
            }
            comp.inline_asm = asm;
            i += 1;
            continue;
        }
        if comp.emit.select(comp.scopes.get(id).emit_options).is_err() {
            // The reference raises this before it compiles the scope, so its traceback names
            // the scope compiled last: the previous one, or for the first the last scope of the
            // scope pass (`-X emit=native` with `-march=rv64imc`).
            comp.cur = previous_scope;
            comp.error = Some(PendingError {
                class: ErrorClass::NotImplementedError,
                message: "cannot emit native code for this architecture".into(),
            });
            break;
        }
        if comp.emit.wants_entry_name() {
            let name = crate::emit::dispatch::qualified_name(&comp.scopes, comp.pool, id);
            comp.emit.set_entry_name(name);
        }
        comp.compile_scope(id, Pass::StackSize);
        if !comp.has_error() {
            comp.compile_scope(id, Pass::CodeSize);
        }
        if !comp.has_error() {
            let mut guard = 0;
            while !comp.compile_scope(id, Pass::Emit) && guard < 64 {
                guard += 1;
            }
            if let Some(r) = comp.emit.raised().filter(|r| !r.is_viper_assert()) {
                return Err(native_raise_error(&r));
            }
            if let Some(RaisedError(class, message)) = comp.raised.take() {
                return Err(CompileError::new(class, message, 0).without_traceback());
            }
            if !comp.emit.is_native() {
                check_stack_depth(&comp, id)?;
            }
            comp.raw_codes[i] = if comp.emit.is_native() {
                match comp.emit.take_native_output() {
                    Some(code) => RawCode {
                        fun_data: code.fun_data,
                        children: code.children,
                        native: Some(code.kind),
                    },
                    None => RawCode::default(),
                }
            } else {
                RawCode {
                    fun_data: core::mem::take(&mut comp.emit.bc.fun_data),
                    children: comp.common.children.clone(),
                    native: None,
                }
            };
        }
        i += 1;
    }
    if let Some(r) = comp.emit.raised().filter(|r| !r.is_viper_assert()) {
        return Err(native_raise_error(&r));
    }
    // A viper type error comes first: a later assert in the same statement is its consequence.
    if let Some(viper) = comp.emit.viper_error() {
        let pool = &*comp.pool;
        let message = viper.message(&|q| String::from_utf8_lossy(pool.bytes(q)).into_owned());
        comp.error = Some(PendingError {
            class: ErrorClass::ViperTypeError,
            message,
        });
    } else if let Some(a) = comp.emit.viper_assert() {
        if a.line != 0 {
            comp.error_line = a.line;
        }
        comp.error = Some(PendingError {
            class: ErrorClass::ViperTypeError,
            message: a.message(),
        });
    }
    if let Some(err) = comp.error.take() {
        match comp.scope_nodes[comp.cur.index()] {
            Some(s) => {
                if comp.error_line == 0 {
                    comp.error_line = s.source_line;
                }
            }
            None => comp.error_set_line(root),
        }
        let scope_name =
            String::from_utf8_lossy(comp.pool.bytes(comp.scope().simple_name)).into_owned();
        return Err(CompileError::in_scope(
            err.class,
            err.message,
            comp.error_line,
            scope_name,
        ));
    }
    let module = CompiledModule {
        qstrs: comp.common.qstrs,
        consts: comp.common.consts,
        raw_codes: comp.raw_codes,
    };
    let has_native = comp.emit.has_native() || comp.inline_asm.is_some();
    Ok((module, has_native))
}

/// An exception raised out of the native emitter: printed without a traceback.
fn native_raise_error(r: &crate::emit::native::NativeRaise) -> CompileError {
    let class = match r.class_name() {
        "NotImplementedError" => ErrorClass::NotImplementedError,
        _ => ErrorClass::RuntimeError,
    };
    CompileError::new(class, r.message(), 0).without_traceback()
}
