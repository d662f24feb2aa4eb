//! The MicroPython `.mpy` v6.3 data model: header, qstr table, constants, raw-code tree.
//!
//! `no_std` + `alloc` at the core; the `std` feature adds `std::error::Error` impls.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod arch;
pub mod opcode;
pub mod static_qstr;
