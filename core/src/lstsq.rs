//! Linear least squares at any number of rows, in fixed memory.
//!
//! [`LeastSquares::fit_with`] solves `min ‖y − Xβ‖²` for up to
//! [`MAX_PARAMS`] columns and any number of rows, which a closure hands over
//! one at a time: no buffer holds the design. [`LeastSquares::fit`] does the
//! same for a design stored row by row. Both report the coefficients, their
//! standard errors, the residual standard deviation and R².
//!
//! # Method
//!
//! The rows are factored as they come, never forming `XᵀX` (which squares
//! the condition number): chunks of 64 rows join a triangular factor `R`
//! (and `Qᵀy` beside it) through one Householder reflection per column (see
//! `qr.rs`); 16 chunks make a block, 16 blocks a superblock, and these join
//! the total the same way, a tree in the manner of TSQR, so that rounding
//! errors grow like `√64 + √16 + √16 + √(n/16384)` (24 at a million rows)
//! rather than like `√n` or `n`. Memory: a few kilobytes, whatever `n` is.
//!
//! A first pass does this in `f64`. With an intercept it fits `y − y₀` and
//! recognises the constant column itself, which spares the residuals the
//! cancellation of a large level and makes the intercept's reflection a
//! subtraction. From `R` it then estimates the relative error of what it
//! found, by the perturbation theory of least squares (Golub and Van Loan,
//! §5.3): for coefficient `i`, `γ κ (1 + κ tan θ) ‖β_s‖ / (‖X_i‖ m_i)`, with
//! `γ` the unit roundoff times the growth above, `κ` the condition number of
//! `X` with unit columns, `tan θ = ‖r‖ / ‖Xβ‖`, `β_s` the coefficients of
//! those unit columns and `m_i` the larger of `|β_i|` and its standard error
//! (a coefficient within its standard error of zero needs no more digits
//! than that error has); and `2(p + 1) u max_j(‖X_j‖ / |R_jj|) ‖y − y₀‖ /
//! ‖r‖` for the residual sum of squares. When those are at most 10⁻¹² and
//! 10⁻¹¹, the result stands: 12 correct digits or more in each coefficient
//! (of its standard error, when that is larger), 11 in the residual sum of
//! squares, and in practice 13 to 16. Otherwise a second pass (the closure
//! is called again from the first row) factors the rows again in
//! double-double arithmetic (about 32 digits; see `dd.rs`), columns scaled
//! by powers of two, and that result stands: ill-conditioned designs,
//! near-exact fits and coefficients much smaller than the others get nearly
//! every digit an `f64` holds. It also decides rank: a column whose part
//! orthogonal to the ones before it is below 10⁻¹⁵ of its length is
//! [`Error::Singular`].
//!
//! A value that is not finite spreads into `R`; when the first pass ends with
//! one (or with lengths beyond `2^±400`, where squares overflow), a pass of
//! checks names the first row holding it, or else gives the scales for the
//! double-double pass.
//!
//! # Accuracy
//!
//! The estimates bound the errors seen against the double-double result on
//! lines, cubics and random designs of 48 to 10⁶ rows, by factors of 2.5 to
//! 1000; that caution sends some fits to the second pass that the first
//! would have served (a cubic with noise of 1 on a million rows, say,
//! estimated at 1.1 · 10⁻¹² and right to 2 · 10⁻¹⁵). On the NIST StRD
//! linear datasets (`tests/nist.rs` prints the table, also with every row
//! repeated 500 times and with columns scaled by up to `2^±700`) NoInt1 and
//! NoInt2 stand at the first pass, every other one goes to the second, and
//! all reach 13 to 15 correct digits except Filip, at 7.6, which is all its
//! data allow: its design holds powers up to `x¹⁰` rounded to `f64`, and the
//! exact least-squares solution of that rounded design (solved in rational
//! arithmetic) already differs from the certified values in the eighth
//! digit.
//!
//! # Cost
//!
//! `benches/lstsq.rs` times a line (`p = 2` with the intercept), a cubic
//! (`p = 4`) and a line that needs the second pass against a bare pass
//! summing `x, y, xy, xx` over the same data, in one process, interleaved,
//! fastest of 40 rounds; nanoseconds per row (× the bare pass), on a
//! shared two-core x86-64 under load (the quietest of several runs), built
//! with the workspace's release profile (`opt-level = "z"`):
//!
//! | rows | bare | line | cubic | line, second pass |
//! |---|---|---|---|---|
//! | 10⁶ | 0.87 | 6.3 (7.2×) | 13.7 (16×) | 117 (135×) |
//! | 256 | 0.84 | 10.9 (13×) | 19.4 (23×) | 128 (153×) |
//! | 144 | 0.82 | 15.5 (19×) | 25.5 (31×) | 143 (173×) |
//!
//! Built for speed (`opt-level = 3`) the line takes 4.1 ns a row at 10⁶
//! rows (4.9×). Householder QR in double-double throughout, as this module
//! was before, took 306 ns a row for the line at 256 rows (363×) and 699 ns
//! for the cubic (828×) in the same conditions, and refused more rows.
//! Compiled to wasm32 and run in Node 20, the line takes 1.5 times as long
//! as natively at 10⁶ rows (2.2 times Node's own bare pass), 1.5 to 2 times
//! at 144 and 256 rows; the cubic 1.7 to 2.6 times, the second pass 2.6 to
//! 2.9 times.
//!
//! How it came to this, by measurement: square-root-free Givens rotations
//! (Gentleman's, AS 274) row by row cost 22 to 35 times the bare pass for a
//! line, two divisions a row on one chain of dependent operations; chunks
//! of Householder reflections pay those once per chunk. Rows of a fixed
//! width in the chunk let the loops run without bounds checks, several
//! columns to a loop; at `opt-level = "z"` no loop is unrolled and no
//! closure inlined, so the loops spell out their columns. The double-double
//! pass costs 15 to 30 times the `f64` one (its products need Dekker's
//! split, see `dd.rs`), hence the estimate that decides whether it runs.

