//! The `re` module (after extmod/modre.c over lib/re1.5): patterns compile to re1.5's byte
//! program (same instructions, same limits, same errors) and run on a backtracking matcher
//! with an explicit, bounded stack instead of native recursion.
//!
//! A compiled regex is an instance of built-in type `re` whose slot 2 holds a `bytes`
//! object: [number of groups, program...]. A match is an instance of `match` with the
//! subject in slot 2 and a tuple of capture offsets (-1 for none) in slot 3.

use super::funcs::check_n;
use super::*;

const CHAR: u8 = 1;
const ANY: u8 = 2;
const CLASS: u8 = 3;
const CLASS_NOT: u8 = 4;
const NAMED_CLASS: u8 = 5;
const BOL: u8 = 0x50;
const EOL: u8 = 0x51;
const JMP: u8 = 0x60;
const SPLIT: u8 = 0x61;
const RSPLIT: u8 = 0x62;
const SAVE: u8 = 0x7e;
const MATCH: u8 = 0x7f;

/// Longest compiled program (bytes) this VM accepts.
const MAX_PROG: usize = 1024;
/// Deepest nesting of groups in a pattern.
const MAX_NEST: u32 = 64;
/// Backtracking entries (choice points and saved captures) a match may keep.
const MAX_STACK: usize = 1024;
/// Capture slots: the group count fits re1.5's signed byte `2 * sub + 1`.
const MAX_CAPS: usize = 128;

fn is_named(c: u8) -> bool {
    (c | 0x20) == b'd' || (c | 0x24) == b'w'
}

/// Why compiling failed: re1.5's NULL (bad pattern) or too deep a nesting.
enum CompileErr {
    Bad,
    Deep,
}

struct Compiler<'p, 'c> {
    re: &'p [u8],
    code: Option<&'c mut [u8]>,
    pc: usize,
    sub: u32,
    err: bool,
}

impl Compiler<'_, '_> {
    /// The pattern byte at `i`, 0 past the end (the C string's terminator).
    fn at(&self, i: usize) -> u8 {
        self.re.get(i).copied().unwrap_or(0)
    }

    fn emit(&mut self, at: usize, b: u8) {
        if let Some(c) = self.code.as_deref_mut() {
            if let Some(slot) = c.get_mut(at) {
                *slot = b;
            } else {
                self.err = true;
            }
        }
    }

    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    fn emit_checked(&mut self, at: usize, v: i64) {
        self.err |= v != i64::from(v as i8);
        self.emit(at, v as u8);
    }

    fn insert(&mut self, at: usize, num: usize) {
        let pc = self.pc;
        if let Some(c) = self.code.as_deref_mut() {
            if pc + num <= c.len() {
                c.copy_within(at..pc, at + num);
            } else {
                self.err = true;
            }
        }
        self.pc += num;
    }

    #[allow(clippy::cast_possible_wrap)]
    fn rel(at: usize, to: usize) -> i64 {
        to as i64 - at as i64 - 2
    }

