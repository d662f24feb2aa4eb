//! The `math` module's special functions (py/modmath.c with MICROPY_PY_MATH_SPECIAL_FUNCTIONS):
//! expm1, log1p, sinh, cosh, tanh, asinh, acosh, atanh, erf, erfc, tgamma and lgamma, computed
//! the way musl computes them (fdlibm's reductions and minimax polynomials, musl's Lanczos
//! tgamma, the same operation order), so results agree to the last bit with the MicroPython
//! builds that use musl (its WebAssembly VM among them).

// The constants are fdlibm's / musl's, written with the digits that name each double.
#![allow(clippy::excessive_precision, clippy::unreadable_literal)]
#![allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
#![allow(clippy::cast_sign_loss, clippy::cast_precision_loss)]
// Exponent bounds are written as musl has them (`e < 0x3ff + 1`: |x| < 2).
#![allow(clippy::int_plus_one)]

use crate::object::float_math::{exp, ln, powf, sqrt};
use crate::object::float_trig::{kernel_cos, kernel_sin};
use crate::object::ops::floor;

const LN2_HI: f64 = 6.93147180369123816490e-01;
const LN2_LO: f64 = 1.90821492927058770002e-10;

fn high_word(x: f64) -> u32 {
    (x.to_bits() >> 32) as u32
}

/// `exp(x) - 1`, accurate near 0.
pub(crate) fn expm1(x: f64) -> f64 {
    const O_THRESHOLD: f64 = 7.09782712893383973096e+02;
    const INVLN2: f64 = core::f64::consts::LOG2_E;
    const Q1: f64 = -3.33333333333331316428e-02;
    const Q2: f64 = 1.58730158725481460165e-03;
    const Q3: f64 = -7.93650757867487942473e-05;
    const Q4: f64 = 4.00821782732936239552e-06;
    const Q5: f64 = -2.01099218183624371326e-07;
    let hx = high_word(x) & 0x7fff_ffff;
    let sign = x.is_sign_negative();
    let mut x = x;
    if hx >= 0x4043_687a {
        // |x| >= 56 ln 2
        if x.is_nan() {
            return x;
        }
        if sign {
            return -1.0;
        }
        if x > O_THRESHOLD {
            return x * f64::from_bits(0x7fe0_0000_0000_0000);
        }
    }
    let k: i32;
    let mut c = 0.0;
    if hx > 0x3fd6_2e42 {
        // |x| > ln2 / 2: reduce by k·ln2
        let (hi, lo);
        if hx < 0x3ff0_a2b2 {
            if sign {
                hi = x + LN2_HI;
                lo = -LN2_LO;
                k = -1;
            } else {
                hi = x - LN2_HI;
                lo = LN2_LO;
                k = 1;
            }
        } else {
            k = (INVLN2 * x + if sign { -0.5 } else { 0.5 }) as i32;
            let t = f64::from(k);
            hi = x - t * LN2_HI;
            lo = t * LN2_LO;
        }
        x = hi - lo;
        c = (hi - x) - lo;
    } else if hx < 0x3c90_0000 {
        return x;
    } else {
        k = 0;
    }
    let hfx = 0.5 * x;
    let hxs = x * hfx;
    let r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    let t = 3.0 - r1 * hfx;
    let mut e = hxs * ((r1 - t) / (6.0 - x * t));
    if k == 0 {
        return x - (x * e - hxs);
    }
    e = x * (e - c) - c;
    e -= hxs;
    if k == -1 {
        return 0.5 * (x - e) - 0.5;
    }
    if k == 1 {
        if x < -0.25 {
            return -2.0 * (e - (x + 0.5));
        }
        return 1.0 + 2.0 * (x - e);
    }
    let twopk = f64::from_bits(((0x3ff + k) as u64) << 52);
    if !(0..=56).contains(&k) {
        let mut y = x - e + 1.0;
        if k == 1024 {
            y = y * 2.0 * f64::from_bits(0x7fe0_0000_0000_0000);
        } else {
            y *= twopk;
        }
        return y - 1.0;
    }
    let inv = f64::from_bits(((0x3ff - k) as u64) << 52);
    if k < 20 {
        (x - e + (1.0 - inv)) * twopk
    } else {
        (x - (e + inv) + 1.0) * twopk
    }
}

