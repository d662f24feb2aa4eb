//! A ROMFS image built by freeze is mounted at `/rom` by MicroPython 1.29 (the WebAssembly
//! port, `vfs.VfsRom`) and its modules — nested packages included — import and run from it.

use std::path::Path;
use std::process::Command;

use freeze::romfs::build_romfs;
use freeze::{CompileOptions, Compiler};

fn write(root: &Path, rel: &str, data: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, data).expect("write");
}

#[test]
fn micropython_mounts_and_imports_from_the_romfs() {
    let Some(vm_dir) = mpy_tests::oracle_wasm_vm() else {
        return;
    };
    let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("romfs_runs");
    let _ = std::fs::remove_dir_all(&base);
    let tree = base.join("tree");
    write(
        &tree,
        "app.py",
        "import pkg\nfrom pkg.sub import deep\nprint('app', pkg.NAME, deep.twice(21))\n",
    );
    write(&tree, "lib/pkg/__init__.py", "NAME = 'pkg-in-rom'\n");
    write(&tree, "lib/pkg/sub/__init__.py", "");
    write(
        &tree,
        "lib/pkg/sub/deep.py",
        "def twice(x):\n    return [i for i in range(x)][-1] * 2 + 2\n",
    );
    write(&tree, "data.txt", "plain data\n");
    let image = build_romfs(
        tree.to_str().expect("utf-8"),
        Some(&Compiler::Library),
        &CompileOptions::default(),
    )
    .expect("romfs");
    let image_path = base.join("image.romfs");
    std::fs::write(&image_path, &image).expect("write image");

    let module =
        vm_dir.join("node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs");
    let script = format!(
        r#"import {{ loadMicroPython }} from {module:?};
import {{ readFileSync }} from "fs";
let out = "";
const mp = await loadMicroPython({{ stdout: (l) => {{ out += l + "\n"; }}, stderr: (l) => {{ out += l + "\n"; }} }});
mp.FS.writeFile("/image.romfs", readFileSync({image:?}));
mp.runPython(`
import vfs, sys, os
vfs.mount(vfs.VfsRom(open('/image.romfs', 'rb').read()), '/rom')
sys.path.insert(0, '/rom/lib')
sys.path.insert(0, '/rom')
print(sorted(os.listdir('/rom')))
print(open('/rom/data.txt').read().strip())
import app
`);
process.stdout.write(out);
"#,
        module = module.to_string_lossy(),
        image = image_path.to_string_lossy()
    );
    let script_path = base.join("run.mjs");
    std::fs::write(&script_path, script).expect("write script");
    let out = Command::new("node")
        .arg(&script_path)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout,
        "['app.mpy', 'data.txt', 'lib']\nplain data\napp pkg-in-rom 42\n"
    );
}