    /// One alternation level from pattern index `i`; returns where it stopped (at `)` or the end).
    #[allow(clippy::too_many_lines)]
    fn level(&mut self, mut i: usize, depth: u32) -> Result<usize, CompileErr> {
        if depth > MAX_NEST {
            return Err(CompileErr::Deep);
        }
        let start = self.pc;
        let mut term = self.pc;
        let mut alt_label = 0usize;
        loop {
            let ch = self.at(i);
            if ch == 0 || ch == b')' {
                break;
            }
            match ch {
                b'.' => {
                    term = self.pc;
                    self.emit(self.pc, ANY);
                    self.pc += 1;
                }
                b'[' => {
                    term = self.pc;
                    i += 1;
                    if self.at(i) == b'^' {
                        self.emit(self.pc, CLASS_NOT);
                        i += 1;
                    } else {
                        self.emit(self.pc, CLASS);
                    }
                    self.pc += 2;
                    let mut cnt = 0i64;
                    while self.at(i) != b']' {
                        let mut c = self.at(i);
                        let mut named = false;
                        if c == b'\\' {
                            i += 1;
                            c = self.at(i);
                            named = is_named(c);
                        }
                        if named {
                            self.emit(self.pc, 0);
                            self.emit(self.pc + 1, c);
                        } else {
                            if c == 0 {
                                return Err(CompileErr::Bad);
                            }
                            if self.at(i + 1) == b'-' && self.at(i + 2) != b']' {
                                i += 2;
                            }
                            self.emit(self.pc, c);
                            self.emit(self.pc + 1, self.at(i));
                        }
                        self.pc += 2;
                        i += 1;
                        cnt += 1;
                    }
                    self.emit_checked(term + 1, cnt);
                }
                b'(' => {
                    term = self.pc;
                    let capture = self.at(i + 1) != b'?' || self.at(i + 2) != b':';
                    let mut sub = 0;
                    if capture {
                        self.sub += 1;
                        sub = self.sub;
                        self.emit(self.pc, SAVE);
                        self.emit_checked(self.pc + 1, i64::from(2 * sub));
                        self.pc += 2;
                    } else {
                        i += 2;
                    }
                    i = self.level(i + 1, depth + 1)?;
                    if self.at(i) != b')' {
                        return Err(CompileErr::Bad);
                    }
                    if capture {
                        self.emit(self.pc, SAVE);
                        self.emit_checked(self.pc + 1, i64::from(2 * sub + 1));
                        self.pc += 2;
                    }
                }
                b'?' | b'*' | b'+' => {
                    if self.pc == term {
                        return Err(CompileErr::Bad);
                    }
                    let lazy = self.at(i + 1) == b'?';
                    if lazy {
                        i += 1;
                    }
                    match ch {
                        b'?' => {
                            self.insert(term, 2);
                            self.emit(term, if lazy { RSPLIT } else { SPLIT });
                            self.emit_checked(term + 1, Self::rel(term, self.pc));
                        }
                        b'*' => {
                            self.insert(term, 2);
                            self.emit(self.pc, JMP);
                            self.emit_checked(self.pc + 1, Self::rel(self.pc, term));
                            self.pc += 2;
                            self.emit(term, if lazy { RSPLIT } else { SPLIT });
                            self.emit_checked(term + 1, Self::rel(term, self.pc));
                        }
                        _ => {
                            self.emit(self.pc, if lazy { SPLIT } else { RSPLIT });
                            self.emit_checked(self.pc + 1, Self::rel(self.pc, term));
                            self.pc += 2;
                        }
                    }
                    term = self.pc;
                }
                b'|' => {
                    if alt_label != 0 {
                        self.emit_checked(alt_label, Self::rel(alt_label, self.pc) + 1);
                    }
                    self.insert(start, 2);
                    self.emit(self.pc, JMP);
                    alt_label = self.pc + 1;
                    self.pc += 2;
                    self.emit(start, SPLIT);
                    self.emit_checked(start + 1, Self::rel(start, self.pc));
                    term = self.pc;
                }
                b'^' | b'$' => {
                    self.emit(self.pc, if ch == b'^' { BOL } else { EOL });
                    self.pc += 1;
                    term = self.pc;
                }
                _ => {
                    let mut c = ch;
                    if c == b'\\' {
                        i += 1;
                        c = self.at(i);
                        if c == 0 {
                            return Err(CompileErr::Bad);
                        }
                    }
                    term = self.pc;
                    let op = if ch == b'\\' && is_named(c) {
                        NAMED_CLASS
                    } else {
                        CHAR
                    };
                    self.emit(self.pc, op);
                    self.emit(self.pc + 1, c);
                    self.pc += 2;
                }
            }
            i += 1;
        }
        if alt_label != 0 {
            self.emit_checked(alt_label, Self::rel(alt_label, self.pc) + 1);
        }
        if self.err {
            return Err(CompileErr::Bad);
        }
        Ok(i)
    }
}

