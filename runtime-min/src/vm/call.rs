//! Calling: argument views, bytecode prelude decoding, argument binding, function calls,
//! class instantiation and generators (after py/bc.c `mp_setup_code_state`, py/objfun.c,
//! py/objgenerator.c, py/objtype.c).

use crate::builtins as b;
use crate::heap::Kind;
use crate::loader::{Reader, M_CODES, M_QSTRS};
use crate::obj::{Obj, Qstr};
use crate::vm::dispatch::{ExecResult, F_FUN, F_IP, F_LOCALS, F_NSTATE, F_SP, F_STATE};
use crate::vm::{PyResult, Vm};

/// A view of call arguments: `n_pos` positional then `n_kw` (name, value) pairs, stored in
/// `src` (a heap block, from payload word `start`) or, when `src` is NULL, in the VM's
/// root slots from `start`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Args {
    pub src: Obj,
    pub start: u32,
    pub n_pos: u32,
    pub n_kw: u32,
}

/// What [`Vm::enter_function`] made.
enum Entered {
    /// A frame to run (pushed on the root stack).
    Frame(Obj),
    /// A generator object (nothing pushed).
    Generator(Obj),
}

/// Scope flags (py/runtime0.h).
pub(crate) const SCOPE_GENERATOR: u32 = 1;
pub(crate) const SCOPE_VARKEYWORDS: u32 = 2;
pub(crate) const SCOPE_VARARGS: u32 = 4;
pub(crate) const SCOPE_DEFKWARGS: u32 = 8;

/// How many decoded preludes [`Vm::code_info`] keeps.
pub(crate) const CODE_CACHE_SIZE: usize = 4;

/// A cached prelude: (module, the collection count when it was decoded, the prelude).
pub(crate) type CodeCacheEntry<'a> = Option<(Obj, u32, CodeInfo<'a>)>;

/// A decoded bytecode prelude.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CodeInfo<'a> {
    pub image: &'a [u8],
    pub module: Obj,
    pub n_state: u32,
    pub n_exc: u32,
    pub scope_flags: u32,
    pub n_pos: u32,
    pub n_kwonly: u32,
    pub n_def: u32,
    /// Start of the source-info section (simple name, arg names, line table).
    pub info_start: usize,
    pub info_end: usize,
    pub cells_start: usize,
    pub n_cell: u32,
    pub bc_start: usize,
    pub end: usize,
    /// The function's name (a qstr).
    pub name: Qstr,
    /// Code-table index.
    pub index: u32,
}

/// A decoded signature and size: (n_state, n_exc, flags, n_pos, n_kwonly, n_def), info start,
/// n_info, n_cell.
type PreludeParts = ((u32, u32, u32, u32, u32, u32), usize, u32, u32);

/// Decode a prelude at `off` in `image` (`MP_BC_PRELUDE_SIG_DECODE` / `SIZE_DECODE`).
fn decode_prelude(image: &[u8], off: usize, end: usize) -> Option<PreludeParts> {
    let mut r = Reader {
        data: image.get(..end)?,
        pos: off,
    };
    let mut z = r.u8()?;
    let mut s = u32::from((z >> 3) & 0xf);
    let mut e = u32::from((z >> 2) & 1);
    let mut f = 0u32;
    let mut a = u32::from(z & 3);
    let mut k = 0u32;
    let mut d = 0u32;
    let mut n = 0u32;
    while z & 0x80 != 0 {
        if n > 8 {
            return None;
        }
        z = r.u8()?;
        let zz = u32::from(z);
        s |= (zz & 0x30) << (2 * n);
        e |= (zz & 0x02) << n;
        f |= ((zz & 0x40) >> 6) << n;
        a |= (zz & 0x4) << n;
        k |= ((zz & 0x08) >> 3) << n;
        d |= (zz & 0x1) << n;
        n += 1;
    }
    s += 1;
    let mut c = 0u32;
    let mut info = 0u32;
    let mut n = 0u32;
    loop {
        if n > 4 {
            return None;
        }
        let z = u32::from(r.u8()?);
        c |= (z & 1) << n;
        info |= ((z & 0x7e) >> 1) << (6 * n);
        if z & 0x80 == 0 {
            break;
        }
        n += 1;
    }
    Some(((s, e, f, a, k, d), r.pos, info, c))
}

impl<'a> Vm<'a> {
    // ----- argument access -----

