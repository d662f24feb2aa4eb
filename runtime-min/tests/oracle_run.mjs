// Runs one .mpy in the MicroPython 1.29 WebAssembly VM (the runtime oracle); prints its output.
// usage: node oracle_run.mjs <oracle node dir> <file.mpy>
import { readFileSync } from "fs";
import { pathToFileURL } from "url";
const [dir, file] = process.argv.slice(2);
const mod = await import(pathToFileURL(dir + "/node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs").href);
let out = "";
const dec = new TextDecoder();
const sink = (d) => { out += typeof d === "string" ? d : dec.decode(d); };
const mp = await mod.loadMicroPython({ stdout: sink, stderr: sink, linebuffer: false });
mp.FS.writeFile("/m.mpy", readFileSync(file));
let code = 0;
try {
  mp.runPython("import sys; sys.path.insert(0,'/'); import m");
} catch (e) {
  code = 1;
  out += String(e.message ?? e);
}
process.stdout.write(out);
process.exit(code);
