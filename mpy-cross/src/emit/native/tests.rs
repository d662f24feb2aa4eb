//! Native emitter tests: small functions driven through the emitter the way py/compile.c drives
//! it, with the machine code compared against the reference mpy-cross for every target.

use mpy_format::arch::Arch;
use mpy_format::model::{Constant, MpyFile, QstrEntry, RawCodeKind};
use mpy_format::opcode::{BinaryOp, UnaryOp};

use super::*;
use crate::asm::thumb::Thumb;
use crate::asm::x64::X64;
use crate::asm::xtensa::{XtensaCall0, XtensaWin};
use crate::qstr::QstrPool;
use crate::scope::{EmitOption, Scope, ScopeKind};

/// The names a test body refers to, interned in the file's qstr order.
struct Ctx {
    pool: QstrPool,
}

impl Ctx {
    fn q(&mut self, s: &str) -> Qstr {
        self.pool.intern(s.as_bytes())
    }
}

/// A test function: its source (the decorated `def f` is the module's first child), the scope
/// the compiler would build, and the emitter calls of its body.
struct Case {
    source: &'static str,
    emit: EmitOption,
    /// `(name, viper type)` of each positional parameter.
    params: &'static [(&'static str, u8)],
    /// Other locals, in slot order.
    locals: &'static [&'static str],
    viper_ret: u8,
    generator: bool,
    /// Flags `scope_compute_things` adds (REFGLOBALS for a global reference).
    extra_flags: u16,
    body: fn(&mut dyn Drive, &mut Ctx),
}

/// The emitter calls a body makes, object safe so bodies need not be generic.
trait Drive {
    fn load_fast(&mut self, q: Qstr, n: u16);
    fn store_fast(&mut self, q: Qstr, n: u16);
    fn small_int(&mut self, v: i64);
    fn none(&mut self);
    fn binary(&mut self, op: BinaryOp);
    fn unary(&mut self, op: UnaryOp);
    fn ret(&mut self);
    fn attr(&mut self, q: Qstr);
    fn global(&mut self, q: Qstr);
    fn call(&mut self, n_pos: u32);
    fn subscr(&mut self, kind: AccessKind);
    fn label(&mut self, l: u32);
    fn pop_jump_if(&mut self, cond: bool, l: u32);
    fn jump(&mut self, l: u32);
    fn yield_value(&mut self, label_slot: u32);
    fn pop_top(&mut self);
}

struct Driver<'a, A: NativeTarget> {
    emit: &'a mut NativeEmitter<A>,
    common: &'a mut EmitCommon,
}

impl<A: NativeTarget> Drive for Driver<'_, A> {
    fn load_fast(&mut self, q: Qstr, n: u16) {
        self.emit.load_fast(q, n);
    }
    fn store_fast(&mut self, q: Qstr, n: u16) {
        self.emit.store_fast(q, n);
    }
    fn small_int(&mut self, v: i64) {
        self.emit.load_const_small_int(v);
    }
    fn none(&mut self) {
        self.emit.load_const_none();
    }
    fn binary(&mut self, op: BinaryOp) {
        self.emit.binary_op(BinOp::Op(op));
    }
    fn unary(&mut self, op: UnaryOp) {
        self.emit.unary_op(op);
    }
    fn ret(&mut self) {
        self.emit.return_value();
    }
    fn attr(&mut self, q: Qstr) {
        self.emit.attr(self.common, q, AccessKind::Load);
    }
    fn global(&mut self, q: Qstr) {
        self.emit.load_name(self.common, q, true);
    }
    fn call(&mut self, n_pos: u32) {
        self.emit.call_function(n_pos, 0, 0);
    }
    fn subscr(&mut self, kind: AccessKind) {
        self.emit.subscr(kind);
    }
    fn label(&mut self, l: u32) {
        self.emit.label_assign(l);
    }
    fn pop_jump_if(&mut self, cond: bool, l: u32) {
        self.emit.pop_jump_if(cond, l);
    }
    fn jump(&mut self, l: u32) {
        self.emit.jump(l);
    }
    fn yield_value(&mut self, label_slot: u32) {
        self.emit.yield_(false, label_slot);
    }
    fn pop_top(&mut self) {
        self.emit.pop_top();
    }
}

