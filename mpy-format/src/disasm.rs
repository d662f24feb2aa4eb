//! The disassembler and the operand checker for a read `.mpy` file (in the spirit of
//! `tools/mpy-tool.py -d`, with every operand resolved).
//!
//! Offsets printed for instructions, jump targets and line-table entries are offsets into the
//! raw code's function data.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::{self, Write};

use crate::arch::Arch;
use crate::bytes::{Instruction, Instructions, Operand};
use crate::model::{Constant, MpyFile, QstrEntry, RawCode, RawCodeKind};
use crate::opcode::{OpByte, UNWIND_JUMP_FROM_FOR};
use crate::prelude::Prelude;
use crate::static_qstr::{static_qstr, LAST_STATIC_QSTR};

/// Bytes shown per line of a hex dump.
const HEX_LINE: usize = 16;

/// Write `bytes` as a quoted string: as text when they are UTF-8, else as a `b'...'` literal.
fn write_quoted(out: &mut String, bytes: &[u8]) {
    match core::str::from_utf8(bytes) {
        Ok(text) => {
            let _ = write!(out, "{text:?}");
        }
        Err(_) => {
            let _ = write!(out, "b\"{}\"", bytes.escape_ascii());
        }
    }
}

fn write_bytes_literal(out: &mut String, bytes: &[u8]) {
    let _ = write!(out, "b\"{}\"", bytes.escape_ascii());
}

