//! The host's compiler for `eval`, `exec` and `compile` (feature `std`): `mpy-cross` compiles
//! the source to a bytecode `.mpy` that is appended to an arena the VM runs it from.
//!
//! Compiled code must stay where it is while the VM lives (functions made by it run from
//! it), and the VM keeps it in one image slot, so results are appended to one arena of
//! [`ARENA_BYTES`] (lazily committed memory, never freed) and each compile hands the VM the
//! arena's whole written prefix; the VM swaps its slot's slice for the longer one
//! ([`crate::compiler`]). Once the arena is full, compiling raises `MemoryError` (a few
//! hundred thousand `eval`s of short expressions).

use crate::compiler::{CompileErrorKind, CompileFailure, CompileMode, CompiledSource};
use std::borrow::ToOwned;
use std::boxed::Box;
use std::cell::Cell;
use std::vec;

/// Bytes of one arena: qstr references reach 8 MiB into an image.
pub const ARENA_BYTES: usize = 8 << 20;

/// `mpy-cross` as the VM's [`crate::compiler::SourceCompiler`].
pub struct HostCompiler {
    /// Start of the current arena (null before the first compile). Bytes before `len` are
    /// shared with the VM and never written again; the rest is written only through this
    /// pointer.
    base: Cell<*mut u8>,
    len: Cell<usize>,
}

impl Default for HostCompiler {
    fn default() -> Self {
        Self::new()
    }
}

impl HostCompiler {
    /// A compiler with no arena yet.
    #[must_use]
    pub fn new() -> Self {
        HostCompiler {
            base: Cell::new(core::ptr::null_mut()),
            len: Cell::new(0),
        }
    }

    /// Append `mpy` to the arena: the arena's prefix up to its end, and where it starts;
    /// None when the arena is full.
    // The one `unsafe` of the project: the VM must see the arena as one growing slice (its
    // bytes at fixed offsets, in the image slot it already names) while the host keeps
    // writing past the end; safe Rust cannot hand out a shared prefix of a buffer that is
    // still being filled.
    #[allow(unsafe_code)]
    fn append(&self, mpy: &[u8]) -> Option<CompiledSource<'static>> {
        if self.base.get().is_null() {
            let arena: &'static mut [u8] = Box::leak(vec![0u8; ARENA_BYTES].into_boxed_slice());
            self.base.set(arena.as_mut_ptr());
        }
        let start = self.len.get();
        let end = start.checked_add(mpy.len()).filter(|&e| e <= ARENA_BYTES)?;
        // SAFETY: `base` points to a leaked allocation of ARENA_BYTES bytes and `start..end`
        // lies inside it, past every byte handed out before (those are only read from now
        // on), so no shared slice covers the bytes written here.
        let image = unsafe {
            core::ptr::copy_nonoverlapping(mpy.as_ptr(), self.base.get().add(start), mpy.len());
            core::slice::from_raw_parts(self.base.get().cast_const(), end)
        };
        self.len.set(end);
        Some(CompiledSource { image, start })
    }
}

impl<'a> crate::compiler::SourceCompiler<'a> for HostCompiler {
    fn compile(
        &self,
        source: &[u8],
        filename: &str,
        mode: CompileMode,
        optimize: u8,
    ) -> Result<CompiledSource<'a>, CompileFailure> {
        let options = mpy_cross::CompileOptions {
            source_name: filename.to_owned(),
            input: match mode {
                CompileMode::Exec => mpy_cross::parse::InputKind::File,
                CompileMode::Eval => mpy_cross::parse::InputKind::Eval,
                CompileMode::Single => mpy_cross::parse::InputKind::Single,
            },
            optimize,
            ..mpy_cross::CompileOptions::default()
        };
        match mpy_cross::compile(source, &options) {
            Ok(mpy) => self.append(&mpy).ok_or_else(|| {
                CompileFailure::new(
                    CompileErrorKind::MemoryError,
                    "compiled code buffer full",
                    0,
                    None,
                )
            }),
            Err(e) => Err(failure(&e)),
        }
    }
}

/// The VM's view of a compile error.
fn failure(e: &mpy_cross::CompileError) -> CompileFailure {
    use mpy_cross::ErrorClass as C;
    let kind = match e.class {
        C::SyntaxError | C::ViperTypeError => CompileErrorKind::SyntaxError,
        C::IndentationError => CompileErrorKind::IndentationError,
        C::NotImplementedError => CompileErrorKind::NotImplementedError,
        C::ValueError => CompileErrorKind::ValueError,
        C::MemoryError => CompileErrorKind::MemoryError,
        C::OverflowError => CompileErrorKind::OverflowError,
        C::UnicodeError => CompileErrorKind::UnicodeError,
        C::RuntimeError => CompileErrorKind::RuntimeError,
    };
    match &e.traceback {
        mpy_cross::Traceback::Parse => CompileFailure::new(kind, &e.message, e.line, None),
        mpy_cross::Traceback::Compile { scope } => {
            CompileFailure::new(kind, &e.message, e.line, Some(scope))
        }
        mpy_cross::Traceback::None => CompileFailure::new(kind, &e.message, 0, None),
    }
}