/// `log(1 + x)`, accurate near 0.
pub(crate) fn log1p(x: f64) -> f64 {
    const LG1: f64 = 6.666666666666735130e-01;
    const LG2: f64 = 3.999999999940941908e-01;
    const LG3: f64 = 2.857142874366239149e-01;
    const LG4: f64 = 2.222219843214978396e-01;
    const LG5: f64 = 1.818357216161805012e-01;
    const LG6: f64 = 1.531383769920937332e-01;
    const LG7: f64 = 1.479819860511658591e-01;
    let hx = high_word(x);
    let mut k = 1;
    let mut c = 0.0;
    let mut f = 0.0;
    if hx < 0x3fda_827a || hx >> 31 != 0 {
        // 1 + x < sqrt(2)+
        if hx >= 0xbff0_0000 {
            // x <= -1
            if x == -1.0 {
                return f64::NEG_INFINITY;
            }
            return f64::NAN;
        }
        if hx << 1 < 0x3ca0_0000 << 1 {
            // |x| < 2**-53
            return x;
        }
        if hx <= 0xbfd2_bec4 {
            // sqrt(2)/2- <= 1 + x < sqrt(2)+
            k = 0;
            f = x;
        }
    } else if hx >= 0x7ff0_0000 {
        return x;
    }
    if k != 0 {
        let u = 1.0 + x;
        let mut hu = high_word(u);
        hu = hu.wrapping_add(0x3ff0_0000 - 0x3fe6_a09e);
        k = (hu >> 20) as i32 - 0x3ff;
        // correction term ~ log(1+x) - log(u)
        if k < 54 {
            c = if k >= 2 { 1.0 - (u - x) } else { x - (u - 1.0) };
            c /= u;
        }
        // u scaled into [sqrt(2)/2, sqrt(2)]
        hu = (hu & 0x000f_ffff) + 0x3fe6_a09e;
        let ub = (u64::from(hu) << 32) | (u.to_bits() & 0xffff_ffff);
        f = f64::from_bits(ub) - 1.0;
    }
    let hfsq = 0.5 * f * f;
    let s = f / (2.0 + f);
    let z = s * s;
    let w = z * z;
    let t1 = w * (LG2 + w * (LG4 + w * LG6));
    let t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    let r = t2 + t1;
    let dk = f64::from(k);
    s * (hfsq + r) + (dk * LN2_LO + c) - hfsq + f + dk * LN2_HI
}

/// `exp(x) / 2` for large `x` (where `exp(x)` alone would overflow), times `sign`.
fn expo2(x: f64, sign: f64) -> f64 {
    const K: u64 = 2043;
    const KLN2: f64 = 1416.0996898839683; // 0x1.62066151add8bp+10
    let scale = f64::from_bits((0x3ff + K / 2) << 52);
    exp(x - KLN2) * (sign * scale) * scale
}

pub(crate) fn sinh(x: f64) -> f64 {
    let h = if x.is_sign_negative() { -0.5 } else { 0.5 };
    let absx = x.abs();
    let w = high_word(absx);
    if w < 0x4086_2e42 {
        // |x| < log(DBL_MAX)
        let t = expm1(absx);
        if w < 0x3ff0_0000 {
            if w < 0x3ff0_0000 - (26 << 20) {
                return x;
            }
            return h * (2.0 * t - t * t / (t + 1.0));
        }
        return h * (t + t / (t + 1.0));
    }
    expo2(absx, 2.0 * h)
}

pub(crate) fn cosh(x: f64) -> f64 {
    let x = x.abs();
    let w = high_word(x);
    if w < 0x3fe6_2e42 {
        // |x| < log(2)
        if w < 0x3ff0_0000 - (26 << 20) {
            return 1.0;
        }
        let t = expm1(x);
        return 1.0 + t * t / (2.0 * (1.0 + t));
    }
    if w < 0x4086_2e42 {
        let t = exp(x);
        return 0.5 * (t + 1.0 / t);
    }
    expo2(x, 1.0)
}