mod qr;

use crate::dd::Dd;
use crate::error::{Error, Expected, Field, Result, Task};
use qr::{Qr, Real, Row, ROWS, WIDTH};

/// The largest number of parameters (columns of the design).
pub const MAX_PARAMS: usize = 11;

/// Not a limit of this module, which takes any number of rows: the size of
/// the buffers in which callers collect a design for [`LeastSquares::fit`]
/// (the trend fits, the C ABI) and of the series they build.
pub const MAX_ROWS: usize = 256;

/// The factors merged at each level of the tree above the chunks: chunks
/// into a block, blocks into a superblock, superblocks into the total.
/// Rounding errors then grow with the sum over the levels of the square
/// root of what each merges ([`growth`]), rather than with `√n`.
const FANOUT: usize = 16;

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
    libm::exp2(crate::slices::clamp(
        libm::round(libm::log2(x)),
        -960.0,
        960.0,
    ))
}

/// Exact power-of-two factors applied to the columns and the response before
/// the double-double pass, so that its products neither overflow nor lose
/// digits to underflow.
#[derive(Debug, Clone, Copy)]
struct Scales {
    x: [f64; MAX_PARAMS],
    y: f64,
}

impl Scales {
    const ONE: Scales = Scales {
        x: [1.0; MAX_PARAMS],
        y: 1.0,
    };

    /// Factors that bring lengths (or largest values) `x` and `y` near 1.
    fn from_lengths(x: &[f64], y: f64) -> Scales {
        let factor = |v: f64| {
            if v > 0.0 && v.is_finite() {
                pow2_near(1.0 / v)
            } else {
                1.0
            }
        };
        let mut s = Scales {
            x: [1.0; MAX_PARAMS],
            y: factor(y),
        };
        for (slot, v) in s.x.iter_mut().zip(x) {
            *slot = factor(*v);
        }
        s
    }
}

