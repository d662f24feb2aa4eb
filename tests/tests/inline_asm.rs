//! The inline-assembler corpus (`tests/inline_asm/{thumb,xtensa,rv32}/*.py`, written by
//! `tests/inline_asm/gen.py`) compiled on every arch by the oracle and by us: identical bytes,
//! or the same error (class, message and line). Also checks that the corpus uses every
//! mnemonic each assembler accepts (py/emitinline{thumb,xtensa,rv32}.c) in a file the oracle
//! accepts on that arch, and raises every error message those files and
//! `compile_scope_inline_asm` (py/compile.c) can raise.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use mpy_cross::CompileOptions;
use mpy_format::arch::Arch;

/// Every file is compiled for each of these (`@micropython.asm_*` picks the assembler by arch,
/// not by decorator; x64 has none: "invalid arch"). `rv32imc_zba_zcmp` is rv32imc with
/// `-march-flags=zba,zcmp` for every file; plain rv32imc takes the flags of a file's
/// `# flags:` line.
const ARCHS: [(&str, Arch); 11] = [
    ("armv6", Arch::Armv6),
    ("armv6m", Arch::Armv6m),
    ("armv7m", Arch::Armv7m),
    ("armv7em", Arch::Armv7em),
    ("armv7emsp", Arch::Armv7emsp),
    ("armv7emdp", Arch::Armv7emdp),
    ("xtensa", Arch::Xtensa),
    ("xtensawin", Arch::Xtensawin),
    ("rv32imc", Arch::Rv32imc),
    ("rv32imc_zba_zcmp", Arch::Rv32imc),
    ("x64", Arch::X64),
];

const CC: [&str; 14] = [
    "eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le",
];

/// Thumb-1 instructions (every Thumb arch, incl. armv6's inline assembler), besides the
/// `b<cc>` / `b<cc>_n` family added by [`thumb1_mnemonics`].
const THUMB1: &[&str] = &[
    "nop", "wfi", "b", "bl", "bx", "cpsid", "cpsie", "push", "pop", "mov", "and_", "eor", "lsl",
    "lsr", "asr", "adc", "sbc", "ror", "tst", "neg", "cmp", "cmn", "orr", "mul", "bic", "mvn",
    "add", "sub", "ldr", "ldrb", "ldrh", "str", "strb", "strh",
];

/// Thumb-2 instructions (armv7m and up), besides `b<cc>_w` and the `it` family.
const THUMB2: &[&str] = &[
    "clz", "rbit", "mrs", "movw", "movt", "movwt", "ldrex", "strex", "sdiv", "udiv",
];

/// VFP instructions (armv7emsp, armv7emdp).
const VFP: &[&str] = &[
    "vcmp",
    "vsqrt",
    "vneg",
    "vcvt_f32_s32",
    "vcvt_s32_f32",
    "vmrs",
    "vmov",
    "vldr",
    "vstr",
    "vadd",
    "vsub",
    "vmul",
    "vdiv",
];

/// `OPCODE_TABLE` (without the uncommon opcodes, off in mpy-cross) and the special cases.
const XTENSA: &[&str] = &[
    "abs_", "add", "add_n", "addi", "addx2", "addx4", "addx8", "and_", "callx0", "jx", "l16si",
    "l16ui", "l32i", "l8ui", "mov", "mov_n", "mull", "neg", "nop", "nop_n", "nsa", "nsau", "or_",
    "ret", "ret_n", "s16i", "s32i", "s8i", "sll", "sra", "src", "srl", "ssa8b", "ssa8l", "ssl",
    "ssr", "sub", "subx2", "subx4", "subx8", "xor", "j", "ssai", "call0", "beqz", "bnez", "bltz",
    "bgez", "beqz_n", "bnez_n", "movi", "l32r", "movi_n", "bnone", "beq", "blt", "bltu", "ball",
    "bbc", "bany", "bne", "bge", "bgeu", "bnall", "bbs", "addi_n", "addmi", "bbci", "bbsi", "slli",
    "srai", "srli", "l32i_n", "s32i_n",
];

