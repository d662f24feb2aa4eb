//! From a request (inputs, options, wanted outputs) to the output files, all built in memory
//! first so that a failure leaves no half-written output.

use std::path::PathBuf;

use crate::cfreeze::{frozen_content_c, CConfig, CModule};
use crate::compiler::{CompileOptions, Compiler};
use crate::error::{Error, Result};
use crate::project::{compile_project, plain_input, Compiled, SourceFile};

/// Everything `mpy-freeze` was asked to do.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// Manifests to evaluate, in order.
    pub manifests: Vec<PathBuf>,
    /// Plain inputs (files, directories), after the manifests.
    pub plain: Vec<PathBuf>,
    /// `$(VAR)` values for manifests.
    pub vars: Vec<(String, String)>,
    /// How `.py` files are compiled.
    pub compiler: Compiler,
    /// Global compiler options (`-O`, `-march`, `-msmall-int-bits`).
    pub options: CompileOptions,
    /// C output configuration.
    pub c_config: CConfig,
    /// Build directory named in C comments.
    pub build_dir: String,
    /// `--c` path.
    pub c_out: Option<PathBuf>,
    /// `--image` path.
    pub image: Option<PathBuf>,
    /// `--elf` path.
    pub elf: Option<PathBuf>,
    /// `--romfs` path.
    pub romfs: Option<PathBuf>,
    /// Compile `.py` files into the ROMFS (not `--no-mpy`).
    pub romfs_compile: bool,
    /// Produce the size report.
    pub report: bool,
    /// Order of directory walks (sorted, or the file system's as the reference).
    pub walk_order: crate::project::WalkOrder,
}

/// Built outputs, not yet written.
#[derive(Clone, Debug, Default)]
pub struct Outputs {
    /// `(path, contents)` of each output file.
    pub files: Vec<(PathBuf, Vec<u8>)>,
    /// The report text, if asked for.
    pub report: Option<String>,
}

impl Outputs {
    /// Write every output: each to a temporary sibling first, then all renamed into place, so
    /// that an error leaves no partial file behind.
    ///
    /// # Errors
    /// An output that cannot be written (its path is named).
    pub fn write(&self) -> Result<()> {
        let mut temps = Vec::new();
        let cleanup = |temps: &[PathBuf]| {
            for t in temps {
                let _ = std::fs::remove_file(t);
            }
        };
        // Only regular files (or new paths) are replaced by a rename; anything else (a device
        // such as /dev/null, a symbolic link, a FIFO) is written through at the end, as the
        // reference tools write, so that a rename never replaces it by a regular file.
        let (renamed, written): (Vec<_>, Vec<_>) = self.files.iter().partition(|(path, _)| {
            std::fs::symlink_metadata(path).map_or(true, |m| m.file_type().is_file())
        });
        for (path, data) in &renamed {
            let mut name = path
                .file_name()
                .map(std::ffi::OsStr::to_os_string)
                .unwrap_or_default();
            name.push(format!(".tmp-{}", std::process::id()));
            let temp = path.with_file_name(name);
            if let Err(e) = std::fs::write(&temp, data) {
                cleanup(&temps);
                let _ = std::fs::remove_file(&temp);
                return Err(Error::io(path, &e));
            }
            temps.push(temp);
        }
        for ((path, _), temp) in renamed.iter().zip(&temps) {
            if let Err(e) = std::fs::rename(temp, path) {
                cleanup(&temps);
                return Err(Error::io(path, &e));
            }
        }
        for (path, data) in written {
            std::fs::write(path, data).map_err(|e| Error::io(path, &e))?;
        }
        Ok(())
    }
}

/// The files a request freezes, in order: manifests first, then plain inputs.
///
/// # Errors
/// A manifest error (with file and line) or a missing input.
pub fn collect_files(request: &Request) -> Result<Vec<SourceFile>> {
    let mut files = Vec::new();
    if !request.manifests.is_empty() {
        let mut manifest = crate::manifest::Manifest::new(&request.vars);
        manifest.set_walk_order(request.walk_order);
        for path in &request.manifests {
            manifest.execute(path)?;
        }
        files.extend(manifest.into_files());
    }
    for path in &request.plain {
        files.extend(plain_input(path, request.walk_order)?);
    }
    Ok(files)
}

/// Build every requested output in memory.
///
/// # Errors
/// The first input, compile, freeze or layout error.
pub fn build(request: &Request) -> Result<Outputs> {
    let mut outputs = Outputs::default();
    // `mpremote romfs build DIR`: a single directory and nothing else.
    let romfs_of_dir =
        request.manifests.is_empty() && request.plain.len() == 1 && request.plain[0].is_dir();
    let needs_modules = request.c_out.is_some()
        || request.image.is_some()
        || request.elf.is_some()
        || request.report
        || (request.romfs.is_some() && !romfs_of_dir);
    let files = if needs_modules {
        collect_files(request)?
    } else {
        Vec::new()
    };
    let compiled = if needs_modules {
        compile_project(
            &files,
            &request.compiler,
            &request.options,
            &request.build_dir,
        )?
    } else {
        Compiled::default()
    };
    if let Some(path) = &request.c_out {
        let modules: Vec<CModule<'_>> = compiled
            .modules
            .iter()
            .map(|m| CModule {
                mpy_path: &m.mpy_path,
                mpy: &m.mpy,
            })
            .collect();
        let text = frozen_content_c(&compiled.str_modules, &modules, &request.c_config)?;
        outputs.files.push((path.clone(), text.into_bytes()));
    }
    if request.image.is_some() || request.elf.is_some() || request.report {
        // runtime-min has no compiler: text-frozen modules go into the image as bytecode.
        let mut image_modules = compiled.modules.clone();
        let as_text: Vec<SourceFile> = files
            .iter()
            .filter(|f| f.kind == crate::project::FileKind::Str)
            .map(|f| SourceFile {
                kind: crate::project::FileKind::CompilePy,
                ..f.clone()
            })
            .collect();
        if !as_text.is_empty() {
            image_modules.extend(
                compile_project(
                    &as_text,
                    &request.compiler,
                    &request.options,
                    &request.build_dir,
                )?
                .modules,
            );
        }
        let compiled = Compiled {
            modules: image_modules,
            str_modules: Vec::new(),
        };
        let built = crate::elf::build_image(&compiled.modules)?;
        // The ELF machine follows -march, else the native code in the image (else Arm).
        let image_arch = built
            .image
            .get(6)
            .and_then(|&n| mpy_format::Arch::from_number(n))
            .filter(|a| *a != mpy_format::Arch::None);
        let elf = crate::elf::write_elf(&built, request.options.arch.or(image_arch))?;
        if request.report {
            outputs.report = Some(crate::report::render(&compiled.modules, &built, &elf)?);
        }
        if let Some(path) = &request.image {
            outputs.files.push((path.clone(), built.image.clone()));
        }
        if let Some(path) = &request.elf {
            outputs.files.push((path.clone(), elf));
        }
    }
    if let Some(path) = &request.romfs {
        let image = if romfs_of_dir {
            let dir = request.plain[0].to_string_lossy().into_owned();
            let compiler = request.romfs_compile.then_some(&request.compiler);
            crate::romfs::build_romfs(&dir, compiler, &request.options)?
        } else {
            crate::romfs::romfs_of_modules(&compiled)
        };
        outputs.files.push((path.clone(), image));
    }
    Ok(outputs)
}