pub(crate) fn tanh(x: f64) -> f64 {
    let sign = x.is_sign_negative();
    let x = x.abs();
    let w = high_word(x);
    let t = if w > 0x3fe1_93ea {
        // |x| > log(3)/2 or nan
        if w > 0x4034_0000 {
            // |x| > 20 or nan
            1.0 - 0.0 / x
        } else {
            let t = expm1(2.0 * x);
            1.0 - 2.0 / (t + 2.0)
        }
    } else if w > 0x3fd0_58ae {
        // |x| > log(5/3)/2
        let t = expm1(2.0 * x);
        t / (t + 2.0)
    } else if w >= 0x0010_0000 {
        let t = expm1(-2.0 * x);
        -t / (t + 2.0)
    } else {
        x
    };
    if sign {
        -t
    } else {
        t
    }
}

const LN2: f64 = core::f64::consts::LN_2;

pub(crate) fn asinh(x: f64) -> f64 {
    let e = (x.to_bits() >> 52) & 0x7ff;
    let s = x.is_sign_negative();
    let x = x.abs();
    let r = if e >= 0x3ff + 26 {
        log(x) + LN2
    } else if e >= 0x3ff + 1 {
        log(2.0 * x + 1.0 / (sqrt(x * x + 1.0) + x))
    } else if e >= 0x3ff - 26 {
        log1p(x + x * x / (sqrt(x * x + 1.0) + 1.0))
    } else {
        x
    };
    if s {
        -r
    } else {
        r
    }
}

/// The logarithm as musl's `log` answers at the edges (NaN below 0, -inf at 0).
fn log(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        f64::NAN
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        ln(x)
    }
}

pub(crate) fn acosh(x: f64) -> f64 {
    let e = (x.to_bits() >> 52) & 0x7ff;
    if e < 0x3ff + 1 {
        // |x| < 2 (or negative)
        return log1p(x - 1.0 + sqrt((x - 1.0) * (x - 1.0) + 2.0 * (x - 1.0)));
    }
    if e < 0x3ff + 26 {
        return log(2.0 * x - 1.0 / (x + sqrt(x * x - 1.0)));
    }
    log(x) + LN2
}

pub(crate) fn atanh(x: f64) -> f64 {
    let e = (x.to_bits() >> 52) & 0x7ff;
    let s = x.is_sign_negative();
    let mut y = x.abs();
    if e < 0x3ff - 1 {
        if e >= 0x3ff - 32 {
            // |x| < 0.5
            y = 0.5 * log1p(2.0 * y + 2.0 * y * y / (1.0 - y));
        }
    } else {
        y = 0.5 * log1p(2.0 * (y / (1.0 - y)));
    }
    if s {
        -y
    } else {
        y
    }
}

const ERX: f64 = 8.45062911510467529297e-01;
const EFX8: f64 = 1.02703333676410069053e+00;
const PP: [f64; 5] = [
    1.28379167095512558561e-01,
    -3.25042107247001499370e-01,
    -2.84817495755985104766e-02,
    -5.77027029648944159157e-03,
    -2.37630166566501626084e-05,
];
const QQ: [f64; 5] = [
    3.97917223959155352819e-01,
    6.50222499887672944485e-02,
    5.08130628187576562776e-03,
    1.32494738004321644526e-04,
    -3.96022827877536812320e-06,
];
const PA: [f64; 7] = [
    -2.36211856075265944077e-03,
    4.14856118683748331666e-01,
    -3.72207876035701323847e-01,
    3.18346619901161753674e-01,
    -1.10894694282396677476e-01,
    3.54783043256182359371e-02,
    -2.16637559486879084300e-03,
];
const QA: [f64; 6] = [
    1.06420880400844228286e-01,
    5.40397917702171048937e-01,
    7.18286544141962662868e-02,
    1.26171219808761642112e-01,
    1.36370839120290507362e-02,
    1.19844998467991074170e-02,
];
const RA: [f64; 8] = [
    -9.86494403484714822705e-03,
    -6.93858572707181764372e-01,
    -1.05586262253232909814e+01,
    -6.23753324503260060396e+01,
    -1.62396669462573470355e+02,
    -1.84605092906711035994e+02,
    -8.12874355063065934246e+01,
    -9.81432934416914548592e+00,
];
const SA: [f64; 8] = [
    1.96512716674392571292e+01,
    1.37657754143519042600e+02,
    4.34565877475229228821e+02,
    6.45387271733267880336e+02,
    4.29008140027567833386e+02,
    1.08635005541779435134e+02,
    6.57024977031928170135e+00,
    -6.04244152148580987438e-02,
];
const RB: [f64; 7] = [
    -9.86494292470009928597e-03,
    -7.99283237680523006574e-01,
    -1.77579549177547519889e+01,
    -1.60636384855821916062e+02,
    -6.37566443368389627722e+02,
    -1.02509513161107724954e+03,
    -4.83519191608651397019e+02,
];
const SB: [f64; 7] = [
    3.03380607434824582924e+01,
    3.25792512996573918826e+02,
    1.53672958608443695994e+03,
    3.19985821950859553908e+03,
    2.55305040643316442583e+03,
    4.74528541206955367215e+02,
    -2.24409524465858183362e+01,
];

