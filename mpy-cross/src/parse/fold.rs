//! Compile-time arithmetic for constant folding (after `fold_constants` in py/parse.c and
//! the int/float paths of `mp_binary_op` / `mp_unary_op`: py/runtime.c, py/objint_mpz.c,
//! py/objfloat.c, py/mpz.c).
//!
//! Every operation returns `None` where the reference raises (and so does not fold): division
//! by zero, negative shift counts, complex results, unsupported operand types, and results too
//! large for the reference's 2 MB heap.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::value::ConstValue;

/// A binary operator, in `mp_binary_op_t` order from `MP_BINARY_OP_OR` (the same order as
/// the tokens `OP_PIPE`..`OP_DBL_STAR`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum BinOp {
    Or,
    Xor,
    And,
    LShift,
    RShift,
    Add,
    Subtract,
    Multiply,
    MatMultiply,
    FloorDivide,
    TrueDivide,
    Modulo,
    Power,
}

impl BinOp {
    /// The operator for a token offset from `OP_PIPE`.
    pub(crate) fn from_offset(offset: usize) -> Option<BinOp> {
        use BinOp::*;
        [
            Or,
            Xor,
            And,
            LShift,
            RShift,
            Add,
            Subtract,
            Multiply,
            MatMultiply,
            FloorDivide,
            TrueDivide,
            Modulo,
            Power,
        ]
        .get(offset)
        .copied()
    }
}

/// A unary operator that the parser folds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum UnaryOp {
    Positive,
    Negative,
    Invert,
}

/// Largest int result (in bits) the fold produces; the reference runs out of its 2 MB heap
/// (and so does not fold) well before results this large.
const MAX_RESULT_BITS: u64 = 1 << 23;

/// The host's small-int range (63-bit on a 64-bit host): such ints take the fast paths of
/// `mp_binary_op`, which convert to float with a plain (correctly rounded) cast.
fn is_host_small(v: &BigInt) -> bool {
    v.to_i64()
        .is_some_and(|x| (-(1i64 << 62)..(1i64 << 62)).contains(&x))
}

/// `mpz_as_float`: Horner's rule over the mpz digits in double precision (not always
/// correctly rounded). The oracle is an x86-64 build, where `MPZ_DIG_SIZE` is 32 (`py/mpz.h`).
pub(crate) fn mpz_as_float(v: &BigInt) -> f64 {
    let (sign, digits32) = v.to_u32_digits();
    let mut val = 0.0f64;
    for &d in digits32.iter().rev() {
        val = val * 4_294_967_296.0 + f64::from(d);
    }
    if sign == num_bigint::Sign::Minus {
        -val
    } else {
        val
    }
}

/// Int to float as the reference's path for that operand does.
fn int_to_float(v: &BigInt, via_mpz: bool) -> f64 {
    if via_mpz {
        mpz_as_float(v)
    } else {
        // a C cast from mp_int_t: correctly rounded
        v.to_i64().map_or_else(|| mpz_as_float(v), |x| x as f64)
    }
}

/// `lhs op rhs` for int/float constants, or `None` if the reference would not fold it.
pub(crate) fn binary_op(op: BinOp, lhs: &ConstValue, rhs: &ConstValue) -> Option<ConstValue> {
    match (lhs, rhs) {
        (ConstValue::Int(a), ConstValue::Int(b)) => int_binary_op(op, a, b),
        (ConstValue::Int(a), ConstValue::Float(b)) => {
            // small: cast; mpz: mpz_as_float
            float_binary_op(op, int_to_float(a, !is_host_small(a)), *b)
        }
        (ConstValue::Float(a), ConstValue::Int(b)) => {
            float_binary_op(op, *a, int_to_float(b, !is_host_small(b)))
        }
        (ConstValue::Float(a), ConstValue::Float(b)) => float_binary_op(op, *a, *b),
        _ => None,
    }
}

