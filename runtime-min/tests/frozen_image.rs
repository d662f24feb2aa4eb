//! Frozen images on runtime-min: every behaviour program (`tests/programs/*.py`) compiled by
//! our `mpy_cross::compile`, frozen into one image (`mpy_format::image::write_image`) and run
//! in place with output compared to its `.expected` file; and a heap check that importing a
//! frozen module costs RAM for its runtime objects only, not for its code.

mod common;

use common::image::{
    compile_ours as compile, compile_ours_mpy as compile_mpy, expected_when_frozen, freeze,
};
use mpy_format::model::MpyFile;
use runtime_min::{CodeSource, FrozenImage, MpyList, Output, RunOutcome, Vm};

/// Captures stdout and stderr into one buffer.
struct Capture(Vec<u8>);

impl Output for Capture {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
}

/// Heap bytes in use before and after running module `name` from `data` (a frozen image or
/// its `.mpy` file) on a fresh VM.
fn heap_growth<'a>(source: &'a dyn CodeSource<'a>, data: &'a [u8], name: &str) -> usize {
    // Leaked (a few hundred KB per test run): the VM borrows them for `'a`.
    let heap: &'a mut [u8] = Box::leak(vec![0u8; 256 * 1024].into_boxed_slice());
    let out: &'a mut Capture = Box::leak(Box::new(Capture(Vec::new())));
    let mut vm = Vm::new(heap, source, out).expect("heap");
    let (before, _, _) = vm.heap_stats();
    assert_eq!(vm.run_module(data, name), RunOutcome::Ok);
    let (after, _, collections) = vm.heap_stats();
    assert_eq!(collections, 0, "a collection would hide the growth");
    (after - before) as usize
}

/// Run module `main` of `image` on a fresh VM; returns (output, 1 if an exception escaped).
fn run_image(image: &[u8], main: &str) -> (String, i32) {
    let mut heap = vec![0u8; 256 * 1024];
    let mut out = Capture(Vec::new());
    let source = FrozenImage { image };
    let code = {
        let Ok(mut vm) = Vm::new(&mut heap, &source, &mut out) else {
            return ("heap too small".into(), 2);
        };
        vm.fuel = 50_000_000;
        vm.max_depth = 100;
        i32::from(vm.run_module(image, main) == RunOutcome::Exception)
    };
    (String::from_utf8_lossy(&out.0).into_owned(), code)
}

/// Run `f` on a thread with a large stack (Python recursion maps onto Rust recursion).
fn big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .ok()?
        .join()
        .ok()
}

#[test]
fn behaviour_programs_frozen_run_identically() {
    let dir = mpy_tests::workspace_root().join("tests/programs");
    let mut programs: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/programs")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .filter(|p| p.with_extension("expected").exists())
        .collect();
    programs.sort();
    let mut modules = Vec::new();
    for py in &programs {
        let file = py
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let Ok(source) = std::fs::read(py) else {
            continue;
        };
        if let Some(mpy) = compile(&file, &source) {
            modules.push((file, mpy));
        }
    }
    let (image, layout) = freeze(&modules);
    let image: &'static [u8] = Box::leak(image.into_boxed_slice());
    println!(
        "image: {} modules, {} bytes ({} bytes of bytecode)",
        modules.len(),
        image.len(),
        layout.modules.iter().map(|m| m.bytecode).sum::<usize>()
    );
    let stems: Vec<String> = modules
        .iter()
        .map(|(f, _)| f.trim_end_matches(".py").to_string())
        .collect();
    let (a, b) = stems.split_at(stems.len() / 2);
    let spawn = |part: Vec<String>| {
        std::thread::spawn(move || {
            part.into_iter()
                .map(|stem| {
                    let s = stem.clone();
                    let r = big_stack(move || run_image(image, &s))
                        .unwrap_or_else(|| ("PANIC".to_string(), 101));
                    (stem, r)
                })
                .collect::<Vec<_>>()
        })
    };
    let (h1, h2) = (spawn(a.to_vec()), spawn(b.to_vec()));
    let mut results = h1.join().expect("worker");
    results.extend(h2.join().expect("worker"));
    let mut same = 0;
    let mut diffs = Vec::new();
    for (stem, (got, _)) in &results {
        let expected = expected_when_frozen(
            &std::fs::read_to_string(dir.join(format!("{stem}.expected"))).unwrap_or_default(),
        );
        if *got == expected {
            same += 1;
        } else {
            diffs.push(stem.clone());
            if std::env::var_os("MPY_SHOW_DIFF").is_some() {
                eprintln!("--- {stem}: expected\n{expected}\n--- got\n{got}");
            }
        }
    }
    println!("mpy-run (image): identical {same} / {}", programs.len());
    if !diffs.is_empty() {
        println!("differ: {diffs:?}");
    }
    let floor = mpy_tests::ratchet("runtime.image_identical");
    assert!(
        same as u64 >= floor,
        "frozen-image runs regressed: {same} < floor {floor}"
    );
}

