//! The `mpy-cross` command line against the reference binary: exit codes, stderr text,
//! output files and paths for the same arguments; plus our batch mode and error formats.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const OURS: &str = env!("CARGO_BIN_EXE_mpy-cross");

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mpy-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn run(binary: &Path, dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let mut child = Command::new(binary)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("wait")
}

/// One scenario: files to create, arguments, optional stdin, and output files to compare.
struct Case {
    name: &'static str,
    files: &'static [(&'static str, &'static str)],
    args: &'static [&'static str],
    stdin: Option<&'static str>,
    outputs: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        name: "plain",
        files: &[("a.py", "x = 1\n")],
        args: &["a.py"],
        stdin: None,
        outputs: &["a.mpy"],
    },
    Case {
        name: "odd-extension",
        files: &[("a.txt", "x = 1\n")],
        args: &["a.txt"],
        stdin: None,
        outputs: &["a.tmpy"],
    },
    Case {
        name: "dash-o",
        files: &[("a.py", "def f(): pass\n")],
        args: &["-o", "out.bin", "a.py"],
        stdin: None,
        outputs: &["out.bin"],
    },
    Case {
        name: "stdout",
        files: &[("a.py", "y = 2\n")],
        args: &["-o", "-", "a.py"],
        stdin: None,
        outputs: &[],
    },
    Case {
        name: "stdin",
        files: &[],
        args: &["-"],
        stdin: Some("print(1)\n"),
        outputs: &[],
    },
    Case {
        name: "stdin-to-file",
        files: &[],
        args: &["-o", "s.mpy", "-"],
        stdin: Some("print(1)\n"),
        outputs: &["s.mpy"],
    },
    Case {
        name: "source-name",
        files: &[("a.py", "z = 3\n")],
        args: &["-s", "pkg\\m.py", "a.py"],
        stdin: None,
        outputs: &["a.mpy"],
    },
    Case {
        name: "opt",
        files: &[("a.py", "assert x\nprint(__debug__)\n")],
        args: &["-O2", "a.py"],
        stdin: None,
        outputs: &["a.mpy"],
    },
    Case {
        name: "small-int",
        files: &[("a.py", "x = 20000\n")],
        args: &["-msmall-int-bits=15", "a.py"],
        stdin: None,
        outputs: &["a.mpy"],
    },
    Case {
        name: "no-lines",
        files: &[("a.py", "x = 1\ny = 2\n")],
        args: &["-X", "no-source-lines", "a.py"],
        stdin: None,
        outputs: &["a.mpy"],
    },
    // rv64imc has no native emitter: the reference's traceback names the scope compiled last.
    Case {
        name: "no-emitter-module",
        files: &[("a.py", "x = 1\n")],
        args: &["-march=rv64imc", "-X", "emit=native", "a.py"],
        stdin: None,
        outputs: &["a.mpy"],
    },
    Case {
        name: "no-emitter-last-scope",
        files: &[("a.py", "def f():\n    pass\n\nclass C:\n    def m(self):\n        return 1\n")],
        args: &["-march=rv64imc", "-X", "emit=viper", "a.py"],
        stdin: None,
        outputs: &["a.mpy"],
    },
    Case {
        name: "heapsize",
        files: &[("a.py", "x = 1\n")],
        args: &["-X", "heapsize=4m", "-v", "a.py"],
        stdin: None,
        outputs: &["a.mpy"],
    },
    Case {
        name: "march-bytecode",
        files: &[("a.py", "x = 1\n")],
        args: &["-march=armv7m", "a.py"],
        stdin: None,
        outputs: &["a.mpy"],
    },
    Case {
        name: "rv32-flags",
        files: &[("a.py", "x = 1\n")],
        args: &["-march=rv32imc", "-march-flags=zba", "a.py"],
        stdin: None,
        outputs: &["a.mpy"],
    },
    Case {
        name: "march-host",
        files: &[(
            "a.py",
            "@micropython.native\ndef f(x):\n    return x + 1\n@micropython.viper\ndef g(x: int) -> int:\n    return x * 2\n",
        )],
        args: &["-march=host", "a.py"],
        stdin: None,
        outputs: &["a.mpy"],
    },
    Case {
        name: "march-rv64imc",
        files: &[("a.py", "@micropython.native\ndef f(x):\n    return x + 1\n")],
        args: &["-march=rv64imc", "a.py"],
        stdin: None,
        outputs: &["a.mpy"],
    },
    Case {
        name: "march-rv32imc-native",
        files: &[(
            "a.py",
            "@micropython.native\ndef f(x):\n    return x + 1\n@micropython.asm_rv32\ndef h(a0):\n    addi(a0, a0, 1)\n",
        )],
        args: &["-march=rv32imc", "-march-flags=zba,zcmp", "a.py"],
        stdin: None,
        outputs: &["a.mpy"],
    },
    Case {
        name: "syntax-error",
        files: &[("e.py", "x = (\n")],
        args: &["e.py"],
        stdin: None,
        outputs: &["e.mpy"],
    },
    Case {
        name: "compile-error",
        files: &[("b.py", "x = 1\nbreak\n")],
        args: &["-s", "n/b.py", "b.py"],
        stdin: None,
        outputs: &["b.mpy"],
    },
    Case {
        name: "indent-error",
        files: &[("i.py", "x = 1\n  y = 2\n")],
        args: &["i.py"],
        stdin: None,
        outputs: &[],
    },
    Case {
        name: "missing-file",
        files: &[],
        args: &["nope.py"],
        stdin: None,
        outputs: &[],
    },
    Case {
        name: "no-input",
        files: &[],
        args: &[],
        stdin: None,
        outputs: &[],
    },
    Case {
        name: "bad-arch",
        files: &[("a.py", "x=1\n")],
        args: &["-march=z80", "a.py"],
        stdin: None,
        outputs: &[],
    },
    Case {
        name: "bad-flags",
        files: &[("a.py", "x=1\n")],
        args: &["-march=armv7m", "-march-flags=zba", "a.py"],
        stdin: None,
        outputs: &[],
    },
    Case {
        name: "emit-no-arch",
        files: &[("a.py", "x=1\n")],
        args: &["-X", "emit=native", "a.py"],
        stdin: None,
        outputs: &[],
    },
    Case {
        name: "bad-X",
        files: &[("a.py", "x=1\n")],
        args: &["-X", "bogus", "a.py"],
        stdin: None,
        outputs: &[],
    },
    Case {
        name: "bad-option",
        files: &[("a.py", "x=1\n")],
        args: &["-q", "a.py"],
        stdin: None,
        outputs: &[],
    },
    Case {
        name: "dash-dash",
        files: &[("-a.py", "x=1\n")],
        args: &["--", "-a.py"],
        stdin: None,
        outputs: &["-a.mpy"],
    },
];