/// One pass over the rows.
struct Pass<T> {
    qr: Qr<T>,
    /// In the double-double pass: `Σ e` and `Σ e²` for `e = y − c`, `c` the
    /// first response (0 without an intercept), for the total sum of squares.
    s1: T,
    s2: T,
    /// In the `f64` pass with an intercept, the factor is that of `y − c`:
    /// `c` and a constant column (its index and value), through which the
    /// coefficients return to `y` (`β_j += c / value`).
    shift: f64,
    constant: Option<(usize, f64)>,
}

/// Reads every row through `row` and factors it: a chunk of rows at a time
/// into a block, and up the tree of [`FANOUT`]. `scales`: `None`
/// for the `f64` pass, which fits `y − c` (see [`Pass`]); the double-double
/// pass fits the scaled `y` itself.
fn pass<T: Real, F>(
    n: usize,
    p: usize,
    intercept: bool,
    scales: Option<&Scales>,
    row: &mut F,
) -> Pass<T>
where
    F: FnMut(usize, &mut [f64]) -> f64,
{
    let mut total = Pass {
        qr: Qr::<T>::new(p),
        s1: T::ZERO,
        s2: T::ZERO,
        shift: 0.0,
        constant: None,
    };
    // Block, superblock.
    let mut levels = [Qr::<T>::new(p), Qr::<T>::new(p)];
    let mut counts = [0usize; 2];
    let mut chunk: [Row<T>; ROWS] = [[T::ZERO; WIDTH]; ROWS];
    // The double-double pass reads rows here, then scales them into the chunk.
    let mut buf = [0.0; WIDTH];
    let f64_pass = scales.is_none();
    let (sx, ty) = scales.map_or((&[1.0; MAX_PARAMS], 1.0), |s| (&s.x, s.y));
    let y_at = p.min(WIDTH - 1);
    // Row 0 sets the shift of the response: c in the f64 pass (the factor is
    // that of y − c), for the sums of the total sum of squares in the other.
    // And the first row, and per column the bits in which a later row differs.
    let mut first = [0.0f64; WIDTH];
    let mut differ = [0u64; WIDTH];
    let mut shift = 0.0;
    let mut c = T::ZERO;
    let mut i = 0;
    while i < n {
        let m = n.saturating_sub(i).min(ROWS);
        let rows = chunk.get_mut(..m).unwrap_or(&mut []);
        for b in 0..rows.len() {
            let Some(r) = rows.get_mut(b) else {
                break;
            };
            // The one call of `row`, so that the compiler inlines it.
            let y = {
                let x = match T::as_f64(r) {
                    Some(r) => r.get_mut(..y_at),
                    None => buf.get_mut(..y_at),
                };
                row(i, x.unwrap_or(&mut []))
            };
            match T::as_f64(r) {
                Some(r) => {
                    if let Some(v) = r.get_mut(y_at) {
                        *v = y - shift;
                    }
                }
                None => {
                    for j in 0..y_at {
                        if let (Some(t), Some(v), Some(f)) = (r.get_mut(j), buf.get(j), sx.get(j)) {
                            *t = T::from_f64(*v * *f);
                        }
                    }
                    if let Some(v) = r.get_mut(y_at) {
                        *v = T::from_f64(y * ty);
                    }
                }
            }
            i = i.saturating_add(1);
        }
        if i == m && intercept {
            // The first chunk: row 0 gives the shift (the f64 pass fits
            // y − y_0) and the values a constant column must keep.
            if let Some(r0) = rows.first() {
                for (f, v) in first.iter_mut().zip(r0.iter()) {
                    *f = v.to_f64();
                }
            }
            let y0 = first.get(y_at).copied().unwrap_or(0.0);
            if f64_pass {
                shift = y0;
                for r in rows.iter_mut() {
                    if let Some(v) = r.get_mut(y_at) {
                        *v = v.sub(T::from_f64(y0));
                    }
                }
            } else {
                c = T::from_f64(y0);
            }
        }
        if !f64_pass {
            // The sums for the total sum of squares.
            for r in rows.iter() {
                let e = r.get(y_at).copied().unwrap_or(T::ZERO).sub(c);
                total.s1 = total.s1.add(e);
                total.s2 = total.s2.add(e.mul(e));
            }
        }
        if f64_pass && intercept {
            // Per column, the bits in which a row differs from the first.
            for (j, (d, f)) in differ.iter_mut().zip(&first).enumerate().take(y_at) {
                if *d == 0 {
                    let (j, bits) = (j.min(WIDTH - 1), f.to_bits());
                    for b in 0..rows.len() {
                        if let Some(v) = rows.get(b).and_then(|r| r.get(j)) {
                            *d |= v.to_f64().to_bits() ^ bits;
                        }
                    }
                }
            }
        }
        // Column 0 constant so far: an intercept, whose reflection is cheap.
        let konst = match differ.first() {
            Some(0) if f64_pass && intercept => first.first().map(|v| T::from_f64(*v)),
            _ => None,
        };
        let [block, upper] = &mut levels;
        let [blocks, uppers] = &mut counts;
        block.absorb(rows, konst);
        *blocks = blocks.saturating_add(1);
        if *blocks == FANOUT || i >= n {
            upper.merge(block);
            *blocks = 0;
            *uppers = uppers.saturating_add(1);
            if *uppers == FANOUT || i >= n {
                total.qr.merge(upper);
                *uppers = 0;
            }
        }
    }
    total.shift = shift;
    if f64_pass {
        total.constant = differ
            .iter()
            .zip(&first)
            .take(p)
            .position(|(d, f)| *d == 0 && *f != 0.0)
            .and_then(|j| first.get(j).map(|f| (j, *f)));
    }
    total
}

