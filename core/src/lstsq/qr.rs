//! The QR factorisation of `[X | y]` updated a chunk of rows at a time.
//!
//! [`Qr`] holds the `p × p` triangle `R`, the `p` values `z = Qᵀy` beside it
//! and `sse`, the squared length of the part of `y` no column reaches: all a
//! least-squares fit needs, in memory that does not grow with the rows. A
//! chunk of up to [`ROWS`] rows joins it through `p` Householder
//! reflections, one per column, each mixing row `k` of `R` with the chunk's
//! column `k` (the structured QR of `[R; chunk]` that TSQR builds on): per
//! row about `(p + 1)²` multiply-adds in loops down the chunk's columns,
//! while the `p` square roots and divisions are paid once per chunk (square-
//! root-free Givens rotations, Gentleman's, pay `p` divisions per row). Two
//! factors merge the same way ([`Qr::merge`]), so that rows can be folded in
//! a tree, which keeps rounding errors from growing with the number of rows.
//!
//! The same code runs in `f64` and in double-double ([`Real`]).

use super::MAX_PARAMS;
use crate::dd::Dd;

/// The most values in a row: the design's, then the response.
pub(super) const WIDTH: usize = MAX_PARAMS + 1;

/// The rows of a chunk. Rows of a fixed width let the compiler prove every
/// index in the loops below in bounds; 64 rows spread the `p` square roots
/// and divisions of a chunk while its buffer (6 KB in `f64`) stays cheap to
/// clear when a fit starts.
pub(super) const ROWS: usize = 64;

/// A row of a chunk, or of `R` and `z`.
pub(super) type Row<T> = [T; WIDTH];

/// The arithmetic the factorisation needs, in `f64` or double-double.
pub(super) trait Real: Copy {
    const ZERO: Self;
    const ONE: Self;
    fn from_f64(x: f64) -> Self;
    fn to_f64(self) -> f64;
    fn add(self, b: Self) -> Self;
    fn sub(self, b: Self) -> Self;
    fn mul(self, b: Self) -> Self;
    fn div(self, b: Self) -> Self;
    fn sqrt(self) -> Self;
    fn abs(self) -> Self;
    fn neg(self) -> Self;
    fn is_negative(self) -> bool;
    fn is_zero(self) -> bool;
    /// Whether loops down a chunk treat several columns at once: faster,
    /// and more code, which is worth it for the `f64` pass only.
    const GROUPED: bool;
    /// The row itself when `Self` is `f64`, to be written in place.
    fn as_f64(row: &mut Row<Self>) -> Option<&mut Row<f64>>;
}

impl Real for f64 {
    const GROUPED: bool = true;
    const ZERO: f64 = 0.0;
    const ONE: f64 = 1.0;
    #[inline(always)]
    fn from_f64(x: f64) -> f64 {
        x
    }
    #[inline(always)]
    fn to_f64(self) -> f64 {
        self
    }
    #[inline(always)]
    fn add(self, b: f64) -> f64 {
        self + b
    }
    #[inline(always)]
    fn sub(self, b: f64) -> f64 {
        self - b
    }
    #[inline(always)]
    fn mul(self, b: f64) -> f64 {
        self * b
    }
    #[inline(always)]
    fn div(self, b: f64) -> f64 {
        self / b
    }
    fn sqrt(self) -> f64 {
        sqrt(self)
    }
    #[inline(always)]
    fn abs(self) -> f64 {
        libm::fabs(self)
    }
    #[inline(always)]
    fn neg(self) -> f64 {
        -self
    }
    #[inline(always)]
    fn is_negative(self) -> bool {
        self < 0.0
    }
    #[inline(always)]
    fn is_zero(self) -> bool {
        self == 0.0
    }
    #[inline(always)]
    fn as_f64(row: &mut Row<f64>) -> Option<&mut Row<f64>> {
        Some(row)
    }
}

