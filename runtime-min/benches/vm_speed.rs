//! VM speed benchmark (issue #7): runs every `benches/programs/*.py` on runtime-min and on the
//! reference MicroPython 1.29 VM(s), checks that the outputs are identical and prints a table
//! of best-of-N times with ratios (reference / runtime-min: above 1 means runtime-min is faster)
//! and their geometric mean. Not a timed assertion: it measures, it does not judge.
//!
//! `cargo bench -p runtime-min --bench vm_speed [NAME...]` (NAME filters programs by substring).
//!
//! - runtime-min: in-process, a fresh `Vm` per run on a pre-zeroed heap; only `run_module`
//!   is timed (it loads the `.mpy` and runs its top level). The `frozen` column runs the same
//!   code from a frozen image (`mpy-freeze --image`), in place, as firmware does; the ratios
//!   are against the `.mpy` column.
//! - WebAssembly (always, when provisioned): `benches/wasm_time.mjs` under Node, a fresh VM per
//!   run; only `runPython("import NAME")` is timed, inside the JS process (start-up excluded).
//! - native MicroPython (when `MPY_REFERENCE_MICROPYTHON=/path/to/micropython` is set): timed
//!   inside the process around `import NAME` with `time.ticks_us` (start-up excluded).
//!
//! Each program is measured on all VMs before the next one starts, so that a change of machine
//! load affects all columns alike. Two clocks are recorded for every run: wall time and the CPU
//! time of the thread running the VM (Linux `/proc/thread-self/schedstat`, which the scheduler
//! updates at least every tick, so it is exact to a few ms). `VM_BENCH_CLOCK=wall` reports
//! the best wall time of N runs; `VM_BENCH_CLOCK=cpu` reports the median CPU time, which stays
//! meaningful on a busy machine; the default (`auto`) is `wall` unless the load average is
//! above the number of cores (then `cpu`, when Linux provides it). The header says which.
//!
//! Environment: `VM_BENCH_RUNS` (N, default 5); `VM_BENCH_HEAP_KIB` (heap of runtime-min and
//! the wasm VM, default 1024; the native VM gets twice as much as its words are 64-bit);
//! `VM_BENCH_COMPILER=oracle` compiles with the reference mpy-cross instead of ours.

use mpy_format::image::{write_image, ImageModule};
use mpy_format::model::MpyFile;
use runtime_min::{CodeSource, FrozenImage, Output, RunOutcome, Vm};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Collects everything the program prints (stdout and tracebacks, like the wasm harness).
struct Capture(Vec<u8>);

impl Output for Capture {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
}

/// The benchmark programs import nothing but built-in modules: no source, or the frozen
/// image that holds the program itself.
struct BenchSource<'a>(Option<FrozenImage<'a>>);

impl<'a> CodeSource<'a> for BenchSource<'a> {
    fn find(&self, name: &[u8]) -> Option<&'a [u8]> {
        self.0.as_ref()?.find(name)
    }
}

/// Which measurement the table reports.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Clock {
    /// Best wall time of the runs.
    Wall,
    /// Median CPU time of the VM's thread.
    Cpu,
}

/// One program's runs on one VM: its output (first run) and per-run times in ms.
#[derive(Clone, Debug, Default)]
struct Timing {
    output: String,
    failed: bool,
    wall_ms: Vec<f64>,
    cpu_ms: Vec<f64>,
}

impl Timing {
    fn failure(message: String) -> Self {
        Timing {
            output: message,
            failed: true,
            ..Timing::default()
        }
    }

    /// The reported time (NaN when there is none).
    fn value(&self, clock: Clock) -> f64 {
        match clock {
            Clock::Wall => self
                .wall_ms
                .iter()
                .copied()
                .filter(|t| t.is_finite())
                .fold(f64::NAN, f64::min),
            Clock::Cpu => {
                let mut v: Vec<f64> = self
                    .cpu_ms
                    .iter()
                    .copied()
                    .filter(|t| t.is_finite())
                    .collect();
                v.sort_by(f64::total_cmp);
                match v.len() {
                    0 => f64::NAN,
                    n if n % 2 == 1 => v[n / 2],
                    n => f64::midpoint(v[n / 2 - 1], v[n / 2]),
                }
            }
        }
    }
}

struct Program {
    name: String,
    mpy: Vec<u8>,
}

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// CPU time of the calling thread in ms, from Linux's scheduler statistics (NaN elsewhere).
fn thread_cpu_ms() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(f64::NAN, |ns| ns / 1e6)
}

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/programs")
}