#[test]
fn command_line_matches_the_reference() {
    let Some(oracle) = mpy_tests::oracle_mpy_cross() else {
        return;
    };
    let mut same = 0;
    let mut differences = Vec::new();
    for case in CASES {
        let mut results = Vec::new();
        for (side, binary) in [("ours", Path::new(OURS)), ("ref", oracle.as_path())] {
            let dir = scratch(&format!("{}-{side}", case.name));
            for (name, text) in case.files {
                std::fs::write(dir.join(name), text).expect("write input");
            }
            let output = run(binary, &dir, case.args, case.stdin.map(str::as_bytes));
            let files: Vec<Option<Vec<u8>>> = case
                .outputs
                .iter()
                .map(|o| std::fs::read(dir.join(o)).ok())
                .collect();
            // The usage text names the program and differs in our extension lines: compare its first line only.
            let stdout = if output.stdout.starts_with(b"usage: ") {
                b"usage".to_vec()
            } else {
                output.stdout.clone()
            };
            let stderr =
                String::from_utf8_lossy(&output.stderr).replace(&dir.display().to_string(), "DIR");
            results.push((output.status.code(), stdout, stderr, files));
            let _ = std::fs::remove_dir_all(&dir);
        }
        if results[0] == results[1] {
            same += 1;
        } else {
            differences.push(format!(
                "{}: ours {:?}\n  ref  {:?}",
                case.name, results[0], results[1]
            ));
        }
    }
    println!(
        "command line: same as the reference {same} / {}",
        CASES.len()
    );
    assert!(
        differences.is_empty(),
        "differences:\n{}",
        differences.join("\n")
    );
}

