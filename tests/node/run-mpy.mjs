//! Batch runner: executes many `.mpy` programs on the MicroPython 1.29 WebAssembly VM in one Node process.
//
// Usage: node run-mpy.mjs [manifest.json]        (manifest on stdin when no path is given)
//
// Manifest: either an array of programs or an object
//   { "programs": [{ "name": "area_prog", "mpy": "/abs/path/area_prog.mpy" }, ...],
//     "timeout_ms": 10000,      // per program (default 10 s; env MPY_RUN_TIMEOUT_MS overrides)
//     "budget_ms": 120000,      // whole batch: programs not started by then are reported as
//                               //   "timeout" without running (default: no budget)
//     "workers": 2,             // parallel worker threads (default: env MPY_RUN_WORKERS or 2)
//     "heapsize": 4194304,      // MicroPython heap per VM in bytes (default 4 MiB)
//     "vm": "/path/to/node/dir" // dir holding node_modules/@micropython/... (default: env MPY_WASM_VM_DIR
//   }                           //   or ../../target/oracle/node relative to this file)
//
// Output (stdout): JSON { "results": [{ "name", "status", "output", "ms" }, ...] } in manifest order.
//   status: "ok"        the module ran to the end
//           "exception" an uncaught Python exception; `output` ends with the traceback as
//                       MicroPython prints it ("Traceback (most recent call last):" ... "Type: msg")
//           "timeout"   the program ran longer than timeout_ms (its worker was terminated);
//                       `output` has what it printed until then (first 64 KiB)
//           "crash"     the VM itself failed (wasm trap, worker died, unreadable file); the
//                       reason is appended to `output` as "<crash: ...>"
// `output` is everything the program wrote to stdout and stderr, interleaved in write order.
//
// Isolation: every program gets a FRESH VM (about 12 ms each), so nothing leaks between programs.
// Each program is imported as module `name` from `/<name>.mpy`; `name` must be a Python identifier.

import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";
import fs from "node:fs";

const here = path.dirname(fileURLToPath(import.meta.url));
const PKG = "node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs";
// How much of a hung program's output is kept (the rest is dropped).
const PARTIAL_OUTPUT_BYTES = 64 * 1024;

if (isMainThread) {
  await main();
} else {
  await workerMain();
}