/// Horner's rule from the highest coefficient down: `c[0] + z*(c[1] + z*(...))`.
fn horner(z: f64, c: &[f64]) -> f64 {
    c.iter()
        .rev()
        .copied()
        .reduce(|acc, k| k + z * acc)
        .unwrap_or(0.0)
}

/// `1 + z*(c[0] + z*(c[1] + ...))`.
fn one_plus(z: f64, c: &[f64]) -> f64 {
    1.0 + z * horner(z, c)
}

/// The polynomial ratio r/s on |x| < 0.84375 (`z` = x²).
fn erf_small_ratio(z: f64) -> f64 {
    horner(z, &PP) / one_plus(z, &QQ)
}

/// erfc on 0.84375 <= |x| < 1.25.
fn erfc1(x: f64) -> f64 {
    let s = x.abs() - 1.0;
    let p = horner(s, &PA);
    let q = one_plus(s, &QA);
    1.0 - ERX - p / q
}

/// erfc for |x| >= 0.84375 (`ix` the high word of |x|).
fn erfc2(ix: u32, x: f64) -> f64 {
    if ix < 0x3ff4_0000 {
        return erfc1(x);
    }
    let x = x.abs();
    let s = 1.0 / (x * x);
    let (r, big_s) = if ix < 0x4006_db6d {
        (horner(s, &RA), one_plus(s, &SA))
    } else {
        (horner(s, &RB), one_plus(s, &SB))
    };
    let z = f64::from_bits(x.to_bits() & 0xffff_ffff_0000_0000);
    exp(-z * z - 0.5625) * exp((z - x) * (z + x) + r / big_s) / x
}

pub(crate) fn erf(x: f64) -> f64 {
    let hx = high_word(x);
    let sign = hx >> 31 != 0;
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        return if sign { -1.0 } else { 1.0 } + 1.0 / x;
    }
    if ix < 0x3feb_0000 {
        if ix < 0x3e30_0000 {
            return 0.125 * (8.0 * x + EFX8 * x);
        }
        let y = erf_small_ratio(x * x);
        return x + x * y;
    }
    let y = if ix < 0x4018_0000 {
        1.0 - erfc2(ix, x)
    } else {
        1.0 - f64::from_bits(0x0010_0000_0000_0000)
    };
    if sign {
        -y
    } else {
        y
    }
}

pub(crate) fn erfc(x: f64) -> f64 {
    let hx = high_word(x);
    let sign = hx >> 31 != 0;
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        return if sign { 2.0 } else { 0.0 } + 1.0 / x;
    }
    if ix < 0x3feb_0000 {
        if ix < 0x3c70_0000 {
            return 1.0 - x;
        }
        let y = erf_small_ratio(x * x);
        if sign || ix < 0x3fd0_0000 {
            return 1.0 - (x + x * y);
        }
        return 0.5 - (x - 0.5 + x * y);
    }
    let tiny = f64::from_bits(0x0010_0000_0000_0000);
    if ix < 0x403c_0000 {
        return if sign {
            2.0 - erfc2(ix, x)
        } else {
            erfc2(ix, x)
        };
    }
    if sign {
        2.0 - tiny
    } else {
        tiny * tiny
    }
}

const PI: f64 = core::f64::consts::PI;

