//! Functions, lambdas, classes and decorators (after `compile_funcdef*`, `compile_classdef*`,
//! `compile_decorated`, `close_over_variables_etc` and `compile_scope_func_lambda_param` in
//! py/compile.c).

use crate::emit::bytecode::{AccessKind, Build};
use crate::error::ErrorClass;
use crate::parse::grammar::Rule;
use crate::parse::node::{Node, StructNode};
use crate::qstr::Qstr;
use crate::scope::{
    EmitOption, IdKind, ScopeId, ScopeKind, ID_FLAG_IS_DBL_STAR_PARAM, ID_FLAG_IS_PARAM,
    ID_FLAG_IS_STAR_PARAM, SCOPE_FLAG_DEFKWARGS, SCOPE_FLAG_GENERATOR, SCOPE_FLAG_VARARGS,
    SCOPE_FLAG_VARKEYWORDS,
};

use super::{leaf_qstr, nth, Compiler};

/// Which parameter grammar a parameter list uses.
#[derive(Clone, Copy)]
struct ParamRules {
    name: Rule,
    star: Rule,
}

const FUNC_PARAMS: ParamRules = ParamRules {
    name: Rule::typedargslist_name,
    star: Rule::typedargslist_star,
};
const LAMBDA_PARAMS: ParamRules = ParamRules {
    name: Rule::varargslist_name,
    star: Rule::varargslist_star,
};

