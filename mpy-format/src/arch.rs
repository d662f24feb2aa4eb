//! Target architectures of native code (`MP_NATIVE_ARCH_*`, py/persistentcode.h) and their `-march` names.

use core::fmt;

/// A native-code architecture as numbered in the `.mpy` header (feature byte bits 5..2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[repr(u8)]
pub enum Arch {
    /// No native code (`MP_NATIVE_ARCH_NONE`).
    None = 0,
    /// 32-bit x86.
    X86 = 1,
    /// x86-64.
    X64 = 2,
    /// ARM A32 (ARMv6).
    Armv6 = 3,
    /// Thumb-1 (Cortex-M0/M0+).
    Armv6m = 4,
    /// Thumb-2 (Cortex-M3).
    Armv7m = 5,
    /// Thumb-2 with DSP (Cortex-M4 without FPU).
    Armv7em = 6,
    /// Thumb-2 with single-precision FPU (Cortex-M4F).
    Armv7emsp = 7,
    /// Thumb-2 with double-precision FPU (Cortex-M7).
    Armv7emdp = 8,
    /// Xtensa, call0 ABI (ESP8266).
    Xtensa = 9,
    /// Xtensa, windowed ABI (ESP32).
    Xtensawin = 10,
    /// RISC-V RV32IMC.
    Rv32imc = 11,
    /// RISC-V RV64IMC.
    Rv64imc = 12,
    /// The reference's text-trace "debug" emitter.
    Debug = 13,
}

impl Arch {
    /// Every architecture, in number order.
    pub const ALL: [Self; 14] = [
        Self::None,
        Self::X86,
        Self::X64,
        Self::Armv6,
        Self::Armv6m,
        Self::Armv7m,
        Self::Armv7em,
        Self::Armv7emsp,
        Self::Armv7emdp,
        Self::Xtensa,
        Self::Xtensawin,
        Self::Rv32imc,
        Self::Rv64imc,
        Self::Debug,
    ];

    /// The architecture with this header number.
    #[must_use]
    pub fn from_number(n: u8) -> Option<Self> {
        Self::ALL.get(usize::from(n)).copied()
    }

    /// The header number.
    #[must_use]
    pub const fn number(self) -> u8 {
        self as u8
    }

    /// The name `-march=` takes and the reference prints (`"armv7m"`); `"none"` for [`Arch::None`].
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::X86 => "x86",
            Self::X64 => "x64",
            Self::Armv6 => "armv6",
            Self::Armv6m => "armv6m",
            Self::Armv7m => "armv7m",
            Self::Armv7em => "armv7em",
            Self::Armv7emsp => "armv7emsp",
            Self::Armv7emdp => "armv7emdp",
            Self::Xtensa => "xtensa",
            Self::Xtensawin => "xtensawin",
            Self::Rv32imc => "rv32imc",
            Self::Rv64imc => "rv64imc",
            Self::Debug => "debug",
        }
    }

    /// Parse a `-march=` name (not `host`, which the CLI resolves to the host's architecture).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|a| *a != Self::None && a.name() == name)
    }

    /// Bytes in a machine word of native code for this architecture (the prelude-index word).
    #[must_use]
    pub const fn word_size(self) -> usize {
        match self {
            Self::X64 | Self::Rv64imc => 8,
            _ => 4,
        }
    }
}

impl fmt::Display for Arch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_names_round_trip() {
        for arch in Arch::ALL {
            assert_eq!(Arch::from_number(arch.number()), Some(arch));
            if arch != Arch::None {
                assert_eq!(Arch::from_name(arch.name()), Some(arch));
            }
        }
        assert_eq!(Arch::from_number(14), None);
        assert_eq!(Arch::from_name("none"), None);
    }
}