/// A raw code as compared: kind, `fun_data`, prelude offset.
type Code = (RawCodeKind, Vec<u8>, u64);

/// Compile `case` with the reference for `march`, then drive our emitter with the same tables
/// and return (ours, reference) as (kind, fun_data, prelude_offset).
fn run_case<A: NativeTarget>(
    case: &Case,
    march: &str,
    make: impl Fn() -> A,
) -> Option<(Code, Code)> {
    let mpy = mpy_tests::oracle_compile(
        case.source.as_bytes(),
        "t.py",
        &[&format!("-march={march}")],
    )
    .ok()?;
    let file = MpyFile::read(&mpy).expect("oracle output parses");
    let reference = &file.root.children[0];

    let mut ctx = Ctx {
        pool: QstrPool::new(),
    };
    let mut common = EmitCommon::new(ctx.q("t.py"));
    for entry in &file.qstrs[1..] {
        let q = match entry {
            QstrEntry::Static(n) => Qstr(*n),
            QstrEntry::Inline(b) => ctx.pool.intern(b),
        };
        common.use_qstr(q);
    }
    for c in &file.constants {
        let v = match c {
            Constant::FunTable => ConstValue::FunTable,
            Constant::Str(s) => ConstValue::Str(s.clone()),
            Constant::None => ConstValue::None,
            Constant::Ellipsis => ConstValue::Ellipsis,
            other => panic!("unsupported constant {other:?}"),
        };
        common.use_const(&v);
    }

    let f = ctx.q("f");
    let mut scope = Scope::new(ScopeKind::Function, Some(ScopeId(0)), f, case.emit);
    for (i, (name, vtype)) in case.params.iter().enumerate() {
        let q = ctx.q(name);
        scope.ids.push(IdInfo {
            kind: IdKind::Local,
            flags: ID_FLAG_IS_PARAM | (vtype << ID_FLAG_VIPER_TYPE_POS),
            local_num: i as u16,
            qst: q,
        });
    }
    for (i, name) in case.locals.iter().enumerate() {
        let q = ctx.q(name);
        scope.ids.push(IdInfo {
            kind: IdKind::Local,
            flags: 0,
            local_num: (case.params.len() + i) as u16,
            qst: q,
        });
    }
    scope.num_pos_args = case.params.len() as u16;
    scope.num_locals = (case.params.len() + case.locals.len()) as u16;
    scope.scope_flags = u16::from(case.viper_ret) << SCOPE_FLAG_VIPERRET_POS;
    scope.scope_flags |= case.extra_flags;
    if case.generator {
        scope.scope_flags |= SCOPE_FLAG_GENERATOR;
    }

    let mut emit = NativeEmitter::new(make(), [None; 8]);
    for (t, name) in [
        "object", "bool", "int", "uint", "ptr", "ptr8", "ptr16", "ptr32",
    ]
    .iter()
    .enumerate()
    {
        emit.cast_names[t] = Some(ctx.q(name));
    }
    for pass in [Pass::StackSize, Pass::CodeSize, Pass::Emit] {
        common.start_pass(pass);
        emit.start_pass(pass, &scope, &mut common, 0);
        {
            let mut d = Driver {
                emit: &mut emit,
                common: &mut common,
            };
            (case.body)(&mut d, &mut ctx);
            d.none();
            d.ret();
        }
        emit.end_pass(&mut scope, &mut common);
        assert!(emit.raised().is_none(), "{:?}", emit.raised());
        assert!(emit.peek_viper_error().is_none());
    }
    let out = emit.take_output().expect("emit pass output");
    let (kind, prelude) = match out.kind {
        NativeKind::Python { prelude_offset } => (RawCodeKind::NativePy, u64::from(prelude_offset)),
        NativeKind::Viper => (RawCodeKind::Viper, 0),
        NativeKind::Asm { .. } => (RawCodeKind::Asm, 0),
    };
    Some((
        (kind, out.fun_data, prelude),
        (
            reference.kind,
            reference.fun_data.clone(),
            reference.prelude_offset,
        ),
    ))
}