/// The non-anchored prefix: `.*?` before the program proper.
const PREFIX: [u8; 5] = [RSPLIT, 3, ANY, JMP, 0xfb];

/// Why a pattern did not compile: the exception type and message MicroPython raises.
type CompileFail = (u32, &'static str);

const TOO_COMPLEX: CompileFail = (T_VALUE_ERROR, "regex too complex");

/// Compile `re` into `out` ([groups, program...]); returns the length used.
fn compile(re: &[u8], out: &mut [u8; MAX_PROG]) -> Result<usize, CompileFail> {
    let re = re.split(|&b| b == 0).next().unwrap_or(&[]);
    // First pass: size only (re1_5_sizecode); its failures are "regex too complex".
    let mut sizer = Compiler {
        re,
        code: None,
        pc: 1 + PREFIX.len() + 2,
        sub: 0,
        err: false,
    };
    match sizer.level(0, 0) {
        Ok(_) => {}
        Err(CompileErr::Deep) => return Err((T_RUNTIME_ERROR, "maximum recursion depth exceeded")),
        Err(CompileErr::Bad) => return Err(TOO_COMPLEX),
    }
    if sizer.pc + 3 > MAX_PROG {
        return Err(TOO_COMPLEX);
    }
    out[1..6].copy_from_slice(&PREFIX);
    out[6] = SAVE;
    out[7] = 0;
    let mut c = Compiler {
        re,
        code: Some(&mut out[..]),
        pc: 8,
        sub: 0,
        err: false,
    };
    let (end, sub) = match c.level(0, 0) {
        Ok(i) if i >= re.len() => (c.pc, c.sub),
        _ => return Err((T_VALUE_ERROR, "error in regex")),
    };
    let tail = out.get_mut(end..end + 3).ok_or(TOO_COMPLEX)?;
    tail.copy_from_slice(&[SAVE, 1, MATCH]);
    #[allow(clippy::cast_possible_truncation)]
    {
        out[0] = sub as u8;
    }
    Ok(end + 3)
}

#[allow(clippy::cast_possible_wrap)]
fn named_match(class: u8, c: u8) -> bool {
    let hit = match class | 0x20 {
        b'd' => c.is_ascii_digit(),
        b's' => c == b' ' || (b'\t'..=b'\r').contains(&c),
        _ => c.is_ascii_alphanumeric() || c == b'_',
    };
    // Lower case: the class itself; upper case: its complement.
    hit == ((class >> 5) & 1 == 1)
}

/// re1.5's class test (bytes compare as C's signed `char`).
#[allow(clippy::cast_possible_wrap)]
fn class_match(positive: bool, pairs: &[u8], c: u8) -> bool {
    for p in pairs.chunks_exact(2) {
        let hit = if p[0] == 0 {
            named_match(p[1], c)
        } else {
            let (lo, hi, s) = (p[0] as i8, p[1] as i8, c as i8);
            s >= lo && s <= hi
        };
        if hit {
            return positive;
        }
    }
    !positive
}

/// What a match run ended with.
enum Run {
    Matched,
    Failed,
    Overflow,
}

/// Run `prog` (without its group byte) on `subj[begin..end]`, filling `caps` (offsets, -1
/// for none). re1.5's recursiveloop, with its recursion made an explicit stack.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss
)]
fn run(
    prog: &[u8],
    subj: &[u8],
    begin: usize,
    end: usize,
    anchored: bool,
    caps: &mut [i32],
) -> Run {
    const RESTORE: u32 = 1 << 31;
    let mut stack = [(0u32, 0i32); MAX_STACK];
    let mut top = 0usize;
    let mut pc = if anchored { PREFIX.len() } else { 0 };
    let mut sp = begin;
    loop {
        let op = prog.get(pc).copied().unwrap_or(MATCH);
        let arg = prog.get(pc + 1).copied().unwrap_or(0);
        let mut ok = true;
        if op < BOL && sp >= end {
            ok = false;
        } else {
            match op {
                CHAR => {
                    ok = subj[sp] == arg;
                    pc += 2;
                    sp += 1;
                }
                ANY => {
                    pc += 1;
                    sp += 1;
                }
                CLASS | CLASS_NOT => {
                    let n = usize::from(arg) * 2;
                    let pairs = prog.get(pc + 2..pc + 2 + n).unwrap_or(&[]);
                    ok = class_match(op == CLASS, pairs, subj[sp]);
                    pc += 2 + n;
                    sp += 1;
                }
                NAMED_CLASS => {
                    ok = named_match(arg, subj[sp]);
                    pc += 2;
                    sp += 1;
                }
                JMP => pc = (pc as isize + 2 + isize::from(arg as i8)) as usize,
                SPLIT | RSPLIT => {
                    let next = pc + 2;
                    let other = (next as isize + isize::from(arg as i8)) as usize;
                    let (first, alt) = if op == SPLIT {
                        (next, other)
                    } else {
                        (other, next)
                    };
                    if top == MAX_STACK {
                        return Run::Overflow;
                    }
                    stack[top] = (alt as u32, sp as i32);
                    top += 1;
                    pc = first;
                }
                SAVE => {
                    let slot = usize::from(arg);
                    pc += 2;
                    if slot < caps.len() {
                        if top == MAX_STACK {
                            return Run::Overflow;
                        }
                        stack[top] = (RESTORE | slot as u32, caps[slot]);
                        top += 1;
                        caps[slot] = sp as i32;
                    }
                }
                BOL => {
                    ok = sp == 0;
                    pc += 1;
                }
                EOL => {
                    ok = sp == end;
                    pc += 1;
                }
                _ => return Run::Matched,
            }
        }
        if !ok {
            // Unwind to the latest choice point, undoing captures on the way.
            loop {
                if top == 0 {
                    return Run::Failed;
                }
                top -= 1;
                let (a, v) = stack[top];
                if a & RESTORE != 0 {
                    caps[(a & !RESTORE) as usize] = v;
                } else {
                    pc = a as usize;
                    sp = v as usize;
                    break;
                }
            }
        }
    }
}

