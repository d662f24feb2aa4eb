//! Firmware-registered native modules: Python code imports `board` / `time` modules whose
//! functions are Rust (`runtime_min::NativeFn`), with MicroPython's argument checks, errors
//! and tracebacks; interrupt lines whose Python handlers the VM schedules.

use runtime_min::{
    ExcType, IrqLine, MpyList, NativeFn, Obj, Output, PyResult, RegisterError, RunOutcome, Vm,
};
use std::cell::Cell;

struct Capture(Vec<u8>);

impl Output for Capture {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
}

thread_local! {
    static LED: Cell<i64> = const { Cell::new(0) };
    static TICKS: Cell<i64> = const { Cell::new(0) };
}

fn led(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    let Some(&state) = args.first() else {
        return Ok(Obj::none());
    };
    let v = vm.int_arg(state)?;
    if !(0..=1).contains(&v) {
        return Err(vm.raise(ExcType::ValueError, "led state must be 0 or 1"));
    }
    LED.with(|l| l.set(v));
    Ok(Obj::none())
}

fn led_state(_vm: &mut Vm<'_>, _args: &[Obj]) -> PyResult<Obj> {
    Ok(Obj::bool(LED.with(Cell::get) == 1))
}

fn ticks_ms(vm: &mut Vm<'_>, _args: &[Obj]) -> PyResult<Obj> {
    let t = TICKS.with(|t| {
        t.set(t.get() + 10);
        t.get()
    });
    vm.new_int(t)
}

/// `scale(x, factor=2.0)`: a float result, optional argument.
fn scale(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    let x = vm.float_arg(args.first().copied().unwrap_or(Obj::none()))?;
    let k = match args.get(1) {
        Some(&o) => vm.float_arg(o)?,
        None => 2.0,
    };
    vm.new_float(x * k)
}

/// `greet(name)`: str in, str out.
fn greet(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    let mut text = String::from("hello ");
    text.push_str(vm.str_arg(args.first().copied().unwrap_or(Obj::none()))?);
    vm.new_str(&text)
}

/// `pair()`: a tuple of two fresh objects (the first kept alive while the second is made).
fn pair(vm: &mut Vm<'_>, _args: &[Obj]) -> PyResult<Obj> {
    let a = vm.new_str("left")?;
    vm.push_root(a);
    let b = vm.new_bytes(b"right")?;
    vm.push_root(b);
    // Deliberately leaves its roots pushed: the VM drops them when the call returns.
    vm.new_tuple_from(&[a, b, Obj::small(7).unwrap_or(Obj::none())])
}

fn sensor(vm: &mut Vm<'_>, _args: &[Obj]) -> PyResult<Obj> {
    Err(vm.raise_os_error(19))
}

fn big(vm: &mut Vm<'_>, _args: &[Obj]) -> PyResult<Obj> {
    vm.new_int(i64::MAX)
}

fn truthy(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    let b = vm.bool_arg(args.first().copied().unwrap_or(Obj::none()))?;
    Ok(Obj::bool(b))
}

/// An interrupt line the tests trigger from Python (`board.fire()`), as an interrupt handler
/// would.
static TEST_LINE: IrqLine = IrqLine::new();

fn fire(_vm: &mut Vm<'_>, _args: &[Obj]) -> PyResult<Obj> {
    TEST_LINE.trigger();
    Ok(Obj::none())
}

fn on_irq(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    let tag = vm.new_str("tag")?;
    if !vm.set_irq_handler(&TEST_LINE, args[0], tag) {
        return Err(vm.raise(ExcType::RuntimeError, "no free line"));
    }
    Ok(Obj::none())
}

static BOARD: &[NativeFn] = &[
    NativeFn::new("led", 1, led),
    NativeFn::new("led_state", 0, led_state),
    NativeFn::var("scale", 1, 2, scale),
    NativeFn::new("greet", 1, greet),
    NativeFn::new("pair", 0, pair),
    NativeFn::new("sensor", 0, sensor),
    NativeFn::new("big", 0, big),
    NativeFn::new("truthy", 1, truthy),
    NativeFn::new("fire", 0, fire),
    NativeFn::new("on_irq", 1, on_irq),
];

static TIME: &[NativeFn] = &[NativeFn::new("ticks_ms", 0, ticks_ms)];

fn compile(name: &str, source: &str) -> Vec<u8> {
    let options = mpy_cross::CompileOptions {
        source_name: format!("{name}.py"),
        ..mpy_cross::CompileOptions::default()
    };
    mpy_cross::compile(source.as_bytes(), &options).expect("compiles")
}

