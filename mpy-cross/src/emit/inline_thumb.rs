//! The `@micropython.asm_thumb` inline assembler (after py/emitinlinethumb.c): one Python call
//! per instruction, `r0`..`r3` as parameters, labels by name.

use crate::asm::thumb::{
    self, AddSubOp, AluOp, Cond, Imm8Op, ImmOffsetOp, MovHalf, ShiftOp, Thumb,
};
use crate::asm::{AsmError, AsmPass, Label, NativeAsm, Reg};
use crate::parse::grammar::Rule;
use crate::parse::node::Node;
use crate::qstr::{Qstr, QstrPool};

use super::inline_asm::{int_arg, InlineAsm, LabelTable};
use super::Pass;

/// `reg_name_table`.
const REG_NAMES: [(&str, u32); 21] = [
    ("r0", 0),
    ("r1", 1),
    ("r2", 2),
    ("r3", 3),
    ("r4", 4),
    ("r5", 5),
    ("r6", 6),
    ("r7", 7),
    ("r8", 8),
    ("r9", 9),
    ("r10", 10),
    ("r11", 11),
    ("r12", 12),
    ("r13", 13),
    ("r14", 14),
    ("r15", 15),
    ("sl", 10),
    ("fp", 11),
    ("sp", 13),
    ("lr", 14),
    ("pc", 15),
];

/// `special_reg_name_table`.
const SPECIAL_REG_NAMES: [(&str, u32); 2] = [("IPSR", 5), ("BASEPRI", 17)];

/// `emit_inline_asm_t` for Thumb.
#[derive(Debug)]
pub(crate) struct InlineThumb {
    asm: Thumb,
    pass: Pass,
    label_lookup: LabelTable,
    /// The error slot: the last SyntaxError message written (the reference overwrites it).
    error: Option<String>,
}

/// Why an instruction could not be assembled.
enum OpError {
    Unknown,
    BranchNotInRange,
}

impl InlineThumb {
    /// `emit_inline_thumb_new`.
    pub(crate) fn new(asm: Thumb, max_num_labels: usize) -> Self {
        Self {
            asm,
            pass: Pass::Scope,
            label_lookup: LabelTable::new(max_num_labels),
            error: None,
        }
    }

    fn error_msg(&mut self, msg: String) {
        self.error = Some(msg);
    }