/// Reads every row once more to name the first value that is not finite;
/// without one, the largest magnitudes give the scales.
fn check<F>(n: usize, p: usize, row: &mut F) -> Result<Scales>
where
    F: FnMut(usize, &mut [f64]) -> f64,
{
    let mut buf = [0.0; MAX_PARAMS];
    let mut xmax = [0.0f64; MAX_PARAMS];
    let mut ymax = 0.0f64;
    for index in 0..n {
        let x = buf.get_mut(..p).unwrap_or(&mut []);
        x.fill(0.0);
        let y = row(index, x);
        let what = if x.iter().any(|v| !v.is_finite()) {
            Field::Design
        } else if !y.is_finite() {
            Field::Response
        } else {
            for (m, v) in xmax.iter_mut().zip(x.iter()) {
                *m = m.max(v.abs());
            }
            ymax = ymax.max(y.abs());
            continue;
        };
        return Err(Error::NotFinite { what, index });
    }
    Ok(Scales::from_lengths(&xmax, ymax))
}

fn valid_cols(cols: usize) -> Result<usize> {
    if cols == 0 || cols > MAX_PARAMS {
        return Err(Error::InvalidArgument {
            name: Field::Columns,
            expected: Expected::Columns,
        });
    }
    Ok(cols)
}

/// `f64`'s unit roundoff, 2⁻⁵³.
const EPS: f64 = f64::EPSILON / 2.0;

/// The lengths of the columns and of `y` after the `f64` pass, when all lie
/// within `2^±400`, where squares and the coefficients they give neither
/// overflow nor underflow (and nothing is NaN or infinite).
fn fast_lengths(pass: &Pass<f64>) -> Option<([f64; MAX_PARAMS], f64)> {
    // 2^-400 and 2^400.
    const LO: f64 = 3.872_591_914_849_318e-121;
    const HI: f64 = 2.582_249_878_086_908_6e120;
    let g = &pass.qr;
    let mut x = [0.0; MAX_PARAMS];
    for (k, slot) in x.iter_mut().enumerate().take(g.p()) {
        let len = libm::sqrt(g.column_ss(k));
        if !(LO..=HI).contains(&len) {
            return None;
        }
        *slot = len;
    }
    let y = libm::sqrt(g.fitted_ss() + g.sse());
    let finite = pass.s1.is_finite() && pass.s2.is_finite() && pass.shift.is_finite();
    (finite && (y == 0.0 || (LO..=HI).contains(&y))).then_some((x, y))
}

