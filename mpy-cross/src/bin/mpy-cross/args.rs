//! The `mpy-cross` command line, parsed flag for flag as MicroPython 1.29's mpy-cross/main.c does,
//! plus our extensions (several inputs, directories, `-j`, `--error-format`).
//!
//! The reference's single-dash long options (`-march=armv7m`, `-msmall-int-bits=31`, `-O3`)
//! do not fit a declarative parser, so this is a small hand-written scanner over the arguments.

use mpy_cross::{Arch, CompileOptions, EmitMode};
use std::ffi::OsString;

/// How compile errors are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorFormat {
    /// Rich diagnostics on a terminal, the reference's traceback shape otherwise.
    Auto,
    /// Exactly the reference's `Traceback ... File "x.py", line N ... Class: message`.
    Reference,
    /// A rendered diagnostic with source line, caret and hint.
    Rich,
    /// One JSON object per error, for editors.
    Json,
}

/// What the command line asks for.
#[derive(Debug)]
pub enum Command {
    /// Compile the inputs.
    Compile(Invocation),
    /// Print the version line and exit 0.
    Version,
    /// Print usage and exit with this status (the reference exits 1 after usage, even for `--help`... we exit 0 for `--help`).
    Usage { status: i32 },
    /// Print a one-line error (as the reference words it) and exit 1.
    Fail(String),
}

/// A compile invocation.
#[derive(Debug)]
pub struct Invocation {
    /// Input files, directories, or `-` for stdin.
    pub inputs: Vec<OsString>,
    /// `-o FILE` / `-o -` / `-o DIR` (batch mode).
    pub output: Option<OsString>,
    /// `-s NAME`, with `\` turned into `/`.
    pub source_name: Option<String>,
    /// Compiler options (source_name is filled per file).
    pub options: CompileOptions,
    /// `-j N` (0 = all cores).
    pub jobs: usize,
    /// `--error-format=`.
    pub error_format: ErrorFormat,
}

/// Parse `strtol(s, &end, 0)` style integers: decimal, `0x` hex, leading-`0` octal, optional sign.
fn parse_c_integer(text: &str) -> Option<i64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let value = if let Some(hex) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        i64::from_str_radix(hex, 16).ok()?
    } else if digits.len() > 1 && digits.starts_with('0') {
        i64::from_str_radix(&digits[1..], 8).ok()?
    } else {
        digits.parse().ok()?
    };
    Some(if negative { -value } else { value })
}

/// `-march-flags=` for rv32imc: a number (`parse_integer`) or a list of `zba`/`zcmp`
/// (`parse_rv32_flags_string`), as mpy-cross/main.c parses them; only bits 0 and 1 may be set.
fn parse_rv32_flags(text: &str) -> Option<u32> {
    const ZBA: u32 = 1;
    const ZCMP: u32 = 2;
    let raw = parse_integer(text).or_else(|| {
        // The reference stops at the end of the string, so one trailing comma is ignored.
        let body = text.strip_suffix(',').unwrap_or(text);
        let mut flags = 0;
        for name in body.split(',') {
            flags |= match name {
                "zba" => ZBA,
                "zcmp" => ZCMP,
                _ => return None,
            };
        }
        (flags != 0).then_some(u64::from(flags))
    })?;
    u32::try_from(raw)
        .ok()
        .filter(|flags| flags & !(ZBA | ZCMP) == 0)
}

/// `parse_integer` of mpy-cross/main.c: the base from `mp_parse_num_base` (`0x`/`0o`/`0b`
/// prefix, else decimal; a leading `0` before anything else is refused), then C's `strtoul` on
/// the rest, which must consume it all (it skips leading white space and takes a sign, so `-0`
/// and ` 1` are numbers).
fn parse_integer(text: &str) -> Option<u64> {
    let bytes = text.as_bytes();
    let (base, skip) = match bytes {
        [b'0', c, ..] => match c | 0x20 {
            b'x' => (16, 2),
            b'o' => (8, 2),
            b'b' => (2, 2),
            _ => return None,
        },
        _ => (10, 0),
    };
    if bytes.len() == skip || bytes[skip] == b'+' {
        return None;
    }
    strtoul(&bytes[skip..], base)
}

