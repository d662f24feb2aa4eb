//! Built-in modules: `micropython`, `sys`, `math`, `gc` and `collections` (`struct` is in
//! modstruct.rs) (after py/modmicropython.c,
//! py/modsys.c, py/modmath.c). Math uses self-contained float routines (no libm).

use super::funcs::check_n;
use super::modstruct::{struct_calcsize, struct_pack, struct_pack_into, struct_unpack};
use super::*;
use crate::object::print::{exp, ln, powf};

/// A function that lives in a built-in module.
pub(crate) struct ModuleFn {
    pub module: &'static str,
    pub name: &'static str,
    pub func: for<'x> fn(&mut Vm<'x>, &Args) -> PyResult<Obj>,
}

macro_rules! module_fns {
    ($($m:literal . $name:literal => $f:ident,)*) => {
        pub(crate) static MODULE_FNS: &[ModuleFn] = &[$(ModuleFn { module: $m, name: $name, func: $f },)*];
    };
}

module_fns! {
    "micropython"."const" => mp_const,
    "collections"."namedtuple" => namedtuple,
    "collections"."__nt_new" => namedtuple_new,
    "micropython"."opt_level" => mp_opt_level,
    "sys"."exit" => sys_exit,
    "struct"."calcsize" => struct_calcsize,
    "struct"."pack" => struct_pack,
    "struct"."pack_into" => struct_pack_into,
    "struct"."unpack" => struct_unpack,
    "struct"."unpack_from" => struct_unpack,
    "gc"."collect" => gc_collect,
    "gc"."enable" => gc_enable,
    "gc"."disable" => gc_disable,
    "gc"."isenabled" => gc_isenabled,
    "gc"."mem_free" => gc_mem_free,
    "gc"."mem_alloc" => gc_mem_alloc,
    "math"."sqrt" => m_sqrt,
    "math"."floor" => m_floor,
    "math"."ceil" => m_ceil,
    "math"."trunc" => m_trunc,
    "math"."fabs" => m_fabs,
    "math"."fmod" => m_fmod,
    "math"."copysign" => m_copysign,
    "math"."pow" => m_pow,
    "math"."exp" => m_exp,
    "math"."log" => m_log,
    "math"."log10" => m_log10,
    "math"."log2" => m_log2,
    "math"."factorial" => m_factorial,
    "math"."sin" => m_sin,
    "math"."cos" => m_cos,
    "math"."tan" => m_tan,
    "math"."atan" => m_atan,
    "math"."atan2" => m_atan2,
    "math"."asin" => m_asin,
    "math"."acos" => m_acos,
    "math"."degrees" => m_degrees,
    "math"."radians" => m_radians,
    "math"."isinf" => m_isinf,
    "math"."isnan" => m_isnan,
    "math"."isfinite" => m_isfinite,
    "math"."modf" => m_modf,
    "math"."frexp" => m_frexp,
    "math"."ldexp" => m_ldexp,
}

/// The built-in modules' names.
pub(crate) const BUILTIN_MODULES: &[&str] = &[
    "micropython",
    "sys",
    "math",
    "collections",
    "gc",
    "struct",
    "errno",
    "io",
];

/// A new module object named `name`, entered in `sys.modules`: (module, its globals dict).
/// Both stay rooted (the caller truncates the roots).
pub(crate) fn new_module(vm: &mut Vm<'_>, name: &[u8]) -> PyResult<(Obj, Obj)> {
    let name_obj = vm.new_str_bytes(name)?;
    vm.push_root(name_obj);
    let g = vm.new_dict(0)?;
    vm.push_root(g);
    let m = vm.alloc(Kind::Module, 6)?;
    vm.heap.set(m, 0, u32::MAX);
    vm.heap.set_obj(m, crate::loader::M_GLOBALS, g);
    vm.heap.set_obj(m, crate::loader::M_NAME, name_obj);
    vm.push_root(Obj::heap(m));
    let key = Obj::qstr(crate::vm::static_qstr_id("__name__").unwrap_or(1));
    vm.dict_store(g, key, name_obj)?;
    let mods = vm.modules;
    vm.dict_store(mods, name_obj, Obj::heap(m))?;
    Ok((Obj::heap(m), g))
}

