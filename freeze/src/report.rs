//! The `--report` table: per module, the ROM bytes of the image (bytecode, machine code, qstr
//! strings, constants, raw-code records) and an estimate of the RAM importing it still costs,
//! with totals checked against the sizes read back from the ELF object.

use std::collections::HashSet;
use std::fmt::Write as _;

use mpy_format::{RawCode, RawCodeKind};

use crate::elf::{read_back, BuiltImage};
use crate::error::{Error, Result};
use crate::project::FrozenModule;

/// Bytes of one machine word on the targets the estimate is for (32-bit MCUs).
const WORD: usize = 4;

/// What importing a module allocates, counted from the bytecode that runs at import: the
/// module body and the bodies of the classes it defines (recursively).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportCost {
    /// Function and closure objects created at import (`MAKE_FUNCTION*`, `MAKE_CLOSURE*`),
    /// class bodies excluded.
    pub functions: usize,
    /// Classes built at import (`LOAD_BUILD_CLASS`).
    pub classes: usize,
    /// Distinct names stored in the module's globals and the classes' dicts.
    pub dict_entries: usize,
}

impl ImportCost {
    /// Estimated RAM bytes on a 32-bit target: module object (2 words), module context
    /// (3 words), globals dict (4 words), 2 words per dict entry, 4 words per function object,
    /// and per class a type object with its locals dict (about 16 words).
    #[must_use]
    pub const fn bytes(&self) -> usize {
        (2 + 3 + 4) * WORD
            + self.dict_entries * 2 * WORD
            + self.functions * 4 * WORD
            + self.classes * 16 * WORD
    }
}

/// Count what running `rc` (a module or class body) allocates, following class bodies.
fn body_cost(rc: &RawCode, cost: &mut ImportCost, depth: usize) {
    use mpy_format::bytes::Operand;
    if rc.kind != RawCodeKind::Bytecode || depth > 16 {
        return;
    }
    let Some(Ok(prelude)) = rc.prelude() else {
        return;
    };
    let mut names = HashSet::new();
    let mut after_build_class = false;
    for ins in
        mpy_format::bytes::Instructions::new(&rc.fun_data, prelude.code_start, rc.fun_data.len())
    {
        let Ok(ins) = ins else { break };
        let class_body = std::mem::take(&mut after_build_class);
        match (ins.op.to_byte(), ins.operand) {
            // LOAD_BUILD_CLASS; MAKE_FUNCTION <class body>; ...: the body runs now.
            (0x54, _) => {
                cost.classes += 1;
                after_build_class = true;
            }
            (0x32 | 0x33, Operand::Child(child)) if class_body => {
                if let Some(body) = usize::try_from(child).ok().and_then(|c| rc.children.get(c)) {
                    body_cost(body, cost, depth + 1);
                }
            }
            (0x20 | 0x21 | 0x32 | 0x33, _) => cost.functions += 1,
            (0x16 | 0x17, Operand::Qstr(q)) => {
                names.insert(q);
            }
            _ => {}
        }
    }
    cost.dict_entries += names.len();
}

/// Count what importing `module` allocates.
#[must_use]
pub fn import_cost(module: &FrozenModule) -> ImportCost {
    let mut cost = ImportCost::default();
    body_cost(&module.mpy.root, &mut cost, 0);
    cost
}

