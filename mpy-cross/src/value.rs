//! Compile-time constant values (the objects held by `RULE_const_object` nodes and the
//! constant table; after py/obj.h and `strictly_equal` in py/emitcommon.c).

use num_bigint::BigInt;

/// A constant Python object known at compile time.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    /// `None`.
    None,
    /// `False`.
    False,
    /// `True`.
    True,
    /// `...`.
    Ellipsis,
    /// An int of any size.
    Int(BigInt),
    /// A float (double precision, as mpy-cross folds on the host).
    Float(f64),
    /// A complex number with a zero real part; the value is the imaginary part.
    Complex(f64),
    /// A str (UTF-8 as written in the source; the reference does not validate it).
    Str(Vec<u8>),
    /// A bytes object.
    Bytes(Vec<u8>),
    /// A tuple of constants.
    Tuple(Vec<ConstValue>),
    /// `&mp_fun_table`, the first constant of a module with native code
    /// (`MP_PERSISTENT_OBJ_FUN_TABLE`); equal only to itself.
    FunTable,
}

impl ConstValue {
    /// Equality as the constant table deduplicates (`strictly_equal` in py/emitcommon.c):
    /// the exact type must match, tuples compare element by element, and `0.0`/`-0.0`
    /// are different. NaNs compare by bits so a constant is always equal to itself.
    #[must_use]
    pub fn strictly_equal(&self, other: &ConstValue) -> bool {
        match (self, other) {
            (Self::None, Self::None)
            | (Self::False, Self::False)
            | (Self::True, Self::True)
            | (Self::Ellipsis, Self::Ellipsis)
            | (Self::FunTable, Self::FunTable) => true,
            (Self::Int(a), Self::Int(b)) => a == b,
            (Self::Float(a), Self::Float(b)) | (Self::Complex(a), Self::Complex(b)) => {
                float_strictly_equal(*a, *b)
            }
            (Self::Str(a), Self::Str(b)) | (Self::Bytes(a), Self::Bytes(b)) => a == b,
            (Self::Tuple(a), Self::Tuple(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.strictly_equal(y))
            }
            _ => false,
        }
    }

    /// Python truthiness (`mp_obj_is_true`).
    #[must_use]
    pub fn is_true(&self) -> bool {
        match self {
            Self::None | Self::False => false,
            Self::True | Self::Ellipsis | Self::FunTable => true,
            Self::Int(i) => i.sign() != num_bigint::Sign::NoSign,
            Self::Float(f) | Self::Complex(f) => *f != 0.0,
            Self::Str(s) | Self::Bytes(s) => !s.is_empty(),
            Self::Tuple(t) => !t.is_empty(),
        }
    }

    /// True for ints and floats (`mp_parse_node_get_number_maybe`).
    #[must_use]
    pub fn is_number(&self) -> bool {
        matches!(self, Self::Int(_) | Self::Float(_))
    }
}

/// Floats are the same constant when they are equal and have the same sign (so `0.0` and
/// `-0.0` differ), or when both are NaN with the same bits.
fn float_strictly_equal(a: f64, b: f64) -> bool {
    if a.is_nan() || b.is_nan() {
        return a.to_bits() == b.to_bits();
    }
    a == b && a.is_sign_negative() == b.is_sign_negative()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_equality() {
        assert!(!ConstValue::Float(0.0).strictly_equal(&ConstValue::Float(-0.0)));
        assert!(ConstValue::Float(1.5).strictly_equal(&ConstValue::Float(1.5)));
        assert!(!ConstValue::Int(1.into()).strictly_equal(&ConstValue::Float(1.0)));
        assert!(!ConstValue::True.strictly_equal(&ConstValue::Int(1.into())));
        assert!(!ConstValue::Str(b"a".to_vec()).strictly_equal(&ConstValue::Bytes(b"a".to_vec())));
        let t1 = ConstValue::Tuple(vec![ConstValue::Int(1.into()), ConstValue::Float(0.0)]);
        let t2 = ConstValue::Tuple(vec![ConstValue::Int(1.into()), ConstValue::Float(-0.0)]);
        assert!(!t1.strictly_equal(&t2));
        assert!(t1.strictly_equal(&t1.clone()));
    }
}
