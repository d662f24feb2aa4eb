//! Host runner: `mpy-run FILE.mpy [MODULE]` runs a `.mpy` with the `runtime-min` VM (as
//! `__main__`, or as module MODULE); `mpy-run IMAGE [MODULE]` runs a frozen image
//! (`mpy-freeze --image`) in place: without MODULE it boots `main` (else the image's first
//! module) as `__main__`, as a board runs its main.py; with MODULE it runs that module as
//! `import MODULE` would (`__name__` is MODULE).
//!
//! With a `.mpy`, the `.mpy` files of its directory are importable, packages and namespace
//! packages in its subdirectories too (`host_dir::DirSource`); with an image, the image's
//! other modules are. Output goes to stdout, tracebacks to stderr, `input()` and `sys.stdin`
//! read stdin; exit status 1 on an uncaught exception. The heap is 8 MiB
//! unless `--heap BYTES` says otherwise. `eval`, `exec` and `compile` compile with mpy-cross.

use runtime_min::host_dir::DirSource;
use runtime_min::{CodeSource, FrozenImage, Output, RunOutcome, Vm};
use std::io::Write;

struct Stdio;

impl Output for Stdio {
    fn write(&mut self, bytes: &[u8]) {
        let _ = std::io::stdout().write_all(bytes);
    }
    fn write_err(&mut self, bytes: &[u8]) {
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().write_all(bytes);
    }
    fn ticks_ms(&mut self) -> Option<u32> {
        Some(runtime_min::host_time::port_ticks_ms())
    }
    fn wait_event(&mut self, ms: Option<u32>) {
        runtime_min::host_time::port_wait_event(ms);
    }
    /// Standard input as it comes (a pipe, or a terminal that echoes by itself); what was
    /// printed before (a prompt) is flushed first.
    fn read_byte(&mut self) -> Option<u8> {
        use std::io::Read;
        let _ = std::io::stdout().flush();
        let mut b = [0u8];
        loop {
            match std::io::stdin().lock().read(&mut b) {
                Ok(1) => return Some(b[0]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                _ => return None,
            }
        }
    }
}

const USAGE: &str = "usage: mpy-run (FILE.mpy | IMAGE) [MODULE] [--heap BYTES]";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().skip(1).any(|a| a == "-h" || a == "--help") {
        let _ = writeln!(std::io::stdout(), "{USAGE}");
        return;
    }
    // The reference's WebAssembly port starts at 1 MiB and grows its heap on demand; a
    // fixed 8 MiB gives host programs the same room (`--heap` sets it, e.g. a device's).
    let mut heap_size = 8 * 1024 * 1024;
    let mut positional = Vec::new();
    let mut i = 1;
    while i < args.len() {
        if args[i] == "--heap" {
            heap_size = args
                .get(i + 1)
                .and_then(|s| s.parse().ok())
                .unwrap_or(heap_size);
            i += 2;
        } else {
            positional.push(args[i].clone());
            i += 1;
        }
    }
    let Some(first) = positional.first() else {
        eprintln!("{USAGE}");
        std::process::exit(2);
    };
    let path = std::path::PathBuf::from(first);
    let data: &'static [u8] = match std::fs::read(&path) {
        Ok(d) => Box::leak(d.into_boxed_slice()),
        Err(e) => {
            eprintln!("mpy-run: {}: {e}", path.display());
            std::process::exit(2);
        }
    };
    let image = data
        .starts_with(b"MPYI")
        .then_some(FrozenImage { image: data });
    // (module to load, whether it runs as `__main__`)
    let (module, as_main) = match (positional.get(1), &image) {
        (Some(name), _) => (name.clone(), false),
        (None, Some(img)) => (default_module(img), true),
        (None, None) => ("__main__".to_string(), false),
    };
    let dir = path
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    // Run on a big thread stack: Python recursion maps onto Rust recursion. MPY_RUN_STACK
    // (bytes) sets a device-like one, to check that deep nesting raises instead of overflowing.
    let stack = std::env::var("MPY_RUN_STACK")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256 << 20);
    let child = std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let source: &'static dyn CodeSource<'static> = match image {
                Some(img) => Box::leak(Box::new(img)),
                None => Box::leak(Box::new(DirSource { dir })),
            };
            let out: &'static mut Stdio = Box::leak(Box::new(Stdio));
            let heap: &'static mut [u8] = Box::leak(vec![0u8; heap_size].into_boxed_slice());
            let Ok(mut vm) = Vm::new(heap, source, out) else {
                eprintln!("mpy-run: heap too small");
                return 2;
            };
            vm.max_depth = 100;
            // A device-like native stack budget (the unix port's is 80 KB of its smaller C
            // frames), within the thread's stack less room for the deepest step past a check.
            vm.stack_limit = runtime_min::HOST_STACK_LIMIT.min(stack.saturating_sub(64 << 10));
            let compiler: &'static runtime_min::host_compiler::HostCompiler =
                Box::leak(Box::default());
            vm.set_compiler(compiler);
            if vm.register_module("time", runtime_min::host_time::TIME).is_err() {
                eprintln!("mpy-run: cannot register the time module");
                return 2;
            }
            vm.gc_stress = std::env::var_os("MPY_GC_STRESS").is_some();
            let r = if as_main {
                vm.run_main(data, &module)
            } else {
                vm.run_module(data, &module)
            };
            if std::env::var_os("MPY_RUN_DEBUG").is_some() {
                if let Some(at) = vm.corrupt_at {
                    eprintln!("mpy-run: corrupt bytecode detected at {at}");
                }
                let [a, b] = vm.stack_marks;
                let (used, cap, gcs) = vm.heap_stats();
                eprintln!("mpy-run: native stack per Python call {} bytes; heap {used}/{cap} bytes, {gcs} collections", a.abs_diff(b));
            }
            let _ = std::io::stdout().flush();
            match r {
                RunOutcome::Ok => 0,
                RunOutcome::Exception => 1,
                RunOutcome::SystemExit(status) => i32::from(status),
            }
        })
        .expect("spawn runner thread");
    let code = child.join().unwrap_or(3);
    std::process::exit(code);
}

/// `main` if the image has it, else its first module (as an import name).
fn default_module(image: &FrozenImage<'_>) -> String {
    let names: Vec<String> = image
        .module_names()
        .map(|n| {
            let n = String::from_utf8_lossy(n);
            let n = n
                .strip_suffix("/__init__.py")
                .or_else(|| n.strip_suffix(".py"))
                .unwrap_or(&n)
                .replace('/', ".");
            n
        })
        .collect();
    if names.iter().any(|n| n == "main") {
        "main".to_string()
    } else {
        names
            .into_iter()
            .next()
            .unwrap_or_else(|| "main".to_string())
    }
}