/// C's `strtoul(s, &end, base)` that must reach the end of `s` without overflowing.
fn strtoul(s: &[u8], base: u32) -> Option<u64> {
    let mut rest = s;
    while let [b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r', tail @ ..] = rest {
        rest = tail;
    }
    let negative = match rest {
        [b'-', tail @ ..] => {
            rest = tail;
            true
        }
        [b'+', tail @ ..] => {
            rest = tail;
            false
        }
        _ => false,
    };
    if base == 16 {
        if let [b'0', b'x' | b'X', next, ..] = rest {
            if next.is_ascii_hexdigit() {
                rest = &rest[2..];
            }
        }
    }
    if rest.is_empty() {
        return None;
    }
    let mut value: u64 = 0;
    for &b in rest {
        let digit = (b as char).to_digit(base)?;
        value = value
            .checked_mul(u64::from(base))?
            .checked_add(u64::from(digit))?;
    }
    Some(if negative {
        value.wrapping_neg()
    } else {
        value
    })
}

fn host_arch() -> Option<Arch> {
    if cfg!(target_arch = "x86_64") {
        Some(Arch::X64)
    } else if cfg!(target_arch = "x86") {
        Some(Arch::X86)
    } else if cfg!(all(target_arch = "arm", not(target_feature = "thumb2"))) {
        Some(Arch::Armv6)
    } else if cfg!(target_arch = "riscv64") {
        Some(Arch::Rv64imc)
    } else {
        None
    }
}

