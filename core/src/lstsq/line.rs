//! A straight line with an intercept by centred sums: the common case, at
//! about the cost of reading the rows.
//!
//! For `p = 2` with an intercept, where column 0 holds the same value `a` in
//! every row (1, usually) and column 1 the regressor `x`, the least-squares
//! line needs only the means of `x` and `y` and the centred sums `Sxx`,
//! `Sxy`, `Syy`. Rows are taken relative to row 0 (so that nothing carries
//! errors the size of a level far from zero: dates as day numbers, a level
//! of millions) and come in chunks of [`CHUNK`]. Each chunk is read once,
//! its sums taken about its own first row in two interleaved chains; its
//! centred sums follow (`Σu² − (Σu)²/m`, which cancels only as much as the
//! chunk's mean lies off its first row against its spread), and chunks join
//! the running totals by the pairwise update of Chan, Golub and LeVeque.
//! For one regressor the centred problem is perfectly conditioned, so these
//! sums lose nothing that `XᵀX` would lose on raw powers.
//!
//! What is left to rounding is bounded as in the Householder pass, with
//! `γ` the unit roundoff times `√(chunk) + √(chunks)`: each sum's error by
//! `γ` times its chunks' raw sums (which bound the cancellation) and the
//! joins' cross terms times the errors of the means they join; the slope's
//! error from those of `Sxy` and `Sxx`, the intercept's from the means and
//! the slope, and the residual sum of squares `Syy − Sxy²/Sxx` relative to
//! itself. When these pass the same tolerances as the Householder pass (12
//! digits in each coefficient, or in its standard error when that is
//! larger; 11 in the residual sum of squares), the line stands. Otherwise
//! (a near-exact fit, whose residuals the subtraction cannot resolve; an
//! intercept far larger than its spread can justify) the Householder pass
//! decides, as it does for anything else: another design, a column 0 that
//! varies, a value that is not finite, lengths beyond `2^±400`.

use super::{LeastSquares, Scales, EPS, MAX_PARAMS, RSS_TOLERANCE, TOLERANCE};

/// The rows of a chunk: 4 KB of `x` and `y`.
const CHUNK: usize = 1024;

/// 2⁻⁴⁰⁰ and 2⁴⁰⁰: the lengths within which squares neither overflow nor
/// lose digits to underflow.
const LO: f64 = 3.872_591_914_849_318e-121;
const HI: f64 = 2.582_249_878_086_908_6e120;

/// What the line's pass found.
// Returned once, by value; without an allocator there is no box to put the
// fit in.
#[allow(clippy::large_enum_variant)]
pub(super) enum Line {
    /// The fit, within the tolerances.
    Fit(LeastSquares),
    /// A line whose `f64` sums cannot give every digit asked for: the
    /// scales for the double-double pass.
    Exact(Scales),
    /// Not a line with a constant column 0, or not finite: the general
    /// passes decide.
    Other,
}

/// Means and centred sums of the rows so far.
#[derive(Clone, Copy, Default)]
struct Moments {
    n: f64,
    mx: f64,
    my: f64,
    sxx: f64,
    sxy: f64,
    syy: f64,
    /// The rounding budgets of `sxx`, `sxy` and `syy`, in units of γ: each
    /// chunk's raw sums (which bound its cancellation), and each join's
    /// cross term times the errors of the two means it is the difference
    /// of.
    exx: f64,
    exy: f64,
    eyy: f64,
}

/// Sums of a chunk's rows taken from a reference `(x_c, y_c)`, its first
/// row: `Σu`, `Σv`, `Σu²`, `Σuv`, `Σv²` for `u = x − x_c`, `v = y − y_c`.
#[derive(Clone, Copy, Default)]
struct Sums([f64; 5]);

impl Sums {
    #[inline(always)]
    fn add(&mut self, u: f64, v: f64) {
        let [su, sv, uu, uv, vv] = &mut self.0;
        *su += u;
        *sv += v;
        *uu += u * u;
        *uv += u * v;
        *vv += v * v;
    }
}