fn is_str(vm: &Vm<'_>, o: Obj) -> bool {
    vm.str_data(o).is_some()
}

fn data<'v>(vm: &'v mut Vm<'_>, o: Obj) -> PyResult<&'v [u8]> {
    if vm.str_data(o).is_none() && vm.bytes_data(o).is_none() {
        return Err(vm.bad_implicit_conversion(o));
    }
    Ok(vm.str_data(o).or_else(|| vm.bytes_data(o)).unwrap_or(&[]))
}

/// A new compiled `re` object for pattern `p`.
fn compile_obj(vm: &mut Vm<'_>, p: Obj) -> PyResult<Obj> {
    let mut buf = [0u8; MAX_PROG];
    let mut pat = [0u8; MAX_PROG];
    let n = {
        let d = data(vm, p)?;
        let n = d.len().min(MAX_PROG);
        pat[..n].copy_from_slice(&d[..n]);
        if d.len() > MAX_PROG {
            return Err(vm.raise_msg_str(T_VALUE_ERROR, "regex too complex"));
        }
        n
    };
    let len = compile(&pat[..n], &mut buf).map_err(|(t, m)| vm.raise_msg_str(t, m))?;
    let prog = vm.new_bytes(&buf[..len])?;
    vm.new_instance_of(type_obj(T_RE), prog)
}

/// The compiled regex for `args[0]`: the object itself, or a new one from a pattern.
fn regex_of(vm: &mut Vm<'_>, o: Obj) -> PyResult<(Obj, bool)> {
    if vm.is_builtin_instance(o, T_RE) {
        return Ok((o, true));
    }
    Ok((compile_obj(vm, o)?, false))
}

