//! Scopes and identifier analysis (after py/scope.c, py/scope.h and `scope_compute_things` in py/compile.c).
//!
//! One [`Scope`] per module, class, function, lambda and comprehension, kept in a flat list in
//! discovery order (the module first, children appended as the scope pass meets them). The
//! order matters: the reference assigns qstr and constant indices while walking this list.

use std::collections::HashMap;

use crate::qstr::Qstr;

/// Index of a scope in the compiler's scope list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct ScopeId(pub u32);

impl ScopeId {
    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }
}

/// What kind of block a scope is (`scope_kind_t`; the order matters for the predicates).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Lambda,
    ListComp,
    DictComp,
    SetComp,
    GenExpr,
    Function,
}

impl ScopeKind {
    /// `SCOPE_IS_FUNC_LIKE`: lambdas, comprehensions and functions.
    pub(crate) fn is_func_like(self) -> bool {
        self >= Self::Lambda
    }

    /// `SCOPE_IS_COMP_LIKE`: list/dict/set comprehensions and generator expressions.
    pub(crate) fn is_comp_like(self) -> bool {
        (Self::ListComp..=Self::GenExpr).contains(&self)
    }
}

/// How an identifier is bound in a scope (`id_info_kind_t`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IdKind {
    Undecided,
    GlobalImplicit,
    GlobalImplicitAssigned,
    GlobalExplicit,
    /// In a function, written and only referenced there.
    Local,
    /// In a function, read or written by children.
    Cell,
    /// In a function, belongs to an enclosing function.
    Free,
}

/// `ID_FLAG_IS_PARAM`.
pub(crate) const ID_FLAG_IS_PARAM: u8 = 0x01;
/// `ID_FLAG_IS_STAR_PARAM`.
pub(crate) const ID_FLAG_IS_STAR_PARAM: u8 = 0x02;
/// `ID_FLAG_IS_DBL_STAR_PARAM`.
pub(crate) const ID_FLAG_IS_DBL_STAR_PARAM: u8 = 0x04;

/// Scope flags (`MP_SCOPE_FLAG_*`, py/runtime0.h).
pub(crate) const SCOPE_FLAG_GENERATOR: u16 = 0x01;
pub(crate) const SCOPE_FLAG_VARKEYWORDS: u16 = 0x02;
pub(crate) const SCOPE_FLAG_VARARGS: u16 = 0x04;
pub(crate) const SCOPE_FLAG_DEFKWARGS: u16 = 0x08;
/// `MP_SCOPE_FLAG_REFGLOBALS`: the function refers to globals (native code swaps them in).
pub(crate) const SCOPE_FLAG_REFGLOBALS: u16 = 0x10;
/// `MP_SCOPE_FLAG_HASCONSTS`: the function uses the constant table (native code).
pub(crate) const SCOPE_FLAG_HASCONSTS: u16 = 0x20;
/// The flags that go into the bytecode prelude signature.
pub(crate) const SCOPE_FLAG_ALL_SIG: u16 = 0x0f;

/// One identifier of a scope (`id_info_t`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct IdInfo {
    pub kind: IdKind,
    pub flags: u8,
    /// Local slot for locals; closure index for cells and free variables.
    pub local_num: u16,
    pub qst: Qstr,
}

/// Which emitter a scope asks for (`MP_EMIT_OPT_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EmitOption {
    None,
    Bytecode,
    NativePython,
    Viper,
    Asm,
}

/// A scope (`scope_t`).
#[derive(Debug)]
pub(crate) struct Scope {
    pub kind: ScopeKind,
    pub parent: Option<ScopeId>,
    pub simple_name: Qstr,
    pub scope_flags: u16,
    pub emit_options: EmitOption,
    pub num_pos_args: u16,
    pub num_kwonly_args: u16,
    pub num_def_pos_args: u16,
    pub num_locals: u16,
    pub stack_size: u16,
    pub exc_stack_size: u16,
    pub ids: Vec<IdInfo>,
    /// Where each identifier is in `ids`.
    index: HashMap<Qstr, usize>,
}

impl Scope {
    pub(crate) fn new(
        kind: ScopeKind,
        parent: Option<ScopeId>,
        simple_name: Qstr,
        emit_options: EmitOption,
    ) -> Self {
        Self {
            kind,
            parent,
            simple_name,
            scope_flags: 0,
            emit_options,
            num_pos_args: 0,
            num_kwonly_args: 0,
            num_def_pos_args: 0,
            num_locals: 0,
            stack_size: 0,
            exc_stack_size: 0,
            ids: Vec::new(),
            index: HashMap::new(),
        }
    }

    /// `scope_find`: the index of `qst` in this scope's identifiers.
    pub(crate) fn find(&self, qst: Qstr) -> Option<usize> {
        self.index.get(&qst).copied()
    }

    /// `scope_find_or_add_id`: the index of `qst`, adding it with `kind` if new.
    pub(crate) fn find_or_add(&mut self, qst: Qstr, kind: IdKind) -> usize {
        if let Some(i) = self.find(qst) {
            return i;
        }
        self.ids.push(IdInfo {
            kind,
            flags: 0,
            local_num: 0,
            qst,
        });
        self.index.insert(qst, self.ids.len() - 1);
        self.ids.len() - 1
    }
}

/// The flat scope list with the parent-walking operations of py/scope.c.
#[derive(Debug, Default)]
pub(crate) struct Scopes {
    pub list: Vec<Scope>,
    /// Per parent scope, its cell and free variables in id order, computed once for all of
    /// its children by `compute_things` (id kinds are final after the SCOPE pass).
    closed_over: HashMap<ScopeId, Vec<Qstr>>,
}

impl Scopes {
    pub(crate) fn get(&self, id: ScopeId) -> &Scope {
        &self.list[id.index()]
    }