    fn arg_str<'p>(pn: &Node, pool: &'p QstrPool) -> &'p [u8] {
        match pn {
            Node::Id(q) => pool.bytes(*q),
            _ => b"",
        }
    }

    fn arg_reg(&mut self, op: &str, pn: &Node, max_reg: u32, pool: &QstrPool) -> Reg {
        let s = Self::arg_str(pn, pool);
        if let Some(&(_, reg)) = REG_NAMES.iter().find(|(name, _)| name.as_bytes() == s) {
            if reg > max_reg {
                self.error_msg(format!("'{op}' expects at most r{max_reg}"));
                return 0;
            }
            #[allow(clippy::cast_possible_truncation)]
            return reg as Reg;
        }
        self.error_msg(format!("'{op}' expects a register"));
        0
    }

    fn arg_special_reg(&mut self, op: &str, pn: &Node, pool: &QstrPool) -> u32 {
        let s = Self::arg_str(pn, pool);
        if let Some(&(_, reg)) = SPECIAL_REG_NAMES.iter().find(|(n, _)| n.as_bytes() == s) {
            return reg;
        }
        self.error_msg(format!("'{op}' expects a special register"));
        0
    }

    fn arg_vfpreg(&mut self, op: &str, pn: &Node, pool: &QstrPool) -> u32 {
        let s = Self::arg_str(pn, pool);
        if s.len() >= 2 && s[0] == b's' && s[1..].iter().all(u8::is_ascii_digit) {
            // mp_uint_t arithmetic: wraps like the reference.
            let regno = s[1..].iter().fold(0u64, |acc, d| {
                acc.wrapping_mul(10).wrapping_add(u64::from(d - b'0'))
            });
            if regno > 31 {
                self.error_msg(format!("'{op}' expects at most r31"));
                return 0;
            }
            #[allow(clippy::cast_possible_truncation)]
            return regno as u32;
        }
        self.error_msg(format!("'{op}' expects an FPU register"));
        0
    }

    fn arg_reglist(&mut self, op: &str, pn: &Node, pool: &QstrPool) -> u32 {
        let bad = |this: &mut Self| {
            this.error_msg(format!("'{op}' expects {{r0, r1, ...}}"));
            0
        };
        let Some(brace) = pn.as_struct_of(Rule::atom_brace) else {
            return bad(self);
        };
        let inner = brace.nodes.first().unwrap_or(&Node::Null);
        let mut reglist = 0u32;
        match inner {
            Node::Id(_) => reglist |= 1 << self.arg_reg(op, inner, 15, pool),
            Node::Struct(s) if s.rule == Rule::dictorsetmaker => {
                let second = s.nodes.get(1).unwrap_or(&Node::Null);
                let Some(list) = second.as_struct_of(Rule::dictorsetmaker_list) else {
                    return bad(self);
                };
                let first = s.nodes.first().unwrap_or(&Node::Null);
                reglist |= 1 << self.arg_reg(op, first, 15, pool);
                let tail = list
                    .nodes
                    .first()
                    .unwrap_or(&Node::Null)
                    .extract_list(Rule::dictorsetmaker_list2);
                for n in tail {
                    reglist |= 1 << self.arg_reg(op, n, 15, pool);
                }
            }
            _ => return bad(self),
        }
        reglist
    }

    fn arg_i(&mut self, op: &str, pn: &Node, fit_mask: u32) -> u32 {
        let value = int_arg(pn);
        let Some(i) = value else {
            self.error_msg(format!("'{op}' expects an integer"));
            return 0;
        };
        if i & !fit_mask != 0 {
            self.error_msg(format!(
                "'{op}' integer 0x{i:x} doesn't fit in mask 0x{fit_mask:x}"
            ));
            return 0;
        }
        i
    }

    fn arg_addr<'n>(&mut self, op: &str, pn: &'n Node) -> Option<(&'n Node, &'n Node)> {
        let pair = pn
            .as_struct_of(Rule::atom_bracket)
            .and_then(|s| s.nodes.first())
            .and_then(|n| n.as_struct_of(Rule::testlist_comp))
            .filter(|s| s.nodes.len() == 2)
            .map(|s| (&s.nodes[0], &s.nodes[1]));
        if pair.is_none() {
            self.error_msg(format!("'{op}' expects an address of the form [a, b]"));
        }
        pair
    }

    fn arg_label(&mut self, op: &str, pn: &Node, pool: &QstrPool) -> Label {
        let Node::Id(q) = pn else {
            self.error_msg(format!("'{op}' expects a label"));
            return Label(0);
        };
        if let Some(i) = self.label_lookup.find(*q) {
            #[allow(clippy::cast_possible_truncation)]
            return Label(i as u32);
        }
        if self.pass == Pass::Emit {
            self.error_msg(format!(
                "label '{}' not defined",
                String::from_utf8_lossy(pool.bytes(*q))
            ));
        }
        Label(0)
    }

    /// `movw`/`movt`/`movwt` cannot load `pc`: the reference aborts on an assert in
    /// `asm_thumb_mov_reg_i16`; here it is an error at the instruction.
    fn mov_i16_dest_ok(&mut self, op: &str, reg_dest: Reg) -> bool {
        if reg_dest == 15 {
            self.error_msg(format!("'{op}' expects at most r14"));
            return false;
        }
        true
    }

    /// `emit_inline_thumb_op`: assemble one instruction.
    fn op_thumb(&mut self, op: Qstr, args: &[Node], pool: &QstrPool) {
        let op_str = String::from_utf8_lossy(pool.bytes(op)).into_owned();
        match self.op_inner(&op_str, args, pool) {
            Ok(()) => {}
            Err(OpError::Unknown) => self.error_msg(format!(
                "unsupported Thumb instruction '{op_str}' with {} arguments",
                args.len()
            )),
            Err(OpError::BranchNotInRange) => self.error_msg("branch not in range".into()),
        }
    }

    #[allow(clippy::too_many_lines)]
    fn op_inner(&mut self, op: &str, a: &[Node], pool: &QstrPool) -> Result<(), OpError> {
        let armv7m = self.asm.allow_armv7m();
        let b = op.as_bytes();
        if self.asm.allow_float() && b.first() == Some(&b'v') {
            return self.op_vfp(op, a, pool);
        }
        match a.len() {
            0 => match op {
                "nop" => self.asm.op16(thumb::OP_NOP),
                "wfi" => self.asm.op16(thumb::OP_WFI),
                _ => return Err(OpError::Unknown),
            },
            1 => {
                if op == "b" {
                    let l = self.arg_label(op, &a[0], pool);
                    if !self.asm.b_n_label(l) {
                        return Err(OpError::BranchNotInRange);
                    }
                } else if op == "bl" {
                    let l = self.arg_label(op, &a[0], pool);
                    if !self.asm.bl_label(l) {
                        return Err(OpError::BranchNotInRange);
                    }
                } else if op == "bx" {
                    let r = self.arg_reg(op, &a[0], 15, pool);
                    self.asm.op16(0x4700 | (u16::from(r) << 3));
                } else if b[0] == b'b'
                    && (b.len() == 3
                        || (b.len() == 5
                            && b[3] == b'_'
                            && (b[4] == b'n' || (armv7m && b[4] == b'w'))))
                {
                    let cc = core::str::from_utf8(&b[1..3])
                        .ok()
                        .and_then(Cond::from_name)
                        .ok_or(OpError::Unknown)?;
                    let l = self.arg_label(op, &a[0], pool);
                    let wide = b.len() == 5 && b[4] == b'w';
                    if wide && !armv7m {
                        return Err(OpError::Unknown);
                    }
                    if !self.asm.bcc_nw_label(cc, l, wide) {
                        return Err(OpError::BranchNotInRange);
                    }
                } else if armv7m && b.len() >= 2 && &b[..2] == b"it" {
                    let arg = Self::arg_str(&a[0], pool);
                    if arg.len() != 2 {
                        return Err(OpError::Unknown);
                    }
                    let cc = core::str::from_utf8(arg)
                        .ok()
                        .and_then(Cond::from_name)
                        .ok_or(OpError::Unknown)?;
                    if b.len() > 5 {
                        return Err(OpError::Unknown);
                    }
                    let ccn = cc as u32;
                    let mut it_mask = 8u32;
                    for &c in b[2..].iter().rev() {
                        it_mask >>= 1;
                        match c {
                            b't' => it_mask |= (ccn & 1) << 3,
                            b'e' => it_mask |= ((!ccn) & 1) << 3,
                            _ => return Err(OpError::Unknown),
                        }
                    }
                    self.asm.it_cc(cc, it_mask);
                } else if op == "cpsid" {
                    self.asm.op16(thumb::OP_CPSID_I);
                } else if op == "cpsie" {
                    self.asm.op16(thumb::OP_CPSIE_I);
                } else if op == "push" || op == "pop" {
                    let reglist = self.arg_reglist(op, &a[0], pool);
                    let push = op == "push";
                    let (hi_mask, special, narrow, narrow_special, wide) = if push {
                        (0xbf00, 1 << 14, 0xb400, 0xb500, 0xe92d)
                    } else {
                        (0x7f00, 1 << 15, 0xbc00, 0xbd00, 0xe8bd)
                    };
                    if reglist & hi_mask == 0 {
                        #[allow(clippy::cast_possible_truncation)]
                        if reglist & special == 0 {
                            self.asm.op16(narrow | reglist as u16);
                        } else {
                            self.asm.op16(narrow_special | (reglist & 0xff) as u16);
                        }
                    } else {
                        if !armv7m {
                            return Err(OpError::Unknown);
                        }
                        #[allow(clippy::cast_possible_truncation)]
                        self.asm.op32((wide, reglist as u16));
                    }
                } else {
                    return Err(OpError::Unknown);
                }
            }
            2 => {
                if let Node::Id(_) = &a[1] {
                    if op == "mov" {
                        let d = self.arg_reg(op, &a[0], 15, pool);
                        let s = self.arg_reg(op, &a[1], 15, pool);
                        self.asm.mov_reg_reg_thumb(d, s);
                    } else if armv7m && (op == "clz" || op == "rbit") {
                        let (hi, lo) = if op == "clz" {
                            (0xfab0u16, 0xf080u16)
                        } else {
                            (0xfa90, 0xf0a0)
                        };
                        let rd = u16::from(self.arg_reg(op, &a[0], 15, pool));
                        let rm = u16::from(self.arg_reg(op, &a[1], 15, pool));
                        self.asm.op32((hi | rm, lo | (rd << 8) | rm));
                    } else if armv7m && op == "mrs" {
                        let rd = u16::from(self.arg_reg(op, &a[0], 12, pool));
                        #[allow(clippy::cast_possible_truncation)]
                        let rs = self.arg_special_reg(op, &a[1], pool) as u16;
                        self.asm.op32((0xf3ef, 0x8000 | (rd << 8) | rs));
                    } else {
                        let alu = AluOp::NAMED
                            .iter()
                            .find(|(name, _)| *name == op)
                            .map(|(_, o)| *o)
                            .ok_or(OpError::Unknown)?;
                        let d = self.arg_reg(op, &a[0], 7, pool);
                        let s = self.arg_reg(op, &a[1], 7, pool);
                        self.asm.format_4(alu, d, s);
                    }
                } else {
                    let imm8 = match op {
                        "mov" => Some(Imm8Op::Mov),
                        "cmp" => Some(Imm8Op::Cmp),
                        "add" => Some(Imm8Op::Add),
                        "sub" => Some(Imm8Op::Sub),
                        _ => None,
                    };
                    if let Some(o) = imm8 {
                        let d = self.arg_reg(op, &a[0], 7, pool);
                        let i = self.arg_i(op, &a[1], 0xff);
                        self.asm.format_3(o, d, i);
                    } else if armv7m && (op == "movw" || op == "movt") {
                        let half = if op == "movw" {
                            MovHalf::Movw
                        } else {
                            MovHalf::Movt
                        };
                        let d = self.arg_reg(op, &a[0], 15, pool);
                        let i = self.arg_i(op, &a[1], 0xffff);
                        if self.mov_i16_dest_ok(op, d) {
                            self.asm.mov_reg_i16(half, d, i64::from(i));
                        }
                    } else if armv7m && op == "movwt" {
                        let d = self.arg_reg(op, &a[0], 15, pool);
                        let i = self.arg_i(op, &a[1], 0xffff_ffff);
                        if self.mov_i16_dest_ok(op, d) {
                            self.asm
                                .mov_reg_i16(MovHalf::Movw, d, i64::from(i & 0xffff));
                            self.asm
                                .mov_reg_i16(MovHalf::Movt, d, i64::from((i >> 16) & 0xffff));
                        }
                    } else if armv7m && op == "ldrex" {
                        let rd = u16::from(self.arg_reg(op, &a[0], 15, pool));
                        if let Some((base, offset)) = self.arg_addr(op, &a[1]) {
                            let rb = u16::from(self.arg_reg(op, base, 15, pool));
                            #[allow(clippy::cast_possible_truncation)]
                            let i8 = (self.arg_i(op, offset, 0xff) >> 2) as u16;
                            self.asm.op32((0xe850 | rb, 0x0f00 | (rd << 12) | i8));
                        }
                    } else {
                        let (ldst, shift, mask) = match op {
                            "ldr" => (ImmOffsetOp::Ldr, 2, 0x7c),
                            "ldrb" => (ImmOffsetOp::Ldrb, 0, 0x1f),
                            "ldrh" => (ImmOffsetOp::Ldrh, 1, 0x3e),
                            "str" => (ImmOffsetOp::Str, 2, 0x7c),
                            "strb" => (ImmOffsetOp::Strb, 0, 0x1f),
                            "strh" => (ImmOffsetOp::Strh, 1, 0x3e),
                            _ => return Err(OpError::Unknown),
                        };
                        let d = self.arg_reg(op, &a[0], 7, pool);
                        let Some((base, offset)) = self.arg_addr(op, &a[1]) else {
                            return Err(OpError::Unknown);
                        };
                        let rb = self.arg_reg(op, base, 7, pool);
                        let i5 = self.arg_i(op, offset, mask) >> shift;
                        self.asm.format_9_10(ldst, d, rb, i5);
                    }
                }
            }
            3 => {
                let shift = match op {
                    "lsl" => Some(ShiftOp::Lsl),
                    "lsr" => Some(ShiftOp::Lsr),
                    "asr" => Some(ShiftOp::Asr),
                    _ => None,
                };
                if let Some(s) = shift {
                    let d = self.arg_reg(op, &a[0], 7, pool);
                    let src = self.arg_reg(op, &a[1], 7, pool);
                    let i5 = self.arg_i(op, &a[2], 0x1f);
                    self.asm.format_1(s, d, src, i5);
                } else if op == "add" || op == "sub" {
                    let o = if op == "add" {
                        AddSubOp::Add
                    } else {
                        AddSubOp::Sub
                    };
                    let d = self.arg_reg(op, &a[0], 7, pool);
                    let src = self.arg_reg(op, &a[1], 7, pool);
                    if let Node::Id(_) = &a[2] {
                        let rb = self.arg_reg(op, &a[2], 7, pool);
                        self.asm.format_2_reg(o, d, src, rb);
                    } else {
                        let i3 = self.arg_i(op, &a[2], 0x7);
                        self.asm.format_2_imm(o, d, src, i3);
                    }
                } else if armv7m && (op == "sdiv" || op == "udiv") {
                    let hi: u16 = if op == "sdiv" { 0xfb90 } else { 0xfbb0 };
                    let rd = u16::from(self.arg_reg(op, &a[0], 15, pool));
                    let rn = u16::from(self.arg_reg(op, &a[1], 15, pool));
                    let rm = u16::from(self.arg_reg(op, &a[2], 15, pool));
                    self.asm.op32((hi | rn, 0xf0f0 | (rd << 8) | rm));
                } else if armv7m && op == "strex" {
                    let rd = u16::from(self.arg_reg(op, &a[0], 15, pool));
                    let rs = u16::from(self.arg_reg(op, &a[1], 15, pool));
                    if let Some((base, offset)) = self.arg_addr(op, &a[2]) {
                        let rb = u16::from(self.arg_reg(op, base, 15, pool));
                        #[allow(clippy::cast_possible_truncation)]
                        let i8 = (self.arg_i(op, offset, 0xff) >> 2) as u16;
                        self.asm.op32((0xe840 | rb, (rs << 12) | (rd << 8) | i8));
                    }
                } else {
                    return Err(OpError::Unknown);
                }
            }
            _ => return Err(OpError::Unknown),
        }
        Ok(())
    }

    #[allow(clippy::cast_possible_truncation)]
    fn op_vfp(&mut self, op: &str, a: &[Node], pool: &QstrPool) -> Result<(), OpError> {
        match a.len() {
            2 => {
                let two = |hi: u32, lo: u32| Some((hi, lo));
                let twoargs = match op {
                    "vcmp" => two(0xeeb4, 0x0ac0),
                    "vsqrt" => two(0xeeb1, 0x0ac0),
                    "vneg" => two(0xeeb1, 0x0a40),
                    "vcvt_f32_s32" => two(0xeeb8, 0x0ac0),
                    "vcvt_s32_f32" => two(0xeebd, 0x0ac0),
                    _ => None,
                };
                if let Some((hi, lo)) = twoargs {
                    let vd = self.arg_vfpreg(op, &a[0], pool);
                    let vm = self.arg_vfpreg(op, &a[1], pool);
                    self.asm.op32((
                        (hi | ((vd & 1) << 6)) as u16,
                        (lo | ((vd & 0x1e) << 11) | ((vm & 1) << 5) | (vm & 0x1e) >> 1) as u16,
                    ));
                } else if op == "vmrs" {
                    let s0 = Self::arg_str(&a[0], pool);
                    let reg_dest = if s0 == b"APSR_nzcv" {
                        15
                    } else {
                        u32::from(self.arg_reg(op, &a[0], 15, pool))
                    };
                    if Self::arg_str(&a[1], pool) == b"FPSCR" {
                        self.asm.op32((0xeef1, (0x0a10 | (reg_dest << 12)) as u16));
                    } else {
                        return Err(OpError::Unknown);
                    }
                } else if op == "vmov" {
                    let mut hi = 0xee00u32;
                    let (r_arm, vm);
                    if Self::arg_str(&a[0], pool).first() == Some(&b'r') {
                        r_arm = u32::from(self.arg_reg(op, &a[0], 15, pool));
                        vm = self.arg_vfpreg(op, &a[1], pool);
                        hi |= 0x10;
                    } else {
                        vm = self.arg_vfpreg(op, &a[0], pool);
                        r_arm = u32::from(self.arg_reg(op, &a[1], 15, pool));
                    }
                    self.asm.op32((
                        (hi | ((vm & 0x1e) >> 1)) as u16,
                        (0x0a10 | (r_arm << 12) | ((vm & 1) << 7)) as u16,
                    ));
                } else if op == "vldr" || op == "vstr" {
                    let hi: u32 = if op == "vldr" { 0xed90 } else { 0xed80 };
                    let vd = self.arg_vfpreg(op, &a[0], pool);
                    if let Some((base, offset)) = self.arg_addr(op, &a[1]) {
                        let rb = u32::from(self.arg_reg(op, base, 7, pool));
                        let i8 = self.arg_i(op, offset, 0x3fc) >> 2;
                        self.asm.op32((
                            (hi | rb | ((vd & 1) << 6)) as u16,
                            (0x0a00 | ((vd & 0x1e) << 11) | i8) as u16,
                        ));
                    }
                } else {
                    return Err(OpError::Unknown);
                }
            }
            3 => {
                let code = match op {
                    "vadd" => 0x30u32,
                    "vsub" => 0x34,
                    "vmul" => 0x20,
                    "vdiv" => 0x80,
                    _ => return Err(OpError::Unknown),
                };
                let hi = 0xee00 | (code & 0xf0);
                let lo = 0x0a00 | ((code & 0x0f) << 4);
                let vd = self.arg_vfpreg(op, &a[0], pool);
                let vn = self.arg_vfpreg(op, &a[1], pool);
                let vm = self.arg_vfpreg(op, &a[2], pool);
                self.asm.op32((
                    (hi | ((vd & 1) << 6) | (vn >> 1)) as u16,
                    (lo | (vm >> 1) | ((vm & 1) << 5) | ((vd & 0x1e) << 11) | ((vn & 1) << 7))
                        as u16,
                ));
            }
            _ => return Err(OpError::Unknown),
        }
        Ok(())
    }
}

