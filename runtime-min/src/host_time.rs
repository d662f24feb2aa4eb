//! A `time` module for hosts (the `std` feature; `mpy-run` registers it): the functions
//! MicroPython's ports have (after extmod/modtime.c and ports/unix/modtime.c), on the host's
//! clock; `gmtime` / `localtime` / `mktime` (UTC) follow shared/timeutils/timeutils.c.
//! A firmware registers its own `time` over its timers instead (see the example).

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
    NativeFn::var("gmtime", 0, 1, gmtime),
    NativeFn::var("localtime", 0, 1, gmtime),
    NativeFn::new("mktime", 1, mktime),
];

/// The port clock of a host [`crate::Output`] ([`crate::Output::ticks_ms`]): the
/// milliseconds of `time.ticks_ms()`, unwrapped to 32 bits.
#[must_use]
pub fn port_ticks_ms() -> u32 {
    #[allow(clippy::cast_possible_truncation)]
    let ms = since_start().as_millis() as u32;
    ms
}

/// The idle wait of a host [`crate::Output`] ([`crate::Output::wait_event`]): sleep a
/// millisecond at most, so `select.poll` looks at its streams again every millisecond, as
/// MicroPython's unix port does for streams without a file descriptor.
pub fn port_wait_event(ms: Option<u32>) {
    if ms != Some(0) {
        std::thread::sleep(Duration::from_millis(1));
    }
}

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

// ----- calendar (shared/timeutils/timeutils.c without the Y2100 / Y1969 options: unsigned
// 32-bit seconds since 1970, every fourth year a leap year) -----

/// Days before each month (1-based index) in a common year.
const DAYS_BEFORE: [u16; 13] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

fn days_in_month(year: i64, month: i64) -> i64 {
    let m = usize::try_from(month.clamp(1, 12)).unwrap_or(1);
    i64::from(DAYS_BEFORE[m] - DAYS_BEFORE[m - 1]) + i64::from(month == 2 && year % 4 == 0)
}

/// Day of the year, 1..=366.
fn year_day(year: i64, month: i64, mday: i64) -> i64 {
    let m = usize::try_from(month.clamp(1, 12)).unwrap_or(1);
    i64::from(DAYS_BEFORE[m - 1]) + mday + i64::from(month >= 3 && year % 4 == 0)
}

/// `gmtime([secs])` / `localtime([secs])`: (year, month, mday, hour, minute, second,
/// weekday, yearday); seconds outside 0..2**32 are clamped, as the reference's unsigned
/// timestamps.
fn gmtime(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    let secs = match args.first().filter(|a| **a != Obj::NONE) {
        #[allow(clippy::cast_possible_truncation)]
        Some(&a) => match vm.int_to_i64(a) {
            Some(v) => v,
            None => vm.float_arg(a)? as i64,
        },
        None => i64::try_from(since_epoch().as_secs()).unwrap_or(0),
    }
    .clamp(0, i64::from(u32::MAX));
    let mut days = secs / 86400;
    let rem = secs % 86400;
    let wday = (days + 3) % 7;
    // Count from the leap day of 1968 in four-year cycles.
    days += 365 + 366 - (31 + 29);
    let cycles = days / (365 * 4 + 1);
    days -= cycles * (365 * 4 + 1);
    let years = (days / 365).min(3);
    days -= years * 365;
    let mut year = 1968 + years + 4 * cycles;
    // Months from March.
    let mut month = 0;
    for len in [31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 29] {
        if days < len {
            break;
        }
        days -= len;
        month += 1;
    }
    month += 2;
    if month >= 12 {
        month -= 12;
        year += 1;
    }
    let (mon, mday) = (month + 1, days + 1);
    let fields = [
        year,
        mon,
        mday,
        rem / 3600,
        rem / 60 % 60,
        rem % 60,
        wday,
        year_day(year, mon, mday),
    ];
    let mut objs = [Obj::NONE; 8];
    for (o, v) in objs.iter_mut().zip(fields) {
        *o = Obj::small_sat(v);
    }
    vm.new_tuple_from(&objs)
}

/// `mktime(tuple)`: seconds since 1970 of a (normalized) 8- or 9-tuple, wrapped to 32 bits.
fn mktime(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    let parts = vm.seq_parts_or_raise(args[0])?;
    if !(8..=9).contains(&parts.2) {
        return Err(vm.raise_msg_str(
            crate::builtins::T_TYPE_ERROR,
            "mktime needs a tuple of length 8 or 9",
        ));
    }
    let mut f = [0i64; 6];
    for (i, slot) in (0u32..).zip(f.iter_mut()) {
        let o = vm
            .seq_parts(args[0])
            .map_or(Obj::NONE, |p| vm.seq_get(p, i));
        *slot = vm.get_int(o)?;
    }
    let [mut year, mut month, mut mday, mut hours, mut minutes, mut seconds] =
        f.map(|v| v.clamp(-(1 << 24), 1 << 24));
    minutes += seconds.div_euclid(60);
    seconds = seconds.rem_euclid(60);
    hours += minutes.div_euclid(60);
    minutes = minutes.rem_euclid(60);
    mday += hours.div_euclid(24);
    hours = hours.rem_euclid(24);
    month -= 1;
    year += month.div_euclid(12);
    month = month.rem_euclid(12) + 1;
    // Day overflow a month at a time (bounded: far-off days are not meaningful here).
    let mut guard = 0;
    while mday < 1 && guard < 100_000 {
        month -= 1;
        if month == 0 {
            month = 12;
            year -= 1;
        }
        mday += days_in_month(year, month);
        guard += 1;
    }
    while mday > days_in_month(year, month) && guard < 100_000 {
        mday -= days_in_month(year, month);
        month += 1;
        if month == 13 {
            month = 1;
            year += 1;
        }
        guard += 1;
    }
    let days = (year - 1970) * 365 + (year - 1969).div_euclid(4) + year_day(year, month, mday) - 1;
    let secs = days * 86400 + hours * 3600 + minutes * 60 + seconds;
    #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
    vm.new_int(i64::from(secs as u32))
}
