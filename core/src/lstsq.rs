//! Linear least squares by Householder QR.
//!
//! [`LeastSquares::fit`] solves `min ‖y − Xβ‖²` for up to [`MAX_PARAMS`]
//! parameters and [`MAX_ROWS`] rows. It scales the columns of `X` by powers
//! of two (exactly) to comparable lengths, factors the matrix by Householder
//! reflections in double-double arithmetic (never forming `XᵀX`, which
//! squares the condition number), and solves the triangular system. It
//! reports the coefficients, their standard errors, the residual standard
//! deviation and R².
//!
//! Working in about 32 digits makes the result accurate to nearly the last
//! digit of an `f64` on every NIST StRD linear dataset, including the
//! large-residual, ill-conditioned Wampler4 and Wampler5, where a plain
//! double-precision QR loses half its digits (the tests print the table).

use crate::dd::Dd;
use crate::error::{Error, Expected, Field, Result, Task};

/// The largest number of parameters (columns of the design).
pub const MAX_PARAMS: usize = 11;

/// The largest number of rows.
pub const MAX_ROWS: usize = 256;

/// A fitted least-squares model.
///
/// # Examples
///
/// ```
/// use dxcast_core::lstsq::LeastSquares;
///
/// // y = 1 + 2x, with an intercept column.
/// let x = [1.0, 0.0, 1.0, 1.0, 1.0, 2.0, 1.0, 3.0];
/// let y = [1.0, 3.1, 4.9, 7.0];
/// let fit = LeastSquares::fit(&x, 2, &y, true)?;
/// // Slope Sxy / Sxx = 9.9 / 5.
/// assert!((fit.coefficients()[1] - 1.98).abs() < 1e-12);
/// assert!(fit.r_squared() > 0.99);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LeastSquares {
    n: usize,
    p: usize,
    intercept: bool,
    coef: [f64; MAX_PARAMS],
    se: [f64; MAX_PARAMS],
    /// R⁻¹ of the *unscaled* problem, upper triangular, row-major, so that
    /// (XᵀX)⁻¹ = R⁻¹ R⁻ᵀ.
    rinv: [[f64; MAX_PARAMS]; MAX_PARAMS],
    rss: f64,
    tss: f64,
}

/// The nearest power of two to `x` (> 0): scaling by it is exact.
fn pow2_near(x: f64) -> f64 {
    libm::exp2(libm::round(libm::log2(x)))
}

/// Column `j` of a column-major matrix with `n` rows.
fn col(work: &[Dd], n: usize, j: usize) -> &[Dd] {
    let start = j.saturating_mul(n);
    work.get(start..start.saturating_add(n)).unwrap_or(&[])
}

fn col_mut(work: &mut [Dd], n: usize, j: usize) -> &mut [Dd] {
    let start = j.saturating_mul(n);
    work.get_mut(start..start.saturating_add(n))
        .unwrap_or(&mut [])
}

fn dot(a: &[Dd], b: &[Dd]) -> Dd {
    a.iter()
        .zip(b)
        .fold(Dd::ZERO, |s, (x, y)| s.plus(x.times(*y)))
}

/// ‖v‖₂ in double-double. Columns arrive scaled near unit length, so the
/// squares neither overflow nor underflow.
fn norm(v: &[Dd]) -> Dd {
    dot(v, v).sqrt()
}

/// The Householder factorisation of a column-major `n × p` matrix, in place:
/// R above the diagonal, the reflection vectors on and below it, R's
/// diagonal in `rdiag` and the reflections' factors in `beta`.
struct Qr<'w> {
    work: &'w mut [Dd],
    n: usize,
    p: usize,
    rdiag: [Dd; MAX_PARAMS],
    beta: [Dd; MAX_PARAMS],
}