impl Real for Dd {
    const GROUPED: bool = false;
    const ZERO: Dd = Dd::ZERO;
    const ONE: Dd = Dd::from_f64(1.0);
    fn from_f64(x: f64) -> Dd {
        Dd::from_f64(x)
    }
    fn to_f64(self) -> f64 {
        Dd::to_f64(self)
    }
    fn add(self, b: Dd) -> Dd {
        self.plus(b)
    }
    fn sub(self, b: Dd) -> Dd {
        self.minus(b)
    }
    fn mul(self, b: Dd) -> Dd {
        self.times(b)
    }
    fn div(self, b: Dd) -> Dd {
        self.over(b)
    }
    fn sqrt(self) -> Dd {
        Dd::sqrt(self)
    }
    fn abs(self) -> Dd {
        Dd::abs(self)
    }
    fn neg(self) -> Dd {
        Dd::neg(self)
    }
    fn is_negative(self) -> bool {
        self.hi() < 0.0
    }
    fn is_zero(self) -> bool {
        self.hi() == 0.0
    }
    fn as_f64(_: &mut Row<Dd>) -> Option<&mut Row<f64>> {
        None
    }
}

/// `√a` within two ulps, by Newton's iteration on `1/√a`.
///
/// `libm::sqrt` is correctly rounded but, built as this workspace builds
/// libm (without its `arch` feature) and always on wasm32 without unstable
/// intrinsics, a software routine: about 60 ns in Node 20, against 1.4 ns
/// for a division. Householder reflections need an accurate norm, not a
/// correctly rounded one. Outside `2^±1000` (and for 0, infinities and NaN)
/// this defers to libm.
fn sqrt(a: f64) -> f64 {
    // 2^-1000 and 2^1000.
    if !(9.332_636_185_032_189e-302..=1.071_508_607_186_267_3e301).contains(&a) {
        return libm::sqrt(a);
    }
    // A guess of 1/√a within 3.5% from halving the exponent (Lomont's
    // constant), then four steps y ← y (3/2 − a/2 y²), each doubling the
    // correct bits, and a last Newton step on √a itself.
    let mut y = f64::from_bits(0x5FE6_EB50_C7B5_37A9_u64.wrapping_sub(a.to_bits().wrapping_shr(1)));
    let h = 0.5 * a;
    for _ in 0..4 {
        y *= 1.5 - h * y * y;
    }
    let s = a * y;
    s + 0.5 * y * (a - s * s)
}

// The loops below index rather than zip: at `opt-level = "z"`, the size
// profile this workspace ships, iterator adapters are not inlined and a
// zipped loop costs a call per element. Column indices are clamped below
// WIDTH and row indices run below the slice's length, so the compiler drops
// every bounds check. Each loop treats up to `C` neighbouring columns, with
// two partial sums per column in registers (rows alternate between them).

/// What a reflection takes from a row's columns: `s_c` times its value in
/// the pivot column `k`, or constants when every row has the same value
/// there (the intercept's column): `s_c × value`, rounded once as it would
/// be in each row.
#[derive(Clone, Copy)]
enum Pivot<T, const C: usize> {
    Column(usize, [T; C]),
    Constant([T; C]),
}

/// `acc[c] += f x_j` (or `x_j`), `j = j0 + c`.
#[inline(always)]
fn add_term<T: Real>(acc: &mut [T], r: &Row<T>, f: Option<T>, j0: usize, c: usize) {
    let x = r.get(j0.wrapping_add(c)).copied().unwrap_or(T::ZERO);
    if let Some(a) = acc.get_mut(c) {
        *a = a.add(match f {
            Some(f) => f.mul(x),
            None => x,
        });
    }
}