/// The module object for a built-in module name, created on first import.
pub(crate) fn builtin_module(vm: &mut Vm<'_>, name: &[u8]) -> PyResult<Option<Obj>> {
    let Some(&mname) = BUILTIN_MODULES.iter().find(|m| m.as_bytes() == name) else {
        return Ok(None);
    };
    let base = vm.roots_len();
    let r = (|| {
        let (m, g) = new_module(vm, name)?;
        for (i, f) in MODULE_FNS.iter().enumerate() {
            if f.module == mname {
                let key = vm.new_str_bytes(f.name.as_bytes())?;
                #[allow(clippy::cast_possible_truncation)]
                let v = Obj::imm(Imm::Builtin, (BUILTINS.len() + i) as u32);
                vm.dict_store(g, key, v)?;
            }
        }
        match mname {
            "math" => {
                for (k, v) in [
                    ("pi", core::f64::consts::PI),
                    ("e", core::f64::consts::E),
                    ("inf", f64::INFINITY),
                    ("nan", f64::NAN),
                ] {
                    let key = vm.new_str_bytes(k.as_bytes())?;
                    vm.push_root(key);
                    let f = vm.new_float(v)?;
                    vm.pop_root();
                    vm.dict_store(g, key, f)?;
                }
            }
            "io" => {
                // StringIO / BytesIO: classes over the built-in stream types.
                for (n, ty) in [("StringIO", T_STRINGIO), ("BytesIO", T_BYTESIO)] {
                    let c = native_class(vm, n, ty)?;
                    vm.push_root(c);
                    let name = vm.heap.get_obj(c.bits(), 0);
                    vm.dict_store(g, name, c)?;
                }
            }
            "errno" => {
                // The constants, and `errorcode` mapping each value to its name.
                let codes = vm.new_dict(0)?;
                vm.push_root(codes);
                for &(n, name) in crate::native::ERRNO_NAMES {
                    let key = vm.new_str_bytes(name.as_bytes())?;
                    vm.push_root(key);
                    let v = Obj::small_sat(n);
                    vm.dict_store(g, key, v)?;
                    vm.dict_store(codes, v, key)?;
                    vm.pop_root();
                }
                let key = vm.new_str_bytes(b"errorcode")?;
                vm.dict_store(g, key, codes)?;
            }
            "collections" => {
                let key = vm.new_str_bytes(b"OrderedDict")?;
                vm.dict_store(g, key, type_obj(T_ORDERED_DICT))?;
                // deque: a class over the built-in deque type (its instances wrap a list).
                let c = native_class(vm, "deque", T_DEQUE)?;
                vm.push_root(c);
                let name = vm.heap.get_obj(c.bits(), 0);
                vm.dict_store(g, name, c)?;
            }
            "sys" => {
                let key = vm.new_str_bytes(b"byteorder")?;
                vm.push_root(key);
                let v = vm.new_str_bytes(b"little")?;
                vm.pop_root();
                vm.dict_store(g, key, v)?;
                let key = vm.new_str_bytes(b"maxsize")?;
                vm.dict_store(g, key, Obj::small_sat(i64::from(i32::MAX)))?;
                for k in ["path", "argv"] {
                    let key = vm.new_str_bytes(k.as_bytes())?;
                    vm.push_root(key);
                    let l = vm.new_list(0, 0)?;
                    vm.pop_root();
                    vm.dict_store(g, key, l)?;
                }
                let key = vm.new_str_bytes(b"modules")?;
                let mods = vm.modules;
                vm.dict_store(g, key, mods)?;
                sys_version_attrs(vm, g)?;
                sys_stdio(vm, g)?;
            }
            _ => {}
        }
        Ok(Some(m))
    })();
    vm.truncate_roots(base);
    r
}

/// A class named `name` (an interned name) over built-in type `ty`, with an empty dict.
fn native_class(vm: &mut Vm<'_>, name: &str, ty: u32) -> PyResult<Obj> {
    let name = match crate::vm::static_qstr_id(name) {
        Some(q) => Obj::qstr(q),
        None => vm.new_str_bytes(name.as_bytes())?,
    };
    vm.push_root(name);
    let bases = vm.new_tuple_from(&[type_obj(ty)]);
    let r = bases.and_then(|bases| {
        vm.push_root(bases);
        let d = vm.new_dict(0);
        let r = d.and_then(|d| {
            vm.push_root(d);
            let c = vm.new_class(name, bases, d);
            vm.pop_root();
            c
        });
        vm.pop_root();
        r
    });
    vm.pop_root();
    r
}

