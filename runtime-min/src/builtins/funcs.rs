//! Built-in functions and type constructors (after py/modbuiltins.c and the `make_new`
//! functions of py/obj*.c).

#[cfg(feature = "eval")]
use super::evalexec::{compile, eval, exec, repl_print};
#[cfg(feature = "tstrings")]
use super::modtemplate::{interpolation_new, template_builtin, template_new};
#[cfg(feature = "input")]
use super::stdin::input;
use super::*;
use crate::object::iter::{IT_ENUMERATE, IT_FILTER, IT_MAP, IT_REVERSED, IT_ZIP};
use crate::object::print::Sink;
use crate::vm::Raised;
use mpy_format::opcode::BinaryOp;

macro_rules! builtins {
    ($($(#[$cfg:meta])? $name:literal => $f:ident,)*) => {
        pub(crate) static BUILTINS: &[BuiltinFn] = &[$($(#[$cfg])? BuiltinFn { name: $name, func: $f },)*];
    };
}

builtins! {
    "__build_class__" => build_class,
    "__object_init__" => object_init,
    "__import__" => builtin_import,
    "print" => print,
    "len" => len,
    "abs" => abs,
    "all" => all,
    "any" => any,
    "bin" => bin,
    "hex" => hex,
    "oct" => oct,
    "callable" => callable,
    "chr" => chr,
    "ord" => ord,
    "divmod" => divmod,
    "getattr" => getattr,
    "setattr" => setattr,
    "hasattr" => hasattr,
    "delattr" => delattr,
    "hash" => hash,
    "id" => id,
    "isinstance" => isinstance,
    "issubclass" => issubclass,
    "iter" => iter,
    "next" => next,
    "max" => max,
    "min" => min,
    "pow" => pow,
    "repr" => repr,
    "round" => round,
    "sorted" => sorted,
    "sum" => sum,
    "globals" => globals,
    "locals" => locals,
    "dir" => dir,
    #[cfg(feature = "input")]
    "input" => input,
    #[cfg(feature = "tstrings")]
    "__template__" => template_builtin,
    #[cfg(feature = "eval")]
    "eval" => eval,
    #[cfg(feature = "eval")]
    "exec" => exec,
    #[cfg(feature = "eval")]
    "compile" => compile,
    #[cfg(feature = "eval")]
    "__repl_print__" => repl_print,
}

/// The size argument of a stream's `read` / `readline` (argument 1): absent, None or
/// negative is no limit.
#[cfg(any(feature = "io", feature = "input"))]
pub(crate) fn read_size_arg(vm: &mut Vm<'_>, a: &Args) -> PyResult<usize> {
    match vm.arg_pos(a, 1).filter(|o| *o != Obj::NONE) {
        Some(n) => Ok(usize::try_from(vm.get_int(n)?).unwrap_or(usize::MAX)),
        None => Ok(usize::MAX),
    }
}

pub(crate) fn check_n(vm: &mut Vm<'_>, a: &Args, min: u32, max: u32) -> PyResult<()> {
    if a.n_kw > 0 {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "function doesn't take keyword arguments"));
    }
    let n = a.n_pos;
    if min == max && n != min {
        return Err(vm.raise_parts(
            T_TYPE_ERROR,
            &[
                &"function takes ",
                &min,
                &" positional arguments but ",
                &n,
                &" were given",
            ],
        ));
    }
    if n < min {
        return Err(vm.raise_parts(
            T_TYPE_ERROR,
            &[
                &"function missing ",
                &(min - n),
                &" required positional arguments",
            ],
        ));
    }
    if n > max {
        return Err(vm.raise_parts(
            T_TYPE_ERROR,
            &[&"function expected at most ", &max, &" arguments, got ", &n],
        ));
    }
    Ok(())
}

/// Positional count check that allows keyword arguments (handled by the caller).
/// str() and bytes() refuse keywords with NotImplementedError (objstr.c under
/// MICROPY_CPYTHON_COMPAT).
fn no_kwargs_unimplemented(vm: &mut Vm<'_>, a: &Args) -> PyResult<()> {
    if a.n_kw > 0 {
        return Err(vm.raise_msg_str(
            T_NOT_IMPLEMENTED_ERROR,
            "keyword argument(s) not implemented - use normal args instead",
        ));
    }
    Ok(())
}

pub(crate) fn check_pos(vm: &mut Vm<'_>, a: &Args, min: u32, max: u32) -> PyResult<()> {
    let b = Args { n_kw: 0, ..*a };
    check_n(vm, &b, min, max)
}

fn build_class(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    if a.n_pos < 2 {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "__build_class__ needs 2 arguments"));
    }
    let body = vm.arg(a, 0);
    let name = vm.arg(a, 1);
    let base = vm.roots_len();
    let r = (|| {
        let bases = vm.new_tuple(a.n_pos - 2)?;
        vm.push_root(bases);
        for i in 2..a.n_pos {
            let b = vm.arg(a, i);
            if !vm.is_type_obj(b) {
                return Err(vm.raise_msg_str(T_TYPE_ERROR, "bases must be types"));
            }
            vm.heap.set_obj(bases.bits(), i - 1, b);
        }
        let d = vm.new_dict(0)?;
        vm.push_root(d);
        let cell = vm.run_class_body(body, d)?;
        vm.push_root(cell);
        let c = vm.new_class(name, bases, d)?;
        if vm.is_kind(cell, Kind::Cell) {
            vm.heap.set_obj(cell.bits(), 0, c);
        }
        Ok(c)
    })();
    vm.truncate_roots(base);
    r
}

pub(super) fn object_init(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    // super().__init__(...) reaching a native base: exceptions store their args.
    let s = vm.arg(a, 0);
    if vm.native_of(s).is_some() {
        let cls = vm.heap.get_obj(s.bits(), 0);
        let native = vm.native_base(cls);
        let rest = Args {
            src: a.src,
            start: a.start + 1,
            n_pos: a.n_pos - 1,
            n_kw: a.n_kw,
        };
        let v = construct(vm, native, &rest)?;
        vm.heap.set_obj(s.bits(), 2, v);
        return Ok(Obj::NONE);
    }
    if vm.is_exception_object(s) && a.n_pos >= 1 {
        let t = vm.new_tuple(a.n_pos - 1)?;
        for i in 1..a.n_pos {
            let v = vm.arg(a, i);
            vm.heap.set_obj(t.bits(), i, v);
        }
        vm.heap.set_obj(s.bits(), 2, t);
        vm.complete_exception(s);
        return Ok(Obj::NONE);
    }
    // objobject.c's object.__init__(self): nothing else.
    check_n(vm, a, 1, 1)?;
    Ok(Obj::NONE)
}

fn print(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    let sep = vm.arg_kw(a, b"sep");
    let end = vm.arg_kw(a, b"end");
    // mp_obj_str_get_data: a str or bytes (None is no default here).
    for o in [sep, end].into_iter().flatten() {
        if vm.str_get_data(o).is_none() {
            return Err(vm.bad_implicit_conversion(o));
        }
    }
    let file = vm.arg_kw(a, b"file");
    vm.with_stream_sink(file, |vm, sink| print_args(vm, a, sink, sep, end))?;
    Ok(Obj::NONE)
}

/// The positional arguments of `print`, separated by `sep` and followed by `end`.
fn print_args(
    vm: &mut Vm<'_>,
    a: &Args,
    sink: Sink,
    sep: Option<Obj>,
    end: Option<Obj>,
) -> PyResult<()> {
    for i in 0..a.n_pos {
        if i > 0 {
            match sep {
                Some(s) => vm.sink_write_obj(sink, s)?,
                None => vm.sink_write(sink, b" ")?,
            }
        }
        let o = vm.arg(a, i);
        vm.print_obj(sink, o, false)?;
    }
    match end {
        Some(e) => vm.sink_write_obj(sink, e),
        None => vm.sink_write(sink, b"\n"),
    }
}

impl Vm<'_> {
    /// Run `emit` against stream `file` (None: stdout): sys.stdout / sys.stderr directly, an
    /// io.StringIO / BytesIO through a string builder whose text is then written to it.
    pub(crate) fn with_stream_sink(
        &mut self,
        file: Option<Obj>,
        emit: impl FnOnce(&mut Self, Sink) -> PyResult<()>,
    ) -> PyResult<()> {
        let Some(f) = file else {
            return emit(self, Sink::Out);
        };
        if let Some(sink) = self.stdio_sink(f) {
            return emit(self, sink);
        }
        #[cfg(feature = "io")]
        if self.is_iobase(f) {
            // Each piece goes to the stream's `write` as it is printed, as MicroPython's
            // stream print does.
            let slot = self.builder_new()?;
            self.push_root(f);
            let r = emit(self, Sink::Stream(slot));
            self.truncate_roots(slot);
            return r;
        }
        if !self.is_io_stream(f) {
            return Err(self.raise_msg_str(T_OS_ERROR, "stream operation not supported"));
        }
        let slot = self.builder_new()?;
        let r = emit(self, Sink::Buf(slot));
        let text = self.builder_finish(slot);
        r?;
        self.push_root(text);
        let r = self.call_method_by_name(f, b"write", &[text]);
        self.pop_root();
        r.map(|_| ())
    }

    /// Is `f` an instance of a subclass of io.IOBase?
    #[cfg(feature = "io")]
    pub(crate) fn is_iobase(&self, f: Obj) -> bool {
        self.is_kind(f, Kind::Instance)
            && self.native_base(self.heap.get_obj(f.bits(), 0)) == T_IOBASE
    }

    /// Is `f` an io.StringIO / io.BytesIO?
    pub(crate) fn is_io_stream(&self, f: Obj) -> bool {
        self.is_kind(f, Kind::Instance)
            && matches!(
                self.native_base(self.heap.get_obj(f.bits(), 0)),
                T_STRINGIO | T_BYTESIO
            )
    }

    /// The file descriptor of `sys.stdin` / `stdout` / `stderr` or their `.buffer`.
    pub(crate) fn stdio_fd(&self, f: Obj) -> Option<i64> {
        if !self.is_kind(f, Kind::Instance)
            || !matches!(
                self.native_base(self.heap.get_obj(f.bits(), 0)),
                T_TEXTIO | T_FILEIO
            )
        {
            return None;
        }
        self.heap.get_obj(f.bits(), 2).as_small()
    }

    /// The sink of `sys.stdout` / `sys.stderr` (`sys.stdin` writes nowhere: None).
    pub(crate) fn stdio_sink(&self, f: Obj) -> Option<Sink> {
        match self.stdio_fd(f) {
            Some(1) => Some(Sink::Out),
            Some(2) => Some(Sink::Err),
            _ => None,
        }
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=None, level=0)`
/// (mp_builtin___import___default): the top-level module, or the leaf when a from-list is
/// given; a relative import resolves against `globals` (a dict), else the caller's.
fn builtin_import(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_pos(vm, a, 1, 5)?;
    let name = vm.arg(a, 0);
    if vm.str_data(name).is_none() {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "module name must be a str"));
    }
    let fromlist = vm.arg_pos(a, 3).unwrap_or(Obj::NONE);
    let level = vm.arg_pos(a, 4).unwrap_or(Obj::small_sat(0));
    let globals = match vm.arg_pos(a, 1).filter(|g| *g != Obj::NONE) {
        Some(g) if level.as_small().unwrap_or(0) != 0 && !vm.is_kind(g, Kind::Dict) => {
            return Err(vm.raise_bare(T_TYPE_ERROR));
        }
        Some(g) => g,
        None => globals(vm, a)?,
    };
    vm.import_name(name, fromlist, level, globals)
}

fn len(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let o = vm.arg(a, 0);
    // A class's `__len__` result is returned as it is (objtype.c's instance_unary_op).
    if vm.is_kind(o, Kind::Instance) {
        if let Some(r) = vm.call_special(o, "__len__", &[])? {
            return Ok(r);
        }
    }
    match vm.len_of(o)? {
        Some(n) => vm.new_int(i64::from(n)),
        None => Err(vm.no_len(o)),
    }
}

fn abs(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let o = vm.arg(a, 0);
    if let Some(v) = vm.int_to_i64(o) {
        return vm.new_int_wide(i128::from(v).abs());
    }
    if let Some(f) = vm.float_value(o) {
        return vm.new_float(f.abs());
    }
    if let Some(mut v) = vm.big_of(o) {
        v.neg = false;
        return vm.new_big(&v);
    }
    if let Some(r) = vm.complex_abs(o)? {
        return Ok(r);
    }
    if let Some(r) = vm.call_special(o, "__abs__", &[])? {
        return Ok(r);
    }
    let t = vm.type_name(o);
    Err(vm.raise_parts(
        T_TYPE_ERROR,
        &[&"unsupported type for __abs__: '", &t, &"'"],
    ))
}

fn all_any(vm: &mut Vm<'_>, a: &Args, want: bool) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let mut it = vm.iter_begin(vm.arg(a, 0))?;
    vm.push_root(it.obj);
    let r = (|| {
        while let Some(v) = vm.iter_advance(&mut it)? {
            if vm.is_true(v)? == want {
                return Ok(Obj::bool(want));
            }
        }
        Ok(Obj::bool(!want))
    })();
    vm.pop_root();
    r
}

fn all(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    all_any(vm, a, false)
}

fn any(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    all_any(vm, a, true)
}

fn int_fmt(vm: &mut Vm<'_>, a: &Args, ty: u8) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let o = vm.arg(a, 0);
    let is_int = vm.int_to_i64(o).is_some() || vm.is_kind(o, Kind::BigInt);
    if ty == b'b' && !is_int {
        // bin() goes through "{:#b}".format(x), which takes only ints for 'b'.
        let t = vm.type_name(o);
        return Err(vm.raise_parts(
            T_VALUE_ERROR,
            &[&"unknown format code 'b' for object of type '", &t, &"'"],
        ));
    }
    if !is_int {
        // hex() and oct() are `'%#x' % x` and `'%#o' % x` (py/modbuiltins.c), so a tuple
        // is the argument list and the errors are the formatter's.
        let pattern = vm.new_str_bytes(if ty == b'x' { b"%#x" } else { b"%#o" })?;
        return vm.str_percent(pattern, o);
    }
    let f = crate::object::str::IntFmt {
        ty,
        sign: 0,
        prefix: true,
        align: b'>',
        after_sign: false,
        sep: 0,
        fill: ' ',
        width: 0,
        prec: 0,
    };
    vm.push_root(o);
    let slot = vm.builder_new();
    let r = slot.and_then(|slot| {
        let r = vm.print_int(Sink::Buf(slot), o, &f);
        let s = vm.builder_finish(slot);
        r.map(|()| s)
    });
    vm.pop_root();
    r
}

fn bin(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    int_fmt(vm, a, b'b')
}

fn hex(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    int_fmt(vm, a, b'x')
}

fn oct(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    int_fmt(vm, a, b'o')
}

fn callable(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let o = vm.arg(a, 0);
    let r = match vm.kind_of(o) {
        Some(Kind::Function | Kind::BoundMethod | Kind::Class) => true,
        Some(Kind::Instance) => vm.lookup_special(o, "__call__").is_some(),
        _ => matches!(o.as_imm(), Some((1..=3 | 5, _))),
    };
    Ok(Obj::bool(r))
}

fn chr(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    vm.chr(vm.arg(a, 0))
}

fn ord(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let o = vm.arg(a, 0);
    if let Some((d, is_str)) = vm.str_get_data(o) {
        let n = if is_str {
            crate::object::str::char_count(d)
        } else {
            d.len()
        };
        if n == 1 {
            let v = if is_str {
                core::str::from_utf8(d)
                    .ok()
                    .and_then(|s| s.chars().next())
                    .map_or(0, |c| c as u32)
            } else {
                u32::from(d[0])
            };
            return Ok(Obj::small_sat(i64::from(v)));
        }
        return Err(vm.raise_parts(
            T_TYPE_ERROR,
            &[
                &"ord() expected a character, but string of length ",
                &n,
                &" found",
            ],
        ));
    }
    // mp_obj_str_get_data's complaint about a non-str/bytes argument.
    let t = vm.type_name(o);
    Err(vm.raise_parts(
        T_TYPE_ERROR,
        &[&"can't convert '", &t, &"' object to str implicitly"],
    ))
}

fn divmod(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let (x, y) = (vm.arg(a, 0), vm.arg(a, 1));
    // One MP_BINARY_OP_DIVMOD in the reference: a class's `__divmod__`, else the numeric
    // types' own; the operation has no reflected form.
    if let Some(r) = vm.call_special(x, "__divmod__", &[y])? {
        return Ok(r);
    }
    let numeric = |vm: &Vm<'_>, o: Obj| {
        let o = vm.native_of(o).unwrap_or(o);
        vm.int_to_i64(o).is_some() || vm.is_kind(o, Kind::BigInt) || vm.is_kind(o, Kind::Float)
    };
    if !numeric(vm, x) || !numeric(vm, y) {
        // A bool on the left is an int.
        let tx = if x == Obj::TRUE || x == Obj::FALSE {
            "int"
        } else {
            vm.type_name(x)
        };
        let ty = vm.type_name(y);
        return Err(vm.raise_parts(
            T_TYPE_ERROR,
            &[
                &"unsupported types for __divmod__: '",
                &tx,
                &"', '",
                &ty,
                &"'",
            ],
        ));
    }
    let q = vm.binary_op(BinaryOp::FLOOR_DIVIDE, x, y)?;
    vm.new_pair_with(q, |vm| vm.binary_op(BinaryOp::MODULO, x, y))
}

pub(super) fn enumerate(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    // mp_arg_parse_all order: each argument in turn, then the surplus.
    let Some(src) = vm.arg_pos(a, 0).or_else(|| vm.arg_kw(a, b"iterable")) else {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "'iterable' argument required"));
    };
    let start = match vm.arg_pos(a, 1).or_else(|| vm.arg_kw(a, b"start")) {
        Some(s) => vm.get_int(s)?,
        None => 0,
    };
    if a.n_pos > 2 {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "extra positional arguments given"));
    }
    let it = vm.get_iter(src)?;
    vm.new_iter(IT_ENUMERATE, it, Obj::small_sat(start), 0)
}

fn iters_tuple(vm: &mut Vm<'_>, a: &Args, from: u32) -> PyResult<Obj> {
    let n = a.n_pos.saturating_sub(from);
    let t = vm.new_tuple(n)?;
    vm.push_root(t);
    let r = (|| {
        for i in 0..n {
            let it = vm.get_iter(vm.arg(a, from + i))?;
            vm.heap.set_obj(t.bits(), i + 1, it);
        }
        Ok(t)
    })();
    vm.pop_root();
    r
}

pub(super) fn filter(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let it = vm.get_iter(vm.arg(a, 1))?;
    vm.new_iter(IT_FILTER, it, vm.arg(a, 0), 0)
}

pub(super) fn map(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, u32::MAX)?;
    let t = iters_tuple(vm, a, 1)?;
    vm.new_iter(IT_MAP, t, vm.arg(a, 0), 0)
}

pub(super) fn zip(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    let t = iters_tuple(vm, a, 0)?;
    vm.new_iter(IT_ZIP, t, Obj::NULL, 0)
}

pub(super) fn reversed(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let o = vm.arg(a, 0);
    if let Some(r) = vm.call_special(o, "__reversed__", &[])? {
        return Ok(r);
    }
    let Some(n) = vm.len_of(o)? else {
        return Err(vm.no_len(o));
    };
    vm.new_iter(IT_REVERSED, o, Obj::NULL, n)
}

/// Argument 1 of getattr/setattr/delattr/hasattr: an attribute name, which must be a str.
fn attr_name(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    let n = vm.arg(a, 1);
    if vm.str_data(n).is_some() {
        vm.check_name_len(n)?;
        return Ok(n);
    }
    Err(vm.bad_implicit_conversion(n))
}

fn getattr(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 3)?;
    let (o, n) = (vm.arg(a, 0), attr_name(vm, a)?);
    match vm.load_attr(o, n) {
        Ok(v) => Ok(v),
        Err(e) => {
            if a.n_pos == 3 && vm.is_instance_of(vm.exc, T_ATTRIBUTE_ERROR) {
                Ok(vm.arg(a, 2))
            } else {
                Err(e)
            }
        }
    }
}

fn setattr(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 3, 3)?;
    let n = attr_name(vm, a)?;
    vm.store_attr(vm.arg(a, 0), n, vm.arg(a, 2))?;
    Ok(Obj::NONE)
}

fn delattr(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let n = attr_name(vm, a)?;
    vm.store_attr(vm.arg(a, 0), n, Obj::NULL)?;
    Ok(Obj::NONE)
}

fn hasattr(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let n = attr_name(vm, a)?;
    match vm.load_attr(vm.arg(a, 0), n) {
        Ok(_) => Ok(Obj::TRUE),
        Err(e) => {
            if vm.is_instance_of(vm.exc, T_ATTRIBUTE_ERROR) {
                Ok(Obj::FALSE)
            } else {
                Err(e)
            }
        }
    }
}

fn hash(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let o = vm.arg(a, 0);
    if let Some(v) = o.as_small() {
        return Ok(Obj::small_sat(v));
    }
    // MP_OBJ_NEW_SMALL_INT of the hash: its low 31 bits, signed.
    #[allow(clippy::cast_possible_wrap)]
    let h = ((vm.hash(o)? << 1) as i32) >> 1;
    Ok(Obj::small_sat(i64::from(h)))
}

fn id(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    Ok(Obj::small_sat(i64::from(vm.arg(a, 0).bits() >> 1)))
}

fn isinstance_inner(vm: &mut Vm<'_>, t: Obj, classes: Obj) -> PyResult<bool> {
    if vm.is_kind(classes, Kind::Tuple) {
        // objtype.c's mp_obj_is_subclass compares each item, without looking into nested
        // tuples or rejecting items that are not classes.
        for i in 0..vm.tuple_len(classes) {
            let c = vm.heap.get_obj(classes.bits(), i + 1);
            if vm.is_type_obj(c) && vm.is_subclass(t, c) {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if !vm.is_type_obj(classes) {
        return Err(vm.raise_msg_str(
            T_TYPE_ERROR,
            "issubclass() arg 2 must be a class or a tuple of classes",
        ));
    }
    Ok(vm.is_subclass(t, classes))
}

fn isinstance(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let t = vm.type_of(vm.arg(a, 0));
    isinstance_inner(vm, t, vm.arg(a, 1)).map(Obj::bool)
}

fn issubclass(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let t = vm.arg(a, 0);
    if !vm.is_type_obj(t) {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "issubclass() arg 1 must be a class"));
    }
    isinstance_inner(vm, t, vm.arg(a, 1)).map(Obj::bool)
}

fn iter(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    vm.get_iter(vm.arg(a, 0))
}

fn next(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 2)?;
    match vm.iter_next(vm.arg(a, 0))? {
        Some(v) => Ok(v),
        None => {
            if a.n_pos == 2 {
                return Ok(vm.arg(a, 1));
            }
            let rv = vm.ret_value;
            let args: &[Obj] = if rv.is_null() || rv == Obj::NONE {
                &[]
            } else {
                &[rv]
            };
            let mut buf = [Obj::NULL; 1];
            buf[..args.len()].copy_from_slice(args);
            Err(vm.raise_new(T_STOP_ITERATION, &buf[..args.len()]))
        }
    }
}

fn min_max(vm: &mut Vm<'_>, a: &Args, want_max: bool) -> PyResult<Obj> {
    if a.n_pos == 0 {
        return Err(vm.raise_msg_str(
            T_TYPE_ERROR,
            "function missing 1 required positional arguments",
        ));
    }
    // modbuiltins.c's min/max call any given key, None too.
    let key = vm.arg_kw(a, b"key");
    let default = vm.arg_kw(a, b"default");
    let base = vm.roots_len();
    let r = (|| {
        // One argument is iterated over; several are compared in place, allocating nothing
        // (modbuiltins.c's min_max).
        let mut it = match a.n_pos {
            1 => {
                let it = vm.iter_begin(vm.arg(a, 0))?;
                vm.push_root(it.obj);
                Some(it)
            }
            _ => None,
        };
        let mut next_arg = 0;
        let mut best = Obj::NULL;
        let mut best_key = Obj::NULL;
        let slot = vm.roots_len();
        vm.push_root(Obj::NULL);
        vm.push_root(Obj::NULL);
        loop {
            let v = match &mut it {
                Some(it) => match vm.iter_advance(it)? {
                    Some(v) => v,
                    None => break,
                },
                None if next_arg < a.n_pos => {
                    next_arg += 1;
                    vm.arg(a, next_arg - 1)
                }
                None => break,
            };
            vm.push_root(v);
            let k = match key {
                Some(f) => vm.call_obj(f, &[v])?,
                None => v,
            };
            vm.pop_root();
            if best.is_null() {
                best = v;
                best_key = k;
            } else {
                // `k > best` for max, `k < best` for min, and only a result of True counts
                // (modbuiltins.c; comparisons are not reflected).
                let op = if want_max {
                    mpy_format::opcode::BinaryOp::MORE
                } else {
                    mpy_format::opcode::BinaryOp::LESS
                };
                let better = vm.binary_op(op, k, best_key)? == Obj::TRUE;
                if better {
                    best = v;
                    best_key = k;
                }
            }
            vm.set_root(slot, best);
            vm.set_root(slot + 1, best_key);
        }
        if best.is_null() {
            if let Some(d) = default {
                return Ok(d);
            }
            return Err(vm.raise_msg_str(T_VALUE_ERROR, "arg is an empty sequence"));
        }
        Ok(best)
    })();
    vm.truncate_roots(base);
    r
}

fn max(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    min_max(vm, a, true)
}

fn min(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    min_max(vm, a, false)
}

fn pow(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 3)?;
    if a.n_pos == 3 && vm.arg(a, 2) != Obj::NONE {
        return pow3(vm, a);
    }
    vm.binary_op(BinaryOp::POWER, vm.arg(a, 0), vm.arg(a, 1))
}

/// `pow(x, y, m)` on integers of any size: square-and-multiply, reduced mod `m` (floored, so
/// the result takes `m`'s sign).
#[inline(never)]
fn pow3(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    use crate::object::bigint::Big;
    // mp_obj_is_int: a bool is not an int here.
    let is_bool = |o: Obj| o == Obj::TRUE || o == Obj::FALSE;
    if (0..3).any(|i| is_bool(vm.arg(a, i))) {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "pow() with 3 arguments requires integers"));
    }
    let (Some(x), Some(y), Some(m)) = (
        vm.big_of(vm.arg(a, 0)),
        vm.big_of(vm.arg(a, 1)),
        vm.big_of(vm.arg(a, 2)),
    ) else {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "pow() with 3 arguments requires integers"));
    };
    if m.is_zero() {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "divide by zero"));
    }
    if y.neg {
        // mpz_pow3_inpl: a negative exponent gives 0.
        return Ok(Obj::small_sat(0));
    }
    let reduce = |v: &Big| Big::floor_divmod(v, &m).map(|(_, r)| r);
    let step = |acc: &Big, f: &Big| Big::mul(acc, f).as_ref().and_then(reduce);
    let (Some(mut acc), Some(mut base)) = (reduce(&Big::from_i128(1)), reduce(&x)) else {
        return Err(vm.big_overflow());
    };
    for i in 0..y.len.min(y.d.len()) {
        let mut limb = y.d[i];
        for _ in 0..32 {
            if limb & 1 == 1 {
                acc = step(&acc, &base).ok_or_else(|| vm.big_overflow())?;
            }
            limb >>= 1;
            if limb == 0 && i + 1 == y.len {
                break;
            }
            base = step(&base, &base).ok_or_else(|| vm.big_overflow())?;
        }
    }
    vm.new_big(&acc)
}

fn repr(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    vm.obj_str(vm.arg(a, 0), true)
}

fn round(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 2)?;
    let o = vm.arg(a, 0);
    // `round(x, None)` is a TypeError in MicroPython (the digits go through mp_obj_get_int).
    let nd = vm.arg_pos(a, 1);
    // A bool is not an int to mp_obj_is_int: it takes the float path (round(True, 1) is 1.0).
    let is_bool = cfg!(feature = "float") && (o == Obj::TRUE || o == Obj::FALSE);
    if let Some(v) = vm.big_of(o).filter(|_| !is_bool) {
        let n = match nd {
            Some(nd) => vm.get_int(nd)?,
            None => 0,
        };
        if n >= 0 {
            return vm.new_big(&v);
        }
        let r = round_int(&v, n).unwrap_or_else(crate::object::bigint::Big::zero);
        return vm.new_big(&r);
    }
    let f = if is_bool {
        Some(if o == Obj::TRUE { 1.0 } else { 0.0 })
    } else {
        vm.float_value(o)
    };
    let Some(f) = f else {
        if let Some(r) = vm.call_special(o, "__round__", &[])? {
            return Ok(r);
        }
        let t = vm.type_name(o);
        return Err(vm.raise_parts(T_TYPE_ERROR, &[&"can't convert ", &t, &" to float"]));
    };
    match nd {
        None => vm.int_from_float(round_half_even(f)),
        Some(nd) => {
            let n = vm.get_int(nd)?;
            // nearbyint(val * 10**n) / 10**n, as MicroPython computes it.
            #[allow(clippy::cast_precision_loss)]
            let mult = crate::object::float_math::powf(10.0, n as f64);
            let r = round_half_even(f * mult) / mult;
            // nearbyint keeps the sign of a value that rounds to zero.
            let r = if r == 0.0 { 0.0f64.copysign(f) } else { r };
            vm.new_float(r)
        }
    }
}

/// `round(v, n)` for an int and `n < 0`: to a multiple of 10^-n, ties to even; None when
/// 10^-n is beyond the big int range (every value then rounds to 0).
fn round_int(v: &crate::object::bigint::Big, n: i64) -> Option<crate::object::bigint::Big> {
    use crate::object::bigint::Big;
    let ten = Big::from_i128(10);
    let mut p = Big::from_i128(1);
    for _ in 0..n.unsigned_abs().min(1300) {
        p = Big::mul(&p, &ten)?;
    }
    let (q, r) = Big::floor_divmod(v, &p)?;
    let twice = Big::add(&r, &r)?;
    let odd = q.len > 0 && q.d[0] & 1 == 1;
    let q = match twice.cmp(&p) {
        core::cmp::Ordering::Greater => Big::add(&q, &Big::from_i128(1))?,
        core::cmp::Ordering::Equal if odd => Big::add(&q, &Big::from_i128(1))?,
        _ => q,
    };
    Big::mul(&q, &p)
}

fn round_half_even(f: f64) -> f64 {
    let fl = crate::object::ops::floor(f);
    let diff = f - fl;
    let round_up = diff > 0.5 || (diff == 0.5 && crate::object::ops::fmod(fl, 2.0) != 0.0);
    if round_up {
        fl + 1.0
    } else {
        fl
    }
}

fn sorted(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    // modbuiltins.c: mp_builtin_sorted's own checks.
    if a.n_pos > 1 {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "must use keyword argument for key function"));
    }
    if a.n_pos == 0 {
        return Err(vm.raise_msg_str(
            T_TYPE_ERROR,
            "function missing 1 required positional arguments",
        ));
    }
    let l = vm.list_from_iter(vm.arg(a, 0))?;
    vm.push_root(l);
    let key = vm.arg_kw(a, b"key").unwrap_or(Obj::NONE);
    let rev = match vm.arg_kw(a, b"reverse") {
        Some(r) => vm.is_true(r)?,
        None => false,
    };
    let r = vm.list_sort(l, key, rev);
    vm.pop_root();
    r.map(|()| l)
}

fn sum(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 2)?;
    let mut acc = vm.arg_pos(a, 1).unwrap_or(Obj::small_sat(0));
    let mut it = vm.iter_begin(vm.arg(a, 0))?;
    let base = vm.roots_len();
    vm.push_root(it.obj);
    let slot = vm.roots_len();
    vm.push_root(acc);
    let r = (|| {
        while let Some(v) = vm.iter_advance(&mut it)? {
            acc = vm.binary_op(BinaryOp::ADD, acc, v)?;
            vm.set_root(slot, acc);
        }
        Ok(acc)
    })();
    vm.truncate_roots(base);
    r
}

pub(super) fn globals(vm: &mut Vm<'_>, _a: &Args) -> PyResult<Obj> {
    let f = vm.frames[vm.depth.saturating_sub(1)];
    if f.is_null() {
        return Ok(Obj::NONE);
    }
    let fun = vm.heap.get_obj(f.bits(), crate::vm::dispatch::F_FUN);
    let m = vm.heap.get_obj(fun.bits(), 1);
    Ok(vm.heap.get_obj(m.bits(), crate::loader::M_GLOBALS))
}

/// `locals()`: a class body's namespace, else (module level and, as in MicroPython, inside
/// functions) the globals.
pub(super) fn locals(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    let f = vm.frames[vm.depth.saturating_sub(1)];
    if !f.is_null() {
        let l = vm.heap.get_obj(f.bits(), crate::vm::dispatch::F_LOCALS);
        if vm.is_kind(l, Kind::Dict) {
            return Ok(l);
        }
    }
    globals(vm, a)
}

/// `dir()`: the names of the local namespace (modbuiltins.c lists the locals dict's keys).
/// `dir(o)`: every name an attribute load on `o` finds, in MicroPython's order (it probes
/// each qstr in turn; see [`dir_sort`]).
fn dir(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 1)?;
    let Some(o) = vm.arg_pos(a, 0) else {
        let d = locals(vm, a)?;
        let l = vm.new_list(0, 4)?;
        vm.push_root(l);
        let r = dir_add_dict(vm, l, d);
        vm.pop_root();
        return r.map(|()| l);
    };
    if let Some(r) = vm.call_special(o, "__dir__", &[])? {
        return Ok(r);
    }
    let l = vm.new_list(0, 4)?;
    vm.push_root(l);
    let r = (|| {
        // Every object has `__class__`.
        dir_add(vm, l, Obj::qstr(crate::qstr_pool::qstr!("__class__")))?;
        let dict = Obj::qstr(crate::qstr_pool::qstr!("__dict__"));
        match vm.kind_of(o) {
            Some(Kind::Instance) => {
                dir_add_dict(vm, l, vm.heap.get_obj(o.bits(), 1))?;
                let cls = vm.heap.get_obj(o.bits(), 0);
                dir_add_class(vm, l, cls, 0)?;
                // An instance of a class has an attribute dict; one of a built-in type not.
                if cls.imm_of(Imm::Type).is_none() {
                    dir_add(vm, l, dict)?;
                }
                if vm.is_exception(o) {
                    // objexcept.c's attributes of every exception.
                    for name in ["args", "value", "errno"] {
                        let name = vm.name_str(name.as_bytes())?;
                        vm.push_root(name);
                        let r = dir_add(vm, l, name);
                        vm.pop_root();
                        r?;
                    }
                }
            }
            // A class or built-in type (whose methods come below): its names, then the
            // type attributes (the list is sorted at the end).
            _ if vm.is_type_obj(o) => {
                if vm.is_kind(o, Kind::Class) {
                    dir_add_class(vm, l, o, 0)?;
                }
                for name in [
                    crate::qstr_pool::qstr!("__name__"),
                    crate::qstr_pool::qstr!("__bases__"),
                ] {
                    dir_add(vm, l, Obj::qstr(name))?;
                }
                dir_add(vm, l, dict)?;
            }
            Some(Kind::Module) => {
                dir_add_dict(vm, l, vm.heap.get_obj(o.bits(), crate::loader::M_GLOBALS))?;
                dir_add(vm, l, dict)?;
            }
            _ => {}
        }
        let ty = o.imm_of(Imm::Type).unwrap_or_else(|| vm.builtin_type_id(o));
        dir_add_type(vm, l, ty)?;
        dir_sort(vm, l)?;
        Ok(l)
    })();
    vm.pop_root();
    r
}

/// Where MicroPython's `dir` puts a name: it probes the qstrs in pool order, so first come
/// mpy's static qstrs (in their order), then the names compiled into the firmware (sorted),
/// then names interned at run time, in the order the loaded code brought them (here: a
/// module's qstr table order; names made at run time last). Which other names a port
/// compiled in is the port's own, so names of user code count as interned at run time.
fn dir_rank(vm: &Vm<'_>, name: Obj) -> (u8, u32) {
    // (A str made at run time may spell one of the VM's interned names.)
    let interned = name
        .as_qstr()
        .or_else(|| vm.str_data(name).and_then(crate::qstr_pool::qstr_id));
    if let Some(q) = interned {
        if q as usize <= mpy_format::static_qstr::STATIC_QSTRS.len() {
            return (0, q);
        }
        if q & crate::obj::QSTR_IMAGE_BIT == 0 {
            // The VM's own extra names are MicroPython's built-in ones.
            return (1, 0);
        }
    }
    let Some(q) = name.as_qstr() else {
        // A str made at run time: the built-in modules' names are (their dicts are filled
        // when they are first imported).
        return (1, 0);
    };
    let bytes = vm.qstr_bytes(q);
    if lookup_builtin(bytes).is_some()
        || super::methods::METHODS
            .iter()
            .any(|m| m.name.as_bytes() == bytes)
        || super::modules::MODULE_FNS
            .iter()
            .any(|f| f.name.as_bytes() == bytes)
    {
        return (1, 0);
    }
    (2, q)
}

/// Sort `dir`'s list into MicroPython's order: a stable insertion sort (lists are short) on
/// each name's rank, worked out once into a raw block beside the list.
fn dir_sort(vm: &mut Vm<'_>, l: Obj) -> PyResult<()> {
    let n = vm.seq_parts(l).map_or(0, |p| p.2);
    let ranks = vm.alloc(Kind::Words, 2 * n + 1)?;
    let Some(p) = vm.seq_parts(l) else {
        return Ok(());
    };
    let rank = |vm: &Vm<'_>, i: u32| (vm.heap.get(ranks, 2 * i), vm.heap.get(ranks, 2 * i + 1));
    for i in 0..n {
        let (class, key) = dir_rank(vm, vm.seq_get(p, i));
        vm.heap.set(ranks, 2 * i, u32::from(class));
        vm.heap.set(ranks, 2 * i + 1, key);
    }
    for i in 1..n {
        let (x, rx) = (vm.seq_get(p, i), rank(vm, i));
        let mut j = i;
        while j > 0 {
            let (y, ry) = (vm.seq_get(p, j - 1), rank(vm, j - 1));
            // The firmware's names (rank 1) are sorted; the others keep their order.
            let before = if rx == ry {
                rx.0 == 1 && vm.str_data(x).unwrap_or(&[]) < vm.str_data(y).unwrap_or(&[])
            } else {
                rx < ry
            };
            if !before {
                break;
            }
            vm.heap.set_obj(p.0, p.1 + j, y);
            vm.heap.set(ranks, 2 * j, ry.0);
            vm.heap.set(ranks, 2 * j + 1, ry.1);
            j -= 1;
        }
        vm.heap.set_obj(p.0, p.1 + j, x);
        vm.heap.set(ranks, 2 * j, rx.0);
        vm.heap.set(ranks, 2 * j + 1, rx.1);
    }
    Ok(())
}

/// Append `name` to `l` unless it is there already.
fn dir_add(vm: &mut Vm<'_>, l: Obj, name: Obj) -> PyResult<()> {
    if !vm.contains(l, name)? {
        vm.list_append(l, name)?;
    }
    Ok(())
}

fn dir_add_dict(vm: &mut Vm<'_>, l: Obj, d: Obj) -> PyResult<()> {
    if vm.is_kind(d, Kind::Dict) {
        let mut i = 0;
        while i < vm.dict_alloc(d) {
            if let Some((k, _)) = vm.dict_slot(d, i) {
                dir_add(vm, l, k)?;
            }
            i += 1;
        }
    }
    Ok(())
}

/// The names of a class and its bases (built-in bases contribute their methods).
fn dir_add_class(vm: &mut Vm<'_>, l: Obj, cls: Obj, depth: u32) -> PyResult<()> {
    if let Some(id) = cls.imm_of(Imm::Type) {
        return dir_add_type(vm, l, id);
    }
    if depth > 16 || !vm.is_kind(cls, Kind::Class) {
        return Ok(());
    }
    dir_add_dict(vm, l, vm.heap.get_obj(cls.bits(), 2))?;
    let bases = vm.heap.get_obj(cls.bits(), 1);
    for i in 0..vm.tuple_len(bases) {
        dir_add_class(vm, l, vm.heap.get_obj(bases.bits(), i + 1), depth + 1)?;
    }
    Ok(())
}

/// The method names of built-in type `ty` (bytes and bytearray share str's).
fn dir_add_type(vm: &mut Vm<'_>, l: Obj, ty: u32) -> PyResult<()> {
    if ty == T_OBJECT {
        return Ok(());
    }
    for m in super::methods::METHODS {
        let shared = matches!(ty, T_BYTES | T_BYTEARRAY) && m.ty() == T_STR && m.name != "encode";
        if m.ty() == ty || shared {
            let name = vm.new_str_bytes(m.name.as_bytes())?;
            vm.push_root(name);
            let r = dir_add(vm, l, name);
            vm.pop_root();
            r?;
        }
    }
    Ok(())
}

// ----- constructors -----

#[allow(clippy::too_many_lines)]
/// `int(text, base)` (out of line: its buffers stay off `construct`'s frame, which may sit
/// under Python code run by `list(generator)` and the like).
#[inline(never)]
fn int_from_text(vm: &mut Vm<'_>, x: Obj, base: i64) -> PyResult<Obj> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "int() arg 2 must be >= 2 and <= 36"));
    }
    #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
    let parsed =
        crate::object::int::parse_big(vm.str_or_bytes(x).map_or(&[][..], |(d, _)| d), base as u32);
    let (base, start) = match parsed {
        Ok(v) => return vm.new_big(&v),
        Err(crate::object::int::ParseErr::Overflow) => return Err(vm.big_overflow()),
        Err(crate::object::int::ParseErr::Syntax { base, start }) => (base, start),
    };
    // The message quotes the text from the digits on, escaped as bytes are
    // (mp_str_print_quoted with is_bytes: non-ASCII as \x escapes), without the b prefix.
    let len = vm.str_or_bytes(x).map_or(0, |(d, _)| d.len());
    let roots = vm.roots_len();
    let r = (|| {
        let n = len - start.min(len);
        let tail = vm.new_str_uninit(Kind::Bytes, n)?;
        vm.push_root(Obj::heap(tail));
        {
            let mut chunk = [0u8; 64];
            let mut done = 0;
            while done < n {
                let k = (n - done).min(64);
                let src = vm.str_or_bytes(x).map_or(&[][..], |p| p.0);
                chunk[..k].copy_from_slice(src.get(start + done..start + done + k).unwrap_or(&[]));
                #[allow(clippy::cast_possible_truncation)]
                if let Some(dst) = vm.heap.bytes_mut(tail, 1, n as u32).get_mut(done..done + k) {
                    dst.copy_from_slice(&chunk[..k]);
                }
                done += k;
            }
        }
        let quoted = vm.obj_str(Obj::heap(tail), true)?;
        vm.push_root(quoted);
        let qlen = vm.str_data(quoted).map_or(0, <[u8]>::len);
        let s = vm.substr(quoted, 1, qlen)?;
        vm.push_root(s);
        Err(vm.raise_parts(
            T_VALUE_ERROR,
            &[
                &"invalid syntax for integer with base ",
                &base,
                &": ",
                &crate::vm::StrOf(s),
            ],
        ))
    })();
    vm.truncate_roots(roots);
    r
}

pub(super) fn construct(vm: &mut Vm<'_>, id: u32, a: &Args) -> PyResult<Obj> {
    if is_exception_type(id) {
        let t = vm.new_tuple(a.n_pos)?;
        for i in 0..a.n_pos {
            let v = vm.arg(a, i);
            vm.heap.set_obj(t.bits(), i + 1, v);
        }
        return vm.new_instance_of(type_obj(id), t);
    }
    let arg0 = vm.arg_pos(a, 0);
    match id {
        T_INT => {
            // py/objint.c: no keywords; with a base the value must be a str or bytes, alone
            // it may be an int, any buffer (parsed as text) or a float.
            check_n(vm, a, 0, 2)?;
            let Some(x) = arg0 else {
                return Ok(Obj::small_sat(0));
            };
            if let Some(base) = vm.arg_pos(a, 1) {
                if vm.str_get_data(x).is_none() {
                    return Err(vm.bad_implicit_conversion(x));
                }
                let base = vm.get_int(base)?;
                return int_from_text(vm, x, base);
            }
            if vm.str_or_bytes(x).is_some() {
                return int_from_text(vm, x, 10);
            }
            if vm.typed_info(x).is_some() {
                let text = vm.typed_to_bytes(x)?;
                return int_from_text(vm, text, 10);
            }
            if let Some(v) = vm.int_to_i64(x) {
                return vm.new_int(v);
            }
            if vm.is_kind(x, Kind::BigInt) {
                return Ok(x);
            }
            if let Some(f) = vm.float_value(x) {
                return vm.int_from_float(f);
            }
            let x = match vm.call_special(x, "__int__", &[])? {
                Some(r) if vm.big_of(r).is_some() => return Ok(r),
                Some(r) => r,
                None => x,
            };
            let t = vm.type_name(x);
            Err(vm.raise_parts(T_TYPE_ERROR, &[&"can't convert ", &t, &" to int"]))
        }
        T_FLOAT if !cfg!(feature = "float") => Err(vm.no_float()),
        T_FLOAT => {
            check_n(vm, a, 0, 1)?;
            let Some(x) = arg0 else {
                return vm.new_float(0.0);
            };
            if vm.float_value(x).is_some() {
                return Ok(x);
            }
            if let Some(f) = vm.float_of(x) {
                return vm.new_float(f);
            }
            if let Some(d) = vm.str_data(x).or_else(|| vm.bytes_data(x)) {
                if let Some(f) = crate::object::float_text::parse_float(d) {
                    return vm.new_float(f);
                }
                return Err(vm.raise_msg_str(T_VALUE_ERROR, "invalid syntax for number"));
            }
            let f = vm.float_arg(x)?;
            vm.new_float(f)
        }
        T_COMPLEX if cfg!(feature = "complex") => {
            check_n(vm, a, 0, 2)?;
            let args = [vm.arg_pos(a, 0), vm.arg_pos(a, 1)];
            let n = args.iter().flatten().count();
            let args = args.map(|o| o.unwrap_or(Obj::NONE));
            vm.construct_complex(&args[..n])
        }
        T_BOOL => {
            check_n(vm, a, 0, 1)?;
            match arg0 {
                Some(x) => Ok(Obj::bool(vm.is_true(x)?)),
                None => Ok(Obj::FALSE),
            }
        }
        T_STR => {
            no_kwargs_unimplemented(vm, a)?;
            check_pos(vm, a, 0, 3)?;
            let Some(x) = arg0 else {
                return Ok(Obj::qstr(1));
            };
            let encoding = vm.arg_pos(a, 1);
            if encoding.is_some() {
                let errors = vm.arg_pos(a, 2);
                return super::methods::decode_bytes(vm, x, encoding, errors);
            }
            vm.obj_str(x, false)
        }
        T_BYTES | T_BYTEARRAY => {
            if id == T_BYTES {
                no_kwargs_unimplemented(vm, a)?;
            } else if a.n_kw > 0 {
                check_n(vm, a, 0, 3)?;
            }
            let is_exact_bytes = |vm: &Vm<'_>, x: Obj| {
                vm.is_kind(x, Kind::Bytes) || x.imm_of(Imm::RomBytes).is_some()
            };
            // bytes(b) is b itself, whatever follows (objstr.c's bytes_make_new).
            if let Some(x) = arg0.filter(|x| id == T_BYTES && is_exact_bytes(vm, *x)) {
                return Ok(x);
            }
            // An encoding (and errors) only after a str; bytearray ignores the extra
            // arguments (objarray.c).
            if a.n_pos > 3
                || (id == T_BYTES && a.n_pos > 1 && arg0.is_some_and(|x| vm.str_data(x).is_none()))
            {
                return Err(vm.raise_msg_str(T_TYPE_ERROR, "wrong number of arguments"));
            }
            let r = match arg0 {
                None => vm.new_bytes(&[])?,
                Some(x) => {
                    if vm.str_data(x).is_some() {
                        let Some(encoding) = vm.arg_pos(a, 1) else {
                            return Err(vm.raise_msg_str(
                                T_TYPE_ERROR,
                                "string argument without an encoding",
                            ));
                        };
                        // bytearray takes a str's buffer and never looks at the encoding.
                        let encoding = Some(encoding).filter(|_| id == T_BYTES);
                        super::methods::encode_str(vm, x, encoding)?
                    } else if id == T_BYTEARRAY && vm.is_kind(x, Kind::BigInt) {
                        // An int: that many zero bytes; a negative count is a huge unsigned one.
                        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                        let request = vm.get_int(x)? as u32;
                        vm.check_request(request)?;
                        Obj::heap(vm.new_str_uninit(Kind::Bytes, request as usize)?)
                    } else if let Some(n) = x.as_small() {
                        // bytes(n) allocates n + 1 bytes and rejects a negative n; bytearray(n)
                        // allocates n bytes, a negative n taken as unsigned (objarray.c).
                        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                        let request = if id == T_BYTES {
                            (n as u32).wrapping_add(1)
                        } else {
                            n as u32
                        };
                        let Ok(n) = usize::try_from(n) else {
                            if id == T_BYTEARRAY {
                                vm.check_request(request)?;
                            }
                            return Err(vm.raise_bare(T_VALUE_ERROR));
                        };
                        vm.check_request(request)?;
                        Obj::heap(vm.new_str_uninit(Kind::Bytes, n)?)
                    } else if vm.typed_info(x).is_some() {
                        vm.typed_to_bytes(x)?
                    } else if vm.bytes_data(x).is_some() {
                        let n = vm.bytes_data(x).map_or(0, <[u8]>::len);
                        let o = vm.new_str_uninit(Kind::Bytes, n)?;
                        vm.copy_str_bytes(x, o, 0)?;
                        Obj::heap(o)
                    } else {
                        let l = vm.list_from_iter(x)?;
                        vm.push_root(l);
                        let n = vm.heap.get(l.bits(), 0);
                        let o = vm.new_str_uninit(Kind::Bytes, n as usize);
                        let o = match o {
                            Ok(o) => o,
                            Err(e) => {
                                vm.pop_root();
                                return Err(e);
                            }
                        };
                        for i in 0..n {
                            let st = vm.heap.get_obj(l.bits(), 1).bits();
                            let mut v = vm.heap.get_obj(st, i);
                            // bytearray keeps the low 8 bits (of a big int too); bytes checks
                            // the range.
                            if id == T_BYTEARRAY && vm.is_kind(v, Kind::BigInt) {
                                let mask = Obj::small_sat(0xff);
                                match vm.binary_op(BinaryOp::AND, v, mask) {
                                    Ok(m) => v = m,
                                    Err(e) => {
                                        vm.pop_root();
                                        return Err(e);
                                    }
                                }
                            }
                            let b = match vm.get_int(v) {
                                Ok(b) => b,
                                Err(e) => {
                                    vm.pop_root();
                                    return Err(e);
                                }
                            };
                            let b = if id == T_BYTEARRAY { b & 0xff } else { b };
                            let Some(b) = Some(b).filter(|b| (0..=255).contains(b)) else {
                                vm.pop_root();
                                return Err(
                                    vm.raise_msg_str(T_VALUE_ERROR, "bytes value out of range")
                                );
                            };
                            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                            if let Some(x) = vm.heap.bytes_mut(o, 1, n).get_mut(i as usize) {
                                *x = b as u8;
                            }
                        }
                        vm.pop_root();
                        Obj::heap(o)
                    }
                }
            };
            if id == T_BYTEARRAY {
                return vm.bytearray_from(r);
            }
            Ok(r)
        }
        T_TUPLE => {
            check_n(vm, a, 0, 1)?;
            match arg0 {
                Some(x) => vm.tuple_from_iter(x),
                None => vm.new_tuple(0),
            }
        }
        T_ENUMERATE => enumerate(vm, a),
        T_FILTER => filter(vm, a),
        T_MAP => map(vm, a),
        T_ZIP => zip(vm, a),
        T_REVERSED => reversed(vm, a),
        #[cfg(feature = "collections")]
        T_DEQUE => super::modcollections::deque_new(vm, a),
        #[cfg(feature = "weakref")]
        T_WEAKREF_REF | T_WEAKREF_FINALIZE => super::modweakref::weakref_new(vm, id, a),
        #[cfg(feature = "array")]
        T_ARRAY => {
            check_n(vm, a, 1, 2)?;
            vm.array_new(vm.arg(a, 0), vm.arg_pos(a, 1))
        }
        #[cfg(feature = "array")]
        T_MEMORYVIEW => {
            check_n(vm, a, 1, 1)?;
            vm.memoryview_new(vm.arg(a, 0))
        }
        #[cfg(feature = "io")]
        T_STRINGIO | T_BYTESIO => super::modio::io_new(vm, a),
        #[cfg(feature = "tstrings")]
        T_TEMPLATE => template_new(vm, a),
        #[cfg(feature = "tstrings")]
        T_INTERPOLATION => interpolation_new(vm, a),
        // Any arguments are the subclass's business (iobase_make_new).
        #[cfg(feature = "io")]
        T_IOBASE => Ok(Obj::NONE),
        #[cfg(feature = "hashlib")]
        T_SHA256 => super::modhashlib::sha256_new(vm, a),
        T_LIST => {
            check_n(vm, a, 0, 1)?;
            match arg0 {
                Some(x) => vm.list_from_iter(x),
                None => vm.new_list(0, 0),
            }
        }
        T_DICT | T_ORDERED_DICT => {
            if a.n_pos > 1 {
                // dict() hands its arguments to dict.update(self, ...), which counts self.
                let got = a.n_pos + 1;
                return Err(vm.raise_parts(
                    T_TYPE_ERROR,
                    &[&"function expected at most 2 arguments, got ", &got],
                ));
            }
            let d = if id == T_ORDERED_DICT {
                vm.new_ordered_dict()?
            } else {
                vm.new_dict(0)?
            };
            vm.push_root(d);
            let r = (|| {
                if let Some(x) = arg0 {
                    vm.dict_update_from(d, x)?;
                }
                for i in 0..a.n_kw {
                    let (k, v) = vm.kw_pair(a, i);
                    vm.dict_store(d, k, v)?;
                }
                Ok(d)
            })();
            vm.pop_root();
            r
        }
        T_SET | T_FROZENSET => {
            check_n(vm, a, 0, 1)?;
            match arg0 {
                Some(x) => vm.set_from_iter(x, id == T_FROZENSET),
                None => vm.new_set(0, id == T_FROZENSET),
            }
        }
        T_RANGE => {
            check_n(vm, a, 1, 3)?;
            let mut v = [0i64; 3];
            for (i, slot) in v.iter_mut().enumerate().take(a.n_pos as usize) {
                #[allow(clippy::cast_possible_truncation)]
                let o = vm.arg(a, i as u32);
                *slot = vm.get_int(o)?;
            }
            let (start, stop, step) = match a.n_pos {
                1 => (0, v[0], 1),
                2 => (v[0], v[1], 1),
                _ => (v[0], v[1], v[2]),
            };
            if step == 0 {
                return Err(vm.raise_msg_str(T_VALUE_ERROR, "zero step"));
            }
            vm.new_range(start, stop, step)
        }
        T_OBJECT => {
            check_n(vm, a, 0, 0)?;
            let o = vm.alloc(Kind::Instance, 4)?;
            vm.heap.set_obj(o, 0, type_obj(T_OBJECT));
            Ok(Obj::heap(o))
        }
        T_TYPE => {
            if a.n_pos == 0 {
                return Err(vm.raise_msg_str(
                    T_TYPE_ERROR,
                    "function missing 1 required positional arguments",
                ));
            }
            check_n(vm, a, 1, 3)?;
            if a.n_pos == 1 {
                return Ok(vm.type_of(vm.arg(a, 0)));
            }
            if a.n_pos == 3 {
                let name = vm.arg(a, 0);
                // mp_obj_str_get_qstr: the name must be a str.
                if vm.str_data(name).is_none() {
                    return Err(vm.bad_implicit_conversion(name));
                }
                vm.check_name_len(name)?;
                let bases = vm.arg(a, 1);
                let d = vm.arg(a, 2);
                return vm.new_class(name, bases, d);
            }
            Err(vm.raise_msg_str(T_TYPE_ERROR, "type takes 1 or 3 arguments"))
        }
        T_PROPERTY | T_CLASSMETHOD | T_STATICMETHOD => {
            let which = match id {
                T_PROPERTY => 0,
                T_CLASSMETHOD => 1,
                _ => 2,
            };
            let w = vm.alloc(Kind::Wrapper, 4)?;
            vm.heap.set(w, 0, which);
            for i in 0..3 {
                let v = vm.arg_pos(a, i).unwrap_or(Obj::NONE);
                vm.heap.set_obj(w, 1 + i, v);
            }
            if which == 0 {
                // objproperty.c: (fget, fset, fdel, doc) positionally; only `doc` by
                // keyword, and it is dropped.
                if a.n_pos > 4 {
                    return Err(vm.raise_msg_str(T_TYPE_ERROR, "extra positional arguments given"));
                }
                for i in 0..a.n_kw {
                    let (k, _) = vm.kw_pair(a, i);
                    if vm.str_data(k) != Some(b"doc") {
                        return Err(vm.raise_msg_str(T_TYPE_ERROR, "extra keyword arguments given"));
                    }
                }
            }
            Ok(Obj::heap(w))
        }
        T_SUPER => {
            check_n(vm, a, 2, 2)?;
            let (c, o) = (vm.arg(a, 0), vm.arg(a, 1));
            // super(cls, obj): obj must be an instance or subclass of cls.
            if !vm.is_type_obj(c) {
                return Err(vm.raise_msg_str(
                    T_TYPE_ERROR,
                    "issubclass() arg 2 must be a class or a tuple of classes",
                ));
            }
            let t = if vm.is_type_obj(o) { o } else { vm.type_of(o) };
            if !vm.is_subclass(t, c) {
                return Err(vm.raise_bare(T_TYPE_ERROR));
            }
            let s = vm.alloc(Kind::Super, 2)?;
            vm.heap.set_obj(s, 0, c);
            vm.heap.set_obj(s, 1, o);
            Ok(Obj::heap(s))
        }
        _ => {
            let n = type_name(id);
            Err(vm.raise_parts(T_TYPE_ERROR, &[&"can't create '", &n, &"' instances"]))
        }
    }
}

impl<'a> Vm<'a> {
    /// A bytearray holding a copy of bytes object `src`.
    pub(crate) fn bytearray_from(&mut self, src: Obj) -> PyResult<Obj> {
        let n = self.bytes_data(src).map_or(0, <[u8]>::len);
        self.push_root(src);
        let store = self.new_str_uninit(Kind::Bytes, n);
        let store = match store {
            Ok(s) => s,
            Err(e) => {
                self.pop_root();
                return Err(e);
            }
        };
        self.copy_str_bytes(src, store, 0)?;
        let ba = self.bytearray_over(store, n);
        self.pop_root();
        ba
    }

    /// A bytearray of `len` bytes whose storage is `Bytes` block `store` (its first bytes).
    pub(crate) fn bytearray_over(&mut self, store: u32, len: usize) -> PyResult<Obj> {
        self.push_root(Obj::heap(store));
        let ba = self.alloc(Kind::ByteArray, 2);
        self.pop_root();
        let ba = ba?;
        #[allow(clippy::cast_possible_truncation)]
        self.heap.set(ba, 0, len as u32);
        self.heap.set_obj(ba, 1, Obj::heap(store));
        Ok(Obj::heap(ba))
    }

    /// A bytes result (or list/tuple of them) of a bytes method called on a bytearray, with
    /// every bytes made a bytearray.
    pub(crate) fn bytes_result_as_bytearray(&mut self, r: Obj) -> PyResult<Obj> {
        let is_bytes =
            |vm: &Self, o: Obj| vm.is_kind(o, Kind::Bytes) || o.imm_of(Imm::RomBytes).is_some();
        if is_bytes(self, r) {
            return self.bytearray_from(r);
        }
        let (n, first) = match self.kind_of(r) {
            Some(Kind::List) => (self.heap.get(r.bits(), 0), 0),
            Some(Kind::Tuple) => (self.heap.get(r.bits(), 0), 1),
            _ => return Ok(r),
        };
        self.push_root(r);
        let res = (|| {
            for i in 0..n {
                let store = if first == 0 {
                    self.heap.get_obj(r.bits(), 1).bits()
                } else {
                    r.bits()
                };
                let item = self.heap.get_obj(store, first + i);
                if is_bytes(self, item) {
                    let ba = self.bytearray_from(item)?;
                    let store = if first == 0 {
                        self.heap.get_obj(r.bits(), 1).bits()
                    } else {
                        r.bits()
                    };
                    self.heap.set_obj(store, first + i, ba);
                }
            }
            Ok(r)
        })();
        self.pop_root();
        res
    }

    /// `str(bytes, encoding)`: a str with the same bytes.
    pub(crate) fn substr_as_str(&mut self, src: Obj, n: usize) -> PyResult<Obj> {
        self.push_root(src);
        let o = self.new_str_uninit(Kind::Str, n);
        self.pop_root();
        let o = o?;
        self.copy_str_bytes(src, o, 0)?;
        Ok(Obj::heap(o))
    }

    /// `dict.update(x)` for a dict or an iterable of pairs.
    pub(crate) fn dict_update_from(&mut self, d: Obj, x: Obj) -> PyResult<()> {
        if self.is_kind(x, Kind::Dict) {
            return self.dict_update(d, x);
        }
        let base = self.roots_len();
        self.push_root(x);
        let r = (|| {
            let mut it = self.iter_begin(x)?;
            self.push_root(it.obj);
            while let Some(pair) = self.iter_advance(&mut it)? {
                self.push_root(pair);
                let t = self.tuple_from_iter(pair)?;
                self.pop_root();
                if self.tuple_len(t) != 2 {
                    return Err(
                        self.raise_msg_str(T_VALUE_ERROR, "dict update sequence has wrong length")
                    );
                }
                let (k, v) = (
                    self.heap.get_obj(t.bits(), 1),
                    self.heap.get_obj(t.bits(), 2),
                );
                self.push_root(t);
                self.dict_store(d, k, v)?;
                self.pop_root();
            }
            Ok(())
        })();
        self.truncate_roots(base);
        r
    }

    /// `list.sort(key, reverse)` — MicroPython's quicksort, so results match exactly.
    pub(crate) fn list_sort(&mut self, l: Obj, key: Obj, reverse: bool) -> PyResult<()> {
        let n = i64::from(self.heap.get(l.bits(), 0));
        if n <= 1 {
            return Ok(());
        }
        let key = if key == Obj::NONE { Obj::NULL } else { key };
        let less_result = Obj::bool(!reverse);
        self.quicksort(l, -1, n - 1, key, less_result, 0)
    }

    fn sort_item(&self, l: Obj, i: i64) -> Obj {
        let store = self.heap.get_obj(l.bits(), 1).bits();
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        if i >= 0 && i < i64::from(self.heap.get(l.bits(), 0)) {
            self.heap.get_obj(store, i as u32)
        } else {
            Obj::NONE
        }
    }

    fn sort_set(&mut self, l: Obj, i: i64, v: Obj) {
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        if i >= 0 && i < i64::from(self.heap.get(l.bits(), 0)) {
            self.list_set(l, i as u32, v);
        }
    }

    fn sort_key(&mut self, l: Obj, i: i64, key: Obj) -> PyResult<Obj> {
        let v = self.sort_item(l, i);
        if key.is_null() {
            Ok(v)
        } else {
            self.call_obj(key, &[v])
        }
    }

    fn quicksort(
        &mut self,
        l: Obj,
        mut head: i64,
        mut tail: i64,
        key: Obj,
        less: Obj,
        depth: u32,
    ) -> PyResult<()> {
        if depth > 64 {
            return Err(self.recursion_error());
        }
        while tail - head > 1 {
            let mut h = head;
            let mut t = tail;
            let v = self.sort_key(l, tail, key)?;
            let slot = self.roots_len();
            self.push_root(v);
            let r = (|| {
                loop {
                    loop {
                        h += 1;
                        if h >= t {
                            break;
                        }
                        let k = self.sort_key(l, h, key)?;
                        if self.binary_op(BinaryOp::LESS, k, v)? != less {
                            break;
                        }
                    }
                    loop {
                        t -= 1;
                        if h >= t {
                            break;
                        }
                        let k = self.sort_key(l, t, key)?;
                        if self.binary_op(BinaryOp::LESS, v, k)? != less {
                            break;
                        }
                    }
                    if h >= t {
                        break;
                    }
                    let x = self.sort_item(l, h);
                    let y = self.sort_item(l, t);
                    self.sort_set(l, h, y);
                    self.sort_set(l, t, x);
                }
                Ok::<(), Raised>(())
            })();
            self.truncate_roots(slot);
            r?;
            let x = self.sort_item(l, h);
            let y = self.sort_item(l, tail);
            self.sort_set(l, h, y);
            self.sort_set(l, tail, x);
            if t - head < tail - h {
                self.quicksort(l, head, t, key, less, depth + 1)?;
                head = h;
            } else {
                self.quicksort(l, h, tail, key, less, depth + 1)?;
                tail = t;
            }
        }
        Ok(())
    }
}