/// Compile every program (matching one of `filters`, if any) with our compiler or the oracle.
fn compile_all(filters: &[String], use_oracle: bool) -> Result<Vec<Program>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(programs_dir())
        .map_err(|e| format!("cannot list benches/programs: {e}"))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    let mut same_as_oracle = 0;
    let oracle_present = mpy_tests::oracle_mpy_cross().is_some();
    for path in paths {
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if !filters.is_empty() && !filters.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let source = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let source_name = format!("{name}.py");
        let ours = mpy_tests::compile_with_ours(
            &source,
            &mpy_cross::CompileOptions {
                source_name: source_name.clone(),
                ..mpy_cross::CompileOptions::default()
            },
        );
        let oracle = oracle_present.then(|| mpy_tests::oracle_compile(&source, &source_name, &[]));
        if let (Ok(a), Some(Ok(b))) = (&ours, &oracle) {
            same_as_oracle += usize::from(a == b);
        }
        let mpy = if use_oracle {
            oracle.ok_or("VM_BENCH_COMPILER=oracle but the oracle mpy-cross is missing")?
        } else {
            ours
        }
        .map_err(|e| format!("{name}: does not compile: {e}"))?;
        out.push(Program { name, mpy });
    }
    let compiler = if use_oracle {
        "the oracle mpy-cross"
    } else {
        "our mpy-cross"
    };
    if oracle_present {
        println!(
            "compiled with {compiler}; our .mpy identical to the oracle's for {same_as_oracle} / {}",
            out.len()
        );
    } else {
        println!("compiled with {compiler}");
    }
    Ok(out)
}

/// `program` frozen alone into an image (as `mpy-freeze --image` lays it out).
fn frozen_image(program: &Program) -> Result<Vec<u8>, String> {
    let mpy = MpyFile::read(&program.mpy).map_err(|e| format!("{}: {e}", program.name))?;
    let name = format!("{}.py", program.name);
    let (image, _) = write_image(&[ImageModule {
        name: &name,
        mpy: &mpy,
    }])
    .map_err(|e| format!("{}: {e:?}", program.name))?;
    Ok(image)
}

/// Run `program` `runs` times on runtime-min, each on a fresh VM over the same (re-zeroed)
/// heap: from its `.mpy`, or from `image` (a frozen image holding it) when given.
/// Call on a thread with a big stack: Python recursion maps onto Rust recursion.
fn time_ours(program: &Program, image: Option<&[u8]>, runs: usize, heap_bytes: usize) -> Timing {
    let mut heap = vec![0u8; heap_bytes];
    let mut timing = Timing::default();
    for run in 0..runs {
        heap.fill(0);
        let mut out = Capture(Vec::new());
        let source = BenchSource(image.map(|image| FrozenImage { image }));
        let data = image.unwrap_or(&program.mpy);
        let (outcome, wall, cpu) = {
            let Ok(mut vm) = Vm::new(&mut heap, &source, &mut out) else {
                return Timing::failure("heap too small".into());
            };
            vm.max_depth = 100;
            let cpu0 = thread_cpu_ms();
            let start = Instant::now();
            let outcome = vm.run_module(data, &program.name);
            let wall = start.elapsed().as_secs_f64() * 1e3;
            (outcome, wall, thread_cpu_ms() - cpu0)
        };
        timing.wall_ms.push(wall);
        timing.cpu_ms.push(cpu);
        if run == 0 {
            timing.output = String::from_utf8_lossy(&out.0).into_owned();
            timing.failed = outcome == RunOutcome::Exception;
        }
    }
    timing
}

fn f64_list(v: &serde_json::Value) -> Vec<f64> {
    v.as_array()
        .map(|a| a.iter().map(|x| x.as_f64().unwrap_or(f64::NAN)).collect())
        .unwrap_or_default()
}

/// Time `program` (already written to `file`) on the WebAssembly VM under Node.
fn time_wasm(node_dir: &Path, file: &Path, runs: usize, heap_bytes: usize) -> Timing {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/wasm_time.mjs");
    let run = Command::new("node")
        .arg(&script)
        .arg(node_dir)
        .arg(runs.to_string())
        .arg(heap_bytes.to_string())
        .arg(file)
        .output();
    let run = match run {
        Ok(r) if r.status.success() => r,
        Ok(r) => {
            return Timing::failure(format!(
                "wasm_time.mjs failed ({}): {}",
                r.status,
                String::from_utf8_lossy(&r.stderr)
            ));
        }
        Err(e) => return Timing::failure(format!("cannot run node: {e}")),
    };
    let json: serde_json::Value =
        serde_json::from_slice(&run.stdout).unwrap_or(serde_json::Value::Null);
    let entry = &json[file.to_string_lossy().as_ref()];
    Timing {
        // The wasm VM's traceback has an extra frame for the `import` statement.
        output: entry["out"]
            .as_str()
            .unwrap_or("<no result from wasm_time.mjs>")
            .replace("  File \"<stdin>\", line 1, in <module>\n", ""),
        failed: entry["code"].as_i64() != Some(0),
        wall_ms: f64_list(&entry["ms"]),
        cpu_ms: f64_list(&entry["cpu_ms"]),
    }
}

