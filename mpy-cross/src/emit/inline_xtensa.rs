//! The `@micropython.asm_xtensa` inline assembler (after py/emitinlinextensa.c), for the call0
//! and windowed ABIs: one Python call per instruction, `a2`..`a5` as parameters.

use crate::asm::xtensa::{Cond, CondZ, Xtensa};
use crate::asm::{AsmError, AsmPass, Label, NativeAsm, Reg};
use crate::parse::node::Node;
use crate::qstr::{Qstr, QstrPool};

use super::inline_asm::{int_arg, InlineAsm, LabelTable};
use super::Pass;

const RRR_R0: u32 = 1 << 4;
const RRR_R1: u32 = 2 << 4;
const RRR_R2: u32 = 3 << 4;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Rrr,
    Rri8,
    Rrrn,
}

/// One row of `OPCODE_TABLE`: name, operand count, op2, op1, op0, r, s, t, shift, kind. A field
/// of `RRR_Rn` takes register operand n; smaller values are fixed field bits.
struct Entry(&'static str, usize, u32, u32, u32, u32, u32, u32, u32, Kind);

#[rustfmt::skip]
const OPCODE_TABLE: [Entry; 41] = [
    Entry("abs_",   2,  6, 0,  0, RRR_R0, 1,      RRR_R1, 0, Kind::Rrr),
    Entry("add",    3,  8, 0,  0, RRR_R0, RRR_R1, RRR_R2, 0, Kind::Rrr),
    Entry("add_n",  3,  0, 0, 10, RRR_R0, RRR_R1, RRR_R2, 0, Kind::Rrrn),
    Entry("addi",   3,  0, 0,  2, 12,     RRR_R1, RRR_R0, 0, Kind::Rri8),
    Entry("addx2",  3,  9, 0,  0, RRR_R0, RRR_R1, RRR_R2, 0, Kind::Rrr),
    Entry("addx4",  3, 10, 0,  0, RRR_R0, RRR_R1, RRR_R2, 0, Kind::Rrr),
    Entry("addx8",  3, 11, 0,  0, RRR_R0, RRR_R1, RRR_R2, 0, Kind::Rrr),
    Entry("and_",   3,  1, 0,  0, RRR_R0, RRR_R1, RRR_R2, 0, Kind::Rrr),
    Entry("callx0", 1,  0, 0,  0, 0,      RRR_R0, 12,     0, Kind::Rrr),
    Entry("jx",     1,  0, 0,  0, 0,      RRR_R0, 10,     0, Kind::Rrr),
    Entry("l16si",  3,  0, 0,  2, 9,      RRR_R1, RRR_R0, 3, Kind::Rri8),
    Entry("l16ui",  3,  0, 0,  2, 1,      RRR_R1, RRR_R0, 3, Kind::Rri8),
    Entry("l32i",   3,  0, 0,  2, 2,      RRR_R1, RRR_R0, 5, Kind::Rri8),
    Entry("l8ui",   3,  0, 0,  2, 0,      RRR_R1, RRR_R0, 1, Kind::Rri8),
    Entry("mov",    2,  0, 0, 13, 0,      RRR_R1, RRR_R0, 0, Kind::Rrrn),
    Entry("mov_n",  2,  0, 0, 13, 0,      RRR_R1, RRR_R0, 0, Kind::Rrrn),
    Entry("mull",   3,  8, 2,  0, RRR_R0, RRR_R1, RRR_R2, 0, Kind::Rrr),
    Entry("neg",    2,  6, 0,  0, RRR_R0, 0,      RRR_R1, 0, Kind::Rrr),
    Entry("nop",    0,  0, 0,  0, 2,      0,      15,     0, Kind::Rrr),
    Entry("nop_n",  0,  0, 0, 13, 15,     0,      3,      0, Kind::Rrrn),
    Entry("nsa",    2,  4, 0,  0, 14,     RRR_R1, RRR_R0, 0, Kind::Rrr),
    Entry("nsau",   2,  4, 0,  0, 15,     RRR_R1, RRR_R0, 0, Kind::Rrr),
    Entry("or_",    3,  2, 0,  0, RRR_R0, RRR_R1, RRR_R2, 0, Kind::Rrr),
    Entry("ret",    0,  0, 0, 13, 15,     0,      0,      0, Kind::Rrrn),
    Entry("ret_n",  0,  0, 0, 13, 15,     0,      0,      0, Kind::Rrrn),
    Entry("s16i",   3,  0, 0,  2, 5,      RRR_R1, RRR_R0, 3, Kind::Rri8),
    Entry("s32i",   3,  0, 0,  2, 6,      RRR_R1, RRR_R0, 5, Kind::Rri8),
    Entry("s8i",    3,  0, 0,  2, 4,      RRR_R1, RRR_R0, 1, Kind::Rri8),
    Entry("sll",    2, 10, 1,  0, RRR_R0, RRR_R1, 0,      0, Kind::Rrr),
    Entry("sra",    2, 11, 1,  0, RRR_R0, 0,      RRR_R1, 0, Kind::Rrr),
    Entry("src",    3,  8, 1,  0, RRR_R0, RRR_R1, RRR_R2, 0, Kind::Rrr),
    Entry("srl",    2,  9, 1,  0, RRR_R0, 0,      RRR_R1, 0, Kind::Rrr),
    Entry("ssa8b",  1,  4, 0,  0, 3,      RRR_R0, 0,      0, Kind::Rrr),
    Entry("ssa8l",  1,  4, 0,  0, 2,      RRR_R0, 0,      0, Kind::Rrr),
    Entry("ssl",    1,  4, 0,  0, 1,      RRR_R0, 0,      0, Kind::Rrr),
    Entry("ssr",    1,  4, 0,  0, 0,      RRR_R0, 0,      0, Kind::Rrr),
    Entry("sub",    3, 12, 0,  0, RRR_R0, RRR_R1, RRR_R2, 0, Kind::Rrr),
    Entry("subx2",  3, 13, 0,  0, RRR_R0, RRR_R1, RRR_R2, 0, Kind::Rrr),
    Entry("subx4",  3, 14, 0,  0, RRR_R0, RRR_R1, RRR_R2, 0, Kind::Rrr),
    Entry("subx8",  3, 15, 0,  0, RRR_R0, RRR_R1, RRR_R2, 0, Kind::Rrr),
    Entry("xor",    3,  3, 0,  0, RRR_R0, RRR_R1, RRR_R2, 0, Kind::Rrr),
];

/// `BCCZ_OPCODES`: the index (mod 4) is the condition.
const BCCZ_OPCODES: [(&str, CondZ); 6] = [
    ("beqz", CondZ::Eq),
    ("bnez", CondZ::Ne),
    ("bltz", CondZ::Lt),
    ("bgez", CondZ::Ge),
    ("beqz_n", CondZ::Eq),
    ("bnez_n", CondZ::Ne),
];

/// `ASM_XTENSA_ENCODE_RRR`.
fn rrr(op0: u32, op1: u32, op2: u32, r: u32, s: u32, t: u32) -> u32 {
    (op2 << 20) | (op1 << 16) | (r << 12) | (s << 8) | (t << 4) | op0
}

/// `emit_inline_asm_t` for Xtensa.
#[derive(Debug)]
pub(crate) struct InlineXtensa<const WINDOWED: bool> {
    asm: Xtensa<WINDOWED>,
    pass: Pass,
    label_lookup: LabelTable,
    error: Option<String>,
}

impl<const WINDOWED: bool> InlineXtensa<WINDOWED> {
    /// `emit_inline_xtensa_new`.
    pub(crate) fn new(max_num_labels: usize) -> Self {
        Self {
            asm: Xtensa::new(max_num_labels),
            pass: Pass::Scope,
            label_lookup: LabelTable::new(max_num_labels),
            error: None,
        }
    }

    fn arg_reg(&mut self, op: &str, pn: &Node, pool: &QstrPool) -> Reg {
        if let Node::Id(q) = pn {
            let name = pool.bytes(*q);
            if let Some(i) = (0..16u8).find(|i| name == format!("a{i}").as_bytes()) {
                return i;
            }
        }
        self.error = Some(format!("'{op}' expects a register"));
        0
    }

    fn arg_i(&mut self, op: &str, pn: &Node, min: i32, max: i32) -> u32 {
        let Some(i) = int_arg(pn) else {
            self.error = Some(format!("'{op}' expects an integer"));
            return 0;
        };
        #[allow(clippy::cast_possible_wrap)]
        let signed = i as i32;
        if min != max && (signed < min || signed > max) {
            self.error = Some(format!(
                "'{op}' integer {signed} isn't within range {min}..{max}"
            ));
            return 0;
        }
        i
    }

    fn arg_label(&mut self, op: &str, pn: &Node, pool: &QstrPool) -> Label {
        let Node::Id(q) = pn else {
            self.error = Some(format!("'{op}' expects a label"));
            return Label(0);
        };
        if let Some(i) = self.label_lookup.find(*q) {
            #[allow(clippy::cast_possible_truncation)]
            return Label(i as u32);
        }
        if self.pass == Pass::Emit {
            self.error = Some(format!(
                "label '{}' not defined",
                String::from_utf8_lossy(pool.bytes(*q))
            ));
        }
        Label(0)
    }

    #[allow(clippy::too_many_lines, clippy::cast_possible_truncation)]
    fn op_inner(&mut self, op: &str, a: &[Node], pool: &QstrPool) -> bool {
        if let Some(e) = OPCODE_TABLE.iter().find(|e| e.0 == op) {
            let Entry(_, operands, op2, op1, op0, r, s, t, shift, kind) = *e;
            if a.len() != operands {
                return false;
            }
            let mut opcode = ((r & 0xf) << 12) | ((s & 0xf) << 8) | ((t & 0xf) << 4) | op0;
            match kind {
                Kind::Rrr => opcode |= (op2 << 20) | (op1 << 16),
                Kind::Rri8 => {
                    let (min, max, sh) = if shift > 0 {
                        let sh = shift >> 1;
                        (0, 0xff << sh, sh)
                    } else {
                        (-128, 127, 0)
                    };
                    let imm = self.arg_i(op, &a[2], min, max);
                    opcode |= ((imm >> sh) & 0xff) << 16;
                }
                Kind::Rrrn => {}
            }
            for (field, pos) in [(r, 12), (s, 8), (t, 4)] {
                if field >= RRR_R0 {
                    let reg = self.arg_reg(op, &a[(field >> 4) as usize - 1], pool);
                    opcode |= u32::from(reg) << pos;
                }
            }
            if kind == Kind::Rrrn {
                self.asm.op16((opcode & 0xffff) as u16);
            } else {
                self.asm.op24(opcode & 0xff_ffff);
            }
            return true;
        }
        match a.len() {
            1 => match op {
                "j" => {
                    let l = self.arg_label(op, &a[0], pool);
                    self.asm.j_label(l);
                }
                "ssai" => {
                    let sa = self.arg_i(op, &a[0], 0, 31);
                    self.asm.op24(rrr(0, 0, 4, 4, sa & 0xf, (sa >> 4) & 1));
                }
                "call0" => {
                    let l = self.arg_label(op, &a[0], pool);
                    self.asm.call0(l);
                }
                _ => return false,
            },
            2 => {
                let r0 = self.arg_reg(op, &a[0], pool);
                if let Some((_, cond)) = BCCZ_OPCODES.iter().find(|(n, _)| *n == op) {
                    let l = self.arg_label(op, &a[1], pool);
                    self.asm.bccz_reg_label(*cond, r0, l);
                    return true;
                }
                match op {
                    "movi" => {
                        let imm = self.arg_i(op, &a[1], 0, 0);
                        self.asm.mov_reg_i32(r0, imm);
                    }
                    "l32r" => {
                        let l = self.arg_label(op, &a[1], pool);
                        self.asm.l32r(r0, l);
                    }
                    "movi_n" => {
                        #[allow(clippy::cast_possible_wrap)]
                        let imm = self.arg_i(op, &a[1], -32, 95) as i32;
                        self.asm.op_movi_n(r0, i64::from(imm));
                    }
                    _ => return false,
                }
            }
            3 => {
                if let Some((_, cond)) = Cond::NAMED.iter().find(|(n, _)| *n == op) {
                    let r0 = self.arg_reg(op, &a[0], pool);
                    let r1 = self.arg_reg(op, &a[1], pool);
                    let l = self.arg_label(op, &a[2], pool);
                    self.asm.bcc_reg_reg_label(*cond, r0, r1, l);
                    return true;
                }
                match op {
                    "addi_n" => {
                        let r0 = u32::from(self.arg_reg(op, &a[0], pool));
                        let r1 = u32::from(self.arg_reg(op, &a[1], pool));
                        let imm4 = u64::from(self.arg_i(op, &a[2], -1, 15));
                        // The reference widens the u32 to a 64-bit int: -1 (and 0, which
                        // becomes -1) spill into the register fields once shifted.
                        let t = if imm4 != 0 { imm4 } else { u64::MAX };
                        let enc = 11 | (u64::from(r0) << 12) | (u64::from(r1) << 8) | (t << 4);
                        self.asm.op16((enc & 0xffff) as u16);
                    }
                    "addmi" => {
                        let r0 = self.arg_reg(op, &a[0], pool);
                        let r1 = self.arg_reg(op, &a[1], pool);
                        let imm8 = self.arg_i(op, &a[2], -128 * 256, 127 * 256);
                        if imm8 & 0xff != 0 {
                            #[allow(clippy::cast_possible_wrap)]
                            let shown = imm8 as i32;
                            self.error = Some(format!("{shown} is not a multiple of 256"));
                        } else {
                            let enc = (((imm8 >> 8) & 0xff) << 16)
                                | (u32::from(r0) << 4)
                                | (u32::from(r1) << 8)
                                | (13 << 12)
                                | 2;
                            self.asm.op24(enc);
                        }
                    }
                    "bbci" | "bbsi" => {
                        let r0 = self.arg_reg(op, &a[0], pool);
                        let bit = self.arg_i(op, &a[1], 0, 31);
                        let l = self.arg_label(op, &a[2], pool);
                        self.asm
                            .bit_branch(r0, bit, l, if op == "bbci" { 6 } else { 14 });
                    }
                    "slli" => {
                        let r0 = u32::from(self.arg_reg(op, &a[0], pool));
                        let r1 = u32::from(self.arg_reg(op, &a[1], pool));
                        let bits = 32u32.wrapping_sub(self.arg_i(op, &a[2], 1, 31));
                        self.asm
                            .op24(rrr(0, 1, (bits >> 4) & 1, r0, r1, bits & 0xf) & 0xff_ffff);
                    }
                    "srai" => {
                        let r0 = u32::from(self.arg_reg(op, &a[0], pool));
                        let r1 = u32::from(self.arg_reg(op, &a[1], pool));
                        let bits = self.arg_i(op, &a[2], 0, 31);
                        self.asm
                            .op24(rrr(0, 1, 2 | ((bits >> 4) & 1), r0, bits & 0xf, r1) & 0xff_ffff);
                    }
                    "srli" => {
                        let r0 = u32::from(self.arg_reg(op, &a[0], pool));
                        let r1 = u32::from(self.arg_reg(op, &a[1], pool));
                        let bits = self.arg_i(op, &a[2], 0, 15);
                        self.asm.op24(rrr(0, 1, 4, r0, bits, r1) & 0xff_ffff);
                    }
                    "l32i_n" | "s32i_n" => {
                        let r0 = self.arg_reg(op, &a[0], pool);
                        let r1 = self.arg_reg(op, &a[1], pool);
                        let imm = self.arg_i(op, &a[2], 0, 60);
                        if imm & 3 != 0 {
                            self.error = Some(format!("{imm} is not a multiple of 4"));
                        } else if op == "l32i_n" {
                            self.asm.l32i_n(r0, r1, imm >> 2);
                        } else {
                            self.asm.s32i_n(r0, r1, imm >> 2);
                        }
                    }
                    _ => return false,
                }
            }
            _ => return false,
        }
        true
    }
}

impl<const WINDOWED: bool> InlineAsm for InlineXtensa<WINDOWED> {
    fn start_pass(&mut self, pass: Pass) {
        self.pass = pass;
        if pass == Pass::CodeSize {
            self.label_lookup.clear();
        }
        self.asm.start_pass(if pass == Pass::Emit {
            AsmPass::Emit
        } else {
            AsmPass::Compute
        });
        self.asm.entry(0);
    }

    fn end_pass(&mut self) {
        self.asm.exit();
        self.asm.end_pass();
    }

    fn needs_second_size_pass(&self) -> bool {
        true
    }

    fn count_params(&mut self, params: &[Node], pool: &QstrPool) -> u16 {
        if params.len() > 4 {
            self.error = Some("can only have up to 4 parameters to Xtensa assembly".into());
            return 0;
        }
        for (i, p) in params.iter().enumerate() {
            let ok = matches!(p, Node::Id(q) if pool.bytes(*q) == format!("a{}", i + 2).as_bytes());
            if !ok {
                self.error = Some("parameters must be registers in sequence a2 to a5".into());
                return 0;
            }
        }
        #[allow(clippy::cast_possible_truncation)]
        let n = params.len() as u16;
        n
    }

    fn label(&mut self, label_num: u32, label_id: Qstr) -> bool {
        self.label_lookup
            .define(self.pass, self.asm.base_mut(), label_num, label_id)
    }

    fn base(&mut self) -> &mut crate::asm::AsmBase {
        self.asm.base_mut()
    }

    fn op(&mut self, op: Qstr, args: &[Node], pool: &QstrPool) {
        let op_str = String::from_utf8_lossy(pool.bytes(op)).into_owned();
        if !self.op_inner(&op_str, args, pool) {
            self.error = Some(format!(
                "unsupported Xtensa instruction '{op_str}' with {} arguments",
                args.len()
            ));
        }
    }

    fn take_error(&mut self) -> Option<String> {
        self.error.take()
    }

    fn take_code(&mut self) -> (Vec<u8>, Option<AsmError>) {
        let error = self.asm.base_mut().take_error();
        (self.asm.base_mut().take_code(), error)
    }
}
