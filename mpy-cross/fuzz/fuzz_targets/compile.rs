//! Fuzz target: the whole pipeline — lexer, parser, scope analysis, compiler, bytecode emitter
//! and `.mpy` writer — must return bytes or an error for any source, under any option set
//! and input kind (module, `eval` expression, REPL line),
//! without panicking; and whatever it writes must read back and validate with mpy-format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mpy_cross::parse::InputKind;
use mpy_cross::{Arch, CompileOptions, EmitMode};

/// The targets the second input byte picks from (`None`: bytecode only), with their
/// `-march-flags`.
const ARCHS: [(Option<Arch>, u32); 14] = [
    (None, 0),
    (Some(Arch::Armv6m), 0),
    (Some(Arch::Armv7m), 0),
    (Some(Arch::Armv7emsp), 0),
    (Some(Arch::Armv7emdp), 0),
    (Some(Arch::Xtensa), 0),
    (Some(Arch::Xtensawin), 0),
    (Some(Arch::X64), 0),
    (Some(Arch::X86), 0),
    (Some(Arch::Armv6), 0),
    (Some(Arch::Rv32imc), 0),
    (Some(Arch::Rv32imc), 3), // zba, zcmp
    (Some(Arch::Debug), 0),
    (Some(Arch::Rv64imc), 0), // no native emitter: errors only
];

fuzz_target!(|data: &[u8]| {
    let [flags, arch_byte, source @ ..] = data else { return };
    let (arch, arch_flags) = ARCHS[usize::from(*arch_byte) % ARCHS.len()];
    let options = CompileOptions {
        source_name: "fuzz.py".into(),
        optimize: flags & 3,
        small_int_bits: if flags & 4 == 0 { 31 } else { 15 },
        source_lines: flags & 8 == 0,
        emit: match (arch, flags & 48) {
            (Some(_), 16) => EmitMode::Native,
            (Some(_), 32) => EmitMode::Viper,
            _ => EmitMode::Bytecode,
        },
        arch,
        arch_flags,
        // What a runtime's eval / compile(.., "single") hands the compiler, now and then.
        input: match flags >> 6 {
            2 => InputKind::Eval,
            3 => InputKind::Single,
            _ => InputKind::File,
        },
        ..CompileOptions::default()
    };
    if let Ok(mpy) = mpy_cross::compile(source, &options) {
        let file = mpy_format::MpyFile::read(&mpy).expect("our own output reads back");
        assert_eq!(file.write(), mpy, "our own output re-encodes identically");
        let problems = mpy_format::disasm::validate(&file);
        assert!(problems.is_empty(), "our own output validates: {problems:?}");
    }
});
