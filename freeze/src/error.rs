//! The one error type of the freeze crate: a message naming the file (and line, for manifests).

use std::fmt;
use std::path::{Path, PathBuf};

/// A freeze failure, located at a file and optionally a line in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The file the error is about (a manifest, a source file, an `.mpy`, an output).
    pub path: Option<PathBuf>,
    /// 1-based line in `path` (manifests and Python sources).
    pub line: Option<u32>,
    /// What went wrong.
    pub message: String,
}

impl Error {
    /// An error about `path`.
    #[cold]
    pub fn at(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Self {
            path: Some(path.as_ref().to_path_buf()),
            line: None,
            message: message.into(),
        }
    }

    /// An error about line `line` of `path`.
    #[cold]
    pub fn at_line(path: impl AsRef<Path>, line: u32, message: impl Into<String>) -> Self {
        Self {
            path: Some(path.as_ref().to_path_buf()),
            line: Some(line),
            message: message.into(),
        }
    }

    /// An error not tied to a file (bad option values).
    #[cold]
    pub fn plain(message: impl Into<String>) -> Self {
        Self {
            path: None,
            line: None,
            message: message.into(),
        }
    }

    /// An I/O error on `path`.
    #[cold]
    pub fn io(path: impl AsRef<Path>, err: &std::io::Error) -> Self {
        Self::at(path, err.to_string())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(path), Some(line)) => write!(f, "{}:{line}: {}", path.display(), self.message),
            (Some(path), None) => write!(f, "{}: {}", path.display(), self.message),
            (None, _) => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

/// Results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