/// `x_j −= d[c] xk` (or `d[c]`), `j = j0 + c`.
#[inline(always)]
fn sub_term<T: Real>(r: &mut Row<T>, d: &[T], xk: Option<T>, j0: usize, c: usize) {
    let dc = d.get(c).copied().unwrap_or(T::ZERO);
    if let Some(x) = r.get_mut(j0.wrapping_add(c)) {
        *x = x.sub(match xk {
            Some(xk) => dc.mul(xk),
            None => dc,
        });
    }
}

/// Adds row `r`'s terms to the sums of [`group_sums`]. The columns are
/// written out (`C ≤ 4`; the tests on `C` fold away) because the size
/// profile neither unrolls loops nor inlines closures.
#[inline(always)]
fn sum_row<T: Real, const C: usize>(acc: &mut [T; C], r: &Row<T>, k: Option<usize>, j0: usize) {
    let f = k.map(|k| r.get(k).copied().unwrap_or(T::ZERO));
    add_term(acc, r, f, j0, 0);
    if C > 1 {
        add_term(acc, r, f, j0, 1);
    }
    if C > 2 {
        add_term(acc, r, f, j0, 2);
    }
    if C > 3 {
        add_term(acc, r, f, j0, 3);
    }
}

/// Σ_b x_bj for the `C` columns from `j0`, or Σ_b x_bk x_bj with `k`.
#[inline(always)]
fn group_sums<T: Real, const C: usize>(rows: &[Row<T>], k: Option<usize>, j0: usize) -> [T; C] {
    let j0 = j0.min(WIDTH.saturating_sub(C));
    let k = k.map(|k| k.min(WIDTH - 1));
    let (mut even, mut odd) = ([T::ZERO; C], [T::ZERO; C]);
    let pairs = rows.len() & !1;
    let mut b = 0usize;
    while b < pairs {
        let end = b.wrapping_add(2);
        if let Some([r0, r1]) = rows.get(b..end) {
            sum_row(&mut even, r0, k, j0);
            sum_row(&mut odd, r1, k, j0);
        }
        b = end;
    }
    if let Some(r) = rows.get(b) {
        sum_row(&mut even, r, k, j0);
    }
    for (e, o) in even.iter_mut().zip(odd) {
        *e = e.add(o);
    }
    even
}

/// Updates row `r` and adds its terms to the sums of [`group_update`],
/// columns written out as in [`sum_row`].
#[inline(always)]
fn update_row<T: Real, const C: usize>(
    acc: &mut [T; C],
    r: &mut Row<T>,
    j0: usize,
    pivot: Pivot<T, C>,
    n: usize,
) {
    let (xk, d) = match pivot {
        Pivot::Column(k, s) => (Some(r.get(k).copied().unwrap_or(T::ZERO)), s),
        Pivot::Constant(d) => (None, d),
    };
    sub_term(r, &d, xk, j0, 0);
    if C > 1 {
        sub_term(r, &d, xk, j0, 1);
    }
    if C > 2 {
        sub_term(r, &d, xk, j0, 2);
    }
    if C > 3 {
        sub_term(r, &d, xk, j0, 3);
    }
    let xn = Some(r.get(n).copied().unwrap_or(T::ZERO));
    add_term(acc, r, xn, j0, 0);
    if C > 1 {
        add_term(acc, r, xn, j0, 1);
    }
    if C > 2 {
        add_term(acc, r, xn, j0, 2);
    }
    if C > 3 {
        add_term(acc, r, xn, j0, 3);
    }
}

