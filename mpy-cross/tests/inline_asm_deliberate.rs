//! Deliberate differences of the inline assemblers' `align()` and `data()`: where the
//! reference writes a broken function (`align(0)` moves the code position back to 0, so later
//! instructions overwrite earlier ones) we raise a located `SyntaxError`; where it runs out of
//! memory (a negative `data()` size is a 4 GiB request) we raise `MemoryError`. Alignments and
//! sizes the reference handles (odd ones included) still compile.

use mpy_cross::{compile, CompileOptions};
use mpy_format::arch::Arch;

fn thumb(body: &str) -> Result<Vec<u8>, mpy_cross::CompileError> {
    let source = format!(
        "@micropython.asm_thumb\ndef f(r0):\n    mov(r0, 1)\n    {body}\n    add(r0, r0, 1)\n"
    );
    let options = CompileOptions {
        source_name: "al.py".into(),
        arch: Some(Arch::Armv7m),
        ..CompileOptions::default()
    };
    compile(source.as_bytes(), &options)
}

#[test]
fn align_zero_is_a_located_syntax_error() {
    let e = thumb("align(0)").expect_err("align(0) is refused");
    assert_eq!(e.class.name(), "SyntaxError");
    assert_eq!(e.line, 4);
    assert!(e.message.contains("backwards"), "{}", e.message);
}

#[test]
fn huge_or_negative_sizes_are_memory_errors() {
    for body in ["data(-1, 1)", "data(99999999, 1)", "align(33554432)"] {
        let e = thumb(body).expect_err(body);
        assert_eq!(e.class.name(), "MemoryError", "{body}: {}", e.message);
    }
}

#[test]
fn alignments_and_sizes_the_reference_handles_compile() {
    for body in [
        "align(2)",
        "align(3)",
        "align(8)",
        "align(-4)",
        "align(99999999)",
        "data(0, 1)",
        "data(3, 0x123456)",
        "data(12, 1)",
    ] {
        assert!(thumb(body).is_ok(), "{body}");
    }
}