    pub(crate) fn arg_raw(&self, a: &Args, i: u32) -> Obj {
        if a.src.is_null() {
            self.root((a.start + i) as usize)
        } else {
            self.heap.get_obj(a.src.bits(), a.start + i)
        }
    }

    /// Positional argument `i` (NULL if absent).
    pub(crate) fn arg(&self, a: &Args, i: u32) -> Obj {
        if i < a.n_pos {
            self.arg_raw(a, i)
        } else {
            Obj::NULL
        }
    }

    pub(crate) fn arg_pos(&self, a: &Args, i: u32) -> Option<Obj> {
        (i < a.n_pos).then(|| self.arg_raw(a, i))
    }

    /// Keyword pair `i`.
    pub(crate) fn kw_pair(&self, a: &Args, i: u32) -> (Obj, Obj) {
        (
            self.arg_raw(a, a.n_pos + 2 * i),
            self.arg_raw(a, a.n_pos + 2 * i + 1),
        )
    }

    /// Keyword argument by name.
    pub(crate) fn arg_kw(&self, a: &Args, name: &[u8]) -> Option<Obj> {
        (0..a.n_kw).find_map(|i| {
            let (k, v) = self.kw_pair(a, i);
            (self.str_data(k) == Some(name)).then_some(v)
        })
    }

    /// Call `f` with positional `args` (rooted here for the duration).
    pub(crate) fn call_obj(&mut self, f: Obj, args: &[Obj]) -> PyResult<Obj> {
        if self.roots_free() < args.len() + 4 {
            let t = self.new_tuple_from(args)?;
            self.push_root(t);
            #[allow(clippy::cast_possible_truncation)]
            let a = Args {
                src: t,
                start: 1,
                n_pos: args.len() as u32,
                n_kw: 0,
            };
            let r = self.call(f, &a);
            self.pop_root();
            return r;
        }
        let base = self.roots_len();
        self.push_root(f);
        let start = self.roots_len();
        for &x in args {
            self.push_root(x);
        }
        #[allow(clippy::cast_possible_truncation)]
        let a = Args {
            src: Obj::NULL,
            start: start as u32,
            n_pos: args.len() as u32,
            n_kw: 0,
        };
        let r = self.call(f, &a);
        self.truncate_roots(base);
        r
    }

    /// Call `f` with `self_obj` prepended to `a`.
    pub(crate) fn call_with_self(&mut self, f: Obj, self_obj: Obj, a: &Args) -> PyResult<Obj> {
        let total = 1 + a.n_pos + 2 * a.n_kw;
        let base = self.roots_len();
        self.push_root(f);
        if self.roots_free() > total as usize + 4 {
            // The arguments go on the root stack (no allocation: MicroPython calls methods
            // with the heap locked too).
            let start = self.roots_len();
            self.push_root(self_obj);
            for i in 0..total - 1 {
                let v = self.arg_raw(a, i);
                self.push_root(v);
            }
            #[allow(clippy::cast_possible_truncation)]
            let na = Args {
                src: Obj::NULL,
                start: start as u32,
                n_pos: a.n_pos + 1,
                n_kw: a.n_kw,
            };
            let r = self.call(f, &na);
            self.truncate_roots(base);
            return r;
        }
        self.push_root(self_obj);
        let t = self.new_tuple(total);
        let t = match t {
            Ok(t) => t,
            Err(e) => {
                self.truncate_roots(base);
                return Err(e);
            }
        };
        self.heap.set_obj(t.bits(), 1, self_obj);
        for i in 0..a.n_pos + 2 * a.n_kw {
            let v = self.arg_raw(a, i);
            self.heap.set_obj(t.bits(), 2 + i, v);
        }
        self.push_root(t);
        let na = Args {
            src: t,
            start: 1,
            n_pos: a.n_pos + 1,
            n_kw: a.n_kw,
        };
        let r = self.call(f, &na);
        self.truncate_roots(base);
        r
    }

    /// Call any callable. The common cases (bytecode functions, bound methods) stay in this
    /// small frame; the rest is in [`Vm::call_other`], so Python recursion nests little stack.
    pub(crate) fn call(&mut self, f: Obj, a: &Args) -> PyResult<Obj> {
        match self.kind_of(f) {
            Some(Kind::Function) => self.call_function(f, a),
            Some(Kind::BoundMethod) => {
                let m = self.heap.get_obj(f.bits(), 0);
                let s = self.heap.get_obj(f.bits(), 1);
                self.call_with_self(m, s, a)
            }
            _ => self.call_other(f, a),
        }
    }