/// `sys.stdin`, `sys.stdout`, `sys.stderr`: instances of a `TextIOWrapper` class over the
/// built-in type, wrapping their file descriptor number.
fn sys_stdio(vm: &mut Vm<'_>, g: Obj) -> PyResult<()> {
    let cls = native_class(vm, "TextIOWrapper", T_TEXTIO)?;
    vm.push_root(cls);
    for (fd, key) in [(0, "stdin"), (1, "stdout"), (2, "stderr")] {
        let o = vm.alloc(Kind::Instance, 4)?;
        vm.heap.set_obj(o, 0, cls);
        vm.heap.set_obj(o, 2, Obj::small_sat(fd));
        vm.push_root(Obj::heap(o));
        let k = vm.new_str_bytes(key.as_bytes())?;
        vm.dict_store(g, k, Obj::heap(o))?;
    }
    Ok(())
}

/// `sys.version`, `sys.version_info` and `sys.implementation` (an attrtuple in MicroPython:
/// here a namedtuple class without a name, which prints the same).
fn sys_version_attrs(vm: &mut Vm<'_>, g: Obj) -> PyResult<()> {
    let new_str = |vm: &mut Vm<'_>, s: &[u8]| -> PyResult<Obj> {
        let o = vm.new_str_bytes(s)?;
        vm.push_root(o);
        Ok(o)
    };
    let key = new_str(vm, b"version")?;
    let v = new_str(vm, b"3.4.0; MicroPython v1.29.0 on runtime-min")?;
    vm.dict_store(g, key, v)?;
    let three = [3, 4, 0].map(Obj::small_sat);
    let key = new_str(vm, b"version_info")?;
    let v = vm.new_tuple_from(&three)?;
    vm.dict_store(g, key, v)?;
    #[allow(clippy::cast_possible_truncation)]
    let nt = MODULE_FNS
        .iter()
        .position(|f| f.name == "namedtuple")
        .map_or(0, |i| BUILTINS.len() + i) as u32;
    let name = new_str(vm, b"")?;
    let fields = new_str(vm, b"name version _machine _mpy")?;
    let cls = vm.call_obj(Obj::imm(Imm::Builtin, nt), &[name, fields])?;
    vm.push_root(cls);
    let mp = new_str(vm, b"micropython")?;
    let machine = new_str(vm, b"runtime-min")?;
    let ver = vm.new_tuple_from(&[
        Obj::small_sat(1),
        Obj::small_sat(29),
        Obj::small_sat(0),
        name,
    ])?;
    vm.push_root(ver);
    let imp = vm.call_obj(cls, &[mp, ver, machine, Obj::small_sat(774)])?;
    vm.push_root(imp);
    let key = new_str(vm, b"implementation")?;
    vm.dict_store(g, key, imp)
}

// ----- gc (after py/modgc.c) -----

fn gc_collect(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 0)?;
    vm.collect();
    Ok(Obj::NONE)
}

fn gc_enable(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 0)?;
    vm.gc_disabled = false;
    Ok(Obj::NONE)
}

fn gc_disable(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 0)?;
    vm.gc_disabled = true;
    Ok(Obj::NONE)
}

fn gc_isenabled(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 0)?;
    Ok(Obj::bool(!vm.gc_disabled))
}

fn gc_mem_free(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 0)?;
    let (used, cap, _) = vm.heap_stats();
    vm.new_int(i64::from(cap.saturating_sub(used)))
}

fn gc_mem_alloc(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 0)?;
    let (used, _, _) = vm.heap_stats();
    vm.new_int(i64::from(used))
}

fn mp_const(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    Ok(vm.arg(a, 0))
}

