//! A readable listing of a runtime-min image (`mpy-freeze --dump-image`), read through
//! `mpy_format::image::ImageView` only: header, modules, qstr tables, constants, raw codes.

use std::fmt::Write as _;

use mpy_format::image::{ConstRef, ImageResult, ImageView, RawCodeRef};

fn text(bytes: &[u8]) -> String {
    crate::qstr::python_repr(&String::from_utf8_lossy(bytes))
}

fn constant(view: &ImageView<'_>, value: ConstRef<'_>, depth: usize) -> ImageResult<String> {
    Ok(match value {
        ConstRef::FunTable => "<mp_fun_table>".into(),
        ConstRef::None => "None".into(),
        ConstRef::False => "False".into(),
        ConstRef::True => "True".into(),
        ConstRef::Ellipsis => "Ellipsis".into(),
        ConstRef::Str(s) => format!("str {} @0x{:x}", text(s.bytes), s.offset),
        ConstRef::Bytes(s) => format!("bytes[{}] @0x{:x}", s.bytes.len(), s.offset),
        ConstRef::Int(v) => format!("int {v}"),
        ConstRef::BigInt(t) => format!("int {}", String::from_utf8_lossy(t)),
        ConstRef::Float(v) => format!("float {v:?}"),
        ConstRef::Complex(re, im) => format!("complex ({re:?}, {im:?})"),
        ConstRef::Tuple { items, len } if depth < 8 => {
            let mut parts = Vec::new();
            for i in 0..len {
                parts.push(constant(view, view.tuple_item(items, len, i)?, depth + 1)?);
            }
            format!("tuple ({})", parts.join(", "))
        }
        ConstRef::Tuple { len, .. } => format!("tuple[{len}] ..."),
    })
}

fn raw_code(
    view: &ImageView<'_>,
    rc: &RawCodeRef<'_>,
    depth: usize,
    out: &mut String,
) -> ImageResult<()> {
    const KINDS: [&str; 4] = ["bytecode", "native", "viper", "asm"];
    let indent = "  ".repeat(depth + 2);
    let _ = writeln!(
        out,
        "{indent}raw code @0x{:x}: {} {} bytes @0x{:x}{}{}",
        rc.offset,
        KINDS.get(usize::from(rc.kind)).unwrap_or(&"?"),
        rc.fun_data.len(),
        rc.fun_data_offset,
        if rc.flags & 1 != 0 { ", generator" } else { "" },
        if rc.kind == 1 {
            format!(", prelude at +{}", rc.prelude_offset)
        } else {
            String::new()
        },
    );
    if depth >= 32 {
        return Ok(());
    }
    for i in 0..rc.n_children {
        raw_code(view, &view.child(rc, i)?, depth + 1, out)?;
    }
    Ok(())
}

/// The listing of `image`.
///
/// # Errors
/// The image is malformed (the error carries the offset).
pub fn dump(image: &[u8]) -> ImageResult<String> {
    let view = ImageView::new(image)?;
    let h = view.header();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "image v{}: {} bytes, {} modules, arch {}, small-int bits {}, strings {} bytes @0x{:x}",
        h.version,
        h.image_size,
        h.n_modules,
        h.arch,
        h.small_int_bits,
        h.strings_size,
        h.strings_offset
    );
    for i in 0..h.n_modules {
        let m = view.module(i)?;
        let _ = writeln!(out, "module {}: {}", i, text(view.str_at(m.name)?.bytes));
        let qstrs: Vec<String> = (0..m.n_qstrs)
            .map(|q| view.qstr(&m, q).map(|s| text(s.bytes)))
            .collect::<ImageResult<_>>()?;
        let _ = writeln!(out, "  qstrs[{}]: {}", m.n_qstrs, qstrs.join(" "));
        for c in 0..m.n_consts {
            let _ = writeln!(
                out,
                "  const {c}: {}",
                constant(&view, view.constant(&m, c)?, 0)?
            );
        }
        raw_code(&view, &view.raw_code(m.raw_code)?, 0, &mut out)?;
    }
    Ok(out)
}
