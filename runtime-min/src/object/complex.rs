//! The `complex` type (after py/objcomplex.c): a heap block of two f64 (real, imaginary);
//! arithmetic with ints, floats and complexes, unary operations, printing, construction from
//! numbers and text. Without the `complex` feature there are no complex objects: a complex
//! constant raises `NotImplementedError`, a negative float to a fractional power
//! `ValueError`, as in a MicroPython build without `MICROPY_PY_BUILTINS_COMPLEX`.

use super::float_math::sqrt;
use super::*;
use crate::builtins as b;
use crate::object::print::{NumBuf, Sink};
use mpy_format::opcode::{BinaryOp, UnaryOp};

impl Vm<'_> {
    /// A new `complex` object.
    pub(crate) fn new_complex(&mut self, real: f64, imag: f64) -> PyResult<Obj> {
        if !cfg!(feature = "complex") {
            return Err(self.no_complex());
        }
        let o = self.alloc(Kind::Complex, 4)?;
        for (i, v) in [real.to_bits(), imag.to_bits()].into_iter().enumerate() {
            #[allow(clippy::cast_possible_truncation)]
            {
                let i = 2 * i as u32;
                self.heap.set(o, i, v as u32);
                self.heap.set(o, i + 1, (v >> 32) as u32);
            }
        }
        Ok(Obj::heap(o))
    }

    /// The error for a complex value in a build without the `complex` feature (parsenum.c's).
    #[cold]
    fn no_complex(&mut self) -> crate::vm::Raised {
        self.raise_msg_str(b::T_VALUE_ERROR, "complex values not supported")
    }

    /// The (real, imaginary) parts of a `complex` object.
    pub(crate) fn complex_value(&self, o: Obj) -> Option<(f64, f64)> {
        if !cfg!(feature = "complex") || !self.is_kind(o, Kind::Complex) {
            return None;
        }
        let word = |i: u32| {
            let lo = u64::from(self.heap.get(o.bits(), i));
            let hi = u64::from(self.heap.get(o.bits(), i + 1));
            f64::from_bits(lo | (hi << 32))
        };
        Some((word(0), word(2)))
    }

    /// `mp_obj_get_complex_maybe`: a complex, float, int or bool as (real, imaginary).
    fn as_complex(&self, o: Obj) -> Option<(f64, f64)> {
        if let Some(c) = self.complex_value(o) {
            return Some(c);
        }
        #[allow(clippy::cast_precision_loss)]
        let real = self
            .float_of(o)
            .or_else(|| self.int_to_i64(o).map(|v| v as f64))?;
        Some((real, 0.0))
    }

    /// `mp_obj_get_complex`: a number, or an instance whose `__float__` gives a float or
    /// whose `__complex__` gives a complex; else `TypeError`.
    pub(crate) fn get_complex(&mut self, x: Obj) -> PyResult<(f64, f64)> {
        if let Some(z) = self.complex_value(x) {
            return Ok(z);
        }
        if let Some(real) = self.float_maybe(x)? {
            return Ok((real, 0.0));
        }
        if self.is_kind(x, Kind::Instance) {
            if let Some(z) = self.call_special(x, "__complex__", &[])? {
                if let Some(z) = self.complex_value(z) {
                    return Ok(z);
                }
            }
        }
        let t = self.type_name(x);
        Err(self.raise_parts(b::T_TYPE_ERROR, &[&"can't convert ", &t, &" to complex"]))
    }

    /// `mp_obj_get_float_maybe`: an int, bool or float, or an instance whose `__float__`
    /// gives a float.
    fn float_maybe(&mut self, x: Obj) -> PyResult<Option<f64>> {
        if let Some((real, _)) = self
            .as_complex(x)
            .filter(|_| self.complex_value(x).is_none())
        {
            return Ok(Some(real));
        }
        if self.is_kind(x, Kind::Instance) {
            if let Some(f) = self.call_special(x, "__float__", &[])? {
                return Ok(self.float_value(f));
            }
        }
        Ok(None)
    }

    /// `a op b` where either is a complex (`mp_obj_complex_binary_op`); None when the other
    /// operand is not a number or the operation has no complex form.
    pub(crate) fn complex_binary(
        &mut self,
        op: BinaryOp,
        a: Obj,
        bo: Obj,
    ) -> PyResult<Option<Obj>> {
        if self.complex_value(a).is_none() && self.complex_value(bo).is_none() {
            return Ok(None);
        }
        let (Some((ar, ai)), Some((br, bi))) = (self.as_complex(a), self.as_complex(bo)) else {
            return Ok(None);
        };
        let (real, imag) = match op {
            BinaryOp::ADD => (ar + br, ai + bi),
            BinaryOp::SUBTRACT => (ar - br, ai - bi),
            BinaryOp::MULTIPLY => multiply(ar, ai, br, bi),
            BinaryOp::FLOOR_DIVIDE => {
                return Err(
                    self.raise_msg_str(b::T_TYPE_ERROR, "can't truncate-divide a complex number")
                )
            }
            BinaryOp::TRUE_DIVIDE => {
                if bi == 0.0 {
                    if br == 0.0 {
                        return Err(
                            self.raise_msg_str(b::T_ZERO_DIVISION_ERROR, "complex divide by zero")
                        );
                    }
                    (ar / br, ai / br)
                } else if br == 0.0 {
                    (ai / bi, -ar / bi)
                } else {
                    let len_sq = br * br + bi * bi;
                    multiply(ar, ai, br / len_sq, bi / -len_sq)
                }
            }
            BinaryOp::POWER => match complex_power(ar, ai, br, bi) {
                Some(r) => r,
                None => {
                    return Err(
                        self.raise_msg_str(b::T_ZERO_DIVISION_ERROR, "0.0 to a complex power")
                    )
                }
            },
            BinaryOp::EQUAL => return Ok(Some(Obj::bool(ar == br && ai == bi))),
            _ => return Ok(None),
        };
        self.new_complex(real, imag).map(Some)
    }

    /// `-z`, `+z`, `abs(z)` (`complex_unary_op`); None for the others.
    pub(crate) fn complex_unary(&mut self, op: UnaryOp, z: Obj) -> PyResult<Option<Obj>> {
        let Some((real, imag)) = self.complex_value(z) else {
            return Ok(None);
        };
        match op {
            UnaryOp::POSITIVE => Ok(Some(z)),
            UnaryOp::NEGATIVE => self.new_complex(-real, -imag).map(Some),
            _ => Ok(None),
        }
    }

    /// `abs(z)`: the float length.
    pub(crate) fn complex_abs(&mut self, z: Obj) -> PyResult<Option<Obj>> {
        match self.complex_value(z) {
            Some((real, imag)) => self.new_float(sqrt(real * real + imag * imag)).map(Some),
            None => Ok(None),
        }
    }

    /// `repr(z)`: `2j`, `(1+2j)`, `(-0-1j)` (`complex_print`: repr precision, no `.0`).
    pub(crate) fn print_complex(&mut self, sink: Sink, real: f64, imag: f64) -> PyResult<()> {
        let mut nb = NumBuf::new();
        let sign = if real == 0.0 {
            0
        } else {
            nb.push(b'(');
            super::float_text::format_float(real, b'g', super::float_text::REPR_PREC, 0, &mut nb);
            b'+'
        };
        super::float_text::format_float(imag, b'g', super::float_text::REPR_PREC, sign, &mut nb);
        nb.push_str(if real == 0.0 { "j" } else { "j)" });
        self.sink_write(sink, nb.as_bytes())
    }

    /// `complex(...)` (`complex_make_new`).
    pub(crate) fn construct_complex(&mut self, args: &[Obj]) -> PyResult<Obj> {
        // mp_obj_get_float.
        let real_of = |vm: &mut Self, o: Obj| -> PyResult<f64> {
            match vm.float_maybe(o)? {
                Some(real) => Ok(real),
                None => {
                    let t = vm.type_name(o);
                    Err(vm.raise_parts(b::T_TYPE_ERROR, &[&"can't convert ", &t, &" to float"]))
                }
            }
        };
        match *args {
            [] => self.new_complex(0.0, 0.0),
            [x] => {
                if let Some(text) = self.str_data(x) {
                    return match super::float_text::parse_complex(text) {
                        Some((real, imag)) => self.new_complex(real, imag),
                        None => {
                            Err(self.raise_msg_str(b::T_VALUE_ERROR, "invalid syntax for number"))
                        }
                    };
                }
                if self.complex_value(x).is_some() {
                    return Ok(x);
                }
                let (real, imag) = self.get_complex(x)?;
                self.new_complex(real, imag)
            }
            [x, y, ..] => {
                let (mut real, mut imag) = match self.complex_value(x) {
                    Some(c) => c,
                    None => (real_of(self, x)?, 0.0),
                };
                match self.complex_value(y) {
                    Some((r2, i2)) => {
                        real -= i2;
                        imag += r2;
                    }
                    None => imag += real_of(self, y)?,
                }
                self.new_complex(real, imag)
            }
        }
    }
}

