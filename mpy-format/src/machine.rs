//! Machine-code disassembly for `mpy-dump`: Thumb (armv6m/armv7m/armv7em*) through
//! `yaxpeax-arm`, x86 and x64 through `yaxpeax-x86`; other archs are left to the hex dump.

use alloc::string::String;
use core::fmt::Write;

use yaxpeax_arch::{Decoder, LengthedInstruction, U8Reader};

use crate::arch::Arch;

/// The longest instruction shown as hex bytes before the text column is padded.
const HEX_COLUMN: usize = 10;

/// Disassemble `data[start..end]` into `out`, one instruction per line with its offset into
/// `data`, its bytes and its text. Bytes that do not decode are shown as `.byte`/`.hword`.
/// Returns `false` (writing nothing) when `arch` has no disassembler here.
pub(crate) fn disassemble(
    arch: Arch,
    data: &[u8],
    start: usize,
    end: usize,
    out: &mut String,
) -> bool {
    let end = end.min(data.len());
    match arch {
        Arch::Armv6m | Arch::Armv7m | Arch::Armv7em | Arch::Armv7emsp | Arch::Armv7emdp => {
            let decoder = yaxpeax_arm::armv7::InstDecoder::default_thumb();
            walk(data, start, end, 2, out, |bytes| {
                let mut reader = U8Reader::new(bytes);
                decoder.decode(&mut reader).ok().map(|insn| {
                    let len = usize::try_from(insn.len().to_const()).unwrap_or(2);
                    (len, alloc::format!("{insn}"))
                })
            });
            true
        }
        Arch::X64 => {
            let decoder = yaxpeax_x86::amd64::InstDecoder::default();
            walk(data, start, end, 1, out, |bytes| {
                let mut reader = U8Reader::new(bytes);
                decoder.decode(&mut reader).ok().map(|insn| {
                    let len = usize::try_from(insn.len().to_const()).unwrap_or(1);
                    (len, alloc::format!("{insn}"))
                })
            });
            true
        }
        Arch::X86 => {
            let decoder = yaxpeax_x86::protected_mode::InstDecoder::default();
            walk(data, start, end, 1, out, |bytes| {
                let mut reader = U8Reader::new(bytes);
                decoder.decode(&mut reader).ok().map(|insn| {
                    let len = usize::try_from(insn.len().to_const()).unwrap_or(1);
                    (len, alloc::format!("{insn}"))
                })
            });
            true
        }
        _ => false,
    }
}

/// Decode instructions one after the other; `step` bytes are skipped over anything that does
/// not decode (or would run past `end`).
fn walk(
    data: &[u8],
    start: usize,
    end: usize,
    step: usize,
    out: &mut String,
    decode: impl Fn(&[u8]) -> Option<(usize, String)>,
) {
    let mut offset = start;
    while offset < end {
        let (len, text) = match decode(&data[offset..end]) {
            Some((len, text)) if len > 0 && offset + len <= end => (len, text),
            _ => {
                let len = step.min(end - offset);
                let value = data[offset..offset + len]
                    .iter()
                    .rev()
                    .fold(0u32, |acc, &b| acc << 8 | u32::from(b));
                let directive = if len == 2 { ".hword" } else { ".byte" };
                (len, alloc::format!("{directive} 0x{value:x}"))
            }
        };
        let _ = write!(out, "  {offset:04x}: ");
        let mut hex = String::new();
        for byte in &data[offset..offset + len] {
            let _ = write!(hex, "{byte:02x}");
        }
        let _ = writeln!(out, "{hex:<width$}  {text}", width = HEX_COLUMN * 2);
        offset += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thumb2_and_x64_decode() {
        let mut out = String::new();
        // push {r4-r7, lr}; movw r0, #0x1234; ldr.w r1, [r2, #4]
        let thumb = [0xf0, 0xb5, 0x41, 0xf2, 0x34, 0x20, 0xd2, 0xf8, 0x04, 0x10];
        assert!(disassemble(Arch::Armv7m, &thumb, 0, thumb.len(), &mut out));
        assert!(out.contains("push {r4, r5, r6, r7, lr}"), "{out}");
        assert!(out.contains("ldr.w r1, [r2, 0x4]"), "{out}");
        out.clear();
        // push rbp; mov rax, qword [rdi + 0x8]; ret
        let x64 = [0x55, 0x48, 0x8b, 0x47, 0x08, 0xc3];
        assert!(disassemble(Arch::X64, &x64, 0, x64.len(), &mut out));
        assert_eq!(out.lines().count(), 3, "{out}");
        assert!(out.contains("mov rax, qword [rdi + 0x8]"), "{out}");
        assert!(!disassemble(Arch::Xtensa, &x64, 0, x64.len(), &mut out));
    }

    #[test]
    fn undecodable_bytes_are_shown_as_data() {
        let mut out = String::new();
        // A lone first half of a 32-bit Thumb-2 instruction at the end.
        assert!(disassemble(Arch::Armv7m, &[0x41, 0xf2], 0, 2, &mut out));
        assert!(out.contains(".hword 0xf241"), "{out}");
    }
}