/// `OPCODES` in py/emitinlinerv32.c (`sh*add` need zba) and the Zcmp opcodes.
const RV32: &[&str] = &[
    "add",
    "addi",
    "and_",
    "andi",
    "auipc",
    "beq",
    "bge",
    "bgeu",
    "blt",
    "bltu",
    "bne",
    "csrrc",
    "csrrs",
    "csrrw",
    "csrrci",
    "csrrsi",
    "csrrwi",
    "c_add",
    "c_addi",
    "c_addi4spn",
    "c_and",
    "c_andi",
    "c_beqz",
    "c_bnez",
    "c_ebreak",
    "c_j",
    "c_jal",
    "c_jalr",
    "c_jr",
    "c_li",
    "c_lui",
    "c_lw",
    "c_lwsp",
    "c_mv",
    "c_nop",
    "c_or",
    "c_slli",
    "c_srai",
    "c_srli",
    "c_sub",
    "c_sw",
    "c_swsp",
    "c_xor",
    "div",
    "divu",
    "ebreak",
    "ecall",
    "jal",
    "jalr",
    "la",
    "lb",
    "lbu",
    "lh",
    "lhu",
    "li",
    "lui",
    "lw",
    "mv",
    "mul",
    "mulh",
    "mulhsu",
    "mulhu",
    "or_",
    "ori",
    "rem",
    "remu",
    "sb",
    "sh",
    "sh1add",
    "sh2add",
    "sh3add",
    "sll",
    "slli",
    "slt",
    "slti",
    "sltiu",
    "sltu",
    "sra",
    "srai",
    "srl",
    "srli",
    "sub",
    "sw",
    "xor",
    "xori",
    "cm_push",
    "cm_pop",
    "cm_popret",
    "cm_popretz",
    "cm_mva01s",
    "cm_mvsa01",
];

/// Every message the inline assemblers and `compile_scope_inline_asm` can raise, as the
/// reference's format strings (`%s`, `%d`, `%q`, `%x` match any text).
const MESSAGES: &[&str] = &[
    // py/compile.c
    "SyntaxError: inline assembler must be a function",
    "SyntaxError: unknown type",
    "SyntaxError: return annotation must be an identifier",
    "SyntaxError: expecting an assembler instruction",
    "SyntaxError: 'label' requires 1 argument",
    "SyntaxError: label redefined",
    "SyntaxError: 'align' requires 1 argument",
    "SyntaxError: 'data' requires at least 2 arguments",
    "SyntaxError: 'data' requires integer arguments",
    "SyntaxError: invalid arch",
    // py/emitinlinethumb.c
    "SyntaxError: can only have up to 4 parameters to Thumb assembly",
    "SyntaxError: parameters must be registers in sequence r0 to r3",
    "SyntaxError: '%s' expects at most r%d",
    "SyntaxError: '%s' expects a register",
    "SyntaxError: '%s' expects a special register",
    "SyntaxError: '%s' expects an FPU register",
    "SyntaxError: '%s' expects {r0, r1, ...}",
    "SyntaxError: '%s' expects an integer",
    "SyntaxError: '%s' integer 0x%x doesn't fit in mask 0x%x",
    "SyntaxError: '%s' expects an address of the form [a, b]",
    "SyntaxError: '%s' expects a label",
    "SyntaxError: label '%q' not defined",
    "SyntaxError: unsupported Thumb instruction '%s' with %d arguments",
    "SyntaxError: branch not in range",
    // py/emitinlinextensa.c, py/asmxtensa.c
    "SyntaxError: can only have up to 4 parameters to Xtensa assembly",
    "SyntaxError: parameters must be registers in sequence a2 to a5",
    "SyntaxError: '%s' integer %d isn't within range %d..%d",
    "SyntaxError: %d is not a multiple of %d",
    "SyntaxError: unsupported Xtensa instruction '%s' with %d arguments",
    "RuntimeError: ERROR: xtensa bccz out of range",
    "RuntimeError: ERROR: xtensa bcc out of range",
    "RuntimeError: ERROR: xtensa bit_branch out of range",
    "RuntimeError: ERROR: xtensa call0 out of range",
    "RuntimeError: ERROR: call0 target not word-aligned",
    "RuntimeError: ERROR: call0 location not word-aligned",
    "RuntimeError: ERROR: l32r target not word-aligned",
    "RuntimeError: ERROR: l32r location not word-aligned",
    "RuntimeError: ERROR: xtensa l32r out of range",
    // py/emitinlinerv32.c
    "SyntaxError: can only have up to 4 parameters for RV32 assembly",
    "SyntaxError: parameters must be registers in sequence a0 to a3",
    "SyntaxError: opcode '%q' argument %d: expecting register",
    "SyntaxError: opcode '%q' argument %d: expecting integer",
    "SyntaxError: opcode '%q' argument %d: expecting label",
    "SyntaxError: opcode '%q' argument %d: expecting offset",
    "SyntaxError: opcode '%q': expecting %d arguments",
    "SyntaxError: opcode '%q' argument %d: out of range",
    "SyntaxError: opcode '%q' argument %d: unknown register",
    "SyntaxError: opcode '%q' argument %d: undefined label '%q'",
    "SyntaxError: opcode '%q' argument %d: must not be zero",
    "SyntaxError: invalid RV32 instruction '%q'",
    // mp_obj_get_int on a Zcmp stack adjustment past a machine word (py/obj.c)
    "OverflowError: overflow converting long int to machine word",
];

