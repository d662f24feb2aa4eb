//! Built-in types, functions and modules (after py/modbuiltins.c, py/objtype.c and the
//! `mp_type_*` tables). Types are immediates (`Imm::Type(id)`), functions `Imm::Builtin(n)`,
//! and methods `Imm::Method(n)` indexing [`METHODS`].

#[cfg(feature = "eval")]
mod evalexec;
pub(crate) mod funcs;
#[cfg(feature = "float")]
mod math;
pub(crate) mod methods;
#[cfg(feature = "binascii")]
mod modbinascii;
#[cfg(feature = "complex")]
mod modcmath;
mod modcollections;
#[cfg(feature = "hashlib")]
mod modhashlib;
#[cfg(feature = "heapq")]
mod modheapq;
#[cfg(feature = "io")]
mod modio;
#[cfg(feature = "json")]
mod modjson;
#[cfg(feature = "random")]
mod modrandom;
#[cfg(feature = "re")]
mod modre;
// The array module packs and unpacks its items as struct does. (Without `struct` only those
// two helpers are used; without `array` too, nothing, and the linker drops it all.)
#[cfg_attr(not(feature = "struct"), allow(dead_code))]
mod modstruct;
pub(crate) use modstruct::{bits_of as struct_bits_of, value_of as struct_value_of};
#[cfg(feature = "select")]
mod modselect;
#[cfg(feature = "tstrings")]
mod modtemplate;
mod modules;
#[cfg(feature = "weakref")]
mod modweakref;
#[cfg(feature = "input")]
mod stdin;

pub(crate) use methods::{utf8_encode, utf8_value, METHODS};
#[cfg(feature = "random")]
pub(crate) use modrandom::Yasmarang;

use crate::heap::Kind;
use crate::obj::{Imm, Obj};
use crate::vm::call::Args;
use crate::vm::{PyResult, Vm};

/// Whether a built-in type's name is bound in the builtins namespace.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Visibility {
    /// `int`, `ValueError`, ...: a builtin name.
    Builtin,
    /// Reachable only through `type(x)` or its module (`generator`, `deque`, `dict_view`...).
    Internal,
}

use Visibility::{Builtin, Internal};

/// memoryview is a builtin name only with the `array` feature (MICROPY_PY_BUILTINS_MEMORYVIEW).
/// `complex` is a builtin name only with the `complex` feature.
const BUILTIN_IF_COMPLEX: Visibility = if cfg!(feature = "complex") {
    Visibility::Builtin
} else {
    Visibility::Internal
};
const BUILTIN_IF_ARRAY: Visibility = if cfg!(feature = "array") {
    Builtin
} else {
    Internal
};

/// One row of [`TYPE_TABLE`] (ids are below 255, so a row takes 12 bytes of flash).
struct TypeRow {
    id: u8,
    /// The base type's id, or [`NO_BASE`].
    base: u8,
    visibility: Visibility,
    name: &'static str,
}

