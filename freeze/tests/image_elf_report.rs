//! The runtime-min image, its ELF object and the size report: the image reads back through
//! `ImageView` to exactly the `.mpy` contents, the ELF holds it under the documented symbol, and
//! the report's figures equal the sizes read back from the ELF with goblin.

use std::path::{Path, PathBuf};

use freeze::elf::{build_image, read_back, write_elf, IMAGE_SECTION, IMAGE_SYMBOL};
use freeze::output::{build, collect_files, Request};
use freeze::project::{compile_project, FrozenModule};
use freeze::{CompileOptions, Compiler};
use mpy_format::image::{ConstRef, ImageView};
use mpy_format::{Arch, Constant, QstrEntry};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn request(case: &str, mpy_cross: &Path, arch: Option<Arch>) -> Request {
    Request {
        manifests: vec![fixture(case).join("manifest.py")],
        vars: vec![(
            "BOARD_DIR".into(),
            fixture(case).to_string_lossy().into_owned(),
        )],
        compiler: Compiler::External(mpy_cross.to_path_buf()),
        options: CompileOptions {
            arch,
            ..CompileOptions::default()
        },
        build_dir: "build".into(),
        ..Request::default()
    }
}

fn modules(req: &Request) -> Vec<FrozenModule> {
    let files = collect_files(req).expect("manifest evaluates");
    compile_project(&files, &req.compiler, &req.options, "build")
        .expect("compiles")
        .modules
}

fn check_constant(view: &ImageView<'_>, got: ConstRef<'_>, want: &Constant) {
    match (got, want) {
        (ConstRef::Str(s), Constant::Str(b)) | (ConstRef::Bytes(s), Constant::Bytes(b)) => {
            assert_eq!(s.bytes, b.as_slice())
        }
        (ConstRef::Int(v), Constant::Int(t)) => assert_eq!(v.to_string(), *t),
        (ConstRef::BigInt(v), Constant::Int(t)) => assert_eq!(v, t.as_bytes()),
        (ConstRef::Float(v), Constant::Float(t)) => {
            assert_eq!(
                v.to_bits(),
                mpy_format::float_repr::parse_decimal(t.trim_start_matches('-'))
                    .copysign(if t.starts_with('-') { -1.0 } else { 1.0 })
                    .to_bits()
            )
        }
        (ConstRef::Complex(re, im), Constant::Complex(t)) => {
            assert_eq!(re, 0.0);
            assert_eq!(
                im,
                mpy_format::float_repr::parse_decimal(t.trim_end_matches('j'))
            );
        }
        (ConstRef::Tuple { items, len }, Constant::Tuple(want)) => {
            assert_eq!(len as usize, want.len());
            for (i, w) in want.iter().enumerate() {
                let item = view
                    .tuple_item(items, len, u32::try_from(i).expect("small"))
                    .expect("tuple item");
                check_constant(view, item, w);
            }
        }
        (ConstRef::None, Constant::None)
        | (ConstRef::True, Constant::True)
        | (ConstRef::False, Constant::False)
        | (ConstRef::Ellipsis, Constant::Ellipsis)
        | (ConstRef::FunTable, Constant::FunTable) => {}
        (got, want) => panic!("constant mismatch: {got:?} vs {want:?}"),
    }
}

#[test]
fn image_reads_back_to_the_mpy_contents() {
    let Some(mpy_cross) = mpy_tests::oracle_mpy_cross() else {
        return;
    };
    let mut checked_functions = 0;
    let mut checked_modules = 0;
    for (case, arch) in [
        ("packages", None),
        ("require", None),
        ("native", Some(Arch::Armv7m)),
    ] {
        let modules = modules(&request(case, &mpy_cross, arch));
        let built = build_image(&modules).expect("image");
        let view = ImageView::new(&built.image).expect("valid image");
        assert_eq!(view.header().n_modules as usize, modules.len());
        assert_eq!(built.image.len() % 4, 0);
        for module in &modules {
            let (_, entry) = view
                .find_module(module.target_path.as_bytes())
                .expect("table")
                .expect("module present");
            assert_eq!(entry.n_qstrs as usize, module.mpy.qstrs.len());
            for (i, q) in module.mpy.qstrs.iter().enumerate() {
                let s = view
                    .qstr(&entry, u32::try_from(i).expect("small"))
                    .expect("qstr");
                let want = match q {
                    QstrEntry::Inline(b) => b.as_slice(),
                    QstrEntry::Static(_) => q.bytes().expect("static"),
                };
                assert_eq!(s.bytes, want);
                assert_eq!(s.hash, mpy_format::image::qstr_hash(want));
            }
            for (i, c) in module.mpy.constants.iter().enumerate() {
                check_constant(
                    &view,
                    view.constant(&entry, u32::try_from(i).expect("small"))
                        .expect("constant"),
                    c,
                );
            }
            // Raw codes: same tree, same function bytes, machine code 4-aligned.
            let mut stack = vec![(
                view.raw_code(entry.raw_code).expect("root"),
                &module.mpy.root,
            )];
            while let Some((got, want)) = stack.pop() {
                assert_eq!(got.kind, want.kind as u8);
                assert_eq!(got.fun_data, want.fun_data.as_slice());
                if got.kind != 0 {
                    assert_eq!(got.fun_data_offset % 4, 0, "machine code is 4-aligned");
                }
                assert_eq!(usize::from(got.n_children), want.children.len());
                for (i, child) in want.children.iter().enumerate() {
                    stack.push((
                        view.child(&got, u16::try_from(i).expect("small"))
                            .expect("child"),
                        child,
                    ));
                }
                checked_functions += 1;
            }
            checked_modules += 1;
        }
    }
    println!("image: {checked_modules} modules, {checked_functions} functions read back identical");
    assert!(checked_functions > 30);
}

