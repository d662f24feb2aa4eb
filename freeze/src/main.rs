//! `mpy-freeze`: freeze a MicroPython project (manifest.py, files, directories) into firmware C,
//! a runtime-min image (raw or ELF object), or a ROMFS image, with a size report.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use freeze::cfreeze::{CConfig, LongIntImpl};
use freeze::output::{Outputs, Request};
use freeze::qstr::QstrConfig;
use freeze::{CompileOptions, Compiler, Error};
use mpy_format::Arch;

/// Freeze MicroPython code into ROM: firmware C (`--c`), a runtime-min image (`--image`,
/// `--elf`), a ROMFS image (`--romfs`), and a size report (`--report`).
#[derive(Parser, Debug)]
#[command(name = "mpy-freeze", version)]
struct Cli {
    /// Inputs: `.py` / `.mpy` files, directories (frozen like `freeze(dir)`), or manifests
    /// (files named `manifest*.py`, or any file given with `-m`).
    inputs: Vec<PathBuf>,
    /// A manifest to evaluate (may be repeated).
    #[arg(short = 'm', long = "manifest")]
    manifests: Vec<PathBuf>,
    /// Manifest path variable, `VAR=VALUE` (`$(VAR)` in paths); MPY_LIB_DIR adds micropython-lib.
    #[arg(short = 'v', long = "var", value_name = "VAR=VALUE")]
    vars: Vec<String>,
    /// Write firmware C (the reference's `frozen_content.c`).
    #[arg(long = "c", value_name = "FILE")]
    c_out: Option<PathBuf>,
    /// Write the runtime-min image.
    #[arg(long, value_name = "FILE")]
    image: Option<PathBuf>,
    /// Write the runtime-min image as an ELF object (symbol `mpy_frozen_image`).
    #[arg(long, value_name = "FILE")]
    elf: Option<PathBuf>,
    /// Write a ROMFS image (`mpremote romfs build` for a single directory input).
    #[arg(long, value_name = "FILE")]
    romfs: Option<PathBuf>,
    /// With --romfs: store `.py` files as they are (`mpremote romfs build --no-mpy`).
    #[arg(long)]
    no_mpy: bool,
    /// Print a per-module table of ROM and RAM costs.
    #[arg(long)]
    report: bool,
    /// Walk directories in name order, so the output is the same on every machine (default: the
    /// file system's order, as the reference tools walk them, so the C is their text exactly).
    #[arg(long)]
    sorted: bool,
    /// The file system's order (the default; kept for older command lines).
    #[arg(long, hide = true, conflicts_with = "sorted")]
    fs_order: bool,
    /// Print a listing of a runtime-min image file and exit.
    #[arg(long, value_name = "FILE")]
    dump_image: Option<PathBuf>,
    /// List the files the inputs freeze (target path, kind, opt, version, host path) and exit.
    #[arg(long)]
    list: bool,
    /// The firmware's preprocessed qstr header (`genhdr/qstrdefs.preprocessed.h`).
    #[arg(short = 'q', long = "qstr-header", value_name = "FILE")]
    qstr_header: Option<PathBuf>,
    /// Target architecture for native code (`-march=`).
    #[arg(long = "march", value_name = "ARCH")]
    march: Option<String>,
    /// Optimisation level passed to the compiler (`-O<n>`).
    #[arg(short = 'O', value_name = "N", default_value_t = 0)]
    optimize: u8,
    /// Small-int width passed to the compiler.
    #[arg(long = "msmall-int-bits", value_name = "N", default_value_t = 31)]
    small_int_bits: u8,
    /// Long-int implementation of the target firmware (none, longlong, mpz).
    #[arg(long = "mlongint-impl", default_value = "mpz")]
    longint_impl: String,
    /// mpz digit size of the target firmware.
    #[arg(long = "mmpz-dig-size", default_value_t = 16)]
    mpz_dig_size: u32,
    /// The build directory named in the C output's comments (`<build>/frozen_mpy/x.mpy`).
    #[arg(short = 'b', long = "build-dir", default_value = "build")]
    build_dir: String,
    /// Compile with this external mpy-cross executable instead of the built-in compiler.
    #[arg(long = "mpy-cross", value_name = "PATH")]
    mpy_cross: Option<PathBuf>,
}

