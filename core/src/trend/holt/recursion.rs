//! One pass of Holt's recursion, with the powers of the smoothing weights
//! computed once per distinct gap, and the starting states' influence
//! carried alongside so that they can be solved for exactly.
//!
//! The recursion is linear in its starting states: the one-step forecasts
//! from states `(ℓ₀, b₀)` are `f⁰ᵢ + ℓ₀ cᵢ + b₀ dᵢ`, where `f⁰` are the
//! forecasts from `(0, 0)` and `c`, `d` those of the same recursion run on
//! zero observations from `(1, 0)` and `(0, 1)` (the weights depend on the
//! gaps only, never on the values). A pass runs these lanes together; the
//! sums of squares and products of `e⁰ = y − f⁰`, `c` and `d` make the sum of
//! squared one-step errors a quadratic in `(ℓ₀, b₀)`, minimised by a 2 × 2
//! solve.
//!
//! Where every gap is one step (regular dates, or calendar months) a step
//! costs a few multiplications and no transcendental function. Otherwise
//! `(1 − α)ʰ`, `(1 − β)ʰ`, `φʰ` and `D(h)` are computed once per distinct gap
//! of the series per evaluation (up to [`GAP_SLOTS`] of them), and per step
//! only beyond that.

use crate::series::Point;

use super::clock::Clock;
use super::variance::trend_multiplier;

/// The most distinct gaps whose powers are computed once per evaluation.
pub(crate) const GAP_SLOTS: usize = 8;

/// The gaps between consecutive observations, in steps: whether all are one
/// step, and otherwise the distinct ones.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Gaps {
    /// Every gap is exactly one step.
    pub(crate) regular: bool,
    /// Days per step (for irregular gaps).
    step: f64,
    days: [i32; GAP_SLOTS],
    len: usize,
    /// More distinct gaps than slots.
    many: bool,
}

impl Gaps {
    /// The gaps of `points` from the one at `from` on (the gap before it
    /// included) under `clock`.
    pub(crate) fn new(points: &[Point], clock: Clock, from: usize) -> Gaps {
        let mut g = Gaps {
            regular: true,
            step: clock.step_days(),
            days: [0; GAP_SLOTS],
            len: 0,
            many: false,
        };
        // Calendar months: every observation is one step after the one before.
        let Clock::Days(step) = clock else {
            return g;
        };
        for w in points
            .get(from.saturating_sub(1)..)
            .unwrap_or(&[])
            .windows(2)
        {
            let [a, b] = w else { continue };
            let days = a.date.days_until(b.date);
            if f64::from(days) / step != 1.0 {
                g.regular = false;
            }
            if !g.days.iter().take(g.len).any(|d| *d == days) {
                match g.days.get_mut(g.len) {
                    Some(slot) => {
                        *slot = days;
                        g.len = g.len.saturating_add(1);
                    }
                    None => g.many = true,
                }
            }
        }
        g
    }
}

/// Holt's parameters for one pass.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Params {
    pub(crate) alpha: f64,
    pub(crate) beta: f64,
    pub(crate) phi: f64,
    pub(crate) damped: bool,
}

/// What one gap of `h` steps does: `(1 − α)ʰ`, `(1 − β)ʰ`, `φʰ` (1 without
/// damping) and `D(h)`.
#[derive(Debug, Clone, Copy, Default)]
struct Step {
    h: f64,
    qa: f64,
    qb: f64,
    ph: f64,
    dm: f64,
}

impl Step {
    fn new(p: &Params, h: f64) -> Step {
        if h == 1.0 {
            return Step {
                h,
                qa: 1.0 - p.alpha,
                qb: 1.0 - p.beta,
                ph: if p.damped { p.phi } else { 1.0 },
                dm: if p.damped { p.phi } else { 1.0 },
            };
        }
        Step {
            h,
            qa: libm::pow(1.0 - p.alpha, h),
            qb: libm::pow(1.0 - p.beta, h),
            ph: if p.damped { libm::pow(p.phi, h) } else { 1.0 },
            dm: trend_multiplier(p.phi, h, p.damped),
        }
    }
}

/// The level and trend of `N` lanes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Lanes<const N: usize> {
    pub(crate) level: [f64; N],
    pub(crate) trend: [f64; N],
}

/// The recursion over a series from one observation on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Recursion<'a> {
    pub(crate) points: &'a [Point],
    pub(crate) gaps: Gaps,
    /// The first observation with a one-step error: 0 when the states start
    /// one step before the first observation, 2 when they start at the second.
    pub(crate) from: usize,
}