/// Run regex `re` on `subj[begin..end]`; the captures go to `caps` (len 2 * (groups + 1)).
fn exec(
    vm: &mut Vm<'_>,
    re: Obj,
    subj: Obj,
    range: (usize, usize),
    anchored: bool,
    caps: &mut [i32; MAX_CAPS],
) -> PyResult<Option<usize>> {
    let prog_obj = vm.heap.get_obj(re.bits(), 2);
    let r = {
        let prog = vm.bytes_data(prog_obj).unwrap_or(&[0, MATCH]);
        let n = (usize::from(prog[0]) + 1) * 2;
        let s = vm
            .str_data(subj)
            .or_else(|| vm.bytes_data(subj))
            .unwrap_or(&[]);
        let n = n.min(MAX_CAPS);
        caps[..n].fill(-1);
        let end = range.1.min(s.len());
        (
            run(
                &prog[1..],
                s,
                range.0.min(end),
                end,
                anchored,
                &mut caps[..n],
            ),
            n,
        )
    };
    match r {
        (Run::Matched, n) => Ok(Some(n)),
        (Run::Failed, _) => Ok(None),
        (Run::Overflow, _) => {
            Err(vm.raise_msg_str(T_RUNTIME_ERROR, "maximum recursion depth exceeded"))
        }
    }
}

/// A `str` or `bytes` (as `like`) of `like[from..to]`.
fn slice_like(vm: &mut Vm<'_>, like: Obj, from: usize, to: usize) -> PyResult<Obj> {
    let str_kind = is_str(vm, like);
    let len = to.saturating_sub(from);
    let o = vm.new_str_uninit(if str_kind { Kind::Str } else { Kind::Bytes }, len)?;
    copy_into(vm, like, from, o, 0, len);
    Ok(Obj::heap(o))
}

/// Copy `len` bytes of str/bytes `src` from `from` into the new string block `dst` at `at`.
#[allow(clippy::cast_possible_truncation)]
fn copy_into(vm: &mut Vm<'_>, src: Obj, from: usize, dst: u32, at: usize, len: usize) {
    let mut chunk = [0u8; 64];
    let mut done = 0;
    while done < len {
        let k = (len - done).min(64);
        let s = vm
            .str_data(src)
            .or_else(|| vm.bytes_data(src))
            .unwrap_or(&[]);
        let Some(part) = s.get(from + done..from + done + k) else {
            return;
        };
        chunk[..k].copy_from_slice(part);
        let out = vm.heap.bytes_mut(dst, 1, (at + len) as u32);
        out[at + done..at + done + k].copy_from_slice(&chunk[..k]);
        done += k;
    }
}

fn new_match(vm: &mut Vm<'_>, subj: Obj, caps: &[i32]) -> PyResult<Obj> {
    let mut items = [Obj::NONE; MAX_CAPS];
    for (d, &c) in items.iter_mut().zip(caps) {
        *d = Obj::small_sat(i64::from(c));
    }
    let t = vm.new_tuple_from(&items[..caps.len()])?;
    vm.push_root(t);
    let o = vm.new_instance_of(type_obj(T_MATCH), subj);
    vm.pop_root();
    let o = o?;
    vm.heap.set_obj(o.bits(), 3, t);
    Ok(o)
}

fn exec_helper(vm: &mut Vm<'_>, a: &Args, anchored: bool) -> PyResult<Obj> {
    check_n(vm, a, 2, 4)?;
    let base = vm.roots_len();
    let r = (|| {
        let (re, compiled) = regex_of(vm, vm.arg(a, 0))?;
        vm.push_root(re);
        let subj = vm.arg(a, 1);
        let len = data(vm, subj)?.len();
        let mut range = (0, len);
        if compiled && a.n_pos > 2 {
            let start = vm.get_int(vm.arg(a, 2))?.clamp(0, len as i64) as usize;
            range.0 = start;
            if a.n_pos > 3 {
                let end = vm.get_int(vm.arg(a, 3))?;
                range.1 = end.clamp(start as i64, len as i64) as usize;
            }
        }
        let mut caps = [0i32; MAX_CAPS];
        match exec(vm, re, subj, range, anchored, &mut caps)? {
            Some(n) => new_match(vm, subj, &caps[..n]),
            None => Ok(Obj::NONE),
        }
    })();
    vm.truncate_roots(base);
    r
}