fn run(cli: Cli) -> Result<(), Error> {
    if let Some(path) = &cli.dump_image {
        let image = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
        let listing =
            freeze::image_dump::dump(&image).map_err(|e| Error::at(path, e.to_string()))?;
        mpy_format::stdout::print_stdout(&listing);
        return Ok(());
    }
    let arch = match cli.march.as_deref() {
        None => None,
        Some(name) => Some(
            Arch::from_name(name)
                .ok_or_else(|| Error::plain(format!("unknown -march value: {name}")))?,
        ),
    };
    let longint_impl = match cli.longint_impl.as_str() {
        "none" => LongIntImpl::None,
        "longlong" => LongIntImpl::LongLong,
        "mpz" => LongIntImpl::Mpz,
        other => {
            return Err(Error::plain(format!(
                "unknown -mlongint-impl value: {other}"
            )))
        }
    };
    let qstr = match &cli.qstr_header {
        Some(path) => QstrConfig::from_header(path)?,
        None => QstrConfig::default(),
    };
    let mut vars = Vec::new();
    for var in &cli.vars {
        let (name, value) = var
            .split_once('=')
            .ok_or_else(|| Error::plain(format!("-v expects VAR=VALUE, got {var}")))?;
        vars.push((name.to_string(), value.to_string()));
    }
    let compiler = cli
        .mpy_cross
        .clone()
        .map_or(Compiler::Library, Compiler::External);
    let options = CompileOptions {
        optimize: cli.optimize,
        small_int_bits: cli.small_int_bits,
        arch,
        ..CompileOptions::default()
    };
    let mut manifests = cli.manifests.clone();
    let mut plain = Vec::new();
    for input in &cli.inputs {
        let is_manifest = input
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("manifest") && n.ends_with(".py"));
        if is_manifest {
            manifests.push(input.clone());
        } else {
            plain.push(input.clone());
        }
    }
    if manifests.is_empty() && plain.is_empty() {
        return Err(Error::plain(
            "no inputs: give .py/.mpy files, directories or a manifest",
        ));
    }
    let request = Request {
        manifests,
        plain,
        vars,
        compiler,
        options,
        c_config: CConfig {
            qstr,
            longint_impl,
            mpz_dig_size: cli.mpz_dig_size,
        },
        build_dir: cli.build_dir.clone(),
        c_out: cli.c_out.clone(),
        image: cli.image.clone(),
        elf: cli.elf.clone(),
        romfs: cli.romfs.clone(),
        romfs_compile: !cli.no_mpy,
        report: cli.report,
        walk_order: if cli.sorted && !cli.fs_order {
            freeze::project::WalkOrder::Sorted
        } else {
            freeze::project::WalkOrder::FileSystem
        },
    };
    if cli.list {
        for file in freeze::output::collect_files(&request)? {
            let kind = match file.kind {
                freeze::project::FileKind::CompilePy => "py",
                freeze::project::FileKind::Mpy => "mpy",
                freeze::project::FileKind::Str => "str",
            };
            let opt = file.opt.map_or_else(|| "-".to_string(), |o| o.to_string());
            let version = file.version.as_deref().unwrap_or("-");
            mpy_format::stdout::print_stdout(&format!(
                "{} {kind} {opt} {version} {}\n",
                file.target_path,
                file.full_path.display()
            ));
        }
        return Ok(());
    }
    let outputs: Outputs = freeze::output::build(&request)?;
    outputs.write()?;
    if let Some(report) = &outputs.report {
        mpy_format::stdout::print_stdout(report);
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("mpy-freeze: error: {err}");
            ExitCode::FAILURE
        }
    }
}
