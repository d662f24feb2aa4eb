//! The `math` module's functions (after py/modmath.c), with self-contained float routines
//! (no libm). Only built with the `float` feature.

use super::funcs::check_n;
use super::*;
use crate::object::float_math::{exp, ldexp, ln, log10, log2, powf, two_prod};

fn float_arg(vm: &mut Vm<'_>, a: &Args, i: u32) -> PyResult<f64> {
    vm.float_arg(vm.arg(a, i))
}

fn math1(vm: &mut Vm<'_>, a: &Args, f: fn(f64) -> f64) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let x = float_arg(vm, a, 0)?;
    let r = f(x);
    if (r.is_nan() && !x.is_nan()) || (r.is_infinite() && !x.is_infinite()) {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "math domain error"));
    }
    vm.new_float(r)
}

fn math2(vm: &mut Vm<'_>, a: &Args, f: fn(f64, f64) -> f64) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let x = float_arg(vm, a, 0)?;
    let y = float_arg(vm, a, 1)?;
    let r = f(x, y);
    if (r.is_nan() && !x.is_nan() && !y.is_nan())
        || (r.is_infinite() && !x.is_infinite() && !y.is_infinite())
    {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "math domain error"));
    }
    vm.new_float(r)
}

/// Correctly rounded square root (Newton iteration, then an exact ±1 ulp correction).
pub(crate) fn sqrt(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 || x.is_infinite() {
        return x;
    }
    let mut r = f64::from_bits((x.to_bits() >> 1) + 0x1ff8_0000_0000_0000);
    for _ in 0..8 {
        r = 0.5 * (r + x / r);
    }
    // Pick among neighbours the one whose square is nearest to x (exact via two-product).
    let residual = |c: f64| {
        let (p, e) = two_prod(c, c);
        ((p - x) + e).abs()
    };
    let mut best = r;
    for c in [
        f64::from_bits(r.to_bits() - 1),
        f64::from_bits(r.to_bits() + 1),
    ] {
        if residual(c) < residual(best) {
            best = c;
        }
    }
    best
}

pub(super) fn m_sqrt(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, sqrt)
}

fn to_int_result(vm: &mut Vm<'_>, f: f64) -> PyResult<Obj> {
    vm.int_from_float(f)
}

pub(super) fn m_floor(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let x = float_arg(vm, a, 0)?;
    to_int_result(vm, crate::object::ops::floor(x))
}

pub(super) fn m_ceil(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let x = float_arg(vm, a, 0)?;
    to_int_result(vm, -crate::object::ops::floor(-x))
}

pub(super) fn m_trunc(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let x = float_arg(vm, a, 0)?;
    to_int_result(vm, crate::object::ops::trunc(x))
}

pub(super) fn m_fabs(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, f64::abs)
}

pub(super) fn m_fmod(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math2(vm, a, crate::object::ops::fmod)
}

pub(super) fn m_copysign(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math2(vm, a, f64::copysign)
}

pub(super) fn m_pow(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math2(vm, a, powf)
}

pub(super) fn m_exp(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, exp)
}

pub(super) fn m_log(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 2)?;
    let x = float_arg(vm, a, 0)?;
    if x <= 0.0 {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "math domain error"));
    }
    let r = if a.n_pos == 2 {
        let b = float_arg(vm, a, 1)?;
        if b <= 0.0 {
            return Err(vm.raise_msg_str(T_VALUE_ERROR, "math domain error"));
        }
        if b == 1.0 {
            return Err(vm.raise_msg_str(T_ZERO_DIVISION_ERROR, "divide by zero"));
        }
        ln(x) / ln(b)
    } else {
        ln(x)
    };
    vm.new_float(r)
}

pub(super) fn m_log10(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| if x <= 0.0 { f64::NAN } else { log10(x) })
}

pub(super) fn m_log2(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| if x <= 0.0 { f64::NAN } else { log2(x) })
}

/// sin and cos by range reduction to [-pi/4, pi/4] and Taylor series.
fn sin_cos(x: f64) -> (f64, f64) {
    if !x.is_finite() {
        return (f64::NAN, f64::NAN);
    }
    let half_pi = core::f64::consts::FRAC_PI_2;
    let k = crate::object::ops::floor(x / half_pi + 0.5);
    // Two-part pi/2 for a more accurate reduction.
    let r = (x - k * core::f64::consts::FRAC_PI_2) - k * 6.123_233_995_736_766e-17;
    let r2 = r * r;
    let mut s = r;
    let mut term = r;
    let mut c = 1.0;
    let mut cterm = 1.0;
    for i in 1..12 {
        let fi = f64::from(i);
        term *= -r2 / ((2.0 * fi) * (2.0 * fi + 1.0));
        s += term;
        cterm *= -r2 / ((2.0 * fi - 1.0) * (2.0 * fi));
        c += cterm;
    }
    #[allow(clippy::cast_possible_truncation)]
    let q = (k as i64).rem_euclid(4);
    match q {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

pub(super) fn m_sin(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| if x == 0.0 { x } else { sin_cos(x).0 })
}

pub(super) fn m_cos(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| sin_cos(x).1)
}

