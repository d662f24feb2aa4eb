//! Shared helpers for runtime-min's integration tests: compile with the oracle mpy-cross,
//! run in-process on the VM with captured output, run the WebAssembly oracle VM.

#![allow(dead_code)]

pub mod image;

use runtime_min::{CodeSource, NativeFn, NativeFnPtr, Obj, Output, RunOutcome, Vm};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn oracle_dir() -> PathBuf {
    std::env::var_os("MPY_ORACLE_DIR")
        .map_or_else(|| workspace_root().join("target/oracle"), PathBuf::from)
}

/// An oracle path if present; None locally when missing, a panic under `CI=true`
/// (same policy as `mpy_tests::oracle_*`, without depending on the compiler crate).
fn require(what: &str, path: PathBuf) -> Option<PathBuf> {
    if path.exists() {
        return Some(path);
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(
        !ci,
        "oracle {what} is missing at {} (CI=true: run tests/oracle/provision.sh)",
        path.display()
    );
    eprintln!("skipping: oracle {what} missing at {}", path.display());
    None
}

/// The reference mpy-cross binary.
pub fn oracle_mpy_cross() -> Option<PathBuf> {
    require("mpy-cross", oracle_dir().join("mpy-cross"))
}

/// The directory holding the WebAssembly MicroPython package.
pub fn oracle_wasm_vm() -> Option<PathBuf> {
    let dir = oracle_dir().join("node");
    require(
        "micropython-webassembly-pyscript",
        dir.join("node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs"),
    )
    .map(|_| dir)
}

/// Captures stdout and stderr into one buffer (as the oracle harness does).
pub struct Capture(pub Vec<u8>);

impl Output for Capture {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
}

/// Modules by name.
pub struct Modules(pub HashMap<String, Vec<u8>>);

impl<'a> CodeSource<'a> for &'a Modules {
    fn find(&self, name: &[u8]) -> Option<&'a [u8]> {
        let name = std::str::from_utf8(name).ok()?;
        self.0.get(name).map(Vec::as_slice)
    }
}

/// Run `main` (a module in `mods`) on a fresh VM with a `heap`-byte heap, its `time.sleep*`
/// returning at once (the fuzz tests' corrupted images may sleep for any time, which fuel
/// does not bound). Returns (output, exit code) where exit code 1 means an uncaught exception.
pub fn run_vm(mods: &Modules, main: &str, heap: usize, fuel: u64) -> (String, i32) {
    static TIME_NO_SLEEP: OnceLock<Vec<NativeFn>> = OnceLock::new();
    let time = TIME_NO_SLEEP.get_or_init(|| {
        let no_sleep: NativeFnPtr = |vm, args| vm.float_arg(args[0]).map(|_| Obj::none());
        runtime_min::host_time::TIME
            .iter()
            .map(|f| NativeFn {
                func: if f.name.starts_with("sleep") {
                    no_sleep
                } else {
                    f.func
                },
                ..*f
            })
            .collect()
    });
    run_vm_impl(mods, main, heap, fuel, false, time)
}

/// [`run_vm`] with the real `time` module, optionally collecting garbage before every
/// allocation.
pub fn run_vm_with(
    mods: &Modules,
    main: &str,
    heap: usize,
    fuel: u64,
    gc_stress: bool,
) -> (String, i32) {
    run_vm_impl(
        mods,
        main,
        heap,
        fuel,
        gc_stress,
        runtime_min::host_time::TIME,
    )
}

fn run_vm_impl(
    mods: &Modules,
    main: &str,
    heap: usize,
    fuel: u64,
    gc_stress: bool,
    time: &'static [NativeFn],
) -> (String, i32) {
    let mut heap_mem = vec![0u8; heap];
    let mut out = Capture(Vec::new());
    let src = mods;
    let compiler = runtime_min::host_compiler::HostCompiler::new();
    let code = {
        let Ok(mut vm) = Vm::new(&mut heap_mem, &src, &mut out) else {
            return ("heap too small".into(), 2);
        };
        vm.fuel = fuel;
        vm.gc_stress = gc_stress;
        if vm.register_module("time", time).is_err() {
            return ("cannot register time".into(), 2);
        }
        vm.max_depth = 100;
        // As mpy-run (big_stack's thread has 512 MiB).
        vm.stack_limit = runtime_min::HOST_STACK_LIMIT;
        vm.set_compiler(&compiler);
        let Some(data) = mods.0.get(main) else {
            return ("missing main".into(), 2);
        };
        i32::from(vm.run_module(data, main) == RunOutcome::Exception)
    };
    (String::from_utf8_lossy(&out.0).into_owned(), code)
}

/// Compile `py` with the oracle mpy-cross (run in the file's directory so the embedded
/// source name is just the file name). Returns the .mpy bytes.
pub fn compile(mpy_cross: &Path, py: &Path, out_dir: &Path) -> Option<Vec<u8>> {
    let name = py.file_name()?;
    let out = out_dir.join(py.with_extension("mpy").file_name()?);
    let status = Command::new(mpy_cross)
        .current_dir(py.parent()?)
        .arg(name)
        .arg("-o")
        .arg(&out)
        .output()
        .ok()?;
    if !status.status.success() {
        return None;
    }
    std::fs::read(out).ok()
}

/// Run `.mpy` files on the WebAssembly oracle; returns file -> (output, code).
pub fn run_oracle(node_dir: &Path, files: &[PathBuf]) -> HashMap<PathBuf, (String, i32)> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle_run.mjs");
    let mut results = HashMap::new();
    for chunk in files.chunks(40) {
        let out = Command::new("node")
            .arg(&script)
            .arg(node_dir)
            .args(chunk)
            .output()
            .expect("node runs");
        let v: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
        for f in chunk {
            if let Some(r) = v.get(f.to_string_lossy().as_ref()) {
                let text = r["out"]
                    .as_str()
                    .unwrap_or("")
                    .replace("  File \"<stdin>\", line 1, in <module>\n", "");
                let code = i32::try_from(r["code"].as_i64().unwrap_or(0)).unwrap_or(0);
                results.insert(f.clone(), (text, code));
            }
        }
    }
    results
}

/// Run `f` on a thread with a large stack (Python recursion maps onto Rust recursion).
pub fn big_stack<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> std::thread::Result<T> {
    std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
}