/// `collections.namedtuple(name, fields)`: a class derived from tuple whose instances wrap a
/// native tuple; each field is a class attribute `Wrapper(3, index)` read from that tuple.
fn namedtuple(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    super::funcs::check_pos(vm, a, 2, 2)?;
    let name = vm.arg(a, 0);
    let spec = vm.arg(a, 1);
    let base = vm.roots_len();
    let r = (|| {
        // Field names: a sequence of str, or one str separated by spaces/commas.
        let fields = if vm.str_data(spec).is_some() {
            let t = vm.new_tuple(0)?;
            vm.push_root(t);
            let cleaned = {
                let mut nb = crate::object::print::NumBuf::new();
                for &c in vm.str_data(spec).unwrap_or(&[]) {
                    nb.push(if c == b',' { b' ' } else { c });
                }
                nb
            };
            let s2 = vm.new_str_bytes(cleaned.as_bytes())?;
            vm.push_root(s2);
            let parts = vm.call_method_by_name(s2, b"split", &[])?;
            vm.push_root(parts);
            vm.tuple_from_iter(parts)?
        } else {
            vm.tuple_from_iter(spec)?
        };
        vm.push_root(fields);
        let d = vm.new_dict(0)?;
        vm.push_root(d);
        let key = vm.new_str_bytes(b"_fields")?;
        vm.dict_store(d, key, fields)?;
        for i in 0..vm.tuple_len(fields) {
            let w = vm.alloc(Kind::Wrapper, 4)?;
            vm.heap.set(w, 0, 3);
            vm.heap.set_obj(w, 1, Obj::small_sat(i64::from(i)));
            let f = vm.heap.get_obj(fields.bits(), i + 1);
            vm.push_root(Obj::heap(w));
            vm.dict_store(d, f, Obj::heap(w))?;
            vm.pop_root();
        }
        let new_key = vm.new_str_bytes(b"__new__")?;
        vm.push_root(new_key);
        #[allow(clippy::cast_possible_truncation)]
        let nt_new = MODULE_FNS
            .iter()
            .position(|f| f.name == "__nt_new")
            .map_or(0, |i| BUILTINS.len() + i) as u32;
        let w = vm.alloc(Kind::Wrapper, 4)?;
        vm.heap.set(w, 0, 2);
        vm.heap.set_obj(w, 1, Obj::imm(Imm::Builtin, nt_new));
        vm.push_root(Obj::heap(w));
        vm.dict_store(d, new_key, Obj::heap(w))?;
        let bases = vm.new_tuple_from(&[type_obj(T_TUPLE)])?;
        vm.push_root(bases);
        // A namedtuple is a native type in MicroPython: never "already subclassed".
        let c = vm.new_class(name, bases, d)?;
        vm.set_class_flags(c, crate::object::attr::CLASS_HAS_SPECIAL);
        Ok(c)
    })();
    vm.truncate_roots(base);
    r
}

/// `__new__` of a namedtuple class: (cls, *values, **by_name).
fn namedtuple_new(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    let cls = vm.arg(a, 0);
    // Subclasses of a namedtuple class inherit its fields.
    let fields = vm.class_lookup(cls, b"_fields").unwrap_or(Obj::NULL);
    let n = vm.tuple_len(fields);
    if a.n_pos - 1 > n {
        return Err(vm.raise_parts(
            T_TYPE_ERROR,
            &[
                &"function takes ",
                &n,
                &" positional arguments but ",
                &(a.n_pos - 1),
                &" were given",
            ],
        ));
    }
    let t = vm.new_tuple(n)?;
    vm.push_root(t);
    for i in 1..a.n_pos {
        let v = vm.arg(a, i);
        vm.heap.set_obj(t.bits(), i, v);
    }
    for k in 0..a.n_kw {
        let (key, v) = vm.kw_pair(a, k);
        let pos = (0..n).find(|&i| {
            let f = vm.heap.get_obj(fields.bits(), i + 1);
            vm.str_data(f).is_some() && vm.str_data(f) == vm.str_data(key)
        });
        match pos {
            Some(i) => vm.heap.set_obj(t.bits(), i + 1, v),
            None => {
                vm.pop_root();
                return Err(vm.raise_msg_str(T_TYPE_ERROR, "unexpected keyword argument"));
            }
        }
    }
    if (0..n).any(|i| vm.heap.get_obj(t.bits(), i + 1).is_null()) {
        vm.pop_root();
        return Err(vm.raise_msg_str(
            T_TYPE_ERROR,
            "function missing required positional argument",
        ));
    }
    let o = vm.alloc(Kind::Instance, 4);
    vm.pop_root();
    let o = o?;
    vm.heap.set_obj(o, 0, cls);
    vm.heap.set_obj(o, 2, t);
    Ok(Obj::heap(o))
}

