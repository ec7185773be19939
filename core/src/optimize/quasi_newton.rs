//! A projected quasi-Newton method for a few variables in a box.
//!
//! The variables are scaled to `[0, 1]` on the box. Each iteration takes
//! the gradient by forward differences (backward at the upper face), holds
//! the variables that sit on a face with the gradient pushing outwards,
//! moves the others along the BFGS direction, projects the path onto the box
//! and backtracks until the decrease is sufficient (Armijo). The inverse
//! Hessian estimate starts as a scaled identity and restarts whenever the
//! set of held variables changes. It stops when the projected gradient, the
//! step or the decrease becomes negligible.

use crate::error::{Error, Expected, Field, Result, Task};

use super::{Minimum, MAX_DIM};

/// Settings of the projected quasi-Newton search.
///
/// # Examples
///
/// ```
/// use dxcast_core::optimize::QuasiNewton;
///
/// // The Rosenbrock function, minimum 0 at (1, 1).
/// let f = |x: &[f64]| {
///     let (a, b) = (x[0], x[1]);
///     (1.0 - a) * (1.0 - a) + 100.0 * (b - a * a) * (b - a * a)
/// };
/// let m = QuasiNewton::default().minimize(f, &[-1.2, 1.0], &[-5.0, -5.0], &[5.0, 5.0])?;
/// assert!((m.point()[0] - 1.0).abs() < 1e-5 && (m.point()[1] - 1.0).abs() < 1e-5);
/// // A minimum on a corner of the box is reached exactly.
/// let g = |x: &[f64]| (x[0] - 3.0).powi(2) + (x[1] + 2.0).powi(2);
/// let m = QuasiNewton::default().minimize(g, &[0.5, 0.5], &[0.0, 0.0], &[1.0, 1.0])?;
/// assert_eq!(m.point(), [1.0, 0.0]);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuasiNewton {
    /// The most function evaluations (differences and line searches included).
    pub max_evaluations: u32,
    /// Stop when an iteration lowers the value by less than this fraction of it.
    pub f_tolerance: f64,
    /// Stop when a step moves no variable by more than this fraction of its
    /// range.
    pub x_tolerance: f64,
    /// Stop when the projected gradient, times each variable's range, is
    /// below this fraction of the value (plus [`QuasiNewton::f_absolute`]).
    pub g_tolerance: f64,
    /// The absolute part of the value and gradient tolerances.
    pub f_absolute: f64,
    /// The finite-difference step as a fraction of each variable's range.
    pub difference: f64,
}

impl Default for QuasiNewton {
    fn default() -> QuasiNewton {
        QuasiNewton {
            max_evaluations: 2_000,
            f_tolerance: 1e-13,
            x_tolerance: 1e-10,
            g_tolerance: 1e-9,
            f_absolute: 1e-300,
            difference: 1e-7,
        }
    }
}

type Vector = [f64; MAX_DIM];
type Matrix = [[f64; MAX_DIM]; MAX_DIM];

fn at(v: &Vector, i: usize) -> f64 {
    v.get(i).copied().unwrap_or(0.0)
}

fn put(v: &mut Vector, i: usize, x: f64) {
    if let Some(slot) = v.get_mut(i) {
        *slot = x;
    }
}

fn dot(a: &Vector, b: &Vector) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// `γ I`.
fn scaled_identity(gamma: f64) -> Matrix {
    let mut h = [[0.0; MAX_DIM]; MAX_DIM];
    for (i, row) in h.iter_mut().enumerate() {
        put(row, i, gamma);
    }
    h
}

fn times(h: &Matrix, v: &Vector) -> Vector {
    let mut out = [0.0; MAX_DIM];
    for (o, row) in out.iter_mut().zip(h) {
        *o = dot(row, v);
    }
    out
}

