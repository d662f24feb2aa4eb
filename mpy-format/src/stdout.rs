//! Printing a command's output the way Unix tools do: when the reader goes away
//! (`mpy-dump big.mpy | head`), the command ends quietly with status 141 (128 + SIGPIPE, what
//! the shell reports for a C tool that the signal ended), not with a panic. Every binary of the
//! workspace prints its standard output through [`print_stdout`].

use std::io::Write;

/// Write `text` to standard output and flush it. A closed pipe ends the process with status 141;
/// any other write error is reported on standard error and ends it with status 1.
pub fn print_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(error) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(141);
        }
        eprintln!("error writing to standard output: {error}");
        std::process::exit(1);
    }
}