/// Run `source` as module `main` (with `extra` modules importable), `board` and `time`
/// registered; returns (output, uncaught exception?).
fn run_with(source: &str, extra: &[(&str, &str)], gc_stress: bool) -> (String, bool) {
    let main = compile("main", source);
    let extra: Vec<(&str, Vec<u8>)> = extra.iter().map(|(n, s)| (*n, compile(n, s))).collect();
    let list: Vec<(&str, &[u8])> = extra.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    let source = MpyList { modules: &list };
    let mut heap = vec![0u8; 16 * 1024];
    let mut out = Capture(Vec::new());
    let outcome = {
        let mut vm = Vm::new(&mut heap, &source, &mut out).expect("heap");
        vm.gc_stress = gc_stress;
        vm.register_module("board", BOARD).expect("board");
        vm.register_module("time", TIME).expect("time");
        vm.run_module(&main, "main")
    };
    (
        String::from_utf8_lossy(&out.0).into_owned(),
        outcome == RunOutcome::Exception,
    )
}

fn run(source: &str) -> (String, bool) {
    run_with(source, &[], false)
}

#[test]
fn python_calls_registered_functions() {
    LED.with(|l| l.set(0));
    let (out, failed) = run("import board\n\
         print(board.led_state())\n\
         board.led(1)\n\
         print(board.led_state())\n\
         board.led(True and 0)\n\
         print(board.led_state())\n\
         from time import ticks_ms\n\
         t0 = ticks_ms()\n\
         print(ticks_ms() - t0)\n\
         print(board.scale(1.5), board.scale(3, 0.5))\n\
         print(board.greet('pico'))\n\
         print(board.pair())\n\
         print(board.big())\n\
         print(board.truthy([]), board.truthy([0]))\n\
         print(board.led, type(board.led), callable(board.led))\n\
         import time\n\
         print(time.ticks_ms is ticks_ms, sorted(dir(time)))\n");
    assert!(!failed, "{out}");
    assert_eq!(
        out,
        "False\nTrue\nFalse\n10\n3.0 1.5\nhello pico\n('left', b'right', 7)\n\
         9223372036854775807\nFalse True\n<function> <class 'function'> True\n\
         True ['__class__', '__dict__', '__name__', 'ticks_ms']\n"
    );
    assert_eq!(LED.with(Cell::get), 0);
}

#[test]
fn wrong_arguments_raise_type_error_as_micropython_does() {
    let (out, failed) = run("import board\n\
         for f, args in ((board.led, ()), (board.led, (1, 2)), (board.scale, ()),\n\
                         (board.scale, (1, 2, 3)), (board.led, ('on',)),\n\
                         (board.scale, ('x',)), (board.greet, (5,)), (board.led, (1 << 70,))):\n\
         \x20   try:\n\
         \x20       f(*args)\n\
         \x20   except (TypeError, OverflowError) as e:\n\
         \x20       print(type(e).__name__, e)\n\
         try:\n\
         \x20   board.led(state=1)\n\
         except TypeError as e:\n\
         \x20   print(e)\n\
         try:\n\
         \x20   board.led(5)\n\
         except ValueError as e:\n\
         \x20   print('ValueError', e)\n\
         print(board.led_state())\n");
    assert!(!failed, "{out}");
    assert_eq!(
        out,
        "TypeError function takes 1 positional arguments but 0 were given\n\
         TypeError function takes 1 positional arguments but 2 were given\n\
         TypeError function missing 1 required positional arguments\n\
         TypeError function expected at most 2 arguments, got 3\n\
         TypeError can't convert str to int\n\
         TypeError can't convert str to float\n\
         TypeError can't convert 'int' object to str implicitly\n\
         OverflowError overflow converting long int to machine word\n\
         function doesn't take keyword arguments\n\
         ValueError led state must be 0 or 1\n\
         False\n"
    );
}

#[test]
fn native_errors_propagate_with_a_traceback() {
    let (out, failed) = run("import board\n\
         def read():\n\
         \x20   return board.sensor()\n\
         try:\n\
         \x20   read()\n\
         except OSError as e:\n\
         \x20   print('caught', e, e.args)\n\
         read()\n");
    assert!(failed);
    assert_eq!(
        out,
        "caught [Errno 19] ENODEV (19,)\n\
         Traceback (most recent call last):\n\
         \x20 File \"main.py\", line 8, in <module>\n\
         \x20 File \"main.py\", line 3, in read\n\
         OSError: [Errno 19] ENODEV\n"
    );
}