    pub(crate) fn get_mut(&mut self, id: ScopeId) -> &mut Scope {
        &mut self.list[id.index()]
    }

    pub(crate) fn push(&mut self, scope: Scope) -> ScopeId {
        self.list.push(scope);
        ScopeId(u32::try_from(self.list.len() - 1).unwrap_or(u32::MAX))
    }

    /// The outermost (module) scope of `id`.
    fn root(&self, mut id: ScopeId) -> ScopeId {
        while let Some(p) = self.get(id).parent {
            id = p;
        }
        id
    }

    /// `scope_find_global`: the index of `qst` in the module scope.
    pub(crate) fn find_global(&self, id: ScopeId, qst: Qstr) -> Option<(ScopeId, usize)> {
        let root = self.root(id);
        self.get(root).find(qst).map(|i| (root, i))
    }

    /// `scope_close_over_in_parents`.
    fn close_over_in_parents(&mut self, scope: ScopeId, qst: Qstr) {
        let mut s = self.get(scope).parent;
        while let Some(sid) = s {
            // The reference never reaches the module scope here.
            if self.get(sid).parent.is_none() {
                return;
            }
            let sc = self.get_mut(sid);
            let i = sc.find_or_add(qst, IdKind::Undecided);
            let id = &mut sc.ids[i];
            if id.kind == IdKind::Undecided {
                id.kind = IdKind::Free;
            } else {
                if id.kind == IdKind::Local {
                    id.kind = IdKind::Cell;
                }
                return;
            }
            s = sc.parent;
        }
    }

    /// `scope_check_to_close_over`: make `ids[idx]` of `scope` free if an enclosing function binds it.
    pub(crate) fn check_to_close_over(&mut self, scope: ScopeId, idx: usize) {
        let qst = self.get(scope).ids[idx].qst;
        let mut s = self.get(scope).parent;
        while let Some(sid) = s {
            let sc = self.get(sid);
            if sc.parent.is_none() {
                break;
            }
            if let Some(i2) = sc.find(qst) {
                let k = sc.ids[i2].kind;
                if matches!(k, IdKind::Local | IdKind::Cell | IdKind::Free) {
                    self.get_mut(scope).ids[idx].kind = IdKind::Free;
                    self.close_over_in_parents(scope, qst);
                }
                break;
            }
            s = sc.parent;
        }
    }

    /// `scope_compute_things`: local slot numbers, cells, and free variables passed as leading args.
    pub(crate) fn compute_things(&mut self, id: ScopeId, dunder_class: Qstr, viper_casts: &[Qstr]) {
        let scope = self.get_mut(id);
        // *args is swapped with the last plain positional parameter (reference quirk).
        if scope.scope_flags & SCOPE_FLAG_VARARGS != 0 {
            let mut param: Option<usize> = None;
            for i in (0..scope.ids.len()).rev() {
                let flags = scope.ids[i].flags;
                if flags & ID_FLAG_IS_STAR_PARAM != 0 {
                    if let Some(p) = param {
                        scope.ids.swap(p, i);
                        scope.index.insert(scope.ids[p].qst, p);
                        scope.index.insert(scope.ids[i].qst, i);
                    }
                    break;
                } else if param.is_none() && flags == ID_FLAG_IS_PARAM {
                    param = Some(i);
                }
            }
        }
        scope.num_locals = 0;
        let kind = scope.kind;
        let emit_options = scope.emit_options;
        let mut refglobals = false;
        for id in &mut scope.ids {
            if kind == ScopeKind::Class && id.qst == dunder_class {
                continue;
            }
            if kind.is_func_like() && id.kind == IdKind::GlobalImplicit {
                id.kind = IdKind::GlobalExplicit;
            }
            // A reference to a global (a viper cast such as `int(x)` is not one).
            if id.kind == IdKind::GlobalExplicit
                && !(emit_options == EmitOption::Viper && viper_casts.contains(&id.qst))
            {
                refglobals = true;
            }
            if id.kind == IdKind::Local || id.flags & ID_FLAG_IS_PARAM != 0 {
                id.local_num = scope.num_locals;
                scope.num_locals += 1;
            }
        }
        if refglobals {
            scope.scope_flags |= SCOPE_FLAG_REFGLOBALS;
        }
        for id in &mut scope.ids {
            if id.kind == IdKind::Cell && id.flags & ID_FLAG_IS_PARAM == 0 {
                id.local_num = scope.num_locals;
                scope.num_locals += 1;
            }
        }
        let Some(parent) = self.get(id).parent else {
            return;
        };
        let mut num_free: u16 = 0;
        // Only the parent's cell and free variables matter, in the parent's order. Collecting
        // just those (not cloning every parent id) keeps this linear: a module with 40,000
        // functions has 40,000 ids, visited once per child otherwise.
        if !self.closed_over.contains_key(&parent) {
            let closed = self
                .get(parent)
                .ids
                .iter()
                .filter(|pid| matches!(pid.kind, IdKind::Cell | IdKind::Free))
                .map(|pid| pid.qst)
                .collect();
            self.closed_over.insert(parent, closed);
        }
        let parent_closed = &self.closed_over[&parent];
        let scope = &mut self.list[id.index()];
        for &parent_qst in parent_closed {
            for id2 in &mut scope.ids {
                if id2.kind == IdKind::Free && id2.qst == parent_qst {
                    id2.local_num = num_free;
                    num_free += 1;
                }
            }
        }
        if num_free > 0 {
            for id in &mut scope.ids {
                if id.kind != IdKind::Free || id.flags & ID_FLAG_IS_PARAM != 0 {
                    id.local_num += num_free;
                }
            }
            scope.num_pos_args += num_free;
            scope.num_locals += num_free;
        }
    }
}
