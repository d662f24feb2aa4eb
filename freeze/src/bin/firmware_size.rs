//! `firmware-size ELF [--budget BYTES] [--top N]`: the flash and RAM a linked firmware uses, the
//! part of the flash that is the frozen image, and its largest symbols (see `freeze::firmware_size`).

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut path = None;
    let mut budget: Option<u64> = None;
    let mut top = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = |args: &mut dyn Iterator<Item = String>| {
            args.next().and_then(|v| v.parse::<u64>().ok())
        };
        match arg.as_str() {
            "--budget" => budget = value(&mut args),
            "--top" => {
                top = value(&mut args).map_or(0, |n| usize::try_from(n).unwrap_or(usize::MAX))
            }
            "-h" | "--help" => {
                mpy_format::stdout::print_stdout(
                    "usage: firmware-size ELF [--budget BYTES] [--top N]\n",
                );
                return ExitCode::SUCCESS;
            }
            _ => path = Some(arg),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: firmware-size ELF [--budget BYTES] [--top N]");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("firmware-size: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match freeze::firmware_size::measure(&bytes, top) {
        Ok(size) => {
            mpy_format::stdout::print_stdout(&format!(
                "{path}:\n{}",
                freeze::firmware_size::render(&size, budget)
            ));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("firmware-size: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