pub(crate) fn re_compile(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 2)?;
    compile_obj(vm, vm.arg(a, 0))
}

pub(crate) fn re_match(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    exec_helper(vm, a, true)
}

pub(crate) fn re_search(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    exec_helper(vm, a, false)
}

/// A list of parts joined into one `str` (or `bytes` when `like` is bytes).
#[allow(clippy::cast_possible_truncation)]
fn join_parts(vm: &mut Vm<'_>, parts: Obj, like: Obj) -> PyResult<Obj> {
    let n = vm.len_of(parts)?.unwrap_or(0);
    let mut total = 0usize;
    for i in 0..n {
        let p = vm.subscr_load(parts, Obj::small_sat(i64::from(i)))?;
        total += data(vm, p)?.len();
    }
    let str_kind = is_str(vm, like);
    let o = vm.new_str_uninit(if str_kind { Kind::Str } else { Kind::Bytes }, total)?;
    vm.push_root(Obj::heap(o));
    let mut at = 0;
    for i in 0..n {
        let p = vm.subscr_load(parts, Obj::small_sat(i64::from(i)))?;
        let l = data(vm, p)?.len();
        copy_into(vm, p, 0, o, at, l);
        at += l;
    }
    vm.pop_root();
    Ok(Obj::heap(o))
}

#[allow(clippy::cast_sign_loss, clippy::too_many_lines)]
pub(crate) fn re_sub(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 3, 5)?;
    let base = vm.roots_len();
    let r = (|| {
        let (re, _) = regex_of(vm, vm.arg(a, 0))?;
        vm.push_root(re);
        let repl = vm.arg(a, 1);
        let subj = vm.arg(a, 2);
        let mut count = if a.n_pos > 3 {
            vm.get_int(vm.arg(a, 3))?
        } else {
            0
        };
        let len = data(vm, subj)?.len();
        let parts = vm.new_list(0, 0)?;
        vm.push_root(parts);
        let mut pos = 0usize;
        let mut any = false;
        let mut caps = [0i32; MAX_CAPS];
        while let Some(n) = exec(vm, re, subj, (pos, len), false, &mut caps)? {
            if caps[0] == caps[1] {
                break;
            }
            any = true;
            let (m0, m1) = (caps[0] as usize, caps[1] as usize);
            let s = slice_like(vm, subj, pos, m0)?;
            vm.list_append(parts, s)?;
            let is_text = vm.str_data(repl).is_some() || vm.bytes_data(repl).is_some();
            let r = if is_text {
                repl
            } else {
                let m = new_match(vm, subj, &caps[..n])?;
                vm.push_root(m);
                let r = vm.call_obj(repl, &[m]);
                vm.pop_root();
                r?
            };
            vm.push_root(r);
            let rlen = data(vm, r)?.len();
            let mut i = 0;
            let mut lit = 0;
            let byte = |vm: &mut Vm<'_>, i: usize| -> u8 {
                vm.str_data(r)
                    .or_else(|| vm.bytes_data(r))
                    .and_then(|d| d.get(i).copied())
                    .unwrap_or(0)
            };
            while i < rlen {
                if byte(vm, i) != b'\\' {
                    i += 1;
                    continue;
                }
                // Flush the literal text before the escape.
                let s = slice_like(vm, r, lit, i)?;
                vm.list_append(parts, s)?;
                i += 1;
                let mut g_form = false;
                if byte(vm, i) == b'g' && byte(vm, i + 1) == b'<' {
                    i += 2;
                    g_form = true;
                }
                let c = byte(vm, i);
                if c.is_ascii_digit() {
                    let mut no = 0usize;
                    while byte(vm, i).is_ascii_digit() {
                        no = no
                            .saturating_mul(10)
                            .saturating_add(usize::from(byte(vm, i) - b'0'));
                        i += 1;
                    }
                    if g_form && byte(vm, i) == b'>' {
                        i += 1;
                    }
                    if no >= n / 2 {
                        let e = vm.new_exception(T_INDEX_ERROR, &[Obj::small_sat(no as i64)])?;
                        return Err(vm.raise_obj(e));
                    }
                    if caps[no * 2] >= 0 {
                        let (g0, g1) = (caps[no * 2] as usize, caps[no * 2 + 1] as usize);
                        let s = slice_like(vm, subj, g0, g1)?;
                        vm.list_append(parts, s)?;
                    }
                    lit = i;
                } else if c == b'\\' {
                    lit = i;
                    i += 1;
                } else {
                    lit = i;
                }
            }
            let s = slice_like(vm, r, lit, rlen)?;
            vm.list_append(parts, s)?;
            vm.pop_root();
            pos = m1;
            if count > 0 {
                count -= 1;
                if count == 0 {
                    break;
                }
            }
        }
        if !any {
            return Ok(subj);
        }
        let s = slice_like(vm, subj, pos, len)?;
        vm.list_append(parts, s)?;
        join_parts(vm, parts, subj)
    })();
    vm.truncate_roots(base);
    r
}

