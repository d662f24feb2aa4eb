//! Fuzz target: any bytes as a `manifest.py` give the files it names or an error with the
//! manifest's path and line, never a panic (the manifest evaluator is a front end).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

/// A directory of this process's own with a `lib/` beside the manifest, so `package()`,
/// `module()` and `include()` calls have something to find.
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("freeze-fuzz-{}", std::process::id()));
    if !dir.exists() {
        std::fs::create_dir_all(dir.join("lib/pkg")).expect("scratch dir");
        std::fs::write(dir.join("lib/mod.py"), "x = 1\n").expect("module");
        std::fs::write(dir.join("lib/pkg/__init__.py"), "").expect("package");
        std::fs::write(dir.join("other.py"), "module('lib/mod.py')\n").expect("include");
    }
    dir
}

fuzz_target!(|data: &[u8]| {
    let dir = scratch();
    let path = dir.join("manifest.py");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let mut manifest = freeze::manifest::Manifest::new(&[("D".to_string(), dir.to_string_lossy().into_owned())]);
    if let Err(e) = manifest.execute(&path) {
        // Rendering the error must not panic either.
        let _ = e.to_string();
    }
});
