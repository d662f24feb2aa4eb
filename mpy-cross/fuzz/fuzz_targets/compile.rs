//! Fuzz target: the whole pipeline — lexer, parser, scope analysis, compiler, bytecode emitter
//! and `.mpy` writer — must return bytes or an error for any source, under any option set,
//! without panicking; and whatever it writes must read back and validate with mpy-format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mpy_cross::{Arch, CompileOptions, EmitMode};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, source)) = data.split_first() else { return };
    let arch = match flags >> 5 {
        0 | 1 | 2 => None,
        3 => Some(Arch::Armv7m),
        4 => Some(Arch::Armv6m),
        5 => Some(Arch::X64),
        6 => Some(Arch::Xtensawin),
        _ => Some(Arch::Xtensa),
    };
    let options = CompileOptions {
        source_name: "fuzz.py".into(),
        optimize: flags & 3,
        small_int_bits: if flags & 4 == 0 { 31 } else { 15 },
        source_lines: flags & 8 == 0,
        emit: match (arch, flags & 16 != 0) {
            (Some(_), true) => EmitMode::Native,
            _ => EmitMode::Bytecode,
        },
        arch,
        ..CompileOptions::default()
    };
    if let Ok(mpy) = mpy_cross::compile(source, &options) {
        let file = mpy_format::MpyFile::read(&mpy).expect("our own output reads back");
        assert_eq!(file.write(), mpy, "our own output re-encodes identically");
        let problems = mpy_format::disasm::validate(&file);
        assert!(problems.is_empty(), "our own output validates: {problems:?}");
    }
});