fn int_binary_op(op: BinOp, a: &BigInt, b: &BigInt) -> Option<ConstValue> {
    let both_small = is_host_small(a) && is_host_small(b);
    let int = |v: BigInt| Some(ConstValue::Int(v));
    match op {
        BinOp::Or => int(a | b),
        BinOp::Xor => int(a ^ b),
        BinOp::And => int(a & b),
        BinOp::LShift | BinOp::RShift => {
            // mp_obj_int_get_checked: the count must fit a machine word
            let count = b.to_i64()?;
            if count < 0 {
                return None; // negative shift count
            }
            if op == BinOp::LShift {
                if a.is_zero() {
                    return int(BigInt::zero());
                }
                if a.bits().saturating_add(count.unsigned_abs()) > MAX_RESULT_BITS {
                    return None;
                }
                int(a << usize::try_from(count).ok()?)
            } else {
                let count = usize::try_from(count)
                    .unwrap_or(usize::MAX)
                    .min(usize::try_from(a.bits() + 1).ok()?);
                // floor semantics, like Python
                int(a >> count)
            }
        }
        BinOp::Add => int(a + b),
        BinOp::Subtract => int(a - b),
        BinOp::Multiply => {
            if a.bits() + b.bits() > MAX_RESULT_BITS {
                return None;
            }
            int(a * b)
        }
        BinOp::MatMultiply => None,
        BinOp::FloorDivide => {
            if b.is_zero() {
                return None;
            }
            int(a.div_floor(b))
        }
        BinOp::Modulo => {
            if b.is_zero() {
                return None;
            }
            int(a.mod_floor(b))
        }
        BinOp::TrueDivide => {
            if b.is_zero() {
                return None;
            }
            let (x, y) = if both_small {
                (int_to_float(a, false), int_to_float(b, false))
            } else {
                (mpz_as_float(a), mpz_as_float(b))
            };
            Some(ConstValue::Float(x / y))
        }
        BinOp::Power => {
            if b.is_negative() {
                let x = if both_small {
                    int_to_float(a, false)
                } else {
                    mpz_as_float(a)
                };
                let y = int_to_float(b, !is_host_small(b));
                return float_binary_op(op, x, y);
            }
            let exp = b.to_u64()?;
            let base_bits = a.bits();
            if base_bits > 1 && base_bits.saturating_sub(1).saturating_mul(exp) > MAX_RESULT_BITS {
                return None;
            }
            if base_bits <= 1 {
                // 0, 1 and -1
                let r = if exp == 0 {
                    BigInt::from(1)
                } else if a.is_negative() && exp % 2 == 0 {
                    -a.clone()
                } else {
                    a.clone()
                };
                return int(r);
            }
            int(num_traits::pow(a.clone(), usize::try_from(exp).ok()?))
        }
    }
}

/// `mp_obj_float_binary_op`, `None` where it raises, returns complex or is unsupported.
fn float_binary_op(op: BinOp, lhs: f64, rhs: f64) -> Option<ConstValue> {
    let v = match op {
        BinOp::Add => lhs + rhs,
        BinOp::Subtract => lhs - rhs,
        BinOp::Multiply => lhs * rhs,
        BinOp::FloorDivide => {
            if rhs == 0.0 {
                return None;
            }
            float_divmod(lhs, rhs).0
        }
        BinOp::TrueDivide => {
            if rhs == 0.0 {
                return None;
            }
            lhs / rhs
        }
        BinOp::Modulo => {
            if rhs == 0.0 {
                return None;
            }
            let mut m = libm_fmod(lhs, rhs);
            if m == 0.0 {
                m = 0.0f64.copysign(rhs);
            } else if (m < 0.0) != (rhs < 0.0) {
                m += rhs;
            }
            m
        }
        BinOp::Power => {
            if lhs == 0.0 && rhs < 0.0 && !rhs.is_infinite() {
                return None; // ZeroDivisionError
            }
            if lhs < 0.0 && rhs != rhs.floor() && !rhs.is_nan() {
                return None; // complex result
            }
            lhs.powf(rhs)
        }
        _ => return None,
    };
    Some(ConstValue::Float(v))
}

/// C `fmod` (Rust's `%` on floats is the same operation).
fn libm_fmod(x: f64, y: f64) -> f64 {
    x % y
}

/// `mp_obj_float_divmod`: (floor quotient, modulo) with CPython's sign rules.
fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = libm_fmod(x, y);
    let mut div = (x - m) / y;
    if m == 0.0 {
        m = 0.0f64.copysign(y);
    } else if (m < 0.0) != (y < 0.0) {
        m += y;
        div -= 1.0;
    }
    let floordiv = if div == 0.0 {
        0.0f64.copysign(x / y)
    } else {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    };
    (floordiv, m)
}

