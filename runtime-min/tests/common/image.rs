//! Frozen images for the tests: sources compiled by our compiler (`mpy_cross::compile`) and
//! laid out with `mpy_format::image::write_image`, as `mpy-freeze --image` does.

use mpy_format::image::{write_image, ImageLayout, ImageModule};
use mpy_format::model::MpyFile;

/// Compile `source` (named `name` in tracebacks) with our compiler to `.mpy` bytes.
pub fn compile_ours_mpy(name: &str, source: &[u8]) -> Option<Vec<u8>> {
    let options = mpy_cross::CompileOptions {
        source_name: name.to_string(),
        ..mpy_cross::CompileOptions::default()
    };
    mpy_cross::compile(source, &options).ok()
}

/// Compile `source` with our compiler into the `.mpy` model.
pub fn compile_ours(name: &str, source: &[u8]) -> Option<MpyFile> {
    MpyFile::read(&compile_ours_mpy(name, source)?).ok()
}

/// Freeze `(frozen name, model)` pairs into one image.
pub fn freeze(modules: &[(String, MpyFile)]) -> (Vec<u8>, ImageLayout) {
    let inputs: Vec<ImageModule<'_>> = modules
        .iter()
        .map(|(name, mpy)| ImageModule { name, mpy })
        .collect();
    write_image(&inputs).expect("image builds")
}

/// A behaviour program's `.expected` output as a frozen module prints it: without the
/// `<stdin>` traceback frame the wasm harness adds.
pub fn expected_when_frozen(expected: &str) -> String {
    expected.replace("  File \"<stdin>\", line 1, in <module>\n", "")
}