macro_rules! types {
    ($($id:ident = $n:literal, $name:literal, $base:expr, $visibility:expr;)*) => {
        $(#[allow(dead_code)] pub(crate) const $id: u32 = $n;)*
        // Type ids are stored as bytes (`TypeRow`, `Method`); 0xff is `NO_BASE`.
        $(const _: () = assert!($n < NO_BASE);)*
        const TYPE_TABLE: &[TypeRow] = &[$(TypeRow {
            id: $n,
            #[allow(clippy::cast_possible_truncation)]
            base: $base as u8,
            visibility: $visibility,
            name: $name,
        },)*];
    };
}

const NO_BASE: u32 = 0xff;

// id (the `Imm::Type` payload), name (`__name__`), base type, and whether the name is a builtin.
types! {
    T_OBJECT = 0, "object", NO_BASE, Builtin;
    T_TYPE = 1, "type", T_OBJECT, Builtin;
    T_NONETYPE = 2, "NoneType", T_OBJECT, Internal;
    T_BOOL = 3, "bool", T_OBJECT, Builtin;
    T_INT = 4, "int", T_OBJECT, Builtin;
    T_FLOAT = 5, "float", T_OBJECT, Builtin;
    T_STR = 6, "str", T_OBJECT, Builtin;
    T_BYTES = 7, "bytes", T_OBJECT, Builtin;
    T_BYTEARRAY = 8, "bytearray", T_OBJECT, Builtin;
    T_TUPLE = 9, "tuple", T_OBJECT, Builtin;
    T_LIST = 10, "list", T_OBJECT, Builtin;
    T_DICT = 11, "dict", T_OBJECT, Builtin;
    T_SET = 12, "set", T_OBJECT, Builtin;
    T_FROZENSET = 13, "frozenset", T_OBJECT, Builtin;
    T_RANGE = 14, "range", T_OBJECT, Builtin;
    T_SLICE = 15, "slice", T_OBJECT, Builtin;
    T_FUNCTION = 16, "function", T_OBJECT, Internal;
    T_BOUND_METHOD = 17, "bound_method", T_OBJECT, Internal;
    T_GENERATOR = 18, "generator", T_OBJECT, Internal;
    T_MODULE = 19, "module", T_OBJECT, Internal;
    T_PROPERTY = 20, "property", T_OBJECT, Builtin;
    T_CLASSMETHOD = 21, "classmethod", T_OBJECT, Builtin;
    T_STATICMETHOD = 22, "staticmethod", T_OBJECT, Builtin;
    T_CELL = 23, "cell", T_OBJECT, Internal;
    T_ITERATOR = 24, "iterator", T_OBJECT, Internal;
    T_BUILTIN_FN = 25, "function", T_OBJECT, Internal;
    T_SUPER = 26, "super", T_OBJECT, Builtin;
    T_ORDERED_DICT = 27, "OrderedDict", T_DICT, Internal;
    T_DEQUE = 28, "deque", T_OBJECT, Internal;
    T_TEXTIO = 29, "TextIOWrapper", T_OBJECT, Internal;
    T_STRINGIO = 57, "StringIO", T_OBJECT, Internal;
    T_BYTESIO = 58, "BytesIO", T_STRINGIO, Internal;
    T_BASE_EXCEPTION = 30, "BaseException", T_OBJECT, Builtin;
    T_SYSTEM_EXIT = 31, "SystemExit", T_BASE_EXCEPTION, Builtin;
    T_KEYBOARD_INTERRUPT = 32, "KeyboardInterrupt", T_BASE_EXCEPTION, Builtin;
    T_GENERATOR_EXIT = 33, "GeneratorExit", T_BASE_EXCEPTION, Builtin;
    T_EXCEPTION = 34, "Exception", T_BASE_EXCEPTION, Builtin;
    T_STOP_ITERATION = 35, "StopIteration", T_EXCEPTION, Builtin;
    T_ARITHMETIC_ERROR = 36, "ArithmeticError", T_EXCEPTION, Builtin;
    T_OVERFLOW_ERROR = 37, "OverflowError", T_ARITHMETIC_ERROR, Builtin;
    T_ZERO_DIVISION_ERROR = 38, "ZeroDivisionError", T_ARITHMETIC_ERROR, Builtin;
    T_ASSERTION_ERROR = 39, "AssertionError", T_EXCEPTION, Builtin;
    T_ATTRIBUTE_ERROR = 40, "AttributeError", T_EXCEPTION, Builtin;
    T_EOF_ERROR = 41, "EOFError", T_EXCEPTION, Builtin;
    T_IMPORT_ERROR = 42, "ImportError", T_EXCEPTION, Builtin;
    T_LOOKUP_ERROR = 43, "LookupError", T_EXCEPTION, Builtin;
    T_INDEX_ERROR = 44, "IndexError", T_LOOKUP_ERROR, Builtin;
    T_KEY_ERROR = 45, "KeyError", T_LOOKUP_ERROR, Builtin;
    T_MEMORY_ERROR = 46, "MemoryError", T_EXCEPTION, Builtin;
    T_NAME_ERROR = 47, "NameError", T_EXCEPTION, Builtin;
    T_OS_ERROR = 48, "OSError", T_EXCEPTION, Builtin;
    T_RUNTIME_ERROR = 49, "RuntimeError", T_EXCEPTION, Builtin;
    T_NOT_IMPLEMENTED_ERROR = 50, "NotImplementedError", T_RUNTIME_ERROR, Builtin;
    T_SYNTAX_ERROR = 51, "SyntaxError", T_EXCEPTION, Builtin;
    T_TYPE_ERROR = 52, "TypeError", T_EXCEPTION, Builtin;
    T_VALUE_ERROR = 53, "ValueError", T_EXCEPTION, Builtin;
    T_UNICODE_ERROR = 54, "UnicodeError", T_VALUE_ERROR, Builtin;
    T_INDENTATION_ERROR = 55, "IndentationError", T_SYNTAX_ERROR, Builtin;
    T_STOP_ASYNC_ITERATION = 56, "StopAsyncIteration", T_EXCEPTION, Builtin;
    // A function with closed-over variables (py/objclosure.c), and a generator function
    // (py/objgenerator.c's gen_wrap): both are functions with another type name.
    T_CLOSURE = 60, "closure", T_OBJECT, Internal;
    T_GEN_FUNCTION = 61, "generator", T_OBJECT, Internal;
    T_ARRAY = 62, "array", T_OBJECT, Internal;
    T_MEMORYVIEW = 63, "memoryview", T_OBJECT, BUILTIN_IF_ARRAY;
    T_RE = 64, "re", T_OBJECT, Internal;
    T_MATCH = 65, "match", T_OBJECT, Internal;
    // The built-in iterators are types (calling one makes an iterator; they can be
    // subclassed and used with isinstance), as are dict views (py/objdict.c). Their base
    // here is `iterator`, which gives them `__next__` as py/runtime.c does for any type
    // with an iternext slot.
    T_ENUMERATE = 66, "enumerate", T_ITERATOR, Builtin;
    T_FILTER = 67, "filter", T_ITERATOR, Builtin;
    T_MAP = 68, "map", T_ITERATOR, Builtin;
    T_ZIP = 69, "zip", T_ITERATOR, Builtin;
    T_REVERSED = 70, "reversed", T_ITERATOR, Builtin;
    T_DICT_VIEW = 71, "dict_view", T_OBJECT, Internal;
    // The type of `...` and NotImplemented (nameless in MicroPython: `<class ''>`).
    T_SINGLETON = 72, "", T_OBJECT, Internal;
    // `sys.stdout.buffer` etc.: the binary stream under a TextIOWrapper.
    T_FILEIO = 73, "FileIO", T_OBJECT, Internal;
    T_COMPLEX = 74, "complex", T_OBJECT, BUILTIN_IF_COMPLEX;
    // `hashlib.sha256` (reached through the module, a class over this type).
    T_SHA256 = 75, "sha256", T_OBJECT, Internal;
    // `io.IOBase`: the base of streams written in Python (their `write` / `readinto` methods
    // are the stream's, py/modio.c).
    T_IOBASE = 76, "IOBase", T_OBJECT, Internal;
    // t-strings (`string.templatelib`).
    T_TEMPLATE = 77, "Template", T_OBJECT, Internal;
    T_INTERPOLATION = 78, "Interpolation", T_OBJECT, Internal;
    // `select.poll()`'s objects (instances of this type wrapping their entry list).
    T_POLL = 79, "poll", T_OBJECT, Internal;
    // `compile()`'s code objects (instances of this type wrapping their module block).
    T_CODE = 80, "code", T_OBJECT, Internal;
    // `weakref.ref` and `weakref.finalize` (reached through the module).
    T_WEAKREF_REF = 81, "ref", T_OBJECT, Internal;
    T_WEAKREF_FINALIZE = 82, "finalize", T_OBJECT, Internal;
}

fn type_row(id: u32) -> Option<&'static TypeRow> {
    TYPE_TABLE.iter().find(|r| u32::from(r.id) == id)
}