fn mp_opt_level(_vm: &mut Vm<'_>, _a: &Args) -> PyResult<Obj> {
    Ok(Obj::small_sat(0))
}

fn sys_exit(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    let args: &[Obj] = &[vm.arg_pos(a, 0).unwrap_or(Obj::NONE)];
    let n = usize::from(a.n_pos > 0);
    let e = vm.new_exception(T_SYSTEM_EXIT, &args[..n])?;
    Err(vm.raise_obj(e))
}

fn float_arg(vm: &mut Vm<'_>, a: &Args, i: u32) -> PyResult<f64> {
    let o = vm.arg(a, i);
    match vm.float_of(o) {
        Some(f) => Ok(f),
        None => {
            let t = vm.type_name(o);
            Err(vm.raise_parts(T_TYPE_ERROR, &[&"can't convert ", &t, &" to float"]))
        }
    }
}

fn math1(vm: &mut Vm<'_>, a: &Args, f: fn(f64) -> f64) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let x = float_arg(vm, a, 0)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "math domain error"));
    }
    vm.new_float(r)
}

fn math2(vm: &mut Vm<'_>, a: &Args, f: fn(f64, f64) -> f64) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let x = float_arg(vm, a, 0)?;
    let y = float_arg(vm, a, 1)?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "math domain error"));
    }
    vm.new_float(r)
}

/// Correctly rounded square root (Newton iteration, then an exact ±1 ulp correction).
pub(crate) fn sqrt(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 || x.is_infinite() {
        return x;
    }
    let mut r = f64::from_bits((x.to_bits() >> 1) + 0x1ff8_0000_0000_0000);
    for _ in 0..8 {
        r = 0.5 * (r + x / r);
    }
    // Pick among neighbours the one whose square is nearest to x (exact via two-product).
    let residual = |c: f64| {
        let (p, e) = two_prod(c, c);
        ((p - x) + e).abs()
    };
    let mut best = r;
    for c in [
        f64::from_bits(r.to_bits() - 1),
        f64::from_bits(r.to_bits() + 1),
    ] {
        if residual(c) < residual(best) {
            best = c;
        }
    }
    best
}

/// Dekker's exact product: a*b = p + e.
fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let split = |v: f64| {
        let c = 134_217_729.0 * v;
        let hi = c - (c - v);
        (hi, v - hi)
    };
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    let e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
    (p, e)
}

fn m_sqrt(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, sqrt)
}

/// The int of an integral float, exactly (big ints beyond 2^127).
pub(crate) fn to_int_result(vm: &mut Vm<'_>, f: f64) -> PyResult<Obj> {
    if f.is_nan() {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "can't convert NaN to int"));
    }
    if f.is_infinite() {
        return Err(vm.raise_msg_str(T_OVERFLOW_ERROR, "can't convert inf to int"));
    }
    if f.abs() < 1e38 {
        #[allow(clippy::cast_possible_truncation)]
        return vm.new_int_wide(f as i128);
    }
    // 53-bit mantissa shifted by the binary exponent (at least 75 here).
    let bits = f.to_bits();
    let mant = i128::from(bits & 0x000f_ffff_ffff_ffff | 1 << 52);
    let shift = ((bits >> 52) & 0x7ff).saturating_sub(1075);
    #[allow(clippy::cast_possible_truncation)]
    let Some(mut v) = crate::object::bigint::Big::from_i128(mant).shl(shift as usize) else {
        return Err(vm.big_overflow());
    };
    v.neg = f < 0.0;
    vm.new_big(&v)
}

fn m_floor(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let x = float_arg(vm, a, 0)?;
    to_int_result(vm, crate::object::ops::floor(x))
}

fn m_ceil(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let x = float_arg(vm, a, 0)?;
    to_int_result(vm, -crate::object::ops::floor(-x))
}

fn m_trunc(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let x = float_arg(vm, a, 0)?;
    to_int_result(vm, crate::object::ops::trunc(x))
}

