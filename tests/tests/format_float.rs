//! `mpy_format::float_repr` against the oracle: files full of float and imaginary literals are
//! compiled by mpy-cross; the constant texts it stored must equal
//! `format_float_repr(parse_decimal(literal))` (and the complex form) for every literal.

use std::path::Path;
use std::process::Command;

use mpy_format::float_repr::{format_complex_imag_repr, format_float_repr, parse_decimal};
use mpy_format::{Constant, MpyFile};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Python literal texts: random bit patterns, decimals of many lengths, powers of ten and two,
/// neighbours of powers of ten, subnormals, and long digit strings that overflow the parser's mantissa.
fn literals() -> Vec<String> {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut out = Vec::new();
    for _ in 0..6000 {
        let f = f64::from_bits(rng.next() & 0x7fff_ffff_ffff_ffff);
        if f.is_finite() {
            out.push(format!("{f:?}"));
        }
    }
    for _ in 0..3000 {
        let digits = 1 + rng.next() % 24;
        let mut text: String = (0..digits)
            .map(|_| char::from(b'0' + u8::try_from(rng.next() % 10).unwrap()))
            .collect();
        let point = usize::try_from(rng.next() % (digits + 1)).unwrap();
        text.insert(point, '.');
        if text.starts_with('.') {
            text.insert(0, '0');
        }
        if text.ends_with('.') {
            text.push('0');
        }
        let exp = i64::try_from(rng.next() % 80).unwrap() - 40;
        out.push(format!("{text}e{exp}"));
    }
    for k in -330..=310 {
        out.push(format!("1e{k}"));
        let p = format!("1e{k}").parse::<f64>().unwrap();
        if p.is_finite() && p > 0.0 {
            out.push(format!("{:?}", f64::from_bits(p.to_bits() + 1)));
            out.push(format!("{:?}", f64::from_bits(p.to_bits() - 1)));
        }
    }
    for k in -1074..=1023 {
        out.push(format!("{:?}", 2f64.powi(k)));
    }
    for text in [
        "0.0",
        "0.1",
        "0.2",
        "0.30000000000000004",
        "1e16",
        "1e15",
        "123456789012345678.0",
        "2.5",
        "1e22",
    ] {
        out.push(text.to_string());
    }
    out.retain(|t| !t.contains("inf") && !t.contains("NaN"));
    out
}

fn compile(oracle: &Path, dir: &Path, name: &str, source: &str) -> MpyFile {
    let py = dir.join(format!("{name}.py"));
    let mpy = dir.join(format!("{name}.mpy"));
    std::fs::write(&py, source).unwrap();
    let out = Command::new(oracle)
        .arg("-o")
        .arg(&mpy)
        .arg(&py)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    MpyFile::read(&std::fs::read(&mpy).unwrap()).unwrap()
}

fn tuple_texts(file: &MpyFile) -> Vec<&Constant> {
    match file
        .constants
        .iter()
        .find(|c| matches!(c, Constant::Tuple(_)))
    {
        Some(Constant::Tuple(items)) => items.iter().collect(),
        _ => panic!("no constant tuple"),
    }
}

#[test]
fn float_and_complex_reprs_match_the_oracle() {
    let Some(oracle) = mpy_tests::oracle_mpy_cross() else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("mpy-format-float-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let literals = literals();
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for (chunk_index, chunk) in literals.chunks(2000).enumerate() {
        // Every literal positive and negated (folded to a negative constant), then as imaginary.
        let mut source = String::from("x = (");
        for literal in chunk {
            source.push_str(&format!("{literal}, -{literal}, "));
        }
        source.push_str(")\ny = (");
        for literal in chunk {
            source.push_str(&format!("{literal}j, "));
        }
        source.push_str(")\n");
        let file = compile(&oracle, &dir, &format!("f{chunk_index}"), &source);
        let tuples: Vec<_> = file
            .constants
            .iter()
            .filter(|c| matches!(c, Constant::Tuple(_)))
            .collect();
        assert_eq!(tuples.len(), 2, "expected two constant tuples");
        let floats = tuple_texts(&file);
        let Constant::Tuple(complexes) = tuples[1] else {
            unreachable!()
        };
        assert_eq!(floats.len(), 2 * chunk.len());
        assert_eq!(complexes.len(), chunk.len());
        for (i, literal) in chunk.iter().enumerate() {
            let value = parse_decimal(literal);
            let expected = [
                Constant::Float(format_float_repr(value)),
                Constant::Float(format_float_repr(-value)),
                Constant::Complex(format!("{}j", format_complex_imag_repr(value))),
            ];
            let actual = [floats[2 * i], floats[2 * i + 1], &complexes[i]];
            for (e, a) in expected.iter().zip(actual) {
                checked += 1;
                if e != a {
                    mismatches.push(format!("{literal}: ours {e:?}, oracle {a:?}"));
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "float repr: identical {} / {checked}",
        checked - mismatches.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} mismatches: {:#?}",
        mismatches.len(),
        &mismatches[..mismatches.len().min(20)]
    );
}