/// The largest estimated relative error the `f64` result may carry in a
/// coefficient.
const TOLERANCE: f64 = 1e-12;

/// The largest estimated relative error the `f64` result may carry in the
/// residual sum of squares (half that in the residual standard deviation
/// and the standard errors).
const RSS_TOLERANCE: f64 = 1e-11;

/// How rounding errors grow with the rows, in units of the unit roundoff:
/// as a random walk at each level of the tree (the rows of a chunk, the
/// chunks of a block, …).
fn growth(n: usize) -> f64 {
    // Per level, the square root of the items it merges (none for one).
    let root = |k: usize| if k > 1 { libm::sqrt(k as f64) } else { 0.0 };
    let chunks = n.div_ceil(ROWS);
    let blocks = chunks.div_ceil(FANOUT);
    let uppers = blocks.div_ceil(FANOUT);
    libm::sqrt(n.min(ROWS) as f64)
        + root(chunks.min(FANOUT))
        + root(blocks.min(FANOUT))
        + root(uppers)
}

/// The `f64` fit when its estimated relative error is below [`TOLERANCE`]
/// in the coefficients, their standard errors and the residual sum of
/// squares; `None` when the problem needs the double-double pass.
fn accept(pass: &Pass<f64>, n: usize, intercept: bool) -> Option<LeastSquares> {
    let g = &pass.qr;
    let p = g.p();
    // A fit of y − c needs a constant column to return to y (and one gives
    // the centred total sum of squares).
    let shift = match pass.constant {
        Some((j, v)) => Some((j, pass.shift / v)),
        None if !intercept => None,
        None => return None,
    };
    // The fit, with the coefficients of y itself and the centred total sum
    // of squares: ‖y − c‖² = ‖z‖² + sse and, with a constant column
    // X_j = a 1, Σ (y − c) = X_jᵀ (y − c) / a = (R e_j)ᵀ z / a.
    let mut fit = finish(pass, n, intercept, &Scales::ONE);
    let (fitted, sse) = (g.fitted_ss(), g.sse());
    let total = fitted + sse;
    fit.tss = match pass.constant {
        Some((j, a)) if intercept => {
            let s1 = (0..=j).fold(0.0, |s, i| s + g.r(i, j) * g.z(i)) / a;
            total - s1 * s1 / n as f64
        }
        _ => total,
    }
    .max(0.0);
    let beta = g.solve();
    if let Some((j, d)) = shift {
        if let Some(c) = fit.coef.get_mut(j) {
            *c += d;
        }
    }
    // κ of R with unit columns, in the Frobenius norm: ‖R_s‖ = √p and
    // R_s⁻¹ = diag(‖X_i‖) R⁻¹.
    let mut inv_ss = 0.0;
    for (i, row) in fit.rinv.iter().enumerate().take(p) {
        let len2 = g.column_ss(i);
        for v in row.iter().take(p).skip(i) {
            inv_ss += len2 * v * v;
        }
    }
    let kappa = libm::sqrt(p as f64 * inv_ss);
    // The coefficients: γ(κ + κ² tan θ) relative to ‖β_s‖, tan θ = ‖r‖ /
    // ‖Xβ‖, β_s = diag(‖X_i‖) β (of the factored y − c). Coefficient i
    // carries ‖β_s‖ / (‖X_i‖ m_i) times that relative error, m_i the larger
    // of |β_i| and its standard error: a coefficient within its standard
    // error of zero needs no more digits than that error has.
    let gamma = EPS * growth(n);
    let tan = if sse == 0.0 {
        0.0
    } else {
        libm::sqrt(sse / fitted)
    };
    let mut norm2 = 0.0;
    let mut least = f64::INFINITY;
    for (k, ((b, c), se)) in beta.iter().zip(&fit.coef).zip(&fit.se).enumerate().take(p) {
        let len2 = g.column_ss(k);
        norm2 += b * b * len2;
        let m = c.abs().max(*se);
        least = least.min(m * m * len2);
    }
    let spread = if norm2 == 0.0 {
        1.0
    } else {
        libm::sqrt(norm2 / least)
    };
    let coef = gamma * kappa * (1.0 + kappa * tan) * spread;
    // The residuals: each of the p reflections rounds at the size of
    // |y_i − c|, times the cancellation in the column it removes (its length
    // over its part orthogonal to the columns before it, ‖X_j‖ / |R_jj|),
    // and RSS doubles the relative error of ‖r‖: RSS carries about
    // 2(p + 1) u max_j(‖X_j‖ / |R_jj|) ‖y − c‖ / ‖r‖ (an exact fit needs the
    // exact pass).
    let cancel = (0..p).fold(1.0f64, |m, j| {
        let d = g.r(j, j);
        m.max(libm::sqrt(g.column_ss(j) / (d * d)))
    });
    let resid = if total == 0.0 {
        0.0
    } else {
        2.0 * (p as f64 + 1.0) * EPS * cancel * libm::sqrt(total / sse)
    };
    (coef <= TOLERANCE && resid <= RSS_TOLERANCE && fit.is_finite()).then_some(fit)
}

