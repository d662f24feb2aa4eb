//! The bytecode interpreter loop (after py/vm.c `mp_execute_bytecode`). Dispatch is derived
//! from `mpy_format::opcode` (`OpByte::from_byte`); no opcode byte is spelled here.
//!
//! Frame block layout: raw `[n_state, ip, sp+1, exc_sp, code_index, flags]`, then
//! `[function, locals dict, state[n_state], exception entries (handler, sp|kind, prev_exc)...]`.
//! Local `i` lives in `state[n_state - 1 - i]`; the value stack grows up from `state[0]`.
//! Every stack slot holds a valid object (raw numbers are stored as small ints).

use crate::builtins as b;
use crate::heap::Kind;
use crate::loader::{Reader, M_CONSTS, M_GLOBALS};
use crate::obj::{Obj, Qstr};
use crate::object::dict::NameKey;
use crate::vm::call::{Args, CodeInfo};
use crate::vm::{PyResult, Raised, Vm};
use mpy_format::opcode::{BinaryOp, OpByte, Opcode, UNWIND_JUMP_FROM_FOR};

pub(crate) const F_NSTATE: u32 = 0;
pub(crate) const F_IP: u32 = 1;
pub(crate) const F_SP: u32 = 2;
pub(crate) const F_EXCSP: u32 = 3;
pub(crate) const F_CODE: u32 = 4;
/// Frame flags (bit 0: a generator's frame has started).
pub(crate) const F_FLAGS: u32 = 5;
pub(crate) const F_FUN: u32 = 6;
pub(crate) const F_LOCALS: u32 = 7;
pub(crate) const F_STATE: u32 = 8;

/// Slots a for-loop iterator occupies on the value stack (MP_OBJ_ITER_BUF_NSLOTS).
const ITER_SLOTS: i64 = 4;

/// Every byte's decoding, derived from `mpy_format::opcode` at compile time: the loop
/// decodes an opcode with one table load.
static DECODE: [Option<OpByte>; 256] = {
    let mut t = [None; 256];
    let mut i = 0;
    while i < 256 {
        #[allow(clippy::cast_possible_truncation)]
        {
            t[i] = OpByte::from_byte(i as u8);
        }
        i += 1;
    }
    t
};

/// Arithmetic and comparisons of two small ints, inline (py/runtime.c `mp_binary_op`
/// starts the same way). None: an operand is not a small int, or the result needs the
/// general path (overflow, division by zero or by a negative number, shifts, powers).
#[inline(always)]
pub(crate) fn small_int_binary(op: BinaryOp, a: Obj, b: Obj) -> Option<Obj> {
    use BinaryOp as B;
    let (x, y) = (a.as_small()?, b.as_small()?);
    let r = match op {
        B::LESS => return Some(Obj::bool(x < y)),
        B::MORE => return Some(Obj::bool(x > y)),
        B::EQUAL => return Some(Obj::bool(x == y)),
        B::LESS_EQUAL => return Some(Obj::bool(x <= y)),
        B::MORE_EQUAL => return Some(Obj::bool(x >= y)),
        B::NOT_EQUAL => return Some(Obj::bool(x != y)),
        B::OR | B::INPLACE_OR => x | y,
        B::XOR | B::INPLACE_XOR => x ^ y,
        B::AND | B::INPLACE_AND => x & y,
        B::ADD | B::INPLACE_ADD => x + y,
        B::SUBTRACT | B::INPLACE_SUBTRACT => x - y,
        B::MULTIPLY | B::INPLACE_MULTIPLY => x * y,
        B::FLOOR_DIVIDE | B::INPLACE_FLOOR_DIVIDE if y > 0 => x.div_euclid(y),
        B::MODULO | B::INPLACE_MODULO if y > 0 => x.rem_euclid(y),
        _ => return None,
    };
    Obj::small(r)
}

/// How a frame finished (or paused).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExecResult {
    Return(Obj),
    Yield(Obj),
}

/// Interpreter registers for one frame.
struct Regs<'a> {
    frame: u32,
    code: CodeInfo<'a>,
    ip: usize,
    /// Index of the top of stack (-1 = empty).
    sp: i64,
    exc_sp: u32,
    /// Start of the instruction being executed.
    op_ip: usize,
    /// Opcode of the instruction being executed.
    op: Option<OpByte>,
}

impl<'a> Regs<'a> {
    #[cfg_attr(not(target_os = "none"), inline(always))]
    fn bc(&self) -> &'a [u8] {
        self.code.image.get(..self.code.end).unwrap_or(&[])
    }
}

/// Outcome of one instruction.
enum Step {
    Next,
    Done(ExecResult),
}

/// Is positional argument `i` of a `CALL_*_VAR_KW` a `*` argument? (Bit `i` of the call's
/// star bitmap.)
fn is_star_arg(bitmap: i64, i: u32) -> bool {
    i < 63 && (bitmap >> i) & 1 == 1
}

impl<'a> Vm<'a> {
    #[track_caller]
    fn corrupt(&mut self) -> Raised {
        self.corrupt_at = Some(core::panic::Location::caller());
        self.raise_msg_str(b::T_RUNTIME_ERROR, "corrupt bytecode")
    }

