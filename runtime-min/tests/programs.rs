//! Differential test: every `tests/programs/*.py` is compiled with the oracle mpy-cross, run
//! on runtime-min and on the MicroPython 1.29 WebAssembly VM, and the outputs compared.
//! Also runs the workspace behaviour corpus (`tests/programs/*.py` + `.expected` at the
//! workspace root) when present, asserting a floor.

mod common;

use common::{big_stack, compile, run_oracle, run_vm_with, Modules};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Identical results reached on the workspace corpus; raise as the VM improves.
const CORPUS_FLOOR: usize = 206;

fn py_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "py"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Compile all programs of `dir` into `out`; returns (stem -> mpy bytes, stem -> mpy path).
fn compile_dir(mpy_cross: &Path, dir: &Path, out: &Path) -> (Modules, Vec<(String, PathBuf)>) {
    let mut mods = HashMap::new();
    let mut list = Vec::new();
    for py in py_files(dir) {
        let stem = py
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if let Some(bytes) = compile(mpy_cross, &py, out) {
            mods.insert(stem.clone(), bytes);
            list.push((stem.clone(), out.join(format!("{stem}.mpy"))));
        }
    }
    (Modules(mods), list)
}

/// Run every module of `list` on the VM (two threads), returning stem -> (output, code).
fn run_all(
    mods: Modules,
    list: &[(String, PathBuf)],
    gc_stress: bool,
) -> HashMap<String, (String, i32)> {
    let mods = std::sync::Arc::new(mods);
    let names: Vec<String> = list.iter().map(|(s, _)| s.clone()).collect();
    let (a, b) = names.split_at(names.len() / 2);
    let spawn = |part: Vec<String>| {
        let mods = mods.clone();
        std::thread::spawn(move || {
            part.into_iter()
                .map(|name| {
                    let m = mods.clone();
                    let n = name.clone();
                    let r =
                        big_stack(move || run_vm_with(&m, &n, 256 * 1024, 50_000_000, gc_stress))
                            .unwrap_or_else(|_| ("PANIC".to_string(), 101));
                    (name, r)
                })
                .collect::<Vec<_>>()
        })
    };
    let h1 = spawn(a.to_vec());
    let h2 = spawn(b.to_vec());
    let mut res = HashMap::new();
    for h in [h1, h2] {
        for (k, v) in h.join().expect("worker") {
            res.insert(k, v);
        }
    }
    res
}

#[test]
fn programs_match_the_webassembly_oracle() {
    let Some(mpy_cross) = common::oracle_mpy_cross() else {
        return;
    };
    let Some(node_dir) = common::oracle_wasm_vm() else {
        return;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let tmp = std::env::temp_dir().join(format!("runtime-min-programs-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("tmp dir");
    let (mods, list) = compile_dir(&mpy_cross, &dir, &tmp);
    let files: Vec<PathBuf> = list.iter().map(|(_, p)| p.clone()).collect();
    let oracle = run_oracle(&node_dir, &files);
    let stress = std::env::var_os("MPY_GC_STRESS").is_some();
    let ours = run_all(mods, &list, stress);
    let mut same = 0;
    let mut diffs = Vec::new();
    for (stem, path) in &list {
        let Some(expected) = oracle.get(path) else {
            continue;
        };
        let got = ours.get(stem).cloned().unwrap_or_default();
        if got == *expected {
            same += 1;
        } else {
            diffs.push(stem.clone());
            if std::env::var_os("MPY_SHOW_DIFF").is_some() {
                eprintln!(
                    "--- {stem}: expected (code {})\n{}\n--- got (code {})\n{}",
                    expected.1, expected.0, got.1, got.0
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    println!("mpy-run: identical {same} / {}", list.len());
    if !diffs.is_empty() {
        println!("differ: {diffs:?}");
    }
    assert!(list.len() >= 20, "programs missing");
    assert_eq!(
        same,
        list.len(),
        "outputs differ from the oracle: {diffs:?}"
    );
}

#[test]
fn workspace_corpus_floor() {
    let Some(mpy_cross) = common::oracle_mpy_cross() else {
        return;
    };
    let dir = common::workspace_root().join("tests/programs");
    if !dir.is_dir() {
        println!("corpus: tests/programs not present yet");
        return;
    }
    let tmp = std::env::temp_dir().join(format!("runtime-min-corpus-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("tmp dir");
    let (mods, list) = compile_dir(&mpy_cross, &dir, &tmp);
    let stress = std::env::var_os("MPY_GC_STRESS").is_some();
    let ours = run_all(mods, &list, stress);
    let mut same = 0;
    let mut total = 0;
    let mut diffs = Vec::new();
    for (stem, _) in &list {
        let Ok(expected) = std::fs::read_to_string(dir.join(format!("{stem}.expected"))) else {
            continue;
        };
        total += 1;
        let got = ours.get(stem).map(|r| r.0.clone()).unwrap_or_default();
        let expected = expected.replace("  File \"<stdin>\", line 1, in <module>\n", "");
        if got == expected {
            same += 1;
        } else {
            diffs.push(stem.clone());
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    println!("corpus: identical {same} / {total}");
    if std::env::var_os("MPY_SHOW_DIFF").is_some() {
        println!("differ: {diffs:?}");
    }
    assert!(
        same >= CORPUS_FLOOR,
        "corpus regressed below {CORPUS_FLOOR}"
    );
}

#[test]
fn gc_stress_matches_normal_runs() {
    // Collecting before every allocation exposes any temporary the VM forgot to root:
    // a freed-too-early object changes the output.
    let Some(mpy_cross) = common::oracle_mpy_cross() else {
        return;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let tmp = std::env::temp_dir().join(format!("runtime-min-gcstress-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("tmp dir");
    let (mods, list) = compile_dir(&mpy_cross, &dir, &tmp);
    let _ = std::fs::remove_dir_all(&tmp);
    let mods2 = Modules(mods.0.clone());
    let normal = run_all(mods, &list, false);
    let stressed = run_all(mods2, &list, true);
    let mut same = 0;
    let mut diffs = Vec::new();
    for (stem, _) in &list {
        if normal.get(stem) == stressed.get(stem) {
            same += 1;
        } else {
            diffs.push(stem.clone());
        }
    }
    println!("gc-stress: identical {same} / {}", list.len());
    assert_eq!(same, list.len(), "GC stress changed results: {diffs:?}");
}