impl Recursion<'_> {
    /// Runs the recursion from `start`, calling `visit(i, yᵢ, forecasts)`
    /// with every lane's one-step forecast of observation `i`. Lane 0 carries
    /// the observations; the others run on zeros.
    #[inline]
    pub(crate) fn pass<const N: usize, V>(
        &self,
        p: &Params,
        start: Lanes<N>,
        mut visit: V,
    ) -> Lanes<N>
    where
        V: FnMut(usize, f64, &[f64; N]),
    {
        let Lanes {
            mut level,
            mut trend,
        } = start;
        let pts = self.points.get(self.from..).unwrap_or(&[]);
        let mut f = [0.0; N];
        if self.gaps.regular {
            let phi = if p.damped { p.phi } else { 1.0 };
            let ab = p.alpha * p.beta;
            for (k, pt) in pts.iter().enumerate() {
                for j in 0..N {
                    if let (Some(fj), Some(l), Some(b)) = (f.get_mut(j), level.get(j), trend.get(j))
                    {
                        *fj = l + phi * b;
                    }
                }
                visit(self.from.saturating_add(k), pt.value, &f);
                for (j, fj) in f.iter().enumerate() {
                    let y = if j == 0 { pt.value } else { 0.0 };
                    let e = y - fj;
                    if let (Some(l), Some(b)) = (level.get_mut(j), trend.get_mut(j)) {
                        *l = fj + p.alpha * e;
                        *b = phi * *b + ab * e;
                    }
                }
            }
            return Lanes { level, trend };
        }

        // Irregular gaps: the powers of each distinct gap, once.
        let mut table = [Step::default(); GAP_SLOTS];
        for (slot, days) in table.iter_mut().zip(self.gaps.days).take(self.gaps.len) {
            *slot = Step::new(p, f64::from(days) / self.gaps.step);
        }
        let lookup = |days: i32| -> Step {
            let found = self
                .gaps
                .days
                .iter()
                .take(self.gaps.len)
                .position(|d| *d == days)
                .and_then(|i| table.get(i).copied());
            match found {
                Some(s) => s,
                None => Step::new(p, f64::from(days) / self.gaps.step),
            }
        };
        let (mut a, mut bw) = (p.alpha, p.beta);
        let mut prev = self.from.checked_sub(1).and_then(|i| self.points.get(i));
        for (k, pt) in pts.iter().enumerate() {
            let s = match prev {
                Some(q) => lookup(q.date.days_until(pt.date)),
                // One step before the first observation.
                None => Step::new(p, 1.0),
            };
            prev = Some(pt);
            for j in 0..N {
                if let (Some(fj), Some(l), Some(b)) = (f.get_mut(j), level.get(j), trend.get(j)) {
                    *fj = l + s.dm * b;
                }
            }
            visit(self.from.saturating_add(k), pt.value, &f);
            a /= a + s.qa;
            bw /= bw + s.qb;
            for (j, fj) in f.iter().enumerate() {
                let y = if j == 0 { pt.value } else { 0.0 };
                let new_level = a * y + (1.0 - a) * fj;
                if let (Some(l), Some(b)) = (level.get_mut(j), trend.get_mut(j)) {
                    *b = bw * (new_level - *l) / s.h + (1.0 - bw) * s.ph * *b;
                    *l = new_level;
                }
            }
        }
        Lanes { level, trend }
    }

    /// The states after the last observation and the sum of squared
    /// one-step errors, from `(level, trend)`.
    pub(crate) fn run(&self, p: &Params, level: f64, trend: f64) -> (Lanes<1>, f64) {
        let mut sse = 0.0;
        let end = self.pass(
            p,
            Lanes {
                level: [level],
                trend: [trend],
            },
            |_, y, f| {
                let e = y - f[0];
                sse += e * e;
            },
        );
        (end, sse)
    }

    /// The starting states `center + (δℓ, δb)` that minimise the sum of
    /// squared one-step errors, and that sum.
    pub(crate) fn solve_start(&self, p: &Params, center: (f64, f64)) -> (f64, f64, f64) {
        let n = if self.gaps.regular {
            self.regular_normal(p, center)
        } else {
            let mut n = Normal::default();
            self.pass(
                p,
                Lanes {
                    level: [center.0, 1.0, 0.0],
                    trend: [center.1, 0.0, 1.0],
                },
                |_, y, f| n.add(y - f[0], f[1], f[2]),
            );
            n
        };
        let (dl, db, sse) = n.solve();
        (center.0 + dl, center.1 + db, sse)
    }

    /// [`Recursion::solve_start`]'s sums where every step is one. The
    /// states advance by the matrix `D` of the recursion,
    /// `s ← D s + g y` with `D = [[1 − α, φ(1 − α)], [−αβ, φ(1 − αβ)]]` and
    /// `g = (α, αβ)`, and every lane's forecast is `f = w·s`, `w = (1, φ)`.
    /// By Cayley–Hamilton (`D² = τ D − δ I`, `τ` and `δ` the trace and
    /// determinant) the forecasts follow a recurrence of order two,
    /// `fₜ₊₁ = τ fₜ − δ fₜ₋₁ + k₁ yₜ + k₀ yₜ₋₁` with `k₁ = w·g` and
    /// `k₀ = w·D g − τ w·g` (no data in the lanes of the starting states):
    /// a third of the arithmetic of carrying the states.
    fn regular_normal(&self, p: &Params, center: (f64, f64)) -> Normal {
        let phi = if p.damped { p.phi } else { 1.0 };
        let ab = p.alpha * p.beta;
        let (d11, d12) = (1.0 - p.alpha, phi * (1.0 - p.alpha));
        let (d21, d22) = (-ab, phi * (1.0 - ab));
        let tau = d11 + d22;
        let delta = d11 * d22 - d12 * d21;
        let k1 = p.alpha + phi * ab;
        let k0 = (d11 * p.alpha + d12 * ab) + phi * (d21 * p.alpha + d22 * ab) - tau * k1;
        let mut n = Normal::default();
        let pts = self.points.get(self.from..).unwrap_or(&[]);
        let (c1, d1) = (d11 + phi * d21, d12 + phi * d22);
        let Some((first, rest)) = pts.split_first() else {
            return n;
        };
        // Step 0: the forecasts from the starting states, and the next ones.
        let (l, b) = center;
        let mut f = l + phi * b;
        let (mut c, mut d) = (1.0, phi);
        let mut y_prev = first.value;
        let e = y_prev - f;
        let (mut ce, mut de, mut ee) = (c * e, d * e, e * e);
        let (mut cc, mut cd, mut dd) = (c * c, c * d, d * d);
        let mut f_next =
            (d11 * l + d12 * b + p.alpha * y_prev) + phi * (d21 * l + d22 * b + ab * y_prev);
        let (mut c_next, mut d_next) = (c1, d1);
        // Two points a turn: the states come back to the same names, with no
        // moves between them.
        let mut pairs = rest.chunks_exact(2);
        for pair in pairs.by_ref() {
            let [p1, p2] = pair else { continue };
            let (y1, y2) = (p1.value, p2.value);
            let e1 = y1 - f_next;
            ce += c_next * e1;
            de += d_next * e1;
            ee += e1 * e1;
            cc += c_next * c_next;
            cd += c_next * d_next;
            dd += d_next * d_next;
            let f2 = tau * f_next - delta * f + (k1 * y1 + k0 * y_prev);
            let c2 = tau * c_next - delta * c;
            let d2 = tau * d_next - delta * d;
            let e2 = y2 - f2;
            ce += c2 * e2;
            de += d2 * e2;
            ee += e2 * e2;
            cc += c2 * c2;
            cd += c2 * d2;
            dd += d2 * d2;
            f = tau * f2 - delta * f_next + (k1 * y2 + k0 * y1);
            c = tau * c2 - delta * c_next;
            d = tau * d2 - delta * d_next;
            // Now (f2, f) are the forecasts of the next two points.
            (f, f_next) = (f2, f);
            (c, c_next) = (c2, c);
            (d, d_next) = (d2, d);
            y_prev = y2;
        }
        for pt in pairs.remainder() {
            let y = pt.value;
            let e = y - f_next;
            ce += c_next * e;
            de += d_next * e;
            ee += e * e;
            cc += c_next * c_next;
            cd += c_next * d_next;
            dd += d_next * d_next;
            let f2 = tau * f_next - delta * f + (k1 * y + k0 * y_prev);
            let c2 = tau * c_next - delta * c;
            let d2 = tau * d_next - delta * d;
            (f, f_next, c, c_next, d, d_next, y_prev) = (f_next, f2, c_next, c2, d_next, d2, y);
        }
        (n.ce, n.de, n.ee, n.cc, n.cd, n.dd) = (ce, de, ee, cc, cd, dd);
        n
    }
}

