//! The `--report` table: per module, the ROM bytes of the image (bytecode, machine code, qstr
//! strings, constants, raw-code records) and an estimate of the RAM importing it still costs,
//! with totals checked against the sizes read back from the ELF object.

use std::collections::HashSet;
use std::fmt::Write as _;

use mpy_format::RawCodeKind;

use crate::elf::{read_back, BuiltImage};
use crate::error::{Error, Result};
use crate::project::FrozenModule;

/// Bytes of one machine word on the targets the estimate is for (32-bit MCUs).
const WORD: usize = 4;

/// What importing a module allocates, counted from its top-level bytecode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportCost {
    /// Function and closure objects created by the module body (`MAKE_FUNCTION*`, `MAKE_CLOSURE*`).
    pub functions: usize,
    /// Classes built by the module body (`LOAD_BUILD_CLASS`).
    pub classes: usize,
    /// Distinct global names stored by the module body (`STORE_NAME`, `STORE_GLOBAL`, `IMPORT_*` targets).
    pub globals: usize,
}

impl ImportCost {
    /// Estimated RAM bytes: module object (2 words) and module context (3 words), globals dict
    /// (4 words) with 2 words per entry, function objects (4 words), class objects (types with
    /// a locals dict: about 16 words each).
    #[must_use]
    pub const fn bytes(&self) -> usize {
        (2 + 3 + 4) * WORD
            + self.globals * 2 * WORD
            + self.functions * 4 * WORD
            + self.classes * 16 * WORD
    }
}

/// Count what the module body of `module` allocates.
#[must_use]
pub fn import_cost(module: &FrozenModule) -> ImportCost {
    let root = &module.mpy.root;
    let mut cost = ImportCost::default();
    if root.kind != RawCodeKind::Bytecode {
        return cost;
    }
    let Some(Ok(prelude)) = root.prelude() else {
        return cost;
    };
    let mut names = HashSet::new();
    for ins in mpy_format::bytes::Instructions::new(
        &root.fun_data,
        prelude.code_start,
        root.fun_data.len(),
    ) {
        let Ok(ins) = ins else { break };
        let byte = ins.op.to_byte();
        match byte {
            0x20 | 0x21 | 0x32 | 0x33 => cost.functions += 1,
            0x54 => cost.classes += 1,
            0x16 | 0x17 => {
                if let mpy_format::bytes::Operand::Qstr(q) = ins.operand {
                    names.insert(q);
                }
            }
            _ => {}
        }
    }
    cost.globals = names.len();
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
