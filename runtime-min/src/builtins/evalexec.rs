//! `eval`, `exec`, `compile`, code objects and `__repl_print__` (after py/builtinevex.c and
//! modbuiltins.c), over the host's compiler ([`crate::compiler`]; feature `eval`).
//!
//! Compiled source is a `.mpy` file the host keeps alive; it is loaded as a module block
//! (not entered in `sys.modules`) and its top-level code runs with the globals and locals
//! asked for. A code object (`compile()`'s result) is an instance of the built-in `code`
//! type wrapping that module block; each run gets a fresh copy of the block with the run's
//! globals, as MicroPython's `code_execute` makes a new module context.

use super::funcs::{check_n, globals, locals};
use super::*;
use crate::compiler::{CompileErrorKind, CompileMode};
use crate::loader::{MODULE_WORDS, M_GLOBALS};
use crate::object::print::Sink;
use crate::vm::Raised;

/// `eval(source_or_code, globals=None, locals=None)`.
pub(super) fn eval(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    eval_exec(vm, a, CompileMode::Eval)
}

/// `exec(source_or_code, globals=None, locals=None)`.
pub(super) fn exec(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    eval_exec(vm, a, CompileMode::Exec)
}

/// eval_exec_helper: the caller's namespaces unless dicts are given (a given globals is
/// also the locals, unless locals is given too), then a code object's code or the source
/// (any buffer) compiled as `<string>`.
fn eval_exec(vm: &mut Vm<'_>, a: &Args, mode: CompileMode) -> PyResult<Obj> {
    check_n(vm, a, 1, 3)?;
    let mut g = globals(vm, a)?;
    let mut l = locals(vm, a)?;
    for i in 1..a.n_pos.min(3) {
        let v = vm.arg(a, i);
        if v == Obj::NONE {
            continue;
        }
        if !vm.is_kind(v, Kind::Dict) {
            return Err(vm.raise_bare(T_TYPE_ERROR));
        }
        l = v;
        if i == 1 {
            g = v;
        }
    }
    let src = vm.arg(a, 0);
    let module = if vm.is_builtin_instance(src, T_CODE) {
        vm.heap.get_obj(src.bits(), 2)
    } else {
        if vm.readable_buffer(src).is_none() {
            return Err(vm.raise_msg_str(T_TYPE_ERROR, "object with buffer protocol required"));
        }
        vm.push_root(g);
        vm.push_root(l);
        let m = vm.compile_source(src, "<string>", mode);
        vm.pop_root();
        vm.pop_root();
        m?
    };
    vm.run_compiled(module, g, l)
}

/// `compile(source, filename, mode)`: a code object (`mode` is "exec", "eval" or "single").
pub(super) fn compile(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 3, 6)?;
    let src = vm.arg(a, 0);
    if vm.str_get_data(src).is_none() {
        return Err(vm.bad_implicit_conversion(src));
    }
    let name = vm.arg(a, 1);
    let Some(filename) = vm.str_data(name).and_then(|t| core::str::from_utf8(t).ok()) else {
        return Err(vm.bad_implicit_conversion(name));
    };
    let mode = match vm.str_data(vm.arg(a, 2)) {
        Some(b"exec") => CompileMode::Exec,
        Some(b"eval") => CompileMode::Eval,
        Some(b"single") => CompileMode::Single,
        _ => return Err(vm.raise_msg_str(T_VALUE_ERROR, "bad compile mode")),
    };
    let filename = NameBuf::new(filename);
    let module = vm.compile_source(src, filename.as_str(), mode)?;
    vm.new_instance_of(type_obj(T_CODE), module)
}

/// `__repl_print__(value)`: what `compile(.., "single")` code calls on each expression
/// statement's value: its repr and a newline, unless it is None.
pub(super) fn repl_print(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let o = vm.arg(a, 0);
    if o != Obj::NONE {
        vm.print_obj(Sink::Out, o, true)?;
        vm.sink_write(Sink::Out, b"\n")?;
    }
    Ok(Obj::NONE)
}

/// A file name copied out of the heap, so that the compiler can be called while the VM
/// allocates (names longer than the buffer are cut).
struct NameBuf {
    buf: [u8; 64],
    len: usize,
}