    /// Run `frame` until it returns, yields or raises. `inject` is an exception to throw in.
    pub(crate) fn execute(&mut self, frame: Obj, inject: Obj) -> PyResult<ExecResult> {
        let fr = frame.bits();
        let fun = self.heap.get_obj(fr, F_FUN);
        let Some(code) = self.code_of_function(fun) else {
            return Err(self.corrupt());
        };
        if self.heap.get(fr, F_NSTATE) != code.n_state {
            return Err(self.corrupt());
        }
        let mut regs = Regs {
            frame: fr,
            code,
            ip: self.heap.get(fr, F_IP) as usize,
            sp: i64::from(self.heap.get(fr, F_SP)) - 1,
            exc_sp: self.heap.get(fr, F_EXCSP),
            op_ip: 0,
            op: None,
        };
        let mut pending = inject;
        loop {
            let r = if pending.is_null() {
                self.run(&mut regs)
            } else {
                let p = pending;
                pending = Obj::NULL;
                regs.op_ip = regs.ip;
                regs.op = regs.bc().get(regs.ip).and_then(|&c| DECODE[usize::from(c)]);
                if regs.op == Some(OpByte::Op(Opcode::YIELD_FROM)) {
                    match self.yield_from(&mut regs, p) {
                        Ok(Step::Done(r)) => Ok(r),
                        Ok(Step::Next) => self.run(&mut regs),
                        Err(e) => Err(e),
                    }
                } else {
                    match self.make_raise_obj(p) {
                        Ok(e) => Err(self.raise_obj(e)),
                        Err(e) => Err(e),
                    }
                }
            };
            match r {
                Ok(res) => {
                    self.heap.set(fr, F_IP, u32::try_from(regs.ip).unwrap_or(0));
                    self.heap
                        .set(fr, F_SP, u32::try_from(regs.sp + 1).unwrap_or(0));
                    self.heap.set(fr, F_EXCSP, regs.exc_sp);
                    return Ok(res);
                }
                Err(Raised) => {
                    let exc = self.exc;
                    let reraise = matches!(
                        regs.op,
                        Some(OpByte::Op(Opcode::END_FINALLY | Opcode::RAISE_LAST))
                    );
                    if !reraise && self.is_exception(exc) {
                        self.add_traceback(exc, &regs);
                    }
                    // Drop handlers that are already active (we are inside them).
                    while regs.exc_sp > 0 {
                        let handler = self
                            .exc_entry(&regs, regs.exc_sp - 1, 0)
                            .as_small()
                            .unwrap_or(0);
                        if handler as usize <= regs.op_ip {
                            regs.exc_sp -= 1;
                        } else {
                            break;
                        }
                    }
                    if regs.exc_sp == 0 {
                        self.exc = exc;
                        self.heap.set(fr, F_EXCSP, 0);
                        return Err(Raised);
                    }
                    let e = regs.exc_sp - 1;
                    let handler = self.exc_entry(&regs, e, 0).as_small().unwrap_or(0);
                    let saved = self.exc_entry(&regs, e, 1).as_small().unwrap_or(0);
                    self.set_exc_entry(&regs, e, 2, exc);
                    #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
                    {
                        regs.ip = handler as usize;
                    }
                    let old_sp = regs.sp;
                    regs.sp = (saved >> 1) - 1;
                    self.clear_slots(&regs, regs.sp + 1, old_sp.max(regs.sp + 1));
                    self.push(&mut regs, exc)?;
                }
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn add_traceback(&mut self, exc: Obj, regs: &Regs<'a>) {
        if exc == self.memory_error_obj() {
            return;
        }
        let code = &regs.code;
        let file = self.module_qstr(code.module, 0).unwrap_or(1);
        let line = self.source_line(code, regs.op_ip);
        self.push_traceback_entry(
            exc,
            [
                Obj::qstr(file),
                Obj::small_sat(i64::from(line)),
                Obj::qstr(code.name),
            ],
        );
    }

    /// Append `[file, line, block]` to exception `exc`'s traceback (nothing if the heap is
    /// full: the exception is raised without it).
    pub(crate) fn push_traceback_entry(&mut self, exc: Obj, entry: [Obj; 3]) {
        let saved = self.exc;
        let tb = self.heap.get_obj(exc.bits(), 3);
        let tb = if tb.is_null() {
            match self.new_list(0, 3) {
                Ok(l) => {
                    self.heap.set_obj(exc.bits(), 3, l);
                    l
                }
                Err(_) => {
                    self.exc = saved;
                    return;
                }
            }
        } else {
            tb
        };
        for v in entry {
            if self.list_append(tb, v).is_err() {
                break;
            }
        }
        self.exc = saved;
    }

    pub(crate) fn memory_error_obj(&self) -> Obj {
        self.memory_error_ref()
    }

    /// The source line of bytecode offset `ip` (mp_bytecode_get_source_line).
    fn source_line(&self, code: &CodeInfo<'a>, ip: usize) -> u32 {
        let mut r = Reader {
            data: code.image.get(..code.info_end).unwrap_or(&[]),
            pos: code.info_start,
        };
        for _ in 0..=code.n_pos + code.n_kwonly {
            if r.vuint().is_none() {
                return 1;
            }
        }
        let mut bc = ip.saturating_sub(code.bc_start);
        let mut line = 1u32;
        while r.pos < code.info_end {
            let Some(c) = r.u8() else { break };
            let (b_inc, l_inc) = if c & 0x80 == 0 {
                (usize::from(c & 0x1f), u32::from(c >> 5))
            } else {
                let Some(c2) = r.u8() else { break };
                (
                    usize::from(c & 0xf),
                    ((u32::from(c) << 4) & 0x700) | u32::from(c2),
                )
            };
            if bc >= b_inc {
                bc -= b_inc;
                line += l_inc;
            } else {
                break;
            }
        }
        line
    }

    // ----- stack helpers -----
    //
    // The helpers the loop runs for nearly every instruction (push, pop, peek, poke,
    // local_index, load_fast, read_u8) are always inlined on hosted targets: LLVM leaves them
    // out of line in the large loop body, and inlining makes integer loops 1.5x faster. On
    // bare-metal targets (firmware built for size) inlining them costs 4.7 KB of flash, so
    // the compiler decides there.

    #[cfg_attr(not(target_os = "none"), inline(always))]
    fn push(&mut self, regs: &mut Regs<'a>, v: Obj) -> PyResult<()> {
        let n = i64::from(regs.code.n_state);
        if regs.sp + 1 >= n {
            return Err(self.corrupt());
        }
        regs.sp += 1;
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        self.heap.set_obj(regs.frame, F_STATE + regs.sp as u32, v);
        Ok(())
    }

    #[cfg_attr(not(target_os = "none"), inline(always))]
    fn pop(&mut self, regs: &mut Regs<'a>) -> PyResult<Obj> {
        let v = self.peek(regs, 0)?;
        regs.sp -= 1;
        Ok(v)
    }

    #[cfg_attr(not(target_os = "none"), inline(always))]
    fn peek(&mut self, regs: &Regs<'a>, depth: i64) -> PyResult<Obj> {
        let i = regs.sp - depth;
        if i < 0 || i >= i64::from(regs.code.n_state) {
            return Err(self.corrupt());
        }
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        Ok(self.heap.get_obj(regs.frame, F_STATE + i as u32))
    }

    #[cfg_attr(not(target_os = "none"), inline(always))]
    fn poke(&mut self, regs: &Regs<'a>, depth: i64, v: Obj) -> PyResult<()> {
        let i = regs.sp - depth;
        if i < 0 || i >= i64::from(regs.code.n_state) {
            return Err(self.corrupt());
        }
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        self.heap.set_obj(regs.frame, F_STATE + i as u32, v);
        Ok(())
    }

    /// Forget stale references in stack slots `from..=to` so the collector can free them.
    fn clear_slots(&mut self, regs: &Regs<'a>, from: i64, to: i64) {
        let n = i64::from(regs.code.n_state);
        let mut i = from.max(0);
        while i <= to.min(n - 1) {
            #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
            self.heap.set_obj(regs.frame, F_STATE + i as u32, Obj::NULL);
            i += 1;
        }
    }

    fn set_sp(&mut self, regs: &mut Regs<'a>, sp: i64) -> PyResult<()> {
        if sp < -1 || sp >= i64::from(regs.code.n_state) {
            return Err(self.corrupt());
        }
        regs.sp = sp;
        Ok(())
    }

    #[cfg_attr(not(target_os = "none"), inline(always))]
    fn local_index(&mut self, regs: &Regs<'a>, n: u32) -> PyResult<u32> {
        if n >= regs.code.n_state {
            return Err(self.corrupt());
        }
        Ok(F_STATE + regs.code.n_state - 1 - n)
    }

    fn exc_entry(&self, regs: &Regs<'a>, e: u32, field: u32) -> Obj {
        self.heap
            .get_obj(regs.frame, F_STATE + regs.code.n_state + e * 3 + field)
    }

    fn set_exc_entry(&mut self, regs: &Regs<'a>, e: u32, field: u32, v: Obj) {
        if e < regs.code.n_exc {
            self.heap
                .set_obj(regs.frame, F_STATE + regs.code.n_state + e * 3 + field, v);
        }
    }

    // ----- operand decoding -----

    #[cfg_attr(not(target_os = "none"), inline(always))]
    fn read_u8(&mut self, regs: &mut Regs<'a>) -> PyResult<u8> {
        match regs.bc().get(regs.ip) {
            Some(&b) => {
                regs.ip += 1;
                Ok(b)
            }
            None => Err(self.corrupt()),
        }
    }

    fn read_uint(&mut self, regs: &mut Regs<'a>) -> PyResult<u32> {
        let mut r = Reader {
            data: regs.bc(),
            pos: regs.ip,
        };
        match r.vuint() {
            Some(v) => {
                regs.ip = r.pos;
                Ok(v)
            }
            None => Err(self.corrupt()),
        }
    }

    fn read_sint(&mut self, regs: &mut Regs<'a>) -> PyResult<i64> {
        let first = self.read_u8(regs)?;
        let mut num: i64 = if first & 0x40 != 0 { -1 } else { 0 };
        let mut c = first;
        let mut n = 0;
        loop {
            num = num.wrapping_shl(7) | i64::from(c & 0x7f);
            if c & 0x80 == 0 {
                break;
            }
            n += 1;
            if n > 9 {
                return Err(self.corrupt());
            }
            c = self.read_u8(regs)?;
        }
        Ok(num)
    }

    fn read_ulabel(&mut self, regs: &mut Regs<'a>) -> PyResult<usize> {
        let b0 = self.read_u8(regs)?;
        let off = if b0 & 0x80 != 0 {
            let b1 = self.read_u8(regs)?;
            usize::from(b0 & 0x7f) | (usize::from(b1) << 7)
        } else {
            usize::from(b0)
        };
        let target = regs.ip + off;
        if target > regs.code.end {
            return Err(self.corrupt());
        }
        Ok(target)
    }

    fn read_slabel(&mut self, regs: &mut Regs<'a>) -> PyResult<usize> {
        let b0 = self.read_u8(regs)?;
        let off: i64 = if b0 & 0x80 != 0 {
            let b1 = self.read_u8(regs)?;
            (i64::from(b0 & 0x7f) | (i64::from(b1) << 7)) - 0x4000
        } else {
            i64::from(b0) - 0x40
        };
        #[allow(clippy::cast_possible_wrap)]
        let target = regs.ip as i64 + off;
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        if target < regs.code.bc_start as i64 || target > regs.code.end as i64 {
            return Err(self.corrupt());
        }
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        Ok(target as usize)
    }

    fn read_qstr(&mut self, regs: &mut Regs<'a>) -> PyResult<Qstr> {
        let i = self.read_uint(regs)?;
        match self.module_qstr(regs.code.module, i) {
            Some(q) => Ok(q),
            None => Err(self.corrupt()),
        }
    }

    fn globals(&self, regs: &Regs<'a>) -> Obj {
        self.heap.get_obj(regs.code.module.bits(), M_GLOBALS)
    }

    fn locals(&self, regs: &Regs<'a>) -> Obj {
        self.heap.get_obj(regs.frame, F_LOCALS)
    }

    fn name_error(&mut self, q: Qstr) -> Raised {
        let n = core::str::from_utf8(self.qstr_bytes(q)).unwrap_or("?");
        self.raise_parts(b::T_NAME_ERROR, &[&"name '", &n, &"' isn't defined"])
    }

    /// What `builtins.NAME` was set to, if it was.
    fn builtin_override(&self, name: &NameKey<'_>) -> Option<Obj> {
        if self.builtins_override.is_null() {
            return None;
        }
        self.dict_lookup_name(self.builtins_override, name)
    }

    fn load_global(&mut self, regs: &Regs<'a>, q: Qstr) -> PyResult<Obj> {
        let g = self.globals(regs);
        let name = NameKey::new(Obj::qstr(q), self.qstr_bytes(q));
        if let Some(v) = self.dict_lookup_name_or_absent(g, &name) {
            return Ok(v);
        }
        if let Some(v) = self.builtin_override(&name) {
            return Ok(v);
        }
        if let Some(v) = self.lookup_builtin_cached(q) {
            return Ok(v);
        }
        Err(self.name_error(q))
    }

    // ----- the loop -----

    fn run(&mut self, regs: &mut Regs<'a>) -> PyResult<ExecResult> {
        loop {
            regs.op_ip = regs.ip;
            if self.fuel == 0 {
                regs.op = None;
                return Err(self.raise_msg_str(b::T_RUNTIME_ERROR, "fuel exhausted"));
            }
            self.fuel -= 1;
            let byte = self.read_u8(regs)?;
            let Some(op) = DECODE[usize::from(byte)] else {
                regs.op = None;
                return Err(self.raise_parts(
                    b::T_NOT_IMPLEMENTED_ERROR,
                    &[&"opcode 0x", &crate::vm::Hex2(byte)],
                ));
            };
            regs.op = Some(op);
            if let Step::Done(r) = self.step(regs, op)? {
                return Ok(r);
            }
        }
    }

    #[allow(clippy::too_many_lines)]
    fn step(&mut self, regs: &mut Regs<'a>, op: OpByte) -> PyResult<Step> {
        match op {
            OpByte::LoadConstSmallInt(v) => self.push(regs, Obj::small_sat(i64::from(v)))?,
            OpByte::LoadFast(n) => self.load_fast(regs, u32::from(n))?,
            OpByte::StoreFast(n) => {
                let v = self.pop(regs)?;
                let i = self.local_index(regs, u32::from(n))?;
                self.heap.set_obj(regs.frame, i, v);
            }
            OpByte::UnaryOp(u) => {
                let v = self.peek(regs, 0)?;
                let r = self.unary_op(u, v)?;
                self.poke(regs, 0, r)?;
            }
            OpByte::BinaryOp(bop) => {
                let rhs = self.peek(regs, 0)?;
                let lhs = self.peek(regs, 1)?;
                let r = match small_int_binary(bop, lhs, rhs) {
                    Some(r) => r,
                    None => self.binary_op(bop, lhs, rhs)?,
                };
                regs.sp -= 1;
                self.poke(regs, 0, r)?;
            }
            OpByte::Op(o @ (Opcode::CALL_FUNCTION | Opcode::CALL_METHOD)) => {
                return self.op_call(regs, o)
            }
            OpByte::Op(o) => return self.step_op(regs, o),
        }
        Ok(Step::Next)
    }

    #[cfg_attr(not(target_os = "none"), inline(always))]
    fn load_fast(&mut self, regs: &mut Regs<'a>, n: u32) -> PyResult<()> {
        let i = self.local_index(regs, n)?;
        let v = self.heap.get_obj(regs.frame, i);
        if v.is_null() {
            return Err(self.raise_msg_str(
                b::T_NAME_ERROR,
                "local variable referenced before assignment",
            ));
        }
        self.push(regs, v)
    }

    /// Will the slice being built go straight into a bytearray, array or memoryview
    /// subscript (the next opcode), which keeps no reference to it? Then it needs no heap.
    #[inline(never)]
    fn slice_used_at_once(&mut self, regs: &Regs<'a>) -> PyResult<bool> {
        if self.scratch_slice_busy {
            return Ok(false);
        }
        let next = regs.bc().get(regs.ip).and_then(|&b| DECODE[usize::from(b)]);
        if !matches!(
            next,
            Some(OpByte::Op(Opcode::LOAD_SUBSCR | Opcode::STORE_SUBSCR))
        ) {
            return Ok(false);
        }
        let base = self.peek(regs, 2)?;
        Ok(self.is_kind(base, Kind::ByteArray) || self.typed_info(base).is_some())
    }

    /// A subscript that used the scratch slice is done with it.
    fn release_scratch_slice(&mut self, index: Obj) {
        if index == self.scratch_slice {
            self.scratch_slice_busy = false;
        }
    }

    /// After a branch: MicroPython's `pending_exception_check`, where scheduled calls run.
    #[cfg_attr(not(target_os = "none"), inline(always))]
    fn branch_taken(&mut self) {
        if self.scheduler.due() {
            self.run_scheduled();
        }
        #[cfg(feature = "weakref")]
        if self.weakref_due {
            self.run_weakref_callbacks();
        }
    }

    fn cell_of(&mut self, regs: &Regs<'a>, n: u32) -> PyResult<u32> {
        let i = self.local_index(regs, n)?;
        let c = self.heap.get_obj(regs.frame, i);
        if !self.is_kind(c, Kind::Cell) {
            return Err(self.corrupt());
        }
        Ok(c.bits())
    }

    #[allow(clippy::too_many_lines)]
    #[inline(never)]
    fn step_op(&mut self, regs: &mut Regs<'a>, o: Opcode) -> PyResult<Step> {
        match o {
            Opcode::LOAD_CONST_FALSE => self.push(regs, Obj::FALSE)?,
            Opcode::LOAD_CONST_NONE => self.push(regs, Obj::NONE)?,
            Opcode::LOAD_CONST_TRUE => self.push(regs, Obj::TRUE)?,
            Opcode::LOAD_NULL => self.push(regs, Obj::NULL)?,
            Opcode::LOAD_CONST_SMALL_INT => {
                let v = self.read_sint(regs)?;
                let o = self.new_int(v)?;
                self.push(regs, o)?;
            }
            Opcode::LOAD_CONST_STRING => {
                let q = self.read_qstr(regs)?;
                self.push(regs, Obj::qstr(q))?;
            }
            Opcode::LOAD_CONST_OBJ => {
                let i = self.read_uint(regs)?;
                let v = if let Some(f) = self.frozen_module(regs.code.module) {
                    self.frozen_const(&f, i)?
                } else {
                    let consts = self.heap.get_obj(regs.code.module.bits(), M_CONSTS);
                    if i >= self.heap.block_words(consts.bits()).saturating_sub(1) {
                        return Err(self.corrupt());
                    }
                    self.heap.get_obj(consts.bits(), i)
                };
                if v.is_null() {
                    return Err(self.corrupt());
                }
                if v == crate::loader::COMPLEX_PLACEHOLDER {
                    return Err(self
                        .raise_msg_str(b::T_NOT_IMPLEMENTED_ERROR, "complex numbers unsupported"));
                }
                self.push(regs, v)?;
            }
            Opcode::LOAD_FAST_N => {
                let n = self.read_uint(regs)?;
                self.load_fast(regs, n)?;
            }
            Opcode::STORE_FAST_N => {
                let n = self.read_uint(regs)?;
                let v = self.pop(regs)?;
                let i = self.local_index(regs, n)?;
                self.heap.set_obj(regs.frame, i, v);
            }
            Opcode::DELETE_FAST => {
                let n = self.read_uint(regs)?;
                let i = self.local_index(regs, n)?;
                if self.heap.get_obj(regs.frame, i).is_null() {
                    return Err(self.raise_msg_str(
                        b::T_NAME_ERROR,
                        "local variable referenced before assignment",
                    ));
                }
                self.heap.set_obj(regs.frame, i, Obj::NULL);
            }
            Opcode::LOAD_DEREF => {
                let n = self.read_uint(regs)?;
                let c = self.cell_of(regs, n)?;
                let v = self.heap.get_obj(c, 0);
                if v.is_null() {
                    return Err(self.raise_msg_str(
                        b::T_NAME_ERROR,
                        "local variable referenced before assignment",
                    ));
                }
                self.push(regs, v)?;
            }
            Opcode::STORE_DEREF => {
                let n = self.read_uint(regs)?;
                let v = self.pop(regs)?;
                let c = self.cell_of(regs, n)?;
                self.heap.set_obj(c, 0, v);
            }
            Opcode::DELETE_DEREF => {
                let n = self.read_uint(regs)?;
                let c = self.cell_of(regs, n)?;
                if self.heap.get_obj(c, 0).is_null() {
                    return Err(self.raise_msg_str(
                        b::T_NAME_ERROR,
                        "local variable referenced before assignment",
                    ));
                }
                self.heap.set_obj(c, 0, Obj::NULL);
            }
            Opcode::LOAD_NAME => {
                let q = self.read_qstr(regs)?;
                let l = self.locals(regs);
                let name = NameKey::new(Obj::qstr(q), self.qstr_bytes(q));
                let v = match self.dict_lookup_name(l, &name) {
                    Some(v) => v,
                    None => self.load_global(regs, q)?,
                };
                self.push(regs, v)?;
            }
            Opcode::LOAD_GLOBAL => {
                let q = self.read_qstr(regs)?;
                let v = self.load_global(regs, q)?;
                self.push(regs, v)?;
            }
            Opcode::STORE_NAME | Opcode::STORE_GLOBAL => {
                let q = self.read_qstr(regs)?;
                let v = self.peek(regs, 0)?;
                let d = if o == Opcode::STORE_NAME {
                    self.locals(regs)
                } else {
                    self.globals(regs)
                };
                self.dict_store(d, Obj::qstr(q), v)?;
                regs.sp -= 1;
            }
            Opcode::DELETE_NAME | Opcode::DELETE_GLOBAL => {
                let q = self.read_qstr(regs)?;
                let d = if o == Opcode::DELETE_NAME {
                    self.locals(regs)
                } else {
                    self.globals(regs)
                };
                // runtime.c's mp_delete_name / mp_delete_global delete from the dict, so a
                // missing name is a KeyError there.
                if self.dict_remove(d, Obj::qstr(q))?.is_none() {
                    return Err(self.raise_key_error(Obj::qstr(q)));
                }
            }
            Opcode::LOAD_ATTR => {
                let q = self.read_qstr(regs)?;
                let base = self.peek(regs, 0)?;
                let v = self.load_attr(base, Obj::qstr(q))?;
                self.poke(regs, 0, v)?;
            }
            Opcode::LOAD_METHOD => {
                let q = self.read_qstr(regs)?;
                let base = self.peek(regs, 0)?;
                self.push(regs, Obj::NULL)?;
                let (m, s) = self.load_method(base, Obj::qstr(q))?;
                self.poke(regs, 1, m)?;
                self.poke(regs, 0, s)?;
            }
            Opcode::LOAD_SUPER_METHOD => {
                let q = self.read_qstr(regs)?;
                // stack: super, class, self -> method, self
                let self_obj = self.peek(regs, 0)?;
                let cls = self.peek(regs, 1)?;
                let (m, s) = self.super_lookup(cls, self_obj, q, true)?;
                regs.sp -= 1;
                self.poke(regs, 1, m)?;
                self.poke(regs, 0, s)?;
            }
            Opcode::STORE_ATTR => {
                let q = self.read_qstr(regs)?;
                let base = self.peek(regs, 0)?;
                let v = self.peek(regs, 1)?;
                self.store_attr(base, Obj::qstr(q), v)?;
                regs.sp -= 2;
            }
            Opcode::LOAD_BUILD_CLASS => {
                // `builtins.__build_class__` may be overridden (mp_load_build_class).
                let f = self
                    .builtin_override(&NameKey::bytes(b"__build_class__"))
                    .unwrap_or(b::build_class_obj());
                self.push(regs, f)?;
            }
            Opcode::LOAD_SUBSCR => {
                let index = self.peek(regs, 0)?;
                let base = self.peek(regs, 1)?;
                let v = self.subscr_load(base, index);
                self.release_scratch_slice(index);
                let v = v?;
                regs.sp -= 1;
                self.poke(regs, 0, v)?;
            }
            Opcode::STORE_SUBSCR => {
                // stack: value, base, index
                let index = self.peek(regs, 0)?;
                let base = self.peek(regs, 1)?;
                let v = self.peek(regs, 2)?;
                let r = self.subscr_store(base, index, v);
                self.release_scratch_slice(index);
                r?;
                regs.sp -= 3;
            }
            Opcode::DUP_TOP => {
                let v = self.peek(regs, 0)?;
                self.push(regs, v)?;
            }
            Opcode::DUP_TOP_TWO => {
                let a = self.peek(regs, 1)?;
                let bb = self.peek(regs, 0)?;
                self.push(regs, a)?;
                self.push(regs, bb)?;
            }
            Opcode::POP_TOP => {
                self.pop(regs)?;
            }
            Opcode::ROT_TWO => {
                let a = self.peek(regs, 0)?;
                let bb = self.peek(regs, 1)?;
                self.poke(regs, 0, bb)?;
                self.poke(regs, 1, a)?;
            }
            Opcode::ROT_THREE => {
                let top = self.peek(regs, 0)?;
                let second = self.peek(regs, 1)?;
                let third = self.peek(regs, 2)?;
                self.poke(regs, 0, second)?;
                self.poke(regs, 1, third)?;
                self.poke(regs, 2, top)?;
            }
            Opcode::JUMP => {
                let t = self.read_slabel(regs)?;
                regs.ip = t;
                self.branch_taken();
            }
            Opcode::POP_JUMP_IF_TRUE | Opcode::POP_JUMP_IF_FALSE => {
                let t = self.read_slabel(regs)?;
                let v = self.peek(regs, 0)?;
                let truth = self.is_true(v)?;
                regs.sp -= 1;
                if truth == (o == Opcode::POP_JUMP_IF_TRUE) {
                    regs.ip = t;
                }
                self.branch_taken();
            }
            Opcode::JUMP_IF_TRUE_OR_POP | Opcode::JUMP_IF_FALSE_OR_POP => {
                let t = self.read_ulabel(regs)?;
                let v = self.peek(regs, 0)?;
                let truth = self.is_true(v)?;
                if truth == (o == Opcode::JUMP_IF_TRUE_OR_POP) {
                    regs.ip = t;
                } else {
                    regs.sp -= 1;
                }
                self.branch_taken();
            }
            Opcode::SETUP_WITH => {
                let t = self.read_ulabel(regs)?;
                let obj = self.peek(regs, 0)?;
                let (exit_m, exit_s) =
                    self.load_method(obj, Obj::qstr(crate::qstr_pool::qstr!("__exit__")))?;
                self.poke(regs, 0, exit_m)?;
                self.push(regs, exit_s)?;
                let (enter_m, enter_s) =
                    self.load_method(obj, Obj::qstr(crate::qstr_pool::qstr!("__enter__")))?;
                let r = self.call_method_values(enter_m, enter_s, &[])?;
                self.push_exc_block(regs, t, true)?;
                self.push(regs, r)?;
            }
            Opcode::WITH_CLEANUP => self.with_cleanup(regs)?,
            Opcode::UNWIND_JUMP => {
                let t = self.read_slabel(regs)?;
                let n = self.read_u8(regs)?;
                #[allow(clippy::cast_possible_wrap)]
                self.push(regs, Obj::small_sat(t as i64))?;
                self.push(regs, Obj::small_sat(i64::from(n)))?;
                return self.unwind_jump(regs);
            }
            Opcode::SETUP_EXCEPT | Opcode::SETUP_FINALLY => {
                let t = self.read_ulabel(regs)?;
                self.push_exc_block(regs, t, o == Opcode::SETUP_FINALLY)?;
            }
            Opcode::END_FINALLY => {
                regs.exc_sp = regs.exc_sp.saturating_sub(1);
                let top = self.peek(regs, 0)?;
                if top == Obj::NONE {
                    regs.sp -= 1;
                } else if let Some(cause) = top.as_small() {
                    regs.sp -= 1;
                    if cause < 0 {
                        return self.unwind_return(regs);
                    }
                    self.push(regs, top)?;
                    return self.unwind_jump(regs);
                } else {
                    return Err(self.raise_obj(top));
                }
            }
            Opcode::GET_ITER => {
                let v = self.peek(regs, 0)?;
                let it = self.get_iter(v)?;
                self.poke(regs, 0, it)?;
            }
            Opcode::GET_ITER_STACK => {
                // The loop's iterator lives in its stack slots, as MicroPython's iter_buf
                // does: a built-in container is walked in place, without allocating (so
                // `for` works with the heap locked).
                let v = self.peek(regs, 0)?;
                let [it, index, kind] = self.iter_begin(v)?.to_slots();
                let base = regs.sp;
                self.set_sp(regs, base + ITER_SLOTS - 1)?;
                self.poke(regs, ITER_SLOTS - 1, Obj::NULL)?;
                self.poke(regs, ITER_SLOTS - 2, it)?;
                self.poke(regs, 1, index)?;
                self.poke(regs, 0, kind)?;
            }
            Opcode::FOR_ITER => {
                let t = self.read_ulabel(regs)?;
                let first = self.peek(regs, ITER_SLOTS - 1)?;
                let next = if first.is_null() {
                    let slots = [
                        self.peek(regs, 2)?,
                        self.peek(regs, 1)?,
                        self.peek(regs, 0)?,
                    ];
                    let mut c = self.cursor_from_slots(slots);
                    let v = self.iter_advance(&mut c);
                    let [_, index, _] = c.to_slots();
                    if !index.is_null() {
                        self.poke(regs, 1, index)?;
                    }
                    v?
                } else {
                    self.iter_next(first)?
                };
                match next {
                    Some(v) => self.push(regs, v)?,
                    None => {
                        let sp = regs.sp - ITER_SLOTS;
                        self.set_sp(regs, sp)?;
                        regs.ip = t;
                    }
                }
            }
            Opcode::POP_EXCEPT_JUMP => {
                let t = self.read_ulabel(regs)?;
                regs.exc_sp = regs.exc_sp.saturating_sub(1);
                regs.ip = t;
                self.branch_taken();
            }
            Opcode::BUILD_TUPLE | Opcode::BUILD_LIST | Opcode::BUILD_SET => {
                let n = self.read_uint(regs)?;
                if i64::from(n) > regs.sp + 1 {
                    return Err(self.corrupt());
                }
                let r = match o {
                    Opcode::BUILD_TUPLE => self.new_tuple(n)?,
                    Opcode::BUILD_LIST => self.new_list(n, n)?,
                    _ => self.new_set(n, false)?,
                };
                self.push_root(r);
                for i in 0..n {
                    let v = match self.peek(regs, i64::from(n - 1 - i)) {
                        Ok(v) => v,
                        Err(e) => {
                            self.pop_root();
                            return Err(e);
                        }
                    };
                    match o {
                        Opcode::BUILD_TUPLE => self.heap.set_obj(r.bits(), i + 1, v),
                        Opcode::BUILD_LIST => self.list_set(r, i, v),
                        _ => {
                            if let Err(e) = self.set_add(r, v) {
                                self.pop_root();
                                return Err(e);
                            }
                        }
                    }
                }
                self.pop_root();
                let sp = regs.sp - i64::from(n);
                if n == 0 {
                    self.push(regs, r)?;
                } else {
                    self.set_sp(regs, sp + 1)?;
                    self.poke(regs, 0, r)?;
                }
            }
            Opcode::BUILD_MAP => {
                let n = self.read_uint(regs)?;
                let d = self.new_dict(n.min(1 << 16))?;
                self.push(regs, d)?;
            }
            Opcode::STORE_MAP => {
                // stack: dict, value, key
                let key = self.peek(regs, 0)?;
                let v = self.peek(regs, 1)?;
                let d = self.peek(regs, 2)?;
                if !self.is_kind(d, Kind::Dict) {
                    return Err(self.corrupt());
                }
                self.dict_store(d, key, v)?;
                regs.sp -= 2;
            }
            Opcode::BUILD_SLICE => {
                let n = self.read_uint(regs)?;
                let step = if n == 3 { self.pop(regs)? } else { Obj::NONE };
                let stop = self.peek(regs, 0)?;
                let start = self.peek(regs, 1)?;
                let s = if self.slice_used_at_once(regs)? {
                    let s = self.scratch_slice;
                    self.scratch_slice_busy = true;
                    for (i, v) in [start, stop, step].into_iter().enumerate() {
                        #[allow(clippy::cast_possible_truncation)]
                        self.heap.set_obj(s.bits(), i as u32, v);
                    }
                    s
                } else {
                    self.new_slice(start, stop, step)?
                };
                regs.sp -= 1;
                self.poke(regs, 0, s)?;
            }
            Opcode::STORE_COMP => {
                let n = self.read_uint(regs)?;
                let target = self.peek(regs, i64::from(n >> 2))?;
                match n & 3 {
                    0 => {
                        let v = self.peek(regs, 0)?;
                        if !self.is_kind(target, Kind::List) {
                            return Err(self.corrupt());
                        }
                        self.list_append(target, v)?;
                        regs.sp -= 1;
                    }
                    1 => {
                        let key = self.peek(regs, 0)?;
                        let v = self.peek(regs, 1)?;
                        if !self.is_kind(target, Kind::Dict) {
                            return Err(self.corrupt());
                        }
                        self.dict_store(target, key, v)?;
                        regs.sp -= 2;
                    }
                    _ => {
                        let v = self.peek(regs, 0)?;
                        if !self.is_kind(target, Kind::Set) {
                            return Err(self.corrupt());
                        }
                        self.set_add(target, v)?;
                        regs.sp -= 1;
                    }
                }
            }
            Opcode::UNPACK_SEQUENCE => {
                let n = self.read_uint(regs)?;
                let seq = self.peek(regs, 0)?;
                let t = self.unpack(seq, n)?;
                self.poke(regs, 0, t)?;
                regs.sp -= 1;
                for i in 0..n {
                    let v = self.heap.get_obj(t.bits(), n - i);
                    self.push(regs, v)?;
                }
            }
            Opcode::UNPACK_EX => {
                let n = self.read_uint(regs)?;
                let (left, right) = (n & 0xff, (n >> 8) & 0xff);
                let seq = self.peek(regs, 0)?;
                let l = self.list_from_iter(seq)?;
                self.poke(regs, 0, l)?;
                let len = self.heap.get(l.bits(), 0);
                if len < left + right {
                    return Err(self.raise_parts(
                        b::T_VALUE_ERROR,
                        &[&"need more than ", &len, &" values to unpack"],
                    ));
                }
                regs.sp -= 1;
                let store = self.heap.get_obj(l.bits(), 1).bits();
                // push right items (last first), then the middle list, then left items (last first)
                for i in 0..right {
                    let v = self.heap.get_obj(store, len - 1 - i);
                    self.push(regs, v)?;
                }
                let mid_n = len - left - right;
                self.push(regs, l)?;
                let mid = self.new_list(mid_n, mid_n)?;
                let store = self.heap.get_obj(l.bits(), 1).bits();
                for i in 0..mid_n {
                    let v = self.heap.get_obj(store, left + i);
                    self.list_set(mid, i, v);
                }
                self.poke(regs, 0, mid)?;
                for i in 0..left {
                    let v = self.heap.get_obj(store, left - 1 - i);
                    self.push(regs, v)?;
                }
            }
            Opcode::MAKE_FUNCTION | Opcode::MAKE_FUNCTION_DEFARGS => {
                let child = self.read_uint(regs)?;
                let (defs, kwdefs) = if o == Opcode::MAKE_FUNCTION_DEFARGS {
                    (self.peek(regs, 1)?, self.peek(regs, 0)?)
                } else {
                    (Obj::NULL, Obj::NULL)
                };
                let f = self.make_function(regs, child, defs, kwdefs, 0)?;
                if o == Opcode::MAKE_FUNCTION_DEFARGS {
                    regs.sp -= 2;
                }
                self.push(regs, f)?;
            }
            Opcode::MAKE_CLOSURE | Opcode::MAKE_CLOSURE_DEFARGS => {
                let child = self.read_uint(regs)?;
                let n_closed = u32::from(self.read_u8(regs)?);
                let extra = if o == Opcode::MAKE_CLOSURE_DEFARGS {
                    2
                } else {
                    0
                };
                let (defs, kwdefs) = if extra == 2 {
                    (
                        self.peek(regs, i64::from(n_closed) + 1)?,
                        self.peek(regs, i64::from(n_closed))?,
                    )
                } else {
                    (Obj::NULL, Obj::NULL)
                };
                let f = self.make_function(regs, child, defs, kwdefs, n_closed)?;
                let sp = regs.sp - i64::from(n_closed) - extra;
                self.set_sp(regs, sp)?;
                self.push(regs, f)?;
            }
            Opcode::CALL_FUNCTION | Opcode::CALL_METHOD => return self.op_call(regs, o),
            Opcode::CALL_FUNCTION_VAR_KW | Opcode::CALL_METHOD_VAR_KW => {
                let n = self.read_uint(regs)?;
                let n_pos = n & 0xff;
                let n_kw = (n >> 8) & 0xff;
                let method = u32::from(o == Opcode::CALL_METHOD_VAR_KW);
                let total = i64::from(n_pos + 2 * n_kw + method + 1);
                let fsp = regs.sp - total;
                if fsp < 0 {
                    return Err(self.corrupt());
                }
                let r = self.call_var_kw(regs, fsp, n_pos, n_kw, method == 1)?;
                self.clear_slots(regs, fsp + 1, regs.sp);
                regs.sp = fsp;
                self.poke(regs, 0, r)?;
            }
            Opcode::RETURN_VALUE => return self.unwind_return(regs),
            Opcode::RAISE_LAST => {
                let mut e = Obj::NULL;
                let mut i = regs.exc_sp;
                while i > 0 {
                    i -= 1;
                    let p = self.exc_entry(regs, i, 2);
                    if !p.is_null() {
                        e = p;
                        break;
                    }
                }
                if e.is_null() {
                    return Err(
                        self.raise_msg_str(b::T_RUNTIME_ERROR, "no active exception to reraise")
                    );
                }
                return Err(self.raise_obj(e));
            }
            Opcode::RAISE_OBJ => {
                let v = self.peek(regs, 0)?;
                let e = self.make_raise_obj(v)?;
                return Err(self.raise_obj(e));
            }
            Opcode::RAISE_FROM => {
                let cause = self.pop(regs)?;
                if cause != Obj::NONE {
                    self.sink_write(
                        crate::object::print::Sink::Err,
                        b"Warning: exception chaining not supported\n",
                    )?;
                }
                let v = self.peek(regs, 0)?;
                let e = self.make_raise_obj(v)?;
                return Err(self.raise_obj(e));
            }
            Opcode::YIELD_VALUE => {
                let v = self.peek(regs, 0)?;
                return Ok(Step::Done(ExecResult::Yield(v)));
            }
            Opcode::YIELD_FROM => return self.yield_from(regs, Obj::NULL),
            Opcode::IMPORT_NAME | Opcode::IMPORT_FROM | Opcode::IMPORT_STAR => {
                return self.op_import(regs, o)
            }
        }
        Ok(Step::Next)
    }

    fn push_exc_block(
        &mut self,
        regs: &mut Regs<'a>,
        handler: usize,
        finally: bool,
    ) -> PyResult<()> {
        if regs.exc_sp >= regs.code.n_exc {
            return Err(self.corrupt());
        }
        let e = regs.exc_sp;
        #[allow(clippy::cast_possible_wrap)]
        self.set_exc_entry(regs, e, 0, Obj::small_sat(handler as i64));
        self.set_exc_entry(
            regs,
            e,
            1,
            Obj::small_sat(((regs.sp + 1) << 1) | i64::from(finally)),
        );
        self.set_exc_entry(regs, e, 2, Obj::NULL);
        regs.exc_sp += 1;
        Ok(())
    }

    /// The saved sp of exception entry `e` (index of the slot below the block) and its kind.
    fn exc_block_sp(&self, regs: &Regs<'a>, e: u32) -> (i64, bool, usize) {
        let v = self.exc_entry(regs, e, 1).as_small().unwrap_or(0);
        let h = self.exc_entry(regs, e, 0).as_small().unwrap_or(0);
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        ((v >> 1) - 1, v & 1 == 1, h as usize)
    }

    /// CANCEL_ACTIVE_FINALLY.
    fn cancel_active_finally(&mut self, regs: &mut Regs<'a>) -> PyResult<()> {
        let below = self.peek(regs, 1)?;
        let top = self.peek(regs, 0)?;
        if below.as_small().is_some() {
            self.poke(regs, 2, top)?;
            regs.sp -= 2;
        } else {
            self.poke(regs, 1, top)?;
            regs.sp -= 1;
        }
        Ok(())
    }

    fn unwind_jump(&mut self, regs: &mut Regs<'a>) -> PyResult<Step> {
        let mut unum = self.pop(regs)?.as_small().unwrap_or(0);
        while unum & 0x7f > 0 {
            unum -= 1;
            if regs.exc_sp == 0 {
                return Err(self.corrupt());
            }
            let (_, finally, handler) = self.exc_block_sp(regs, regs.exc_sp - 1);
            if finally {
                if handler >= regs.ip {
                    self.push(regs, Obj::small_sat(unum))?;
                    regs.ip = handler;
                    return Ok(Step::Next);
                }
                self.cancel_active_finally(regs)?;
            }
            regs.exc_sp -= 1;
        }
        let dest = self.pop(regs)?.as_small().unwrap_or(0);
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        if dest < regs.code.bc_start as i64 || dest > regs.code.end as i64 {
            return Err(self.corrupt());
        }
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        {
            regs.ip = dest as usize;
        }
        if unum & i64::from(UNWIND_JUMP_FROM_FOR) != 0 {
            let sp = regs.sp - ITER_SLOTS;
            self.set_sp(regs, sp)?;
        }
        self.branch_taken();
        Ok(Step::Next)
    }

    fn unwind_return(&mut self, regs: &mut Regs<'a>) -> PyResult<Step> {
        while regs.exc_sp > 0 {
            let (block_sp, finally, handler) = self.exc_block_sp(regs, regs.exc_sp - 1);
            if finally {
                if handler >= regs.ip {
                    let ret = self.peek(regs, 0)?;
                    self.set_sp(regs, block_sp + 1)?;
                    self.poke(regs, 0, ret)?;
                    self.push(regs, Obj::small_sat(-1))?;
                    regs.ip = handler;
                    return Ok(Step::Next);
                }
                self.cancel_active_finally(regs)?;
            }
            regs.exc_sp -= 1;
        }
        let v = self.peek(regs, 0)?;
        Ok(Step::Done(ExecResult::Return(v)))
    }

    #[inline(never)]
    fn with_cleanup(&mut self, regs: &mut Regs<'a>) -> PyResult<()> {
        let top = self.peek(regs, 0)?;
        if top == Obj::NONE {
            // stack: exit, self, None
            let m = self.peek(regs, 2)?;
            let s = self.peek(regs, 1)?;
            self.call_method_values(m, s, &[Obj::NONE, Obj::NONE, Obj::NONE])?;
            regs.sp -= 2;
            self.poke(regs, 0, Obj::NONE)?;
        } else if top.as_small().is_some() {
            // stack: exit, self, data, cause
            let m = self.peek(regs, 3)?;
            let s = self.peek(regs, 2)?;
            let data = self.peek(regs, 1)?;
            self.call_method_values(m, s, &[Obj::NONE, Obj::NONE, Obj::NONE])?;
            self.poke(regs, 3, data)?;
            self.poke(regs, 2, top)?;
            regs.sp -= 2;
        } else {
            // stack: exit, self, exc
            let m = self.peek(regs, 2)?;
            let s = self.peek(regs, 1)?;
            let t = self.type_of(top);
            let r = self.call_method_values(m, s, &[t, top, Obj::NONE])?;
            let swallow = self.is_true(r)?;
            regs.sp -= 2;
            if swallow {
                self.poke(regs, 0, Obj::NONE)?;
            } else {
                self.poke(regs, 0, top)?;
            }
        }
        Ok(())
    }

    /// Call a method loaded by `load_method` (`s` NULL = plain function).
    pub(crate) fn call_method_values(&mut self, m: Obj, s: Obj, args: &[Obj]) -> PyResult<Obj> {
        if s.is_null() {
            return self.call_obj(m, args);
        }
        let mut buf = [Obj::NULL; 4];
        buf[0] = s;
        let n = args.len().min(3);
        buf[1..=n].copy_from_slice(&args[..n]);
        self.call_obj(m, &buf[..=n])
    }

    fn yield_from(&mut self, regs: &mut Regs<'a>, inject: Obj) -> PyResult<Step> {
        // stack: inner, send_value
        let send = self.peek(regs, 0)?;
        let inner = self.peek(regs, 1)?;
        let r = if self.is_kind(inner, Kind::Generator) {
            self.gen_resume(inner, send, inject)
        } else {
            self.ret_value = Obj::NULL;
            match self.yield_from_other(inner, send, inject) {
                Ok(Some(v)) => Ok(ExecResult::Yield(v)),
                Ok(None) => {
                    // The StopIteration's value, if the iterator raised one.
                    let v = core::mem::replace(&mut self.ret_value, Obj::NULL);
                    Ok(ExecResult::Return(if v.is_null() { Obj::NONE } else { v }))
                }
                Err(e) => Err(e),
            }
        };
        match r {
            Ok(ExecResult::Yield(v)) => {
                // Re-execute YIELD_FROM on resume: leave ip at the opcode, TOS = yielded value.
                regs.ip = regs.op_ip;
                self.poke(regs, 0, v)?;
                Ok(Step::Done(ExecResult::Yield(v)))
            }
            Ok(ExecResult::Return(v)) => {
                regs.sp -= 1;
                self.poke(regs, 0, v)?;
                regs.ip = regs.op_ip + 1;
                if !inject.is_null()
                    && self.exception_match(inject, b::type_obj(b::T_GENERATOR_EXIT))
                {
                    let e = self.make_raise_obj(inject)?;
                    return Err(self.raise_obj(e));
                }
                Ok(Step::Next)
            }
            Err(e) => {
                regs.sp -= 2;
                Err(e)
            }
        }
    }

    /// One step of `yield from` over a non-generator: duck-typed `send`/`throw`/`close`,
    /// else `next`. Some(value) yields; None ends it (value in `ret_value`), as does a
    /// StopIteration raised by the iterator (not one thrown in).
    fn yield_from_other(&mut self, inner: Obj, send: Obj, inject: Obj) -> PyResult<Option<Obj>> {
        let r = if !inject.is_null() {
            if self.exception_match(inject, b::type_obj(b::T_GENERATOR_EXIT)) {
                self.call_special(inner, "close", &[]).map(|_| None)
            } else {
                self.call_special(inner, "throw", &[inject])
            }
        } else if send != Obj::NONE && !send.is_null() {
            self.call_special(inner, "send", &[send])
        } else {
            Ok(None)
        };
        let r = match r {
            Ok(None) if !inject.is_null() => {
                let e = self.make_raise_obj(inject)?;
                return Err(self.raise_obj(e));
            }
            Ok(None) => self.iter_next(inner),
            r => r,
        };
        match r {
            Err(_) if self.is_instance_of(self.exc, b::T_STOP_ITERATION) => {
                let args = self.heap.get_obj(self.exc.bits(), 2);
                self.ret_value = if self.tuple_len(args) > 0 {
                    self.heap.get_obj(args.bits(), 1)
                } else {
                    Obj::NONE
                };
                Ok(None)
            }
            r => r,
        }
    }

    fn make_function(
        &mut self,
        regs: &Regs<'a>,
        child: u32,
        defs: Obj,
        kwdefs: Obj,
        n_closed: u32,
    ) -> PyResult<Obj> {
        let index = if let Some(view) = self.frozen_view(regs.code.module) {
            match Self::frozen_child_index(&view, regs.code.index, child) {
                Some(i) if n_closed <= 255 => i,
                _ => return Err(self.corrupt()),
            }
        } else {
            let codes = self
                .heap
                .get_obj(regs.code.module.bits(), crate::loader::M_CODES);
            let first = self.heap.get(codes.bits(), regs.code.index * 4 + 2);
            let n = self.heap.get(codes.bits(), regs.code.index * 4 + 3);
            if child >= n || n_closed > 255 {
                return Err(self.corrupt());
            }
            first + child
        };
        let f = self.alloc(Kind::Function, 4 + n_closed)?;
        self.heap.set(f, 0, index | (n_closed << 20));
        self.heap.set_obj(f, 1, regs.code.module);
        let defs = if defs == Obj::NONE { Obj::NULL } else { defs };
        if !defs.is_null() && !self.is_kind(defs, Kind::Tuple) {
            return Err(self.corrupt());
        }
        self.heap.set_obj(f, 2, defs);
        self.heap.set_obj(f, 3, kwdefs);
        for i in 0..n_closed {
            let v = self.peek(regs, i64::from(n_closed - 1 - i))?;
            self.heap.set_obj(f, 4 + i, v);
        }
        if self.code_of_function(Obj::heap(f)).is_none() {
            return Err(self.corrupt());
        }
        Ok(Obj::heap(f))
    }

    /// IMPORT_NAME / IMPORT_FROM / IMPORT_STAR (out of `step_op`: module-name buffers stay off
    /// the frame that every nested Python call keeps).
    #[inline(never)]
    fn op_import(&mut self, regs: &mut Regs<'a>, o: Opcode) -> PyResult<Step> {
        match o {
            Opcode::IMPORT_NAME => {
                let q = self.read_qstr(regs)?;
                let fromlist = self.peek(regs, 0)?;
                let level = self.peek(regs, 1)?;
                let globals = self.globals(regs);
                // An overriding `builtins.__import__` gets (name, globals, None, fromlist,
                // level), as py/runtime.c's mp_import_name passes them.
                let m = match self.builtin_override(&NameKey::bytes(b"__import__")) {
                    Some(f) => {
                        let args = [Obj::qstr(q), globals, Obj::NONE, fromlist, level];
                        self.call_obj(f, &args)?
                    }
                    None => self.import_name(Obj::qstr(q), fromlist, level, globals)?,
                };
                regs.sp -= 1;
                self.poke(regs, 0, m)?;
            }
            Opcode::IMPORT_FROM => {
                let q = self.read_qstr(regs)?;
                let m = self.peek(regs, 0)?;
                let v = match self.load_attr(m, Obj::qstr(q)) {
                    Ok(v) => v,
                    // A package's submodule (mp_import_from): its own ImportError if absent.
                    Err(_) if self.is_package_module(m)? => self.import_submodule(m, q)?,
                    Err(_) => {
                        let n = core::str::from_utf8(self.qstr_bytes(q)).unwrap_or("?");
                        return Err(
                            self.raise_parts(b::T_IMPORT_ERROR, &[&"can't import name ", &n])
                        );
                    }
                };
                self.push(regs, v)?;
            }
            Opcode::IMPORT_STAR => {
                let m = self.peek(regs, 0)?;
                let l = self.locals(regs);
                self.import_star(m, l)?;
                regs.sp -= 1;
            }
            _ => {}
        }
        Ok(Step::Next)
    }

    /// CALL_FUNCTION / CALL_METHOD: kept out of `step_op` so that a Python call nests only
    /// this small frame (plus `call` and `run_frame`) on the native stack.
    #[inline(never)]
    fn op_call(&mut self, regs: &mut Regs<'a>, o: Opcode) -> PyResult<Step> {
        let n = self.read_uint(regs)?;
        let n_pos = n & 0xff;
        let n_kw = (n >> 8) & 0xff;
        let method = u32::from(o == Opcode::CALL_METHOD);
        let total = i64::from(n_pos + 2 * n_kw + method);
        let fsp = regs.sp - total;
        if fsp < 0 {
            return Err(self.corrupt());
        }
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        let fsp_u = fsp as u32;
        let f = self.peek(regs, total)?;
        // CALL_METHOD leaves a self slot: NULL (a plain callable: skip it) or the receiver
        // (passed as the first positional argument).
        let (skip, with_self) = if method == 1 {
            let s = self.peek(regs, total - 1)?;
            (u32::from(s.is_null()), u32::from(!s.is_null()))
        } else {
            (0, 0)
        };
        let a = Args {
            src: Obj::heap(regs.frame),
            start: F_STATE + fsp_u + 1 + skip,
            n_pos: n_pos + with_self,
            n_kw,
        };
        let r = self.call(f, &a)?;
        self.clear_slots(regs, fsp + 1, regs.sp);
        regs.sp = fsp;
        self.poke(regs, 0, r)?;
        Ok(Step::Next)
    }

    /// CALL_FUNCTION_VAR_KW / CALL_METHOD_VAR_KW: expand `*` and `**` arguments into a tuple.
    #[inline(never)]
    /// `f(a, *t, ...)` without keywords when every `*` argument is a tuple or list and all
    /// the arguments fit on the root stack: they are copied there, so the call allocates
    /// nothing (as MicroPython passes such arguments). None when that does not apply.
    fn call_star_on_roots(
        &mut self,
        f: Obj,
        self_obj: Obj,
        fr: u32,
        first_arg: u32,
        n_pos: u32,
        bitmap: i64,
    ) -> Option<PyResult<Obj>> {
        let mut total = usize::from(!self_obj.is_null());
        for i in 0..n_pos {
            let a = self.heap.get_obj(fr, first_arg + i);
            if is_star_arg(bitmap, i) {
                total += self.seq_parts(a)?.2 as usize;
            } else {
                total += 1;
            }
        }
        if total + 8 > self.roots_free() {
            return None;
        }
        let base = self.roots_len();
        self.push_root(f);
        let start = self.roots_len();
        if !self_obj.is_null() {
            self.push_root(self_obj);
        }
        for i in 0..n_pos {
            let a = self.heap.get_obj(fr, first_arg + i);
            match self.seq_parts(a) {
                Some(p) if is_star_arg(bitmap, i) => {
                    for j in 0..p.2 {
                        let v = self.seq_get(p, j);
                        self.push_root(v);
                    }
                }
                _ => self.push_root(a),
            }
        }
        #[allow(clippy::cast_possible_truncation)]
        let a = Args {
            src: Obj::NULL,
            start: start as u32,
            n_pos: (self.roots_len() - start) as u32,
            n_kw: 0,
        };
        let r = self.call(f, &a);
        self.truncate_roots(base);
        Some(r)
    }

    fn call_var_kw(
        &mut self,
        regs: &mut Regs<'a>,
        fsp: i64,
        n_pos: u32,
        n_kw: u32,
        method: bool,
    ) -> PyResult<Obj> {
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        let base_w = F_STATE + fsp as u32;
        let fr = regs.frame;
        let f = self.heap.get_obj(fr, base_w);
        let mut first_arg = base_w + 1;
        let mut self_obj = Obj::NULL;
        if method {
            self_obj = self.heap.get_obj(fr, base_w + 1);
            first_arg += 1;
        }
        let bitmap = self
            .heap
            .get_obj(fr, first_arg + n_pos + 2 * n_kw)
            .as_small()
            .unwrap_or(0);
        let roots = self.roots_len();
        if n_kw == 0 {
            if let Some(r) = self.call_star_on_roots(f, self_obj, fr, first_arg, n_pos, bitmap) {
                return r;
            }
        }
        // Positional args into a list.
        let pos = self.new_list(0, n_pos + 1)?;
        self.push_root(pos);
        let r = (|| {
            if !self_obj.is_null() {
                self.list_append(pos, self_obj)?;
            }
            for i in 0..n_pos {
                let a = self.heap.get_obj(fr, first_arg + i);
                if is_star_arg(bitmap, i) {
                    self.list_extend(pos, a)?;
                } else {
                    self.list_append(pos, a)?;
                }
            }
            // Keyword pairs (a NULL key means a ** mapping).
            let kw = self.new_list(0, 2 * n_kw)?;
            self.push_root(kw);
            for i in 0..n_kw {
                let k = self.heap.get_obj(fr, first_arg + n_pos + 2 * i);
                let v = self.heap.get_obj(fr, first_arg + n_pos + 2 * i + 1);
                if k.is_null() {
                    if self.is_kind(v, Kind::Dict) {
                        let mut j = 0;
                        while j < self.dict_alloc(v) {
                            if let Some((dk, dv)) = self.dict_slot(v, j) {
                                self.check_keyword_name(dk)?;
                                self.list_append(kw, dk)?;
                                self.list_append(kw, dv)?;
                            }
                            j += 1;
                        }
                    } else {
                        // A mapping with keys(): iterate keys.
                        let keys = self.call_method_by_name(v, b"keys", &[])?;
                        self.push_root(keys);
                        let kl = self.list_from_iter(keys)?;
                        self.push_root(kl);
                        let n = self.heap.get(kl.bits(), 0);
                        for j in 0..n {
                            let st = self.heap.get_obj(kl.bits(), 1).bits();
                            let dk = self.heap.get_obj(st, j);
                            self.check_keyword_name(dk)?;
                            let dv = self.subscr_load(v, dk)?;
                            // (A new value: rooted while the list grows.)
                            self.push_root(dv);
                            self.list_append(kw, dk)?;
                            self.list_append(kw, dv)?;
                            self.pop_root();
                        }
                    }
                } else {
                    self.list_append(kw, k)?;
                    self.list_append(kw, v)?;
                }
            }
            let np = self.heap.get(pos.bits(), 0);
            let nk = self.heap.get(kw.bits(), 0);
            let t = self.new_tuple(np + nk)?;
            let ps = self.heap.get_obj(pos.bits(), 1).bits();
            for i in 0..np {
                let v = self.heap.get_obj(ps, i);
                self.heap.set_obj(t.bits(), 1 + i, v);
            }
            let ks = self.heap.get_obj(kw.bits(), 1).bits();
            for i in 0..nk {
                let v = self.heap.get_obj(ks, i);
                self.heap.set_obj(t.bits(), 1 + np + i, v);
            }
            self.push_root(t);
            let a = Args {
                src: t,
                start: 1,
                n_pos: np,
                n_kw: nk / 2,
            };
            self.call(f, &a)
        })();
        self.truncate_roots(roots);
        r
    }

    /// A `**mapping` key must be a str (or bytes), as `mp_obj_str_intern_checked` requires,
    /// checked while the call's arguments are gathered.
    fn check_keyword_name(&mut self, key: Obj) -> PyResult<()> {
        if self.str_get_data(key).is_some() {
            return self.check_name_len(key);
        }
        Err(self.bad_implicit_conversion(key))
    }

    /// Look up and call a method by name.
    pub(crate) fn call_method_by_name(
        &mut self,
        o: Obj,
        name: &[u8],
        args: &[Obj],
    ) -> PyResult<Obj> {
        // The arguments stay rooted while the name and the method are looked up (both may
        // allocate).
        let base = self.roots_len();
        self.push_root(o);
        for &a in args {
            self.push_root(a);
        }
        let r = self.name_str(name).and_then(|n| {
            self.push_root(n);
            self.load_method(o, n)
        });
        let r = r.and_then(|(m, s)| {
            self.push_root(m);
            self.push_root(s);
            self.call_method_values(m, s, args)
        });
        self.truncate_roots(base);
        r
    }

    /// Run a module's top-level code with its globals as both globals and locals.
    pub(crate) fn run_module_code(&mut self, module: Obj) -> PyResult<Obj> {
        self.run_module_code_in(module, Obj::NULL)
    }

    /// Run a module's top-level code with namespace `locals` (a dict; NULL: its globals).
    pub(crate) fn run_module_code_in(&mut self, module: Obj, locals: Obj) -> PyResult<Obj> {
        let root = self.frozen_root_index(module).unwrap_or(0);
        let f = self.alloc(Kind::Function, 4)?;
        self.heap.set(f, 0, root);
        self.heap.set_obj(f, 1, module);
        self.push_root(Obj::heap(f));
        let r = (|| {
            let Some(code) = self.code_of_function(Obj::heap(f)) else {
                return Err(self.corrupt());
            };
            let fr = self.new_frame(Obj::heap(f), &code)?;
            let globals = self.heap.get_obj(module.bits(), M_GLOBALS);
            let locals = if locals.is_null() { globals } else { locals };
            self.heap.set_obj(fr, F_LOCALS, locals);
            let r = self.run_frame(Obj::heap(fr), Obj::NULL);
            self.heap.release(fr);
            match r? {
                ExecResult::Return(v) | ExecResult::Yield(v) => Ok(v),
            }
        })();
        self.pop_root();
        r
    }

    /// Run a class body function with `locals` as its namespace; returns its result.
    pub(crate) fn run_class_body(&mut self, f: Obj, locals: Obj) -> PyResult<Obj> {
        let Some(code) = self.code_of_function(f) else {
            return Err(self.corrupt());
        };
        let fr = self.new_frame(f, &code)?;
        self.push_root(Obj::heap(fr));
        let r = self.bind_args_empty(f, fr, &code);
        if let Err(e) = r {
            self.pop_root();
            return Err(e);
        }
        self.heap.set_obj(fr, F_LOCALS, locals);
        let r = self.run_frame(Obj::heap(fr), Obj::NULL);
        self.pop_root();
        self.heap.release(fr);
        match r? {
            ExecResult::Return(v) | ExecResult::Yield(v) => Ok(v),
        }
    }

    fn bind_args_empty(&mut self, f: Obj, fr: u32, code: &CodeInfo<'a>) -> PyResult<()> {
        // Class bodies take no arguments but may have closed-over cells and cell variables.
        let n_closed = self.heap.get(f.bits(), 0) >> 20;
        for i in 0..n_closed.min(code.n_state) {
            let v = self.heap.get_obj(f.bits(), 4 + i);
            self.heap.set_obj(fr, F_STATE + code.n_state - 1 - i, v);
        }
        for c in 0..code.n_cell {
            let Some(&local) = code.image.get(code.cells_start + c as usize) else {
                break;
            };
            let local = u32::from(local);
            if local >= code.n_state {
                return Err(self.corrupt());
            }
            let idx = F_STATE + code.n_state - 1 - local;
            let v = self.heap.get_obj(fr, idx);
            let cell = self.alloc(Kind::Cell, 1)?;
            self.heap.set_obj(cell, 0, v);
            self.heap.set_obj(fr, idx, Obj::heap(cell));
        }
        Ok(())
    }
}