fn write_constant(out: &mut String, constant: &Constant) {
    match constant {
        Constant::FunTable => out.push_str("<mp_fun_table>"),
        Constant::None => out.push_str("None"),
        Constant::False => out.push_str("False"),
        Constant::True => out.push_str("True"),
        Constant::Ellipsis => out.push_str("Ellipsis"),
        Constant::Str(bytes) => {
            out.push_str("str ");
            write_quoted(out, bytes);
        }
        Constant::Bytes(bytes) => {
            out.push_str("bytes ");
            write_bytes_literal(out, bytes);
        }
        Constant::Int(text) => {
            let _ = write!(out, "int {text}");
        }
        Constant::Float(text) => {
            let _ = write!(out, "float {text}");
        }
        Constant::Complex(text) => {
            let _ = write!(out, "complex {text}");
        }
        Constant::Tuple(items) => {
            out.push_str("tuple (");
            for (i, item) in items.iter().enumerate() {
                if i != 0 {
                    out.push_str(", ");
                }
                write_constant(out, item);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
    }
}

fn write_hex(out: &mut String, bytes: &[u8]) {
    for (i, byte) in bytes.iter().enumerate() {
        if i != 0 {
            out.push(' ');
        }
        let _ = write!(out, "{byte:02x}");
    }
}

/// Everything the disassembly of one raw code needs from the file.
struct Context<'a> {
    file: &'a MpyFile,
    out: String,
}

impl Context<'_> {
    fn qstr(&mut self, index: u64) {
        let entry = usize::try_from(index)
            .ok()
            .and_then(|i| self.file.qstrs.get(i));
        match entry.map(QstrEntry::bytes) {
            Some(Some(bytes)) => {
                let mut text = String::new();
                write_quoted(&mut text, bytes);
                let _ = write!(self.out, "{text} (q{index})");
            }
            Some(None) => {
                let _ = write!(self.out, "<unknown static qstr> (q{index})");
            }
            None => {
                let _ = write!(self.out, "<qstr index out of range> (q{index})");
            }
        }
    }

    fn qstr_text(&self, index: u64) -> String {
        let entry = usize::try_from(index)
            .ok()
            .and_then(|i| self.file.qstrs.get(i));
        match entry.and_then(QstrEntry::bytes) {
            Some(bytes) => String::from_utf8_lossy(bytes).into_owned(),
            None => format!("<q{index}?>"),
        }
    }

    fn header(&mut self) {
        let header = &self.file.header;
        let _ = writeln!(
            self.out,
            "mpy version {}.{} arch {} small-int bits {}{}",
            header.version,
            header.sub_version,
            header.arch,
            header.small_int_bits,
            match header.arch_flags {
                Some(flags) => format!(" arch flags 0x{flags:x}"),
                None => String::new(),
            }
        );
        let _ = writeln!(self.out, "qstrs ({}):", self.file.qstrs.len());
        for (i, entry) in self.file.qstrs.iter().enumerate() {
            let _ = write!(self.out, "  {i}: ");
            match entry {
                QstrEntry::Static(n) => {
                    let _ = write!(self.out, "static {n} ");
                    match static_qstr(*n) {
                        Some(text) => write_quoted(&mut self.out, text.as_bytes()),
                        None => self.out.push_str("<unknown>"),
                    }
                }
                QstrEntry::Inline(bytes) => write_quoted(&mut self.out, bytes),
            }
            self.out.push('\n');
        }
        let _ = writeln!(self.out, "constants ({}):", self.file.constants.len());
        for (i, constant) in self.file.constants.iter().enumerate() {
            let _ = write!(self.out, "  {i}: ");
            write_constant(&mut self.out, constant);
            self.out.push('\n');
        }
    }

    fn raw_code(&mut self, rc: &RawCode, path: &str) {
        let (prelude, recovered) = match rc.prelude_allowing_truncated_offset() {
            Some((prelude, recovered)) => (Some(prelude), recovered),
            None => (None, false),
        };
        let name = match &prelude {
            Some(Ok(p)) => self.qstr_text(p.simple_name),
            _ => String::from("?"),
        };
        let _ = writeln!(
            self.out,
            "\nraw code {path} {name}: {}, {} bytes, {} children",
            rc.kind.name(),
            rc.fun_data.len(),
            rc.children.len()
        );
        match rc.kind {
            RawCodeKind::Bytecode | RawCodeKind::NativePy => {}
            RawCodeKind::Viper => {
                let _ = writeln!(self.out, "  scope flags 0x{:x}", rc.scope_flags);
                if !rc.viper_rodata.is_empty() {
                    let _ = writeln!(self.out, "  rodata {} bytes", rc.viper_rodata.len());
                }
                if rc.viper_bss_size != 0 {
                    let _ = writeln!(self.out, "  bss {} bytes", rc.viper_bss_size);
                }
                if !rc.viper_relocations.is_empty() {
                    let _ = writeln!(
                        self.out,
                        "  relocations {} bytes",
                        rc.viper_relocations.len()
                    );
                }
            }
            RawCodeKind::Asm => {
                let _ = writeln!(
                    self.out,
                    "  scope flags 0x{:x}, {} positional args, type signature {}",
                    rc.scope_flags, rc.asm_n_pos_args, rc.asm_type_sig
                );
            }
        }
        match prelude {
            None => self.instructions(&rc.fun_data, 0, rc.fun_data.len()),
            Some(Err(err)) => {
                let _ = writeln!(self.out, "  bad prelude: {err}");
                self.machine_code(&rc.fun_data, 0, rc.fun_data.len());
            }
            Some(Ok(prelude)) => {
                if recovered {
                    let _ = writeln!(
                        self.out,
                        "  note: prelude_offset 0x{:x} is the low 16 bits of the real offset 0x{:x} (mpy-cross quirk; does not load)",
                        rc.prelude_offset, prelude.offset
                    );
                }
                self.prelude(&prelude);
                if rc.kind == RawCodeKind::Bytecode {
                    self.bytecode(rc, &prelude);
                } else {
                    let is_generator = prelude.signature.scope_flags & 1 != 0;
                    let words = rc.native_header_words(self.file.header.arch, is_generator);
                    let _ = write!(
                        self.out,
                        "  prelude index word {}",
                        words.first().copied().unwrap_or(0)
                    );
                    if let Some(start) = words.get(1) {
                        let _ = write!(self.out, ", generator start offset 0x{start:x}");
                    }
                    let _ = writeln!(self.out, ", prelude at 0x{:x}", prelude.offset);
                    let header =
                        (words.len() * self.file.header.arch.word_size()).min(prelude.offset);
                    self.machine_code(&rc.fun_data, 0, header);
                    self.instructions(&rc.fun_data, header, prelude.offset);
                    if prelude.code_start < rc.fun_data.len() {
                        let _ = writeln!(self.out, "  after prelude:");
                        self.machine_code(&rc.fun_data, prelude.code_start, rc.fun_data.len());
                    }
                }
            }
        }
        for (i, child) in rc.children.iter().enumerate() {
            self.raw_code(child, &format!("{path}.{i}"));
        }
    }

    fn prelude(&mut self, prelude: &Prelude) {
        let sig = &prelude.signature;
        let _ = writeln!(
            self.out,
            "  prelude: n_state {} n_exc_stack {} scope_flags 0x{:x} n_pos_args {} n_kwonly_args {} n_def_pos_args {} n_info {} n_cell {}",
            sig.n_state,
            sig.n_exc_stack,
            sig.scope_flags,
            sig.n_pos_args,
            sig.n_kwonly_args,
            sig.n_def_pos_args,
            prelude.size.n_info,
            prelude.size.n_cell
        );
        self.out.push_str("  name: ");
        self.qstr(prelude.simple_name);
        self.out.push('\n');
        if !prelude.arg_names.is_empty() {
            self.out.push_str("  args:");
            for &arg in &prelude.arg_names {
                self.out.push(' ');
                self.qstr(arg);
            }
            self.out.push('\n');
        }
        if !prelude.cells.is_empty() {
            self.out.push_str("  cells:");
            for cell in &prelude.cells {
                let _ = write!(self.out, " {cell}");
            }
            self.out.push('\n');
        }
        if !prelude.line_table.is_empty() {
            self.out.push_str("  lines:");
            for entry in &prelude.line_table {
                let _ = write!(
                    self.out,
                    " 0x{:x}:{}",
                    entry.bytecode_offset + prelude.code_start,
                    entry.line
                );
            }
            self.out.push('\n');
        }
    }

    /// Machine code as instructions where the arch has a disassembler, else as hex words.
    fn instructions(&mut self, data: &[u8], start: usize, end: usize) {
        #[cfg(feature = "machine-code")]
        if crate::machine::disassemble(self.file.header.arch, data, start, end, &mut self.out) {
            return;
        }
        self.machine_code(data, start, end);
    }

    fn machine_code(&mut self, data: &[u8], start: usize, end: usize) {
        let end = end.min(data.len());
        if start >= end {
            return;
        }
        for (i, line) in data[start..end].chunks(HEX_LINE).enumerate() {
            let _ = write!(self.out, "  {:04x}:", start + i * HEX_LINE);
            for word in line.chunks(4) {
                self.out.push(' ');
                for byte in word {
                    let _ = write!(self.out, "{byte:02x}");
                }
            }
            self.out.push('\n');
        }
    }

    fn bytecode(&mut self, rc: &RawCode, prelude: &Prelude) {
        let code = &rc.fun_data;
        let mut last_line = 0;
        for insn in Instructions::new(code, prelude.code_start, code.len()) {
            let insn = match insn {
                Ok(insn) => insn,
                Err(err) => {
                    let _ = writeln!(self.out, "  {:04x}: <{}>", err.offset, err.kind);
                    let _ = writeln!(self.out, "  rest:");
                    self.machine_code(code, err.offset, code.len());
                    return;
                }
            };
            let line = prelude.line_of(insn.offset);
            let line_text = if line == last_line {
                String::new()
            } else {
                format!("{line}")
            };
            last_line = line;
            let mut hex = String::new();
            write_hex(&mut hex, &code[insn.offset..insn.end()]);
            let _ = write!(self.out, "  {:04x} {line_text:>5}  {hex:<15} ", insn.offset);
            self.instruction(rc, &insn);
            self.out.push('\n');
        }
    }

    fn instruction(&mut self, rc: &RawCode, insn: &Instruction) {
        let name = match insn.op {
            OpByte::Op(op) => op.info().name,
            _ => "",
        };
        if name.is_empty() {
            let _ = write!(self.out, "{}", insn.op);
        } else {
            self.out.push_str(name);
        }
        match insn.operand {
            Operand::None => {}
            Operand::Qstr(index) => {
                self.out.push(' ');
                self.qstr(index);
            }
            Operand::Uint(value) => {
                let _ = write!(self.out, " {value}");
            }
            Operand::SmallInt(value) => {
                let _ = write!(self.out, " {value}");
            }
            Operand::ConstObj(index) => {
                let _ = write!(self.out, " c{index} ");
                match usize::try_from(index)
                    .ok()
                    .and_then(|i| self.file.constants.get(i))
                {
                    Some(constant) => write_constant(&mut self.out, constant),
                    None => self.out.push_str("<constant index out of range>"),
                }
            }
            Operand::Child(index) => self.child(rc, index),
            Operand::Closure { child, n_closed } => {
                self.child(rc, child);
                let _ = write!(self.out, " closed {n_closed}");
            }
            Operand::CallArgs {
                n_positional,
                n_keyword,
            } => {
                let _ = write!(self.out, " n_pos {n_positional} n_kw {n_keyword}");
            }
            Operand::UnpackEx { n_left, n_right } => {
                let _ = write!(self.out, " left {n_left} right {n_right}");
            }
            Operand::StoreComp { stack_index, kind } => {
                let kind = match kind {
                    0 => "list",
                    1 => "dict",
                    2 => "set",
                    _ => "?",
                };
                let _ = write!(self.out, " {kind} stack {stack_index}");
            }
            Operand::Jump(target) => {
                let _ = write!(self.out, " -> {target:04x}");
            }
            Operand::UnwindJump { target, unwind } => {
                let _ = write!(
                    self.out,
                    " -> {target:04x} depth {}",
                    unwind & !UNWIND_JUMP_FROM_FOR
                );
                if unwind & UNWIND_JUMP_FROM_FOR != 0 {
                    self.out.push_str(" from for");
                }
            }
        }
    }

    fn child(&mut self, rc: &RawCode, index: u64) {
        let _ = write!(self.out, " child {index}");
        let child = usize::try_from(index).ok().and_then(|i| rc.children.get(i));
        match child.map(|c| (c.kind, c.prelude_allowing_truncated_offset())) {
            Some((_, Some((Ok(prelude), _)))) => {
                let name = self.qstr_text(prelude.simple_name);
                let _ = write!(self.out, " ({name})");
            }
            Some((kind, _)) => {
                let _ = write!(self.out, " ({})", kind.name());
            }
            None => self.out.push_str(" <child index out of range>"),
        }
    }
}