/// Messages in the reference's source that no input can raise, and why.
const UNREACHABLE: &[(&str, &str)] = &[
    (
        "SyntaxError: opcode '%q': registers must be different",
        "handle_zcmp_opcode returns false after writing its message, and \
         emit_inline_rv32_opcode then overwrites it with 'invalid RV32 instruction' \
         (err_zcmp_same)",
    ),
    (
        "SyntaxError: opcode '%q': malformed register list",
        "overwritten the same way (err_zcmp_reglist*)",
    ),
    (
        "SyntaxError: opcode '%q': invalid stack adjustment",
        "overwritten the same way (err_zcmp_adjust_*)",
    ),
    (
        "SyntaxError: opcode '%q' argument %d: wrong register(s)",
        "overwritten the same way (err_zcmp_wrong_reg*)",
    ),
];

fn thumb1_mnemonics() -> Vec<String> {
    let mut all: Vec<String> = THUMB1.iter().map(|s| (*s).to_owned()).collect();
    for cc in CC {
        all.push(format!("b{cc}"));
        all.push(format!("b{cc}_n"));
    }
    all
}

fn thumb2_mnemonics() -> Vec<String> {
    let mut all: Vec<String> = THUMB2.iter().map(|s| (*s).to_owned()).collect();
    for cc in CC {
        all.push(format!("b{cc}_w"));
    }
    // it, it{t,e}, it{t,e}{t,e}, it{t,e}{t,e}{t,e}
    let mut suffixes = vec![String::new()];
    let mut last = vec![String::new()];
    for _ in 0..3 {
        last = last
            .iter()
            .flat_map(|s| [format!("{s}t"), format!("{s}e")])
            .collect();
        suffixes.extend(last.iter().cloned());
    }
    all.extend(suffixes.iter().map(|s| format!("it{s}")));
    all
}

/// The mnemonics an arch's assembler accepts.
fn accepted(arch: &str) -> Vec<String> {
    let mut all = Vec::new();
    if arch.starts_with("armv") {
        all.extend(thumb1_mnemonics());
    }
    if matches!(arch, "armv7m" | "armv7em" | "armv7emsp" | "armv7emdp") {
        all.extend(thumb2_mnemonics());
    }
    if matches!(arch, "armv7emsp" | "armv7emdp") {
        all.extend(VFP.iter().map(|s| (*s).to_owned()));
    }
    if arch.starts_with("xtensa") {
        all.extend(XTENSA.iter().map(|s| (*s).to_owned()));
    }
    if arch.starts_with("rv32imc") {
        all.extend(RV32.iter().map(|s| (*s).to_owned()));
    }
    all
}

/// `name(` at the start of an indented line: the instructions a file uses.
fn mnemonics_in(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter(|l| l.starts_with("    "))
        .filter_map(|l| {
            let t = l.trim_start();
            let name: String = t
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            (!name.is_empty() && t[name.len()..].starts_with('(')).then_some(name)
        })
        .collect()
}

/// `*`-style match of a reference format string (`%s`, `%d`, `%q`, `%x` match any text).
fn matches_template(template: &str, text: &str) -> bool {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(pos) = rest.find('%') {
        parts.push(&rest[..pos]);
        rest = rest.get(pos + 2..).unwrap_or("");
    }
    parts.push(rest);
    let Some(first) = parts.first() else {
        return false;
    };
    let Some(mut remaining) = text.strip_prefix(first) else {
        return false;
    };
    let last = parts.len() - 1;
    for (i, part) in parts.iter().enumerate().skip(1) {
        if i == last {
            return remaining.ends_with(part) && remaining.len() >= part.len();
        }
        match remaining.find(part) {
            Some(pos) => remaining = &remaining[pos + part.len()..],
            None => return false,
        }
    }
    remaining.is_empty()
}

/// One corpus file: its path, name, source and first-line directives.
struct Case {
    name: String,
    source: Vec<u8>,
    /// `# flags: ...` (both compilers, rv32imc only).
    flags: Vec<String>,
    /// `# oracle: ...` (the reference only).
    oracle_args: Vec<String>,
}

