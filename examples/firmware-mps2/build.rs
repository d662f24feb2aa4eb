//! Build script: links with `link.x` (mps2-an385 memory map) and embeds the frozen image
//! named by `MPY_FROZEN_IMAGE` (written by `run.sh` with `mpy-freeze --image`).

fn main() {
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    println!("cargo:rustc-link-search={dir}");
    println!("cargo:rustc-link-arg=-Tlink.x");
    println!("cargo:rerun-if-changed=link.x");
    println!("cargo:rerun-if-env-changed=MPY_FROZEN_IMAGE");
}
