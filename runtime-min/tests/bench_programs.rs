//! Keeps the speed benchmark honest: every `benches/programs/*.py` (see `benches/vm_speed.rs`)
//! is compiled with our compiler, run once on runtime-min and once on the MicroPython 1.29
//! WebAssembly VM, and the outputs must be identical (so the benchmark cannot silently rot).

use runtime_min::{CodeSource, Output, RunOutcome, Vm};
use std::path::Path;

struct Capture(Vec<u8>);

impl Output for Capture {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
}

struct NoModules;

impl<'a> CodeSource<'a> for NoModules {
    fn find(&self, _name: &[u8]) -> Option<&'a [u8]> {
        None
    }
}

/// Every benchmark program as (name, .mpy bytes from our compiler).
fn bench_programs() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/programs");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("benches/programs exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let name = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let source = std::fs::read(path).expect("read program");
            let options = mpy_cross::CompileOptions {
                source_name: format!("{name}.py"),
                ..mpy_cross::CompileOptions::default()
            };
            let mpy = mpy_tests::compile_with_ours(&source, &options)
                .unwrap_or_else(|e| panic!("{name}.py does not compile: {e}"));
            (name, mpy)
        })
        .collect()
}

/// Run one program on a fresh runtime-min VM (1 MiB heap, like the benchmark).
fn run_ours(name: &str, mpy: &[u8]) -> (String, bool) {
    let mut heap = vec![0u8; 1024 * 1024];
    let mut out = Capture(Vec::new());
    let source = NoModules;
    let outcome = {
        let Ok(mut vm) = Vm::new(&mut heap, &source, &mut out) else {
            return ("heap too small".into(), true);
        };
        vm.max_depth = 100;
        // A generous bound so that a VM bug that loops cannot hang the suite.
        vm.fuel = 2_000_000_000;
        vm.run_module(mpy, name)
    };
    (
        String::from_utf8_lossy(&out.0).into_owned(),
        outcome == RunOutcome::Exception,
    )
}

#[test]
fn bench_programs_match_the_webassembly_vm() {
    let programs = bench_programs();
    assert!(programs.len() >= 10, "benchmark programs missing");
    // runtime-min on two threads with big stacks (Python recursion is Rust recursion).
    let (a, b) = programs.split_at(programs.len() / 2);
    let spawn = |part: Vec<(String, Vec<u8>)>| {
        std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || {
                part.iter()
                    .map(|(name, mpy)| run_ours(name, mpy))
                    .collect::<Vec<_>>()
            })
            .expect("spawn")
    };
    let (ha, hb) = (spawn(a.to_vec()), spawn(b.to_vec()));
    let mut ours = ha.join().expect("runtime-min worker");
    ours.extend(hb.join().expect("runtime-min worker"));

    let mut failed = Vec::new();
    for ((name, _), (out, raised)) in programs.iter().zip(&ours) {
        // Each program ends by printing its name and a checksum.
        if *raised || !out.contains(name.as_str()) {
            failed.push(format!("{name}: runtime-min printed:\n{out}"));
        }
    }

    if mpy_tests::oracle_wasm_vm().is_some() {
        let reference = mpy_tests::run_on_wasm_vm(&programs);
        let mut same = 0;
        for (((name, _), (out, _)), r) in programs.iter().zip(&ours).zip(&reference) {
            let expected = r
                .output
                .replace("  File \"<stdin>\", line 1, in <module>\n", "");
            if r.status == mpy_tests::RunStatus::Ok && expected == *out {
                same += 1;
            } else {
                failed.push(format!(
                    "{name}: differs\n--- wasm ({:?})\n{expected}--- runtime-min\n{out}",
                    r.status
                ));
            }
        }
        println!("bench programs: identical {same} / {}", programs.len());
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
