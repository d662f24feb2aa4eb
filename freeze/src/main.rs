//! `mpy-freeze`: the command line of the freeze crate.
fn main() {}