#[allow(clippy::cast_sign_loss)]
pub(crate) fn re_split(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 3)?;
    let base = vm.roots_len();
    let r = (|| {
        let re = vm.arg(a, 0);
        let subj = vm.arg(a, 1);
        let mut maxsplit = if a.n_pos > 2 {
            vm.get_int(vm.arg(a, 2))?
        } else {
            0
        };
        let len = data(vm, subj)?.len();
        let groups = vm
            .bytes_data(vm.heap.get_obj(re.bits(), 2))
            .map_or(0, |p| p[0]);
        let parts = vm.new_list(0, 0)?;
        vm.push_root(parts);
        let mut pos = 0usize;
        let mut caps = [0i32; MAX_CAPS];
        loop {
            if exec(vm, re, subj, (pos, len), false, &mut caps)?.is_none() || caps[0] == caps[1] {
                break;
            }
            let s = slice_like(vm, subj, pos, caps[0] as usize)?;
            vm.list_append(parts, s)?;
            if groups > 0 {
                return Err(
                    vm.raise_msg_str(T_NOT_IMPLEMENTED_ERROR, "splitting with sub-captures")
                );
            }
            pos = caps[1] as usize;
            if maxsplit > 0 {
                maxsplit -= 1;
                if maxsplit == 0 {
                    break;
                }
            }
        }
        let s = slice_like(vm, subj, pos, len)?;
        vm.list_append(parts, s)?;
        Ok(parts)
    })();
    vm.truncate_roots(base);
    r
}

/// The match's capture tuple and the group number asked for (IndexError when out of range).
fn group_no(vm: &mut Vm<'_>, a: &Args, i: u32) -> PyResult<(Obj, usize)> {
    let m = vm.arg(a, 0);
    let caps = vm.heap.get_obj(m.bits(), 3);
    let n = vm.tuple_len(caps) / 2;
    let no = match vm.arg_pos(a, i) {
        Some(o) => {
            let v = vm.get_int(o)?;
            if v < 0 || v >= i64::from(n) {
                let e = vm.new_exception(T_INDEX_ERROR, &[o])?;
                return Err(vm.raise_obj(e));
            }
            #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
            let v = v as usize;
            v
        }
        None => 0,
    };
    Ok((caps, no))
}

#[allow(clippy::cast_possible_truncation)]
fn cap(vm: &Vm<'_>, caps: Obj, i: usize) -> i64 {
    vm.heap
        .get_obj(caps.bits(), i as u32 + 1)
        .as_small()
        .unwrap_or(-1)
}