/// The sums of squares and products of the errors from the centre `e⁰` and
/// the starting states' influence `c`, `d`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Normal {
    cc: f64,
    cd: f64,
    dd: f64,
    ce: f64,
    de: f64,
    ee: f64,
}

impl Normal {
    /// Adds one observation's error `e⁰` and influences `c`, `d`.
    #[inline]
    pub(crate) fn add(&mut self, e: f64, c: f64, d: f64) {
        self.cc += c * c;
        self.cd += c * d;
        self.dd += d * d;
        self.ce += c * e;
        self.de += d * e;
        self.ee += e * e;
    }

    /// The correction `(δℓ, δb)` minimising `Σ (e⁰ − δℓ c − δb d)²`, and
    /// the minimum. A (numerically) singular system, which a series too short
    /// to tell level from trend gives, is solved with a tiny ridge: the
    /// smallest correction among the equally good ones.
    pub(crate) fn solve(&self) -> (f64, f64, f64) {
        let (mut a, b, mut d) = (self.cc, self.cd, self.dd);
        if !(a > 0.0 || d > 0.0) {
            return (0.0, 0.0, self.ee);
        }
        let det = a * d - b * b;
        // NaN counts as singular too.
        if det.is_nan() || det <= 1e-12 * a * d {
            let ridge = 1e-12 * (a + d);
            a += ridge;
            d += ridge;
        }
        let det = a * d - b * b;
        let dl = (d * self.ce - b * self.de) / det;
        let db = (a * self.de - b * self.ce) / det;
        if !(dl.is_finite() && db.is_finite()) {
            return (0.0, 0.0, self.ee);
        }
        let sse = (self.ee - (dl * self.ce + db * self.de)).max(0.0);
        (dl, db, sse)
    }
}