fn check_all_archs(name: &str, case: &Case) -> usize {
    let mut failures = 0;
    let mut report = |arch: &str, r: Option<(_, _)>| match r {
        Some((ours, reference)) => {
            if ours != reference {
                failures += 1;
                eprintln!("{name} {arch}: ours {ours:02x?}\n   reference {reference:02x?}");
            }
        }
        None => {
            failures += 1;
            eprintln!("{name} {arch}: the reference rejected the source");
        }
    };
    report("x64", run_case(case, "x64", || X64::new(64)));
    report(
        "armv6m",
        run_case(case, "armv6m", || Thumb::new(Arch::Armv6m, 64)),
    );
    report(
        "armv7m",
        run_case(case, "armv7m", || Thumb::new(Arch::Armv7m, 64)),
    );
    report(
        "armv7emdp",
        run_case(case, "armv7emdp", || Thumb::new(Arch::Armv7emdp, 64)),
    );
    report("xtensa", run_case(case, "xtensa", || XtensaCall0::new(64)));
    report(
        "xtensawin",
        run_case(case, "xtensawin", || XtensaWin::new(64)),
    );
    failures
}

const INT: u8 = 2;
const PTR8: u8 = 5;

fn cases() -> Vec<(&'static str, Case)> {
    vec![
        (
            "return_const",
            Case {
                source: "@micropython.native\ndef f():\n    return 1\n",
                emit: EmitOption::NativePython,
                params: &[],
                locals: &[],
                viper_ret: 0,
                generator: false,
                extra_flags: 0,
                body: |d, _| {
                    d.small_int(1);
                    d.ret();
                },
            },
        ),
        (
            "add_args",
            Case {
                source: "@micropython.native\ndef f(a, b):\n    return a + b\n",
                emit: EmitOption::NativePython,
                params: &[("a", 0), ("b", 0)],
                locals: &[],
                viper_ret: 0,
                generator: false,
                extra_flags: 0,
                body: |d, c| {
                    let (a, b) = (c.q("a"), c.q("b"));
                    d.load_fast(a, 0);
                    d.load_fast(b, 1);
                    d.binary(BinaryOp::ADD);
                    d.ret();
                },
            },
        ),
        (
            "attr_three_args",
            Case {
                source: "@micropython.native\ndef f(a, b, x):\n    return x.yy\n",
                emit: EmitOption::NativePython,
                params: &[("a", 0), ("b", 0), ("x", 0)],
                locals: &[],
                viper_ret: 0,
                generator: false,
                extra_flags: 0,
                body: |d, c| {
                    let (x, yy) = (c.q("x"), c.q("yy"));
                    d.load_fast(x, 2);
                    d.attr(yy);
                    d.ret();
                },
            },
        ),
        (
            "viper_add",
            Case {
                source: "@micropython.viper\ndef f(a: int, b: int) -> int:\n    return a + b\n",
                emit: EmitOption::Viper,
                params: &[("a", INT), ("b", INT)],
                locals: &[],
                viper_ret: INT,
                generator: false,
                extra_flags: 0,
                body: |d, c| {
                    let (a, b) = (c.q("a"), c.q("b"));
                    d.load_fast(a, 0);
                    d.load_fast(b, 1);
                    d.binary(BinaryOp::ADD);
                    d.ret();
                },
            },
        ),
        (
            "viper_ptr8_loop",
            Case {
                source: "@micropython.viper\ndef f(p: ptr8, n: int):\n    i = 0\n    while i < n:\n        p[i] = p[i] + 1\n        i += 1\n",
                emit: EmitOption::Viper,
                params: &[("p", PTR8), ("n", INT)],
                locals: &["i"],
                viper_ret: 0,
                generator: false,
                extra_flags: 0,
                body: |d, c| {
                    let (p, n, i) = (c.q("p"), c.q("n"), c.q("i"));
                    d.small_int(0);
                    d.store_fast(i, 2);
                    // while: jump to the condition, body, condition, pop_jump_if true to body
                    d.jump(7);
                    d.label(8);
                    d.load_fast(p, 0);
                    d.load_fast(i, 2);
                    d.subscr(AccessKind::Load);
                    d.small_int(1);
                    d.binary(BinaryOp::ADD);
                    d.load_fast(p, 0);
                    d.load_fast(i, 2);
                    d.subscr(AccessKind::Store);
                    d.load_fast(i, 2);
                    d.small_int(1);
                    d.binary(BinaryOp::INPLACE_ADD);
                    d.store_fast(i, 2);
                    d.label(7);
                    d.load_fast(i, 2);
                    d.load_fast(n, 1);
                    d.binary(BinaryOp::LESS);
                    d.pop_jump_if(true, 8);
                    d.label(6);
                },
            },
        ),
        (
            "viper_cast_global",
            Case {
                source: "@micropython.viper\ndef f(a) -> int:\n    return int(a) + int(g)\n",
                emit: EmitOption::Viper,
                params: &[("a", 0)],
                locals: &[],
                viper_ret: INT,
                generator: false,
                extra_flags: SCOPE_FLAG_REFGLOBALS,
                body: |d, c| {
                    let (a, int_, g) = (c.q("a"), c.q("int"), c.q("g"));
                    d.global(int_);
                    d.load_fast(a, 0);
                    d.call(1);
                    d.global(int_);
                    d.global(g);
                    d.call(1);
                    d.binary(BinaryOp::ADD);
                    d.ret();
                },
            },
        ),
        (
            "native_generator",
            Case {
                source: "@micropython.native\ndef f(a):\n    yield a\n",
                emit: EmitOption::NativePython,
                params: &[("a", 0)],
                locals: &[],
                viper_ret: 0,
                generator: true,
                extra_flags: 0,
                body: |d, c| {
                    let a = c.q("a");
                    d.load_fast(a, 0);
                    d.yield_value(6);
                    d.pop_top();
                },
            },
        ),
        (
            "native_unary_global_call",
            Case {
                source: "@micropython.native\ndef f(a):\n    return -g(a)\n",
                emit: EmitOption::NativePython,
                params: &[("a", 0)],
                locals: &[],
                viper_ret: 0,
                generator: false,
                extra_flags: SCOPE_FLAG_REFGLOBALS,
                body: |d, c| {
                    let (a, g) = (c.q("a"), c.q("g"));
                    d.global(g);
                    d.load_fast(a, 0);
                    d.call(1);
                    d.unary(UnaryOp::NEGATIVE);
                    d.ret();
                },
            },
        ),
    ]
}