/// The type object for built-in type `id`.
pub(crate) const fn type_obj(id: u32) -> Obj {
    Obj::imm(Imm::Type, id)
}

pub(crate) fn type_name(id: u32) -> &'static str {
    type_row(id).map_or("?", |r| r.name)
}

pub(crate) fn type_base(id: u32) -> Option<u32> {
    type_row(id).and_then(|r| (u32::from(r.base) != NO_BASE).then_some(u32::from(r.base)))
}

pub(crate) fn is_exception_type(id: u32) -> bool {
    let mut t = id;
    for _ in 0..8 {
        if t == T_BASE_EXCEPTION {
            return true;
        }
        match type_base(t) {
            Some(b) => t = b,
            None => return false,
        }
    }
    false
}

/// A built-in function.
pub(crate) struct BuiltinFn {
    pub name: &'static str,
    pub func: for<'x> fn(&mut Vm<'x>, &Args) -> PyResult<Obj>,
}

pub(crate) use funcs::BUILTINS;

/// Call `Imm::Builtin(n)`, a builtin or a built-in module's function; None if there is none.
pub(crate) fn call_builtin(vm: &mut Vm<'_>, n: u32, a: &Args) -> Option<PyResult<Obj>> {
    let n = n as usize;
    if let Some(b) = BUILTINS.get(n) {
        return Some((b.func)(vm, a));
    }
    let f = modules::MODULE_FNS.get(n.wrapping_sub(BUILTINS.len()))?;
    Some(f.call(vm, a))
}

