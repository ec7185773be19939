//! Minimisation of a function of a few bounded variables.
//!
//! - [`NelderMead`]: the downhill simplex method of Nelder and Mead (1965)
//!   with the standard coefficients (reflection 1, expansion 2, contraction
//!   ½, shrink ½), kept inside a box by moving every trial point onto it. It
//!   needs no derivatives, and after converging it restarts once from the
//!   best point with a fresh simplex, the usual guard against a simplex that
//!   collapsed early.
//! - [`QuasiNewton`]: a projected quasi-Newton method (BFGS on the variables
//!   not held at a bound, gradients by finite differences, a backtracking
//!   line search along the projected path). On smooth functions it needs far
//!   fewer evaluations than the simplex, and it stops exactly on the box's
//!   faces and corners, where fitted smoothing parameters often lie.
//!
//! Both treat non-finite function values as +∞ and find a local minimum:
//! callers that fear several start from several points.

mod nelder_mead;
mod quasi_newton;

pub use nelder_mead::NelderMead;
pub use quasi_newton::QuasiNewton;

/// The most variables the minimisers handle.
pub const MAX_DIM: usize = 4;

/// The best point found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Minimum {
    x: [f64; MAX_DIM],
    dim: usize,
    /// The function's value there.
    pub value: f64,
    /// The number of function evaluations used.
    pub evaluations: u32,
}

impl Minimum {
    /// The point, one value per variable.
    #[must_use]
    pub fn point(&self) -> &[f64] {
        self.x.get(..self.dim).unwrap_or(&[])
    }
}

impl Minimum {
    pub(crate) fn new(x: [f64; MAX_DIM], dim: usize, value: f64, evaluations: u32) -> Minimum {
        Minimum {
            x,
            dim,
            value,
            evaluations,
        }
    }
}
