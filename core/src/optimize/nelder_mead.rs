//! The downhill simplex method of Nelder and Mead (1965).

use crate::error::{Error, Expected, Field, Result, Task};

use super::{Minimum, MAX_DIM};

/// Settings of the Nelder–Mead search.
///
/// # Examples
///
/// ```
/// use dxcast_core::optimize::NelderMead;
///
/// // The Rosenbrock function, minimum 0 at (1, 1).
/// let f = |x: &[f64]| {
///     let (a, b) = (x[0], x[1]);
///     (1.0 - a) * (1.0 - a) + 100.0 * (b - a * a) * (b - a * a)
/// };
/// let m = NelderMead::default().minimize(f, &[-1.2, 1.0], &[-5.0, -5.0], &[5.0, 5.0])?;
/// assert!((m.point()[0] - 1.0).abs() < 1e-6 && (m.point()[1] - 1.0).abs() < 1e-6);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NelderMead {
    /// The most function evaluations, over all restarts.
    pub max_evaluations: u32,
    /// Convergence in the variables: every vertex within this fraction of
    /// the box's width of the best one.
    pub x_tolerance: f64,
    /// Convergence in the value: every vertex's value within this relative
    /// difference (plus [`NelderMead::f_absolute`]) of the best one.
    pub f_tolerance: f64,
    /// The absolute part of the value tolerance.
    pub f_absolute: f64,
}

impl Default for NelderMead {
    fn default() -> NelderMead {
        NelderMead {
            max_evaluations: 5_000,
            x_tolerance: 1e-10,
            f_tolerance: 1e-14,
            f_absolute: 1e-300,
        }
    }
}

type Vertex = [f64; MAX_DIM];

/// Moves `x` into the box.
fn clamp_into(x: &mut Vertex, lower: &Vertex, upper: &Vertex, dim: usize) {
    for ((v, lo), hi) in x.iter_mut().zip(lower).zip(upper).take(dim) {
        *v = crate::slices::clamp(*v, *lo, *hi);
    }
}

/// `a + t (b − a)`, into the box.
fn along(a: &Vertex, b: &Vertex, t: f64, lower: &Vertex, upper: &Vertex, dim: usize) -> Vertex {
    let mut out = [0.0; MAX_DIM];
    for (o, (x, y)) in out.iter_mut().zip(a.iter().zip(b)).take(dim) {
        *o = x + t * (y - x);
    }
    clamp_into(&mut out, lower, upper, dim);
    out
}