fn corpus() -> Vec<Case> {
    let root = mpy_tests::workspace_root().join("tests/inline_asm");
    let mut cases = Vec::new();
    for sub in ["thumb", "xtensa", "rv32"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(sub))
            .expect("tests/inline_asm/<arch> exists")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        paths.sort();
        for path in paths {
            let source = std::fs::read(&path).expect("read corpus file");
            let text = String::from_utf8_lossy(&source).into_owned();
            let first = text.lines().next().unwrap_or("");
            let words = |prefix: &str| -> Vec<String> {
                first
                    .strip_prefix(prefix)
                    .map(|r| r.split_whitespace().map(str::to_owned).collect())
                    .unwrap_or_default()
            };
            let file = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            cases.push(Case {
                name: format!("{sub}/{file}"),
                flags: words("# flags:"),
                oracle_args: words("# oracle:"),
                source,
            });
        }
    }
    cases
}

/// The oracle's error as (last line "Class: message", traceback line, aborted on an assert).
fn oracle_error(text: &str) -> (String, u32, bool) {
    let line = mpy_tests::traceback_line(text);
    let last = text.lines().last().unwrap_or("").trim().to_owned();
    let assert = last.contains("Assertion `");
    (last, line, assert)
}

enum Outcome {
    /// Oracle and we produced the same bytes.
    Identical,
    /// Same error class, message and line.
    SameError(String),
    /// The reference aborted on an assert; we gave a located error instead.
    ReferenceAssert,
    Differs(String),
}