impl<'w> Qr<'w> {
    fn factor(work: &'w mut [Dd], n: usize, p: usize) -> Result<Qr<'w>> {
        let mut rdiag = [Dd::ZERO; MAX_PARAMS];
        let mut beta = [Dd::ZERO; MAX_PARAMS];
        // Columns have lengths within a factor √2 of 1, so this absolute
        // tolerance is relative: a column whose part orthogonal to the ones
        // before it is below 1e-15 of its length is linearly dependent on them
        // as far as f64 data can tell.
        let tol = 1e-15;
        for k in 0..p {
            let Some((head, tail)) =
                work.split_at_mut_checked(k.saturating_add(1).saturating_mul(n))
            else {
                return Err(Error::Singular { column: k });
            };
            let x = col_mut(head, n, k).get_mut(k..).unwrap_or(&mut []);
            let nrm = norm(x);
            if nrm.hi().is_nan() || nrm.hi() <= tol {
                return Err(Error::Singular { column: k });
            }
            let x0 = x.first().copied().unwrap_or(Dd::ZERO);
            let alpha = if x0.hi() >= 0.0 { nrm.neg() } else { nrm };
            // v = x − alpha e1, so Hx = alpha e1 and vᵀv = 2‖x‖(‖x‖ + |x0|).
            if let Some(first) = x.first_mut() {
                *first = x0.minus(alpha);
            }
            let b = Dd::from_f64(1.0).over(nrm.times(nrm.plus(x0.abs())));
            if let Some(slot) = rdiag.get_mut(k) {
                *slot = alpha;
            }
            if let Some(slot) = beta.get_mut(k) {
                *slot = b;
            }
            let v: &[Dd] = x;
            for j in 0..p.saturating_sub(k).saturating_sub(1) {
                let c = col_mut(tail, n, j).get_mut(k..).unwrap_or(&mut []);
                let s = dot(v, c).times(b);
                for (ci, vi) in c.iter_mut().zip(v) {
                    *ci = ci.minus(s.times(*vi));
                }
            }
        }
        Ok(Qr {
            work,
            n,
            p,
            rdiag,
            beta,
        })
    }

    /// Overwrites `y` with `Qᵀ y`.
    fn apply_qt(&self, y: &mut [Dd]) {
        for k in 0..self.p {
            let v = col(self.work, self.n, k).get(k..).unwrap_or(&[]);
            let yk = y.get_mut(k..).unwrap_or(&mut []);
            let b = self.beta.get(k).copied().unwrap_or(Dd::ZERO);
            let s = dot(v, yk).times(b);
            for (yi, vi) in yk.iter_mut().zip(v) {
                *yi = yi.minus(s.times(*vi));
            }
        }
    }

    /// R's entry (i, j) for i ≤ j.
    fn r(&self, i: usize, j: usize) -> Dd {
        if i == j {
            self.rdiag.get(i).copied().unwrap_or(Dd::ZERO)
        } else {
            col(self.work, self.n, j)
                .get(i)
                .copied()
                .unwrap_or(Dd::ZERO)
        }
    }

    /// Solves `R z = c` (the first `p` entries of `c`) by back substitution.
    fn solve_r(&self, c: &[Dd]) -> [Dd; MAX_PARAMS] {
        let mut z = [Dd::ZERO; MAX_PARAMS];
        for i in (0..self.p).rev() {
            let mut s = c.get(i).copied().unwrap_or(Dd::ZERO);
            for j in i.saturating_add(1)..self.p {
                s = s.minus(self.r(i, j).times(z.get(j).copied().unwrap_or(Dd::ZERO)));
            }
            if let Some(zi) = z.get_mut(i) {
                *zi = s.over(self.r(i, i));
            }
        }
        z
    }
}

impl LeastSquares {
    /// Fits `y ≈ X β`, where `x` holds the design row by row (`y.len()` rows of
    /// `cols` values). Set `intercept` when one column is constant: it makes
    /// R² centred on the mean of `y` (otherwise R² is uncentred, as for a
    /// model through the origin).
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] when `cols` is 0 or above [`MAX_PARAMS`], or
    ///   `x.len()` is not `y.len() × cols`;
    /// - [`Error::TooFewPoints`] when there are fewer rows than columns;
    /// - [`Error::Capacity`] for more than [`MAX_ROWS`] rows;
    /// - [`Error::NotFinite`] for NaN or infinity in `x` (what `"design"`,
    ///   index of the row) or `y` (what `"response"`);
    /// - [`Error::Singular`] for a rank-deficient design.
    pub fn fit(x: &[f64], cols: usize, y: &[f64], intercept: bool) -> Result<LeastSquares> {
        let (n, p) = (y.len(), cols);
        if p == 0 || p > MAX_PARAMS {
            return Err(Error::InvalidArgument {
                name: Field::Columns,
                expected: Expected::Columns,
            });
        }
        if n > MAX_ROWS {
            return Err(Error::Capacity {
                what: Field::Rows,
                capacity: MAX_ROWS,
            });
        }
        if n.checked_mul(p) != Some(x.len()) {
            return Err(Error::InvalidArgument {
                name: Field::X,
                expected: Expected::RowMajorDesign,
            });
        }
        if n < p {
            return Err(Error::TooFewPoints {
                method: Task::LeastSquares,
                needed: p,
                got: n,
            });
        }
        for (index, v) in y.iter().enumerate() {
            if !v.is_finite() {
                return Err(Error::NotFinite {
                    what: Field::Response,
                    index,
                });
            }
        }
        for (index, row) in crate::slices::rows(x, p.max(1)).enumerate() {
            if row.iter().any(|v| !v.is_finite()) {
                return Err(Error::NotFinite {
                    what: Field::Design,
                    index,
                });
            }
        }

        // Copy the design column by column, scaled by powers of two to about
        // unit length; β_j = β'_j × scale_j undoes it exactly.
        let mut buf = [Dd::ZERO; MAX_ROWS * MAX_PARAMS];
        let work = buf.get_mut(..n.saturating_mul(p)).unwrap_or(&mut []);
        let mut scale = [1.0; MAX_PARAMS];
        for j in 0..p {
            let mut ss = 0.0;
            for row in crate::slices::rows(x, p.max(1)) {
                let v = row.get(j).copied().unwrap_or(0.0);
                ss += v * v;
            }
            let len = libm::sqrt(ss);
            if len == 0.0 {
                return Err(Error::Singular { column: j });
            }
            // Overflowing sums of squares fall back to no scaling.
            let s = if len.is_finite() { pow2_near(len) } else { 1.0 };
            let inv = 1.0 / s;
            for (ci, row) in col_mut(work, n, j)
                .iter_mut()
                .zip(crate::slices::rows(x, p.max(1)))
            {
                *ci = Dd::from_f64(row.get(j).copied().unwrap_or(0.0)).scale(inv);
            }
            if let Some(slot) = scale.get_mut(j) {
                *slot = s;
            }
        }
        let qr = Qr::factor(work, n, p)?;

        let mut ybuf = [Dd::ZERO; MAX_ROWS];
        let qty = ybuf.get_mut(..n).unwrap_or(&mut []);
        for (q, v) in qty.iter_mut().zip(y) {
            *q = Dd::from_f64(*v);
        }
        qr.apply_qt(qty);
        let z = qr.solve_r(qty);
        let mut coef = [0.0; MAX_PARAMS];
        let mut beta = [Dd::ZERO; MAX_PARAMS];
        for j in 0..p {
            let s = scale.get(j).copied().unwrap_or(1.0);
            let bj = z.get(j).copied().unwrap_or(Dd::ZERO).scale(1.0 / s);
            if let Some(slot) = beta.get_mut(j) {
                *slot = bj;
            }
            if let Some(slot) = coef.get_mut(j) {
                *slot = bj.to_f64();
            }
        }

        // Residuals in double-double.
        let mut rss = Dd::ZERO;
        let mut sum_y = Dd::ZERO;
        for (yi, row) in y.iter().zip(crate::slices::rows(x, p.max(1))) {
            let fitted = row
                .iter()
                .zip(beta.iter())
                .fold(Dd::ZERO, |s, (a, b)| s.plus(Dd::from_f64(*a).times(*b)));
            let e = Dd::from_f64(*yi).minus(fitted);
            rss = rss.plus(e.times(e));
            sum_y = sum_y.plus(Dd::from_f64(*yi));
        }
        let mean = if intercept {
            sum_y.over(Dd::from_f64(n as f64))
        } else {
            Dd::ZERO
        };
        let tss = y.iter().fold(Dd::ZERO, |s, v| {
            let d = Dd::from_f64(*v).minus(mean);
            s.plus(d.times(d))
        });

        // R⁻¹ column by column (R' z = e_j). The scaled design is X S⁻¹, so
        // (XᵀX)⁻¹ = S⁻¹ R'⁻¹ R'⁻ᵀ S⁻¹: row i of R'⁻¹ is divided by scale_i.
        let mut rinv = [[0.0; MAX_PARAMS]; MAX_PARAMS];
        for j in 0..p {
            let mut e = [Dd::ZERO; MAX_PARAMS];
            if let Some(ej) = e.get_mut(j) {
                *ej = Dd::from_f64(1.0);
            }
            let zc = qr.solve_r(&e);
            for (i, zi) in zc.iter().enumerate().take(j.saturating_add(1)) {
                let si = scale.get(i).copied().unwrap_or(1.0);
                if let Some(slot) = rinv.get_mut(i).and_then(|row| row.get_mut(j)) {
                    *slot = zi.scale(1.0 / si).to_f64();
                }
            }
        }
        let df = n.saturating_sub(p);
        let s2 = if df > 0 {
            rss.over(Dd::from_f64(df as f64))
        } else {
            Dd::ZERO
        };
        let mut se = [0.0; MAX_PARAMS];
        for (i, sei) in se.iter_mut().enumerate().take(p) {
            let row = rinv.get(i).map(|r| r.as_slice()).unwrap_or(&[]);
            let ss = row.iter().take(p).fold(Dd::ZERO, |s, v| {
                s.plus(Dd::from_f64(*v).times(Dd::from_f64(*v)))
            });
            *sei = s2.times(ss).sqrt().to_f64();
        }
        Ok(LeastSquares {
            n,
            p,
            intercept,
            coef,
            se,
            rinv,
            rss: rss.to_f64(),
            tss: tss.to_f64(),
        })
    }