impl NameBuf {
    fn new(name: &str) -> Self {
        let mut buf = [0; 64];
        let len = usize::from(crate::compiler::copy_cut(&mut buf, name));
        NameBuf { buf, len }
    }

    fn as_str(&self) -> &str {
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or("?")
    }
}

impl<'a> Vm<'a> {
    /// Give the VM a compiler: the built-ins `eval`, `exec` and `compile` then work (without
    /// one they raise `RuntimeError: no compiler`).
    pub fn set_compiler(&mut self, compiler: &'a dyn crate::compiler::SourceCompiler<'a>) {
        self.compiler = Some(compiler);
    }

    /// Compile the text of `src` (a str or buffer, rooted by the caller) as `mode` and load
    /// it: the module block, not yet run. A compile error is raised with the traceback
    /// entry MicroPython's compiler gives it.
    fn compile_source(&mut self, src: Obj, filename: &str, mode: CompileMode) -> PyResult<Obj> {
        let Some(compiler) = self.compiler else {
            return Err(self.raise_msg_str(T_RUNTIME_ERROR, "no compiler"));
        };
        let text = self.readable_buffer(src).unwrap_or(&[]);
        let compiled = match compiler.compile(text, filename, mode, self.opt_level) {
            Ok(c) => c,
            Err(failure) => return Err(self.raise_compile_failure(&failure, filename)),
        };
        let slot = self.extend_compiled_image(compiled.image)?;
        let name = Obj::qstr(crate::qstr_pool::qstr!("__main__"));
        self.load_mpy_at(slot, compiled.image, compiled.start, name)
    }

    /// Raise what a failed compile raises, with its `File "NAME", line N[, in SCOPE]` entry.
    fn raise_compile_failure(
        &mut self,
        failure: &crate::compiler::CompileFailure,
        filename: &str,
    ) -> Raised {
        let ty = match failure.kind {
            CompileErrorKind::SyntaxError => T_SYNTAX_ERROR,
            CompileErrorKind::IndentationError => T_INDENTATION_ERROR,
            CompileErrorKind::NotImplementedError => T_NOT_IMPLEMENTED_ERROR,
            CompileErrorKind::ValueError => T_VALUE_ERROR,
            CompileErrorKind::OverflowError => T_OVERFLOW_ERROR,
            CompileErrorKind::UnicodeError => T_UNICODE_ERROR,
            CompileErrorKind::MemoryError => T_MEMORY_ERROR,
            CompileErrorKind::RuntimeError => T_RUNTIME_ERROR,
        };
        let raised = self.raise_msg_str(ty, failure.message());
        if failure.line == 0 {
            return raised;
        }
        let exc = self.exc;
        let base = self.roots_len();
        self.push_root(exc);
        if let Ok(file) = self.new_str_bytes(filename.as_bytes()) {
            self.push_root(file);
            let block = match failure.scope() {
                Some(s) => self.new_str_bytes(s.as_bytes()),
                None => Ok(Obj::NONE),
            };
            if let Ok(block) = block {
                self.push_root(block);
                let line = Obj::small_sat(i64::from(failure.line));
                self.push_traceback_entry(exc, [file, line, block]);
            }
        }
        self.truncate_roots(base);
        self.raise_obj(exc)
    }

    /// Run loaded module block `module`'s code in a copy of it with `globals`, and with
    /// `locals` as its namespace.
    fn run_compiled(&mut self, module: Obj, globals: Obj, locals: Obj) -> PyResult<Obj> {
        let base = self.roots_len();
        self.push_root(module);
        self.push_root(globals);
        self.push_root(locals);
        let r = self.alloc(Kind::Module, MODULE_WORDS).and_then(|m| {
            let payload = crate::heap::Heap::payload_pos;
            let words = MODULE_WORDS as usize * 4;
            self.heap
                .copy_within(payload(module.bits(), 0), payload(m, 0), words);
            self.heap.set_obj(m, M_GLOBALS, globals);
            self.push_root(Obj::heap(m));
            self.run_module_code_in(Obj::heap(m), locals)
        });
        self.truncate_roots(base);
        r
    }
}
