//! Float literals parse to the same doubles as in the oracle (whose decimal parser scales in
//! x87 80-bit precision and then rounds, which is not always correct rounding).
//!
//! The oracle writes each float constant as repr text that parses back to its value under
//! the reference's own parser; so for every literal, our value must be one of the values
//! our parser gives the oracle's texts, and the two sets must be equal.

use std::collections::BTreeSet;
use std::process::Command;

use mpy_cross::parse::{parse, InputKind, Node, ParseOptions};
use mpy_cross::qstr::QstrPool;
use mpy_cross::value::ConstValue;
use mpy_format::model::{Constant, MpyFile};

/// Deterministic xorshift64* generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn literals(count: usize) -> Vec<String> {
    let mut rng = Rng(0x5eed_f10a_7000_0001);
    let mut out = vec![
        "0.1".to_owned(),
        "3.1415".to_owned(),
        "1.7976931348623157e308".to_owned(),
        "2.2250738585072014e-308".to_owned(),
        "4.9e-324".to_owned(),
        "2.4703282292062328e-324".to_owned(),
        "1e23".to_owned(),
        "9007199254740993.0".to_owned(),
        "123456789012345678901234567890.0".to_owned(),
        // Rounded differently by the reference's parser than by correct rounding.
        "42.766320595957378".to_owned(),
    ];
    while out.len() < count {
        let n_digits =
            [1, 2, 3, 5, 8, 12, 15, 16, 17, 18, 19, 20, 21, 25, 30][rng.below(15) as usize];
        let digits: String = (0..n_digits)
            .map(|_| char::from(b'0' + rng.below(10) as u8))
            .collect();
        let point = rng.below(n_digits + 1) as usize;
        let mut lit = format!("{}.{}", &digits[..point], &digits[point..]);
        if lit.starts_with('.') {
            lit.insert(0, '0');
        }
        if rng.below(10) < 6 {
            let exp = rng.below(700) as i64 - 350;
            lit.push_str(&format!("e{exp}"));
        }
        out.push(lit);
    }
    out
}

/// Every float constant in a parse tree, as bits.
fn float_bits(tree: &Node, out: &mut BTreeSet<u64>) {
    let mut stack = vec![tree];
    while let Some(node) = stack.pop() {
        match node {
            Node::Const(c) => {
                if let ConstValue::Float(f) = c.value {
                    out.insert(f.to_bits());
                }
            }
            Node::Struct(s) => stack.extend(s.nodes.iter()),
            _ => {}
        }
    }
}

fn our_floats(source: &str) -> BTreeSet<u64> {
    let mut qstrs = QstrPool::new();
    let tree = parse(
        source.as_bytes(),
        InputKind::File,
        &ParseOptions::default(),
        &mut qstrs,
    )
    .expect("parses");
    let mut bits = BTreeSet::new();
    float_bits(&tree, &mut bits);
    bits
}

#[test]
fn float_literals_match_oracle() {
    let Some(oracle) = mpy_tests::oracle_mpy_cross() else {
        println!("no oracle; skipped");
        return;
    };
    let lits = literals(3000);
    // lists, so that every literal stays a separate constant
    let source: String = lits
        .chunks(50)
        .map(|c| format!("x = [{}]\n", c.join(", ")))
        .collect();
    let dir = std::env::temp_dir().join(format!("mpy-parser-floats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let py = dir.join("floats.py");
    let mpy = dir.join("floats.mpy");
    std::fs::write(&py, &source).expect("write source");
    let status = Command::new(&oracle)
        .arg("-o")
        .arg(&mpy)
        .arg(&py)
        .status()
        .expect("oracle runs");
    assert!(status.success());
    let oracle_bytes = std::fs::read(&mpy).expect("oracle output");
    let file = MpyFile::read(&oracle_bytes).expect("valid .mpy");
    let _ = std::fs::remove_dir_all(&dir);

    // The direct check: our whole .mpy (every float constant's repr text) equals the oracle's.
    let options = mpy_cross::CompileOptions {
        source_name: py.display().to_string(),
        ..Default::default()
    };
    let ours_bytes = mpy_cross::compile(source.as_bytes(), &options).expect("compiles");
    assert!(
        ours_bytes == oracle_bytes,
        "float constants differ from the oracle's .mpy"
    );

    let texts: Vec<&str> = file
        .constants
        .iter()
        .filter_map(|c| match c {
            Constant::Float(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    // "inf" is not a literal: take it as is
    let mut theirs = our_floats(
        &texts
            .iter()
            .filter(|t| **t != "inf")
            .map(|t| format!("y = {t}\n"))
            .collect::<String>(),
    );
    if texts.contains(&"inf") {
        theirs.insert(f64::INFINITY.to_bits());
    }
    let ours = our_floats(&source);
    let agree = ours.intersection(&theirs).count();
    println!(
        "float literals: {} literals, {agree} / {} distinct values identical",
        lits.len(),
        theirs.len()
    );
    assert_eq!(ours, theirs);
}
