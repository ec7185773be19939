//! The search for the smoothing parameters α, β and φ that minimise the sum
//! of squared one-step errors, with the starting states solved exactly at
//! every trial point.

use crate::error::Result;
use crate::optimize::QuasiNewton;

use super::recursion::{Params, Recursion};
use super::{Start, PHI_RANGE, SMOOTHING_RANGE};

/// The parameters given, and those to search for: α and β together, φ
/// alone.
struct Free {
    given: Option<(f64, f64)>,
    phi: Option<f64>,
    damped: bool,
}

impl Free {
    /// The number of free parameters.
    fn dim(&self) -> usize {
        2usize
            .saturating_mul(usize::from(self.given.is_none()))
            .saturating_add(usize::from(self.phi.is_none()))
    }

    /// The parameters at the free values `x` (α, β, φ in that order).
    fn params(&self, x: &[f64]) -> Params {
        let mut it = x.iter().copied();
        let (alpha, beta) = match self.given {
            Some(ab) => ab,
            None => (it.next().unwrap_or(0.5), it.next().unwrap_or(0.1)),
        };
        let phi = self.phi.unwrap_or_else(|| it.next().unwrap_or(0.9));
        Params {
            alpha,
            beta,
            phi,
            damped: self.damped,
        }
    }

    /// The box of the free values.
    fn bounds(&self) -> ([f64; 3], [f64; 3]) {
        let mut lo = [0.0; 3];
        let mut hi = [0.0; 3];
        let mut k = 0usize;
        let mut push = |(l, h): (f64, f64)| {
            if let (Some(a), Some(b)) = (lo.get_mut(k), hi.get_mut(k)) {
                *a = l;
                *b = h;
            }
            k = k.saturating_add(1);
        };
        if self.given.is_none() {
            push(SMOOTHING_RANGE);
            push(SMOOTHING_RANGE);
        }
        if self.phi.is_none() {
            push(PHI_RANGE);
        }
        (lo, hi)
    }
}

/// The coarse grid the search starts from: the best of these.
const ALPHAS: [f64; 4] = [0.2, 0.5, 0.8, 0.98];
const BETAS: [f64; 3] = [0.01, 0.1, 0.4];
const PHIS: [f64; 3] = [0.8, 0.9, 0.98];
/// Where each variable is tried on the box after a local search: its ends
/// and thirds.
const PROBES: [f64; 4] = [0.0, 1.0 / 3.0, 2.0 / 3.0, 1.0];

/// The parameters minimising the sum of squared one-step errors of `rec`
/// from `start`: `given` α and β or fitted ones, a given φ (1 undamped) or a
/// fitted one.
///
/// The search: the best point of a coarse grid; a projected quasi-Newton
/// search from it; then each free variable tried at the ends and thirds of
/// its range with the others at the optimum found, and a new search from any
/// trial that does better (at most twice). The sum of squares of a damped
/// trend can have a minimum at each end of φ's range (AirPassengers does),
/// which a single local search cannot tell apart.
pub(crate) fn fit(
    rec: &Recursion<'_>,
    start: &Start,
    given: Option<(f64, f64)>,
    phi: Option<f64>,
    damped: bool,
) -> Result<Params> {
    let free = Free { given, phi, damped };
    let dim = free.dim();
    if dim == 0 {
        return Ok(free.params(&[]));
    }
    let (lo, hi) = free.bounds();
    let one = [f64::NAN];
    let alphas: &[f64] = if given.is_none() { &ALPHAS } else { &one };
    let betas: &[f64] = if given.is_none() { &BETAS } else { &one };
    let phis: &[f64] = if phi.is_none() { &PHIS } else { &one };
    let mut best = [0.5, 0.1, 0.9];
    let mut best_value = f64::INFINITY;
    for a in alphas {
        for b in betas {
            for p in phis {
                let mut x = [0.0; 3];
                let mut k = 0usize;
                for v in [a, b, p] {
                    if !v.is_nan() {
                        if let Some(slot) = x.get_mut(k) {
                            *slot = *v;
                        }
                        k = k.saturating_add(1);
                    }
                }
                let value = start.sse(rec, &free.params(x.get(..dim).unwrap_or(&[])));
                if value < best_value {
                    best_value = value;
                    best = x;
                }
            }
        }
    }
    let start = start.recentred(rec, &free.params(best.get(..dim).unwrap_or(&[])));
    let objective = |x: &[f64]| start.sse(rec, &free.params(x));
    let lower = lo.get(..dim).unwrap_or(&[]);
    let upper = hi.get(..dim).unwrap_or(&[]);
    let search = QuasiNewton::default();
    let mut m = search.minimize(objective, best.get(..dim).unwrap_or(&[]), lower, upper)?;
    for _round in 0..2 {
        // Each free variable at the ends and thirds of its range.
        let mut probe_best: Option<([f64; 3], f64)> = None;
        for i in 0..dim {
            for f in PROBES {
                let mut x = [0.0; 3];
                for (slot, v) in x.iter_mut().zip(m.point()) {
                    *slot = *v;
                }
                let (l, h) = (
                    lo.get(i).copied().unwrap_or(0.0),
                    hi.get(i).copied().unwrap_or(1.0),
                );
                if let Some(slot) = x.get_mut(i) {
                    *slot = if f >= 1.0 { h } else { l + f * (h - l) };
                }
                let v = objective(x.get(..dim).unwrap_or(&[]));
                if v < m.value * (1.0 - 1e-12) && probe_best.is_none_or(|(_, b)| v < b) {
                    probe_best = Some((x, v));
                }
            }
        }
        let Some((x, _)) = probe_best else { break };
        let again = search.minimize(objective, x.get(..dim).unwrap_or(&[]), lower, upper)?;
        if again.value < m.value {
            m = again;
        }
    }
    Ok(free.params(m.point()))
}
