//! ROMFS images compared byte for byte with `mpremote romfs build` (mpremote 1.29.0 in the oracle venv).

use std::path::{Path, PathBuf};
use std::process::Command;

use freeze::romfs::build_romfs;
use freeze::{CompileOptions, Compiler};

fn write(root: &Path, rel: &str, data: &[u8]) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
    std::fs::write(path, data).expect("write");
}

/// Several source trees: flat, nested packages, an empty directory, a precompiled sibling,
/// large files (multi-byte lengths), dot files.
fn make_trees(base: &Path) -> Vec<PathBuf> {
    let _ = std::fs::remove_dir_all(base);
    let flat = base.join("flat");
    write(&flat, "main.py", b"import lib\nprint('hello', 1 + 2)\n");
    write(&flat, "boot.py", b"x = 1\n");
    write(&flat, "data.txt", b"not python\n");
    write(&flat, "z.bin", &[0u8, 1, 2, 255]);

    let nested = base.join("nested");
    write(
        &nested,
        "lib/pkg/__init__.py",
        b"from .sub import mod\n__version__ = '1.0'\n",
    );
    write(&nested, "lib/pkg/sub/__init__.py", b"");
    write(&nested, "lib/pkg/sub/mod.py", b"def f(a, b=2, *c, d, **e):\n    return a + b\nclass C:\n    def m(self): return [i*i for i in range(10)]\n");
    write(&nested, "lib/other.py", b"s = 'a string constant that is rather long, longer than 25 chars'\nb = b'bytes'\nf = 1.5\n");
    write(&nested, "app/.hidden", b"secret");
    write(&nested, "app/main.py", b"import pkg\n");
    std::fs::create_dir_all(nested.join("empty")).expect("mkdir");
    // A .py with a sibling .mpy: both are stored as they are.
    write(&nested, "pre.py", b"y = 2\n");
    write(
        &nested,
        "pre.mpy",
        b"M\x06\x00\x1f\x02\x00\x0apre.py\x00\x0f\x40\x00\x02\x01\x81\x16\x02\x51\x63",
    );

    let big = base.join("big");
    let mut src = String::new();
    for i in 0..2500 {
        src.push_str(&format!("v{i} = {i} * 3 + len('item{i}')\n"));
    }
    write(&big, "big.py", src.as_bytes());
    write(&big, "blob.dat", &vec![0x5a; 20_000]);
    write(&big, "small.txt", b"odd");
    vec![flat, nested, big]
}

fn oracle_romfs(python: &Path, dir: &Path, mpy: bool) -> Vec<u8> {
    let script = format!(
        "import sys\nfrom mpremote.romfs import make_romfs\nimport io, contextlib\nwith contextlib.redirect_stdout(io.StringIO()):\n    img = make_romfs({:?}, mpy_cross={})\nsys.stdout.buffer.write(img)\n",
        dir.to_str().expect("utf-8 path"),
        if mpy { "True" } else { "False" }
    );
    let out = Command::new(python)
        .arg("-c")
        .arg(script)
        .output()
        .expect("oracle python runs");
    assert!(
        out.status.success(),
        "oracle failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn romfs_matches_mpremote() {
    let (Some(python), Some(mpy_cross)) =
        (mpy_tests::oracle_python(), mpy_tests::oracle_mpy_cross())
    else {
        return;
    };
    let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("romfs_trees");
    let trees = make_trees(&base);
    let mut identical = 0;
    let mut total = 0;
    for tree in &trees {
        for mpy in [true, false] {
            let expected = oracle_romfs(&python, tree, mpy);
            // The reference binary, and the production in-process compiler.
            for compiler in [Compiler::External(mpy_cross.clone()), Compiler::Library] {
                total += 1;
                let ours = build_romfs(
                    tree.to_str().expect("utf-8"),
                    mpy.then_some(&compiler),
                    &CompileOptions::default(),
                )
                .expect("romfs builds");
                if ours == expected {
                    identical += 1;
                } else {
                    eprintln!(
                        "{} (mpy={mpy}, {compiler:?}): {} vs {} bytes",
                        tree.display(),
                        ours.len(),
                        expected.len()
                    );
                }
            }
        }
    }
    println!("ROMFS identical {identical} / {total}");
    assert_eq!(identical, total);
}

#[test]
fn romfs_errors_name_the_file() {
    let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("romfs_bad");
    let _ = std::fs::remove_dir_all(&base);
    let err = build_romfs(
        base.to_str().expect("utf-8"),
        None,
        &CompileOptions::default(),
    )
    .expect_err("missing dir");
    assert!(err.to_string().contains("romfs_bad"), "{err}");
    if let Some(mpy_cross) = mpy_tests::oracle_mpy_cross() {
        write(&base, "bad.py", b"def f(:\n");
        let err = build_romfs(
            base.to_str().expect("utf-8"),
            Some(&Compiler::External(mpy_cross)),
            &CompileOptions::default(),
        )
        .expect_err("syntax error");
        let text = err.to_string();
        assert!(
            text.contains("bad.py") && text.contains("SyntaxError"),
            "{text}"
        );
        assert_eq!(err.line, Some(1));
    }
}
