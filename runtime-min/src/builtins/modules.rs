//! Built-in modules: `micropython`, `sys`, `collections`, `gc`, `errno`, `io`, `math`,
//! `cmath`, `binascii` (in `modbinascii.rs`) and `hashlib` (`modhashlib.rs`) (after py/modmicropython.c, py/modsys.c, py/modcollections.c, py/modgc.c,
//! py/moderrno.c, py/modio.c, py/modmath.c, py/modcmath.c). The math functions are in
//! `math.rs`, the cmath ones in `modcmath.rs`, deque and namedtuple in `modcollections.rs`,
//! StringIO in `modio.rs`, `struct` in `modstruct.rs`, `re` in `modre.rs`, `heapq` in
//! `modheapq.rs`, `json` in `modjson.rs` and `array.array` in object/typed.rs. Each optional
//! module is a cargo feature of the same name (MicroPython's `MICROPY_PY_*` options), all on
//! by default.

use super::funcs::check_n;
#[cfg(feature = "float")]
use super::math::{self, m_factorial, m_frexp, m_isclose, m_ldexp, m_log, m_modf, MathFn};
use super::modcollections::{namedtuple, namedtuple_new};
#[cfg(feature = "heapq")]
use super::modheapq::{heapq_heapify, heapq_heappop, heapq_heappush};
#[cfg(feature = "json")]
use super::modjson::{json_dump, json_dumps, json_load, json_loads};
#[cfg(feature = "random")]
use super::modrandom::*;
#[cfg(feature = "re")]
use super::modre::{re_compile, re_match, re_search, re_sub};
#[cfg(feature = "struct")]
use super::modstruct::{struct_calcsize, struct_pack, struct_pack_into, struct_unpack};
use super::*;
use crate::loader::{M_BUILTIN_READ_ONLY, M_BUILTIN_WRITABLE};
use crate::object::print::{NumBuf, Sink};

/// A function that lives in a built-in module.
pub(crate) struct ModuleFn {
    pub module: &'static str,
    pub name: &'static str,
    pub body: Body,
}

/// What calling a [`ModuleFn`] runs.
pub(crate) enum Body {
    /// A function of the call's arguments.
    Call(for<'x> fn(&mut Vm<'x>, &Args) -> PyResult<Obj>),
    /// A `math` function of floats (argument checks and conversions in `math::call`).
    #[cfg(feature = "float")]
    Math(MathFn),
    /// A `cmath` function of a complex (the conversion in `modcmath::call`).
    #[cfg(feature = "complex")]
    Cmath(super::modcmath::CmathFn),
}

#[cfg(feature = "binascii")]
use super::modbinascii as binascii;
#[cfg(feature = "complex")]
use super::modcmath as cmath;
use Body::Call;
#[cfg(feature = "float")]
use {
    crate::object::float_math::{exp, log10, log2, powf, sqrt},
    crate::object::{float_special, float_trig, ops},
    Body::Math,
    MathFn::{Float, Float2, Plain, Test, ToInt},
};

impl ModuleFn {
    pub(crate) fn call(&self, vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
        match &self.body {
            Body::Call(f) => f(vm, a),
            #[cfg(feature = "float")]
            Body::Math(f) => math::call(vm, a, f),
            #[cfg(feature = "complex")]
            Body::Cmath(f) => super::modcmath::call(vm, a, *f),
        }
    }
}