#[test]
fn elf_holds_the_image_and_report_matches_it() {
    let Some(mpy_cross) = mpy_tests::oracle_mpy_cross() else {
        return;
    };
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("elf_report");
    std::fs::create_dir_all(&scratch).expect("mkdir");
    let mut req = request("native", &mpy_cross, Some(Arch::Armv7m));
    req.image = Some(scratch.join("frozen.bin"));
    req.elf = Some(scratch.join("frozen.o"));
    req.report = true;
    let outputs = build(&req).expect("builds");
    outputs.write().expect("writes");
    let image = std::fs::read(scratch.join("frozen.bin")).expect("image written");
    let elf_bytes = std::fs::read(scratch.join("frozen.o")).expect("elf written");

    // The ELF: a 32-bit little-endian ARM relocatable with the image in its section.
    let elf = goblin::elf::Elf::parse(&elf_bytes).expect("ELF parses");
    assert!(!elf.is_64 && elf.little_endian);
    assert_eq!(elf.header.e_machine, goblin::elf::header::EM_ARM);
    assert_eq!(elf.header.e_type, goblin::elf::header::ET_REL);
    let section = elf
        .section_headers
        .iter()
        .find(|s| elf.shdr_strtab.get_at(s.sh_name) == Some(IMAGE_SECTION))
        .expect("section");
    assert_eq!(section.sh_addralign, 4);
    assert_eq!(
        section.sh_flags & u64::from(goblin::elf::section_header::SHF_WRITE),
        0,
        "read-only"
    );
    let start = usize::try_from(section.sh_offset).expect("offset");
    assert_eq!(&elf_bytes[start..start + image.len()], image.as_slice());
    let symbol = elf
        .syms
        .iter()
        .find(|s| elf.strtab.get_at(s.st_name) == Some(IMAGE_SYMBOL))
        .expect("symbol");
    assert_eq!(symbol.st_size as usize, image.len());
    assert_eq!(symbol.st_bind(), goblin::elf::sym::STB_GLOBAL);

    // The report: the total row's columns are the ELF's region sizes; ROM total is the section.
    let report = outputs.report.expect("report");
    println!("{report}");
    let (section_size, regions) = read_back(&elf_bytes).expect("read back");
    let region = |name: &str| {
        regions
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, s)| *s)
            .expect("region symbol")
    };
    let total: Vec<u64> = report
        .lines()
        .find(|l| l.starts_with("total"))
        .expect("total row")
        .split_whitespace()
        .skip(1)
        .map(|v| v.parse().expect("number"))
        .collect();
    assert_eq!(total[0], region("bytecode"));
    assert_eq!(total[1], region("machine_code"));
    assert_eq!(total[2], region("strings"));
    assert_eq!(total[3], region("constants"));
    assert_eq!(total[4], region("raw_codes"));
    assert_eq!(total[5], section_size);
    assert!(region("machine_code") > 0, "native code is in the image");
    // Per-module rows add up to the module totals.
    let rows: Vec<Vec<u64>> = report
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with("total") && !l.starts_with("image:"))
        .map(|l| {
            l.split_whitespace()
                .rev()
                .take(7)
                .map(|v| v.parse().expect("number"))
                .collect::<Vec<u64>>()
        })
        .collect();
    let rom_sum: u64 = rows.iter().map(|r| r[1]).sum();
    assert_eq!(rom_sum, section_size);
    // The standalone ELF writer gives the same object.
    let modules = modules(&req);
    let built = build_image(&modules).expect("image");
    assert_eq!(
        write_elf(&built, Some(Arch::Armv7m)).expect("elf"),
        elf_bytes
    );
}
