//! Native/viper programs in `tests/native/*.py` (pointer loads and stores, casts, generators,
//! closures, exception handling, `with`, async, viper type errors, the reference's asserts, too
//! many locals, the `asm_thumb`/`asm_xtensa` inline assemblers on their archs) compiled for every supported arch by the oracle and by us: identical bytes, or
//! the same error (class and line; where the reference aborts on an assert, a `ViperTypeError`
//! with a line).

use mpy_cross::{CompileOptions, EmitMode};
use mpy_format::arch::Arch;

/// (label, arch, `-march-flags` value).
const ARCHS: [(&str, Arch, u32); 13] = [
    ("armv6m", Arch::Armv6m, 0),
    ("armv7m", Arch::Armv7m, 0),
    ("armv7emsp", Arch::Armv7emsp, 0),
    ("armv7emdp", Arch::Armv7emdp, 0),
    ("xtensa", Arch::Xtensa, 0),
    ("xtensawin", Arch::Xtensawin, 0),
    ("x64", Arch::X64, 0),
    ("x86", Arch::X86, 0),
    ("armv6", Arch::Armv6, 0),
    ("rv32imc", Arch::Rv32imc, 0),
    ("rv32imc+zba", Arch::Rv32imc, 1),
    ("rv32imc+zcmp", Arch::Rv32imc, 2),
    ("rv32imc+zba,zcmp", Arch::Rv32imc, 3),
];

/// The reference's error as (class, line, assertion text if it aborted on an assert).
fn oracle_error(text: &str) -> (String, u32, Option<String>) {
    let line = mpy_tests::traceback_line(text);
    let last = text.lines().last().unwrap_or("");
    let class = last.split(':').next().unwrap_or("").trim().to_owned();
    let assertion = last
        .split_once(".c:")
        .and_then(|(_, rest)| rest.split_once(": "))
        .map(|(_, what)| what.to_owned())
        .filter(|what| what.contains("Assertion `"));
    (class, line, assertion)
}

#[test]
fn native_snippets_match_oracle() {
    if mpy_tests::oracle_mpy_cross().is_none() {
        return;
    }
    let dir = mpy_tests::workspace_root().join("tests/native");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/native exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "expected the native snippet files");
    let mut cases = Vec::new();
    for path in &paths {
        for (arch_name, arch, arch_flags) in ARCHS {
            for emit in [EmitMode::Bytecode, EmitMode::Native] {
                // `-X emit=native` on top of the decorators only for the feature tour and the
                // programs that print (`run_*.py`, also run by hand on the unix port).
                let name = path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                if emit == EmitMode::Native
                    && name != "native_features.py"
                    && !name.starts_with("run_")
                {
                    continue;
                }
                // Each inline assembler on its own archs (`asm_rv32` is not ported).
                if (name.starts_with("asm_thumb") && !arch_name.starts_with("arm"))
                    || (name.starts_with("asm_xtensa") && !arch_name.starts_with("xtensa"))
                    || (name.starts_with("asm_rv32") && !arch_name.starts_with("rv32"))
                {
                    continue;
                }
                cases.push((path.clone(), name, arch_name, arch, arch_flags, emit));
            }
        }
    }
    let results =
        mpy_tests::parallel_map(&cases, |(path, name, arch_name, arch, arch_flags, emit)| {
            let source = std::fs::read(path).expect("read snippet");
            let march = format!("-march={}", arch.name());
            let march_flags = format!("-march-flags={arch_flags}");
            let mut args = vec![march.as_str()];
            if *arch_flags != 0 {
                args.push(march_flags.as_str());
            }
            if *emit == EmitMode::Native {
                args.extend(["-X", "emit=native"]);
            }
            let oracle = mpy_tests::oracle_compile(&source, name, &args);
            let options = CompileOptions {
                source_name: name.clone(),
                emit: *emit,
                arch: Some(*arch),
                arch_flags: *arch_flags,
                ..CompileOptions::default()
            };
            let ours = mpy_tests::compile_with_ours(&source, &options);
            let label = format!("{name} {arch_name} {emit:?}");
            match (oracle, ours) {
                (Ok(expected), Ok(bytes)) if bytes == expected => Ok(label),
                (Ok(_), Ok(_)) => Err(format!("{label}: bytes differ")),
                (Ok(_), Err(e)) => Err(format!("{label}: we reject, oracle compiles: {e}")),
                (Err(text), Ok(_)) => Err(format!("{label}: we compile, oracle rejects: {text}")),
                (Err(text), Err(e)) => {
                    let (class, line, assertion) = oracle_error(&text);
                    // Where the reference aborts on an assert we report a ViperTypeError at a line.
                    let same = match assertion {
                        Some(_) => e.starts_with("ViperTypeError:") && !e.ends_with("(line 0)"),
                        None => e.starts_with(&class) && e.contains(&format!("(line {line})")),
                    };
                    if same {
                        Ok(label)
                    } else {
                        Err(format!("{label}: error differs: ours {e}; oracle {text}"))
                    }
                }
            }
        });
    let failures: Vec<&String> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    println!(
        "native snippets: identical or same error {} / {}",
        results.len() - failures.len(),
        results.len()
    );
    for f in &failures {
        println!("    {f}");
    }
    assert!(
        failures.is_empty(),
        "{} native snippet cases differ",
        failures.len()
    );
}