#[test]
fn modules_are_found_before_frozen_ones_and_imported_once() {
    let (out, failed) = run_with(
        "import helper\n\
         import board, sys\n\
         print(helper.where(), board is helper.board, 'board' in sys.modules)\n\
         import nothing_here\n",
        &[
            (
                "helper",
                "import board\ndef where():\n    return board.greet('helper')\n",
            ),
            ("board", "print('the frozen board module must not run')\n"),
        ],
        true,
    );
    assert!(failed);
    assert_eq!(
        out,
        // (Like MicroPython's C modules, firmware modules are not listed in sys.modules.)
        "hello helper True False\n\
         Traceback (most recent call last):\n\
         \x20 File \"main.py\", line 4, in <module>\n\
         ImportError: no module named 'nothing_here'\n"
    );
}

#[test]
fn gc_stress_keeps_native_results_alive() {
    let (out, failed) = run_with(
        "import board\nfor i in range(20):\n    r = board.pair()\nprint(r, board.greet('x' * 40))\n",
        &[],
        true,
    );
    assert!(!failed, "{out}");
    assert_eq!(
        out,
        format!("('left', b'right', 7) hello {}\n", "x".repeat(40))
    );
}

#[test]
fn registration_rejects_taken_names_and_bad_signatures() {
    fn nop(_vm: &mut Vm<'_>, _a: &[Obj]) -> PyResult<Obj> {
        Ok(Obj::none())
    }
    static BAD_RANGE: &[NativeFn] = &[NativeFn::var("f", 2, 1, nop)];
    static TOO_MANY_ARGS: &[NativeFn] = &[NativeFn::var("f", 0, 9, nop)];
    static ONE: &[NativeFn] = &[NativeFn::new("f", 0, nop)];
    let mut heap = vec![0u8; 4096];
    let mut out = Capture(Vec::new());
    let source = MpyList { modules: &[] };
    let mut vm = Vm::new(&mut heap, &source, &mut out).expect("heap");
    for builtin in ["math", "sys", "micropython", "collections"] {
        assert_eq!(
            vm.register_module(builtin, ONE),
            Err(RegisterError::NameTaken)
        );
    }
    assert_eq!(
        vm.register_module("m", BAD_RANGE),
        Err(RegisterError::Invalid)
    );
    assert_eq!(
        vm.register_module("m", TOO_MANY_ARGS),
        Err(RegisterError::Invalid)
    );
    assert_eq!(vm.register_module("", ONE), Err(RegisterError::Invalid));
    let names = ["m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7"];
    for name in names {
        assert_eq!(vm.register_module(name, ONE), Ok(()));
    }
    assert_eq!(vm.register_module("m0", ONE), Err(RegisterError::NameTaken));
    assert_eq!(
        vm.register_module("m8", ONE),
        Err(RegisterError::TooManyModules)
    );
}

#[test]
fn interrupt_lines_schedule_their_python_handlers() {
    let (out, failed) = run("import board\n\
         seen = []\n\
         def handler(arg):\n\
         \x20   seen.append(arg)\n\
         \x20   if len(seen) == 3:\n\
         \x20       raise ValueError('in handler')\n\
         board.fire()\n\
         for i in range(2):\n\
         \x20   pass\n\
         print('not attached', seen)\n\
         board.on_irq(handler)\n\
         board.fire()\n\
         print('before a branch', seen)\n\
         for i in range(2):\n\
         \x20   pass\n\
         print('after a branch', seen)\n\
         board.fire()\n\
         board.fire()\n\
         for i in range(2):\n\
         \x20   pass\n\
         print('coalesced', seen)\n\
         board.fire()\n\
         for i in range(2):\n\
         \x20   pass\n\
         print('went on', len(seen))\n\
         board.on_irq(None)\n\
         board.fire()\n\
         for i in range(2):\n\
         \x20   pass\n\
         print('detached', len(seen))\n");
    assert!(!failed, "{out}");
    assert_eq!(
        out,
        "not attached []\n\
         before a branch []\n\
         after a branch ['tag']\n\
         coalesced ['tag', 'tag']\n\
         Traceback (most recent call last):\n\
         \x20 File \"main.py\", line 6, in handler\n\
         ValueError: in handler\n\
         went on 3\n\
         detached 3\n"
    );
}