    #[inline(never)]
    fn call_other(&mut self, f: Obj, a: &Args) -> PyResult<Obj> {
        if let Some((k, n)) = f.as_imm() {
            return match k {
                1 => b::call_type(self, n, a),
                2 => match b::call_builtin(self, n, a) {
                    Some(r) => r,
                    None => Err(self.not_callable(f)),
                },
                3 => {
                    match b::METHODS.get(n as usize) {
                        Some(m) => {
                            if a.n_pos == 0 {
                                return Err(self.raise_msg_str(
                                    b::T_TYPE_ERROR,
                                    "unbound method needs an argument",
                                ));
                            }
                            let s = self.arg(a, 0);
                            // (object's, deque's, the streams' and sha256's methods take the
                            // instance itself)
                            if let Some(native) = self.native_of(s).filter(|_| {
                                !matches!(
                                    m.ty(),
                                    b::T_OBJECT
                                        | b::T_DEQUE
                                        | b::T_TEXTIO
                                        | b::T_FILEIO
                                        | b::T_STRINGIO
                                        | b::T_SHA256
                                )
                            }) {
                                // A method of the built-in base applies to the wrapped object.
                                let rest = Args {
                                    src: a.src,
                                    start: a.start + 1,
                                    n_pos: a.n_pos - 1,
                                    n_kw: a.n_kw,
                                };
                                return self.call_with_self(f, native, &rest);
                            }
                            if !m.class_method && !b::method_accepts(self, m.ty(), s) {
                                let t = self.type_name(s);
                                let want = b::type_name(m.ty());
                                return Err(self.raise_parts(
                                    b::T_TYPE_ERROR,
                                    &[&"argument should be a '", &want, &"' not a '", &t, &"'"],
                                ));
                            }
                            let r = (m.func)(self, a)?;
                            let emptied_by_strip = (m.name.ends_with("strip")
                                && self.bytes_data(r).is_some_and(<[u8]>::is_empty))
                                || m.name.ends_with("partition");
                            if m.ty() != b::T_BYTEARRAY
                                && self.is_kind(s, Kind::ByteArray)
                                && !emptied_by_strip
                            {
                                // (objstr.c's strip gives the empty *bytes* when nothing is
                                // left, even for a bytearray.)
                                // bytearray borrows bytes' methods: bytes results become bytearrays.
                                return self.bytes_result_as_bytearray(r);
                            }
                            Ok(r)
                        }
                        None => Err(self.not_callable(f)),
                    }
                }
                5 => self.call_native(n, a),
                _ => Err(self.not_callable(f)),
            };
        }
        match self.kind_of(f) {
            Some(Kind::Class) => self.instantiate(f, a),
            #[cfg(feature = "weakref")]
            Some(Kind::Instance)
                if self.is_builtin_instance(f, b::T_WEAKREF_REF)
                    || self.is_builtin_instance(f, b::T_WEAKREF_FINALIZE) =>
            {
                // py/modweakref.c's call slot ignores any arguments.
                self.weak_call(f)
            }
            Some(Kind::Instance) => {
                if let Some(m) = self.lookup_special(f, "__call__") {
                    return self.call_with_self(m, f, a);
                }
                Err(self.not_callable(f))
            }
            _ => Err(self.not_callable(f)),
        }
    }

    fn not_callable(&mut self, f: Obj) -> crate::vm::Raised {
        let t = self.type_name(f);
        self.raise_parts(b::T_TYPE_ERROR, &[&"'", &t, &"' object isn't callable"])
    }

    // ----- bytecode functions -----