/// The BFGS update of the inverse Hessian estimate with step `s` and
/// gradient change `y` (`sᵀy > 0`): `(I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ`.
fn bfgs(h: &Matrix, s: &Vector, y: &Vector) -> Matrix {
    let rho = 1.0 / dot(s, y);
    let hy = times(h, y);
    let yhy = dot(y, &hy);
    let mut out = *h;
    for (i, row) in out.iter_mut().enumerate() {
        for (j, cell) in row.iter_mut().enumerate() {
            let (si, sj, hyi, hyj) = (at(s, i), at(s, j), at(&hy, i), at(&hy, j));
            *cell += -rho * (si * hyj + hyi * sj) + (rho * rho * yhy + rho) * si * sj;
        }
    }
    out
}

/// The function on the unit box.
struct Scaled<'f, F> {
    f: &'f mut F,
    lo: Vector,
    width: Vector,
    dim: usize,
    evals: u32,
}

impl<F: FnMut(&[f64]) -> f64> Scaled<'_, F> {
    fn x(&self, u: &Vector) -> Vector {
        let mut x = [0.0; MAX_DIM];
        for (i, xi) in x.iter_mut().enumerate().take(self.dim) {
            // The upper face exactly, whatever the rounding of lo + width.
            *xi = at(&self.lo, i) + at(u, i) * at(&self.width, i);
        }
        x
    }

    fn eval(&mut self, u: &Vector, upper: &Vector) -> f64 {
        self.evals = self.evals.saturating_add(1);
        let mut x = self.x(u);
        for (i, xi) in x.iter_mut().enumerate().take(self.dim) {
            if at(u, i) >= 1.0 {
                *xi = at(upper, i);
            }
        }
        let v = (self.f)(x.get(..self.dim).unwrap_or(&[]));
        if v.is_nan() {
            f64::INFINITY
        } else {
            v
        }
    }
}