#[test]
fn hand_driven_functions_match_the_reference() {
    if mpy_tests::oracle_mpy_cross().is_none() {
        eprintln!("no oracle; skipped");
        return;
    }
    let mut failures = 0;
    let all = cases();
    for (name, case) in &all {
        failures += check_all_archs(name, case);
    }
    eprintln!(
        "native emitter: {} cases x 6 archs, {failures} differ",
        all.len()
    );
    assert_eq!(failures, 0);
}

#[test]
fn prelude_encoders() {
    assert_eq!(prelude_size(1, 0), vec![0x02]);
    assert_eq!(prelude_size(64, 1), vec![0x81, 0x02]);
}

#[test]
fn viper_error_messages() {
    let text = |_q: Qstr| "x".to_owned();
    assert_eq!(
        ViperError::LocalTypeMismatch {
            local: Qstr(0),
            local_type: VType::Int,
            source: VType::PyObj
        }
        .message(&text),
        "local 'x' has type 'int' but source is 'object'"
    );
    assert_eq!(
        ViperError::BinaryOpNotImplemented(BinaryOp::TRUE_DIVIDE).message(&text),
        "binary op  not implemented"
    );
    assert_eq!(
        ViperError::BinaryOpNotImplemented(BinaryOp::INPLACE_SUBTRACT).message(&text),
        "binary op __isub__ not implemented"
    );
}
