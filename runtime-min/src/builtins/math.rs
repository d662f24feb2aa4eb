//! The `math` module's functions (after py/modmath.c), with self-contained float routines
//! (no libm). Only built with the `float` feature.

use super::funcs::check_n;
use super::*;
use crate::object::float_math::{ldexp, ln};

fn float_arg(vm: &mut Vm<'_>, a: &Args, i: u32) -> PyResult<f64> {
    vm.float_arg(vm.arg(a, i))
}

/// A `math` function over floats; [`call`] checks and converts its arguments and result.
pub(crate) enum MathFn {
    /// Float to float (`sin`): `ValueError: math domain error` when it makes a NaN or an
    /// infinity from a finite argument.
    Float(fn(f64) -> f64),
    /// Float to float without that check (`degrees`, `radians`: modmath.c computes them
    /// directly, so an overflow is an infinity).
    Plain(fn(f64) -> f64),
    /// Two floats to a float (`atan2`), with the same domain check.
    Float2(fn(f64, f64) -> f64),
    /// Float to an int (`floor`): `OverflowError` / `ValueError` for infinities and NaN.
    ToInt(fn(f64) -> f64),
    /// Float to a bool (`isnan`).
    Test(fn(f64) -> bool),
}

/// Call `f` with the call's arguments `a`.
pub(super) fn call(vm: &mut Vm<'_>, a: &Args, f: &MathFn) -> PyResult<Obj> {
    match *f {
        MathFn::Float(f) => math1(vm, a, f),
        MathFn::Plain(f) => {
            check_n(vm, a, 1, 1)?;
            let x = float_arg(vm, a, 0)?;
            vm.new_float(f(x))
        }
        MathFn::Float2(f) => math2(vm, a, f),
        MathFn::ToInt(f) => {
            check_n(vm, a, 1, 1)?;
            let x = float_arg(vm, a, 0)?;
            vm.int_from_float(f(x))
        }
        MathFn::Test(f) => {
            check_n(vm, a, 1, 1)?;
            Ok(Obj::bool(f(float_arg(vm, a, 0)?)))
        }
    }
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

pub(super) fn m_modf(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let x = float_arg(vm, a, 0)?;
    let i = crate::object::ops::trunc(x);
    // C's modf: the fraction has x's sign, and is ±0 for integers and infinities.
    let fraction = if x.is_infinite() { 0.0 } else { x - i }.copysign(x);
    let fo = vm.new_float(fraction)?;
    vm.new_pair_with(fo, |vm| vm.new_float(i))
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
    vm.new_pair_with(mo, |_| Ok(Obj::small_sat(e)))
}

pub(super) fn m_ldexp(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let x = float_arg(vm, a, 0)?;
    let e = vm.get_int(vm.arg(a, 1))?;
    #[allow(clippy::cast_possible_truncation)]
    vm.new_float(ldexp(x, e.clamp(-4000, 4000) as i32))
}

pub(super) fn m_factorial(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let n = vm.get_int(vm.arg(a, 0))?;
    if n < 0 {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "negative factorial"));
    }
    let mut acc = crate::object::bigint::Big::from_i128(1);
    for i in 2..=n {
        acc = crate::object::bigint::Big::mul(
            &acc,
            &crate::object::bigint::Big::from_i128(i128::from(i)),
        )
        .ok_or_else(|| vm.big_overflow())?;
    }
    vm.new_big(&acc)
}

/// `math.isclose(a, b, *, rel_tol=1e-9, abs_tol=0)` (mp_math_isclose).
pub(super) fn m_isclose(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    // mp_arg_check_num_kw, then mp_arg_parse_all with two keyword-only arguments.
    if a.n_pos < 2 {
        return Err(vm.raise_parts(
            T_TYPE_ERROR,
            &[
                &"function missing ",
                &(2 - a.n_pos),
                &" required positional arguments",
            ],
        ));
    }
    if a.n_pos > 2 {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "extra positional arguments given"));
    }
    for k in 0..a.n_kw {
        let (name, _) = vm.kw_pair(a, k);
        if !matches!(vm.str_data(name), Some(b"rel_tol" | b"abs_tol")) {
            return Err(vm.raise_msg_str(T_TYPE_ERROR, "extra keyword arguments given"));
        }
    }
    let x = float_arg(vm, a, 0)?;
    let y = float_arg(vm, a, 1)?;
    let rel_tol = match vm.arg_kw(a, b"rel_tol") {
        Some(o) => vm.float_arg(o)?,
        None => 1e-9,
    };
    let abs_tol = match vm.arg_kw(a, b"abs_tol") {
        Some(o) => vm.float_arg(o)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "math domain error"));
    }
    if x == y {
        return Ok(Obj::bool(true));
    }
    let difference = (x - y).abs();
    if difference.is_infinite() {
        return Ok(Obj::bool(false));
    }
    Ok(Obj::bool(
        difference <= abs_tol
            || difference <= (rel_tol * x).abs()
            || difference <= (rel_tol * y).abs(),
    ))
}
