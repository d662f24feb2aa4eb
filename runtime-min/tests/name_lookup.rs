//! The name lookup caches (object/dict.rs `NameCache`) never answer stale: a property or
//! `__setattr__` added to a class (or a base) after stores found the name absent, globals
//! shadowing a cached built-in, names shared between modules (different qstr pools), a
//! dict whose slots moved (deletion, growth), all with and without a collection before
//! every allocation. Expected outputs are MicroPython's (and CPython's) for these programs.

use runtime_min::{MpyList, Output, RunOutcome, Vm};

struct Capture(Vec<u8>);

impl Output for Capture {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
}

fn compile(name: &str, source: &str) -> Vec<u8> {
    let options = mpy_cross::CompileOptions {
        source_name: format!("{name}.py"),
        ..mpy_cross::CompileOptions::default()
    };
    mpy_cross::compile(source.as_bytes(), &options).expect("compiles")
}

/// Run `main` (with `extra` modules importable); returns its output, traceback included.
fn run(main: &str, extra: &[(&str, &str)], gc_stress: bool) -> String {
    let compiled: Vec<(String, Vec<u8>)> = std::iter::once(("main", main))
        .chain(extra.iter().copied())
        .map(|(n, s)| (n.to_string(), compile(n, s)))
        .collect();
    let list: Vec<(&str, &[u8])> = compiled
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let source = MpyList { modules: &list };
    let mut heap = vec![0u8; 64 * 1024];
    let mut out = Capture(Vec::new());
    let outcome = {
        let mut vm = Vm::new(&mut heap, &source, &mut out).expect("heap");
        vm.gc_stress = gc_stress;
        vm.run_module(list[0].1, "main")
    };
    let text = String::from_utf8(out.0).expect("utf-8");
    assert_eq!(outcome, RunOutcome::Ok, "{text}");
    text
}

fn check(main: &str, extra: &[(&str, &str)], expected: &str) {
    for gc_stress in [false, true] {
        assert_eq!(
            run(main, extra, gc_stress),
            expected,
            "gc_stress {gc_stress}"
        );
    }
}

#[test]
fn accessors_added_after_a_name_was_found_absent_take_effect() {
    let main = r#"
class A:
    pass
class B:
    pass
class C(B):
    pass
a = A()
c = C()
for i in range(3):
    a.x = i
    a.y = i
    try:
        c.w
    except AttributeError:
        pass
def setx(self, v):
    print("setter", v)
A.x = property(lambda self: 0, setx)
a.x = 5
def sa(self, name, v):
    print("setattr", name, v)
setattr(A, "__setattr__", sa)
a.y = 7
B.w = "base"
print(c.w, a.__dict__ == {"x": 2, "y": 2})
"#;
    check(main, &[], "setter 5\nsetattr y 7\nbase True\n");
}

#[test]
fn globals_shadow_cached_builtins_and_deleted_names_are_gone() {
    let main = r#"
def f():
    return len([1, 2])
print(f())
len = lambda x: 99
print(f())
del len
print(f())
class C:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3
c = C()
for i in range(3):
    c.b += 1
del c.a
try:
    c.a
except AttributeError:
    print("no a")
for n in "defghijk":
    setattr(c, n, n)
print(c.b, c.c, c.k)
def g():
    try:
        return later
    except NameError:
        return "missing"
for i in range(3):
    g()
    try:
        c.m
    except AttributeError:
        pass
later = 5
c.m = 6
print(g(), c.m)
"#;
    check(main, &[], "2\n99\n2\nno a\n5 3 k\n5 6\n");
}

#[test]
fn names_from_another_module_match_by_text() {
    let lib = r#"
class Shape:
    sides = 0
    def __init__(self, n):
        self.sides = n
    def describe(self):
        return "shape %d" % self.sides
count = 10
"#;
    let main = r#"
import lib
s = lib.Shape(4)
print(s.describe(), s.sides, lib.Shape.sides, lib.count)
class Tri(lib.Shape):
    def describe(self):
        return "tri " + lib.Shape.describe(self)
t = Tri(3)
for i in range(3):
    t.sides = i
print(t.describe(), getattr(t, "sides"), hasattr(t, "describe"))
"#;
    check(
        main,
        &[("lib", lib)],
        "shape 4 4 0 10\ntri shape 2 2 True\n",
    );
}
