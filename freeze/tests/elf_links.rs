//! The ELF object links like any other object: with the host C toolchain (a program reads the
//! image through `mpy_frozen_image`) and with the Arm bare-metal linker (a firmware image at
//! 0x08000000). Each part is skipped when its toolchain is not installed.

use std::path::{Path, PathBuf};
use std::process::Command;

use freeze::output::{build, Request};
use freeze::CompileOptions;
use mpy_format::Arch;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("elf_links")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    dir
}

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Write `image` and `elf` for the `packages` fixture (bytecode only) targeting `arch`.
fn freeze_packages(dir: &Path, arch: Arch) -> Vec<u8> {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packages/manifest.py");
    let req = Request {
        manifests: vec![fixture],
        options: CompileOptions {
            arch: Some(arch),
            ..CompileOptions::default()
        },
        image: Some(dir.join(format!("{arch}.bin"))),
        elf: Some(dir.join(format!("{arch}.o"))),
        ..Request::default()
    };
    build(&req).expect("freezes").write().expect("writes");
    std::fs::read(dir.join(format!("{arch}.bin"))).expect("image")
}

#[test]
fn host_program_reads_the_linked_image() {
    if !cfg!(all(target_arch = "x86_64", target_os = "linux")) || !have("cc") {
        eprintln!("skipping: no x86-64 Linux C toolchain");
        return;
    }
    let dir = scratch("host");
    let image = freeze_packages(&dir, Arch::X64);
    std::fs::write(
        dir.join("main.c"),
        r#"#include <stdio.h>
#include <stdint.h>
#include <string.h>
extern const uint8_t mpy_frozen_image[];
int main(void) {
    uint32_t size;
    memcpy(&size, mpy_frozen_image + 8, 4);
    printf("%.4s %u %d\n", (const char *)mpy_frozen_image, size, (int)(((uintptr_t)mpy_frozen_image & 3) == 0));
    return 0;
}
"#,
    )
    .expect("write main.c");
    let out = Command::new("cc")
        .current_dir(&dir)
        .args(["-Wall", "-Werror", "-o", "prog", "main.c", "x64.o"])
        .output()
        .expect("cc runs");
    assert!(
        out.status.success(),
        "link failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = Command::new(dir.join("prog"))
        .output()
        .expect("program runs");
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        format!("MPYI {} 1\n", image.len())
    );
}

#[test]
fn arm_firmware_links_the_image() {
    if !have("arm-none-eabi-ld") {
        eprintln!("skipping: arm-none-eabi-ld not installed");
        return;
    }
    let dir = scratch("arm");
    let image = freeze_packages(&dir, Arch::Armv7m);
    let out = Command::new("arm-none-eabi-ld")
        .current_dir(&dir)
        .args([
            "--require-defined=mpy_frozen_image",
            "-Ttext=0x08000000",
            "-e",
            "0x08000000",
            "-o",
            "fw.elf",
        ])
        .arg("armv7m.o")
        .output()
        .expect("ld runs");
    assert!(
        out.status.success(),
        "link failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fw = std::fs::read(dir.join("fw.elf")).expect("firmware");
    let elf = goblin::elf::Elf::parse(&fw).expect("firmware parses");
    let sym = elf
        .syms
        .iter()
        .find(|s| elf.strtab.get_at(s.st_name) == Some("mpy_frozen_image"))
        .expect("symbol");
    assert_eq!(sym.st_size as usize, image.len());
    assert_eq!(sym.st_value % 4, 0);
    // The image bytes sit at the symbol's address in the linked firmware.
    let section = &elf.section_headers[sym.st_shndx];
    let at = usize::try_from(section.sh_offset + (sym.st_value - section.sh_addr)).expect("offset");
    assert_eq!(&fw[at..at + image.len()], image.as_slice());
}