/// Down the `C` columns from `j0`: `x_j ← x_j − d_j`, `d_j` from `pivot`,
/// then returns `Σ_b x_bn x_bj` for each. When column `n` is among them it
/// must be `j0`, so that its new value is used.
#[inline(always)]
fn group_update<T: Real, const C: usize>(
    rows: &mut [Row<T>],
    j0: usize,
    pivot: Pivot<T, C>,
    n: usize,
) -> [T; C] {
    let j0 = j0.min(WIDTH.saturating_sub(C));
    let n = n.min(WIDTH - 1);
    let pivot = match pivot {
        Pivot::Column(k, s) => Pivot::Column(k.min(WIDTH - 1), s),
        constant => constant,
    };
    let (mut even, mut odd) = ([T::ZERO; C], [T::ZERO; C]);
    let pairs = rows.len() & !1;
    let mut b = 0usize;
    while b < pairs {
        let end = b.wrapping_add(2);
        if let Some([r0, r1]) = rows.get_mut(b..end) {
            update_row(&mut even, r0, j0, pivot, n);
            update_row(&mut odd, r1, j0, pivot, n);
        }
        b = end;
    }
    if let Some(r) = rows.get_mut(b) {
        update_row(&mut even, r, j0, pivot, n);
    }
    for (e, o) in even.iter_mut().zip(odd) {
        *e = e.add(o);
    }
    even
}

/// The sums of [`group_sums`] for the columns `from..to`, into `acc`.
#[inline(always)]
fn sums<T: Real>(rows: &[Row<T>], k: Option<usize>, from: usize, to: usize, acc: &mut Row<T>) {
    let mut j = from;
    while j < to {
        let left = if T::GROUPED { to.wrapping_sub(j) } else { 1 };
        let dst = acc.get_mut(j..).unwrap_or(&mut []);
        let done = match left {
            1 => copy(dst, &group_sums::<T, 1>(rows, k, j)),
            2 => copy(dst, &group_sums::<T, 2>(rows, k, j)),
            3 => copy(dst, &group_sums::<T, 3>(rows, k, j)),
            _ => copy(dst, &group_sums::<T, 4>(rows, k, j)),
        };
        j = j.wrapping_add(done);
    }
}

/// The updates of [`group_update`] for the columns `from..to` (`from = n`),
/// with factors `s` (or constants `s × c`), and their sums into `acc`.
#[inline(always)]
fn updates<T: Real>(
    rows: &mut [Row<T>],
    k: usize,
    constant: Option<T>,
    s: &Row<T>,
    n: usize,
    to: usize,
    acc: &mut Row<T>,
) {
    let mut j = n;
    while j < to {
        let left = if T::GROUPED { to.wrapping_sub(j) } else { 1 };
        let dst = acc.get_mut(j..).unwrap_or(&mut []);
        let done = match left {
            1 => copy(
                dst,
                &group_update(rows, j, pivot::<T, 1>(k, constant, s, j), n),
            ),
            2 => copy(
                dst,
                &group_update(rows, j, pivot::<T, 2>(k, constant, s, j), n),
            ),
            3 => copy(
                dst,
                &group_update(rows, j, pivot::<T, 3>(k, constant, s, j), n),
            ),
            _ => copy(
                dst,
                &group_update(rows, j, pivot::<T, 4>(k, constant, s, j), n),
            ),
        };
        j = j.wrapping_add(done);
    }
}

/// The pivot of [`group_update`] for the `C` columns from `j`.
#[inline(always)]
fn pivot<T: Real, const C: usize>(
    k: usize,
    constant: Option<T>,
    s: &Row<T>,
    j: usize,
) -> Pivot<T, C> {
    let mut f = [T::ZERO; C];
    for (c, v) in f.iter_mut().enumerate() {
        let sj = s.get(j.wrapping_add(c)).copied().unwrap_or(T::ZERO);
        *v = match constant {
            Some(a) => sj.mul(a),
            None => sj,
        };
    }
    match constant {
        Some(_) => Pivot::Constant(f),
        None => Pivot::Column(k, f),
    }
}

/// Copies `src` to the start of `dst`; returns `src.len()`.
#[inline(always)]
fn copy<T: Copy>(dst: &mut [T], src: &[T]) -> usize {
    for (d, v) in dst.iter_mut().zip(src) {
        *d = *v;
    }
    src.len()
}