/// sin(π·x) for x >= 0 (musl's reduction: x mod 2, then a quarter-period kernel).
fn sin_pi(x: f64) -> f64 {
    let x = 2.0 * (x * 0.5 - floor(x * 0.5));
    let mut n = (x * 4.0) as i32;
    n = (n + 1) / 2;
    let x = (x - f64::from(n) * 0.5) * PI;
    match n {
        1 => kernel_cos(x, 0.0),
        2 => kernel_sin(-x, 0.0, false),
        3 => -kernel_cos(x, 0.0),
        _ => kernel_sin(x, 0.0, false),
    }
}

/// g - 1/2 of the Lanczos approximation (g = 6.024680040776729583740234375).
const GMHALF: f64 = 5.524680040776729583740234375;
const SNUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const SDEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
/// (n-1)! for n = 1..=23.
const FACT: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

/// The Lanczos sum S(x) = num(x)/den(x).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 8.0 {
        for i in (0..13).rev() {
            num = num * x + SNUM[i];
            den = den * x + SDEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + SNUM[i];
            den = den / x + SDEN[i];
        }
    }
    num / den
}

pub(crate) fn tgamma(x: f64) -> f64 {
    let ix = high_word(x) & 0x7fff_ffff;
    let sign = x.is_sign_negative();
    if ix >= 0x7ff0_0000 {
        return x + f64::INFINITY;
    }
    if ix < (0x3ff - 54) << 20 {
        return 1.0 / x;
    }
    if x == floor(x) {
        if sign {
            return f64::NAN;
        }
        if x <= FACT.len() as f64 {
            return FACT[x as usize - 1];
        }
    }
    if ix >= 0x4067_0000 {
        // |x| >= 184
        if sign {
            if floor(x) * 0.5 == floor(x * 0.5) {
                return 0.0;
            }
            return -0.0;
        }
        return x * f64::from_bits(0x7fe0_0000_0000_0000);
    }
    let absx = x.abs();
    // the error of x + g - 0.5
    let mut y = absx + GMHALF;
    let mut dy = if absx > GMHALF {
        (y - absx) - GMHALF
    } else {
        (y - GMHALF) - absx
    };
    let mut z = absx - 0.5;
    let mut r = lanczos_sum(absx) * exp(-y);
    if x < 0.0 {
        r = -PI / (sin_pi(absx) * absx * r);
        dy = -dy;
        z = -z;
    }
    r += dy * (GMHALF + 0.5) * r / y;
    let zz = powf(y, 0.5 * z);
    y = r * zz * zz;
    y
}

const TC: f64 = 1.46163214496836224576e+00;
const TF: f64 = -1.21486290535849611461e-01;
const TT: f64 = -3.63867699703950536541e-18;
const LA: [f64; 12] = [
    7.72156649015328655494e-02,
    3.22467033424113591611e-01,
    6.73523010531292681824e-02,
    2.05808084325167332806e-02,
    7.38555086081402883957e-03,
    2.89051383673415629091e-03,
    1.19270763183362067845e-03,
    5.10069792153511336608e-04,
    2.20862790713908385557e-04,
    1.08011567247583939954e-04,
    2.52144565451257326939e-05,
    4.48640949618915160150e-05,
];
const LT: [f64; 15] = [
    4.83836122723810047042e-01,
    -1.47587722994593911752e-01,
    6.46249402391333854778e-02,
    -3.27885410759859649565e-02,
    1.79706750811820387126e-02,
    -1.03142241298341437450e-02,
    6.10053870246291332635e-03,
    -3.68452016781138256760e-03,
    2.25964780900612472250e-03,
    -1.40346469989232843813e-03,
    8.81081882437654011382e-04,
    -5.38595305356740546715e-04,
    3.15632070903625950361e-04,
    -3.12754168375120860518e-04,
    3.35529192635519073543e-04,
];
const LU: [f64; 6] = [
    -7.72156649015328655494e-02,
    6.32827064025093366517e-01,
    1.45492250137234768737e+00,
    9.77717527963372745603e-01,
    2.28963728064692451092e-01,
    1.33810918536787660377e-02,
];
const LV: [f64; 5] = [
    2.45597793713041134822e+00,
    2.12848976379893395361e+00,
    7.69285150456672783825e-01,
    1.04222645593369134254e-01,
    3.21709242282423911810e-03,
];
const LS: [f64; 7] = [
    -7.72156649015328655494e-02,
    2.14982415960608852501e-01,
    3.25778796408930981787e-01,
    1.46350472652464452805e-01,
    2.66422703033638609560e-02,
    1.84028451407337715652e-03,
    3.19475326584100867617e-05,
];
const LR: [f64; 6] = [
    1.39200533467621045958e+00,
    7.21935547567138069525e-01,
    1.71933865632803078993e-01,
    1.86459191715652901344e-02,
    7.77942496381893596434e-04,
    7.32668430744625636189e-06,
];
const LW: [f64; 7] = [
    4.18938533204672725052e-01,
    8.33333333333329678849e-02,
    -2.77777777728775536470e-03,
    7.93650558643019558500e-04,
    -5.95187557450339963135e-04,
    8.36339918996282139126e-04,
    -1.63092934096575273989e-03,
];

