//! Built-in modules: `micropython`, `sys`, `collections`, `gc`, `errno`, `io` and `math`
//! (after py/modmicropython.c, py/modsys.c, py/modcollections.c, py/modgc.c, py/moderrno.c,
//! py/modio.c, py/modmath.c). The math functions are in `math.rs`, deque and namedtuple in
//! `modcollections.rs`, StringIO in `modio.rs`, `struct` in `modstruct.rs`, `re` in `modre.rs`,
//! `heapq` in `modheapq.rs`, `json` in `modjson.rs` and `array.array` in object/typed.rs. Each optional module is a cargo feature of the same
//! name (MicroPython's `MICROPY_PY_*` options), all on by default.

use super::funcs::check_n;
#[cfg(feature = "float")]
use super::math::*;
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

/// A function that lives in a built-in module.
pub(crate) struct ModuleFn {
    pub module: &'static str,
    pub name: &'static str,
    pub func: for<'x> fn(&mut Vm<'x>, &Args) -> PyResult<Obj>,
}

macro_rules! module_fns {
    ($($(#[$cfg:meta])? $m:literal . $name:literal => $f:ident,)*) => {
        pub(crate) static MODULE_FNS: &[ModuleFn] = &[$($(#[$cfg])? ModuleFn { module: $m, name: $name, func: $f },)*];
    };
}

module_fns! {
    "micropython"."const" => mp_const,
    "collections"."namedtuple" => namedtuple,
    "collections"."__nt_new" => namedtuple_new,
    "micropython"."opt_level" => mp_opt_level,
    "sys"."exit" => sys_exit,
    "sys"."print_exception" => sys_print_exception,
    #[cfg(feature = "struct")] "struct"."calcsize" => struct_calcsize,
    #[cfg(feature = "struct")] "struct"."pack" => struct_pack,
    #[cfg(feature = "struct")] "struct"."pack_into" => struct_pack_into,
    #[cfg(feature = "struct")] "struct"."unpack" => struct_unpack,
    #[cfg(feature = "struct")] "struct"."unpack_from" => struct_unpack,
    #[cfg(feature = "random")] "random"."getrandbits" => random_getrandbits,
    #[cfg(feature = "random")] "random"."seed" => random_seed,
    #[cfg(feature = "random")] "random"."randrange" => random_randrange,
    #[cfg(feature = "random")] "random"."randint" => random_randint,
    #[cfg(feature = "random")] "random"."choice" => random_choice,
    #[cfg(all(feature = "random", feature = "float"))] "random"."random" => random_random,
    #[cfg(all(feature = "random", feature = "float"))] "random"."uniform" => random_uniform,
    #[cfg(feature = "re")] "re"."compile" => re_compile,
    #[cfg(feature = "re")] "re"."match" => re_match,
    #[cfg(feature = "re")] "re"."search" => re_search,
    #[cfg(feature = "re")] "re"."sub" => re_sub,
    #[cfg(feature = "heapq")] "heapq"."heappush" => heapq_heappush,
    #[cfg(feature = "heapq")] "heapq"."heappop" => heapq_heappop,
    #[cfg(feature = "heapq")] "heapq"."heapify" => heapq_heapify,
    #[cfg(feature = "json")] "json"."dumps" => json_dumps,
    #[cfg(feature = "json")] "json"."dump" => json_dump,
    #[cfg(feature = "json")] "json"."loads" => json_loads,
    #[cfg(feature = "json")] "json"."load" => json_load,
    "gc"."collect" => gc_collect,
    "gc"."enable" => gc_enable,
    "gc"."disable" => gc_disable,
    "gc"."isenabled" => gc_isenabled,
    "gc"."mem_free" => gc_mem_free,
    "gc"."mem_alloc" => gc_mem_alloc,
    #[cfg(feature = "float")] "math"."sqrt" => m_sqrt,
    #[cfg(feature = "float")] "math"."floor" => m_floor,
    #[cfg(feature = "float")] "math"."ceil" => m_ceil,
    #[cfg(feature = "float")] "math"."trunc" => m_trunc,
    #[cfg(feature = "float")] "math"."fabs" => m_fabs,
    #[cfg(feature = "float")] "math"."fmod" => m_fmod,
    #[cfg(feature = "float")] "math"."copysign" => m_copysign,
    #[cfg(feature = "float")] "math"."pow" => m_pow,
    #[cfg(feature = "float")] "math"."exp" => m_exp,
    #[cfg(feature = "float")] "math"."log" => m_log,
    #[cfg(feature = "float")] "math"."log10" => m_log10,
    #[cfg(feature = "float")] "math"."log2" => m_log2,
    #[cfg(feature = "float")] "math"."factorial" => m_factorial,
    #[cfg(feature = "float")] "math"."sin" => m_sin,
    #[cfg(feature = "float")] "math"."cos" => m_cos,
    #[cfg(feature = "float")] "math"."tan" => m_tan,
    #[cfg(feature = "float")] "math"."atan" => m_atan,
    #[cfg(feature = "float")] "math"."atan2" => m_atan2,
    #[cfg(feature = "float")] "math"."asin" => m_asin,
    #[cfg(feature = "float")] "math"."acos" => m_acos,
    #[cfg(feature = "float")] "math"."degrees" => m_degrees,
    #[cfg(feature = "float")] "math"."radians" => m_radians,
    #[cfg(feature = "float")] "math"."isinf" => m_isinf,
    #[cfg(feature = "float")] "math"."isnan" => m_isnan,
    #[cfg(feature = "float")] "math"."isfinite" => m_isfinite,
    #[cfg(feature = "float")] "math"."modf" => m_modf,
    #[cfg(feature = "float")] "math"."frexp" => m_frexp,
    #[cfg(feature = "float")] "math"."ldexp" => m_ldexp,
    #[cfg(feature = "float")] "math"."expm1" => m_expm1,
    #[cfg(feature = "float")] "math"."sinh" => m_sinh,
    #[cfg(feature = "float")] "math"."cosh" => m_cosh,
    #[cfg(feature = "float")] "math"."tanh" => m_tanh,
    #[cfg(feature = "float")] "math"."asinh" => m_asinh,
    #[cfg(feature = "float")] "math"."acosh" => m_acosh,
    #[cfg(feature = "float")] "math"."atanh" => m_atanh,
    #[cfg(feature = "float")] "math"."erf" => m_erf,
    #[cfg(feature = "float")] "math"."erfc" => m_erfc,
    #[cfg(feature = "float")] "math"."gamma" => m_gamma,
    #[cfg(feature = "float")] "math"."lgamma" => m_lgamma,
    #[cfg(feature = "float")] "math"."isclose" => m_isclose,
}

/// The built-in modules' names.
pub(crate) const BUILTIN_MODULES: &[&str] = &[
    // Always importable; empty unless a module was run under that name (it is then found
    // in `sys.modules` first).
    "__main__",
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
            // A module of Python code, not a built-in one: its attributes can be set.
            "__main__" => vm.heap.set(m.bits(), 0, 0),
            #[cfg(feature = "array")]
            "array" => {
                let key = vm.new_str_bytes(b"array")?;
                vm.dict_store(g, key, type_obj(T_ARRAY))?;
            }
            #[cfg(feature = "float")]
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
            #[cfg(feature = "io")]
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
                let key = vm.new_str_bytes(b"byteorder")?;
                vm.push_root(key);
                let v = vm.new_str_bytes(b"little")?;
                vm.pop_root();
                vm.dict_store(g, key, v)?;
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

fn mp_opt_level(_vm: &mut Vm<'_>, _a: &Args) -> PyResult<Obj> {
    Ok(Obj::small_sat(0))
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
