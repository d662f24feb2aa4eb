//! A `time` module for hosts (the `std` feature; `mpy-run` registers it): the functions
//! MicroPython's ports have (after extmod/modtime.c and ports/unix/modtime.c), on the host's
//! clock. A firmware registers its own `time` over its timers instead (see the example).

use crate::native::NativeFn;
use crate::{Obj, PyResult, Vm};
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The ticks counters wrap at 2**30 (MICROPY_PY_TIME_TICKS_PERIOD: small ints stay small).
const TICKS_PERIOD: i64 = 1 << 30;

/// The `time` module's functions.
pub static TIME: &[NativeFn] = &[
    NativeFn::new("time", 0, time),
    NativeFn::new("time_ns", 0, time_ns),
    NativeFn::new("sleep", 1, sleep),
    NativeFn::new("sleep_ms", 1, sleep_ms),
    NativeFn::new("sleep_us", 1, sleep_us),
    NativeFn::new("ticks_ms", 0, ticks_ms),
    NativeFn::new("ticks_us", 0, ticks_us),
    NativeFn::new("ticks_cpu", 0, ticks_us),
    NativeFn::new("ticks_diff", 2, ticks_diff),
    NativeFn::new("ticks_add", 2, ticks_add),
];

/// Time since the first use (the ticks counters' origin).
fn since_start() -> Duration {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn wrap(ticks: u128) -> i64 {
    #[allow(clippy::cast_possible_truncation)]
    let low = (ticks % (TICKS_PERIOD as u128)) as i64;
    low
}

fn time(vm: &mut Vm<'_>, _args: &[Obj]) -> PyResult<Obj> {
    vm.new_float(since_epoch().as_secs_f64())
}

fn time_ns(vm: &mut Vm<'_>, _args: &[Obj]) -> PyResult<Obj> {
    #[allow(clippy::cast_possible_truncation)]
    let ns = since_epoch().as_nanos() as i64;
    vm.new_int(ns)
}

fn pause(vm: &mut Vm<'_>, seconds: f64) -> PyResult<Obj> {
    if seconds.is_finite() && seconds > 0.0 {
        std::thread::sleep(Duration::from_secs_f64(seconds.min(1e6)));
    }
    let _ = vm;
    Ok(Obj::none())
}

fn sleep(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    let s = vm.float_arg(args[0])?;
    pause(vm, s)
}

fn sleep_ms(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    #[allow(clippy::cast_precision_loss)]
    let s = vm.int_arg(args[0])? as f64 / 1e3;
    pause(vm, s)
}

fn sleep_us(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    #[allow(clippy::cast_precision_loss)]
    let s = vm.int_arg(args[0])? as f64 / 1e6;
    pause(vm, s)
}

fn ticks_ms(vm: &mut Vm<'_>, _args: &[Obj]) -> PyResult<Obj> {
    vm.new_int(wrap(since_start().as_millis()))
}

fn ticks_us(vm: &mut Vm<'_>, _args: &[Obj]) -> PyResult<Obj> {
    vm.new_int(wrap(since_start().as_micros()))
}

/// `ticks_diff(end, start)`: the signed distance on the wrapping counter.
fn ticks_diff(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    let end = vm.int_arg(args[0])?;
    let start = vm.int_arg(args[1])?;
    let half = TICKS_PERIOD / 2;
    vm.new_int(((end.wrapping_sub(start).wrapping_add(half)) & (TICKS_PERIOD - 1)) - half)
}

fn ticks_add(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    let t = vm.int_arg(args[0])?;
    let delta = vm.int_arg(args[1])?;
    // ticks_diff must be able to recover delta both ways (modtime.c).
    if delta <= -TICKS_PERIOD / 2 || delta >= TICKS_PERIOD / 2 {
        return Err(vm.raise_msg_str(crate::builtins::T_OVERFLOW_ERROR, "ticks interval overflow"));
    }
    vm.new_int(t.wrapping_add(delta) & (TICKS_PERIOD - 1))
}
