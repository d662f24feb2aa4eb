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
    let manifest = fixture("require").join("manifest.py");
    let rows: Vec<Vec<String>> = listed_rows(&[manifest.as_os_str()])
        .into_iter()
        .map(|row| row.into_iter().take(4).collect())
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

/// The rows `mpy-freeze --list` prints for `args`, split into their space-separated fields.
fn listed_rows(args: &[&std::ffi::OsStr]) -> Vec<Vec<String>> {
    let out = mpy_freeze()
        .arg("--list")
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| l.split(' ').map(str::to_string).collect())
        .collect()
}

/// The paths (first fields) `mpy-freeze --list` prints for `args`.
fn listed_paths(args: &[&std::ffi::OsStr]) -> Vec<String> {
    listed_rows(args)
        .into_iter()
        .map(|row| row.into_iter().next().unwrap_or_default())
        .collect()
}

#[test]
fn walks_directories_in_os_walk_order_or_sorted() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_walk_order");
    let _ = std::fs::remove_dir_all(&dir);
    // Enough names that a hashed directory order is unlikely to be the sorted one.
    for sub in ["", "zeta/", "alpha/", "mid/deep/"] {
        std::fs::create_dir_all(dir.join(sub)).expect("mkdir");
        for i in 0..12 {
            let name = format!("{sub}m{}_{i}.py", (i * 7919) % 101);
            std::fs::write(dir.join(name), "x = 1\n").expect("write");
        }
    }
    std::fs::write(dir.join("notes.txt"), "not frozen").expect("write");
    // Python's own walk, as tools/manifestfile.py does it for freeze(dir).
    let walk = Command::new("python3")
        .arg("-c")
        .arg(
            "import os,sys\n\
             root=sys.argv[1]\n\
             for d,_,fs in os.walk(root, followlinks=True):\n\
             \x20   for f in fs:\n\
             \x20       if f.endswith('.py'): print(os.path.relpath(os.path.join(d,f), root))\n",
        )
        .arg(&dir)
        .output()
        .expect("python3 runs");
    let expected: Vec<String> = String::from_utf8(walk.stdout)
        .expect("utf-8")
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(expected.len(), 48);
    assert_eq!(listed_paths(&[dir.as_os_str()]), expected);

    let mut sorted_walk = listed_paths(&["--sorted".as_ref(), dir.as_os_str()]);
    let top: Vec<String> = sorted_walk.drain(..12).collect();
    let mut by_name = top.clone();
    by_name.sort();
    assert_eq!(top, by_name, "files of the top directory, by name");
    assert!(sorted_walk[0].starts_with("alpha/"), "{sorted_walk:?}");
    assert!(sorted_walk[12].starts_with("mid/deep/"), "{sorted_walk:?}");
    assert!(sorted_walk[24].starts_with("zeta/"), "{sorted_walk:?}");
}

#[test]
fn a_closed_pipe_ends_the_listing_quietly() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_closed_pipe");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    // More listing than a pipe buffers, so a write must meet the closed pipe.
    for i in 0..1500 {
        std::fs::write(dir.join(format!("module_with_a_long_name_{i}.py")), "").expect("write");
    }
    let mut child = mpy_freeze()
        .arg("--list")
        .arg(&dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("waits");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(141), "{stderr}");
}