/// The sums of a chunk's rows in two chains, even rows and odd rows, about
/// the chunk's first row: two lanes of one `f64x2` where wasm has SIMD,
/// two sets of scalar sums (which the compiler puts in lanes itself where
/// it can) elsewhere. Either way each sum adds the same terms in the same
/// order.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
struct Chains {
    even: Sums,
    odd: Sums,
    x_c: f64,
    y_c: f64,
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
impl Chains {
    fn about(x_c: f64, y_c: f64) -> Chains {
        Chains {
            even: Sums::default(),
            odd: Sums::default(),
            x_c,
            y_c,
        }
    }

    /// Adds an even row and the odd row after it.
    #[inline(always)]
    fn add(&mut self, [x0, x1]: [f64; 2], [y0, y1]: [f64; 2]) {
        self.even.add(x0 - self.x_c, y0 - self.y_c);
        self.odd.add(x1 - self.x_c, y1 - self.y_c);
    }

    /// Both chains' sums.
    fn total(self) -> Sums {
        let (Sums(e), Sums(o)) = (self.even, self.odd);
        Sums([
            e[0] + o[0],
            e[1] + o[1],
            e[2] + o[2],
            e[3] + o[3],
            e[4] + o[4],
        ])
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
struct Chains {
    /// `Σu`, `Σv`, `Σu²`, `Σuv`, `Σv²`: even rows in lane 0, odd in lane 1.
    sums: [core::arch::wasm32::v128; 5],
    c: [core::arch::wasm32::v128; 2],
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
impl Chains {
    fn about(x_c: f64, y_c: f64) -> Chains {
        use core::arch::wasm32::f64x2_splat;
        Chains {
            sums: [f64x2_splat(0.0); 5],
            c: [f64x2_splat(x_c), f64x2_splat(y_c)],
        }
    }

    /// Adds an even row and the odd row after it.
    #[inline(always)]
    fn add(&mut self, [x0, x1]: [f64; 2], [y0, y1]: [f64; 2]) {
        use core::arch::wasm32::{f64x2, f64x2_add, f64x2_mul, f64x2_sub};
        let [cx, cy] = self.c;
        let u = f64x2_sub(f64x2(x0, x1), cx);
        let v = f64x2_sub(f64x2(y0, y1), cy);
        let [su, sv, uu, uv, vv] = &mut self.sums;
        *su = f64x2_add(*su, u);
        *sv = f64x2_add(*sv, v);
        *uu = f64x2_add(*uu, f64x2_mul(u, u));
        *uv = f64x2_add(*uv, f64x2_mul(u, v));
        *vv = f64x2_add(*vv, f64x2_mul(v, v));
    }

    /// Both chains' sums.
    fn total(self) -> Sums {
        use core::arch::wasm32::f64x2_extract_lane;
        Sums(
            self.sums
                .map(|s| f64x2_extract_lane::<0>(s) + f64x2_extract_lane::<1>(s)),
        )
    }
}

impl Moments {
    /// The moments of a chunk of `m` rows from its sums `s` about its first
    /// row, which lies at `(cx, cy)` (relative to row 0 of the series).
    /// `Σu² − (Σu)²/m` cancels as much as the chunk's mean is off its first
    /// row against its spread; the raw sums bound that, and join the
    /// rounding budget.
    fn of(m: f64, s: &Sums, (cx, cy): (f64, f64)) -> Moments {
        let [su, sv, uu, uv, vv] = s.0;
        let (du, dv) = (su / m, sv / m);
        Moments {
            n: m,
            mx: cx + du,
            my: cy + dv,
            sxx: uu - su * du,
            sxy: uv - su * dv,
            syy: vv - sv * dv,
            exx: uu,
            exy: libm::sqrt(uu * vv),
            eyy: vv,
        }
    }

    /// Joins the moments of other rows (Chan's pairwise update).
    fn join(&mut self, b: &Moments) {
        if self.n == 0.0 {
            *self = *b;
            return;
        }
        let n = self.n + b.n;
        let (dx, dy) = (b.mx - self.mx, b.my - self.my);
        let f = self.n * b.n / n;
        // The means are off by about γ times their size and spread.
        let spread = |ss: f64, m: f64| libm::sqrt(ss / m);
        let ux =
            libm::fabs(self.mx) + libm::fabs(b.mx) + spread(self.sxx, self.n) + spread(b.sxx, b.n);
        let uy =
            libm::fabs(self.my) + libm::fabs(b.my) + spread(self.syy, self.n) + spread(b.syy, b.n);
        let (ax, ay) = (libm::fabs(dx) * f, libm::fabs(dy) * f);
        self.exx += b.exx + 2.0 * ax * ux;
        self.exy += b.exy + ay * ux + ax * uy;
        self.eyy += b.eyy + 2.0 * ay * uy;
        self.sxx += b.sxx + dx * dx * f;
        self.sxy += b.sxy + dx * dy * f;
        self.syy += b.syy + dy * dy * f;
        self.mx += dx * (b.n / n);
        self.my += dy * (b.n / n);
        self.n = n;
    }
}

/// Reads the `n` rows through `row` once, as a line with an intercept.
pub(super) fn fit<F>(n: usize, row: &mut F) -> Line
where
    F: FnMut(usize, &mut [f64]) -> f64,
{
    if n < 3 {
        return Line::Other;
    }
    let mut buf = [0.0f64; 2];
    // Row 0 gives column 0's value `a` and the series' reference: rows are
    // taken relative to it, so that the means and the sums carry errors the
    // size of the spread, not of the level (dates as day numbers, a level of
    // millions).
    let ky = row(0, &mut buf);
    let [a, kx] = buf;
    if a == 0.0 {
        return Line::Other;
    }
    let bits = a.to_bits();
    let mut total = Moments::default();
    let mut chunks = 0usize;
    let mut differ = 0u64;
    let mut i = 0usize;
    while i < n {
        let end = i.saturating_add(CHUNK).min(n);
        let m = end.saturating_sub(i) as f64;
        // The chunk's first row is its reference.
        let (x_c, y_c) = if i == 0 {
            (kx, ky)
        } else {
            let y = row(i, &mut buf);
            let [c, v] = buf;
            differ |= c.to_bits() ^ bits;
            (v, y)
        };
        i = i.saturating_add(1);
        // Even and odd rows in separate sums: two chains of additions.
        // While `i < end − 1`, `i + 2 ≤ end`: the steps cannot wrap.
        let mut chains = Chains::about(x_c, y_c);
        let pairs_end = end.saturating_sub(1);
        while i < pairs_end {
            let y0 = row(i, &mut buf);
            let [c0, v0] = buf;
            let y1 = row(i.wrapping_add(1), &mut buf);
            let [c1, v1] = buf;
            differ |= (c0.to_bits() ^ bits) | (c1.to_bits() ^ bits);
            chains.add([v0, v1], [y0, y1]);
            i = i.wrapping_add(2);
        }
        let mut even = chains.total();
        if i < end {
            let y = row(i, &mut buf);
            let [c, v] = buf;
            differ |= c.to_bits() ^ bits;
            even.add(v - x_c, y - y_c);
            i = i.saturating_add(1);
        }
        total.join(&Moments::of(m, &even, (x_c - kx, y_c - ky)));
        chunks = chunks.saturating_add(1);
    }
    if differ != 0 {
        return Line::Other;
    }
    judge(&total, a, (kx, ky), n, chunks)
}

/// The fit from the totals (of the rows less the first, `k`), if it keeps
/// the digits asked for.
fn judge(t: &Moments, a: f64, k: (f64, f64), n: usize, chunks: usize) -> Line {
    let Moments {
        mx,
        my,
        sxx,
        sxy,
        syy,
        exx,
        exy,
        eyy,
        ..
    } = *t;
    let (kx, ky) = k;
    let nf = n as f64;
    let len = |ss: f64| libm::sqrt(ss);
    // The lengths of the columns and of y, for the double-double pass.
    let (ux, uy) = (mx + kx, my + ky);
    let lx = [libm::fabs(a) * libm::sqrt(nf), len(sxx + nf * ux * ux)];
    let ly = len(syy + nf * uy * uy);
    let within = |v: f64| (LO..=HI).contains(&v);
    if !lx.iter().all(|v| within(*v))
        || !(ly == 0.0 || within(ly))
        || !within(len(sxx))
        || !(sxy.is_finite() && syy.is_finite())
    {
        return Line::Other;
    }
    let mut lengths = [0.0; MAX_PARAMS];
    for (l, v) in lengths.iter_mut().zip(lx) {
        *l = v;
    }
    let b = sxy / sxx;
    let rss = syy - b * sxy;
    if rss.partial_cmp(&0.0) != Some(core::cmp::Ordering::Greater) {
        // An exact fit, as far as these sums tell: only the double-double
        // pass resolves its residuals.
        return Line::Exact(Scales::from_lengths(&lengths, ly));
    }
    let gamma = EPS * (libm::sqrt(n.min(CHUNK) as f64) + libm::sqrt(chunks as f64) + 2.0);
    let s2 = rss / (nf - 2.0);
    let se1 = libm::sqrt(s2 / sxx);
    let se0 = libm::sqrt(s2 * (1.0 / nf + ux * ux / sxx)) / libm::fabs(a);
    // a β₀ = ȳ − b x̄, with x̄ = k_x + mx and ȳ = k_y + my.
    let b0 = ((my - b * mx) + (ky - b * kx)) / a;
    // Rounding in the sums: their terms (of either sign for Sxy), the
    // chunks' cancellations and joins (the budgets `e`).
    let (rx, ry) = (libm::sqrt(sxx / nf), libm::sqrt(syy / nf));
    let (fx, fy) = (libm::fabs(mx), libm::fabs(my));
    let e_xx = gamma * (sxx + exx);
    let e_xy = gamma * (libm::sqrt(sxx * syy) + exy);
    let e_yy = gamma * (syy + eyy);
    let fb = libm::fabs(b);
    let err1 = (e_xy + fb * e_xx) / sxx;
    // In the intercept: the means, the slope times the mean of x, and the
    // last operations (at the size of the level).
    let err0 = (gamma * (fy + ry)
        + libm::fabs(ux) * err1
        + fb * gamma * (fx + rx)
        + 4.0 * EPS * (libm::fabs(uy) + libm::fabs(b * ux)))
        / libm::fabs(a);
    let resid = (e_yy + 2.0 * fb * e_xy + fb * fb * e_xx) / rss;
    let coef_ok =
        err1 <= TOLERANCE * libm::fabs(b).max(se1) && err0 <= TOLERANCE * libm::fabs(b0).max(se0);
    if !(coef_ok && resid <= RSS_TOLERANCE) {
        // The Householder pass's own estimate may still accept it.
        return Line::Other;
    }
    let mut coef = [0.0; MAX_PARAMS];
    let mut se = [0.0; MAX_PARAMS];
    let mut rinv = [[0.0; MAX_PARAMS]; MAX_PARAMS];
    let ([c0, c1, ..], [s0, s1, ..], [[r00, r01, ..], [_, r11, ..], ..]) =
        (&mut coef, &mut se, &mut rinv);
    (*c0, *c1, *s0, *s1) = (b0, b, se0, se1);
    // R = [[|a|√n, sign(a) Σx/√n], [0, √Sxx]] and its inverse.
    let root = libm::sqrt(sxx);
    *r00 = 1.0 / (libm::fabs(a) * libm::sqrt(nf));
    *r01 = -ux / (a * root);
    *r11 = 1.0 / root;
    let fit = LeastSquares {
        n,
        p: 2,
        intercept: true,
        coef,
        se,
        rinv,
        rss,
        tss: syy.max(0.0),
    };
    if fit.is_finite() {
        Line::Fit(fit)
    } else {
        Line::Other
    }
}
