//! Fuzz target: any bytes as a frozen image are loaded and module `main` run on runtime-min
//! (bounded by fuel, recursion depth and a small heap): an error or output, never a panic
//! (the image loader and the VM are the firmware's front end).
#![no_main]

use libfuzzer_sys::fuzz_target;
use runtime_min::{FrozenImage, Output, Vm};

struct Discard;

impl Output for Discard {
    fn write(&mut self, _bytes: &[u8]) {}
}

fuzz_target!(|data: &[u8]| {
    // Flash images are word aligned: copy into a u32 buffer first.
    let mut words = vec![0u32; data.len().div_ceil(4)];
    for (i, b) in data.iter().enumerate() {
        words[i / 4] |= u32::from(*b) << (8 * (i % 4));
    }
    // SAFETY: a u32 buffer viewed as its bytes (little-endian host), `data.len()` long.
    let image: &[u8] = unsafe { core::slice::from_raw_parts(words.as_ptr().cast::<u8>(), data.len()) };
    let source = FrozenImage { image };
    let mut heap = vec![0u8; 16 * 1024];
    let mut out = Discard;
    let Ok(mut vm) = Vm::new(&mut heap, &source, &mut out) else {
        return;
    };
    vm.fuel = 200_000;
    vm.max_depth = 20;
    let _ = vm.run_module(image, "main");
});
