//! Firmware C output for the fixture manifests: golden files (regenerate with `MPY_BLESS=1`,
//! review the diff), plus checks that every function's bytes in the C are the `.mpy` fun_data
//! and every pool qstr appears once.
//!
//! The goldens were checked line for line against the reference flow (tools/makemanifest.py
//! with tools/mpy-tool.py -f, same mpy-cross, same qstr header) when they were blessed.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use freeze::cfreeze::{fun_data_arrays, pool_qstrs, CConfig};
use freeze::output::{build, Request};
use freeze::project::WalkOrder;
use freeze::qstr::QstrConfig;
use freeze::{CompileOptions, Compiler};
use mpy_format::Arch;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read fixture dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy fixture");
        }
    }
}

struct Case {
    name: &'static str,
    arch: Option<Arch>,
    qstr_header: bool,
}

const CASES: [Case; 4] = [
    Case {
        name: "packages",
        arch: None,
        qstr_header: false,
    },
    Case {
        name: "require",
        arch: None,
        qstr_header: true,
    },
    Case {
        name: "mpy_inputs",
        arch: None,
        qstr_header: true,
    },
    Case {
        name: "native",
        arch: Some(Arch::Armv7m),
        qstr_header: true,
    },
];

/// Run one case in a scratch copy of its fixture; returns the C text with the scratch path
/// replaced by `$FIXTURE`, and the `.mpy` files that went in.
fn run_case(case: &Case, compiler: &Compiler) -> (String, Vec<mpy_format::MpyFile>) {
    // One scratch tree per compiler, so the tests can run in parallel.
    let tag = if matches!(compiler, Compiler::Library) {
        "library"
    } else {
        "external"
    };
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("c_golden")
        .join(tag)
        .join(case.name);
    let _ = std::fs::remove_dir_all(&scratch);
    copy_dir(&fixtures().join(case.name), &scratch);
    if case.name == "mpy_inputs" {
        let Compiler::External(mpy_cross) = compiler else {
            panic!("mpy_inputs needs the reference mpy-cross")
        };
        let status = Command::new(mpy_cross)
            .arg("-o")
            .arg(scratch.join("modules/pre.mpy"))
            .args(["-s", "pre.py"])
            .arg(scratch.join("src/pre.py"))
            .status()
            .expect("mpy-cross runs");
        assert!(status.success());
    }
    let qstr = if case.qstr_header {
        QstrConfig::from_header(&fixtures().join("qstrdefs.preprocessed.h")).expect("qstr header")
    } else {
        QstrConfig::default()
    };
    let request = Request {
        manifests: vec![scratch.join("manifest.py")],
        vars: vec![("BOARD_DIR".into(), scratch.to_string_lossy().into_owned())],
        compiler: compiler.clone(),
        options: CompileOptions {
            arch: case.arch,
            ..CompileOptions::default()
        },
        c_config: CConfig {
            qstr,
            ..CConfig::default()
        },
        build_dir: "build".into(),
        c_out: Some(scratch.join("frozen_content.c")),
        // The goldens list directory walks by name; the file system's order (the default,
        // the reference's) differs between machines.
        walk_order: WalkOrder::Sorted,
        ..Request::default()
    };
    let outputs = build(&request).expect("freezes");
    let c = String::from_utf8(outputs.files[0].1.clone()).expect("utf-8 C");
    let files = freeze::output::collect_files(&request).expect("files");
    let compiled =
        freeze::project::compile_project(&files, &request.compiler, &request.options, "build")
            .expect("compiles");
    let mpys = compiled.modules.into_iter().map(|m| m.mpy).collect();
    (
        c.replace(scratch.to_string_lossy().as_ref(), "$FIXTURE"),
        mpys,
    )
}

#[test]
fn c_output_matches_goldens() {
    let Some(mpy_cross) = mpy_tests::oracle_mpy_cross() else {
        return;
    };
    let bless = std::env::var_os("MPY_BLESS").is_some();
    let golden_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut same = 0;
    let mut functions = 0;
    for case in &CASES {
        let (c, mpys) = run_case(case, &Compiler::External(mpy_cross.clone()));
        let golden_path = golden_dir.join(format!("{}.c", case.name));
        if bless {
            std::fs::create_dir_all(&golden_dir).expect("mkdir golden");
            std::fs::write(&golden_path, &c).expect("write golden");
        }
        let golden = std::fs::read_to_string(&golden_path).unwrap_or_default();
        if golden == c {
            same += 1;
        } else {
            eprintln!(
                "{} differs from {} (MPY_BLESS=1 to regenerate)",
                case.name,
                golden_path.display()
            );
        }

        // Every fun_data array is some function's .mpy fun_data, one for one.
        let mut expected: BTreeMap<Vec<u8>, usize> = BTreeMap::new();
        for mpy in &mpys {
            for rc in mpy.root.walk() {
                *expected.entry(rc.fun_data.clone()).or_default() += 1;
            }
        }
        let mut found: BTreeMap<Vec<u8>, usize> = BTreeMap::new();
        for bytes in fun_data_arrays(&c).into_values() {
            *found.entry(bytes).or_default() += 1;
        }
        assert_eq!(
            found, expected,
            "{}: fun_data arrays differ from the .mpy functions",
            case.name
        );
        functions += expected.values().sum::<usize>();

        // Every pool qstr once; every qstr the tables use is in the pool or the firmware.
        let pool = pool_qstrs(&c);
        let unique: HashSet<&String> = pool.iter().collect();
        assert_eq!(
            unique.len(),
            pool.len(),
            "{}: a qstr is defined twice",
            case.name
        );
        let firmware = if case.qstr_header {
            QstrConfig::from_header(&fixtures().join("qstrdefs.preprocessed.h"))
                .expect("header")
                .firmware_idents
        } else {
            QstrConfig::default().firmware_idents
        };
        for line in c
            .lines()
            .filter(|l| l.starts_with("    MP_QSTR_") && l.ends_with(',') && !l.contains('='))
        {
            let ident = line.trim().trim_end_matches(',');
            let bare = ident.trim_start_matches("MP_QSTR_");
            assert!(
                unique.contains(&ident.to_string()) || firmware.contains(bare),
                "{}: {ident} is neither in the pool nor in the firmware",
                case.name
            );
        }
    }
    println!(
        "C goldens identical {same} / {}; {functions} functions checked byte for byte",
        CASES.len()
    );
    assert_eq!(same, CASES.len());
}

/// The production path (the in-process compiler) gives the same C as the reference binary for
/// the bytecode-only cases. (Native code waits for the compiler's native emitters.)
#[test]
fn library_compiler_gives_the_golden_c() {
    let golden_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut same = 0;
    let cases: Vec<&Case> = CASES
        .iter()
        .filter(|c| c.arch.is_none() && c.name != "mpy_inputs")
        .collect();
    for case in &cases {
        let (c, _) = run_case(case, &Compiler::Library);
        let golden =
            std::fs::read_to_string(golden_dir.join(format!("{}.c", case.name))).expect("golden");
        if c == golden {
            same += 1;
        } else {
            eprintln!(
                "{}: in-process compiler output differs from the golden",
                case.name
            );
        }
    }
    println!(
        "in-process compiler: C identical to goldens {same} / {}",
        cases.len()
    );
    assert_eq!(same, cases.len());
}