/// Time `program` on a native MicroPython binary, inside its process around the import: wall
/// time with `time.ticks_us`, CPU time from `/proc/self/schedstat` (it is single-threaded).
fn time_native(
    exe: &Path,
    program: &Program,
    dir: &Path,
    runs: usize,
    heap_bytes: usize,
) -> Timing {
    let wrapper = format!(
        "import sys, time\n\
         def cpu():\n    try:\n        with open('/proc/self/schedstat') as f:\n            \
         return int(f.read().split()[0])\n    except Exception:\n        return -1\n\
         sys.path.insert(0, {dir:?})\n\
         c = cpu()\nt = time.ticks_us()\nimport {name}\n\
         t = time.ticks_diff(time.ticks_us(), t)\nc = cpu() - c if c >= 0 else -1\n\
         sys.stderr.write('@@vm_speed %d %d\\n' % (t, c))\n",
        dir = dir.to_string_lossy(),
        name = program.name
    );
    let mut timing = Timing::default();
    for run in 0..runs {
        let output = Command::new(exe)
            .arg("-X")
            .arg(format!("heapsize={heap_bytes}"))
            .arg("-c")
            .arg(&wrapper)
            .output();
        let Ok(output) = output else {
            return Timing::failure(format!("cannot run {}", exe.display()));
        };
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
        let mut measured = None;
        for line in stderr.lines() {
            if let Some(rest) = line.strip_prefix("@@vm_speed ") {
                let mut it = rest.split_whitespace().map(|x| x.parse::<f64>().ok());
                if let (Some(Some(us)), Some(Some(ns))) = (it.next(), it.next()) {
                    measured = Some((us / 1e3, if ns < 0.0 { f64::NAN } else { ns / 1e6 }));
                }
            } else if line != "  File \"<stdin>\", line 1, in <module>" {
                text.push_str(line);
                text.push('\n');
            }
        }
        if let Some((wall, cpu)) = measured {
            timing.wall_ms.push(wall);
            timing.cpu_ms.push(cpu);
        }
        if run == 0 {
            timing.output = text;
            timing.failed = !output.status.success() || measured.is_none();
        }
    }
    timing
}

fn geomean(ratios: &[f64]) -> f64 {
    let logs: Vec<f64> = ratios
        .iter()
        .copied()
        .filter(|r| r.is_finite() && *r > 0.0)
        .map(f64::ln)
        .collect();
    if logs.is_empty() {
        return f64::NAN;
    }
    #[allow(clippy::cast_precision_loss)]
    let n = logs.len() as f64;
    (logs.iter().sum::<f64>() / n).exp()
}

fn show(x: f64, decimals: usize) -> String {
    if x.is_finite() {
        format!("{x:.decimals$}")
    } else {
        "n/a".into()
    }
}