    /// The coefficients β, one per column.
    #[must_use]
    pub fn coefficients(&self) -> &[f64] {
        self.coef.get(..self.p).unwrap_or(&[])
    }

    /// The coefficients' standard errors; unknown (`None`) for an exact fit
    /// (as many rows as parameters), which leaves nothing to estimate the
    /// error from.
    #[must_use]
    pub fn standard_errors(&self) -> Option<&[f64]> {
        (self.df() > 0).then(|| self.se.get(..self.p).unwrap_or(&[]))
    }

    /// The number of rows.
    #[must_use]
    pub const fn rows(&self) -> usize {
        self.n
    }

    /// The number of parameters.
    #[must_use]
    pub const fn params(&self) -> usize {
        self.p
    }

    /// The residual degrees of freedom, `n − p`.
    #[must_use]
    pub const fn df(&self) -> usize {
        self.n.saturating_sub(self.p)
    }

    /// The residual sum of squares.
    #[must_use]
    pub const fn rss(&self) -> f64 {
        self.rss
    }

    /// The residual standard deviation `√(RSS / (n − p))`; unknown (`None`)
    /// when `n = p`.
    #[must_use]
    pub fn residual_sd(&self) -> Option<f64> {
        let df = self.df();
        (df > 0).then(|| libm::sqrt(self.rss / df as f64))
    }

