//! Unary and binary operators for every built-in type and for instances with special
//! methods (after py/runtime.c `mp_binary_op`, py/objint.c, py/objfloat.c).

use crate::builtins as b;
use crate::heap::Kind;
use crate::obj::{Imm, Obj};
use crate::object::int::floor_divmod;
use crate::vm::{PyResult, Vm};
use core::cmp::Ordering;
use mpy_format::opcode::{BinaryOp, UnaryOp};

/// Special-method name of each binary operator (mp_binary_op_method_name).
pub(crate) const fn binary_op_name(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::LESS => "__lt__",
        BinaryOp::MORE => "__gt__",
        BinaryOp::EQUAL => "__eq__",
        BinaryOp::LESS_EQUAL => "__le__",
        BinaryOp::MORE_EQUAL => "__ge__",
        BinaryOp::NOT_EQUAL => "__ne__",
        BinaryOp::IN => "__contains__",
        BinaryOp::IS => "__is__",
        BinaryOp::EXCEPTION_MATCH => "__exc_match__",
        BinaryOp::INPLACE_OR => "__ior__",
        BinaryOp::INPLACE_XOR => "__ixor__",
        BinaryOp::INPLACE_AND => "__iand__",
        BinaryOp::INPLACE_LSHIFT => "__ilshift__",
        BinaryOp::INPLACE_RSHIFT => "__irshift__",
        BinaryOp::INPLACE_ADD => "__iadd__",
        BinaryOp::INPLACE_SUBTRACT => "__isub__",
        BinaryOp::INPLACE_MULTIPLY => "__imul__",
        BinaryOp::INPLACE_MAT_MULTIPLY => "__imatmul__",
        BinaryOp::INPLACE_FLOOR_DIVIDE => "__ifloordiv__",
        BinaryOp::INPLACE_TRUE_DIVIDE => "__itruediv__",
        BinaryOp::INPLACE_MODULO => "__imod__",
        BinaryOp::INPLACE_POWER => "__ipow__",
        BinaryOp::OR => "__or__",
        BinaryOp::XOR => "__xor__",
        BinaryOp::AND => "__and__",
        BinaryOp::LSHIFT => "__lshift__",
        BinaryOp::RSHIFT => "__rshift__",
        BinaryOp::ADD => "__add__",
        BinaryOp::SUBTRACT => "__sub__",
        BinaryOp::MULTIPLY => "__mul__",
        BinaryOp::MAT_MULTIPLY => "__matmul__",
        BinaryOp::FLOOR_DIVIDE => "__floordiv__",
        BinaryOp::TRUE_DIVIDE => "__truediv__",
        BinaryOp::MODULO => "__mod__",
        BinaryOp::POWER => "__pow__",
    }
}

/// Reflected special-method name (`__radd__`), for the arithmetic operators only: MicroPython
/// does not reflect comparisons (`5 < obj` with only `obj.__gt__` is a `TypeError`).
const fn reflected_name(op: BinaryOp) -> Option<&'static str> {
    Some(match op {
        BinaryOp::OR => "__ror__",
        BinaryOp::XOR => "__rxor__",
        BinaryOp::AND => "__rand__",
        BinaryOp::LSHIFT => "__rlshift__",
        BinaryOp::RSHIFT => "__rrshift__",
        BinaryOp::ADD => "__radd__",
        BinaryOp::SUBTRACT => "__rsub__",
        BinaryOp::MULTIPLY => "__rmul__",
        BinaryOp::FLOOR_DIVIDE => "__rfloordiv__",
        BinaryOp::TRUE_DIVIDE => "__rtruediv__",
        BinaryOp::MODULO => "__rmod__",
        BinaryOp::POWER => "__rpow__",
        _ => return None,
    })
}

fn ordering_result(op: BinaryOp, ord: Ordering) -> Option<bool> {
    Some(match op {
        BinaryOp::LESS => ord == Ordering::Less,
        BinaryOp::MORE => ord == Ordering::Greater,
        BinaryOp::LESS_EQUAL => ord != Ordering::Greater,
        BinaryOp::MORE_EQUAL => ord != Ordering::Less,
        BinaryOp::EQUAL => ord == Ordering::Equal,
        BinaryOp::NOT_EQUAL => ord != Ordering::Equal,
        _ => return None,
    })
}

