//! Golden disassemblies: each `mpy-format/tests/golden/*.py` is compiled by the oracle and the
//! output of `mpy_format::disasm::disassemble` must equal the checked-in `.txt` next to it.
//! `MPY_BLESS=1` rewrites the `.txt` files (review the diff).

use std::process::Command;

use mpy_format::disasm::{disassemble, validate};
use mpy_format::MpyFile;

/// Extra mpy-cross flags per golden file.
fn flags_for(name: &str) -> &'static [&'static str] {
    match name {
        "native" => &["-march=armv7m"],
        "native_x64" => &["-march=x64"],
        _ => &[],
    }
}

#[test]
fn golden_disassemblies() {
    let Some(oracle) = mpy_tests::oracle_mpy_cross() else {
        return;
    };
    let golden = mpy_tests::workspace_root().join("mpy-format/tests/golden");
    let bless = std::env::var_os("MPY_BLESS").is_some_and(|v| v == "1");
    let tmp = std::env::temp_dir().join(format!("mpy-format-golden-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut sources: Vec<_> = std::fs::read_dir(&golden)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    sources.sort();
    assert!(
        sources.len() >= 4,
        "golden sources missing in {}",
        golden.display()
    );
    let mut mismatched = Vec::new();
    for source in &sources {
        let name = source.file_stem().unwrap().to_str().unwrap();
        let mpy = tmp.join(format!("{name}.mpy"));
        let out = Command::new(&oracle)
            .args(flags_for(name))
            .arg("-s")
            .arg(format!("{name}.py"))
            .arg("-o")
            .arg(&mpy)
            .arg(source)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bytes = std::fs::read(&mpy).unwrap();
        let file = MpyFile::read(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(file.write(), bytes, "{name}: re-encoding differs");
        assert_eq!(validate(&file), vec![], "{name}");
        let text = disassemble(&file);
        let expected_path = source.with_extension("txt");
        if bless {
            std::fs::write(&expected_path, &text).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != text {
            let line = expected
                .lines()
                .zip(text.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0)
                + 1;
            mismatched.push(format!("{name}: first difference at line {line}"));
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    println!(
        "golden disassembly: identical {} / {}",
        sources.len() - mismatched.len(),
        sources.len()
    );
    assert!(
        mismatched.is_empty(),
        "{mismatched:#?} (run with MPY_BLESS=1 to regenerate, then review the diff)"
    );
}