async function main() {
  const arg = process.argv[2];
  const text = arg && arg !== "-" ? fs.readFileSync(arg, "utf8") : fs.readFileSync(0, "utf8");
  const parsed = JSON.parse(text);
  const manifest = Array.isArray(parsed) ? { programs: parsed } : parsed;
  const programs = manifest.programs ?? [];
  const timeoutMs = Number(process.env.MPY_RUN_TIMEOUT_MS ?? manifest.timeout_ms ?? 10000);
  const nWorkers = Math.max(1, Math.min(programs.length || 1,
    Number(manifest.workers ?? process.env.MPY_RUN_WORKERS ?? 2)));
  const budgetMs = Number(manifest.budget_ms ?? Infinity);
  const batchStart = performance.now();
  const heapsize = Number(manifest.heapsize ?? 4 * 1024 * 1024);
  const vmDir = manifest.vm ?? process.env.MPY_WASM_VM_DIR ?? path.join(here, "../../target/oracle/node");
  const vmModule = pathToFileURL(path.resolve(vmDir, PKG)).href;

  const results = new Array(programs.length);
  let next = 0;

  // One "lane" per worker: takes the next program, runs it with a deadline, replaces the
  // worker when it hangs or dies.
  async function lane() {
    let worker = null;
    let pending = null; // { resolve } for the program in flight
    // The worker mirrors the running program's output into this shared buffer, so a program
    // that hangs still reports what it printed before the deadline.
    const shared = new SharedArrayBuffer(4 + PARTIAL_OUTPUT_BYTES);
    const partialOutput = () => {
      const length = Atomics.load(new Int32Array(shared, 0, 1), 0);
      return new TextDecoder().decode(new Uint8Array(shared, 4, length).slice());
    };
    // A new worker first loads the VM module; the per-program deadline starts only once it
    // says it is ready, so start-up time under load never counts against a program.
    let ready = null; // resolves true when the worker is ready, false if it died first
    const spawn = () => {
      const w = new Worker(fileURLToPath(import.meta.url), { workerData: { vmModule, heapsize, shared } });
      let markReady;
      ready = new Promise((resolve) => { markReady = resolve; });
      w.on("message", (msg) => {
        if (msg.ready) { markReady(true); return; }
        if (pending) { const p = pending; pending = null; p.resolve(msg); }
      });
      const fail = (reason) => {
        markReady(false);
        if (pending) { const p = pending; pending = null; p.resolve({ status: "crash", output: "", reason }); }
      };
      w.on("error", (err) => fail(`worker error: ${err?.message ?? err}`));
      w.on("exit", (code) => {
        if (worker === w) worker = null;
        fail(`worker exited with code ${code}`);
      });
      return w;
    };
    while (next < programs.length) {
      const index = next++;
      const prog = programs[index];
      const started = performance.now();
      if (started - batchStart > budgetMs) {
        results[index] = { name: prog.name, status: "timeout", output: `<timeout: batch budget of ${budgetMs} ms used up before it started>\n`, ms: 0 };
        continue;
      }
      if (!worker) worker = spawn();
      if (!(await ready)) {
        results[index] = { name: prog.name, status: "crash", output: "<crash: worker failed to start>\n", ms: 0 };
        worker = null;
        continue;
      }
      let timer;
      const msg = await new Promise((resolve) => {
        pending = { resolve };
        timer = setTimeout(() => {
          if (pending) { const p = pending; pending = null; p.resolve({ status: "timeout", output: partialOutput(), reason: `exceeded ${timeoutMs} ms` }); }
        }, timeoutMs);
        worker.postMessage({ name: prog.name, mpy: prog.mpy });
      });
      clearTimeout(timer);
      if (msg.status === "timeout" || msg.status === "crash") {
        const w = worker;
        worker = null;
        if (w) await w.terminate();
      }
      let output = msg.output ?? "";
      if (msg.status === "crash" || msg.status === "timeout") output += `<${msg.status}: ${msg.reason}>\n`;
      results[index] = { name: prog.name, status: msg.status, output, ms: Math.round(performance.now() - started) };
    }
    if (worker) await worker.terminate();
  }

  await Promise.all(Array.from({ length: nWorkers }, lane));
  process.stdout.write(JSON.stringify({ results }) + "\n");
}

async function workerMain() {
  const { loadMicroPython } = await import(workerData.vmModule);
  const decoder = new TextDecoder();
  const partialLength = new Int32Array(workerData.shared, 0, 1);
  const partialBytes = new Uint8Array(workerData.shared, 4);
  parentPort.postMessage({ ready: true });
  parentPort.on("message", async ({ name, mpy }) => {
    const bytes = [];
    Atomics.store(partialLength, 0, 0);
    const sink = (data) => {
      for (const b of data) {
        if (bytes.length < partialBytes.length) partialBytes[bytes.length] = b;
        bytes.push(b);
      }
      Atomics.store(partialLength, 0, Math.min(bytes.length, partialBytes.length));
    };
    let status = "ok";
    let tail = "";
    let reason;
    try {
      const data = fs.readFileSync(mpy);
      const mp = await loadMicroPython({ stdout: sink, stderr: sink, linebuffer: false, heapsize: workerData.heapsize });
      mp.FS.writeFile(`/${name}.mpy`, data);
      try {
        mp.runPython(`import sys\nsys.path.insert(0, '/')\nimport ${name}\n`);
      } catch (e) {
        if (e && e.constructor && e.constructor.name === "PythonError") {
          status = "exception";
          tail = stripLoaderFrame(String(e.message));
        } else {
          status = "crash";
          reason = `${e?.name ?? "error"}: ${e?.message ?? e}`;
        }
      }
    } catch (e) {
      status = "crash";
      reason = `${e?.name ?? "error"}: ${e?.message ?? e}`;
    }
    const output = decoder.decode(new Uint8Array(bytes)) + tail;
    parentPort.postMessage({ status, output, reason });
  });
}

// The traceback's first frame is the loader's `import` line (File "<stdin>"); a program run
// as a script would not have it, so drop it.
function stripLoaderFrame(text) {
  const lines = text.split("\n");
  if (lines[0] === "Traceback (most recent call last):" && lines.length > 1 && lines[1].startsWith('  File "<stdin>"')) {
    lines.splice(1, 1);
  }
  return lines.join("\n");
}
