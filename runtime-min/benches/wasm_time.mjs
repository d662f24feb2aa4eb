// Times .mpy programs on the MicroPython 1.29 WebAssembly VM (the reference for vm_speed.rs).
// Each run gets a fresh VM (start-up not timed); the time is measured inside this process
// around `runPython("import NAME")` only: wall time, and the CPU time of this (the VM's)
// thread from /proc/thread-self/schedstat where Linux has it (scheduler-tick resolution).
// Prints JSON {file: {out, code, ms: [wall ms per run], cpu_ms: [CPU ms per run]}}.
// usage: node wasm_time.mjs <oracle node dir> <runs> <heap bytes> <file.mpy>...
import { existsSync, readFileSync } from "fs";
import { basename } from "path";
import { pathToFileURL } from "url";

const [dir, runsArg, heapArg, ...files] = process.argv.slice(2);
const runs = Math.max(1, Number(runsArg));
const heapsize = Number(heapArg);
const pkg = "/node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs";
const mod = await import(pathToFileURL(dir + pkg).href);
const schedstat = "/proc/thread-self/schedstat";
const haveCpu = existsSync(schedstat);
// CPU time consumed by this thread so far, in ms (NaN when unknown).
const cpuMs = () => (haveCpu ? Number(readFileSync(schedstat, "utf8").split(" ")[0]) / 1e6 : NaN);
const results = {};
for (const file of files) {
  const name = basename(file, ".mpy");
  const bytes = readFileSync(file);
  const entry = { out: "", code: 0, ms: [], cpu_ms: [] };
  for (let run = 0; run < runs; run++) {
    let out = "";
    const dec = new TextDecoder();
    const sink = (d) => { out += typeof d === "string" ? d : dec.decode(d, { stream: true }); };
    const mp = await mod.loadMicroPython({ stdout: sink, stderr: sink, linebuffer: false, heapsize });
    mp.FS.mkdir("/p");
    mp.FS.writeFile(`/p/${name}.mpy`, bytes);
    mp.runPython("import sys; sys.path.insert(0, '/p')");
    let code = 0;
    const c0 = cpuMs();
    const t0 = performance.now();
    try {
      mp.runPython(`import ${name}`);
    } catch (e) {
      code = 1;
      out += String(e.message ?? e);
    }
    entry.ms.push(performance.now() - t0);
    entry.cpu_ms.push(cpuMs() - c0);
    if (run === 0) {
      entry.out = out;
      entry.code = code;
    }
  }
  results[file] = entry;
}
process.stdout.write(JSON.stringify(results));