impl QuasiNewton {
    /// Minimises `f` over the box `lower ≤ x ≤ upper`, starting at `start`
    /// (moved into the box if outside).
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] for no variables, more than [`MAX_DIM`],
    ///   slices of different lengths, non-finite bounds or start, a lower
    ///   bound above an upper one, or settings that are not positive;
    /// - [`Error::NoConvergence`] when the evaluations run out first.
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
        let positive = self.f_tolerance >= 0.0
            && self.x_tolerance > 0.0
            && self.g_tolerance >= 0.0
            && self.f_absolute >= 0.0
            && self.difference > 0.0
            && self.difference < 0.5;
        if !positive {
            return Err(Error::InvalidArgument {
                name: Field::Tolerance,
                expected: Expected::PositiveTolerance,
            });
        }
        let mut lo = [0.0; MAX_DIM];
        let mut width = [0.0; MAX_DIM];
        let mut hi = [0.0; MAX_DIM];
        let mut u = [0.0; MAX_DIM];
        for i in 0..dim {
            let (l, h, s) = (
                lower.get(i).copied().unwrap_or(0.0),
                upper.get(i).copied().unwrap_or(0.0),
                start.get(i).copied().unwrap_or(0.0),
            );
            put(&mut lo, i, l);
            put(&mut hi, i, h);
            put(&mut width, i, h - l);
            let ui = if h > l {
                ((s - l) / (h - l)).clamp(0.0, 1.0)
            } else {
                0.0
            };
            put(&mut u, i, ui);
        }
        let mut s = Scaled {
            f: &mut f,
            lo,
            width,
            dim,
            evals: 0,
        };
        let movable = |i: usize| at(&width, i) > 0.0;
        let mut fx = s.eval(&u, &hi);
        // Forward differences until they stop giving a descent direction,
        // then central ones.
        let mut central = false;
        let mut g = self.gradient(&mut s, &u, fx, &hi, &movable, central);
        let mut h = scaled_identity(1.0);
        // The scale of the identity the estimate restarts from: sᵀy / yᵀy of
        // the latest step, once there is one.
        let mut gamma = 1.0;
        let mut scaled = false;
        let mut held_before = [true; MAX_DIM];
        let mut quiet = 0u32;
        let done = |s: &Scaled<'_, F>, u: &Vector, fx: f64| {
            let x = s.x(u);
            let mut out = [0.0; MAX_DIM];
            for i in 0..dim {
                let v = if at(u, i) >= 1.0 {
                    at(&hi, i)
                } else {
                    at(&x, i)
                };
                put(&mut out, i, v);
            }
            Minimum::new(out, dim, fx, s.evals)
        };
        loop {
            if !fx.is_finite() {
                return Ok(done(&s, &u, fx));
            }
            // The held variables: fixed ones, and those on a face with the
            // gradient pushing out of the box.
            let mut held = [true; MAX_DIM];
            let mut projected = 0.0f64;
            for i in 0..dim {
                let (ui, gi) = (at(&u, i), at(&g, i));
                let out = (ui <= 0.0 && gi > 0.0) || (ui >= 1.0 && gi < 0.0) || !gi.is_finite();
                let free = movable(i) && !out;
                if let Some(slot) = held.get_mut(i) {
                    *slot = !free;
                }
                if free {
                    projected = projected.max(libm::fabs(gi));
                }
            }
            if projected <= self.g_tolerance * libm::fabs(fx) + self.f_absolute {
                return Ok(done(&s, &u, fx));
            }
            if held != held_before {
                h = scaled_identity(gamma);
            }
            held_before = held;
            // The direction on the free variables.
            let mut gf = g;
            for (i, gi) in gf.iter_mut().enumerate() {
                if held.get(i).copied().unwrap_or(true) {
                    *gi = 0.0;
                }
            }
            let mut d = times(&h, &gf);
            for (i, di) in d.iter_mut().enumerate() {
                *di = if held.get(i).copied().unwrap_or(true) {
                    0.0
                } else {
                    -*di
                };
            }
            if dot(&d, &gf) >= 0.0 || d.iter().any(|v| !v.is_finite()) {
                h = scaled_identity(gamma);
                for (di, gi) in d.iter_mut().zip(gf.iter()) {
                    *di = -gamma * gi;
                }
            }
            // The first step goes at most a tenth of the box.
            let longest = d.iter().fold(0.0f64, |m, v| m.max(libm::fabs(*v)));
            let mut t = if scaled {
                1.0
            } else {
                (0.1 / longest).min(1.0)
            };
            if longest > 1.0 {
                t = t.min(1.0 / longest);
            }
            // Backtracking along the projected path.
            let mut accepted = None;
            for _ in 0..40 {
                let mut trial = u;
                for i in 0..dim {
                    put(&mut trial, i, (at(&u, i) + t * at(&d, i)).clamp(0.0, 1.0));
                }
                let mut step = [0.0; MAX_DIM];
                for i in 0..dim {
                    put(&mut step, i, at(&trial, i) - at(&u, i));
                }
                if step.iter().all(|v| *v == 0.0) {
                    break;
                }
                let ft = s.eval(&trial, &hi);
                if ft <= fx + 1e-4 * dot(&gf, &step) {
                    accepted = Some((trial, step, ft));
                    break;
                }
                if s.evals >= self.max_evaluations {
                    break;
                }
                t *= 0.5;
            }
            let Some((trial, step, ft)) = accepted else {
                if central || s.evals >= self.max_evaluations {
                    // No decrease along the direction: as good as it gets.
                    return Ok(done(&s, &u, fx));
                }
                // The forward differences' error may have misled the
                // direction: go on with central differences.
                central = true;
                g = self.gradient(&mut s, &u, fx, &hi, &movable, central);
                h = scaled_identity(gamma);
                continue;
            };
            let decrease = fx - ft;
            let moved = step.iter().fold(0.0f64, |m, v| m.max(libm::fabs(*v)));
            let g_new = self.gradient(&mut s, &trial, ft, &hi, &movable, central);
            let mut y = [0.0; MAX_DIM];
            for i in 0..dim {
                put(&mut y, i, at(&g_new, i) - at(&g, i));
            }
            let sy = dot(&step, &y);
            if sy > 1e-12 * libm::sqrt(dot(&step, &step) * dot(&y, &y)) {
                gamma = sy / dot(&y, &y);
                if !scaled {
                    h = scaled_identity(gamma);
                    scaled = true;
                }
                h = bfgs(&h, &step, &y);
            }
            u = trial;
            fx = ft;
            g = g_new;
            if decrease <= self.f_tolerance * libm::fabs(fx) + self.f_absolute
                || moved <= self.x_tolerance
            {
                quiet = quiet.saturating_add(1);
                if quiet >= 2 {
                    if central {
                        return Ok(done(&s, &u, fx));
                    }
                    // Forward differences may be what stalls: go on with
                    // central ones before stopping.
                    central = true;
                    quiet = 0;
                    g = self.gradient(&mut s, &u, fx, &hi, &movable, central);
                }
            } else {
                quiet = 0;
            }
            if s.evals >= self.max_evaluations {
                return Err(Error::NoConvergence {
                    method: Task::QuasiNewton,
                    iterations: s.evals,
                });
            }
        }
    }

    /// The gradient in the unit box by forward differences (backward at
    /// the upper face), or central ones where both sides lie in the box; 0
    /// for fixed variables, and +∞ where the function is not finite.
    fn gradient<F, M>(
        &self,
        s: &mut Scaled<'_, F>,
        u: &Vector,
        fu: f64,
        hi: &Vector,
        movable: &M,
        central: bool,
    ) -> Vector
    where
        F: FnMut(&[f64]) -> f64,
        M: Fn(usize) -> bool,
    {
        let mut g = [0.0; MAX_DIM];
        let d = self.difference;
        for i in 0..s.dim {
            if !movable(i) {
                continue;
            }
            let ui = at(u, i);
            let mut v = *u;
            let gi = if central && ui - d >= 0.0 && ui + d <= 1.0 {
                put(&mut v, i, ui + d);
                let up = s.eval(&v, hi);
                put(&mut v, i, ui - d);
                let down = s.eval(&v, hi);
                (up - down) / (2.0 * d)
            } else {
                let step = if ui + d <= 1.0 { d } else { -d };
                put(&mut v, i, ui + step);
                (s.eval(&v, hi) - fu) / step
            };
            put(&mut g, i, if gi.is_finite() { gi } else { f64::INFINITY });
        }
        g
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn minima_inside_on_faces_and_in_corners() {
        let qn = QuasiNewton::default();
        // Inside: a tilted quadratic bowl.
        let bowl = |x: &[f64]| {
            let (a, b) = (x[0] - 0.3, x[1] - 0.6);
            a * a + 10.0 * b * b + 3.0 * a * b
        };
        let m = qn
            .minimize(bowl, &[0.9, 0.1], &[0.0, 0.0], &[1.0, 1.0])
            .unwrap();
        assert!((m.point()[0] - 0.3).abs() < 1e-6 && (m.point()[1] - 0.6).abs() < 1e-6);
        // On a face: the minimum of (x − 2)² + (y − 0.5)² over [0, 1]².
        let face = |x: &[f64]| (x[0] - 2.0).powi(2) + (x[1] - 0.5).powi(2);
        let m = qn
            .minimize(face, &[0.2, 0.9], &[0.0, 0.0], &[1.0, 1.0])
            .unwrap();
        assert_eq!(m.point()[0], 1.0);
        assert!((m.point()[1] - 0.5).abs() < 1e-6);
        assert!(m.evaluations < 60, "{}", m.evaluations);
    }

    #[test]
    fn rejects_bad_settings() {
        let f = |_: &[f64]| 0.0;
        let qn = QuasiNewton::default();
        assert!(qn.minimize(f, &[], &[], &[]).is_err());
        assert!(qn.minimize(f, &[0.0], &[1.0], &[0.0]).is_err());
        assert!(qn.minimize(f, &[f64::NAN], &[0.0], &[1.0]).is_err());
        let bad = QuasiNewton {
            difference: 0.0,
            ..QuasiNewton::default()
        };
        assert!(bad.minimize(f, &[0.0], &[0.0], &[1.0]).is_err());
        assert!(qn.minimize(f, &[0.5], &[0.0], &[1.0]).is_ok());
    }
}