/// The 1-minute load average, if known.
fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn main() {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let runs = env_num("VM_BENCH_RUNS", 5).max(1);
    let heap_bytes = env_num("VM_BENCH_HEAP_KIB", 1024) * 1024;
    let use_oracle = std::env::var("VM_BENCH_COMPILER").is_ok_and(|v| v == "oracle");
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let load = load_average();
    #[allow(clippy::cast_precision_loss)]
    let busy = load.is_some_and(|l| l > cores as f64);
    let have_cpu_clock = thread_cpu_ms().is_finite();
    let clock = match std::env::var("VM_BENCH_CLOCK").as_deref() {
        Ok("cpu") => Clock::Cpu,
        Ok("wall") => Clock::Wall,
        _ if busy && have_cpu_clock => Clock::Cpu,
        _ => Clock::Wall,
    };
    if clock == Clock::Cpu && !have_cpu_clock {
        eprintln!("vm_speed: VM_BENCH_CLOCK=cpu needs Linux /proc/thread-self/schedstat");
        std::process::exit(2);
    }
    let native = std::env::var_os("MPY_REFERENCE_MICROPYTHON").map(PathBuf::from);
    let node_dir = mpy_tests::oracle_wasm_vm();

    let programs = match compile_all(&filters, use_oracle) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("vm_speed: {e}");
            std::process::exit(2);
        }
    };
    let dir = std::env::temp_dir().join(format!("vm_speed-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("vm_speed: cannot create {}: {e}", dir.display());
        std::process::exit(2);
    }
    for p in &programs {
        if let Err(e) = std::fs::write(dir.join(format!("{}.mpy", p.name)), &p.mpy) {
            eprintln!("vm_speed: cannot write {}.mpy: {e}", p.name);
            std::process::exit(2);
        }
    }

    println!(
        "{} of {runs} runs, in ms; heap {} KiB (runtime-min, wasm), {} KiB (native, 64-bit words)",
        match clock {
            Clock::Wall => "best wall time",
            Clock::Cpu => "median CPU time of the VM thread",
        },
        heap_bytes / 1024,
        heap_bytes * 2 / 1024
    );
    if busy {
        println!(
            "load average {:.1} on {cores} cores: {}",
            load.unwrap_or_default(),
            match clock {
                Clock::Wall => "wall times are unreliable (VM_BENCH_CLOCK=cpu measures CPU time)",
                Clock::Cpu => "measuring CPU time (VM_BENCH_CLOCK=wall forces wall time)",
            }
        );
    }
    if node_dir.is_none() {
        println!("(WebAssembly reference VM unavailable: run tests/oracle/provision.sh)");
    }
    if native.is_none() {
        println!("(no native reference: set MPY_REFERENCE_MICROPYTHON=/path/to/micropython)");
    }

    let mut header = format!(
        "{:<12} {:>12} {:>8} {:>10} {:>10}",
        "program", "runtime-min", "frozen", "wasm", "wasm/ours"
    );
    if native.is_some() {
        header.push_str(&format!(" {:>10} {:>12}", "native", "native/ours"));
    }
    println!("{header}");
    println!("{}", "-".repeat(header.len()));
    let mut wasm_ratios = Vec::new();
    let mut native_ratios = Vec::new();
    let mut problems = Vec::new();
    for program in &programs {
        // All VMs measure this program before the next program starts.
        let image = match frozen_image(program) {
            Ok(image) => image,
            Err(e) => {
                eprintln!("vm_speed: cannot freeze {e}");
                std::process::exit(2);
            }
        };
        let run_ours = |image: Option<Vec<u8>>| {
            let p = Program {
                name: program.name.clone(),
                mpy: program.mpy.clone(),
            };
            std::thread::Builder::new()
                .stack_size(256 << 20)
                .spawn(move || time_ours(&p, image.as_deref(), runs, heap_bytes))
                .ok()
                .and_then(|h| h.join().ok())
                .unwrap_or_else(|| Timing::failure("runtime-min panicked".into()))
        };
        let ours = run_ours(None);
        let frozen = run_ours(Some(image));
        let file = dir.join(format!("{}.mpy", program.name));
        let wasm = node_dir
            .as_ref()
            .map(|d| time_wasm(d, &file, runs, heap_bytes));
        let native_t = native
            .as_ref()
            .map(|exe| time_native(exe, program, &dir, runs, heap_bytes * 2));

        if ours.failed {
            problems.push(format!(
                "{}: runtime-min failed:\n{}",
                program.name, ours.output
            ));
        }
        if frozen.failed || frozen.output != ours.output {
            problems.push(format!(
                "{}: frozen output differs:\n--- frozen\n{}--- .mpy\n{}",
                program.name, frozen.output, ours.output
            ));
        }
        for (vm, t) in [("wasm", &wasm), ("native", &native_t)] {
            if let Some(t) = t {
                if t.failed || t.output != ours.output {
                    problems.push(format!(
                        "{}: output differs from {vm}:\n--- {vm}\n{}--- runtime-min\n{}",
                        program.name, t.output, ours.output
                    ));
                }
            }
        }
        let o = ours.value(clock);
        let f = frozen.value(clock);
        let w = wasm.as_ref().map_or(f64::NAN, |t| t.value(clock));
        let n = native_t.as_ref().map_or(f64::NAN, |t| t.value(clock));
        wasm_ratios.push(w / o);
        native_ratios.push(n / o);
        let mut line = format!(
            "{:<12} {:>12} {:>8} {:>10} {:>10}",
            program.name,
            show(o, 1),
            show(f, 1),
            show(w, 1),
            show(w / o, 2)
        );
        if native.is_some() {
            line.push_str(&format!(" {:>10} {:>12}", show(n, 1), show(n / o, 2)));
        }
        println!("{line}");
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!("{}", "-".repeat(header.len()));
    let mut line = format!(
        "{:<12} {:>12} {:>8} {:>10} {:>10}",
        "geomean",
        "",
        "",
        "",
        show(geomean(&wasm_ratios), 2)
    );
    if native.is_some() {
        line.push_str(&format!(
            " {:>10} {:>12}",
            "",
            show(geomean(&native_ratios), 2)
        ));
    }
    println!("{line}");
    println!("ratio = reference time / runtime-min time (> 1: runtime-min is faster)");
    if native.is_some() {
        println!(
            "native: timed inside its process around `import NAME` (time.ticks_us; \
             /proc/self/schedstat for CPU time)"
        );
    }
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("{p}");
        }
        std::process::exit(1);
    }
}
