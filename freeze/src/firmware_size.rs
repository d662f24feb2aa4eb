//! Flash and RAM use of a linked firmware ELF (the `firmware-size` command): what the sections
//! cost in flash and RAM, how much of the flash is the frozen image, and the largest symbols.
//!
//! Flash is every allocated section with contents (code, read-only data, the frozen image and the
//! initial values of `.data`); RAM is every writable allocated section (`.data` and `.bss`, which
//! holds the Python heap). The stack comes on top of RAM and is measured at run time.

use goblin::elf::section_header::{SHF_ALLOC, SHF_WRITE, SHT_NOBITS};
use goblin::elf::Elf;

/// Name of the output section the example firmware gives the image (examples/firmware-mps2/link.x).
pub const IMAGE_SECTION: &str = ".frozen_image";

/// One allocated section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionUse {
    /// Section name.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// Occupies flash (has contents in the file).
    pub flash: bool,
    /// Occupies RAM (writable).
    pub ram: bool,
}

/// The size report of one firmware.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FirmwareSize {
    /// Allocated sections in file order.
    pub sections: Vec<SectionUse>,
    /// Bytes of flash in all.
    pub flash: u64,
    /// Bytes of flash taken by the frozen image (the [`IMAGE_SECTION`] section, or the
    /// `mpy_frozen_image` symbol of an `mpy-freeze --elf` object linked in).
    pub image: u64,
    /// Bytes of RAM in all (static: `.data` + `.bss`).
    pub ram: u64,
    /// The largest code and data symbols, largest first: (demangled name, bytes).
    pub largest: Vec<(String, u64)>,
}

impl FirmwareSize {
    /// Flash bytes that are not the image: the runtime and the firmware.
    #[must_use]
    pub const fn runtime(&self) -> u64 {
        self.flash - self.image
    }
}

/// Reads the sizes of the firmware ELF `bytes`, keeping the `top` largest symbols.
///
/// # Errors
/// The bytes are not an ELF file (goblin's message).
pub fn measure(bytes: &[u8], top: usize) -> Result<FirmwareSize, String> {
    let elf = Elf::parse(bytes).map_err(|e| format!("not an ELF file: {e}"))?;
    let mut size = FirmwareSize::default();
    for header in &elf.section_headers {
        if header.sh_flags & u64::from(SHF_ALLOC) == 0 || header.sh_size == 0 {
            continue;
        }
        let name = elf
            .shdr_strtab
            .get_at(header.sh_name)
            .unwrap_or("?")
            .to_string();
        let flash = header.sh_type != SHT_NOBITS;
        let ram = header.sh_flags & u64::from(SHF_WRITE) != 0;
        if flash {
            size.flash += header.sh_size;
        }
        if ram {
            size.ram += header.sh_size;
        }
        if name == IMAGE_SECTION {
            size.image = header.sh_size;
        }
        size.sections.push(SectionUse {
            name,
            size: header.sh_size,
            flash,
            ram,
        });
    }
    let mut symbols: Vec<(String, u64)> = elf
        .syms
        .iter()
        .filter(|s| {
            s.st_size > 0 && (s.is_function() || s.st_type() == goblin::elf::sym::STT_OBJECT)
        })
        .map(|s| {
            let raw = elf.strtab.get_at(s.st_name).unwrap_or("?");
            (format!("{:#}", rustc_demangle::demangle(raw)), s.st_size)
        })
        .collect();
    if size.image == 0 {
        if let Some((_, bytes)) = symbols.iter().find(|(name, _)| name == "mpy_frozen_image") {
            size.image = *bytes;
        }
    }
    symbols.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    symbols.truncate(top);
    size.largest = symbols;
    Ok(size)
}

/// `1234567` as `1,234,567`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The report as text; `flash_budget` (bytes) adds a line saying whether flash fits it.
#[must_use]
pub fn render(size: &FirmwareSize, flash_budget: Option<u64>) -> String {
    let mut out = String::new();
    for s in &size.sections {
        let place = match (s.flash, s.ram) {
            (true, true) => "flash+ram",
            (true, false) => "flash",
            (false, _) => "ram",
        };
        out.push_str(&format!(
            "  {:<16} {:>10} bytes  {place}\n",
            s.name,
            grouped(s.size)
        ));
    }
    out.push_str(&format!(
        "flash: {} bytes (runtime and firmware {} + frozen image {})\n",
        grouped(size.flash),
        grouped(size.runtime()),
        grouped(size.image)
    ));
    out.push_str(&format!(
        "ram:   {} bytes static (.data + .bss, heap included), plus the stack\n",
        grouped(size.ram)
    ));
    if let Some(budget) = flash_budget {
        let verdict = if size.flash <= budget {
            "within"
        } else {
            "OVER"
        };
        out.push_str(&format!(
            "flash budget {} bytes: {verdict} ({:.0}%)\n",
            grouped(budget),
            size.flash as f64 * 100.0 / budget as f64
        ));
    }
    if !size.largest.is_empty() {
        out.push_str("largest symbols:\n");
        for (name, bytes) in &size.largest {
            out.push_str(&format!("  {:>8}  {name}\n", grouped(*bytes)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn rejects_non_elf() {
        assert!(measure(b"not an elf", 3).is_err());
    }

    #[test]
    fn measures_an_object_with_the_image_symbol() {
        // An mpy-freeze --elf object: its image section is allocated flash with the symbol.
        let built = crate::elf::build_image(&[]).expect("empty image");
        let object = crate::elf::write_elf(&built, None).expect("object");
        let size = measure(&object, 5).expect("elf");
        let len = built.image.len() as u64;
        assert!(len > 0);
        assert_eq!(size.image, len);
        assert_eq!(size.flash, len);
        assert_eq!(size.ram, 0);
    }
}