impl InlineAsm for InlineThumb {
    /// `emit_inline_thumb_start_pass`.
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
        self.asm.entry_thumb(0);
    }
    /// `emit_inline_thumb_end_pass`.
    fn end_pass(&mut self) {
        self.asm.exit_thumb();
        self.asm.end_pass();
    }
    /// `emit_inline_thumb_count_params`.
    fn count_params(&mut self, params: &[Node], pool: &QstrPool) -> u16 {
        if params.len() > 4 {
            self.error_msg("can only have up to 4 parameters to Thumb assembly".into());
            return 0;
        }
        for (i, p) in params.iter().enumerate() {
            let ok = match p {
                Node::Id(q) => pool.bytes(*q) == format!("r{i}").as_bytes(),
                _ => false,
            };
            if !ok {
                self.error_msg("parameters must be registers in sequence r0 to r3".into());
                return 0;
            }
        }
        #[allow(clippy::cast_possible_truncation)]
        let n = params.len() as u16;
        n
    }
    /// `emit_inline_thumb_label`: false when the label is defined twice.
    fn label(&mut self, label_num: u32, label_id: Qstr) -> bool {
        self.label_lookup
            .define(self.pass, self.asm.base_mut(), label_num, label_id)
    }
    /// The machine code of the EMIT pass, and any assembler error.
    fn take_code(&mut self) -> (Vec<u8>, Option<AsmError>) {
        let error = self.asm.base_mut().take_error();
        (self.asm.base_mut().take_code(), error)
    }
    fn base(&mut self) -> &mut crate::asm::AsmBase {
        self.asm.base_mut()
    }

    fn op(&mut self, op: Qstr, args: &[Node], pool: &QstrPool) {
        self.op_thumb(op, args, pool);
    }

    fn take_error(&mut self) -> Option<String> {
        self.error.take()
    }
}
