//! Fuzz target: any bytes given to `MpyFile::read` give a model or a located error, never a
//! panic; a model disassembles, validates and re-encodes to bytes that read back to the same model.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mpy_format::disasm::{disassemble, validate};
use mpy_format::MpyFile;

fuzz_target!(|data: &[u8]| {
    match MpyFile::read(data) {
        Ok(file) => {
            let _ = disassemble(&file);
            let _ = validate(&file);
            // Non-canonical vuints re-encode shorter, so compare models, not bytes.
            let bytes = file.write();
            assert_eq!(MpyFile::read(&bytes).as_ref(), Ok(&file), "re-encoding must read back to the same model");
        }
        Err(err) => assert!(err.offset() <= data.len(), "{err}"),
    }
});