    /// Decode the code of function `f`.
    pub(crate) fn code_of_function(&self, f: Obj) -> Option<CodeInfo<'a>> {
        if !self.is_kind(f, Kind::Function) {
            return None;
        }
        let module = self.heap.get_obj(f.bits(), 1);
        let index = self.heap.get(f.bits(), 0) & 0xf_ffff;
        self.code_info(module, index)
    }

    pub(crate) fn code_info(&self, module: Obj, index: u32) -> Option<CodeInfo<'a>> {
        // A few decoded preludes are kept: calls go to the same functions again and again.
        // An entry is good until the next collection (which may free its module and let a
        // new one take its place).
        let slot = &self.code_cache[(index ^ (module.bits() >> 3)) as usize % CODE_CACHE_SIZE];
        let collections = self.heap.collections;
        if let Some((m, gc, info)) = slot.get() {
            if m == module && gc == collections && info.index == index {
                return Some(info);
            }
        }
        let info = self.decode_code_info(module, index)?;
        slot.set(Some((module, collections, info)));
        Some(info)
    }

    fn decode_code_info(&self, module: Obj, index: u32) -> Option<CodeInfo<'a>> {
        if !self.is_kind(module, Kind::Module) {
            return None;
        }
        let image = self.image(self.heap.get(module.bits(), 0));
        let (off, len) = if let Some(view) = self.frozen_view(module) {
            let rc = Self::frozen_raw_code(&view, index)?;
            (rc.fun_data_offset as usize, rc.fun_data.len())
        } else {
            let codes = self.heap.get_obj(module.bits(), M_CODES);
            let n_codes = self.heap.block_words(codes.bits()).saturating_sub(1) / 4;
            if index >= n_codes {
                return None;
            }
            (
                self.heap.get(codes.bits(), index * 4) as usize,
                self.heap.get(codes.bits(), index * 4 + 1) as usize,
            )
        };
        let end = off.checked_add(len)?;
        if end > image.len() {
            return None;
        }
        let ((s, e, f, a, k, d), info_start, n_info, n_cell) = decode_prelude(image, off, end)?;
        let info_end = info_start.checked_add(n_info as usize)?;
        let bc_start = info_end.checked_add(n_cell as usize)?;
        if bc_start > end || s > 0x1_0000 || e > 0x1000 {
            return None;
        }
        let mut r = Reader {
            data: image.get(..info_end)?,
            pos: info_start,
        };
        let name_idx = r.vuint()?;
        let name = self.module_qstr(module, name_idx)?;
        Some(CodeInfo {
            image,
            module,
            n_state: s,
            n_exc: e,
            scope_flags: f,
            n_pos: a,
            n_kwonly: k,
            n_def: d,
            info_start,
            info_end,
            cells_start: info_end,
            n_cell,
            bc_start,
            end,
            name,
            index,
        })
    }

    /// Entry `i` of a module's qstr table.
    pub(crate) fn module_qstr(&self, module: Obj, i: u32) -> Option<Qstr> {
        if self.frozen_index(module).is_some() {
            return self.frozen_qstr_at(module, i);
        }
        let qstrs = self.heap.get_obj(module.bits(), M_QSTRS);
        let n = self.heap.block_words(qstrs.bits()).saturating_sub(1);
        (i < n).then(|| self.heap.get(qstrs.bits(), i))
    }

    /// Argument name `j` (slot order) of a code object.
    fn arg_name(&self, code: &CodeInfo<'a>, j: u32) -> Option<Qstr> {
        let mut r = Reader {
            data: code.image.get(..code.info_end)?,
            pos: code.info_start,
        };
        r.vuint()?;
        for _ in 0..j {
            r.vuint()?;
        }
        let idx = r.vuint()?;
        self.module_qstr(code.module, idx)
    }

    /// Allocate a frame for `fun` (state NULL-filled).
    pub(crate) fn new_frame(&mut self, fun: Obj, code: &CodeInfo<'a>) -> PyResult<u32> {
        let words = 6 + 2 + code.n_state + 3 * code.n_exc;
        self.push_root(fun);
        let fr = self.alloc(Kind::Frame, words);
        self.pop_root();
        let fr = fr?;
        self.heap.set(fr, F_NSTATE, code.n_state);
        #[allow(clippy::cast_possible_truncation)]
        self.heap.set(fr, F_IP, code.bc_start as u32);
        self.heap.set(fr, F_SP, 0);
        self.heap.set(fr, crate::vm::dispatch::F_CODE, code.index);
        // Flags: bit 0 = a generator's frame has started.
        self.heap.set(fr, crate::vm::dispatch::F_FLAGS, 0);
        self.heap.set_obj(fr, F_FUN, fun);
        Ok(fr)
    }

    fn set_local(&mut self, fr: u32, n_state: u32, i: u32, v: Obj) {
        if i < n_state {
            self.heap.set_obj(fr, F_STATE + n_state - 1 - i, v);
        }
    }

    fn get_local(&self, fr: u32, n_state: u32, i: u32) -> Obj {
        if i < n_state {
            self.heap.get_obj(fr, F_STATE + n_state - 1 - i)
        } else {
            Obj::NULL
        }
    }

    /// Call a bytecode function.
    pub(crate) fn call_function(&mut self, f: Obj, a: &Args) -> PyResult<Obj> {
        let fr = match self.enter_function(f, a)? {
            Entered::Frame(fr) => fr,
            Entered::Generator(g) => return Ok(g),
        };
        let r = self.run_frame(fr, Obj::NULL);
        self.pop_root();
        // Nothing keeps a returned (non-generator) frame: tracebacks record lines, closures
        // hold cells. Freeing it now keeps call-heavy code from fragmenting the heap.
        if let Some(off) = fr.heap_offset() {
            self.heap.release(off);
        }
        match r? {
            ExecResult::Return(v) | ExecResult::Yield(v) => Ok(v),
        }
    }

    /// Make the frame of a call to bytecode function `f` and bind its arguments: a
    /// generator object for generator functions, else the frame, left on the root stack.
    /// Out of line so that the decoded code info is not kept on the native stack while the
    /// callee runs.
    #[inline(never)]
    fn enter_function(&mut self, f: Obj, a: &Args) -> PyResult<Entered> {
        let Some(code) = self.code_of_function(f) else {
            return Err(self.raise_msg_str(b::T_RUNTIME_ERROR, "corrupt bytecode"));
        };
        let fr = self.new_frame(f, &code)?;
        self.push_root(Obj::heap(fr));
        let r = self.bind_args(f, fr, &code, a);
        if let Err(e) = r {
            self.pop_root();
            return Err(e);
        }
        if code.scope_flags & SCOPE_GENERATOR != 0 {
            // [running, frame, exception pending from pend_throw (NULL: none)]
            let g = self.alloc(Kind::Generator, 3);
            self.pop_root();
            let g = g?;
            self.heap.set_obj(g, 1, Obj::heap(fr));
            return Ok(Entered::Generator(Obj::heap(g)));
        }
        let globals = self
            .heap
            .get_obj(code.module.bits(), crate::loader::M_GLOBALS);
        self.heap.set_obj(fr, F_LOCALS, globals);
        Ok(Entered::Frame(Obj::heap(fr)))
    }

    /// Push a frame on the root stack and execute it.
    pub(crate) fn run_frame(&mut self, frame: Obj, inject: Obj) -> PyResult<ExecResult> {
        if self.depth >= self.max_depth.min(crate::vm::MAX_FRAMES) || self.native_stack_exhausted()
        {
            return Err(self.recursion_error());
        }
        self.frames[self.depth] = frame;
        self.depth += 1;
        if let Some(mark) = self.stack_marks.get_mut(self.depth.wrapping_sub(1)) {
            let probe = 0u8;
            *mark = core::ptr::addr_of!(probe) as usize;
        }
        let r = self.execute(frame, inject);
        self.depth -= 1;
        self.frames[self.depth] = Obj::NULL;
        r
    }

    /// mp_setup_code_state: bind positional, default, keyword, *args and **kwargs.
    #[inline(never)]
    fn bind_args(&mut self, f: Obj, fr: u32, code: &CodeInfo<'a>, a: &Args) -> PyResult<()> {
        let n_state = code.n_state;
        let n_closed = self.heap.get(f.bits(), 0) >> 20;
        let n_pos_params = code.n_pos;
        let n_kwonly = code.n_kwonly;
        let flags = code.scope_flags;
        let defaults = self.heap.get_obj(f.bits(), 2);
        let kwdefaults = self.heap.get_obj(f.bits(), 3);
        let n_args_total = n_closed + a.n_pos;
        let get_pos = |vm: &Vm<'a>, i: u32| -> Obj {
            if i < n_closed {
                vm.heap.get_obj(f.bits(), 4 + i)
            } else {
                vm.arg(a, i - n_closed)
            }
        };
        let var_slot = n_pos_params + n_kwonly; // local index of *args (then **kwargs)
        let mut next_var = var_slot;
        let mut n_args = n_args_total;
        if n_args > n_pos_params {
            if flags & SCOPE_VARARGS == 0 {
                let name = core::str::from_utf8(self.qstr_bytes(code.name)).unwrap_or("?");
                return Err(self.raise_parts(
                    b::T_TYPE_ERROR,
                    &[
                        &name,
                        &"() takes ",
                        &n_pos_params,
                        &" positional arguments but ",
                        &n_args,
                        &" were given",
                    ],
                ));
            }
            let extra = n_args - n_pos_params;
            let t = self.new_tuple(extra)?;
            for i in 0..extra {
                let v = get_pos(self, n_pos_params + i);
                self.heap.set_obj(t.bits(), i + 1, v);
            }
            self.set_local(fr, n_state, next_var, t);
            next_var += 1;
            n_args = n_pos_params;
        } else {
            if flags & SCOPE_VARARGS != 0 {
                let t = self.new_tuple(0)?;
                self.set_local(fr, n_state, next_var, t);
                next_var += 1;
            }
            if a.n_kw == 0 && flags & SCOPE_DEFKWARGS == 0 {
                let n_def = code.n_def.min(self.tuple_len(defaults));
                if n_args >= n_pos_params.saturating_sub(n_def) {
                    for i in n_args..n_pos_params {
                        let di = i - (n_pos_params - n_def);
                        let v = self.heap.get_obj(defaults.bits(), di + 1);
                        self.set_local(fr, n_state, i, v);
                    }
                } else {
                    let name = core::str::from_utf8(self.qstr_bytes(code.name)).unwrap_or("?");
                    return Err(self.raise_parts(
                        b::T_TYPE_ERROR,
                        &[
                            &name,
                            &"() takes ",
                            &(n_pos_params - n_def),
                            &" positional arguments but ",
                            &n_args,
                            &" were given",
                        ],
                    ));
                }
            }
        }
        for i in 0..n_args {
            let v = get_pos(self, i);
            self.set_local(fr, n_state, i, v);
        }
        if a.n_kw != 0 || flags & SCOPE_DEFKWARGS != 0 {
            let mut dict = Obj::NULL;
            if flags & SCOPE_VARKEYWORDS != 0 {
                dict = self.new_dict(a.n_kw)?;
                self.set_local(fr, n_state, next_var, dict);
            }
            for i in 0..a.n_kw {
                let (key, val) = self.kw_pair(a, i);
                let mut found = false;
                for j in 0..n_pos_params + n_kwonly {
                    let Some(q) = self.arg_name(code, j) else {
                        break;
                    };
                    let matches =
                        key.as_qstr() == Some(q) || self.str_data(key) == Some(self.qstr_bytes(q));
                    if matches {
                        if !self.get_local(fr, n_state, j).is_null() {
                            let n = core::str::from_utf8(self.qstr_bytes(q)).unwrap_or("?");
                            return Err(self.raise_parts(
                                b::T_TYPE_ERROR,
                                &[&"function got multiple values for argument '", &n, &"'"],
                            ));
                        }
                        self.set_local(fr, n_state, j, val);
                        found = true;
                        break;
                    }
                }
                if found {
                    continue;
                }
                if self.str_data(key).is_none() {
                    return Err(self.bad_implicit_conversion(key));
                }
                if flags & SCOPE_VARKEYWORDS == 0 {
                    return Err(self.raise_parts(
                        b::T_TYPE_ERROR,
                        &[
                            &"unexpected keyword argument '",
                            &crate::vm::StrOf(key),
                            &"'",
                        ],
                    ));
                }
                if self.dict_lookup(dict, key)?.is_some() {
                    return Err(self.raise_parts(
                        b::T_TYPE_ERROR,
                        &[
                            &"function got multiple values for argument '",
                            &crate::vm::StrOf(key),
                            &"'",
                        ],
                    ));
                }
                self.dict_store(dict, key, val)?;
            }
            // positional defaults
            let n_def = code.n_def.min(self.tuple_len(defaults));
            for k in 0..n_def {
                let slot = n_pos_params - n_def + k;
                if self.get_local(fr, n_state, slot).is_null() {
                    let v = self.heap.get_obj(defaults.bits(), k + 1);
                    self.set_local(fr, n_state, slot, v);
                }
            }
            // Scanned from the last positional down, numbered as py/bc.c reports it.
            for slot in (0..n_pos_params).rev() {
                if self.get_local(fr, n_state, slot).is_null() {
                    return Err(self.raise_parts(
                        b::T_TYPE_ERROR,
                        &[&"function missing required positional argument #", &slot],
                    ));
                }
            }
            for k in 0..n_kwonly {
                let slot = n_pos_params + k;
                if self.get_local(fr, n_state, slot).is_null() {
                    let q = self.arg_name(code, slot).unwrap_or(1);
                    let v = if kwdefaults.is_null() || kwdefaults == Obj::NONE {
                        None
                    } else {
                        self.dict_lookup_str(kwdefaults, self.qstr_bytes(q))
                    };
                    match v {
                        Some(v) => self.set_local(fr, n_state, slot, v),
                        None => {
                            let n = core::str::from_utf8(self.qstr_bytes(q)).unwrap_or("?");
                            return Err(self.raise_parts(
                                b::T_TYPE_ERROR,
                                &[&"function missing required keyword argument '", &n, &"'"],
                            ));
                        }
                    }
                }
            }
        } else {
            if n_kwonly != 0 {
                return Err(
                    self.raise_msg_str(b::T_TYPE_ERROR, "function missing keyword-only argument")
                );
            }
            if flags & SCOPE_VARKEYWORDS != 0 {
                let d = self.new_dict(0)?;
                self.set_local(fr, n_state, next_var, d);
            }
        }
        // Convert cell variables.
        for c in 0..code.n_cell {
            let Some(&local) = code.image.get(code.cells_start + c as usize) else {
                break;
            };
            let local = u32::from(local);
            let v = self.get_local(fr, n_state, local);
            let cell = self.alloc(Kind::Cell, 1)?;
            self.heap.set_obj(cell, 0, v);
            self.set_local(fr, n_state, local, Obj::heap(cell));
        }
        Ok(())
    }

    // ----- generators -----

    /// Resume a generator with `send` (or throw `inject`).
    pub(crate) fn gen_resume(&mut self, g: Obj, send: Obj, inject: Obj) -> PyResult<ExecResult> {
        let frame = self.heap.get_obj(g.bits(), 1);
        if frame.is_null() {
            // A finished generator returns None whatever is sent or thrown into it
            // (objgenerator.c: "an optimised raise StopIteration(None)").
            return Ok(ExecResult::Return(Obj::NONE));
        }
        if self.heap.get(g.bits(), 0) != 0 {
            return Err(self.raise_msg_str(b::T_VALUE_ERROR, "generator already executing"));
        }
        let pending = self.heap.get_obj(g.bits(), 2);
        let inject = if pending.is_null() {
            inject
        } else {
            self.heap.set_obj(g.bits(), 2, Obj::NULL);
            pending
        };
        let sp = self.heap.get(frame.bits(), F_SP);
        let started = sp != 0 || self.heap.get(frame.bits(), crate::vm::dispatch::F_FLAGS) & 1 != 0;
        if !started {
            if send != Obj::NONE && !send.is_null() && inject.is_null() {
                return Err(self.raise_msg_str(
                    b::T_TYPE_ERROR,
                    "can't send non-None value to a just-started generator",
                ));
            }
            let fun = self.heap.get_obj(frame.bits(), F_FUN);
            let module = self.heap.get_obj(fun.bits(), 1);
            let globals = self.heap.get_obj(module.bits(), crate::loader::M_GLOBALS);
            self.heap.set_obj(frame.bits(), F_LOCALS, globals);
            let fl = self.heap.get(frame.bits(), crate::vm::dispatch::F_FLAGS);
            self.heap
                .set(frame.bits(), crate::vm::dispatch::F_FLAGS, fl | 1);
        } else if inject.is_null() {
            // Replace the yielded value with the sent one.
            let top = sp.saturating_sub(1);
            self.heap.set_obj(
                frame.bits(),
                F_STATE + top,
                if send.is_null() { Obj::NONE } else { send },
            );
        }
        self.heap.set(g.bits(), 0, 1);
        self.push_root(g);
        let r = self.run_frame(frame, inject);
        self.pop_root();
        self.heap.set(g.bits(), 0, 0);
        match r {
            Ok(ExecResult::Yield(v)) => Ok(ExecResult::Yield(v)),
            Ok(ExecResult::Return(v)) => {
                self.heap.set_obj(g.bits(), 1, Obj::NULL);
                Ok(ExecResult::Return(v))
            }
            Err(e) => {
                self.heap.set_obj(g.bits(), 1, Obj::NULL);
                // A StopIteration escaping a generator becomes RuntimeError (PEP 479).
                if self.is_instance_of(self.exc, b::T_STOP_ITERATION) {
                    return Err(
                        self.raise_msg_str(b::T_RUNTIME_ERROR, "generator raised StopIteration")
                    );
                }
                Err(e)
            }
        }
    }

    /// Turn a raised value (type or instance) into an exception instance.
    pub(crate) fn make_raise_obj(&mut self, o: Obj) -> PyResult<Obj> {
        if self.is_exception(o) {
            return Ok(o);
        }
        if self.is_type_obj(o) && self.is_subclass(o, b::type_obj(b::T_BASE_EXCEPTION)) {
            let e = self.call_obj(o, &[])?;
            if self.is_exception(e) {
                return Ok(e);
            }
        }
        Err(self.raise_msg_str(b::T_TYPE_ERROR, "exceptions must derive from BaseException"))
    }

    /// Create an instance of user class `cls`.
    pub(crate) fn instantiate(&mut self, cls: Obj, a: &Args) -> PyResult<Obj> {
        let base = self.roots_len();
        self.push_root(cls);
        let native = self.native_base(cls);
        let inst = if let Some(new) = self
            .class_lookup(cls, b"__new__")
            .filter(|n| self.is_kind(*n, Kind::Function) || self.is_kind(*n, Kind::Wrapper))
        {
            let new = if self.is_kind(new, Kind::Wrapper) {
                self.heap.get_obj(new.bits(), 1)
            } else {
                new
            };
            let r = self.call_with_self(new, cls, a);
            let r = match r {
                Ok(r) => r,
                Err(e) => {
                    self.truncate_roots(base);
                    return Err(e);
                }
            };
            let t = self.type_of(r);
            if !self.is_subclass(t, cls) {
                self.truncate_roots(base);
                return Ok(r);
            }
            r
        } else {
            let o = self.alloc(Kind::Instance, 4);
            let o = match o {
                Ok(o) => o,
                Err(e) => {
                    self.truncate_roots(base);
                    return Err(e);
                }
            };
            self.heap.set_obj(o, 0, cls);
            if native != b::T_OBJECT && !b::is_exception_type(native) {
                // Derived from a built-in type: wrap a native object. Mutable containers
                // start empty when a user __init__ will fill them via super().__init__.
                let has_init = self
                    .class_lookup(cls, b"__init__")
                    .is_some_and(|i| self.is_kind(i, Kind::Function));
                let mutable = matches!(
                    native,
                    b::T_LIST | b::T_DICT | b::T_ORDERED_DICT | b::T_SET | b::T_BYTEARRAY
                );
                self.push_root(Obj::heap(o));
                let empty = Args {
                    src: Obj::NULL,
                    start: 0,
                    n_pos: 0,
                    n_kw: 0,
                };
                let v = if has_init && mutable {
                    b::call_type(self, native, &empty)
                } else {
                    b::call_type(self, native, a)
                };
                self.pop_root();
                match v {
                    Ok(v) => {
                        self.heap.set_obj(o, 2, v);
                        if native == b::T_DEQUE {
                            // maxlen << 1 | overflow check flag (validated by deque_new)
                            let maxlen = self.arg(a, 1).as_small().unwrap_or(0);
                            let check = a.n_pos > 2
                                && self.int_to_i64(self.arg(a, 2)).unwrap_or(0) & 1 != 0;
                            let m = Obj::small_sat(maxlen << 1 | i64::from(check));
                            self.heap.set_obj(o, 3, m);
                        }
                    }
                    Err(e) => {
                        self.truncate_roots(base);
                        return Err(e);
                    }
                }
            }
            if b::is_exception_type(native) {
                self.push_root(Obj::heap(o));
                let t = self.new_tuple(a.n_pos);
                self.pop_root();
                match t {
                    Ok(t) => {
                        for i in 0..a.n_pos {
                            let v = self.arg(a, i);
                            self.heap.set_obj(t.bits(), i + 1, v);
                        }
                        self.heap.set_obj(o, 2, t);
                    }
                    Err(e) => {
                        self.truncate_roots(base);
                        return Err(e);
                    }
                }
            }
            Obj::heap(o)
        };
        self.push_root(inst);
        let init = self.class_lookup(cls, b"__init__");
        if init.is_some()
            && b::is_exception_type(native)
            && self.is_kind(inst, Kind::Instance)
            && self.heap.get_obj(inst.bits(), 3).is_null()
        {
            // Incomplete until `__init__` calls `super().__init__()` (objtype.c); the args
            // of the call are already in place for when it returns without doing so. (Not an
            // exception that `__new__` returned after it was raised: it keeps its traceback.)
            self.heap
                .set_obj(inst.bits(), 3, crate::object::INCOMPLETE_EXCEPTION);
        }
        let r = match init {
            Some(init) => match self.call_with_self(init, inst, a) {
                Ok(r) if r != Obj::NONE => {
                    let t = self.type_name(r);
                    Err(self.raise_parts(
                        b::T_TYPE_ERROR,
                        &[&"__init__() should return None, not '", &t, &"'"],
                    ))
                }
                Ok(_) => Ok(inst),
                Err(e) => Err(e),
            },
            // No `__init__`: objtype.c's instance maker does not look at the arguments.
            None => Ok(inst),
        };
        self.complete_exception(inst);
        self.truncate_roots(base);
        r
    }
}
