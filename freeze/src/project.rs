//! The files of a project and their compilation to `.mpy` (after tools/makemanifest.py's main
//! loop): `.py` sources are compiled in parallel under their frozen names, `.mpy` inputs are read
//! and validated as they are.

use std::path::{Path, PathBuf};

use mpy_format::{Arch, MpyFile};
use rayon::prelude::*;

use crate::compiler::{CompileOptions, Compiler};
use crate::error::{Error, Result};

/// How a file is frozen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A `.py` compiled to `.mpy` (`KIND_FREEZE_AS_MPY`).
    CompilePy,
    /// A `.mpy` frozen as it is (`KIND_FREEZE_MPY`).
    Mpy,
    /// A `.py` frozen as text (`KIND_FREEZE_AS_STR`).
    Str,
}

/// One file the project freezes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// Where the file is on the host.
    pub full_path: PathBuf,
    /// Its name on the device (`pkg/mod.py`); becomes the source name (qstr 0) when compiled.
    pub target_path: String,
    /// How it is frozen.
    pub kind: FileKind,
    /// Per-file optimisation level (`opt=`), overriding the global `-O`.
    pub opt: Option<u8>,
    /// The package version from `metadata(version=...)`, appended as `__version__` when the
    /// source does not define one (`tagged_py_file`).
    pub version: Option<String>,
}

/// A module ready to freeze.
#[derive(Clone, Debug)]
pub struct FrozenModule {
    /// Name on the device (`pkg/mod.py`): the manifest's target path for compiled sources, the
    /// stored source name (qstr 0) for `.mpy` inputs, as `mp_frozen_names` lists them.
    pub target_path: String,
    /// The `.mpy` path the reference flow would hand to mpy-tool (`<build>/frozen_mpy/x.mpy`
    /// for compiled sources, the input path for `.mpy` inputs).
    pub mpy_path: String,
    /// The `.mpy` bytes.
    pub bytes: Vec<u8>,
    /// The decoded file.
    pub mpy: MpyFile,
}

/// The outcome of compiling a project.
#[derive(Clone, Debug, Default)]
pub struct Compiled {
    /// Modules frozen as bytecode, in manifest order.
    pub modules: Vec<FrozenModule>,
    /// Modules frozen as text, in manifest order.
    pub str_modules: Vec<crate::cfreeze::StrModule>,
}

/// Read and validate a `.mpy` (`mpy_format::disasm::validate`), naming `path` in errors; with
/// `arch`, native code must be for it.
///
/// # Errors
/// Unreadable, not a `.mpy`, wrong version, or native code for another architecture.
pub fn read_mpy(path: &Path, bytes: &[u8], arch: Option<Arch>) -> Result<MpyFile> {
    let mpy = MpyFile::read(bytes).map_err(|e| Error::at(path, e.to_string()))?;
    // Operands in range, preludes decodable, jumps on instruction starts: a corrupt .mpy is
    // refused here instead of producing firmware that crashes on import.
    if let Some(problem) = mpy_format::disasm::validate(&mpy).first() {
        return Err(Error::at(path, format!("invalid .mpy: {problem}")));
    }
    if let Some(want) = arch {
        let have = mpy.header.arch;
        if have != Arch::None && have != want {
            return Err(Error::at(
                path,
                format!("native code is for {have}, but the target is {want} (-march={want})"),
            ));
        }
    }
    Ok(mpy)
}

/// `tagged_py_file`: the source with `__version__ = '<version>'` appended when it has a
/// package version and does not define `__version__` itself.
fn tagged_source(source: Vec<u8>, version: Option<&str>) -> Vec<u8> {
    let Some(version) = version else {
        return source;
    };
    let text = String::from_utf8_lossy(&source);
    if text.contains("__version__ =") {
        return source;
    }
    let mut text = text.replace("\r\n", "\n");
    text.push_str(&format!(
        "\n\n__version__ = {}\n",
        crate::qstr::python_repr(version)
    ));
    text.into_bytes()
}

