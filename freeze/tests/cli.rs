//! The `mpy-freeze` command line: listing a manifest, writing outputs, and failing with one
//! clear message and a non-zero exit status.

use std::path::Path;
use std::process::Command;

fn mpy_freeze() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mpy-freeze"))
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn lists_a_manifest_like_manifestfile() {
    let out = mpy_freeze()
        .arg("--list")
        .arg(fixture("require").join("manifest.py"))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let rows: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split(' ').take(4).collect())
        .collect();
    // Same order, kinds, opt levels and versions as tools/manifestfile.py reports for it.
    let expected = [
        ["subm.py", "py", "-", "-"],
        ["fancy/__init__.py", "py", "-", "0.2.1"],
        ["fancy/core.py", "py", "-", "0.2.1"],
        ["pkgA/__init__.py", "py", "2", "-"],
        ["pkgA/inner/b.py", "py", "2", "-"],
        ["solo.py", "py", "-", "-"],
    ];
    assert_eq!(
        rows,
        expected.iter().map(|r| r.to_vec()).collect::<Vec<_>>()
    );
}

#[test]
fn writes_outputs_and_reports() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_outputs");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    let out = mpy_freeze()
        .arg(fixture("packages").join("manifest.py"))
        .arg("--c")
        .arg(dir.join("frozen_content.c"))
        .arg("--image")
        .arg(dir.join("frozen.bin"))
        .arg("--elf")
        .arg(dir.join("frozen.o"))
        .arg("--romfs")
        .arg(dir.join("out.romfs"))
        .arg("--report")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        report.contains("pkg/sub/mod.py")
            && report.contains("textmod.py")
            && report.contains("(checked)"),
        "{report}"
    );
    let c = std::fs::read_to_string(dir.join("frozen_content.c")).expect("C written");
    assert!(c.contains("const char mp_frozen_names[]") && c.contains("\"textmod.py\\0\""));
    let image = std::fs::read(dir.join("frozen.bin")).expect("image written");
    assert!(mpy_format::image::ImageView::new(&image).is_ok());
    let dump = mpy_freeze()
        .arg("--dump-image")
        .arg(dir.join("frozen.bin"))
        .output()
        .expect("runs");
    assert!(dump.status.success());
    let listing = String::from_utf8(dump.stdout).expect("utf-8");
    assert!(
        listing.starts_with("image v1: ") && listing.contains("module 2: 'pkg/sub/mod.py'"),
        "{listing}"
    );
    assert!(listing.contains("int 12345678901234567890123"), "{listing}");
    let romfs = std::fs::read(dir.join("out.romfs")).expect("romfs written");
    assert_eq!(&romfs[..3], &[0xd2, 0xcd, 0x31]);
    assert_eq!(romfs.len() % 2, 0);
}

#[test]
fn fails_with_one_message_naming_the_line() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_error");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    let manifest = dir.join("manifest.py");
    std::fs::write(&manifest, "x = 1\nexec('evil')\n").expect("write");
    let out = mpy_freeze()
        .arg(&manifest)
        .arg("--c")
        .arg(dir.join("out.c"))
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!("{}:2:", manifest.display())),
        "{stderr}"
    );
    assert!(stderr.contains("name 'exec' is not defined"), "{stderr}");
    assert!(!dir.join("out.c").exists());
}

/// An output path naming a symbolic link or a device is written through, never replaced by a
/// rename (a rename over `/dev/null`, as root, turns it into a regular file).
#[cfg(unix)]
#[test]
fn outputs_through_a_symlink_or_a_device_are_written_not_replaced() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_through");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("target.bin"), b"old").expect("write");
    std::os::unix::fs::symlink("target.bin", dir.join("link.bin")).expect("symlink");
    let out = mpy_freeze()
        .arg(fixture("packages").join("manifest.py"))
        .arg("--image")
        .arg(dir.join("link.bin"))
        .arg("--c")
        .arg("/dev/null")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let link = std::fs::symlink_metadata(dir.join("link.bin")).expect("link");
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    assert_ne!(
        std::fs::read(dir.join("target.bin")).expect("target"),
        b"old"
    );
    let null = std::fs::symlink_metadata("/dev/null").expect("/dev/null");
    assert!(
        !null.file_type().is_file(),
        "/dev/null became a regular file"
    );
}