    /// R²: centred on the mean of `y` when the model has an intercept,
    /// uncentred otherwise. 1 when `y` has no variation to explain.
    #[must_use]
    pub fn r_squared(&self) -> f64 {
        if self.tss > 0.0 {
            1.0 - self.rss / self.tss
        } else {
            1.0
        }
    }

    /// Whether the fit was declared to have an intercept.
    #[must_use]
    pub const fn has_intercept(&self) -> bool {
        self.intercept
    }

    /// The prediction `x₀ᵀβ` at a new row `x0`.
    #[must_use]
    pub fn predict(&self, x0: &[f64]) -> f64 {
        x0.iter().zip(self.coefficients()).map(|(a, b)| a * b).sum()
    }

    /// `x₀ᵀ (XᵀX)⁻¹ x₀`: the leverage of a new row, so that the standard error
    /// of the mean prediction is `s √h` and of a new observation `s √(1 + h)`.
    #[must_use]
    pub fn leverage(&self, x0: &[f64]) -> f64 {
        // (XᵀX)⁻¹ = R⁻¹ R⁻ᵀ, so h = ‖R⁻ᵀ x₀‖² = Σ_j (Σ_{i ≤ j} R⁻¹_ij x0_i)².
        let mut h = 0.0;
        for j in 0..self.p {
            let mut s = 0.0;
            for (i, xi) in x0.iter().enumerate().take(j.saturating_add(1)) {
                s += self
                    .rinv
                    .get(i)
                    .and_then(|r| r.get(j))
                    .copied()
                    .unwrap_or(0.0)
                    * xi;
            }
            h += s * s;
        }
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn exact_line() {
        let x = [1.0, 0.0, 1.0, 1.0, 1.0, 2.0];
        let y = [1.0, 3.0, 5.0];
        let f = LeastSquares::fit(&x, 2, &y, true).unwrap();
        assert!((f.coefficients()[0] - 1.0).abs() < 1e-15);
        assert!((f.coefficients()[1] - 2.0).abs() < 1e-15);
        assert_eq!(f.r_squared(), 1.0);
        assert!(f.residual_sd().unwrap() < 1e-15);
        // Two rows, two parameters: nothing is left to estimate the error from.
        let f = LeastSquares::fit(&x[..4], 2, &y[..2], true).unwrap();
        assert_eq!((f.residual_sd(), f.standard_errors()), (None, None));
    }

    #[test]
    fn singular_design_is_an_error() {
        let x = [1.0, 2.0, 1.0, 2.0, 1.0, 2.0];
        let y = [1.0, 3.0, 5.0];
        assert_eq!(
            LeastSquares::fit(&x, 2, &y, true),
            Err(Error::Singular { column: 1 })
        );
        let zero = [1.0, 0.0, 1.0, 0.0];
        assert_eq!(
            LeastSquares::fit(&zero, 2, &[1.0, 2.0], true),
            Err(Error::Singular { column: 1 })
        );
    }

    #[test]
    fn bad_shapes_and_values() {
        assert!(LeastSquares::fit(&[1.0; 3], 2, &[1.0, 2.0], true).is_err());
        assert!(LeastSquares::fit(&[], 0, &[], true).is_err());
        assert!(LeastSquares::fit(&[1.0, f64::NAN], 1, &[1.0, 2.0], false).is_err());
        assert!(LeastSquares::fit(&[1.0], 1, &[1.0, 2.0], false).is_err());
        let too_many = [1.0; MAX_ROWS + 1];
        assert!(matches!(
            LeastSquares::fit(&too_many, 1, &too_many, false),
            Err(Error::Capacity { .. })
        ));
    }

    #[test]
    fn leverage_of_simple_regression() {
        // For y = a + bx, h(x0) = 1/n + (x0 − x̄)² / Sxx.
        let xs = [0.0, 1.0, 2.0, 3.0, 4.0];
        let ys = [1.0, 2.5, 2.9, 4.2, 5.1];
        let mut x = [0.0; 10];
        for (i, v) in xs.iter().enumerate() {
            x[2 * i] = 1.0;
            x[2 * i + 1] = *v;
        }
        let f = LeastSquares::fit(&x, 2, &ys, true).unwrap();
        let h = f.leverage(&[1.0, 6.0]);
        let expected = 1.0 / 5.0 + (6.0 - 2.0) * (6.0 - 2.0) / 10.0;
        assert!((h - expected).abs() < 1e-14, "{h} vs {expected}");
    }
}
