//! `mpy-dump`: print, check or re-encode `.mpy` v6.3 files (a disassembler like `mpy-tool.py -d`;
//! Thumb, x86 and x64 machine code is shown as instructions, other archs as hex words).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use mpy_format::disasm::{disassemble, validate};
use mpy_format::MpyFile;

/// Print the header, qstr table, constants and every function of `.mpy` files.
#[derive(Parser)]
#[command(name = "mpy-dump", version)]
struct Args {
    /// Print the data model as JSON instead of the disassembly.
    #[arg(long)]
    json: bool,
    /// Only check every operand (qstr/constant/child indices, jump targets); print problems.
    #[arg(long)]
    check: bool,
    /// Write the file back from the model to OUT (byte-identical for a valid file).
    #[arg(long, value_name = "OUT")]
    reencode: Option<PathBuf>,
    /// The `.mpy` files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

fn run(args: &Args, path: &PathBuf) -> Result<(), String> {
    let data = std::fs::read(path).map_err(|e| e.to_string())?;
    let file = MpyFile::read(&data).map_err(|e| e.to_string())?;
    if let Some(out) = &args.reencode {
        std::fs::write(out, file.write())
            .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    }
    if args.check {
        let errors = validate(&file);
        if let Some(first) = errors.first() {
            for error in &errors[1..] {
                eprintln!("{}: {error}", path.display());
            }
            return Err(first.to_string());
        }
    } else if args.json {
        let text = serde_json::to_string_pretty(&file).map_err(|e| e.to_string())?;
        mpy_format::stdout::print_stdout(&format!("{text}\n"));
    } else if args.reencode.is_none() {
        mpy_format::stdout::print_stdout(&disassemble(&file));
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut status = ExitCode::SUCCESS;
    for path in &args.files {
        if let Err(message) = run(&args, path) {
            eprintln!("{}: {message}", path.display());
            status = ExitCode::FAILURE;
        }
    }
    status
}
