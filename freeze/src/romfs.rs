//! ROMFS images as `mpremote romfs build` makes them (after tools/mpremote/mpremote/romfs.py,
//! `VfsRomWriter` and `make_romfs`; format read by extmod/vfs_rom.c).
//!
//! An image is one filesystem record (`d2 cd 31`, kind `0x14A6B1`) whose payload is a sequence
//! of directory (4) and file (5) records; a file record holds its name and one verbatim data
//! record (2). Every integer is a big-endian vuint. The whole image has even length: the
//! writer pads the top-level length with a leading `0x80` when needed.

use std::path::Path;

use rayon::prelude::*;

use crate::compiler::{CompileOptions, Compiler};
use crate::error::{Error, Result};

/// The filesystem record's kind, already encoded (`0x14A6B1`).
pub const ROMFS_HEADER: [u8; 3] = [0xd2, 0xcd, 0x31];
const RECORD_DATA_VERBATIM: u64 = 2;
const RECORD_DIRECTORY: u64 = 4;
const RECORD_FILE: u64 = 5;

/// Builds a ROMFS image record by record (`VfsRomWriter`).
#[derive(Debug)]
pub struct RomfsWriter {
    /// Open directories: name (None for the root) and the records written into them so far.
    stack: Vec<(Option<String>, Vec<u8>)>,
}

impl Default for RomfsWriter {
    fn default() -> Self {
        Self {
            stack: vec![(None, Vec::new())],
        }
    }
}

fn encode_uint(value: u64, out: &mut Vec<u8>) {
    mpy_format::writer::encode_vuint(value, out);
}

fn pack(kind: u64, payload: &[u8], out: &mut Vec<u8>) {
    encode_uint(kind, out);
    encode_uint(payload.len() as u64, out);
    out.extend_from_slice(payload);
}

impl RomfsWriter {
    /// Start a new writer with an empty root directory.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    fn current(&mut self) -> &mut Vec<u8> {
        // The root is never popped before `finish`, which consumes the writer.
        &mut self
            .stack
            .last_mut()
            .expect("ROMFS writer always has a root")
            .1
    }

    /// Open a subdirectory of the current directory.
    pub fn open_dir(&mut self, name: &str) {
        self.stack.push((Some(name.to_string()), Vec::new()));
    }

    /// Close the innermost open directory (no effect on the root).
    pub fn close_dir(&mut self) {
        if self.stack.len() < 2 {
            return;
        }
        if let Some((Some(name), records)) = self.stack.pop() {
            let mut payload = Vec::with_capacity(name.len() + records.len() + 2);
            encode_uint(name.len() as u64, &mut payload);
            payload.extend_from_slice(name.as_bytes());
            payload.extend_from_slice(&records);
            let mut record = Vec::new();
            pack(RECORD_DIRECTORY, &payload, &mut record);
            self.current().extend_from_slice(&record);
        }
    }

    /// Add a file with verbatim contents to the current directory.
    pub fn add_file(&mut self, name: &str, data: &[u8]) {
        let mut payload = Vec::with_capacity(name.len() + data.len() + 8);
        encode_uint(name.len() as u64, &mut payload);
        payload.extend_from_slice(name.as_bytes());
        pack(RECORD_DATA_VERBATIM, data, &mut payload);
        let mut record = Vec::new();
        pack(RECORD_FILE, &payload, &mut record);
        self.current().extend_from_slice(&record);
    }

    /// Close any open directories and return the image.
    #[must_use]
    pub fn finish(mut self) -> Vec<u8> {
        while self.stack.len() > 1 {
            self.close_dir();
        }
        let records = std::mem::take(self.current());
        let mut len = Vec::new();
        encode_uint(records.len() as u64, &mut len);
        let mut image = Vec::with_capacity(ROMFS_HEADER.len() + len.len() + records.len() + 1);
        image.extend_from_slice(&ROMFS_HEADER);
        if (ROMFS_HEADER.len() + len.len() + records.len()) % 2 == 1 {
            image.push(0x80);
        }
        image.extend_from_slice(&len);
        image.extend_from_slice(&records);
        image
    }
}

/// One entry of the source tree, read before anything is compiled.
enum Entry {
    Dir(String, Vec<Entry>),
    /// Name in the image and contents.
    File(String, Vec<u8>),
    /// Name in the image (`x.mpy`) and index into the compile jobs.
    Compiled(String, usize),
}

struct Job {
    source_name: String,
    source: Vec<u8>,
}

/// Build the ROMFS image of directory `src_dir` the way `mpremote romfs build` does.
///
/// With `compiler`, every `x.py` that has no sibling `x.mpy` is compiled with `options` (the
/// embedded source name is the host path as given: `src_dir/.../x.py`) and stored as `x.mpy`;
/// without, files are stored as they are. Entries are sorted by name; names must be ASCII.
///
/// # Errors
/// An unreadable directory or file, a non-ASCII name, or a compile error, naming the path.
pub fn build_romfs(
    src_dir: &str,
    compiler: Option<&Compiler>,
    options: &CompileOptions,
) -> Result<Vec<u8>> {
    let mut root = src_dir.to_string();
    if !root.ends_with('/') {
        root.push('/');
    }
    let mut jobs = Vec::new();
    let entries = scan_dir(&root, compiler.is_some(), &mut jobs, 0)?;
    let compiled: Vec<Result<Vec<u8>>> = match compiler {
        Some(compiler) => jobs
            .par_iter()
            .map(|job| {
                let options = CompileOptions {
                    source_name: job.source_name.clone(),
                    ..options.clone()
                };
                compiler.compile_py(&job.source, &options)
            })
            .collect(),
        None => Vec::new(),
    };
    let compiled = compiled.into_iter().collect::<Result<Vec<_>>>()?;
    let mut writer = RomfsWriter::new();
    write_entries(&mut writer, &entries, &compiled);
    Ok(writer.finish())
}