/// `R` and `z = Qᵀy` for the rows folded in so far, and the residual sum of
/// squares `sse`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Qr<T> {
    p: usize,
    /// Row `k`: `R`'s row `k` in columns `k..p` (zeros before), `z_k` in
    /// column `p`.
    r: [Row<T>; MAX_PARAMS],
    sse: T,
    /// No rows yet.
    empty: bool,
}

impl<T: Real> Qr<T> {
    /// The factor of no rows, for `p ≤ MAX_PARAMS` columns.
    pub(super) fn new(p: usize) -> Qr<T> {
        Qr {
            p: p.min(MAX_PARAMS),
            r: [[T::ZERO; WIDTH]; MAX_PARAMS],
            sse: T::ZERO,
            empty: true,
        }
    }

    /// Back to no rows, clearing only what `p` columns use.
    pub(super) fn clear(&mut self) {
        let p = self.p;
        for row in self.r.iter_mut().take(p) {
            for v in row.iter_mut().take(p.saturating_add(1)) {
                *v = T::ZERO;
            }
        }
        self.sse = T::ZERO;
        self.empty = true;
    }

    /// Folds in the chunk `rows` (each: `p` values of the design, then the
    /// response), overwriting them. `first`: the value every row has in
    /// column 0, when the caller knows they share one (an intercept), which
    /// spares the first reflection most of its products.
    #[inline]
    pub(super) fn absorb(&mut self, rows: &mut [Row<T>], first: Option<T>) {
        let p = self.p;
        let w = p.saturating_add(1);
        // acc[j] = Σ_b x_bk x_bj over the rows for the pivot column k, j ≥ k.
        let mut acc = [T::ZERO; WIDTH];
        match first {
            Some(c) => {
                sums(rows, None, 1, w, &mut acc);
                for a in acc.iter_mut().take(w) {
                    *a = a.mul(c);
                }
                if let Some(a) = acc.first_mut() {
                    *a = T::from_f64(rows.len() as f64).mul(c).mul(c);
                }
            }
            None => sums(rows, Some(0), 0, w, &mut acc),
        }
        for (k, rk) in self.r.iter_mut().enumerate().take(p) {
            let next = k.saturating_add(1);
            let sigma = acc.get(k).copied().unwrap_or(T::ZERO);
            let mut coef = [T::ZERO; WIDTH];
            if !sigma.is_zero() {
                let rkk = rk.get(k).copied().unwrap_or(T::ZERO);
                let rho = rkk.mul(rkk).add(sigma).sqrt();
                // v = (rkk − α, chunk column k) maps (rkk, column k) to (α, 0);
                // column j loses s_j v, s_j = β vᵀ(rkj, column j).
                let alpha = if rkk.is_negative() { rho } else { rho.neg() };
                let v0 = rkk.sub(alpha);
                let beta = T::ONE.div(rho.mul(rho.add(rkk.abs())));
                let tail = coef.iter_mut().zip(rk.iter_mut()).zip(&acc);
                for ((sj, rkj), aj) in tail.take(w).skip(next) {
                    *sj = beta.mul(v0.mul(*rkj).add(*aj));
                    *rkj = rkj.sub(sj.mul(v0));
                }
                if let Some(d) = rk.get_mut(k) {
                    *d = alpha;
                }
            }
            // Down the later columns, the next pivot column first, whose
            // values the sums for the next step need (after the last
            // column: the chunk's residual sum of squares).
            let constant = first.filter(|_| k == 0);
            updates(rows, k, constant, &coef, next, w, &mut acc);
        }
        self.sse = self.sse.add(acc.get(p).copied().unwrap_or(T::ZERO));
        self.empty &= rows.is_empty();
    }

    /// Moves the rows of `other` (same `p`) into `self`: afterwards `self`
    /// factors the rows of both, and `other` none.
    pub(super) fn merge(&mut self, other: &mut Qr<T>) {
        if self.empty {
            core::mem::swap(self, other);
            return;
        }
        // R's rows (zeros below the diagonal) and z: rows of a chunk.
        let p = self.p;
        self.absorb(other.r.get_mut(..p).unwrap_or(&mut []), None);
        self.sse = self.sse.add(other.sse);
        other.clear();
    }