impl<'a> Vm<'a> {
    #[inline(never)]
    pub(crate) fn unary_op(&mut self, op: UnaryOp, a: Obj) -> PyResult<Obj> {
        self.unary_op_inner(op, a)
    }

    /// `+a`, `-a`, `~a` of a big int (its digit buffers stay out of the callers' frames).
    #[inline(never)]
    fn big_unary(&mut self, op: UnaryOp, a: Obj) -> PyResult<Option<Obj>> {
        if !cfg!(feature = "bigint") {
            return Err(self.long_overflow());
        }
        let Some(v) = self.big_of(a) else {
            return Ok(None);
        };
        let one = crate::object::bigint::Big::from_i128(1);
        let r = match op {
            UnaryOp::POSITIVE => Some(v),
            UnaryOp::NEGATIVE => Some(v.neg()),
            _ => crate::object::bigint::Big::add(&v, &one).map(|x| x.neg()),
        };
        match r {
            Some(r) => self.new_big(&r).map(Some),
            None => Err(self.big_overflow()),
        }
    }

    /// `a op b` where either is a big int (out of line: big-int buffers are large).
    #[inline(never)]
    fn big_binary(&mut self, op: BinaryOp, a: Obj, bo: Obj) -> PyResult<Option<Obj>> {
        if !cfg!(feature = "bigint") {
            return Err(self.long_overflow());
        }
        match (self.big_of(a), self.big_of(bo)) {
            (Some(x), Some(y)) => self.big_op(op, &x, &y),
            _ => Ok(None),
        }
    }

    /// `x op y` for small operands whose result overflows 64 bits.
    #[inline(never)]
    fn big_op_wide(&mut self, op: BinaryOp, x: i128, y: i128) -> PyResult<Option<Obj>> {
        if !cfg!(feature = "bigint") {
            return Err(self.long_overflow());
        }
        let (bx, by) = (
            crate::object::bigint::Big::from_i128(x),
            crate::object::bigint::Big::from_i128(y),
        );
        self.big_op(op, &bx, &by)
    }

    fn unary_op_inner(&mut self, op: UnaryOp, a: Obj) -> PyResult<Obj> {
        if op == UnaryOp::NOT {
            return Ok(Obj::bool(!self.is_true(a)?));
        }
        if let Some(v) = self.int_to_i64(a) {
            let v = i128::from(v);
            return match op {
                UnaryOp::POSITIVE => self.new_int_wide(v),
                UnaryOp::NEGATIVE => self.new_int_wide(-v),
                _ => self.new_int_wide(!v),
            };
        }
        if self.is_kind(a, Kind::BigInt) {
            if let Some(r) = self.big_unary(op, a)? {
                return Ok(r);
            }
        }
        if let Some(f) = self.float_value(a) {
            return match op {
                UnaryOp::POSITIVE => Ok(a),
                UnaryOp::NEGATIVE => self.new_float(-f),
                _ => Err(self.unary_unsupported(op, a)),
            };
        }
        if let Some(r) = self.complex_unary(op, a)? {
            return Ok(r);
        }
        if self.is_kind(a, Kind::Instance) {
            let name = match op {
                UnaryOp::POSITIVE => "__pos__",
                UnaryOp::NEGATIVE => "__neg__",
                _ => "__invert__",
            };
            if let Some(r) = self.call_special(a, name, &[])? {
                return Ok(r);
            }
        }
        Err(self.unary_unsupported(op, a))
    }

    fn unary_unsupported(&mut self, op: UnaryOp, a: Obj) -> crate::vm::Raised {
        let name = match op {
            UnaryOp::POSITIVE => "__pos__",
            UnaryOp::NEGATIVE => "__neg__",
            UnaryOp::INVERT => "__invert__",
            UnaryOp::NOT => "__bool__",
        };
        let t = self.type_name(a);
        self.raise_parts(
            b::T_TYPE_ERROR,
            &[&"unsupported type for ", &name, &": '", &t, &"'"],
        )
    }

