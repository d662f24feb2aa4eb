//! The 165 static qstrs of .mpy v6 (after `static_qstr_list` in py/makeqstrdata.py).
//!
//! Qstr number `n` (1..=165) is `STATIC_QSTRS[n - 1]`; 0 is `MP_QSTRnull`. The order is frozen
//! for `.mpy` compatibility: a qstr entry `v` with `v & 1` set names static qstr `v >> 1`.

/// The static qstr strings, in qstr-number order starting at 1.
pub const STATIC_QSTRS: [&str; 165] = [
    "",
    "__dir__",
    "\n",
    " ",
    "*",
    "/",
    "<module>",
    "_",
    "__call__",
    "__class__",
    "__delitem__",
    "__enter__",
    "__exit__",
    "__getattr__",
    "__getitem__",
    "__hash__",
    "__init__",
    "__int__",
    "__iter__",
    "__len__",
    "__main__",
    "__module__",
    "__name__",
    "__new__",
    "__next__",
    "__qualname__",
    "__repr__",
    "__setitem__",
    "__str__",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "EOFError",
    "Ellipsis",
    "Exception",
    "GeneratorExit",
    "ImportError",
    "IndentationError",
    "IndexError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "NameError",
    "NoneType",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "RuntimeError",
    "StopIteration",
    "SyntaxError",
    "SystemExit",
    "TypeError",
    "ValueError",
    "ZeroDivisionError",
    "abs",
    "all",
    "any",
    "append",
    "args",
    "bool",
    "builtins",
    "bytearray",
    "bytecode",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "clear",
    "close",
    "const",
    "copy",
    "count",
    "dict",
    "dir",
    "divmod",
    "end",
    "endswith",
    "eval",
    "exec",
    "extend",
    "find",
    "format",
    "from_bytes",
    "get",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "id",
    "index",
    "insert",
    "int",
    "isalpha",
    "isdigit",
    "isinstance",
    "islower",
    "isspace",
    "issubclass",
    "isupper",
    "items",
    "iter",
    "join",
    "key",
    "keys",
    "len",
    "list",
    "little",
    "locals",
    "lower",
    "lstrip",
    "main",
    "map",
    "micropython",
    "next",
    "object",
    "open",
    "ord",
    "pop",
    "popitem",
    "pow",
    "print",
    "range",
    "read",
    "readinto",
    "readline",
    "remove",
    "replace",
    "repr",
    "reverse",
    "rfind",
    "rindex",
    "round",
    "rsplit",
    "rstrip",
    "self",
    "send",
    "sep",
    "set",
    "setattr",
    "setdefault",
    "sort",
    "sorted",
    "split",
    "start",
    "startswith",
    "staticmethod",
    "step",
    "stop",
    "str",
    "strip",
    "sum",
    "super",
    "throw",
    "to_bytes",
    "tuple",
    "type",
    "update",
    "upper",
    "utf-8",
    "value",
    "values",
    "write",
    "zip",
];

/// The highest static qstr number (`MP_QSTR_zip`).
pub const LAST_STATIC_QSTR: u32 = 165;

/// The static qstr with number `n` (1..=165).
#[must_use]
pub fn static_qstr(n: u32) -> Option<&'static str> {
    let index = usize::try_from(n.checked_sub(1)?).ok()?;
    STATIC_QSTRS.get(index).copied()
}

/// The static qstr number of `s`, if it is one of the 165.
#[must_use]
pub fn static_qstr_number(s: &str) -> Option<u32> {
    STATIC_QSTRS
        .iter()
        .position(|&q| q == s)
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_numbers() {
        assert_eq!(static_qstr(1), Some(""));
        assert_eq!(static_qstr(2), Some("__dir__"));
        assert_eq!(static_qstr(7), Some("<module>"));
        assert_eq!(static_qstr_number("const"), Some(72));
        assert_eq!(static_qstr_number("len"), Some(107));
        assert_eq!(static_qstr_number("print"), Some(123));
        assert_eq!(static_qstr_number("self"), Some(137));
        assert_eq!(static_qstr_number("zip"), Some(165));
        assert_eq!(static_qstr(0), None);
        assert_eq!(static_qstr(166), None);
    }
}