impl<'a> Compiler<'a, '_> {
    /// `close_over_variables_etc`: load the closed-over cells and make the function or closure.
    pub(super) fn close_over_variables_etc(
        &mut self,
        this_scope: ScopeId,
        n_pos_defaults: u32,
        n_kw_defaults: u32,
    ) {
        // Making a function takes a reference to the current globals (native code needs them).
        self.scope_mut().scope_flags |=
            crate::scope::SCOPE_FLAG_REFGLOBALS | crate::scope::SCOPE_FLAG_HASCONSTS;
        {
            let child = self.scopes.get_mut(this_scope);
            if n_kw_defaults > 0 {
                child.scope_flags |= SCOPE_FLAG_DEFKWARGS;
            }
            child.num_def_pos_args = u16::try_from(n_pos_defaults).unwrap_or(u16::MAX);
        }
        let mut nfree = 0u32;
        if self.scope().kind != ScopeKind::Module {
            let parent_ids = self.scope().ids.clone();
            for id in &parent_ids {
                if matches!(id.kind, IdKind::Cell | IdKind::Free) {
                    let matches = self
                        .scopes
                        .get(this_scope)
                        .ids
                        .iter()
                        .filter(|id2| id2.kind == IdKind::Free && id2.qst == id.qst)
                        .count();
                    for _ in 0..matches {
                        self.emit.load_fast(id.qst, id.local_num);
                        nfree += 1;
                    }
                }
            }
        }
        if nfree == 0 {
            self.emit
                .make_function(&mut self.common, this_scope, n_pos_defaults, n_kw_defaults);
        } else {
            self.emit.make_closure(
                &mut self.common,
                this_scope,
                nfree,
                n_pos_defaults,
                n_kw_defaults,
            );
        }
    }

    /// `compile_funcdef_lambdef_param`: evaluate one parameter's default.
    fn compile_funcdef_lambdef_param(&mut self, pn: &'a Node) {
        let (pn_id, pn_equal): (&'a Node, &'a Node) = match pn {
            Node::Id(_) => (pn, &super::NULL_NODE),
            Node::Struct(s) => match s.rule {
                Rule::typedargslist_star | Rule::varargslist_star => {
                    self.have_star = true;
                    return;
                }
                Rule::typedargslist_dbl_star | Rule::varargslist_dbl_star => return,
                Rule::typedargslist_name => (nth(s, 0), nth(s, 2)),
                _ => (nth(s, 0), nth(s, 1)),
            },
            _ => return,
        };
        if pn_equal.is_null() {
            if !self.have_star && self.num_default_params != 0 {
                self.syntax_error(pn, "non-default argument follows default argument");
            }
        } else if self.have_star {
            self.num_dict_params += 1;
            if self.num_dict_params == 1 {
                if self.num_default_params > 0 {
                    self.emit.build(self.num_default_params, Build::Tuple);
                } else {
                    self.emit.load_null();
                }
                self.emit.build(0, Build::Map);
            }
            self.compile_node(pn_equal);
            self.load_const_str(leaf_qstr(pn_id));
            self.emit.store_map();
        } else {
            self.num_default_params += 1;
            self.compile_node(pn_equal);
        }
    }

    /// `compile_funcdef_lambdef`: defaults, then MAKE_FUNCTION/MAKE_CLOSURE.
    fn compile_funcdef_lambdef(&mut self, scope: ScopeId, pn_params: &'a Node, list_rule: Rule) {
        let saved = (
            self.have_star,
            self.num_dict_params,
            self.num_default_params,
        );
        self.have_star = false;
        self.num_dict_params = 0;
        self.num_default_params = 0;
        self.apply_to_single_or_list(pn_params, list_rule, Self::compile_funcdef_lambdef_param);
        if self.has_error() {
            return;
        }
        if self.num_default_params > 0 && self.num_dict_params == 0 {
            self.emit.build(self.num_default_params, Build::Tuple);
            self.emit.load_null();
        }
        self.close_over_variables_etc(scope, self.num_default_params, self.num_dict_params);
        (
            self.have_star,
            self.num_dict_params,
            self.num_default_params,
        ) = saved;
    }

    /// `compile_classdef_helper`.
    fn compile_classdef_helper(&mut self, s: &'a StructNode, emit_options: EmitOption) -> Qstr {
        let scope = self.scope_for(s, ScopeKind::Class, emit_options);
        self.emit.load_build_class();
        self.close_over_variables_etc(scope, 0, 0);
        let name = self.scopes.get(scope).simple_name;
        self.load_const_str(name);
        let mut parents = nth(s, 1);
        if matches!(parents, Node::Struct(p) if p.rule == Rule::classdef_2) {
            parents = &super::NULL_NODE;
        }
        self.compile_trailer_paren_helper(parents, false, 2);
        name
    }

    /// `compile_built_in_decorator`: `@micropython.xxx`. Returns whether it was one.
    fn compile_built_in_decorator(
        &mut self,
        name_nodes: &'a [Node],
        emit_options: &mut EmitOption,
    ) -> bool {
        if leaf_qstr(&name_nodes[0]) != self.names.micropython {
            return false;
        }
        if name_nodes.len() != 2 {
            self.syntax_error(&name_nodes[0], "invalid micropython decorator");
            return true;
        }
        let attr = leaf_qstr(&name_nodes[1]);
        let n = &self.names;
        if attr == n.bytecode {
            *emit_options = EmitOption::Bytecode;
        } else if attr == n.native {
            *emit_options = EmitOption::NativePython;
        } else if attr == n.viper {
            *emit_options = EmitOption::Viper;
        } else if attr == n.asm_thumb || attr == n.asm_xtensa || attr == n.asm_rv32 {
            *emit_options = EmitOption::Asm;
        } else {
            self.syntax_error(&name_nodes[1], "invalid micropython decorator");
        }
        match *emit_options {
            EmitOption::NativePython | EmitOption::Viper if !self.opts.native_arch_available => {
                self.syntax_error(&name_nodes[1], "invalid arch");
            }
            EmitOption::Asm if !self.opts.asm_arch_available => {
                self.syntax_error(&name_nodes[1], "invalid arch");
            }
            _ => {}
        }
        true
    }

    /// `compile_decorated`.
    pub(super) fn compile_decorated(&mut self, s: &'a StructNode) {
        let decorators = nth(s, 0).extract_list(Rule::decorators);
        let mut emit_options = self.scope().emit_options;
        let mut num_built_in = 0;
        for dec in decorators {
            let Node::Struct(d) = dec else { continue };
            let name_nodes = nth(d, 0).extract_list(Rule::dotted_name);
            if name_nodes.is_empty() {
                continue;
            }
            if self.compile_built_in_decorator(name_nodes, &mut emit_options) {
                num_built_in += 1;
            } else {
                self.compile_node(&name_nodes[0]);
                for n in &name_nodes[1..] {
                    self.attr(leaf_qstr(n), AccessKind::Load);
                }
                if !nth(d, 1).is_null() {
                    self.compile_node(nth(d, 1));
                }
            }
        }
        let body = nth(s, 1);
        let Node::Struct(b) = body else { return };
        let name = match b.rule {
            Rule::funcdef => self.compile_funcdef_struct(b, emit_options).1,
            Rule::async_funcdef => {
                let Node::Struct(f) = nth(b, 0) else { return };
                let (scope, name) = self.compile_funcdef_struct(f, emit_options);
                self.scopes.get_mut(scope).scope_flags |= SCOPE_FLAG_GENERATOR;
                name
            }
            _ => self.compile_classdef_helper(b, emit_options),
        };
        for _ in 0..decorators.len() - num_built_in {
            self.emit.call_function(1, 0, 0);
        }
        self.store_id(name);
    }

    /// `compile_funcdef`.
    pub(super) fn compile_funcdef(&mut self, s: &'a StructNode) {
        let emit_options = self.scope().emit_options;
        let (_, name) = self.compile_funcdef_struct(s, emit_options);
        self.store_id(name);
    }

    /// `compile_funcdef_helper`.
    pub(super) fn compile_funcdef_struct(
        &mut self,
        s: &'a StructNode,
        emit_options: EmitOption,
    ) -> (ScopeId, Qstr) {
        let scope = self.scope_for(s, ScopeKind::Function, emit_options);
        self.compile_funcdef_lambdef(scope, nth(s, 1), Rule::typedargslist);
        (scope, self.scopes.get(scope).simple_name)
    }

    /// `compile_classdef`.
    pub(super) fn compile_classdef(&mut self, s: &'a StructNode) {
        let emit_options = self.scope().emit_options;
        let name = self.compile_classdef_helper(s, emit_options);
        self.store_id(name);
    }

    /// `compile_lambdef`.
    pub(super) fn compile_lambdef(&mut self, s: &'a StructNode) {
        let emit_options = self.scope().emit_options;
        let scope = self.scope_for(s, ScopeKind::Lambda, emit_options);
        self.compile_funcdef_lambdef(scope, nth(s, 0), Rule::varargslist);
    }

    /// `compile_async_stmt`.
    pub(super) fn compile_async_stmt(&mut self, s: &'a StructNode) {
        let Node::Struct(s0) = nth(s, 0) else { return };
        if s0.rule == Rule::funcdef {
            let emit_options = self.scope().emit_options;
            let (scope, name) = self.compile_funcdef_struct(s0, emit_options);
            self.store_id(name);
            self.scopes.get_mut(scope).scope_flags |= SCOPE_FLAG_GENERATOR;
        } else {
            if self.scope().scope_flags & SCOPE_FLAG_GENERATOR == 0 {
                self.syntax_error_struct(s0, "async for/with outside async function");
                return;
            }
            if s0.rule == Rule::for_stmt {
                self.compile_async_for_stmt(s0);
            } else {
                self.compile_async_with_stmt(s0);
            }
        }
    }

    // ---- parameters (SCOPE pass of the function/lambda itself) ----

    pub(super) fn compile_scope_func_param(&mut self, pn: &'a Node) {
        self.compile_scope_func_lambda_param(pn, FUNC_PARAMS);
    }

    pub(super) fn compile_scope_lambda_param(&mut self, pn: &'a Node) {
        self.compile_scope_func_lambda_param(pn, LAMBDA_PARAMS);
    }

    /// `compile_scope_func_lambda_param`.
    fn compile_scope_func_lambda_param(&mut self, pn: &'a Node, rules: ParamRules) {
        if self.scope().scope_flags & SCOPE_FLAG_VARKEYWORDS != 0 {
            self.syntax_error(pn, "invalid syntax");
            return;
        }
        let mut param_name: Option<Qstr> = None;
        let mut param_flag = ID_FLAG_IS_PARAM;
        // The node holding a possible annotation (as its second child): the parameter itself,
        // or for `*name: ann` the inner `tfpdef` (the reference's `pns`).
        let mut annotated: Option<&'a Node> = Some(pn);
        match pn {
            Node::Id(q) => {
                param_name = Some(*q);
                self.count_param();
            }
            Node::Struct(s) if s.rule == rules.name => {
                param_name = Some(leaf_qstr(nth(s, 0)));
                self.count_param();
            }
            Node::Struct(s) if s.rule == rules.star => {
                if self.have_star {
                    self.syntax_error(pn, "invalid syntax");
                    return;
                }
                self.have_star = true;
                param_flag = ID_FLAG_IS_PARAM | ID_FLAG_IS_STAR_PARAM;
                annotated = None;
                match nth(s, 0) {
                    Node::Null => {}
                    Node::Id(q) => {
                        self.scope_mut().scope_flags |= SCOPE_FLAG_VARARGS;
                        param_name = Some(*q);
                    }
                    tfpdef @ Node::Struct(tf) => {
                        self.scope_mut().scope_flags |= SCOPE_FLAG_VARARGS;
                        param_name = Some(leaf_qstr(nth(tf, 0)));
                        annotated = Some(tfpdef);
                    }
                    _ => {}
                }
            }
            Node::Struct(s) => {
                param_name = Some(leaf_qstr(nth(s, 0)));
                param_flag = ID_FLAG_IS_PARAM | ID_FLAG_IS_DBL_STAR_PARAM;
                self.scope_mut().scope_flags |= SCOPE_FLAG_VARKEYWORDS;
            }
            _ => {}
        }
        if let Some(q) = param_name {
            let sc = self.scope_mut();
            let i = sc.find_or_add(q, IdKind::Undecided);
            if sc.ids[i].kind != IdKind::Undecided {
                self.syntax_error(pn, "argument name reused");
                return;
            }
            sc.ids[i].kind = IdKind::Local;
            sc.ids[i].flags = param_flag;
            if self.scope().emit_options == crate::scope::EmitOption::Viper
                && rules.name == FUNC_PARAMS.name
            {
                if let Some(Node::Struct(s)) = annotated {
                    let t = self.viper_type_annotation(nth(s, 1));
                    let sc = self.scope_mut();
                    sc.ids[i].flags |= t << crate::emit::native::ID_FLAG_VIPER_TYPE_POS;
                }
            }
        }
    }

    /// `compile_viper_type_annotation`: the native type an annotation names (object if none).
    pub(super) fn viper_type_annotation(&mut self, pn: &'a Node) -> u8 {
        match pn {
            Node::Null => 0,
            Node::Id(q) => {
                if let Some(t) = crate::emit::native::native_type_from_name(self.pool.bytes(*q)) {
                    t
                } else {
                    let message = format!(
                        "unknown type '{}'",
                        String::from_utf8_lossy(self.pool.bytes(*q))
                    );
                    // The reference stores this straight into its error slot.
                    self.error = Some(super::PendingError {
                        class: ErrorClass::ViperTypeError,
                        message,
                    });
                    0
                }
            }
            _ => {
                self.syntax_error(pn, "annotation must be an identifier");
                0
            }
        }
    }

    fn count_param(&mut self) {
        let have_star = self.have_star;
        let sc = self.scope_mut();
        if have_star {
            sc.num_kwonly_args += 1;
        } else {
            sc.num_pos_args += 1;
        }
    }
}