/// log|Γ(x)| (fdlibm's e_lgamma_r as musl has it).
pub(crate) fn lgamma(x: f64) -> f64 {
    let bits = x.to_bits();
    let sign = x.is_sign_negative();
    let ix = high_word(x) & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        return x * x;
    }
    if ix < (0x3ff - 70) << 20 {
        // |x| < 2**-70
        return -log(x.abs());
    }
    let mut x = x;
    let mut nadj = 0.0;
    if sign {
        x = -x;
        let mut t = sin_pi(x);
        if t == 0.0 {
            return f64::INFINITY;
        }
        if t < 0.0 {
            t = -t;
        }
        nadj = log(PI / (t * x));
    }
    let mut r;
    if (ix == 0x3ff0_0000 || ix == 0x4000_0000) && bits as u32 == 0 {
        r = 0.0;
    } else if ix < 0x4000_0000 {
        // x < 2
        let (y, i);
        if ix <= 0x3fec_cccc {
            r = -log(x);
            if ix >= 0x3fe7_6944 {
                y = 1.0 - x;
                i = 0;
            } else if ix >= 0x3fcd_a661 {
                y = x - (TC - 1.0);
                i = 1;
            } else {
                y = x;
                i = 2;
            }
        } else {
            r = 0.0;
            if ix >= 0x3ffb_b4c3 {
                y = 2.0 - x;
                i = 0;
            } else if ix >= 0x3ff3_b4c4 {
                y = x - TC;
                i = 1;
            } else {
                y = x - 1.0;
                i = 2;
            }
        }
        match i {
            0 => {
                let z = y * y;
                let a = &LA;
                let p1 = a[0] + z * (a[2] + z * (a[4] + z * (a[6] + z * (a[8] + z * a[10]))));
                let p2 = z * (a[1] + z * (a[3] + z * (a[5] + z * (a[7] + z * (a[9] + z * a[11])))));
                let p = y * p1 + p2;
                r += p - 0.5 * y;
            }
            1 => {
                let z = y * y;
                let w = z * y;
                let t = &LT;
                let p1 = t[0] + w * (t[3] + w * (t[6] + w * (t[9] + w * t[12])));
                let p2 = t[1] + w * (t[4] + w * (t[7] + w * (t[10] + w * t[13])));
                let p3 = t[2] + w * (t[5] + w * (t[8] + w * (t[11] + w * t[14])));
                let p = z * p1 - (TT - w * (p2 + y * p3));
                r += TF + p;
            }
            _ => {
                let p1 = y * horner(y, &LU);
                let p2 = one_plus(y, &LV);
                r += -0.5 * y + p1 / p2;
            }
        }
    } else if ix < 0x4020_0000 {
        // 2 <= x < 8
        let i = x as i32;
        let y = x - f64::from(i);
        let p = y * horner(y, &LS);
        let q = one_plus(y, &LR);
        r = 0.5 * y + p / q;
        let mut z = 1.0;
        for k in (2..i).rev() {
            z *= y + f64::from(k);
        }
        if i >= 3 {
            r += log(z);
        }
    } else if ix < 0x4390_0000 {
        // 8 <= x < 2**58
        let t = log(x);
        let z = 1.0 / x;
        let y = z * z;
        let w =
            LW[0] + z * (LW[1] + y * (LW[2] + y * (LW[3] + y * (LW[4] + y * (LW[5] + y * LW[6])))));
        r = (x - 0.5) * (t - 1.0) + w;
    } else {
        r = x * (log(x) - 1.0);
    }
    if sign {
        r = nadj - r;
    }
    r
}