    pub(crate) fn binary_unsupported(
        &mut self,
        op: BinaryOp,
        a: Obj,
        bb: Obj,
    ) -> crate::vm::Raised {
        // A bool operand has become an int by the time MicroPython reports the error
        // (objbool.c's binary_op re-dispatches with the int; on the right side that happens
        // through the reflected arithmetic operator only).
        let is_bool = |o: Obj| o == Obj::TRUE || o == Obj::FALSE;
        let arith = op as u8 >= BinaryOp::INPLACE_OR as u8;
        if arith && is_bool(bb) && self.is_kind(a, Kind::Float) {
            // The bool's reflected operator reaches runtime.c's small-int fast path, which
            // reports the reflected operator unconverted.
            if let Some(name) = reflected_name(op.without_inplace()) {
                return self.raise_parts(
                    b::T_TYPE_ERROR,
                    &[&"unsupported types for ", &name, &": 'int', 'float'"],
                );
            }
        }
        let ta = if is_bool(a) { "int" } else { self.type_name(a) };
        let tb = if arith && is_bool(bb) {
            "int"
        } else {
            self.type_name(bb)
        };
        // An in-place operation has fallen back to the plain one by the time the reference
        // reports it (py/runtime.c), so the plain name.
        let name = binary_op_name(op.without_inplace());
        self.raise_parts(
            b::T_TYPE_ERROR,
            &[
                &"unsupported types for ",
                &name,
                &": '",
                &ta,
                &"', '",
                &tb,
                &"'",
            ],
        )
    }