/// The full disassembly: header, qstr table, constants, and every raw code (depth first) with
/// its prelude fields, argument names, line table and resolved instructions; native, viper and
/// asm code as hex.
#[must_use]
pub fn disassemble(file: &MpyFile) -> String {
    let mut context = Context {
        file,
        out: String::new(),
    };
    context.header();
    context.raw_code(&file.root, "0");
    context.out
}

/// One problem [`validate`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    /// The raw code, as a child-index path from the module (`"0.2.1"`).
    pub raw_code: String,
    /// Offset in that raw code's function data.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "raw code {} at 0x{:x}: {}",
            self.raw_code, self.offset, self.message
        )
    }
}

struct Validator<'a> {
    file: &'a MpyFile,
    errors: Vec<ValidationError>,
}

impl Validator<'_> {
    fn error(&mut self, path: &str, offset: usize, message: String) {
        self.errors.push(ValidationError {
            raw_code: String::from(path),
            offset,
            message,
        });
    }

    fn check_qstr(&mut self, path: &str, offset: usize, index: u64, what: &str) {
        if index >= self.file.qstrs.len() as u64 {
            self.error(
                path,
                offset,
                format!(
                    "{what} qstr index {index} >= {} qstrs",
                    self.file.qstrs.len()
                ),
            );
        }
    }

    fn raw_code(&mut self, rc: &RawCode, path: &str, arch: Arch) {
        if let Some(prelude) = rc.prelude() {
            match prelude {
                Err(err) => match rc.prelude_allowing_truncated_offset() {
                    Some((Ok(real), true)) => self.error(
                        path,
                        real.offset,
                        format!(
                            "prelude_offset 0x{:x} holds only the low 16 bits of the real 0x{:x} \
                             (mpy-cross keeps it in a uint16_t); the loader would read a wrong prelude",
                            rc.prelude_offset, real.offset
                        ),
                    ),
                    _ => self.error(path, err.offset, format!("bad prelude: {}", err.kind)),
                },
                Ok(prelude) => {
                    self.check_qstr(path, prelude.info_start, prelude.simple_name, "name");
                    for &arg in &prelude.arg_names {
                        self.check_qstr(path, prelude.info_start, arg, "argument name");
                    }
                    for (i, &cell) in prelude.cells.iter().enumerate() {
                        if u32::from(cell) >= prelude.signature.n_state {
                            self.error(
                                path,
                                prelude.code_start - prelude.cells.len() + i,
                                format!("cell local {cell} >= n_state {}", prelude.signature.n_state),
                            );
                        }
                    }
                    if rc.kind == RawCodeKind::Bytecode {
                        self.bytecode(rc, &prelude, path);
                    } else {
                        if prelude.code_start != rc.fun_data.len() {
                            self.error(
                                path,
                                prelude.code_start,
                                format!("{} bytes after the native prelude", rc.fun_data.len() - prelude.code_start),
                            );
                        }
                        let words = rc.native_header_words(arch, false);
                        if words.first().copied() != Some(rc.children.len() as u64) {
                            self.error(
                                path,
                                0,
                                format!("prelude index word {:?} != {} children", words.first(), rc.children.len()),
                            );
                        }
                    }
                }
            }
        }
        for (i, child) in rc.children.iter().enumerate() {
            self.raw_code(child, &format!("{path}.{i}"), arch);
        }
    }

    fn bytecode(&mut self, rc: &RawCode, prelude: &Prelude, path: &str) {
        let code = &rc.fun_data;
        let mut starts = Vec::new();
        let mut jumps = Vec::new();
        for insn in Instructions::new(code, prelude.code_start, code.len()) {
            let insn = match insn {
                Ok(insn) => insn,
                Err(err) => {
                    self.error(path, err.offset, format!("{}", err.kind));
                    break;
                }
            };
            starts.push(insn.offset);
            match insn.operand {
                Operand::Qstr(index) => self.check_qstr(path, insn.offset, index, "operand"),
                Operand::ConstObj(index) if index >= self.file.constants.len() as u64 => {
                    let n = self.file.constants.len();
                    self.error(
                        path,
                        insn.offset,
                        format!("constant index {index} >= {n} constants"),
                    );
                }
                Operand::Child(index) | Operand::Closure { child: index, .. }
                    if index >= rc.children.len() as u64 =>
                {
                    let n = rc.children.len();
                    self.error(
                        path,
                        insn.offset,
                        format!("child index {index} >= {n} children"),
                    );
                }
                Operand::Jump(target) | Operand::UnwindJump { target, .. } => {
                    jumps.push((insn.offset, target))
                }
                _ => {}
            }
        }
        for (offset, target) in jumps {
            let on_boundary =
                usize::try_from(target).is_ok_and(|t| starts.binary_search(&t).is_ok());
            if !on_boundary {
                self.error(
                    path,
                    offset,
                    format!("jump target 0x{target:x} is not the start of an instruction"),
                );
            }
        }
    }
}