/// (a + bi)(c + di), in `mp_obj_complex_binary_op`'s order of operations.
fn multiply(a: f64, b: f64, c: f64, d: f64) -> (f64, f64) {
    (a * c - b * d, a * d + b * c)
}

/// z1 ** z2 = exp(z2 * ln(z1)), as `mp_obj_complex_binary_op` computes it; None for zero to
/// a power with an imaginary or negative real part.
#[cfg(feature = "complex")]
fn complex_power(ar: f64, ai: f64, br: f64, bi: f64) -> Option<(f64, f64)> {
    use super::float_math::{exp, ln};
    use super::float_trig::{atan2, cos, sin};
    let abs1 = sqrt(ar * ar + ai * ai);
    if abs1 == 0.0 {
        if bi == 0.0 && br >= 0.0 {
            return Some((if br == 0.0 { 1.0 } else { 0.0 }, ai));
        }
        return None;
    }
    let ln1 = ln(abs1);
    let arg1 = atan2(ai, ar);
    let x3 = br * ln1 - bi * arg1;
    let y3 = bi * ln1 + br * arg1;
    let exp_x3 = exp(x3);
    Some((exp_x3 * cos(y3), exp_x3 * sin(y3)))
}

impl Vm<'_> {
    /// A negative float to a fractional power: the complex result of
    /// `mp_obj_complex_binary_op(POWER, x, 0, y)` (objfloat.c).
    pub(crate) fn complex_real_power(&mut self, x: f64, y: f64) -> PyResult<Obj> {
        if !cfg!(feature = "complex") {
            return Err(self.no_complex());
        }
        match complex_power(x, 0.0, y, 0.0) {
            Some((real, imag)) => self.new_complex(real, imag),
            None => Err(self.raise_msg_str(b::T_ZERO_DIVISION_ERROR, "0.0 to a complex power")),
        }
    }
}

/// Without the `complex` feature no complex value is ever made.
#[cfg(not(feature = "complex"))]
fn complex_power(_: f64, _: f64, _: f64, _: f64) -> Option<(f64, f64)> {
    None
}