fn builtin_index(name: &str) -> u32 {
    #[allow(clippy::cast_possible_truncation)]
    BUILTINS
        .iter()
        .position(|b| b.name == name)
        .map_or(0, |i| i as u32)
}

pub(crate) fn build_class_obj() -> Obj {
    Obj::imm(Imm::Builtin, builtin_index("__build_class__"))
}

pub(crate) fn object_init_obj() -> Obj {
    Obj::imm(Imm::Builtin, builtin_index("__object_init__"))
}

/// A name in the builtins namespace.
pub(crate) fn lookup_builtin(name: &[u8]) -> Option<Obj> {
    if let Some(r) = TYPE_TABLE
        .iter()
        .find(|r| r.visibility == Builtin && r.name.as_bytes() == name)
    {
        return Some(type_obj(u32::from(r.id)));
    }
    if name == b"NotImplemented" {
        return Some(Obj::NOT_IMPLEMENTED);
    }
    if name == b"Ellipsis" {
        return Some(Obj::ELLIPSIS);
    }
    #[allow(clippy::cast_possible_truncation)]
    BUILTINS
        .iter()
        .position(|b| b.name.as_bytes() == name && !b.name.starts_with("__object"))
        .map(|i| Obj::imm(Imm::Builtin, i as u32))
}

/// The index in [`METHODS`] of type `ty`'s own method `name` (not its bases').
fn own_method(ty: u32, name: &[u8]) -> Option<u32> {
    #[allow(clippy::cast_possible_truncation)]
    METHODS
        .iter()
        .position(|m| m.ty() == ty && m.name.as_bytes() == name)
        .map(|i| i as u32)
}