/// Render the report; fails if the figures do not add up to the ELF's sizes.
///
/// # Errors
/// The ELF object does not parse, or its region sizes disagree with the per-module figures.
pub fn render(modules: &[FrozenModule], built: &BuiltImage, elf: &[u8]) -> Result<String> {
    let (section_size, elf_regions) = read_back(elf)?;
    let elf_region = |name: &str| {
        elf_regions
            .iter()
            .find(|(n, _)| n == name)
            .map_or(0, |(_, s)| *s as usize)
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<32} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "module", "bytecode", "machine", "qstrs", "consts", "rawcode", "ROM", "RAM(est)"
    );
    let mut sums = [0usize; 7];
    for (module, sizes) in modules.iter().zip(&built.layout.modules) {
        let cost = import_cost(module);
        let rom = sizes.bytecode
            + sizes.machine_code
            + sizes.strings
            + sizes.constants
            + sizes.raw_codes
            + sizes.module_entry;
        let row = [
            sizes.bytecode,
            sizes.machine_code,
            sizes.strings,
            sizes.constants,
            sizes.raw_codes,
            rom,
            cost.bytes(),
        ];
        for (sum, v) in sums.iter_mut().zip(row) {
            *sum += v;
        }
        let _ = writeln!(
            out,
            "{:<32} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
            module.target_path, row[0], row[1], row[2], row[3], row[4], row[5], row[6]
        );
    }
    // Image overhead: header and padding at region ends (the module table is in the rows).
    let totals = [
        elf_region("bytecode"),
        elf_region("machine_code"),
        elf_region("strings"),
        elf_region("constants"),
        elf_region("raw_codes"),
    ];
    let padding: Vec<usize> = totals
        .iter()
        .zip(&sums)
        .map(|(t, s)| t.saturating_sub(*s))
        .collect();
    let header = elf_region("header");
    let overhead_rom = header + padding.iter().sum::<usize>();
    let _ = writeln!(
        out,
        "{:<32} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "(header, padding)",
        padding[0],
        padding[1],
        padding[2],
        padding[3],
        padding[4],
        overhead_rom,
        0
    );
    let rom_total = sums[5] + overhead_rom;
    let _ = writeln!(
        out,
        "{:<32} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "total", totals[0], totals[1], totals[2], totals[3], totals[4], rom_total, sums[6]
    );
    for ((name, total), sum) in [
        "bytecode",
        "machine_code",
        "strings",
        "constants",
        "raw_codes",
    ]
    .iter()
    .zip(totals)
    .zip(sums)
    {
        if sum > total {
            return Err(Error::plain(format!(
                "report: {name} of the modules ({sum}) exceeds the ELF region ({total})"
            )));
        }
    }
    if rom_total as u64 != section_size
        || elf_region("modules") != modules.len() * mpy_format::image::MODULE_SIZE
    {
        return Err(Error::plain(format!(
            "report: ROM total {rom_total} differs from the ELF section size {section_size}"
        )));
    }
    let _ = writeln!(
        out,
        "image: {section_size} bytes in ELF section {} (checked)",
        crate::elf::IMAGE_SECTION
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mpy_format::MpyFile;

    #[test]
    fn counts_module_and_class_bodies() {
        // The reference mpy-cross's output for (source name t.py):
        //   x = 1
        //   def f(): pass
        //   class C:
        //       y = 2
        //       def m(self): pass
        let mpy: [u8; 100] = [
            0x4d, 0x06, 0x00, 0x1f, 0x0b, 0x00, 0x08, 0x74, 0x2e, 0x70, 0x79, 0x00, 0x0f, 0x02,
            0x43, 0x00, 0x02, 0x66, 0x00, 0x02, 0x6d, 0x00, 0x02, 0x78, 0x00, 0x2f, 0x2d, 0x35,
            0x02, 0x79, 0x00, 0x82, 0x13, 0x81, 0x3c, 0x10, 0x06, 0x01, 0x23, 0x24, 0x81, 0x16,
            0x05, 0x32, 0x00, 0x16, 0x03, 0x54, 0x32, 0x01, 0x10, 0x02, 0x34, 0x02, 0x16, 0x02,
            0x51, 0x63, 0x02, 0x30, 0x00, 0x04, 0x03, 0x20, 0x51, 0x63, 0x81, 0x34, 0x00, 0x06,
            0x02, 0x68, 0x23, 0x11, 0x06, 0x16, 0x07, 0x10, 0x02, 0x16, 0x08, 0x82, 0x16, 0x09,
            0x32, 0x00, 0x16, 0x04, 0x51, 0x63, 0x01, 0x40, 0x09, 0x08, 0x04, 0x0a, 0x60, 0x20,
            0x51, 0x63,
        ];
        let file = MpyFile::read(&mpy).expect("valid .mpy");
        let mut cost = ImportCost::default();
        body_cost(&file.root, &mut cost, 0);
        assert_eq!(cost.classes, 1);
        assert_eq!(cost.functions, 2, "f and C.m");
        // globals x, f, C; class dict __module__, __qualname__, y, m
        assert_eq!(cost.dict_entries, 7);
    }
}