fn m_fabs(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, f64::abs)
}

fn m_fmod(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math2(vm, a, crate::object::ops::fmod)
}

fn m_copysign(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math2(vm, a, f64::copysign)
}

fn m_pow(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math2(vm, a, powf)
}

fn m_exp(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, exp)
}

fn m_log(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 2)?;
    let x = float_arg(vm, a, 0)?;
    if x <= 0.0 {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "math domain error"));
    }
    let r = if a.n_pos == 2 {
        let b = float_arg(vm, a, 1)?;
        if b <= 0.0 {
            return Err(vm.raise_msg_str(T_VALUE_ERROR, "math domain error"));
        }
        if b == 1.0 {
            return Err(vm.raise_msg_str(T_ZERO_DIVISION_ERROR, "divide by zero"));
        }
        ln(x) / ln(b)
    } else {
        ln(x)
    };
    vm.new_float(r)
}

fn m_log10(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| {
        if x <= 0.0 {
            return f64::NAN;
        }
        // x = m * 2^k: log10 = k*log10(2) (in two parts; the high one has 20 trailing zero
        // bits, so k * HI is exact) + ln(m)/ln(10).
        const L10_2_HI: f64 = 0.301_029_995_665_885_5;
        const L10_2_LO: f64 = -1.904_312_846_716_427_4e-12;
        let r = if x.is_normal() {
            let bits = x.to_bits();
            #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
            let k = ((bits >> 52) & 0x7ff) as i64 - 1023;
            let m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
            #[allow(clippy::cast_precision_loss)]
            let k = k as f64;
            k * L10_2_HI + (k * L10_2_LO + ln(m) / core::f64::consts::LN_10)
        } else {
            ln(x) / core::f64::consts::LN_10
        };
        // Exact powers of ten give exact results (as a correctly rounded log10 does).
        let k = crate::object::ops::floor(r + 0.5);
        if (r - k).abs() < 1e-9 && k.abs() <= 22.0 {
            let mut p = 1.0;
            for _ in 0..(k.abs() as u32) {
                p *= 10.0;
            }
            if (k >= 0.0 && x == p) || (k < 0.0 && x == 1.0 / p) {
                return k;
            }
        }
        r
    })
}

fn m_log2(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| {
        if x <= 0.0 || !x.is_normal() {
            return if x <= 0.0 {
                f64::NAN
            } else {
                ln(x) / core::f64::consts::LN_2
            };
        }
        // x = m * 2^k: k exactly, plus log2(m) (0 for powers of two).
        let bits = x.to_bits();
        #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
        let k = ((bits >> 52) & 0x7ff) as i64 - 1023;
        let m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
        #[allow(clippy::cast_precision_loss)]
        let r = k as f64 + ln(m) / core::f64::consts::LN_2;
        r
    })
}

/// `math.factorial(n)` of an int (big ints as needed).
fn m_factorial(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let n = vm.get_int(vm.arg(a, 0))?;
    if n < 0 {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "negative factorial"));
    }
    let mut acc = crate::object::bigint::Big::from_i128(1);
    for i in 2..=n {
        acc = crate::object::bigint::Big::mul(
            &acc,
            &crate::object::bigint::Big::from_i128(i128::from(i)),
        )
        .ok_or_else(|| vm.big_overflow())?;
    }
    vm.new_big(&acc)
}

/// sin and cos by range reduction to [-pi/4, pi/4] and Taylor series.
fn sin_cos(x: f64) -> (f64, f64) {
    if !x.is_finite() {
        return (f64::NAN, f64::NAN);
    }
    let half_pi = core::f64::consts::FRAC_PI_2;
    let k = crate::object::ops::floor(x / half_pi + 0.5);
    // pi/2 in four 24-bit parts: k * part is exact for |k| < 2^29, so the reduction keeps
    // its precision for arguments up to about 8e8.
    const PIO2: [f64; 4] = [
        1.570_796_370_506_286_6,
        -4.371_138_828_673_793e-8,
        -1.715_124_510_005_881_9e-15,
        1.056_299_898_220_315e-23,
    ];
    let mut r = x;
    for p in PIO2 {
        r -= k * p;
    }
    let r2 = r * r;
    // Taylor terms, summed from the smallest up.
    let mut st = [0.0f64; 12];
    let mut ct = [0.0f64; 12];
    let (mut term, mut cterm) = (r, 1.0);
    st[0] = r;
    ct[0] = 1.0;
    for i in 1..12 {
        let fi = f64::from(i as u8);
        term *= -r2 / ((2.0 * fi) * (2.0 * fi + 1.0));
        cterm *= -r2 / ((2.0 * fi - 1.0) * (2.0 * fi));
        st[i] = term;
        ct[i] = cterm;
    }
    let s: f64 = st.iter().rev().sum();
    let c: f64 = ct.iter().rev().sum();
    #[allow(clippy::cast_possible_truncation)]
    let q = (k as i64).rem_euclid(4);
    match q {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

fn m_sin(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| if x == 0.0 { x } else { sin_cos(x).0 })
}

fn m_cos(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| sin_cos(x).1)
}