/// How deep directories may nest (guards against symlink loops).
const MAX_DEPTH: usize = 64;

fn scan_dir(dir: &str, compile: bool, jobs: &mut Vec<Job>, depth: usize) -> Result<Vec<Entry>> {
    if depth > MAX_DEPTH {
        return Err(Error::at(
            dir,
            "directories nested too deeply (a symlink loop?)",
        ));
    }
    let read = std::fs::read_dir(dir).map_err(|e| Error::io(dir, &e))?;
    let mut names = Vec::new();
    for entry in read {
        let entry = entry.map_err(|e| Error::io(dir, &e))?;
        let name = entry.file_name();
        let Some(name) = name.to_str().filter(|n| n.is_ascii()) else {
            return Err(Error::at(
                Path::new(dir).join(&name),
                "ROMFS names must be ASCII",
            ));
        };
        names.push(name.to_string());
    }
    names.sort();
    let mut entries = Vec::with_capacity(names.len());
    for name in &names {
        let path = format!("{dir}{name}");
        let meta = std::fs::metadata(&path).map_err(|e| Error::io(&path, &e))?;
        if meta.is_dir() {
            let children = scan_dir(&format!("{path}/"), compile, jobs, depth + 1)?;
            entries.push(Entry::Dir(name.clone(), children));
            continue;
        }
        let data = std::fs::read(&path).map_err(|e| Error::io(&path, &e))?;
        if let Some(stem) = name.strip_suffix(".py").filter(|_| compile) {
            let mpy_name = format!("{stem}.mpy");
            if !Path::new(&format!("{dir}{mpy_name}")).is_file() {
                jobs.push(Job {
                    source_name: path,
                    source: data,
                });
                entries.push(Entry::Compiled(mpy_name, jobs.len() - 1));
                continue;
            }
        }
        entries.push(Entry::File(name.clone(), data));
    }
    Ok(entries)
}

fn write_entries(writer: &mut RomfsWriter, entries: &[Entry], compiled: &[Vec<u8>]) {
    for entry in entries {
        match entry {
            Entry::Dir(name, children) => {
                writer.open_dir(name);
                write_entries(writer, children, compiled);
                writer.close_dir();
            }
            Entry::File(name, data) => writer.add_file(name, data),
            Entry::Compiled(name, job) => writer.add_file(name, &compiled[*job]),
        }
    }
}

/// A ROMFS image of a compiled project: each module stored as `<target stem>.mpy`, each
/// text-frozen module as its `.py`, in directories as their target paths say (sorted by name).
#[must_use]
pub fn romfs_of_modules(compiled: &crate::project::Compiled) -> Vec<u8> {
    #[derive(Default)]
    struct Dir<'a> {
        dirs: std::collections::BTreeMap<String, Dir<'a>>,
        files: std::collections::BTreeMap<String, &'a [u8]>,
    }
    fn insert<'a>(dir: &mut Dir<'a>, path: &str, data: &'a [u8]) {
        match path.split_once('/') {
            Some((head, rest)) => insert(dir.dirs.entry(head.to_string()).or_default(), rest, data),
            None => {
                dir.files.insert(path.to_string(), data);
            }
        }
    }
    fn emit(writer: &mut RomfsWriter, dir: &Dir<'_>) {
        // Sorted by name across files and directories, as `sorted(os.listdir())`.
        let mut names: Vec<&String> = dir.dirs.keys().chain(dir.files.keys()).collect();
        names.sort();
        for name in names {
            if let Some(sub) = dir.dirs.get(name) {
                writer.open_dir(name);
                emit(writer, sub);
                writer.close_dir();
            } else if let Some(data) = dir.files.get(name) {
                writer.add_file(name, data);
            }
        }
    }
    let mut root = Dir::default();
    for m in &compiled.modules {
        let stem = m
            .target_path
            .strip_suffix(".py")
            .or_else(|| m.target_path.strip_suffix(".mpy"))
            .unwrap_or(&m.target_path);
        insert(&mut root, &format!("{stem}.mpy"), &m.bytes);
    }
    for m in &compiled.str_modules {
        insert(&mut root, &m.target_path, &m.content);
    }
    let mut writer = RomfsWriter::new();
    emit(&mut writer, &root);
    writer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_image_is_even_and_minimal() {
        let image = RomfsWriter::new().finish();
        assert_eq!(image, [0xd2, 0xcd, 0x31, 0x00]);
        assert_eq!(image.len() % 2, 0);
    }

    #[test]
    fn nested_records() {
        let mut writer = RomfsWriter::new();
        writer.open_dir("lib");
        writer.add_file("a", b"xy");
        writer.close_dir();
        let image = writer.finish();
        // dir(4) len 12: name "lib", file(5) len 6: name "a", data(2) len 2 "xy"; 18 bytes, even
        let records = [4, 12, 3, b'l', b'i', b'b', 5, 6, 1, b'a', 2, 2, b'x', b'y'];
        let mut expected = vec![0xd2, 0xcd, 0x31, 14];
        expected.extend_from_slice(&records);
        assert_eq!(image, expected);
        let mut odd = RomfsWriter::new();
        odd.add_file("ab", b"");
        // 3 + 1 + 7 bytes is odd, so the length gets a leading 0x80 pad
        assert_eq!(
            odd.finish(),
            [0xd2, 0xcd, 0x31, 0x80, 7, 5, 5, 2, b'a', b'b', 2, 0]
        );
    }
}
