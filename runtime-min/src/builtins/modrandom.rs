//! The `random` module (after extmod/modrandom.c): MicroPython's Yasmarang generator, so a
//! seeded sequence (`random.seed(42)`) is the one MicroPython gives. Without a seed the
//! state starts where a MicroPython build without a seed source starts (this VM has no
//! entropy of its own).

use super::funcs::check_n;
use super::*;

/// Yasmarang (Ilya Levin, public domain), the generator MicroPython uses.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Yasmarang {
    pad: u32,
    n: u32,
    d: u32,
    dat: u8,
}

impl Yasmarang {
    /// The state of a build that does not seed on import.
    pub(crate) const INITIAL: Yasmarang = Yasmarang {
        pad: 0xeda4_baba,
        n: 69,
        d: 233,
        dat: 0,
    };

    fn seeded(seed: u32) -> Yasmarang {
        Yasmarang {
            pad: seed,
            ..Yasmarang::INITIAL
        }
    }

    fn next(&mut self) -> u32 {
        self.pad = self
            .pad
            .wrapping_add(u32::from(self.dat))
            .wrapping_add(self.d.wrapping_mul(self.n));
        self.pad = (self.pad << 3).wrapping_add(self.pad >> 29);
        self.n = self.pad | 2;
        self.d ^= (self.pad << 31).wrapping_add(self.pad >> 1);
        #[allow(clippy::cast_possible_truncation)]
        {
            self.dat ^= (self.pad as u8) ^ ((self.d >> 8) as u8) ^ 1;
        }
        self.pad ^ (self.d << 5) ^ (self.pad >> 18) ^ (u32::from(self.dat) << 1)
    }

    /// A number below `n` (n > 0): masked draws, rejected until one fits.
    fn below(&mut self, n: u32) -> u32 {
        let mut mask = 1u32;
        while (n & mask) < n {
            mask = (mask << 1) | 1;
        }
        loop {
            let r = self.next() & mask;
            if r < n {
                return r;
            }
        }
    }

    /// [0, 1): 52 fraction bits from two draws under the exponent of 1.0, minus 1.
    #[cfg(feature = "float")]
    fn float(&mut self) -> f64 {
        let hi = u64::from(self.next());
        let lo = u64::from(self.next());
        let fraction = ((hi << 32) | lo) & ((1 << 52) - 1);
        f64::from_bits(0x3ff0_0000_0000_0000 | fraction) - 1.0
    }
}

pub(super) fn random_getrandbits(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let n = vm.get_int(vm.arg(a, 0))?;
    if !(0..=32).contains(&n) {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "bits must be 32 or less"));
    }
    if n == 0 {
        return Ok(Obj::small_sat(0));
    }
    let bits = vm.random.next() & (u32::MAX >> (32 - n));
    vm.new_int(i64::from(bits))
}

pub(super) fn random_seed(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 1)?;
    let seed = match vm.arg_pos(a, 0).filter(|s| !s.is_none()) {
        Some(s) => vm.int_low_bits(s)?,
        None => return Err(vm.raise_msg_str(T_VALUE_ERROR, "no default seed")),
    };
    vm.random = Yasmarang::seeded(seed);
    Ok(Obj::NONE)
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
pub(super) fn random_randrange(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 3)?;
    let start = vm.get_int(vm.arg(a, 0))?;
    let (offset, step, count) = match a.n_pos {
        1 => (0, 1, start),
        2 => {
            let stop = vm.get_int(vm.arg(a, 1))?;
            (start, 1, stop - start)
        }
        _ => {
            let stop = vm.get_int(vm.arg(a, 1))?;
            let step = vm.get_int(vm.arg(a, 2))?;
            let n = match step {
                0 => 0,
                s if s > 0 => (stop - start + s - 1) / s,
                s => (stop - start + s + 1) / s,
            };
            (start, step, n)
        }
    };
    if count <= 0 {
        return Err(vm.raise_bare(T_VALUE_ERROR));
    }
    let r = i64::from(vm.random.below(count as u32));
    vm.new_int(offset + step * r)
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
pub(super) fn random_randint(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let lo = vm.get_int(vm.arg(a, 0))?;
    let hi = vm.get_int(vm.arg(a, 1))?;
    if lo > hi {
        return Err(vm.raise_bare(T_VALUE_ERROR));
    }
    let r = i64::from(vm.random.below((hi - lo + 1) as u32));
    vm.new_int(lo + r)
}

pub(super) fn random_choice(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let seq = vm.arg(a, 0);
    let len = match vm.len_of(seq)? {
        Some(n) => n,
        None => {
            return Err(vm.no_len(seq));
        }
    };
    if len == 0 {
        return Err(vm.raise_bare(T_INDEX_ERROR));
    }
    let i = vm.random.below(len);
    vm.subscr_load(seq, Obj::small_sat(i64::from(i)))
}

#[cfg(feature = "float")]
pub(super) fn random_random(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 0)?;
    let f = vm.random.float();
    vm.new_float(f)
}

#[cfg(feature = "float")]
pub(super) fn random_uniform(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let lo = vm.float_arg(vm.arg(a, 0))?;
    let hi = vm.float_arg(vm.arg(a, 1))?;
    let f = vm.random.float();
    vm.new_float(lo + (hi - lo) * f)
}

#[cfg(test)]
mod tests {
    use super::Yasmarang;

    #[test]
    fn seeded_sequence_is_micropythons() {
        // random.seed(42); [random.getrandbits(32) ...] on the MicroPython 1.29 wasm VM
        // gave 3308759012 as the fourth draw (after getrandbits(1), (8), (16)).
        let mut r = Yasmarang::seeded(42);
        let draws: [u32; 4] = [r.next(), r.next(), r.next(), r.next()];
        assert_eq!(draws[0] & 1, 0);
        assert_eq!(draws[1] & 0xff, 248);
        assert_eq!(draws[2] & 0xffff, 30191);
        assert_eq!(draws[3], 3_308_759_012);
    }
}