/// Compile every `.py` (in parallel) and read every `.mpy` of `files`.
///
/// # Errors
/// The first failing file in manifest order: missing file, compile error, bad `.mpy`.
pub fn compile_project(
    files: &[SourceFile],
    compiler: &Compiler,
    options: &CompileOptions,
    build_dir: &str,
) -> Result<Compiled> {
    let results: Vec<Result<Option<FrozenModule>>> = files
        .par_iter()
        .map(|file| {
            let bytes =
                std::fs::read(&file.full_path).map_err(|e| Error::io(&file.full_path, &e))?;
            match file.kind {
                FileKind::Str => Ok(None),
                FileKind::Mpy => {
                    let mpy = read_mpy(&file.full_path, &bytes, options.arch)?;
                    // A frozen .mpy is imported by the name it was compiled with (qstr 0).
                    let frozen_name = match mpy.qstrs.first().and_then(mpy_format::QstrEntry::bytes)
                    {
                        Some(name) => String::from_utf8_lossy(name).into_owned(),
                        None => file.target_path.clone(),
                    };
                    Ok(Some(FrozenModule {
                        target_path: frozen_name,
                        mpy_path: file.full_path.display().to_string(),
                        bytes,
                        mpy,
                    }))
                }
                FileKind::CompilePy => {
                    let source = tagged_source(bytes, file.version.as_deref());
                    let mut opts = CompileOptions {
                        source_name: file.target_path.clone(),
                        ..options.clone()
                    };
                    if let Some(opt) = file.opt {
                        opts.optimize = opt;
                    }
                    let mpy_bytes = compiler.compile_py(&source, &opts).map_err(|mut e| {
                        // Errors name the host file; the line comes from the compiler.
                        e.path = Some(file.full_path.clone());
                        e
                    })?;
                    let mpy = read_mpy(&file.full_path, &mpy_bytes, None)?;
                    let stem = file
                        .target_path
                        .strip_suffix(".py")
                        .unwrap_or(&file.target_path);
                    Ok(Some(FrozenModule {
                        target_path: file.target_path.clone(),
                        mpy_path: format!("{build_dir}/frozen_mpy/{stem}.mpy"),
                        bytes: mpy_bytes,
                        mpy,
                    }))
                }
            }
        })
        .collect();
    let mut compiled = Compiled::default();
    for (file, result) in files.iter().zip(results) {
        match result? {
            Some(module) => compiled.modules.push(module),
            None => {
                let content =
                    std::fs::read(&file.full_path).map_err(|e| Error::io(&file.full_path, &e))?;
                compiled.str_modules.push(crate::cfreeze::StrModule {
                    target_path: file.target_path.clone(),
                    content,
                });
            }
        }
    }
    Ok(compiled)
}

/// The files of a plain input: a `.py` or `.mpy` file (named by its file name), or a directory
/// (every `.py`/`.mpy` under it, named by the path inside it, like `freeze(dir)`).
///
/// # Errors
/// A missing path or a file that is neither `.py` nor `.mpy`.
pub fn plain_input(path: &Path, order: WalkOrder) -> Result<Vec<SourceFile>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
    if meta.is_dir() {
        let mut files = Vec::new();
        walk(path, "", &[".py", ".mpy"], order, &mut files, 0)?;
        return Ok(files
            .into_iter()
            .map(|(full_path, target_path)| {
                let kind = if target_path.ends_with(".mpy") {
                    FileKind::Mpy
                } else {
                    FileKind::CompilePy
                };
                SourceFile {
                    full_path,
                    target_path,
                    kind,
                    opt: None,
                    version: None,
                }
            })
            .collect());
    }
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| Error::at(path, "not a file name"))?;
    let kind = match Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("py") => FileKind::CompilePy,
        Some("mpy") => FileKind::Mpy,
        _ => {
            return Err(Error::at(
                path,
                "expected a .py or .mpy file, a directory, or a manifest",
            ))
        }
    };
    Ok(vec![SourceFile {
        full_path: path.to_path_buf(),
        target_path: name.to_string(),
        kind,
        opt: None,
        version: None,
    }])
}

/// The order in which directory walks visit the entries of one directory.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WalkOrder {
    /// The file system's order, as Python's `os.walk` (and so the reference tools) sees it:
    /// the default, so that firmware C is the reference's text exactly.
    #[default]
    FileSystem,
    /// Sorted by name: the same on every machine (`mpy-freeze --sorted`).
    Sorted,
}

/// Files under `dir` whose extension is in `exts`, as (host path, path relative to the walk
/// root joined to `prefix`), in the order `os.walk` visits them: the files of a directory, then
/// its subdirectories, each directory's entries in `order`.
pub(crate) fn walk(
    dir: &Path,
    prefix: &str,
    exts: &[&str],
    order: WalkOrder,
    out: &mut Vec<(PathBuf, String)>,
    depth: usize,
) -> Result<()> {
    if depth > 64 {
        return Err(Error::at(
            dir,
            "directories nested too deeply (a symlink loop?)",
        ));
    }
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, &e))? {
        let entry = entry.map_err(|e| Error::io(dir, &e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        entries.push((name, entry.path()));
    }
    if order == WalkOrder::Sorted {
        entries.sort();
    }
    let mut subdirs = Vec::new();
    for (name, path) in entries {
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        if path.is_dir() {
            subdirs.push((rel, path));
        } else {
            let lower = name.to_ascii_lowercase();
            if exts
                .iter()
                .any(|ext| lower.ends_with(ext) && lower.len() > ext.len())
            {
                out.push((path, rel));
            }
        }
    }
    for (rel, path) in subdirs {
        walk(&path, &rel, exts, order, out, depth + 1)?;
    }
    Ok(())
}
