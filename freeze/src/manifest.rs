//! Manifest evaluation (placeholder).
use crate::error::{Error, Result};
use crate::project::SourceFile;
use std::path::Path;
/// A manifest being evaluated.
pub struct Manifest {
    files: Vec<SourceFile>,
}
impl Manifest {
    /// A new evaluator.
    #[must_use]
    pub fn new(_vars: &[(String, String)]) -> Self {
        Self { files: Vec::new() }
    }
    /// Evaluate a manifest file.
    ///
    /// # Errors
    /// Always, for now.
    pub fn execute(&mut self, path: &Path) -> Result<()> {
        Err(Error::at(path, "manifests not supported yet"))
    }
    /// The files collected.
    #[must_use]
    pub fn into_files(self) -> Vec<SourceFile> {
        self.files
    }
}