impl NelderMead {
    /// Minimises `f` over the box `lower ≤ x ≤ upper`, starting at `start`
    /// (moved into the box if outside).
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] for no variables, more than [`MAX_DIM`],
    ///   slices of different lengths, non-finite bounds or start, a lower
    ///   bound above an upper one, or settings that are not positive;
    /// - [`Error::NoConvergence`] when the evaluations run out before the
    ///   simplex converges.
    pub fn minimize<F>(
        &self,
        mut f: F,
        start: &[f64],
        lower: &[f64],
        upper: &[f64],
    ) -> Result<Minimum>
    where
        F: FnMut(&[f64]) -> f64,
    {
        let dim = start.len();
        if dim == 0 || dim > MAX_DIM || lower.len() != dim || upper.len() != dim {
            return Err(Error::InvalidArgument {
                name: Field::Start,
                expected: Expected::OptimizerVariables,
            });
        }
        let finite = |s: &[f64]| s.iter().all(|v| v.is_finite());
        if !finite(start)
            || !finite(lower)
            || !finite(upper)
            || lower.iter().zip(upper).any(|(lo, hi)| lo > hi)
        {
            return Err(Error::InvalidArgument {
                name: Field::Bounds,
                expected: Expected::OptimizerBounds,
            });
        }
        // NaN fails every comparison, so `!(x > 0)` catches it too.
        if !(self.x_tolerance > 0.0 && self.f_tolerance >= 0.0 && self.f_absolute >= 0.0) {
            return Err(Error::InvalidArgument {
                name: Field::Tolerance,
                expected: Expected::PositiveTolerance,
            });
        }
        let mut lo = [0.0; MAX_DIM];
        let mut hi = [0.0; MAX_DIM];
        let mut x0 = [0.0; MAX_DIM];
        for i in 0..dim {
            if let (Some(l), Some(h), Some(s)) = (lower.get(i), upper.get(i), start.get(i)) {
                if let (Some(a), Some(b), Some(c)) = (lo.get_mut(i), hi.get_mut(i), x0.get_mut(i)) {
                    *a = *l;
                    *b = *h;
                    *c = *s;
                }
            }
        }
        clamp_into(&mut x0, &lo, &hi, dim);

        let mut evals: u32 = 0;
        let mut eval = |x: &Vertex, evals: &mut u32| {
            *evals = evals.saturating_add(1);
            let v = f(x.get(..dim).unwrap_or(&[]));
            if v.is_nan() {
                f64::INFINITY
            } else {
                v
            }
        };

        let mut best = x0;
        let mut best_value = eval(&best, &mut evals);
        // Two rounds: the search, then a restart from its result.
        for _round in 0..2 {
            let (x, v, converged) = self.run(&mut eval, &mut evals, best, &lo, &hi, dim);
            if v <= best_value {
                best = x;
                best_value = v;
            }
            if !converged {
                return Err(Error::NoConvergence {
                    method: Task::NelderMead,
                    iterations: evals,
                });
            }
        }
        Ok(Minimum::new(best, dim, best_value, evals))
    }

    /// One simplex search from `x0`: the best vertex, its value, and whether
    /// it converged within the evaluation budget.
    fn run<E>(
        &self,
        eval: &mut E,
        evals: &mut u32,
        x0: Vertex,
        lo: &Vertex,
        hi: &Vertex,
        dim: usize,
    ) -> (Vertex, f64, bool)
    where
        E: FnMut(&Vertex, &mut u32) -> f64,
    {
        const N: usize = MAX_DIM + 1;
        let mut simplex = [[0.0; MAX_DIM]; N];
        let mut values = [f64::INFINITY; N];
        let nv = dim.saturating_add(1);
        // Initial simplex: x0 and a step of a twentieth of the box along each
        // axis (backwards where the box ends).
        for (k, vertex) in simplex.iter_mut().enumerate().take(nv) {
            *vertex = x0;
            if k > 0 {
                let i = k.saturating_sub(1);
                if let (Some(v), Some(l), Some(h)) = (vertex.get_mut(i), lo.get(i), hi.get(i)) {
                    let step = 0.05 * (h - l);
                    let step = if step > 0.0 { step } else { 1e-3 };
                    *v = if *v + step <= *h {
                        *v + step
                    } else {
                        *v - step
                    };
                }
            }
        }
        for (value, vertex) in values.iter_mut().zip(simplex.iter()).take(nv) {
            *value = eval(vertex, evals);
        }
        loop {
            // Order the vertices by value (insertion sort on ≤ 5 entries).
            for i in 1..nv {
                let mut j = i;
                while j > 0 {
                    let (a, b) = (j.saturating_sub(1), j);
                    let (va, vb) = (
                        values.get(a).copied().unwrap_or(f64::INFINITY),
                        values.get(b).copied().unwrap_or(f64::INFINITY),
                    );
                    if vb < va {
                        crate::slices::swap(&mut values, a, b);
                        crate::slices::swap(&mut simplex, a, b);
                        j = a;
                    } else {
                        break;
                    }
                }
            }
            let best = simplex.first().copied().unwrap_or(x0);
            let fbest = values.first().copied().unwrap_or(f64::INFINITY);
            let worst_i = dim;
            let fworst = values.get(worst_i).copied().unwrap_or(f64::INFINITY);

            let x_done = simplex.iter().take(nv).all(|v| {
                v.iter()
                    .zip(best.iter())
                    .zip(lo.iter().zip(hi.iter()))
                    .take(dim)
                    .all(|((a, b), (l, h))| libm::fabs(a - b) <= self.x_tolerance * (h - l))
            });
            let f_done = fworst - fbest <= self.f_tolerance * libm::fabs(fbest) + self.f_absolute;
            if x_done || (f_done && fworst.is_finite()) {
                return (best, fbest, true);
            }
            if *evals >= self.max_evaluations {
                return (best, fbest, false);
            }

            // Centroid of all but the worst.
            let mut centroid = [0.0; MAX_DIM];
            for vertex in simplex.iter().take(dim) {
                for (c, v) in centroid.iter_mut().zip(vertex.iter()).take(dim) {
                    *c += v / dim as f64;
                }
            }
            let worst = simplex.get(worst_i).copied().unwrap_or(x0);
            let second = values
                .get(dim.saturating_sub(1))
                .copied()
                .unwrap_or(f64::INFINITY);

            let reflected = along(&centroid, &worst, -1.0, lo, hi, dim);
            let fr = eval(&reflected, evals);
            let (new, fnew) = if fr < fbest {
                let expanded = along(&centroid, &worst, -2.0, lo, hi, dim);
                let fe = eval(&expanded, evals);
                if fe < fr {
                    (expanded, fe)
                } else {
                    (reflected, fr)
                }
            } else if fr < second {
                (reflected, fr)
            } else {
                // Contract towards the better of the worst and the reflection.
                let (toward, ft) = if fr < fworst {
                    (reflected, fr)
                } else {
                    (worst, fworst)
                };
                let contracted = along(&centroid, &toward, 0.5, lo, hi, dim);
                let fc = eval(&contracted, evals);
                if fc < ft {
                    (contracted, fc)
                } else {
                    // Shrink everything towards the best vertex.
                    for (vertex, value) in
                        simplex.iter_mut().zip(values.iter_mut()).take(nv).skip(1)
                    {
                        *vertex = along(&best, vertex, 0.5, lo, hi, dim);
                        *value = eval(vertex, evals);
                    }
                    continue;
                }
            };
            if let (Some(v), Some(fv)) = (simplex.get_mut(worst_i), values.get_mut(worst_i)) {
                *v = new;
                *fv = fnew;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn finds_a_minimum_on_the_boundary() {
        // min (x − 2)² + (y + 1)² over [0, 1]²: at (1, 0).
        let f = |x: &[f64]| (x[0] - 2.0).powi(2) + (x[1] + 1.0).powi(2);
        let m = NelderMead::default()
            .minimize(f, &[0.5, 0.5], &[0.0, 0.0], &[1.0, 1.0])
            .unwrap();
        assert!((m.point()[0] - 1.0).abs() < 1e-9 && m.point()[1].abs() < 1e-9);
    }

    #[test]
    fn rejects_bad_settings() {
        let f = |_: &[f64]| 0.0;
        let nm = NelderMead::default();
        assert!(nm.minimize(f, &[], &[], &[]).is_err());
        assert!(nm.minimize(f, &[0.0], &[1.0], &[0.0]).is_err());
        assert!(nm.minimize(f, &[f64::NAN], &[0.0], &[1.0]).is_err());
        let bad = NelderMead {
            x_tolerance: f64::NAN,
            ..NelderMead::default()
        };
        assert!(bad.minimize(f, &[0.0], &[0.0], &[1.0]).is_err());
        // A constant function converges at once.
        assert!(nm.minimize(f, &[0.5], &[0.0], &[1.0]).is_ok());
    }

    #[test]
    fn nan_counts_as_infinity() {
        let f = |x: &[f64]| {
            if x[0] > 0.7 {
                f64::NAN
            } else {
                (x[0] - 0.5).powi(2)
            }
        };
        let m = NelderMead::default()
            .minimize(f, &[0.65], &[0.0], &[1.0])
            .unwrap();
        assert!((m.point()[0] - 0.5).abs() < 1e-8);
    }
}