/// The method `name` of built-in type `ty` (or its bases).
pub(crate) fn find_method(ty: u32, name: &[u8]) -> Option<u32> {
    // bytes shares str's method table (py/objstr.c), except `encode`.
    if ty == T_BYTES && name != b"encode" {
        return own_method(T_BYTES, name).or_else(|| find_method(T_STR, name));
    }
    if ty == T_BYTEARRAY {
        return own_method(T_BYTEARRAY, name).or_else(|| find_method(T_BYTES, name));
    }
    let mut t = ty;
    for _ in 0..8 {
        if let Some(i) = own_method(t, name) {
            return Some(i);
        }
        t = type_base(t)?;
    }
    None
}

/// Can method of type `ty` be applied to `s`?
pub(crate) fn method_accepts(vm: &Vm<'_>, ty: u32, s: Obj) -> bool {
    if ty == T_OBJECT {
        return true;
    }
    if (ty == T_STR || ty == T_BYTES) && vm.bytes_data(s).is_some() {
        return true;
    }
    let t = vm.type_of(s);
    if vm.is_subclass(t, type_obj(ty)) {
        return true;
    }
    vm.native_base(t) == ty || (ty == T_TYPE && vm.is_type_obj(s))
}

pub(crate) fn property_method_index(which: u32) -> u32 {
    let name = match which {
        1 => "setter",
        2 => "deleter",
        _ => "getter",
    };
    find_method(T_PROPERTY, name.as_bytes()).unwrap_or(0)
}

/// Call a built-in type (construct an instance).
pub(crate) fn call_type(vm: &mut Vm<'_>, id: u32, a: &Args) -> PyResult<Obj> {
    funcs::construct(vm, id, a)
}

/// Is `name` a built-in module (which a native module may not replace)?
pub(crate) fn is_builtin_module(name: &[u8]) -> bool {
    modules::BUILTIN_MODULES
        .iter()
        .any(|m| m.as_bytes() == name)
}

/// MicroPython's extensible built-in modules (`MP_REGISTER_EXTENSIBLE_MODULE`), those a
/// module of the same name in the image replaces (native modules of these names too).
const EXTENSIBLE_MODULES: &[&str] = &[
    "array",
    "binascii",
    "collections",
    "errno",
    "hashlib",
    "heapq",
    "io",
    "json",
    "machine",
    "os",
    "platform",
    "random",
    "re",
    "select",
    "socket",
    "string",
    "struct",
    "time",
];

/// Is `name` an extensible built-in module, which a module in the image may replace?
pub(crate) fn is_extensible_module(name: &[u8]) -> bool {
    EXTENSIBLE_MODULES.iter().any(|m| m.as_bytes() == name)
}

/// The built-in module that `import name` may reach before the image is searched: `name`
/// itself, or for `ufoo` where `foo` is extensible, `foo` (the u-prefix forces the built-in),
/// and `sys` for `usys`.
pub(crate) fn forced_builtin_name(name: &[u8]) -> &[u8] {
    match name.split_first() {
        Some((b'u', rest)) if rest == b"sys" || is_extensible_module(rest) => rest,
        _ => name,
    }
}

/// A new read-only module object without code named `name` (a firmware module), entered in
/// `sys.modules`: (module, its globals dict).
pub(crate) fn new_module(vm: &mut Vm<'_>, name: &[u8]) -> PyResult<(Obj, Obj)> {
    modules::new_module(vm, name, crate::loader::M_BUILTIN_READ_ONLY)
}

/// Built-in modules available to `import`.
pub(crate) fn builtin_module(vm: &mut Vm<'_>, name: &[u8]) -> PyResult<Option<Obj>> {
    modules::builtin_module(vm, name)
}

#[cfg(test)]
mod tests {
    /// `type(x).__name__` and exception reprs read a type's name as a qstr.
    #[test]
    fn every_builtin_type_name_is_a_qstr() {
        let missing: std::vec::Vec<&str> = super::TYPE_TABLE
            .iter()
            .map(|r| r.name)
            .filter(|name| crate::qstr_pool::qstr_id(name.as_bytes()).is_none())
            .collect();
        assert!(missing.is_empty(), "type names without a qstr: {missing:?}");
    }
}
