//! `weakref` with collections: `tests/weakref/weakref_collect.py`, compiled with our
//! compiler, prints `weakref_collect.expected` (MicroPython's behaviour on a port whose
//! collector sees no stale stack words; the WebAssembly VM scans its C stack conservatively
//! and keeps some of these objects alive, so it is no oracle here). The callbacks' order
//! (finalizers newest first, then refs newest first) is MicroPython's; the same program runs
//! identically when the collector runs before every allocation.

mod common;

use common::{big_stack, image::compile_ours_mpy, run_vm_with, Modules};
use std::collections::HashMap;
use std::path::Path;

fn run(gc_stress: bool) -> (String, i32) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/weakref");
    let source = std::fs::read(dir.join("weakref_collect.py")).expect("program");
    let mpy = compile_ours_mpy("weakref_collect.py", &source).expect("compiles");
    let mods = Modules(HashMap::from([("weakref_collect".to_string(), mpy)]));
    big_stack(move || run_vm_with(&mods, "weakref_collect", 256 * 1024, 50_000_000, gc_stress))
        .unwrap_or_else(|_| ("PANIC".into(), 101))
}

#[test]
fn weak_references_follow_the_collector() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/weakref");
    let expected = std::fs::read_to_string(dir.join("weakref_collect.expected"))
        .expect("expected output")
        .replace("runtime-min/tests/weakref/", "");
    for gc_stress in [false, true] {
        let (got, code) = run(gc_stress);
        assert_eq!(code, 0, "{got}");
        assert_eq!(got, expected, "gc_stress={gc_stress}");
    }
    println!("weakref_collect: identical to the expected output, also under GC stress");
}
