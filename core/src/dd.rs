//! Double-double arithmetic: an unevaluated sum `hi + lo` of two `f64` with
//! `|lo| ≤ ulp(hi)/2`, about 32 significant digits.
//!
//! Least squares factors its design in this precision, so that the error of
//! the solution, which grows with the square of the condition number on
//! large-residual problems, stays far below `f64` resolution. The algorithms
//! are those of the QD library (Hida, Li and Bailey), built on the error-free
//! transformations `two_sum` (Knuth) and `two_prod` (Dekker).
//!
//! `two_prod` splits each factor into two 26-bit halves (Veltkamp) instead of
//! calling a fused multiply-add: libm, as this workspace builds it (without
//! its `arch` feature), computes `fma` in software on every target, and
//! wasm32 has no fma instruction at all. Measured per product: 13.5 ns with
//! `libm::fma` against 2.8 ns split (x86-64), 26 against 6.1 ns (wasm32 in
//! Node 20). Every target runs the same operations and gets the same bits.
//! The split needs `|a| < 2^995`; least squares hands this module columns
//! scaled to about unit length.
//!
//! Methods are named `plus`, `minus`, `times`, `over` rather than operator
//! traits so that the crate's lint against unchecked arithmetic keeps
//! applying to integers without exceptions.

/// A double-double number.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Dd {
    hi: f64,
    lo: f64,
}

/// `a + b = s + e` exactly.
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

/// `a + b = s + e` exactly, given `|a| ≥ |b|`.
fn quick_two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    (s, b - (s - a))
}

/// `a = hi + lo` with both halves of at most 26 significant bits, so that
/// products of halves are exact (Veltkamp's split).
fn split(a: f64) -> (f64, f64) {
    // 2^27 + 1.
    let t = 134_217_729.0 * a;
    let hi = t - (t - a);
    (hi, a - hi)
}

/// `a × b = p + e` exactly (Dekker), for `|a|, |b| < 2^995`.
fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}

impl Dd {
    pub(crate) const ZERO: Dd = Dd { hi: 0.0, lo: 0.0 };

    pub(crate) const fn from_f64(x: f64) -> Dd {
        Dd { hi: x, lo: 0.0 }
    }

    /// The nearest `f64`.
    pub(crate) fn to_f64(self) -> f64 {
        self.hi + self.lo
    }

    pub(crate) const fn hi(self) -> f64 {
        self.hi
    }

    pub(crate) fn plus(self, b: Dd) -> Dd {
        let (s1, s2) = two_sum(self.hi, b.hi);
        let (t1, t2) = two_sum(self.lo, b.lo);
        let (s1, s2) = quick_two_sum(s1, s2 + t1);
        let (hi, lo) = quick_two_sum(s1, s2 + t2);
        Dd { hi, lo }
    }

    pub(crate) fn neg(self) -> Dd {
        Dd {
            hi: -self.hi,
            lo: -self.lo,
        }
    }

    pub(crate) fn minus(self, b: Dd) -> Dd {
        self.plus(b.neg())
    }

    pub(crate) fn times(self, b: Dd) -> Dd {
        let (p1, p2) = two_prod(self.hi, b.hi);
        let p2 = p2 + (self.hi * b.lo + self.lo * b.hi);
        let (hi, lo) = quick_two_sum(p1, p2);
        Dd { hi, lo }
    }

    pub(crate) fn over(self, b: Dd) -> Dd {
        // Long division: three quotient digits.
        let q1 = self.hi / b.hi;
        let r = self.minus(b.times(Dd::from_f64(q1)));
        let q2 = r.hi / b.hi;
        let r = r.minus(b.times(Dd::from_f64(q2)));
        let q3 = r.hi / b.hi;
        let (q1, q2) = quick_two_sum(q1, q2);
        Dd { hi: q1, lo: q2 }.plus(Dd::from_f64(q3))
    }

    pub(crate) fn sqrt(self) -> Dd {
        if self.hi <= 0.0 {
            return Dd::from_f64(libm::sqrt(self.hi));
        }
        // One Newton step from the f64 root (Karp's trick).
        let x = 1.0 / libm::sqrt(self.hi);
        let ax = self.hi * x;
        let (s, e) = two_prod(ax, ax);
        let diff = self.minus(Dd { hi: s, lo: e }).hi;
        let (hi, lo) = two_sum(ax, diff * (x * 0.5));
        Dd { hi, lo }
    }

    pub(crate) fn abs(self) -> Dd {
        if self.hi < 0.0 {
            self.neg()
        } else {
            self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn one_third_times_three_is_one() {
        let third = Dd::from_f64(1.0).over(Dd::from_f64(3.0));
        let one = third.times(Dd::from_f64(3.0));
        assert!(one.minus(Dd::from_f64(1.0)).abs().hi < 1e-31);
        // 1/3 carries digits far below f64's.
        assert!(third.lo != 0.0);
    }

    #[test]
    fn sqrt_two_squared() {
        let r = Dd::from_f64(2.0).sqrt();
        let back = r.times(r).minus(Dd::from_f64(2.0));
        assert!(back.abs().hi < 1e-30, "{back:?}");
    }

    #[test]
    fn products_are_exact() {
        // (1 + 2⁻³⁰)(1 − 2⁻³⁰) = 1 − 2⁻⁶⁰, which rounds to 1.
        let e = libm::exp2(-30.0);
        assert_eq!(two_prod(1.0 + e, 1.0 - e), (1.0, -e * e));
        // (2²⁶ + 1)² = 2⁵² + 2²⁷ + 1, exact in an f64 (53 bits).
        let a = libm::exp2(26.0) + 1.0;
        assert_eq!(two_prod(a, a), (a * a, 0.0));
        // (2²⁷ + 1)² = 2⁵⁴ + 2²⁸ + 1: the 1 is the rounding error.
        let b = libm::exp2(27.0) + 1.0;
        assert_eq!(two_prod(b, b), (libm::exp2(54.0) + libm::exp2(28.0), 1.0));
    }

    #[test]
    fn sums_keep_small_parts() {
        let a = Dd::from_f64(1e16)
            .plus(Dd::from_f64(1.0))
            .minus(Dd::from_f64(1e16));
        assert_eq!(a.to_f64(), 1.0);
    }
}