/// `op arg` for an int/float constant (`~` only on ints), or `None`.
pub(crate) fn unary_op(op: UnaryOp, arg: &ConstValue) -> Option<ConstValue> {
    match (op, arg) {
        (UnaryOp::Positive, ConstValue::Int(_) | ConstValue::Float(_)) => Some(arg.clone()),
        (UnaryOp::Negative, ConstValue::Int(i)) => Some(ConstValue::Int(-i)),
        (UnaryOp::Negative, ConstValue::Float(f)) => Some(ConstValue::Float(-f)),
        (UnaryOp::Invert, ConstValue::Int(i)) => Some(ConstValue::Int(!i.clone())),
        _ => None,
    }
}

/// Value of `math.<attr>` for the module constants the parser folds (`mp_constants_table`:
/// only `math` in mpy-cross), if `attr` names a number.
pub(crate) fn math_constant(attr: &[u8]) -> Option<ConstValue> {
    let v = match attr {
        b"e" => core::f64::consts::E,
        b"pi" => core::f64::consts::PI,
        b"tau" => core::f64::consts::TAU,
        b"inf" => f64::INFINITY,
        b"nan" => f64::NAN,
        _ => return None,
    };
    Some(ConstValue::Float(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(v: i64) -> ConstValue {
        ConstValue::Int(v.into())
    }

    #[test]
    fn mpz_as_float_uses_32_bit_digits() {
        // Horner's rule over 32-bit digits (the x86-64 oracle) rounds this to ...149e21;
        // 16-bit digits would give ...148e21 (found by differential fuzzing).
        let v: BigInt = "1137452498896014919956".parse().expect("int");
        assert_eq!(mpz_as_float(&v), 1.137_452_498_896_014_9e21);
        assert_eq!(
            binary_op(BinOp::TrueDivide, &i(7), &ConstValue::Int(v)),
            Some(ConstValue::Float(6.154_103_144_345_841e-21))
        );
    }

    #[test]
    fn int_ops_follow_python() {
        assert_eq!(binary_op(BinOp::FloorDivide, &i(-7), &i(2)), Some(i(-4)));
        assert_eq!(binary_op(BinOp::Modulo, &i(-7), &i(2)), Some(i(1)));
        assert_eq!(binary_op(BinOp::FloorDivide, &i(1), &i(0)), None);
        assert_eq!(binary_op(BinOp::LShift, &i(1), &i(-1)), None);
        assert_eq!(binary_op(BinOp::RShift, &i(-5), &i(100)), Some(i(-1)));
        assert_eq!(
            binary_op(BinOp::TrueDivide, &i(10), &i(4)),
            Some(ConstValue::Float(2.5))
        );
        assert_eq!(
            binary_op(BinOp::Power, &i(2), &i(-1)),
            Some(ConstValue::Float(0.5))
        );
        assert_eq!(binary_op(BinOp::Power, &i(0), &i(-1)), None);
        assert_eq!(binary_op(BinOp::MatMultiply, &i(2), &i(3)), None);
        assert_eq!(binary_op(BinOp::Or, &i(1), &ConstValue::Float(2.0)), None);
        assert_eq!(binary_op(BinOp::LShift, &i(1), &i(100_000_000)), None);
        let big = binary_op(BinOp::Power, &i(2), &i(100)).unwrap();
        assert_eq!(big, ConstValue::Int(BigInt::from(1u128 << 100)));
    }

    #[test]
    fn float_ops() {
        assert_eq!(
            binary_op(
                BinOp::Power,
                &ConstValue::Float(-8.0),
                &ConstValue::Float(0.5)
            ),
            None
        );
        assert_eq!(
            binary_op(BinOp::Modulo, &ConstValue::Float(-1.0), &i(3)),
            Some(ConstValue::Float(2.0))
        );
        assert_eq!(
            binary_op(
                BinOp::FloorDivide,
                &ConstValue::Float(7.0),
                &ConstValue::Float(2.0)
            ),
            Some(ConstValue::Float(3.0))
        );
        assert_eq!(unary_op(UnaryOp::Invert, &ConstValue::Float(1.0)), None);
    }
}