    /// `a op b`.
    pub(crate) fn binary_op(&mut self, op: BinaryOp, a: Obj, bo: Obj) -> PyResult<Obj> {
        if let Some(r) = crate::vm::dispatch::small_int_binary(op, a, bo) {
            return Ok(r);
        }
        #[cfg(feature = "tstrings")]
        if matches!(op, BinaryOp::ADD | BinaryOp::INPLACE_ADD)
            && self.is_template(a)
            && self.is_template(bo)
        {
            return self.template_add(a, bo);
        }
        match op {
            BinaryOp::IS => return Ok(Obj::bool(a == bo)),
            BinaryOp::IN => {
                // runtime.c's small-int fast path sees `IN` (no method name) before the
                // operands are swapped for CONTAINS; a bool container re-dispatches as an int.
                let is_bool = |o: Obj| o == Obj::TRUE || o == Obj::FALSE;
                if a.as_small().is_some() {
                    let container_num = bo.as_small().is_some() || self.is_kind(bo, Kind::Float);
                    if container_num || is_bool(bo) {
                        let tb = if is_bool(bo) {
                            "int"
                        } else {
                            self.type_name(bo)
                        };
                        let (name, x, y) = if is_bool(bo) {
                            ("__contains__", tb, "int")
                        } else {
                            ("", "int", tb)
                        };
                        return Err(self.raise_parts(
                            b::T_TYPE_ERROR,
                            &[
                                &"unsupported types for ",
                                &name,
                                &": '",
                                &x,
                                &"', '",
                                &y,
                                &"'",
                            ],
                        ));
                    }
                }
                if is_bool(a) && (bo.as_small().is_some() || is_bool(bo)) {
                    // The int type's binary op takes a bool operand as a small int and
                    // retries: `True in 0` is the small-int operation, with no containment.
                    return Err(self.raise_msg_str(
                        b::T_TYPE_ERROR,
                        "unsupported types for __contains__: 'int', 'int'",
                    ));
                }
                if is_bool(bo) && self.is_kind(a, Kind::Float) {
                    return Err(self.raise_msg_str(
                        b::T_TYPE_ERROR,
                        "unsupported types for __contains__: 'int', 'float'",
                    ));
                }
                let r = self.contains(bo, a)?;
                return Ok(Obj::bool(r));
            }
            BinaryOp::EXCEPTION_MATCH => {
                let valid = |vm: &Vm<'a>, t: Obj| {
                    vm.is_type_obj(t) && vm.is_subclass(t, b::type_obj(b::T_BASE_EXCEPTION))
                };
                let ok = if self.is_kind(bo, Kind::Tuple) {
                    (0..self.tuple_len(bo))
                        .all(|i| valid(self, self.heap.get_obj(bo.bits(), i + 1)))
                } else {
                    valid(self, bo)
                };
                if !ok {
                    return Err(self.binary_unsupported(op, a, bo));
                }
                let r = self.exception_match(a, bo);
                return Ok(Obj::bool(r));
            }
            BinaryOp::NOT_EQUAL => {
                // Each side in turn (as obj.c's mp_obj_equal_not_equal): its `__ne__`, else
                // `not __eq__`; then the generic `not ==`.
                for (x, y) in [(a, bo), (bo, a)] {
                    if self.is_kind(x, Kind::Instance) {
                        if let Some(r) = self.call_special(x, "__ne__", &[y])? {
                            if r != Obj::NOT_IMPLEMENTED {
                                return Ok(r);
                            }
                        }
                        if let Some(r) = self.call_special(x, "__eq__", &[y])? {
                            if r != Obj::NOT_IMPLEMENTED {
                                return Ok(Obj::bool(!self.is_true(r)?));
                            }
                        }
                    }
                }
                let r = self.binary_op(BinaryOp::EQUAL, a, bo)?;
                return Ok(Obj::bool(!self.is_true(r)?));
            }
            _ => {}
        }
        let plain = op.without_inplace();
        // int (and bool) with int
        if let (Some(x), Some(y)) = (self.int_to_i64(a), self.int_to_i64(bo)) {
            if let Some(r) = self.int_op(plain, x, y, op)? {
                return Ok(r);
            }
        }
        // arbitrary-precision ints
        if self.is_kind(a, Kind::BigInt) || self.is_kind(bo, Kind::BigInt) {
            if let Some(r) = self.big_binary(plain, a, bo)? {
                return Ok(r);
            }
        }
        // float arithmetic
        let fa = self.float_of(a);
        let fb = self.float_of(bo);
        if let (Some(x), Some(y)) = (fa, fb) {
            if self.is_kind(a, Kind::Float) || self.is_kind(bo, Kind::Float) {
                if let Some(r) = self.float_op(plain, x, y)? {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.complex_binary(plain, a, bo)? {
            return Ok(r);
        }
        if let Some(r) = self.seq_binary_op(op, plain, a, bo)? {
            return Ok(r);
        }
        // instances: special methods
        if self.is_kind(a, Kind::Instance) {
            if op != plain {
                if let Some(r) = self.call_special(a, binary_op_name(op), &[bo])? {
                    if r != Obj::NOT_IMPLEMENTED {
                        return Ok(r);
                    }
                }
            }
            if let Some(r) = self.call_special(a, binary_op_name(plain), &[bo])? {
                if r != Obj::NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
        }
        if self.is_kind(bo, Kind::Instance) {
            if let Some(name) = reflected_name(plain) {
                if let Some(r) = self.call_special(bo, name, &[a])? {
                    if r != Obj::NOT_IMPLEMENTED {
                        return Ok(r);
                    }
                }
            }
        }
        if let Some(n) = self.value_of(a) {
            return self.binary_op(op, n, bo);
        }
        if let Some(n) = self.value_of(bo) {
            return self.binary_op(op, a, n);
        }
        if plain == BinaryOp::EQUAL {
            if self.is_kind(bo, Kind::Instance) {
                if let Some(r) = self.call_special(bo, "__eq__", &[a])? {
                    if r != Obj::NOT_IMPLEMENTED {
                        return Ok(r);
                    }
                }
            }
            return Ok(Obj::bool(a == bo));
        }
        Err(self.binary_unsupported(op, a, bo))
    }

    #[inline(never)]
    fn int_op(&mut self, op: BinaryOp, x: i64, y: i64, orig: BinaryOp) -> PyResult<Option<Obj>> {
        let (x64, y64) = (x, y);
        let (x, y) = (i128::from(x), i128::from(y));
        let r = match op {
            BinaryOp::ADD => x + y,
            BinaryOp::SUBTRACT => x - y,
            BinaryOp::MULTIPLY => x * y,
            BinaryOp::OR => x | y,
            BinaryOp::XOR => x ^ y,
            BinaryOp::AND => x & y,
            BinaryOp::FLOOR_DIVIDE | BinaryOp::MODULO => match floor_divmod(x64, y64) {
                Some((q, m)) => {
                    if op == BinaryOp::FLOOR_DIVIDE {
                        q
                    } else {
                        i128::from(m)
                    }
                }
                None => return Err(self.raise_msg_str(b::T_ZERO_DIVISION_ERROR, "divide by zero")),
            },
            BinaryOp::TRUE_DIVIDE if !cfg!(feature = "float") => return Ok(None),
            BinaryOp::TRUE_DIVIDE => {
                if y == 0 {
                    return Err(self.raise_msg_str(b::T_ZERO_DIVISION_ERROR, "divide by zero"));
                }
                #[allow(clippy::cast_precision_loss)]
                return self.new_float(x as f64 / y as f64).map(Some);
            }
            BinaryOp::LSHIFT | BinaryOp::RSHIFT => {
                // mpz's shift takes the count with mp_obj_int_get_checked: a machine word.
                if y.unsigned_abs() > u128::from(i32::MAX.unsigned_abs()) {
                    return Err(self.machine_word_overflow());
                }
                if y < 0 {
                    return Err(self.raise_msg_str(b::T_VALUE_ERROR, "negative shift count"));
                }
                if op == BinaryOp::RSHIFT {
                    x >> y.min(127)
                } else {
                    if x == 0 {
                        0
                    } else if y > 62 {
                        return self.big_op_wide(op, x, y);
                    } else {
                        x << y
                    }
                }
            }
            BinaryOp::POWER => {
                if y < 0 && !cfg!(feature = "float") {
                    return Err(self
                        .raise_msg_str(b::T_VALUE_ERROR, "negative power with no float support"));
                }
                if y < 0 {
                    #[allow(clippy::cast_precision_loss)]
                    return self.float_op(BinaryOp::POWER, x as f64, y as f64);
                }
                let mut acc: i128 = 1;
                let mut base = x;
                let mut e = y;
                while e > 0 {
                    if e & 1 == 1 {
                        acc = match acc.checked_mul(base) {
                            Some(v) if v.unsigned_abs() <= u128::from(u64::MAX) => v,
                            _ => {
                                return self.big_op_wide(op, x, y);
                            }
                        };
                    }
                    e >>= 1;
                    if e > 0 {
                        base = match base.checked_mul(base) {
                            Some(v) if v.unsigned_abs() <= u128::from(u64::MAX) => v,
                            _ => {
                                return self.big_op_wide(op, x, y);
                            }
                        };
                    }
                }
                acc
            }
            _ => {
                if let Some(r) = ordering_result(op, x.cmp(&y)) {
                    return Ok(Some(Obj::bool(r)));
                }
                let _ = orig;
                return Ok(None);
            }
        };
        self.new_int_wide(r).map(Some)
    }

    pub(crate) fn float_op(&mut self, op: BinaryOp, x: f64, y: f64) -> PyResult<Option<Obj>> {
        if !cfg!(feature = "float") {
            return Err(self.no_float());
        }
        let r = match op {
            BinaryOp::ADD => x + y,
            BinaryOp::SUBTRACT => x - y,
            BinaryOp::MULTIPLY => x * y,
            BinaryOp::TRUE_DIVIDE => {
                if y == 0.0 {
                    return Err(self.raise_msg_str(b::T_ZERO_DIVISION_ERROR, "divide by zero"));
                }
                x / y
            }
            BinaryOp::FLOOR_DIVIDE | BinaryOp::MODULO => {
                if y == 0.0 {
                    return Err(self.raise_msg_str(b::T_ZERO_DIVISION_ERROR, "divide by zero"));
                }
                // mp_obj_float_divmod (py/objfloat.c).
                let mut m = fmod(x, y);
                let mut q = (x - m) / y;
                if m == 0.0 {
                    m = 0.0f64.copysign(y);
                } else if (m < 0.0) != (y < 0.0) {
                    m += y;
                    q -= 1.0;
                }
                if op == BinaryOp::FLOOR_DIVIDE {
                    if q == 0.0 {
                        0.0f64.copysign(x / y)
                    } else {
                        let f = floor(q);
                        if q - f > 0.5 {
                            f + 1.0
                        } else {
                            f
                        }
                    }
                } else {
                    m
                }
            }
            BinaryOp::POWER => {
                if x == 0.0 && y < 0.0 && !y.is_infinite() {
                    return Err(self.raise_msg_str(b::T_ZERO_DIVISION_ERROR, "divide by zero"));
                }
                if x < 0.0 && y != floor(y) && !y.is_nan() {
                    // A complex result (an error without the `complex` feature).
                    return self.complex_real_power(x, y).map(Some);
                }
                crate::object::float_math::powf(x, y)
            }
            _ => {
                return Ok(x.partial_cmp(&y).map_or_else(
                    || match op {
                        BinaryOp::NOT_EQUAL => Some(Obj::TRUE),
                        BinaryOp::LESS
                        | BinaryOp::MORE
                        | BinaryOp::LESS_EQUAL
                        | BinaryOp::MORE_EQUAL
                        | BinaryOp::EQUAL => Some(Obj::FALSE),
                        _ => None,
                    },
                    |ord| ordering_result(op, ord).map(Obj::bool),
                ))
            }
        };
        self.new_float(r).map(Some)
    }

    /// Operators on str, bytes, tuple, list, dict and set.
    /// `bytes + buffer`: a new bytes of both contents (the buffer copied in chunks: it may
    /// live in the heap the result is allocated in).
    fn bytes_plus_buffer(&mut self, a: Obj, b: Obj) -> PyResult<Obj> {
        let la = self.bytes_data(a).map_or(0, <[u8]>::len);
        let lb = self.buffer_data(b).map_or(0, |(d, _)| d.len());
        let o = self.new_str_uninit(Kind::Bytes, la + lb)?;
        self.copy_str_bytes(a, o, 0)?;
        let mut done = 0;
        while done < lb {
            let mut chunk = [0u8; 64];
            let n = {
                let d = self.buffer_data(b).map_or(&[][..], |(d, _)| d);
                let part = d.get(done..(done + 64).min(d.len())).unwrap_or(&[]);
                chunk[..part.len()].copy_from_slice(part);
                part.len()
            };
            if n == 0 {
                break;
            }
            #[allow(clippy::cast_possible_truncation)]
            let out = self.heap.bytes_mut(o, 1, (la + lb) as u32);
            if let Some(dst) = out.get_mut(la + done..la + done + n) {
                dst.copy_from_slice(&chunk[..n]);
            }
            done += n;
        }
        Ok(Obj::heap(o))
    }

    fn seq_binary_op(
        &mut self,
        op: BinaryOp,
        plain: BinaryOp,
        a: Obj,
        bo: Obj,
    ) -> PyResult<Option<Obj>> {
        let a_is_bytes = self.is_kind(a, Kind::Bytes) || a.imm_of(Imm::RomBytes).is_some();
        if plain == BinaryOp::ADD && a_is_bytes && self.is_typed(bo) {
            // bytes + any buffer is bytes (py/objstr.c).
            return self.bytes_plus_buffer(a, bo).map(Some);
        }
        // (An instance on either side is unwrapped or asked first, below.)
        let instance = self.is_kind(a, Kind::Instance) || self.is_kind(bo, Kind::Instance);
        if (self.is_typed(a) || self.is_typed(bo)) && !instance {
            if let Some(r) = self.typed_binary_op(plain, a, bo)? {
                return Ok(Some(r));
            }
        }
        // str / bytes (bytes and bytearray take a str on the right through its buffer)
        if let (Some((_, sa)), Some((_, sb))) = (self.str_or_bytes(a), self.str_or_bytes(bo)) {
            // `==` between str and bytes is False (obj.c), but a bytearray compares buffers.
            let compatible = if plain == BinaryOp::EQUAL {
                sa == sb || self.is_kind(a, Kind::ByteArray) || self.is_kind(bo, Kind::ByteArray)
            } else {
                sa == sb || !sa
            };
            if compatible {
                match plain {
                    BinaryOp::ADD => {
                        let r = self.concat_str(a, bo)?;
                        if self.is_kind(a, Kind::ByteArray) {
                            self.push_root(r);
                            let ba = self.bytearray_from(r);
                            self.pop_root();
                            return ba.map(Some);
                        }
                        return Ok(Some(r));
                    }
                    _ => {
                        let ord = {
                            let x = self.str_or_bytes(a).map_or(&[][..], |p| p.0);
                            let y = self.str_or_bytes(bo).map_or(&[][..], |p| p.0);
                            x.cmp(y)
                        };
                        if let Some(r) = ordering_result(plain, ord) {
                            return Ok(Some(Obj::bool(r)));
                        }
                    }
                }
            } else if plain == BinaryOp::EQUAL {
                return Ok(Some(Obj::FALSE));
            }
        }
        if self.is_kind(a, Kind::ByteArray) && self.buffer_data(bo).is_none() {
            // objarray.c: `+` needs a buffer; comparisons with a non-buffer are False.
            match plain {
                BinaryOp::ADD => {
                    return Err(
                        self.raise_msg_str(b::T_TYPE_ERROR, "object with buffer protocol required")
                    )
                }
                BinaryOp::LESS
                | BinaryOp::MORE
                | BinaryOp::EQUAL
                | BinaryOp::LESS_EQUAL
                | BinaryOp::MORE_EQUAL => return Ok(Some(Obj::FALSE)),
                _ => {}
            }
        }
        if plain == BinaryOp::MULTIPLY {
            // str/bytes/tuple/list repeat (bytearray has no `*`); a count beyond the
            // machine word is an OverflowError.
            let repeatable = |vm: &Self, o: Obj| {
                !vm.is_kind(o, Kind::ByteArray)
                    && (vm.str_or_bytes(o).is_some() || vm.seq_parts(o).is_some())
            };
            for (seq, count) in [(a, bo), (bo, a)] {
                if repeatable(self, seq) {
                    if self.is_kind(count, Kind::BigInt) {
                        self.get_int(count)?;
                    }
                    if let Some(n) = self.int_to_i64(count) {
                        return self.repeat(seq, n).map(Some);
                    }
                }
            }
        }
        if plain == BinaryOp::MODULO
            && (self.str_data(a).is_some()
                || self.is_kind(a, Kind::Bytes)
                || a.imm_of(Imm::RomBytes).is_some())
        {
            return self.str_percent(a, bo).map(Some);
        }
        // tuple / list
        let (ka, kb) = (self.kind_of(a), self.kind_of(bo));
        if (ka == Some(Kind::Tuple) || ka == Some(Kind::List)) && ka == kb {
            match plain {
                BinaryOp::ADD => {
                    if op == BinaryOp::INPLACE_ADD && ka == Some(Kind::List) {
                        self.list_extend(a, bo)?;
                        return Ok(Some(a));
                    }
                    return self.concat_seq(a, bo).map(Some);
                }
                BinaryOp::LESS
                | BinaryOp::MORE
                | BinaryOp::EQUAL
                | BinaryOp::LESS_EQUAL
                | BinaryOp::MORE_EQUAL => {
                    if let Some(r) = self.compare_seq(plain, a, bo)? {
                        return Ok(Some(Obj::bool(r)));
                    }
                }
                _ => {}
            }
        }
        if ka == Some(Kind::List) && op == BinaryOp::INPLACE_ADD {
            self.list_extend(a, bo)?;
            return Ok(Some(a));
        }
        if ka == Some(Kind::Dict) && kb == Some(Kind::Dict) && plain == BinaryOp::EQUAL {
            return self.dict_equal(a, bo).map(|r| Some(Obj::bool(r)));
        }
        if ka == Some(Kind::Dict) && plain == BinaryOp::OR {
            // `a | b` merges into a copy of `a`; `a |= b` updates `a`.
            let dst = if op == BinaryOp::INPLACE_OR {
                a
            } else {
                self.call_method_by_name(a, b"copy", &[])?
            };
            self.push_root(dst);
            let r = self.dict_update_from(dst, bo);
            self.pop_root();
            return r.map(|()| Some(dst));
        }
        if ka == Some(Kind::Set) && kb == Some(Kind::Set) {
            return self.set_binary_op(op, plain, a, bo);
        }
        if plain == BinaryOp::EQUAL {
            if let (Some(x), Some(y)) = (a.imm_of(Imm::Type), bo.imm_of(Imm::Type)) {
                return Ok(Some(Obj::bool(x == y)));
            }
            if ka == Some(Kind::BoundMethod) && kb == Some(Kind::BoundMethod) {
                let same = self.heap.get(a.bits(), 0) == self.heap.get(bo.bits(), 0)
                    && self.heap.get(a.bits(), 1) == self.heap.get(bo.bits(), 1);
                return Ok(Some(Obj::bool(same)));
            }
        }
        Ok(None)
    }

    /// Lexicographic comparison of two tuples or two lists.
    fn compare_seq(&mut self, op: BinaryOp, a: Obj, bo: Obj) -> PyResult<Option<bool>> {
        self.enter_native()?;
        let r = self.compare_seq_inner(op, a, bo);
        self.leave_native();
        r
    }

    /// sequence.c's mp_seq_cmp_objs: `<` and `<=` become `>` and `>=` with the operands
    /// swapped (which shows in an element comparison's error message).
    fn compare_seq_inner(&mut self, op: BinaryOp, a: Obj, bo: Obj) -> PyResult<Option<bool>> {
        let (a, bo, op) = match op {
            BinaryOp::LESS => (bo, a, BinaryOp::MORE),
            BinaryOp::LESS_EQUAL => (bo, a, BinaryOp::MORE_EQUAL),
            _ => (a, bo, op),
        };
        let mut i = 0;
        loop {
            let (Some(pa), Some(pb)) = (self.seq_parts(a), self.seq_parts(bo)) else {
                return Ok(None);
            };
            if op == BinaryOp::EQUAL && pa.2 != pb.2 {
                return Ok(Some(false));
            }
            if i >= pa.2 || i >= pb.2 {
                return Ok(Some(if pa.2 != pb.2 {
                    pa.2 > pb.2
                } else {
                    op != BinaryOp::MORE
                }));
            }
            let (x, y) = (self.seq_get(pa, i), self.seq_get(pb, i));
            if !self.equal(x, y)? {
                if op == BinaryOp::EQUAL {
                    return Ok(Some(false));
                }
                let r = self.binary_op(op, x, y)?;
                return Ok(Some(r == Obj::TRUE));
            }
            i += 1;
        }
    }

    /// `exc` matches `types` (a type or tuple of types).
    pub(crate) fn exception_match(&self, exc: Obj, types: Obj) -> bool {
        let t = if self.is_kind(exc, Kind::Instance) {
            self.type_of(exc)
        } else {
            exc
        };
        if self.is_kind(types, Kind::Tuple) {
            let n = self.tuple_len(types);
            (0..n).any(|i| self.is_subclass(t, self.heap.get_obj(types.bits(), i + 1)))
        } else {
            self.is_subclass(t, types)
        }
    }
}

/// `x mod y` with the sign of x, exact (C fmod, after musl's shift-and-subtract), without
/// libm.
pub(crate) fn fmod(x: f64, y: f64) -> f64 {
    if !x.is_finite() || y == 0.0 || y.is_nan() {
        return f64::NAN;
    }
    let (bx, by) = (x.to_bits(), y.to_bits());
    if bx << 1 <= by << 1 {
        // |x| <= |y| (or y is infinite).
        return if bx << 1 == by << 1 { 0.0 * x } else { x };
    }
    // Integer mantissas with their exponents (subnormals normalized).
    let split = |bits: u64| -> (u64, i32) {
        #[allow(clippy::cast_possible_truncation)]
        let e = ((bits >> 52) & 0x7ff) as i32;
        if e == 0 {
            let lz = (bits << 12).leading_zeros();
            #[allow(clippy::cast_possible_wrap)]
            (bits << (lz + 1), -(lz as i32))
        } else {
            ((bits & (u64::MAX >> 12)) | 1 << 52, e)
        }
    };
    let (mut mx, mut ex) = split(bx);
    let (my, ey) = split(by);
    while ex > ey {
        if let Some(d) = mx.checked_sub(my) {
            if d == 0 {
                return 0.0 * x;
            }
            mx = d;
        }
        mx <<= 1;
        ex -= 1;
    }
    if let Some(d) = mx.checked_sub(my) {
        if d == 0 {
            return 0.0 * x;
        }
        mx = d;
    }
    while mx >> 52 == 0 {
        mx <<= 1;
        ex -= 1;
    }
    let bits = if ex > 0 {
        #[allow(clippy::cast_sign_loss)]
        let field = ex as u64;
        (mx - (1 << 52)) | field << 52
    } else {
        mx >> (1 - ex).unsigned_abs()
    };
    f64::from_bits(bits | (bx & (1 << 63)))
}

/// Truncate towards zero without libm.
pub(crate) fn trunc(x: f64) -> f64 {
    if !x.is_finite() || x.abs() >= 4_503_599_627_370_496.0 {
        return x;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
    let t = x as i64 as f64;
    if t == 0.0 && x.is_sign_negative() {
        -0.0
    } else {
        t
    }
}

/// Floor without libm.
pub(crate) fn floor(x: f64) -> f64 {
    let t = trunc(x);
    if t > x {
        t - 1.0
    } else {
        t
    }
}