/// Parse the arguments after the program name.
#[must_use]
#[allow(clippy::too_many_lines)]
pub fn parse(args: &[OsString]) -> Command {
    let mut options = CompileOptions::default();
    let mut inputs = Vec::new();
    let mut output = None;
    let mut source_name = None;
    let mut arch_flags: Option<String> = None;
    let mut jobs = 0;
    let mut error_format = ErrorFormat::Auto;
    let mut options_active = true;

    // The reference handles -X first (pre_process_options), so a bad -X wins over everything else.
    let mut i = 0;
    while i < args.len() {
        if args[i] == "-X" {
            let Some(value) = args.get(i + 1).and_then(|v| v.to_str()) else {
                return Command::Usage { status: 1 };
            };
            match value {
                "emit=bytecode" => options.emit = EmitMode::Bytecode,
                "emit=native" => options.emit = EmitMode::Native,
                "emit=viper" => options.emit = EmitMode::Viper,
                "source-lines" => options.source_lines = true,
                "no-source-lines" => options.source_lines = false,
                // We need no heap limit; the size is accepted and ignored.
                v if v.starts_with("heapsize=") => {}
                _ => return Command::Usage { status: 1 },
            }
            i += 1;
        }
        i += 1;
    }

    let mut i = 0;
    while i < args.len() {
        let raw = &args[i];
        let text = raw.to_string_lossy();
        if options_active && text.starts_with('-') && text.len() > 1 {
            match &*text {
                "-X" => i += 1,
                "--version" => return Command::Version,
                "--help" | "-h" => return Command::Usage { status: 0 },
                "-v" => {}
                "--" => options_active = false,
                "-o" | "-s" | "-j" => {
                    let Some(value) = args.get(i + 1) else {
                        return Command::Usage { status: 1 };
                    };
                    i += 1;
                    match &*text {
                        "-o" => output = Some(value.clone()),
                        "-s" => source_name = Some(value.to_string_lossy().replace('\\', "/")),
                        _ => match value.to_str().and_then(|v| v.parse().ok()) {
                            Some(n) => jobs = n,
                            None => {
                                return Command::Fail(format!(
                                    "invalid -j value: {}",
                                    value.to_string_lossy()
                                ))
                            }
                        },
                    }
                }
                t if t.starts_with("-O") => {
                    let rest = &t.as_bytes()[2..];
                    options.optimize = match rest.first() {
                        Some(d) if d.is_ascii_digit() => d & 0xf,
                        // "-O" counts 1, "-OO" 2, ...: the Os after the dash, stopping at anything else.
                        _ => {
                            let count =
                                t.as_bytes()[1..].iter().take_while(|&&b| b == b'O').count();
                            u8::try_from(count).unwrap_or(u8::MAX)
                        }
                    };
                }
                t if t.starts_with("-msmall-int-bits=") => {
                    match parse_c_integer(&t["-msmall-int-bits=".len()..])
                        .and_then(|n| u8::try_from(n).ok())
                    {
                        Some(bits) => options.small_int_bits = bits,
                        None => return Command::Usage { status: 1 },
                    }
                }
                t if t.starts_with("-march-flags=") => {
                    arch_flags = Some(t["-march-flags=".len()..].to_owned())
                }
                t if t.starts_with("-march=") => {
                    let name = &t["-march=".len()..];
                    options.arch = match name {
                        "host" => match host_arch() {
                            Some(arch) => Some(arch),
                            None => {
                                return Command::Fail(
                                    "unable to determine host architecture for -march=host".into(),
                                )
                            }
                        },
                        _ => match Arch::from_name(name) {
                            Some(arch) => Some(arch),
                            None => return Command::Usage { status: 1 },
                        },
                    };
                }
                t if t.starts_with("--error-format=") => {
                    error_format = match &t["--error-format=".len()..] {
                        "auto" => ErrorFormat::Auto,
                        "reference" | "short" => ErrorFormat::Reference,
                        "rich" => ErrorFormat::Rich,
                        "json" => ErrorFormat::Json,
                        other => {
                            return Command::Fail(format!(
                                "unknown --error-format '{other}' (auto, reference, rich, json)"
                            ))
                        }
                    };
                }
                t if t.starts_with("-j") && t.len() > 2 => match t[2..].parse() {
                    Ok(n) => jobs = n,
                    Err(_) => return Command::Fail(format!("invalid -j value: {}", &t[2..])),
                },
                _ => return Command::Usage { status: 1 },
            }
        } else {
            inputs.push(raw.clone());
        }
        i += 1;
    }

    if let (Some(flags), Some(arch)) = (&arch_flags, options.arch) {
        match arch {
            Arch::Rv32imc => match parse_rv32_flags(flags) {
                Some(bits) => options.arch_flags = bits,
                None => return Command::Fail("unrecognised arch flags".into()),
            },
            _ => return Command::Fail("unrecognised arch flags".into()),
        }
    }
    if options.emit != EmitMode::Bytecode && options.arch.is_none() {
        return Command::Fail("arch not specified".into());
    }
    if inputs.is_empty() {
        return Command::Fail("no input file".into());
    }
    Command::Compile(Invocation {
        inputs,
        output,
        source_name,
        options,
        jobs,
        error_format,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    fn invocation(list: &[&str]) -> Invocation {
        match parse(&args(list)) {
            Command::Compile(inv) => inv,
            other => panic!("expected a compile invocation, got {other:?}"),
        }
    }

    #[test]
    fn optimisation_levels_follow_the_reference() {
        assert_eq!(invocation(&["-O", "a.py"]).options.optimize, 1);
        assert_eq!(invocation(&["-OO", "a.py"]).options.optimize, 2);
        assert_eq!(invocation(&["-OOO", "a.py"]).options.optimize, 3);
        assert_eq!(invocation(&["-O3", "a.py"]).options.optimize, 3);
        assert_eq!(invocation(&["-Ofoo", "a.py"]).options.optimize, 1);
    }

    #[test]
    fn small_int_bits_takes_c_integers() {
        assert_eq!(
            invocation(&["-msmall-int-bits=15", "a.py"])
                .options
                .small_int_bits,
            15
        );
        assert_eq!(
            invocation(&["-msmall-int-bits=0x1f", "a.py"])
                .options
                .small_int_bits,
            31
        );
        assert!(matches!(
            parse(&args(&["-msmall-int-bits=abc", "a.py"])),
            Command::Usage { status: 1 }
        ));
    }

    /// `-march-flags` values and what mpy-cross 1.29 does with them for `-march=rv32imc`
    /// (checked one by one against the oracle): the flags it accepts, `None` for "unrecognised".
    #[test]
    fn rv32_flags_parse_like_the_reference() {
        let cases: &[(&str, Option<u32>)] = &[
            ("zba", Some(1)),
            ("zcmp", Some(2)),
            ("zcmp,zba", Some(3)),
            ("zba,zcmp,", Some(3)),
            ("zba,,zcmp", None),
            (",", None),
            ("", None),
            ("ZBA", None),
            ("1,zba", None),
            ("0", Some(0)),
            ("3", Some(3)),
            ("4", None),
            ("-0", Some(0)),
            (" -0", Some(0)),
            ("-1", None),
            ("+1", None),
            (" 1", Some(1)),
            ("\t2", Some(2)),
            ("1 ", None),
            ("01", None),
            ("0x", None),
            ("0x03", Some(3)),
            ("0X3", Some(3)),
            ("0x 3", Some(3)),
            ("0x0x3", Some(3)),
            ("0x0x", None),
            ("0x-0", Some(0)),
            ("0x+1", None),
            ("0B11", Some(3)),
            ("0b+1", None),
            ("0o3", Some(3)),
            ("0o-0", Some(0)),
            ("00x1", None),
            ("3L", None),
            ("18446744073709551615", None),
            ("99999999999999999999999", None),
        ];
        for &(text, expected) in cases {
            assert_eq!(parse_rv32_flags(text), expected, "-march-flags={text:?}");
        }
    }

    #[test]
    fn arch_and_flags() {
        let inv = invocation(&["-march=rv32imc", "-march-flags=zba,zcmp", "a.py"]);
        assert_eq!(inv.options.arch, Some(Arch::Rv32imc));
        assert_eq!(inv.options.arch_flags, 3);
        assert_eq!(
            invocation(&["-march=rv32imc", "-march-flags=0b01", "a.py"])
                .options
                .arch_flags,
            1
        );
        assert!(
            matches!(parse(&args(&["-march=armv7m", "-march-flags=zba", "a.py"])), Command::Fail(m) if m == "unrecognised arch flags")
        );
        // Flags without an arch are ignored, as the reference does.
        assert_eq!(
            invocation(&["-march-flags=zba", "a.py"]).options.arch_flags,
            0
        );
        assert!(matches!(
            parse(&args(&["-march=foo", "a.py"])),
            Command::Usage { status: 1 }
        ));
    }

    #[test]
    fn emit_needs_an_arch() {
        assert!(
            matches!(parse(&args(&["-X", "emit=native", "a.py"])), Command::Fail(m) if m == "arch not specified")
        );
        assert_eq!(
            invocation(&["-X", "emit=viper", "-march=x64", "a.py"])
                .options
                .emit,
            EmitMode::Viper
        );
        assert!(matches!(
            parse(&args(&["-X", "bogus", "a.py"])),
            Command::Usage { status: 1 }
        ));
        assert!(
            !invocation(&["-X", "no-source-lines", "-X", "heapsize=512m", "a.py"])
                .options
                .source_lines
        );
    }

    #[test]
    fn inputs_outputs_and_names() {
        let inv = invocation(&["-o", "out.mpy", "-s", r"pkg\mod.py", "--", "-weird.py"]);
        assert_eq!(inv.output.as_deref(), Some(std::ffi::OsStr::new("out.mpy")));
        assert_eq!(inv.source_name.as_deref(), Some("pkg/mod.py"));
        assert_eq!(inv.inputs, args(&["-weird.py"]));
        assert!(matches!(parse(&args(&[])), Command::Fail(m) if m == "no input file"));
        assert_eq!(invocation(&["-"]).inputs, args(&["-"]));
        assert_eq!(invocation(&["-j", "3", "a.py", "b.py"]).jobs, 3);
    }
}