/// Python source of a module with `n` functions of `lines` statements each.
fn big_module(n: usize, lines: usize) -> String {
    let mut s = String::from("TOTAL = 0\n");
    for f in 0..n {
        s.push_str(&format!("def f{f}(a, b):\n    x = a\n"));
        for l in 0..lines {
            s.push_str(&format!(
                "    x = (x * {l} + b - {f}) % 1000003\n    if x > {l}: x -= a\n"
            ));
        }
        s.push_str("    return x\n");
    }
    s.push_str("TOTAL = f0(1, 2) + f1(3, 4)\n");
    s
}

#[test]
fn importing_a_frozen_module_costs_no_ram_for_its_code() {
    let big_source = big_module(60, 40);
    let big_mpy = compile_mpy("big.py", big_source.as_bytes()).expect("big module compiles");
    let big = MpyFile::read(&big_mpy).expect("big module reads back");
    let main = compile("main.py", b"import big\nprint(big.TOTAL > 0)\n").expect("main compiles");
    let (image, layout) = freeze(&[("main.py".into(), main), ("big.py".into(), big)]);
    let code_bytes = layout.modules[1].bytecode;
    let growth = heap_growth(&FrozenImage { image: &image }, &image, "big");
    let list = [("big", big_mpy.as_slice())];
    let mpy_growth = heap_growth(&MpyList { modules: &list }, &big_mpy, "big");
    println!(
        "frozen import: {code_bytes} bytes of bytecode in the image, heap grew by {growth} bytes \
         (module, globals dict, 60 functions); the same module from its .mpy: {mpy_growth} bytes"
    );
    assert!(code_bytes > 20_000, "test module too small: {code_bytes}");
    assert!(
        growth * 4 < code_bytes,
        "heap growth {growth} is not far below the code size {code_bytes}"
    );
    assert!(
        growth <= mpy_growth,
        "the image path should need no more RAM than .mpy"
    );
    // The full program runs too.
    let (text, code) = run_image(&image, "main");
    assert_eq!((text.as_str(), code), ("True\n", 0));
}

#[test]
fn corrupted_images_raise_errors_and_never_panic() {
    // Every byte of a small image flipped in turn, plus random multi-byte damage: the VM must
    // raise Python errors (or run), never panic or hang.
    let main = compile(
        "main.py",
        b"import helper\nprint(helper.f(3), helper.X)\nfor i in range(3):\n    print(i * 2.5)\n",
    )
    .expect("main compiles");
    let helper = compile(
        "helper.py",
        b"X = (1, b'ab', 'cd', 10**30, -2.5)\ndef f(a, *, k=2):\n    return [a * k, {a: k}]\n",
    )
    .expect("helper compiles");
    let (image, _) = freeze(&[("main.py".into(), main), ("helper.py".into(), helper)]);
    let run = |data: Vec<u8>| -> bool {
        std::panic::catch_unwind(move || {
            let mut heap = vec![0u8; 64 * 1024];
            let mut out = Capture(Vec::new());
            let source = FrozenImage { image: &data };
            if let Ok(mut vm) = Vm::new(&mut heap, &source, &mut out) {
                vm.fuel = 200_000;
                vm.max_depth = 40;
                let _ = vm.run_module(&data, "main");
            }
        })
        .is_ok()
    };
    let mut cases = Vec::new();
    for i in 0..image.len() {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut d = image.clone();
            d[i] ^= flip;
            cases.push(d);
        }
    }
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..2000 {
        let mut d = image.clone();
        for _ in 0..4 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let at = usize::try_from(seed % image.len() as u64).unwrap_or(0);
            d[at] = (seed >> 32) as u8;
        }
        cases.push(d);
    }
    let total = cases.len();
    let panics = big_stack(move || cases.into_iter().filter(|d| !run(d.clone())).count())
        .expect("fuzz thread");
    println!("corrupted images: {total} runs, {panics} panics");
    assert_eq!(panics, 0);
}

#[test]
fn packages_and_submodules_import_from_an_image() {
    let sources: [(&str, &[u8]); 3] = [
        (
            "main.py",
            b"import pkg\nprint(pkg.V, pkg.__name__)\nfrom pkg import sub\nprint(sub.W)\n\
              import pkg.sub\nprint(pkg.sub.W, sub.__name__)\nfrom pkg.sub import W\nprint(W)\n",
        ),
        ("pkg/__init__.py", b"V = 7\n"),
        ("pkg/sub.py", b"W = 8\n"),
    ];
    let modules: Vec<(String, MpyFile)> = sources
        .iter()
        .map(|(name, src)| ((*name).to_string(), compile(name, src).expect("compiles")))
        .collect();
    let (image, _) = freeze(&modules);
    let (text, code) = run_image(&image, "main");
    assert_eq!((text.as_str(), code), ("7 pkg\n8\n8 pkg.sub\n8\n", 0));
}
