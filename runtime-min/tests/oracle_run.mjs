// Runs .mpy files in the MicroPython 1.29 WebAssembly VM (the runtime oracle), one fresh VM
// per file, and prints a JSON object {file: {out, code}}.
// usage: node oracle_run.mjs <oracle node dir> <file.mpy>...
import { readFileSync, readdirSync } from "fs";
import { basename, dirname, join } from "path";
import { pathToFileURL } from "url";
const [dir, ...files] = process.argv.slice(2);
const mod = await import(pathToFileURL(dir + "/node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs").href);
const results = {};
for (const file of files) {
  let out = "";
  const dec = new TextDecoder();
  const sink = (d) => { out += typeof d === "string" ? d : dec.decode(d, { stream: true }); };
  const mp = await mod.loadMicroPython({ stdout: sink, stderr: sink, linebuffer: false });
  const name = basename(file, ".mpy");
  mp.FS.mkdir("/p");
  // Every .mpy next to the file is importable by its stem (as every module of the
  // directory is for runtime-min), whichever batch it was passed in.
  for (const other of readdirSync(dirname(file)).filter((n) => n.endsWith(".mpy"))) {
    mp.FS.writeFile("/p/" + other, readFileSync(join(dirname(file), other)));
  }
  let code = 0;
  try {
    mp.runPython(`import sys; sys.path.insert(0,'/p'); import ${name}`);
  } catch (e) {
    code = 1;
    out += String(e.message ?? e);
  }
  results[file] = { out, code };
}
process.stdout.write(JSON.stringify(results));