/// Check every operand of every bytecode instruction against the file: qstr, constant and
/// child indices in range, jump targets on instruction starts, preludes decodable, cells
/// within n_state, static qstr numbers known, native preludes ending the function data and
/// native prelude-index words equal to the child count.
#[must_use]
pub fn validate(file: &MpyFile) -> Vec<ValidationError> {
    let mut validator = Validator {
        file,
        errors: Vec::new(),
    };
    for (i, entry) in file.qstrs.iter().enumerate() {
        if let QstrEntry::Static(n) = entry {
            if *n == 0 || *n > LAST_STATIC_QSTR {
                validator.error(
                    "qstrs",
                    i,
                    format!("static qstr number {n} is not in 1..={LAST_STATIC_QSTR}"),
                );
            }
        }
    }
    validator.raw_code(&file.root, "0", file.header.arch);
    validator.errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Header;
    use alloc::vec;

    fn module(code: &[u8], children: Vec<RawCode>) -> MpyFile {
        // sig n_state 1, size n_info 1, name q1, then the code.
        let mut fun_data = vec![0x00, 0x02, 0x01];
        fun_data.extend_from_slice(code);
        MpyFile {
            header: Header::default(),
            qstrs: vec![QstrEntry::Inline(b"t.py".to_vec()), QstrEntry::Static(7)],
            constants: vec![Constant::Int(String::from("12345678901234567890"))],
            root: RawCode::bytecode(fun_data, children),
        }
    }

    #[test]
    fn valid_code_disassembles_with_resolved_operands() {
        // LOAD_CONST_OBJ c0; POP_TOP; LOAD_CONST_NONE; RETURN_VALUE
        let file = module(&[0x23, 0x00, 0x59, 0x51, 0x63], vec![]);
        assert_eq!(validate(&file), vec![]);
        let text = disassemble(&file);
        assert!(
            text.contains("LOAD_CONST_OBJ c0 int 12345678901234567890"),
            "{text}"
        );
        assert!(text.contains("name: \"<module>\" (q1)"), "{text}");
    }

    #[test]
    fn validate_reports_each_bad_operand_with_its_offset() {
        // LOAD_NAME q9; LOAD_CONST_OBJ c3; MAKE_FUNCTION child 0; JUMP into the middle of LOAD_NAME; 0x00
        let file = module(
            &[0x11, 0x09, 0x23, 0x03, 0x32, 0x00, 0x42, 0x39, 0x00],
            vec![],
        );
        let errors = validate(&file);
        let found: Vec<_> = errors
            .iter()
            .map(|e| (e.offset, e.message.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                (3, "operand qstr index 9 >= 2 qstrs"),
                (5, "constant index 3 >= 1 constants"),
                (7, "child index 0 >= 0 children"),
                (11, "unknown opcode 0x00"),
                (9, "jump target 0x4 is not the start of an instruction"),
            ]
        );
        let text = disassemble(&file);
        assert!(text.contains("<qstr index out of range> (q9)"), "{text}");
        assert!(text.contains("<unknown opcode 0x00>"), "{text}");
    }
}