fn m_tan(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| {
        let (s, c) = sin_cos(x);
        s / c
    })
}

/// atan by argument reduction and series.
fn atan(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x < 0.0 {
        return -atan(-x);
    }
    if x > 1.0 {
        return core::f64::consts::FRAC_PI_2 - atan(1.0 / x);
    }
    // Reduce further: atan(x) = 2 atan(x / (1 + sqrt(1 + x^2)))
    let y = x / (1.0 + sqrt(1.0 + x * x));
    let y = y / (1.0 + sqrt(1.0 + y * y));
    let y2 = y * y;
    let mut term = y;
    let mut sum = 0.0;
    for i in 0..30 {
        sum += term / f64::from(2 * i + 1);
        term *= -y2;
    }
    4.0 * sum
}

fn atan2(y: f64, x: f64) -> f64 {
    use core::f64::consts::PI;
    if x > 0.0 {
        atan(y / x)
    } else if x < 0.0 {
        if y >= 0.0 {
            atan(y / x) + PI
        } else {
            atan(y / x) - PI
        }
    } else if y > 0.0 {
        PI / 2.0
    } else if y < 0.0 {
        -PI / 2.0
    } else {
        0.0
    }
}

fn m_atan(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, atan)
}

fn m_atan2(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math2(vm, a, atan2)
}

fn m_asin(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| {
        if x.abs() > 1.0 {
            f64::NAN
        } else {
            atan2(x, sqrt(1.0 - x * x))
        }
    })
}

fn m_acos(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| {
        if x.abs() > 1.0 {
            f64::NAN
        } else {
            atan2(sqrt(1.0 - x * x), x)
        }
    })
}

fn m_degrees(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| x * (180.0 / core::f64::consts::PI))
}

fn m_radians(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| x * (core::f64::consts::PI / 180.0))
}

fn m_isinf(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    Ok(Obj::bool(float_arg(vm, a, 0)?.is_infinite()))
}

fn m_isnan(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    Ok(Obj::bool(float_arg(vm, a, 0)?.is_nan()))
}

fn m_isfinite(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    Ok(Obj::bool(float_arg(vm, a, 0)?.is_finite()))
}

fn m_modf(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let x = float_arg(vm, a, 0)?;
    let i = crate::object::ops::trunc(x);
    let fo = vm.new_float(x - i)?;
    vm.push_root(fo);
    let io = vm.new_float(i);
    let r = io.and_then(|io| {
        vm.push_root(io);
        let t = vm.new_tuple_from(&[fo, io]);
        vm.pop_root();
        t
    });
    vm.pop_root();
    r
}

fn m_frexp(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let x = float_arg(vm, a, 0)?;
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        let mut e = 0i64;
        let mut m = x;
        while m.abs() >= 1.0 {
            m /= 2.0;
            e += 1;
        }
        while m.abs() < 0.5 {
            m *= 2.0;
            e -= 1;
        }
        (m, e)
    };
    let mo = vm.new_float(m)?;
    vm.push_root(mo);
    let t = vm.new_tuple_from(&[mo, Obj::small_sat(e)]);
    vm.pop_root();
    t
}

fn m_ldexp(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let x = float_arg(vm, a, 0)?;
    let e = vm.get_int(vm.arg(a, 1))?;
    #[allow(clippy::cast_precision_loss)]
    vm.new_float(x * powf(2.0, e as f64))
}
