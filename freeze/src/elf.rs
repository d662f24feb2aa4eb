//! The runtime-min image and its ELF object wrapper (written with `object::write`; format in
//! docs/image-format.md).

use mpy_format::image::{write_image, ImageLayout, ImageModule};
use mpy_format::Arch;
use object::write::{Object, Symbol, SymbolSection};
use object::{
    Architecture, BinaryFormat, Endianness, SectionKind, SymbolFlags, SymbolKind, SymbolScope,
};

use crate::error::{Error, Result};
use crate::project::FrozenModule;

/// Name of the ELF section that holds the image.
pub const IMAGE_SECTION: &str = ".rodata.mpy_frozen_image";
/// Global symbol at the start of the image (size = image size).
pub const IMAGE_SYMBOL: &str = "mpy_frozen_image";

/// An image and where its regions are.
#[derive(Clone, Debug)]
pub struct BuiltImage {
    /// The image bytes.
    pub image: Vec<u8>,
    /// Region offsets and per-module sizes.
    pub layout: ImageLayout,
}

/// Lay out `modules` (in order) as a runtime-min image.
///
/// # Errors
/// A module the image cannot hold (e.g. native code with relocations), naming its file.
pub fn build_image(modules: &[FrozenModule]) -> Result<BuiltImage> {
    let inputs: Vec<ImageModule<'_>> = modules
        .iter()
        .map(|m| ImageModule {
            name: &m.target_path,
            mpy: &m.mpy,
        })
        .collect();
    let (image, layout) = write_image(&inputs).map_err(|e| match modules.get(e.module) {
        Some(m) => Error::at(&m.mpy_path, e.message),
        None => Error::plain(e.message),
    })?;
    Ok(BuiltImage { image, layout })
}

/// The ELF machine for a target; Arm (the runtime-min targets) when there is no native code.
fn architecture(arch: Option<Arch>) -> (Architecture, u32) {
    const EF_ARM_EABI_VER5: u32 = 0x0500_0000;
    const EF_RISCV_RVC: u32 = 0x0001;
    match arch {
        Some(Arch::X86) => (Architecture::I386, 0),
        Some(Arch::X64) => (Architecture::X86_64, 0),
        Some(Arch::Xtensa | Arch::Xtensawin) => (Architecture::Xtensa, 0),
        Some(Arch::Rv32imc) => (Architecture::Riscv32, EF_RISCV_RVC),
        Some(Arch::Rv64imc) => (Architecture::Riscv64, EF_RISCV_RVC),
        _ => (Architecture::Arm, EF_ARM_EABI_VER5),
    }
}

/// A relocatable ELF object holding `built.image` in [`IMAGE_SECTION`] under [`IMAGE_SYMBOL`],
/// with a local symbol `mpy_frozen_image_<region>` per region.
///
/// # Errors
/// The object writer failed.
pub fn write_elf(built: &BuiltImage, arch: Option<Arch>) -> Result<Vec<u8>> {
    let (architecture, e_flags) = architecture(arch);
    let mut obj = Object::new(BinaryFormat::Elf, architecture, Endianness::Little);
    obj.flags = object::FileFlags::Elf {
        os_abi: 0,
        abi_version: 0,
        e_flags,
    };
    // An empty `.note.GNU-stack`: the object needs no executable stack (GNU ld warns otherwise).
    obj.add_section(Vec::new(), b".note.GNU-stack".to_vec(), SectionKind::Other);
    let section = obj.add_section(
        Vec::new(),
        IMAGE_SECTION.as_bytes().to_vec(),
        SectionKind::ReadOnlyData,
    );
    let offset = obj.append_section_data(section, &built.image, 4);
    obj.add_symbol(Symbol {
        name: IMAGE_SYMBOL.as_bytes().to_vec(),
        value: offset,
        size: built.image.len() as u64,
        kind: SymbolKind::Data,
        scope: SymbolScope::Dynamic,
        weak: false,
        section: SymbolSection::Section(section),
        flags: SymbolFlags::None,
    });
    for (name, start, size) in &built.layout.regions {
        obj.add_symbol(Symbol {
            name: format!("{IMAGE_SYMBOL}_{name}").into_bytes(),
            value: offset + *start as u64,
            size: *size as u64,
            kind: SymbolKind::Data,
            scope: SymbolScope::Compilation,
            weak: false,
            section: SymbolSection::Section(section),
            flags: SymbolFlags::None,
        });
    }
    obj.write()
        .map_err(|e| Error::plain(format!("cannot write the ELF object: {e}")))
}

/// Sizes read back from an ELF object written by [`write_elf`]: the image section's size and
/// each `mpy_frozen_image_<region>` symbol's size.
///
/// # Errors
/// Not an ELF, or the section/symbols are missing.
pub fn read_back(elf: &[u8]) -> Result<(u64, Vec<(String, u64)>)> {
    let parsed = goblin::elf::Elf::parse(elf)
        .map_err(|e| Error::plain(format!("the ELF object does not parse: {e}")))?;
    let section = parsed
        .section_headers
        .iter()
        .find(|sh| parsed.shdr_strtab.get_at(sh.sh_name) == Some(IMAGE_SECTION))
        .ok_or_else(|| Error::plain(format!("the ELF object has no {IMAGE_SECTION} section")))?;
    let prefix = format!("{IMAGE_SYMBOL}_");
    let mut regions = Vec::new();
    for sym in parsed.syms.iter() {
        if let Some(name) = parsed
            .strtab
            .get_at(sym.st_name)
            .and_then(|n| n.strip_prefix(&prefix))
        {
            regions.push((name.to_string(), sym.st_size));
        }
    }
    Ok((section.sh_size, regions))
}