#[test]
#[allow(clippy::too_many_lines)]
fn inline_asm_corpus_matches_oracle() {
    if mpy_tests::oracle_mpy_cross().is_none() {
        return;
    }
    let cases = corpus();
    assert!(cases.len() >= 280, "expected the inline asm corpus");
    let jobs: Vec<(usize, &str, Arch)> = (0..cases.len())
        .flat_map(|i| ARCHS.iter().map(move |(n, a)| (i, *n, *a)))
        .collect();
    let results = mpy_tests::parallel_map(&jobs, |&(i, arch_name, arch)| {
        let case = &cases[i];
        let all_flags = ["-march-flags=zba,zcmp".to_owned()];
        let (march, flags) = match arch_name.split_once('_') {
            Some((base, _)) => (format!("-march={base}"), &all_flags[..]),
            None => (format!("-march={arch_name}"), &case.flags[..]),
        };
        let mut args = vec![march.as_str()];
        let mut arch_flags = 0;
        if arch == Arch::Rv32imc {
            args.extend(flags.iter().map(String::as_str));
            for f in flags {
                if let Some(list) = f.strip_prefix("-march-flags=") {
                    for ext in list.split(',') {
                        arch_flags |= match ext {
                            "zba" => 1,
                            "zcmp" => 2,
                            _ => 0,
                        };
                    }
                }
            }
        }
        args.extend(case.oracle_args.iter().map(String::as_str));
        let oracle = mpy_tests::oracle_compile(&case.source, &case.name, &args);
        let options = CompileOptions {
            source_name: case.name.clone(),
            arch: Some(arch),
            arch_flags,
            ..CompileOptions::default()
        };
        let ours = mpy_tests::compile_with_ours(&case.source, &options);
        let label = format!("{} {arch_name}", case.name);
        match (oracle, ours) {
            (Ok(expected), Ok(bytes)) if bytes == expected => Outcome::Identical,
            (Ok(_), Ok(_)) => Outcome::Differs(format!("{label}: bytes differ")),
            (Ok(_), Err(e)) => {
                Outcome::Differs(format!("{label}: we reject, oracle compiles: {e}"))
            }
            (Err(text), Ok(_)) => {
                Outcome::Differs(format!("{label}: we compile, oracle rejects: {text}"))
            }
            (Err(text), Err(e)) => {
                let (message, line, assert) = oracle_error(&text);
                if assert {
                    // The reference aborts (exit 134); we must give an error with a line.
                    if !e.starts_with("panic") && !e.ends_with("(line 0)") {
                        Outcome::ReferenceAssert
                    } else {
                        Outcome::Differs(format!("{label}: oracle asserts, we give {e}"))
                    }
                } else if e == format!("{message} (line {line})") {
                    Outcome::SameError(message)
                } else {
                    Outcome::Differs(format!(
                        "{label}: error differs: ours {e}; oracle {message} (line {line})"
                    ))
                }
            }
        }
    });

    // Per arch counts.
    let mut failures = Vec::new();
    let mut used: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut messages: BTreeSet<String> = BTreeSet::new();
    for (arch_name, _) in ARCHS {
        let (mut ok, mut ok_total, mut err, mut err_total, mut asserts) = (0, 0, 0, 0, 0);
        for (&(i, a, _), r) in jobs.iter().zip(&results) {
            if a != arch_name {
                continue;
            }
            match r {
                Outcome::Identical => {
                    ok += 1;
                    ok_total += 1;
                    let text = String::from_utf8_lossy(&cases[i].source).into_owned();
                    used.entry(arch_name)
                        .or_default()
                        .extend(mnemonics_in(&text));
                }
                Outcome::SameError(m) => {
                    err += 1;
                    err_total += 1;
                    messages.insert(m.clone());
                }
                Outcome::ReferenceAssert => {
                    err += 1;
                    err_total += 1;
                    asserts += 1;
                }
                Outcome::Differs(why) => {
                    if why.contains("oracle compiles") || why.contains("bytes differ") {
                        ok_total += 1;
                    } else {
                        err_total += 1;
                    }
                    failures.push(why.clone());
                }
            }
        }
        println!(
            "inline asm {arch_name}: identical {ok} / {ok_total}; errors match {err} / {err_total} \
             ({asserts} where the reference aborts on an assert)"
        );
        assert!(
            ok >= mpy_tests::ratchet(&format!("inline_asm.{arch_name}_identical")),
            "{arch_name}: identical count below its floor"
        );
        assert!(
            err >= mpy_tests::ratchet(&format!("inline_asm.{arch_name}_errors")),
            "{arch_name}: matching error count below its floor"
        );
    }
    for f in &failures {
        println!("    {f}");
    }

    // Every accepted mnemonic appears in a file the oracle (and we, identically) accept.
    let mut missing = Vec::new();
    for (arch_name, _) in ARCHS {
        let have = used.get(arch_name).cloned().unwrap_or_default();
        for m in accepted(arch_name) {
            if !have.contains(&m) {
                missing.push(format!("{arch_name}: {m}"));
            }
        }
    }
    let n_mnemonics: usize = ARCHS.iter().map(|(n, _)| accepted(n).len()).sum();
    println!(
        "inline asm mnemonics covered: {} / {n_mnemonics} (arch, mnemonic) pairs",
        n_mnemonics - missing.len()
    );
    for m in &missing {
        println!("    mnemonic not covered: {m}");
    }

    // Every message template is raised (identically) by some file on some arch.
    let unreached: Vec<&str> = MESSAGES
        .iter()
        .copied()
        .filter(|t| !messages.iter().any(|m| matches_template(t, m)))
        .collect();
    let n_messages = MESSAGES.len();
    println!(
        "inline asm error messages covered: {} / {}",
        n_messages - unreached.len(),
        n_messages
    );
    for m in &unreached {
        println!("    message not covered: {m}");
    }
    for (m, why) in UNREACHABLE {
        println!("    unreachable in the reference: {m}: {why}");
    }
    let unknown: Vec<&String> = messages
        .iter()
        .filter(|m| !MESSAGES.iter().any(|t| matches_template(t, m)))
        .filter(|m| !UNREACHABLE.iter().any(|(t, _)| matches_template(t, m)))
        .collect();
    for m in &unknown {
        println!("    message outside the list: {m}");
    }

    assert!(
        failures.is_empty(),
        "{} inline asm cases differ",
        failures.len()
    );
    assert!(
        missing.is_empty(),
        "{} mnemonics not covered",
        missing.len()
    );
    assert!(
        unreached.is_empty(),
        "{} messages not covered",
        unreached.len()
    );
    assert!(
        unknown.is_empty(),
        "{} messages outside the list",
        unknown.len()
    );
}

#[test]
fn template_matching() {
    assert!(matches_template(
        "SyntaxError: '%s' integer 0x%x doesn't fit in mask 0x%x",
        "SyntaxError: 'mov' integer 0x100 doesn't fit in mask 0xff"
    ));
    assert!(!matches_template(
        "SyntaxError: '%s' expects a register",
        "SyntaxError: 'mov' expects a special register"
    ));
    assert!(matches_template(
        "SyntaxError: label redefined",
        "SyntaxError: label redefined"
    ));
    assert!(!matches_template(
        "SyntaxError: label redefined",
        "SyntaxError: label redefined!"
    ));
    assert_eq!(
        mnemonics_in("@micropython.asm_thumb\ndef f():\n    add(r0, 1)\n    label(x)\n    x = 1\n"),
        ["add", "label"].iter().map(|s| (*s).to_owned()).collect()
    );
    assert_eq!(
        thumb2_mnemonics()
            .iter()
            .filter(|m| m.starts_with("it"))
            .count(),
        15
    );
}
