//! Bad input gives one clear error naming the file (and line, for manifests), and no output
//! file is written, not even partly.

use std::path::{Path, PathBuf};

use freeze::output::{build, Request};
use freeze::{CompileOptions, Compiler};
use mpy_format::Arch;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("bad_input")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    dir
}

/// Build `req` with every output requested into `dir`; expect an error and no outputs.
fn fails(dir: &Path, mut req: Request) -> freeze::Error {
    req.c_out = Some(dir.join("out.c"));
    req.image = Some(dir.join("out.bin"));
    req.elf = Some(dir.join("out.o"));
    req.romfs = Some(dir.join("out.romfs"));
    let result = build(&req).and_then(|outputs| outputs.write());
    let err = result.expect_err("must fail");
    for out in ["out.c", "out.bin", "out.o", "out.romfs"] {
        assert!(
            !dir.join(out).exists(),
            "{out} was written despite the error"
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .expect("list")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary outputs left behind");
    err
}

fn manifest_request(dir: &Path, text: &str, compiler: Compiler) -> Request {
    std::fs::write(dir.join("manifest.py"), text).expect("write manifest");
    Request {
        manifests: vec![dir.join("manifest.py")],
        compiler,
        build_dir: "build".into(),
        ..Request::default()
    }
}

#[test]
fn manifest_errors_carry_file_and_line() {
    let cases: [(&str, &str, u32, &str); 9] = [
        (
            "syntax",
            "module('a.py')\nimport os\n",
            2,
            "'import' is not supported",
        ),
        (
            "unknown_name",
            "\n\nfoo('x')\n",
            3,
            "name 'foo' is not defined",
        ),
        (
            "missing_module",
            "# c\nmodule('nope.py')\n",
            2,
            "Cannot stat",
        ),
        (
            "bad_kwarg",
            "package('p', colour=1)\n",
            1,
            "unexpected keyword argument 'colour'",
        ),
        (
            "missing_include",
            "x = 1\ninclude('nowhere.py')\n",
            2,
            "cannot read manifest",
        ),
        (
            "unknown_package",
            "require('no-such-package')\n",
            1,
            "not found in any known library",
        ),
        (
            "not_py_module",
            "module('data.txt')\n",
            1,
            "module must be .py file",
        ),
        ("unterminated", "module('a.py\n", 1, "unterminated string"),
        (
            "unresolved_var",
            "freeze('$(BOARD_DIR)/modules')\n",
            1,
            "pass -v BOARD_DIR=VALUE",
        ),
    ];
    for (name, text, line, message) in cases {
        let dir = scratch(name);
        let err = fails(&dir, manifest_request(&dir, text, Compiler::Library));
        let shown = err.to_string();
        assert_eq!(
            err.path.as_deref(),
            Some(dir.join("manifest.py").as_path()),
            "{name}: {shown}"
        );
        assert_eq!(err.line, Some(line), "{name}: {shown}");
        assert!(shown.contains(message), "{name}: {shown}");
    }
    // An error inside an included manifest names that manifest and its line.
    let dir = scratch("nested");
    std::fs::create_dir_all(dir.join("sub")).expect("mkdir");
    std::fs::write(
        dir.join("sub/manifest.py"),
        "options.defaults(a=1)\nif options.a:\n    while True: pass\n",
    )
    .expect("write");
    let err = fails(
        &dir,
        manifest_request(&dir, "include('sub')\n", Compiler::Library),
    );
    assert_eq!(
        err.path.as_deref(),
        Some(dir.join("sub/manifest.py").as_path())
    );
    assert_eq!(err.line, Some(3));
}

#[test]
fn missing_input_file_is_named() {
    let dir = scratch("missing");
    let req = Request {
        plain: vec![dir.join("absent.py")],
        ..Request::default()
    };
    let err = fails(&dir, req);
    assert!(err.to_string().contains("absent.py"), "{err}");
}

#[test]
fn bad_mpy_inputs_are_named() {
    let Some(mpy_cross) = mpy_tests::oracle_mpy_cross() else {
        return;
    };
    let dir = scratch("mpy");
    // Wrong version.
    std::fs::write(dir.join("old.mpy"), b"M\x05\x00\x1f\x00").expect("write");
    let err = fails(
        &dir,
        Request {
            plain: vec![dir.join("old.mpy")],
            ..Request::default()
        },
    );
    assert_eq!(err.path.as_deref(), Some(dir.join("old.mpy").as_path()));
    assert!(err.to_string().contains("v5"), "{err}");
    // Not an .mpy at all.
    std::fs::write(dir.join("junk.mpy"), b"hello").expect("write");
    let err = fails(
        &dir,
        Request {
            plain: vec![dir.join("junk.mpy")],
            ..Request::default()
        },
    );
    assert_eq!(err.path.as_deref(), Some(dir.join("junk.mpy").as_path()));
    // A well-formed container whose bytecode names a qstr that does not exist.
    let mut corrupt =
        b"M\x06\x00\x1f\x03\x00\x0at1.py\x00\x0f\x02x\x00\x40\x00\x02\x01\x81\x16\x02\x51\x63"
            .to_vec();
    let n = corrupt.len();
    assert!(mpy_format::MpyFile::read(&corrupt).is_ok());
    corrupt[n - 3] = 0x09;
    std::fs::write(dir.join("corrupt.mpy"), &corrupt).expect("write");
    let err = fails(
        &dir,
        Request {
            plain: vec![dir.join("corrupt.mpy")],
            ..Request::default()
        },
    );
    assert_eq!(err.path.as_deref(), Some(dir.join("corrupt.mpy").as_path()));
    assert!(err.to_string().contains("invalid .mpy"), "{err}");
    // Native code for another architecture than -march.
    std::fs::write(
        dir.join("nat.py"),
        b"@micropython.native\ndef f(): return 1\n",
    )
    .expect("write");
    let status = std::process::Command::new(&mpy_cross)
        .args(["-march=x64", "-o"])
        .arg(dir.join("nat.mpy"))
        .arg(dir.join("nat.py"))
        .status()
        .expect("mpy-cross");
    assert!(status.success());
    std::fs::remove_file(dir.join("nat.py")).expect("rm");
    let req = Request {
        plain: vec![dir.join("nat.mpy")],
        options: CompileOptions {
            arch: Some(Arch::Armv7m),
            ..CompileOptions::default()
        },
        ..Request::default()
    };
    let err = fails(&dir, req);
    assert_eq!(err.path.as_deref(), Some(dir.join("nat.mpy").as_path()));
    assert!(
        err.to_string().contains("x64") && err.to_string().contains("armv7m"),
        "{err}"
    );
    // A syntax error in a source names the file and line.
    std::fs::write(dir.join("bad.py"), b"x = 1\ny = (\n").expect("write");
    let req = Request {
        plain: vec![dir.join("bad.py")],
        compiler: Compiler::External(mpy_cross),
        ..Request::default()
    };
    let err = fails(&dir, req);
    assert_eq!(err.path.as_deref(), Some(dir.join("bad.py").as_path()));
    assert!(err.to_string().contains("SyntaxError"), "{err}");
    assert!(err.line.is_some(), "{err}");
}