#[allow(clippy::cast_sign_loss)]
fn group_value(vm: &mut Vm<'_>, m: Obj, caps: Obj, no: usize) -> PyResult<Obj> {
    let (s, e) = (cap(vm, caps, no * 2), cap(vm, caps, no * 2 + 1));
    if s < 0 {
        return Ok(Obj::NONE);
    }
    let subj = vm.heap.get_obj(m.bits(), 2);
    slice_like(vm, subj, s as usize, e as usize)
}

pub(crate) fn match_group(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let (caps, no) = group_no(vm, a, 1)?;
    group_value(vm, vm.arg(a, 0), caps, no)
}

#[cfg(test)]
mod tests {
    use super::{compile, run, Run, MAX_CAPS, MAX_PROG};

    fn search(pat: &[u8], subj: &[u8], anchored: bool) -> Option<(i32, i32)> {
        let mut prog = [0u8; MAX_PROG];
        let len = compile(pat, &mut prog).ok()?;
        let mut caps = [-1i32; MAX_CAPS];
        let n = (usize::from(prog[0]) + 1) * 2;
        match run(&prog[1..len], subj, 0, subj.len(), anchored, &mut caps[..n]) {
            Run::Matched => Some((caps[0], caps[1])),
            _ => None,
        }
    }

    #[test]
    fn matches_like_re1_5() {
        assert_eq!(search(b"a+?b", b"xaab", false), Some((1, 4)));
        assert_eq!(search(b"a*?", b"aaa", true), Some((0, 0)));
        assert_eq!(search(b"[^a-c]+", b"abxyc", false), Some((2, 4)));
        assert_eq!(search(b"\\d\\s\\w", b"x1 _", false), Some((1, 4)));
        assert_eq!(search(b"b|ab$", b"ab", false), Some((0, 2)));
        assert_eq!(search(b"^b", b"ab", false), None);
    }

    #[test]
    fn bad_patterns_are_errors_with_micropythons_messages() {
        let mut prog = [0u8; MAX_PROG];
        for (p, msg) in [
            (&b"*a"[..], "regex too complex"),
            (b"(ab", "regex too complex"),
            (b"[ab", "regex too complex"),
            (b"\\", "regex too complex"),
            (b"ab)", "error in regex"),
        ] {
            assert_eq!(compile(p, &mut prog).err().map(|e| e.1), Some(msg), "{p:?}");
        }
        let deep = [b"(".repeat(200), b"a".to_vec(), b")".repeat(200)].concat();
        assert!(compile(&deep, &mut prog).is_err());
        let long = b"a".repeat(2000);
        assert!(compile(&long, &mut prog).is_err());
    }

    #[test]
    fn long_subjects_overflow_the_stack_without_panicking() {
        let mut prog = [0u8; MAX_PROG];
        let len = compile(b"a*", &mut prog).unwrap_or(0);
        let subj = b"a".repeat(5000);
        let mut caps = [-1i32; 2];
        assert!(matches!(
            run(&prog[1..len], &subj, 0, subj.len(), true, &mut caps),
            Run::Overflow
        ));
    }

    /// Every pattern of up to three symbols from a hostile alphabet compiles or fails
    /// cleanly, and runs on a few subjects without panicking.
    #[test]
    fn short_patterns_never_panic() {
        let alphabet = b"a.|()*+?[]^$-\\d:";
        let subjects: [&[u8]; 4] = [b"", b"a", b"ab-d", b"\xff\x00a"];
        let mut count = 0;
        let mut pat = [0u8; 3];
        for len in 1..=3u32 {
            for code in 0..alphabet.len().pow(len) {
                let mut c = code;
                for slot in pat.iter_mut().take(len as usize) {
                    *slot = alphabet[c % alphabet.len()];
                    c /= alphabet.len();
                }
                for s in subjects {
                    let _ = search(&pat[..len as usize], s, false);
                    let _ = search(&pat[..len as usize], s, true);
                }
                count += 1;
            }
        }
        assert!(count > 4000, "{count}");
    }
}