pub(super) fn m_tan(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| {
        let (s, c) = sin_cos(x);
        s / c
    })
}

/// atan by argument reduction and series.
fn atan(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x < 0.0 {
        return -atan(-x);
    }
    if x > 1.0 {
        return core::f64::consts::FRAC_PI_2 - atan(1.0 / x);
    }
    // Reduce further: atan(x) = 2 atan(x / (1 + sqrt(1 + x^2)))
    let y = x / (1.0 + sqrt(1.0 + x * x));
    let y = y / (1.0 + sqrt(1.0 + y * y));
    let y2 = y * y;
    let mut term = y;
    let mut sum = 0.0;
    for i in 0..30 {
        sum += term / f64::from(2 * i + 1);
        term *= -y2;
    }
    4.0 * sum
}

/// `atan2` with C99's special values (NaN in, NaN out; infinities give multiples of π/4;
/// signed zeros pick the half-plane).
fn atan2(y: f64, x: f64) -> f64 {
    use core::f64::consts::{FRAC_PI_2, FRAC_PI_4, PI};
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    let angle = if y.is_infinite() {
        if x.is_infinite() {
            if x > 0.0 {
                FRAC_PI_4
            } else {
                3.0 * FRAC_PI_4
            }
        } else {
            FRAC_PI_2
        }
    } else if x.is_infinite() {
        if x > 0.0 {
            0.0
        } else {
            PI
        }
    } else if y == 0.0 {
        if x.is_sign_negative() {
            PI
        } else {
            0.0
        }
    } else if x == 0.0 {
        FRAC_PI_2
    } else if x > 0.0 {
        return atan(y / x);
    } else {
        PI - atan((y / x).abs()).abs()
    };
    angle.copysign(y)
}

pub(super) fn m_atan(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, atan)
}

pub(super) fn m_atan2(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math2(vm, a, atan2)
}

pub(super) fn m_asin(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| {
        if x.abs() > 1.0 {
            f64::NAN
        } else {
            atan2(x, sqrt(1.0 - x * x))
        }
    })
}

pub(super) fn m_acos(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| {
        if x.abs() > 1.0 {
            f64::NAN
        } else {
            atan2(sqrt(1.0 - x * x), x)
        }
    })
}

pub(super) fn m_degrees(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| x * (180.0 / core::f64::consts::PI))
}

pub(super) fn m_radians(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    math1(vm, a, |x| x * (core::f64::consts::PI / 180.0))
}

pub(super) fn m_isinf(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    Ok(Obj::bool(float_arg(vm, a, 0)?.is_infinite()))
}

pub(super) fn m_isnan(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    Ok(Obj::bool(float_arg(vm, a, 0)?.is_nan()))
}

pub(super) fn m_isfinite(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    Ok(Obj::bool(float_arg(vm, a, 0)?.is_finite()))
}

pub(super) fn m_modf(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let x = float_arg(vm, a, 0)?;
    let i = crate::object::ops::trunc(x);
    // C's modf: the fraction has x's sign, and is ±0 for integers and infinities.
    let fraction = if x.is_infinite() { 0.0 } else { x - i }.copysign(x);
    let fo = vm.new_float(fraction)?;
    vm.push_root(fo);
    let io = vm.new_float(i);
    let r = io.and_then(|io| {
        vm.push_root(io);
        let t = vm.new_tuple_from(&[fo, io]);
        vm.pop_root();
        t
    });
    vm.pop_root();
    r
}

pub(super) fn m_frexp(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let x = float_arg(vm, a, 0)?;
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        let mut e = 0i64;
        let mut m = x;
        while m.abs() >= 1.0 {
            m /= 2.0;
            e += 1;
        }
        while m.abs() < 0.5 {
            m *= 2.0;
            e -= 1;
        }
        (m, e)
    };
    let mo = vm.new_float(m)?;
    vm.push_root(mo);
    let t = vm.new_tuple_from(&[mo, Obj::small_sat(e)]);
    vm.pop_root();
    t
}

pub(super) fn m_ldexp(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let x = float_arg(vm, a, 0)?;
    let e = vm.get_int(vm.arg(a, 1))?;
    #[allow(clippy::cast_possible_truncation)]
    vm.new_float(ldexp(x, e.clamp(-4000, 4000) as i32))
}
