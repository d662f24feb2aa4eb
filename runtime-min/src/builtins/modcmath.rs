//! The `cmath` module (after py/modcmath.c): `phase`, `polar`, `rect`, and `exp`, `log`,
//! `log10`, `sqrt`, `cos`, `sin` of a complex, computed with the formulas MicroPython uses.

use super::funcs::check_n;
use super::*;
use crate::object::float_math::{exp, ln, log10, powf};
use crate::object::float_special::{cosh, sinh};
use crate::object::float_trig::{atan2, cos, sin};

/// A `cmath` function of one complex to a complex; [`call`] converts the argument.
pub(crate) type CmathFn = fn(f64, f64) -> (f64, f64);

/// Call `f` on the call's one argument, taken as a complex (`mp_obj_get_complex`).
pub(super) fn call(vm: &mut Vm<'_>, a: &Args, f: CmathFn) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let (real, imag) = vm.get_complex(vm.arg(a, 0))?;
    let (real, imag) = f(real, imag);
    vm.new_complex(real, imag)
}

pub(super) fn c_exp(real: f64, imag: f64) -> (f64, f64) {
    let e = exp(real);
    (e * cos(imag), e * sin(imag))
}

pub(super) fn c_log(real: f64, imag: f64) -> (f64, f64) {
    (0.5 * ln(real * real + imag * imag), atan2(imag, real))
}

pub(super) fn c_log10(real: f64, imag: f64) -> (f64, f64) {
    (
        0.5 * log10(real * real + imag * imag),
        core::f64::consts::LOG10_E * atan2(imag, real),
    )
}

pub(super) fn c_sqrt(real: f64, imag: f64) -> (f64, f64) {
    let sqrt_abs = powf(real * real + imag * imag, 0.25);
    let theta = 0.5 * atan2(imag, real);
    (sqrt_abs * cos(theta), sqrt_abs * sin(theta))
}

pub(super) fn c_cos(real: f64, imag: f64) -> (f64, f64) {
    (cos(real) * cosh(imag), -sin(real) * sinh(imag))
}

pub(super) fn c_sin(real: f64, imag: f64) -> (f64, f64) {
    (sin(real) * cosh(imag), cos(real) * sinh(imag))
}

/// `cmath.phase(z)`: the argument, a float.
pub(super) fn cmath_phase(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let (real, imag) = vm.get_complex(vm.arg(a, 0))?;
    vm.new_float(atan2(imag, real))
}

/// `cmath.polar(z)`: (modulus, phase).
pub(super) fn cmath_polar(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let (real, imag) = vm.get_complex(vm.arg(a, 0))?;
    let modulus = vm.new_float(crate::object::float_math::sqrt(real * real + imag * imag))?;
    vm.new_pair_with(modulus, |vm| vm.new_float(atan2(imag, real)))
}

/// `cmath.rect(r, phi)`: the complex of that modulus and phase.
pub(super) fn cmath_rect(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let r = vm.float_arg(vm.arg(a, 0))?;
    let phi = vm.float_arg(vm.arg(a, 1))?;
    vm.new_complex(r * cos(phi), r * sin(phi))
}