    pub(super) const fn p(&self) -> usize {
        self.p
    }

    /// `R`'s entry `(i, j)`, `i ≤ j < p`; `z_i` for `j = p`.
    pub(super) fn r(&self, i: usize, j: usize) -> T {
        self.r
            .get(i)
            .and_then(|row| row.get(j))
            .copied()
            .unwrap_or(T::ZERO)
    }

    /// `z_k = (Qᵀy)_k`.
    pub(super) fn z(&self, k: usize) -> T {
        self.r(k, self.p)
    }

    pub(super) const fn sse(&self) -> T {
        self.sse
    }

    /// `‖X_k‖²`, the squared length of column `k` (that of `R`'s column `k`).
    pub(super) fn column_ss(&self, k: usize) -> T {
        (0..=k).fold(T::ZERO, |s, i| {
            let v = self.r(i, k);
            s.add(v.mul(v))
        })
    }

    /// `‖Xβ‖² = ‖z‖²`, the explained sum of squares (uncentred).
    pub(super) fn fitted_ss(&self) -> T {
        (0..self.p).fold(T::ZERO, |s, k| {
            let v = self.z(k);
            s.add(v.mul(v))
        })
    }

    /// `β` from `R β = z`, by back substitution.
    pub(super) fn solve(&self) -> [T; MAX_PARAMS] {
        let mut beta = [T::ZERO; MAX_PARAMS];
        for i in (0..self.p).rev() {
            let mut s = self.z(i);
            for j in i.saturating_add(1)..self.p {
                s = s.sub(self.r(i, j).mul(beta.get(j).copied().unwrap_or(T::ZERO)));
            }
            if let Some(b) = beta.get_mut(i) {
                *b = s.div(self.r(i, i));
            }
        }
        beta
    }

    /// `R⁻¹`, upper triangular, row-major.
    pub(super) fn inverse(&self) -> [[T; MAX_PARAMS]; MAX_PARAMS] {
        let mut u = [[T::ZERO; MAX_PARAMS]; MAX_PARAMS];
        let at = |u: &[[T; MAX_PARAMS]; MAX_PARAMS], i: usize, j: usize| {
            u.get(i)
                .and_then(|row| row.get(j))
                .copied()
                .unwrap_or(T::ZERO)
        };
        for j in 0..self.p {
            if let Some(v) = u.get_mut(j).and_then(|row| row.get_mut(j)) {
                *v = T::ONE.div(self.r(j, j));
            }
            for i in (0..j).rev() {
                let mut s = T::ZERO;
                for k in i.saturating_add(1)..=j {
                    s = s.add(self.r(i, k).mul(at(&u, k, j)));
                }
                if let Some(v) = u.get_mut(i).and_then(|row| row.get_mut(j)) {
                    *v = s.neg().div(self.r(i, i));
                }
            }
        }
        u
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn square_roots_within_two_ulps() {
        // Squares of integers have exact roots; the rest against libm's
        // correctly rounded root.
        for k in 1..2000u32 {
            let k = f64::from(k);
            assert_eq!(sqrt(k * k), k);
        }
        let mut a = 1e-300;
        while a < 1e300 {
            for m in [1.0, 1.37, 2.0, 3.999, 7.1] {
                let x = a * m;
                let (ours, exact) = (sqrt(x), libm::sqrt(x));
                assert!(
                    (ours - exact).abs() <= f64::EPSILON * exact,
                    "√{x}: {ours} vs {exact}"
                );
            }
            a *= 10.0;
        }
        assert_eq!(sqrt(0.0), 0.0);
        assert!(sqrt(-1.0).is_nan());
        assert_eq!(sqrt(f64::INFINITY), f64::INFINITY);
    }
}