/// The first column whose part orthogonal to the ones before it is below
/// 10⁻¹⁵ of its length: linearly dependent on them as far as `f64` data can
/// tell.
fn singular_column<T: Real>(g: &Qr<T>) -> Option<usize> {
    (0..g.p()).find(|&k| {
        let d = g.r(k, k).to_f64();
        let (d2, len2) = (d * d, g.column_ss(k).to_f64());
        // Also when either is NaN.
        d2.partial_cmp(&(1e-30 * len2)) != Some(core::cmp::Ordering::Greater)
    })
}

/// The fitted model from a pass over the rows scaled by `scales`.
fn finish<T: Real>(pass: &Pass<T>, n: usize, intercept: bool, scales: &Scales) -> LeastSquares {
    let g = &pass.qr;
    let p = g.p();
    let beta = g.solve();
    let u = g.inverse();
    let ty = scales.y;
    let unscale = |k: usize| scales.x.get(k).copied().unwrap_or(1.0);
    let mut coef = [0.0; MAX_PARAMS];
    for (k, (c, b)) in coef.iter_mut().zip(beta).enumerate().take(p) {
        *c = b.to_f64() * unscale(k) / ty;
    }
    let df = n.saturating_sub(p);
    let s2 = if df > 0 {
        g.sse().div(T::from_f64(df as f64))
    } else {
        T::ZERO
    };
    // R⁻¹ of the scaled design X S; for X itself row i is multiplied by s_i.
    let mut rinv = [[0.0; MAX_PARAMS]; MAX_PARAMS];
    let mut se = [0.0; MAX_PARAMS];
    for (i, ((out, sei), row)) in rinv
        .iter_mut()
        .zip(se.iter_mut())
        .zip(&u)
        .enumerate()
        .take(p)
    {
        let mut ss = T::ZERO;
        for (o, v) in out.iter_mut().zip(row).take(p).skip(i) {
            ss = ss.add(v.mul(*v));
            *o = v.to_f64() * unscale(i);
        }
        *sei = s2.mul(ss).sqrt().to_f64() * unscale(i) / ty;
    }
    let tss = if intercept {
        pass.s2.sub(pass.s1.mul(pass.s1).div(T::from_f64(n as f64)))
    } else {
        pass.s2
    };
    LeastSquares {
        n,
        p,
        intercept,
        coef,
        se,
        rinv,
        rss: g.sse().to_f64() / ty / ty,
        tss: tss.to_f64().max(0.0) / ty / ty,
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
    /// - the errors of [`LeastSquares::fit_with`].
    pub fn fit(x: &[f64], cols: usize, y: &[f64], intercept: bool) -> Result<LeastSquares> {
        let p = valid_cols(cols)?;
        if y.len().checked_mul(p) != Some(x.len()) {
            return Err(Error::InvalidArgument {
                name: Field::X,
                expected: Expected::RowMajorDesign,
            });
        }
        let mut rows = crate::slices::rows(x, p);
        let mut next = 0;
        LeastSquares::fit_with(y.len(), p, intercept, |i, row| {
            if i != next {
                // A second pass: start again at row i.
                rows = crate::slices::rows(x.get(i.saturating_mul(p)..).unwrap_or(&[]), p);
            }
            next = i.saturating_add(1);
            crate::slices::copy(row, rows.next().unwrap_or(&[]));
            y.get(i).copied().unwrap_or(0.0)
        })
    }

    /// Fits `y ≈ X β` over `n` rows of `cols` values without a buffer for
    /// the design: `row(i, x)` writes row `i` of X into `x` (all `cols`
    /// values: `x` holds whatever an earlier call left) and returns `y_i`.
    /// It is called once per row in order, and again from the first row when
    /// the problem needs a second pass (see the module documentation: an
    /// ill-conditioned design, a near-exact fit, a value that is not
    /// finite); it must give the same values each time. `intercept` as for
    /// [`LeastSquares::fit`].
    ///
    /// # Examples
    ///
    /// ```
    /// use dxcast_core::lstsq::LeastSquares;
    ///
    /// // 100 000 points of y = 3 − 0.5 t, t = i / 1000, and no buffer.
    /// let fit = LeastSquares::fit_with(100_000, 2, true, |i, x| {
    ///     let t = i as f64 / 1000.0;
    ///     x[0] = 1.0;
    ///     x[1] = t;
    ///     3.0 - 0.5 * t + if i % 2 == 0 { 0.01 } else { -0.01 }
    /// })?;
    /// assert!((fit.coefficients()[1] + 0.5).abs() < 1e-6);
    /// assert!(fit.residual_sd().is_some_and(|s| (s - 0.01).abs() < 1e-6));
    /// # Ok::<(), dxcast_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] when `cols` is 0 or above [`MAX_PARAMS`];
    /// - [`Error::TooFewPoints`] when there are fewer rows than columns;
    /// - [`Error::NotFinite`] for NaN or infinity in the design (what
    ///   `"design"`) or the response (what `"response"`), with the row's index;
    /// - [`Error::Singular`] for a rank-deficient design;
    /// - [`Error::Overflow`] (what `fit`) when finite data have a fit beyond
    ///   `f64`'s range (a residual sum of squares above `f64::MAX`, say).
    pub fn fit_with<F>(n: usize, cols: usize, intercept: bool, mut row: F) -> Result<LeastSquares>
    where
        F: FnMut(usize, &mut [f64]) -> f64,
    {
        let p = valid_cols(cols)?;
        if n < p {
            return Err(Error::TooFewPoints {
                method: Task::LeastSquares,
                needed: p,
                got: n,
            });
        }
        let fast = pass::<f64, F>(n, p, intercept, None, &mut row);
        let scales = match fast_lengths(&fast) {
            Some((x, y)) => {
                if let Some(fit) = accept(&fast, n, intercept) {
                    return Ok(fit);
                }
                Scales::from_lengths(&x, y)
            }
            None => check(n, p, &mut row)?,
        };
        let exact = pass::<Dd, F>(n, p, intercept, Some(&scales), &mut row);
        if let Some(column) = singular_column(&exact.qr) {
            return Err(Error::Singular { column });
        }
        let fit = finish(&exact, n, intercept, &scales);
        if !fit.is_finite() {
            // Finite data whose fit is not: sums of squares beyond f64::MAX,
            // or coefficients of huge responses on tiny columns.
            return Err(Error::Overflow {
                what: Field::Fit,
                index: 0,
            });
        }
        Ok(fit)
    }

    /// Whether every number the fit reports is finite.
    fn is_finite(&self) -> bool {
        let rinv = self.rinv.iter().flatten();
        self.coef
            .iter()
            .chain(&self.se)
            .chain(rinv)
            .chain([&self.rss, &self.tss])
            .all(|v| v.is_finite())
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
    }

    #[test]
    fn a_long_exact_line() {
        // 100 000 rows of y = 3 + x/4, every value exact in f64.
        let n = 100_000;
        let f = LeastSquares::fit_with(n, 2, true, |i, x| {
            let t = i as f64;
            x.copy_from_slice(&[1.0, t]);
            3.0 + 0.25 * t
        })
        .unwrap();
        assert_eq!(f.rows(), n);
        assert!((f.coefficients()[0] - 3.0).abs() < 1e-14);
        assert!((f.coefficients()[1] - 0.25).abs() < 1e-17);
        assert!(f.residual_sd().unwrap() < 1e-12, "{:?}", f.residual_sd());
        assert_eq!(f.r_squared(), 1.0);
    }

    #[test]
    fn a_long_line_with_known_residuals() {
        // x = 0, 0, 1, 1, …, m − 1, m − 1 and residuals +δ, −δ, +δ, …: they
        // sum to zero and are orthogonal to x, so the fit is exactly a + bx,
        // RSS = nδ², and with Sxx = 2 m (m² − 1) / 12, x̄ = (m − 1)/2:
        // SE(b) = σ/√Sxx, SE(a) = σ √(1/n + x̄²/Sxx), TSS = b² Sxx + nδ².
        let (m, a, b, delta) = (50_000usize, 1e5, 2.5, 100.0);
        let n = 2 * m;
        let f = LeastSquares::fit_with(n, 2, true, |i, x| {
            let t = (i / 2) as f64;
            x.copy_from_slice(&[1.0, t]);
            a + b * t + if i % 2 == 0 { delta } else { -delta }
        })
        .unwrap();
        let (mf, nf) = (m as f64, n as f64);
        let sxx = 2.0 * mf * (mf * mf - 1.0) / 12.0;
        let xbar = (mf - 1.0) / 2.0;
        let sigma = delta * (nf / (nf - 2.0)).sqrt();
        let close = |got: f64, want: f64| (got - want).abs() <= 1e-12 * want.abs();
        assert!(close(f.coefficients()[0], a), "{:?}", f.coefficients());
        assert!(close(f.coefficients()[1], b), "{:?}", f.coefficients());
        assert!(close(f.rss(), nf * delta * delta), "{}", f.rss());
        assert!(close(f.residual_sd().unwrap(), sigma));
        assert!(close(f.standard_errors().unwrap()[1], sigma / sxx.sqrt()));
        let se_a = sigma * (1.0 / nf + xbar * xbar / sxx).sqrt();
        assert!(close(f.standard_errors().unwrap()[0], se_a));
        let tss = b * b * sxx + nf * delta * delta;
        assert!((f.r_squared() - (1.0 - nf * delta * delta / tss)).abs() < 1e-12);
    }

    #[test]
    fn values_that_are_not_finite_are_named_by_row() {
        let line = |bad_x: Option<usize>, bad_y: Option<usize>| {
            LeastSquares::fit_with(1000, 2, true, move |i, x| {
                let t = if Some(i) == bad_x { f64::NAN } else { i as f64 };
                x.copy_from_slice(&[1.0, t]);
                if Some(i) == bad_y {
                    f64::INFINITY
                } else {
                    1.0 + t
                }
            })
        };
        for i in [0, 1, 300, 999] {
            assert_eq!(
                line(Some(i), None),
                Err(Error::NotFinite {
                    what: Field::Design,
                    index: i
                })
            );
            assert_eq!(
                line(None, Some(i)),
                Err(Error::NotFinite {
                    what: Field::Response,
                    index: i
                })
            );
        }
        assert_eq!(
            line(Some(500), Some(20)),
            Err(Error::NotFinite {
                what: Field::Response,
                index: 20
            })
        );
    }

    #[test]
    fn a_long_rank_deficient_design() {
        // Column 2 is column 0 plus column 1.
        let f = LeastSquares::fit_with(5000, 3, true, |i, x| {
            let t = (i % 97) as f64;
            x.copy_from_slice(&[1.0, t, 1.0 + t]);
            t * t
        });
        assert_eq!(f, Err(Error::Singular { column: 2 }));
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
