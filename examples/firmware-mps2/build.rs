//! Build script: links with `link.x` (mps2-an385 memory map), embeds the frozen image named by
//! `MPY_FROZEN_IMAGE` (written by `run.sh` with `mpy-freeze --image`) and sizes the Python heap
//! from `MPY_HEAP_SIZE` (bytes, default 8192) into `$OUT_DIR/config.rs`.

fn main() {
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    println!("cargo:rustc-link-search={dir}");
    println!("cargo:rustc-link-arg=-Tlink.x");
    println!("cargo:rerun-if-changed=link.x");
    println!("cargo:rerun-if-env-changed=MPY_FROZEN_IMAGE");
    println!("cargo:rerun-if-env-changed=MPY_HEAP_SIZE");
    let heap: usize = match std::env::var("MPY_HEAP_SIZE") {
        Ok(text) => text
            .parse()
            .unwrap_or_else(|_| panic!("MPY_HEAP_SIZE={text} is not a number of bytes")),
        Err(_) => 8192,
    };
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let config = format!(
        "/// Bytes of the Python heap (`MPY_HEAP_SIZE`).\nconst HEAP_SIZE: usize = {heap};\n"
    );
    std::fs::write(std::path::Path::new(&out).join("config.rs"), config).expect("write config.rs");
}