#[test]
fn version_names_the_tool_and_the_format() {
    let output = Command::new(OURS).arg("--version").output().expect("run");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    assert!(
        text.contains("mpy-rs") && text.contains("MicroPython v1.29") && text.contains("mpy v6.3"),
        "{text}"
    );
}

#[test]
fn batch_mode_compiles_trees_with_relative_source_names() {
    let dir = scratch("batch");
    std::fs::create_dir_all(dir.join("src/pkg")).expect("mkdir");
    std::fs::create_dir_all(dir.join("lib")).expect("mkdir");
    std::fs::write(dir.join("src/main.py"), "import pkg.mod\n").expect("write");
    std::fs::write(dir.join("src/pkg/mod.py"), "def f():\n    return 1\n").expect("write");
    std::fs::write(dir.join("lib/util.py"), "X = 1\n").expect("write");
    let output = run(
        Path::new(OURS),
        &dir,
        &["-o", "out", "-j", "2", "src", "lib/util.py"],
        None,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for (out, source_name) in [
        ("out/main.mpy", "main.py"),
        ("out/pkg/mod.mpy", "pkg/mod.py"),
        ("out/lib/util.mpy", "lib/util.py"),
    ] {
        let mpy = std::fs::read(dir.join(out)).unwrap_or_else(|e| panic!("{out}: {e}"));
        // qstr 0 is the embedded source name: header (4) + n_qstr + n_obj, then `len << 1` and the bytes.
        let name = source_name.as_bytes();
        let expected: Vec<u8> =
            [&[u8::try_from(name.len() << 1).expect("short")][..], name].concat();
        assert!(
            mpy.windows(expected.len())
                .any(|w| w == expected.as_slice()),
            "{out} lacks source name {source_name}"
        );
    }
    // Deterministic: a second run gives the same bytes.
    let first = std::fs::read(dir.join("out/pkg/mod.mpy")).expect("read");
    let again = run(Path::new(OURS), &dir, &["-o", "out2", "src"], None);
    assert!(again.status.success());
    assert_eq!(
        first,
        std::fs::read(dir.join("out2/pkg/mod.mpy")).expect("read")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn batch_mode_reports_every_error_and_fails() {
    let dir = scratch("batch-errors");
    std::fs::write(dir.join("good.py"), "x = 1\n").expect("write");
    std::fs::write(dir.join("bad1.py"), "x = (\n").expect("write");
    std::fs::write(dir.join("bad2.py"), "break\n").expect("write");
    let output = run(
        Path::new(OURS),
        &dir,
        &["good.py", "bad1.py", "bad2.py"],
        None,
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr.contains("File \"bad1.py\", line 2"), "{stderr}");
    assert!(
        stderr.contains("File \"bad2.py\", line 1, in <module>"),
        "{stderr}"
    );
    assert!(
        stderr.contains("compiled 1 of 3 files; 2 failed"),
        "{stderr}"
    );
    assert!(dir.join("good.mpy").exists());
    assert!(!dir.join("bad1.mpy").exists() && !dir.join("bad2.mpy").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn error_formats_rich_and_json() {
    let dir = scratch("formats");
    std::fs::write(dir.join("e.py"), "x = 1\nbreak\n").expect("write");
    let rich = run(
        Path::new(OURS),
        &dir,
        &["--error-format=rich", "e.py"],
        None,
    );
    let text = String::from_utf8_lossy(&rich.stderr);
    assert_eq!(rich.status.code(), Some(1));
    assert!(
        text.contains("SyntaxError: 'break'/'continue' outside loop") && text.contains("e.py:2:"),
        "{text}"
    );
    assert!(text.contains("^^^^^"), "caret under the statement: {text}");
    let json = run(
        Path::new(OURS),
        &dir,
        &["--error-format=json", "e.py"],
        None,
    );
    let value: serde_json::Value = serde_json::from_slice(&json.stderr).expect("one JSON object");
    assert_eq!(value["line"], 2);
    assert_eq!(value["column"], 1);
    assert_eq!(value["class"], "SyntaxError");
    assert_eq!(value["scope"], "<module>");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_error_leaves_an_existing_output_untouched() {
    let dir = scratch("untouched");
    std::fs::write(dir.join("a.py"), "x = (\n").expect("write");
    std::fs::write(dir.join("a.mpy"), b"previous").expect("write");
    let output = run(Path::new(OURS), &dir, &["a.py"], None);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read(dir.join("a.mpy")).expect("read"), b"previous");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `-o` naming something other than a regular file is written through, never replaced by a
/// rename: a symbolic link stays a link (its target gets the bytes), and a device such as
/// `/dev/null` stays a device (a rename over it, as root, once turned /dev/null into a
/// regular file and broke every later reader of it).
#[cfg(unix)]
#[test]
fn output_through_a_symlink_or_a_device_is_written_not_replaced() {
    let dir = scratch("through");
    std::fs::write(dir.join("a.py"), "x = 1\n").expect("write");
    std::fs::write(dir.join("target.mpy"), b"old").expect("write");
    std::os::unix::fs::symlink("target.mpy", dir.join("link.mpy")).expect("symlink");
    let output = run(Path::new(OURS), &dir, &["-o", "link.mpy", "a.py"], None);
    assert_eq!(output.status.code(), Some(0));
    let link = std::fs::symlink_metadata(dir.join("link.mpy")).expect("link");
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    assert!(std::fs::read(dir.join("target.mpy"))
        .expect("target")
        .starts_with(b"M\x06"));
    let output = run(Path::new(OURS), &dir, &["-o", "/dev/null", "a.py"], None);
    assert_eq!(output.status.code(), Some(0));
    let null = std::fs::symlink_metadata("/dev/null").expect("/dev/null");
    assert!(
        !null.file_type().is_file(),
        "/dev/null became a regular file"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Viper code where the reference emitter dies on an `assert` (exit 134, no message a user can
/// act on): (file, source, args, expected line, words of the message).
const VIPER_ASSERTS: &[(&str, &str, &[&str], u32, &str)] = &[
    (
        "global.py",
        "x = 1\ny = x + 2\n",
        &["-X", "emit=viper"],
        1,
        "can't store viper 'int' to a module or class name",
    ),
    (
        "dict.py",
        "@micropython.viper\ndef f(a: int):\n    n = 1\n    return {'a': n}\n",
        &[],
        4,
        "can't put viper 'int' into a dict",
    ),
    (
        "attr.py",
        "@micropython.viper\ndef f(a: int):\n    b = a + 1\n    return b.real\n",
        &[],
        4,
        "can't load an attribute of viper 'int'",
    ),
    (
        "iter.py",
        "@micropython.viper\ndef f(a: int):\n    for i in a:\n        pass\n",
        &[],
        3,
        "can't iterate over viper 'int'",
    ),
    (
        "cast.py",
        "@micropython.viper\ndef f(a: int):\n    x = int(a, 2)\n",
        &[],
        3,
        "a viper cast takes exactly one positional argument",
    ),
    (
        "call.py",
        "@micropython.viper\ndef f(a: int):\n    y = 0\n    a()\n",
        &[],
        4,
        "can't call viper 'int'",
    ),
];

#[test]
fn viper_asserts_of_the_reference_are_viper_type_errors() {
    let oracle = mpy_tests::oracle_mpy_cross();
    for (file, source, extra, line, words) in VIPER_ASSERTS {
        let dir = scratch(&format!("viper-assert-{file}"));
        std::fs::write(dir.join(file), source).expect("write input");
        let mut args = vec!["-march=armv7m"];
        args.extend_from_slice(extra);
        args.push(file);
        let output = run(Path::new(OURS), &dir, &args, None);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{file}: {stderr}");
        assert!(
            stderr.contains(&format!("File \"{file}\", line {line}, in ")),
            "{file}: {stderr}"
        );
        assert!(
            stderr.contains(&format!("ViperTypeError: {words}")),
            "{file}: {stderr}"
        );
        assert!(!dir.join(file.replace(".py", ".mpy")).exists(), "{file}");
        if let Some(oracle) = &oracle {
            // The reference aborts (SIGABRT: no exit code, or 134 through a shell).
            let reference = run(oracle, &dir, &args, None);
            let text = String::from_utf8_lossy(&reference.stderr);
            assert!(
                reference.status.code().is_none() && text.contains("Assertion `"),
                "{file}: the reference no longer asserts: {text}"
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    println!(
        "viper asserts: {} / {} ViperTypeError with line, exit 1",
        VIPER_ASSERTS.len(),
        VIPER_ASSERTS.len()
    );
}