macro_rules! module_fns {
    ($($(#[$cfg:meta])? $m:literal . $name:literal => $body:expr,)*) => {
        pub(crate) static MODULE_FNS: &[ModuleFn] = &[$($(#[$cfg])? ModuleFn { module: $m, name: $name, body: $body },)*];
    };
}

module_fns! {
    "micropython"."const" => Call(mp_const),
    "collections"."namedtuple" => Call(namedtuple),
    "collections"."__nt_new" => Call(namedtuple_new),
    "micropython"."opt_level" => Call(mp_opt_level),
    "micropython"."heap_lock" => Call(mp_heap_lock),
    "micropython"."heap_unlock" => Call(mp_heap_unlock),
    "micropython"."kbd_intr" => Call(mp_kbd_intr),
    "micropython"."schedule" => Call(mp_schedule),
    "micropython"."mem_info" => Call(mp_mem_info),
    "micropython"."qstr_info" => Call(mp_qstr_info),
    "micropython"."stack_use" => Call(mp_stack_use),
    "sys"."exit" => Call(sys_exit),
    "sys"."print_exception" => Call(sys_print_exception),
    #[cfg(feature = "struct")] "struct"."calcsize" => Call(struct_calcsize),
    #[cfg(feature = "struct")] "struct"."pack" => Call(struct_pack),
    #[cfg(feature = "struct")] "struct"."pack_into" => Call(struct_pack_into),
    #[cfg(feature = "struct")] "struct"."unpack" => Call(struct_unpack),
    #[cfg(feature = "struct")] "struct"."unpack_from" => Call(struct_unpack),
    #[cfg(feature = "random")] "random"."getrandbits" => Call(random_getrandbits),
    #[cfg(feature = "random")] "random"."seed" => Call(random_seed),
    #[cfg(feature = "random")] "random"."randrange" => Call(random_randrange),
    #[cfg(feature = "random")] "random"."randint" => Call(random_randint),
    #[cfg(feature = "random")] "random"."choice" => Call(random_choice),
    #[cfg(all(feature = "random", feature = "float"))] "random"."random" => Call(random_random),
    #[cfg(all(feature = "random", feature = "float"))] "random"."uniform" => Call(random_uniform),
    #[cfg(feature = "re")] "re"."compile" => Call(re_compile),
    #[cfg(feature = "re")] "re"."match" => Call(re_match),
    #[cfg(feature = "re")] "re"."search" => Call(re_search),
    #[cfg(feature = "re")] "re"."sub" => Call(re_sub),
    #[cfg(feature = "heapq")] "heapq"."heappush" => Call(heapq_heappush),
    #[cfg(feature = "heapq")] "heapq"."heappop" => Call(heapq_heappop),
    #[cfg(feature = "heapq")] "heapq"."heapify" => Call(heapq_heapify),
    #[cfg(feature = "json")] "json"."dumps" => Call(json_dumps),
    #[cfg(feature = "json")] "json"."dump" => Call(json_dump),
    #[cfg(feature = "json")] "json"."loads" => Call(json_loads),
    #[cfg(feature = "json")] "json"."load" => Call(json_load),
    #[cfg(feature = "select")] "select"."poll" => Call(super::modselect::select_poll),
    "gc"."collect" => Call(gc_collect),
    "gc"."enable" => Call(gc_enable),
    "gc"."disable" => Call(gc_disable),
    "gc"."isenabled" => Call(gc_isenabled),
    "gc"."mem_free" => Call(gc_mem_free),
    "gc"."mem_alloc" => Call(gc_mem_alloc),
    "gc"."threshold" => Call(gc_threshold),
    #[cfg(feature = "float")] "math"."sqrt" => Math(Float(sqrt)),
    #[cfg(feature = "float")] "math"."floor" => Math(ToInt(ops::floor)),
    #[cfg(feature = "float")] "math"."ceil" => Math(ToInt(|x| -ops::floor(-x))),
    #[cfg(feature = "float")] "math"."trunc" => Math(ToInt(ops::trunc)),
    #[cfg(feature = "float")] "math"."fabs" => Math(Float(f64::abs)),
    #[cfg(feature = "float")] "math"."fmod" => Math(Float2(ops::fmod)),
    #[cfg(feature = "float")] "math"."copysign" => Math(Float2(f64::copysign)),
    #[cfg(feature = "float")] "math"."pow" => Math(Float2(powf)),
    #[cfg(feature = "float")] "math"."exp" => Math(Float(exp)),
    #[cfg(feature = "float")] "math"."log" => Call(m_log),
    #[cfg(feature = "float")] "math"."log10" => Math(Float(|x| if x <= 0.0 { f64::NAN } else { log10(x) })),
    #[cfg(feature = "float")] "math"."log2" => Math(Float(|x| if x <= 0.0 { f64::NAN } else { log2(x) })),
    #[cfg(feature = "float")] "math"."factorial" => Call(m_factorial),
    #[cfg(feature = "float")] "math"."sin" => Math(Float(float_trig::sin)),
    #[cfg(feature = "float")] "math"."cos" => Math(Float(float_trig::cos)),
    #[cfg(feature = "float")] "math"."tan" => Math(Float(float_trig::tan)),
    #[cfg(feature = "float")] "math"."atan" => Math(Float(float_trig::atan)),
    #[cfg(feature = "float")] "math"."atan2" => Math(Float2(float_trig::atan2)),
    #[cfg(feature = "float")] "math"."asin" => Math(Float(float_trig::asin)),
    #[cfg(feature = "float")] "math"."acos" => Math(Float(float_trig::acos)),
    #[cfg(feature = "float")] "math"."degrees" => Math(Plain(|x| x * (180.0 / core::f64::consts::PI))),
    #[cfg(feature = "float")] "math"."radians" => Math(Plain(|x| x * (core::f64::consts::PI / 180.0))),
    #[cfg(feature = "float")] "math"."isinf" => Math(Test(f64::is_infinite)),
    #[cfg(feature = "float")] "math"."isnan" => Math(Test(f64::is_nan)),
    #[cfg(feature = "float")] "math"."isfinite" => Math(Test(f64::is_finite)),
    #[cfg(feature = "float")] "math"."modf" => Call(m_modf),
    #[cfg(feature = "float")] "math"."frexp" => Call(m_frexp),
    #[cfg(feature = "float")] "math"."ldexp" => Call(m_ldexp),
    #[cfg(feature = "float")] "math"."expm1" => Math(Float(float_special::expm1)),
    #[cfg(feature = "float")] "math"."sinh" => Math(Float(float_special::sinh)),
    #[cfg(feature = "float")] "math"."cosh" => Math(Float(float_special::cosh)),
    #[cfg(feature = "float")] "math"."tanh" => Math(Float(float_special::tanh)),
    #[cfg(feature = "float")] "math"."asinh" => Math(Float(float_special::asinh)),
    #[cfg(feature = "float")] "math"."acosh" => Math(Float(float_special::acosh)),
    #[cfg(feature = "float")] "math"."atanh" => Math(Float(float_special::atanh)),
    #[cfg(feature = "float")] "math"."erf" => Math(Float(float_special::erf)),
    #[cfg(feature = "float")] "math"."erfc" => Math(Float(float_special::erfc)),
    #[cfg(feature = "float")] "math"."gamma" => Math(Float(float_special::tgamma)),
    #[cfg(feature = "float")] "math"."lgamma" => Math(Float(float_special::lgamma)),
    #[cfg(feature = "float")] "math"."isclose" => Call(m_isclose),
    #[cfg(feature = "binascii")] "binascii"."hexlify" => Call(binascii::binascii_hexlify),
    #[cfg(feature = "binascii")] "binascii"."unhexlify" => Call(binascii::binascii_unhexlify),
    #[cfg(feature = "binascii")] "binascii"."a2b_base64" => Call(binascii::binascii_a2b_base64),
    #[cfg(feature = "binascii")] "binascii"."b2a_base64" => Call(binascii::binascii_b2a_base64),
    #[cfg(feature = "binascii")] "binascii"."crc32" => Call(binascii::binascii_crc32),
    #[cfg(feature = "complex")] "cmath"."phase" => Call(cmath::cmath_phase),
    #[cfg(feature = "complex")] "cmath"."polar" => Call(cmath::cmath_polar),
    #[cfg(feature = "complex")] "cmath"."rect" => Call(cmath::cmath_rect),
    #[cfg(feature = "complex")] "cmath"."exp" => Body::Cmath(cmath::c_exp),
    #[cfg(feature = "complex")] "cmath"."log" => Body::Cmath(cmath::c_log),
    #[cfg(feature = "complex")] "cmath"."log10" => Body::Cmath(cmath::c_log10),
    #[cfg(feature = "complex")] "cmath"."sqrt" => Body::Cmath(cmath::c_sqrt),
    #[cfg(feature = "complex")] "cmath"."cos" => Body::Cmath(cmath::c_cos),
    #[cfg(feature = "complex")] "cmath"."sin" => Body::Cmath(cmath::c_sin),
}

/// The built-in modules' names.
pub(crate) const BUILTIN_MODULES: &[&str] = &[
    // Always importable; empty unless a module was run under that name (it is then found
    // in `sys.modules` first).
    "__main__",
    // Its attributes are the built-ins; names set on it override them everywhere.
    "builtins",
    "micropython",
    "sys",
    #[cfg(feature = "collections")]
    "collections",
    #[cfg(feature = "random")]
    "random",
    #[cfg(feature = "re")]
    "re",
    #[cfg(feature = "heapq")]
    "heapq",
    #[cfg(feature = "json")]
    "json",
    "gc",
    #[cfg(feature = "struct")]
    "struct",
    "errno",
    #[cfg(feature = "io")]
    "io",
    #[cfg(feature = "array")]
    "array",
    #[cfg(feature = "float")]
    "math",
    #[cfg(feature = "complex")]
    "cmath",
    #[cfg(feature = "binascii")]
    "binascii",
    #[cfg(feature = "hashlib")]
    "hashlib",
    #[cfg(feature = "select")]
    "select",
    #[cfg(feature = "weakref")]
    "weakref",
    #[cfg(feature = "tstrings")]
    "string",
    #[cfg(feature = "tstrings")]
    "string.templatelib",
];

/// A new module object without code named `name`, entered among the built-in modules (not
/// `sys.modules`): (module, its globals dict). `raw_word` is [`M_BUILTIN_READ_ONLY`] or [`M_BUILTIN_WRITABLE`]. Both stay
/// rooted (the caller truncates the roots).
pub(crate) fn new_module(vm: &mut Vm<'_>, name: &[u8], raw_word: u32) -> PyResult<(Obj, Obj)> {
    let name_obj = vm.new_str_bytes(name)?;
    vm.push_root(name_obj);
    let m = vm.new_codeless_module(name_obj, raw_word)?;
    vm.push_root(m);
    let g = vm.heap.get_obj(m.bits(), crate::loader::M_GLOBALS);
    vm.push_root(g);
    let key = Obj::qstr(crate::qstr_pool::qstr!("__name__"));
    vm.dict_store(g, key, name_obj)?;
    let mods = vm.builtin_modules;
    vm.dict_store(mods, name_obj, m)?;
    Ok((m, g))
}

/// The module object for a built-in module name, created on first import.
pub(crate) fn builtin_module(vm: &mut Vm<'_>, name: &[u8]) -> PyResult<Option<Obj>> {
    let Some(&mname) = BUILTIN_MODULES.iter().find(|m| m.as_bytes() == name) else {
        return Ok(None);
    };
    let base = vm.roots_len();
    let r = (|| {
        // `__main__` is a module of Python code, not a built-in one: its attributes can be set;
        // so can `builtins`'.
        let raw_word = if mname == "__main__" || mname == "builtins" {
            M_BUILTIN_WRITABLE
        } else {
            M_BUILTIN_READ_ONLY
        };
        let (m, g) = new_module(vm, name, raw_word)?;
        for (i, f) in MODULE_FNS.iter().enumerate() {
            if f.module == mname {
                let key = vm.new_str_bytes(f.name.as_bytes())?;
                #[allow(clippy::cast_possible_truncation)]
                let v = Obj::imm(Imm::Builtin, (BUILTINS.len() + i) as u32);
                vm.dict_store(g, key, v)?;
            }
        }
        match mname {
            #[cfg(feature = "tstrings")]
            "string" => {
                let sub = builtin_module(vm, b"string.templatelib")?;
                let key = vm.new_str_bytes(b"templatelib")?;
                vm.dict_store(g, key, sub.unwrap_or(Obj::NONE))?;
            }
            #[cfg(feature = "tstrings")]
            "string.templatelib" => {
                for (name, ty) in [("Template", T_TEMPLATE), ("Interpolation", T_INTERPOLATION)] {
                    let key = vm.new_str_bytes(name.as_bytes())?;
                    vm.dict_store(g, key, type_obj(ty))?;
                }
            }
            "builtins" => {
                // Its dict holds only the overrides (`__name__` is the module's own).
                let key = Obj::qstr(crate::qstr_pool::qstr!("__name__"));
                vm.dict_remove(g, key)?;
                vm.builtins_override = g;
            }
            #[cfg(feature = "array")]
            "array" => {
                let key = vm.new_str_bytes(b"array")?;
                vm.dict_store(g, key, type_obj(T_ARRAY))?;
            }
            #[cfg(feature = "float")]
            "math" | "cmath" => {
                let constants: &[(&str, f64)] = &[
                    ("pi", core::f64::consts::PI),
                    ("e", core::f64::consts::E),
                    ("tau", core::f64::consts::TAU),
                    ("inf", f64::INFINITY),
                    ("nan", f64::NAN),
                ];
                // cmath has only e and pi.
                let n = if mname == "math" { constants.len() } else { 2 };
                for &(k, v) in &constants[..n] {
                    let key = vm.new_str_bytes(k.as_bytes())?;
                    vm.push_root(key);
                    let f = vm.new_float(v)?;
                    vm.pop_root();
                    vm.dict_store(g, key, f)?;
                }
            }
            #[cfg(feature = "hashlib")]
            "hashlib" => {
                let c = native_class(vm, "sha256", T_SHA256)?;
                vm.push_root(c);
                let name = vm.heap.get_obj(c.bits(), 0);
                vm.dict_store(g, name, c)?;
            }
            #[cfg(feature = "weakref")]
            "weakref" => {
                for (k, ty) in [("ref", T_WEAKREF_REF), ("finalize", T_WEAKREF_FINALIZE)] {
                    let key = vm.new_str_bytes(k.as_bytes())?;
                    vm.dict_store(g, key, type_obj(ty))?;
                }
            }
            #[cfg(feature = "select")]
            "select" => {
                for (k, v) in super::modselect::POLL_FLAGS {
                    let key = vm.new_str_bytes(k.as_bytes())?;
                    vm.dict_store(g, key, Obj::small_sat(v))?;
                }
            }
            #[cfg(feature = "io")]
            "io" => {
                // StringIO / BytesIO: classes over the built-in stream types.
                for (n, ty) in [
                    ("StringIO", T_STRINGIO),
                    ("BytesIO", T_BYTESIO),
                    ("IOBase", T_IOBASE),
                ] {
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
            #[cfg(feature = "collections")]
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
                // sys.platform names the port; this runtime is its own. (ps1 and ps2 are the
                // REPL's prompts, kept for code that reads them.)
                for (k, v) in [
                    ("byteorder", "little"),
                    ("platform", "runtime-min"),
                    ("ps1", ">>> "),
                    ("ps2", "... "),
                ] {
                    let key = vm.new_str_bytes(k.as_bytes())?;
                    vm.push_root(key);
                    let v = vm.new_str_bytes(v.as_bytes())?;
                    vm.pop_root();
                    vm.dict_store(g, key, v)?;
                }
                let key = vm.new_str_bytes(b"maxsize")?;
                // mp_int_t's maximum on a 32-bit port (a big int here).
                vm.push_root(key);
                let v = vm.new_int_wide(i128::from(i32::MAX))?;
                vm.pop_root();
                vm.dict_store(g, key, v)?;
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
    let name = vm.name_str(name.as_bytes())?;
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
/// built-in type, wrapping their file descriptor number; each `.buffer` is a `FileIO` over
/// the same descriptor.
fn sys_stdio(vm: &mut Vm<'_>, g: Obj) -> PyResult<()> {
    let cls = native_class(vm, "TextIOWrapper", T_TEXTIO)?;
    vm.push_root(cls);
    let raw = native_class(vm, "FileIO", T_FILEIO)?;
    vm.push_root(raw);
    let buffer = vm.new_str_bytes(b"buffer")?;
    vm.push_root(buffer);
    for (fd, key) in [(0, "stdin"), (1, "stdout"), (2, "stderr")] {
        let o = vm.new_instance_of(cls, Obj::small_sat(fd))?;
        vm.push_root(o);
        let b = vm.new_instance_of(raw, Obj::small_sat(fd))?;
        vm.store_attr(o, buffer, b)?;
        let k = vm.new_str_bytes(key.as_bytes())?;
        vm.dict_store(g, k, o)?;
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
    #[cfg(feature = "weakref")]
    vm.run_weakref_callbacks();
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

/// `gc.threshold([bytes])`: collect once that many bytes were allocated since the last
/// collection (a negative value: never); counted in MicroPython's 16-byte GC blocks.
fn gc_threshold(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    const BLOCK: u32 = 16;
    check_n(vm, a, 0, 1)?;
    match vm.arg_pos(a, 0) {
        None if vm.gc_threshold == u32::MAX => Ok(Obj::small_sat(-1)),
        None => vm.new_int(i64::from(vm.gc_threshold)),
        Some(v) => {
            let n = vm.get_int(v)?;
            vm.gc_threshold = match u32::try_from(n) {
                Ok(n) => n / BLOCK * BLOCK,
                Err(_) if n < 0 => u32::MAX,
                Err(_) => u32::MAX - BLOCK,
            };
            Ok(Obj::NONE)
        }
    }
}

/// How many bytes of native stack the running Python code uses, measured from the
/// outermost Python frame (MicroPython's mp_cstack_usage).
fn stack_use(vm: &Vm<'_>) -> usize {
    let probe = 0u8;
    vm.stack_marks[0].saturating_sub(core::ptr::addr_of!(probe) as usize)
}

/// `micropython.stack_use()`.
fn mp_stack_use(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 0)?;
    vm.new_int(i64::try_from(stack_use(vm)).unwrap_or(i64::MAX))
}

/// `micropython.mem_info([verbose])`: the stack in use and the heap, in py/gc.c's words
/// (runtime-min has no stack limit to print, and no allocation table to dump).
fn mp_mem_info(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 1)?;
    let (used, total, _) = vm.heap_stats();
    let [one, two, max_block, max_free] = vm.heap.block_info();
    let mut nb = NumBuf::new();
    nb.push_str("stack: ");
    nb.push_int(i64::try_from(stack_use(vm)).unwrap_or(0));
    nb.push_str("\nGC: total: ");
    nb.push_int(i64::from(total));
    nb.push_str(", used: ");
    nb.push_int(i64::from(used));
    nb.push_str(", free: ");
    nb.push_int(i64::from(total.saturating_sub(used)));
    nb.push_str("\n No. of 1-blocks: ");
    nb.push_int(i64::from(one));
    nb.push_str(", 2-blocks: ");
    nb.push_int(i64::from(two));
    nb.push_str(", max blk sz: ");
    nb.push_int(i64::from(max_block));
    nb.push_str(", max free sz: ");
    nb.push_int(i64::from(max_free));
    nb.push_str("\n");
    vm.sink_write(Sink::Out, nb.as_bytes())?;
    Ok(Obj::NONE)
}

/// `micropython.qstr_info([verbose])`: runtime-min interns nothing at run time (names stay
/// in the image, in flash), so its pool is empty.
fn mp_qstr_info(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 1)?;
    vm.sink_write(
        Sink::Out,
        b"qstr pool: n_pool=0, n_qstr=0, n_str_data_bytes=0, n_total_bytes=0\n",
    )?;
    Ok(Obj::NONE)
}

fn mp_const(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    Ok(vm.arg(a, 0))
}

/// `micropython.opt_level([level])`: the optimisation level code compiled at run time gets
/// (`eval`, `exec`, `compile`), as MP_STATE_VM(mp_optimise_value).
fn mp_opt_level(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 1)?;
    match vm.arg_pos(a, 0) {
        None => Ok(Obj::small_sat(i64::from(vm.opt_level))),
        Some(level) => {
            let level = vm.get_int(level)?;
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let level = level as u8;
            vm.opt_level = level;
            Ok(Obj::NONE)
        }
    }
}

/// `micropython.heap_lock()`: from now on, allocating raises `MemoryError`.
fn mp_heap_lock(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 0)?;
    vm.heap_lock_depth = vm.heap_lock_depth.saturating_add(1);
    Ok(Obj::NONE)
}

/// `micropython.heap_unlock()`: undo one `heap_lock()`; returns the depth left.
fn mp_heap_unlock(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 0)?;
    vm.heap_lock_depth = vm.heap_lock_depth.saturating_sub(1);
    Ok(Obj::small_sat(i64::from(vm.heap_lock_depth)))
}

/// `micropython.kbd_intr(chr)`: there is no keyboard interrupt to configure; the argument
/// must still be an int.
fn mp_kbd_intr(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    vm.get_int(vm.arg(a, 0))?;
    Ok(Obj::NONE)
}

/// `micropython.schedule(function, arg)`: call `function(arg)` at the next branch.
fn mp_schedule(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let (f, arg) = (vm.arg(a, 0), vm.arg(a, 1));
    if vm.schedule(f, arg) {
        Ok(Obj::NONE)
    } else {
        Err(vm.raise_msg_str(crate::builtins::T_RUNTIME_ERROR, "schedule queue full"))
    }
}

/// `sys.print_exception(exc, file=sys.stdout)`.
fn sys_print_exception(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 2)?;
    let exc = vm.arg(a, 0);
    vm.with_stream_sink(vm.arg_pos(a, 1), |vm, sink| {
        if vm.is_exception(exc) {
            vm.write_traceback(sink, exc)
        } else {
            vm.print_obj(sink, exc, true)?;
            vm.sink_write(sink, b"\n")
        }
    })?;
    Ok(Obj::NONE)
}

fn sys_exit(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    let args: &[Obj] = &[vm.arg_pos(a, 0).unwrap_or(Obj::NONE)];
    let n = usize::from(a.n_pos > 0);
    let e = vm.new_exception(T_SYSTEM_EXIT, &args[..n])?;
    Err(vm.raise_obj(e))
}
