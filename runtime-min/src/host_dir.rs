//! Modules from a directory of `.mpy` files (the `std` feature; `mpy-run FILE.mpy` imports
//! through it), found as MicroPython's importer finds `.py`/`.mpy` files in a directory of
//! `sys.path` (py/builtinimport.c): module `a.b` is `a/b.mpy`, else the package
//! `a/b/__init__.mpy`, else, for a directory `a/b`, a namespace package.

use crate::CodeSource;
use std::boxed::Box;
use std::path::PathBuf;

/// Modules are `.mpy` files under `dir`, loaded on first use and leaked
/// (they must outlive the VM, like flash): `a.b` is `a/b.mpy`, else the package
/// `a/b/__init__.mpy`; a directory `a/b` without `__init__.mpy` is a namespace package.
pub struct DirSource {
    /// The directory (the main file's).
    pub dir: PathBuf,
}

impl DirSource {
    /// The path of dotted module `name` without its extension (None for names that would
    /// leave the directory).
    fn stem(&self, name: &[u8]) -> Option<PathBuf> {
        let name = std::str::from_utf8(name).ok()?;
        if name.is_empty()
            || name
                .split('.')
                .any(|part| part.is_empty() || part.contains(['/', '\\']))
        {
            return None;
        }
        Some(self.dir.join(name.replace('.', "/")))
    }

    fn module_file(&self, name: &[u8]) -> Option<PathBuf> {
        let stem = self.stem(name)?;
        let file = stem.with_extension("mpy");
        if file.is_file() {
            return Some(file);
        }
        Some(stem.join("__init__.mpy")).filter(|f| f.is_file())
    }
}

impl<'a> CodeSource<'a> for DirSource {
    fn find(&self, name: &[u8]) -> Option<&'a [u8]> {
        let data = std::fs::read(self.module_file(name)?).ok()?;
        Some(Box::leak(data.into_boxed_slice()))
    }

    fn is_package(&self, name: &[u8]) -> bool {
        self.module_file(name)
            .is_some_and(|f| f.file_name().is_some_and(|n| n == "__init__.mpy"))
    }

    fn is_namespace(&self, name: &[u8]) -> bool {
        self.module_file(name).is_none() && self.stem(name).is_some_and(|d| d.is_dir())
    }
}
