//! Parse-tree printer (after `mp_parse_node_print` in py/parse.c with rule names on):
//! one node per line, struct nodes prefixed with their source line, tokens by number.
//! Constants print as `int`, `float(..)`, `complex(..)` (imaginary part), `str(hex)`,
//! `bytes(hex)` and `tuple(..)`, so trees can be diffed against a debug build of the
//! reference.

use core::fmt::Write;

use crate::parse::node::Node;
use crate::qstr::QstrPool;
use crate::value::ConstValue;

/// Renders `root` as text, iteratively (trees can be very deep).
#[must_use]
pub fn print_tree(root: &Node, qstrs: &QstrPool) -> String {
    let mut out = String::new();
    let mut stack: Vec<(&Node, usize)> = vec![(root, 0)];
    while let Some((node, indent)) = stack.pop() {
        match node {
            Node::Struct(s) => {
                let _ = write!(out, "[{:>4}] ", format!(" {}", s.source_line));
            }
            Node::Const(c) => {
                let _ = write!(out, "[{:>4}] ", format!(" {}", c.source_line));
            }
            _ => out.push_str("       "),
        }
        for _ in 0..indent {
            out.push(' ');
        }
        match node {
            Node::Null => out.push_str("NULL\n"),
            Node::SmallInt(v) => {
                let _ = writeln!(out, "int({v})");
            }
            Node::Id(q) => {
                let _ = writeln!(out, "id({})", qstrs.str_lossy(*q));
            }
            Node::Str(q) => {
                let _ = writeln!(out, "str({})", qstrs.str_lossy(*q));
            }
            Node::Token(t) => {
                let _ = writeln!(out, "tok({})", *t as u8);
            }
            Node::Const(c) => {
                let _ = writeln!(out, "literal const={}", const_repr(&c.value));
            }
            Node::Struct(s) => {
                let _ = writeln!(
                    out,
                    "{}({}) (n={})",
                    s.rule.name(),
                    s.rule as u8,
                    s.nodes.len()
                );
                for child in s.nodes.iter().rev() {
                    stack.push((child, indent + 2));
                }
            }
        }
    }
    out
}

/// A constant as the tree printer shows it (not the `.mpy` text form).
#[must_use]
pub fn const_repr(value: &ConstValue) -> String {
    match value {
        ConstValue::None => "None".into(),
        ConstValue::False => "False".into(),
        ConstValue::True => "True".into(),
        ConstValue::Ellipsis => "Ellipsis".into(),
        ConstValue::Int(i) => i.to_string(),
        ConstValue::Float(f) => format!("float({})", float_text(*f)),
        ConstValue::Complex(f) => format!("complex({})", float_text(*f)),
        ConstValue::Str(s) => format!("str({})", hex(s)),
        ConstValue::Bytes(b) => format!("bytes({})", hex(b)),
        ConstValue::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            format!("tuple({})", parts.join(", "))
        }
        ConstValue::FunTable => "mp_fun_table".into(),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `{:?}` but with the sign of a NaN shown.
fn float_text(f: f64) -> String {
    if f.is_nan() && f.is_sign_negative() {
        "-NaN".into()
    } else {
        format!("{f:?}")
    }
}
