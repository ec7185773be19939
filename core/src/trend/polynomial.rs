//! The polynomial trend.

use crate::date::Date;
use crate::error::{Error, Expected, Field, Result, Task};
use crate::explain::{Explanation, Formula, Symbol};
use crate::lstsq::{LeastSquares, MAX_PARAMS};
use crate::prediction::Prediction;
use crate::scale::Scale;
use crate::series::{Series, Span};

use super::{check_finite, check_size, regress, write_fitted, years};

/// The highest degree a [`PolynomialTrend`] takes.
pub const MAX_DEGREE: usize = MAX_PARAMS - 1;

/// A polynomial trend of degree 1 to [`MAX_DEGREE`] in time, fitted by
/// least squares.
///
/// The time axis is centred and scaled before the powers are formed:
/// `u = (t − c)/s` with `c` the middle of the observed span and `s` half its
/// length, so that `u` runs over [−1, 1] and the powers stay comparable
/// (raw years, or worse day numbers, raised to the tenth power make the
/// design hopelessly ill conditioned). Predictions are on the natural scale
/// with the standard error of a new observation and `n − (degree + 1)`
/// degrees of freedom.
///
/// High degrees follow the data closely and extrapolate wildly: they are
/// for describing a series, rarely for projecting it.
///
/// # Examples
///
/// ```
/// use dxcast_core::trend::PolynomialTrend;
/// use dxcast_core::{Bounds, Date, MeasureKind, Point, Series, Subject, Unit};
///
/// // An exact parabola in years from the first date.
/// let d0 = Date::from_ymd(2020, 1, 1)?;
/// let mut pts = [Point::new(d0, 0.0); 6];
/// for (k, p) in pts.iter_mut().enumerate() {
///     p.date = d0.add_days(100 * k as i32)?;
///     let t = dxcast_core::series::years_between(d0, p.date);
///     p.value = 3.0 + 2.0 * t + 0.5 * t * t;
/// }
/// let s = Series::new(&pts, Subject { kind: MeasureKind::Stock, unit: Unit::Count, bounds: Bounds::NONE })?;
/// let fit = PolynomialTrend::new(2)?.fit(&s)?;
/// assert!(fit.sse() < 1e-20);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolynomialTrend {
    degree: usize,
}

impl PolynomialTrend {
    /// A polynomial trend of `degree`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] unless 1 ≤ `degree` ≤ [`MAX_DEGREE`].
    pub fn new(degree: usize) -> Result<PolynomialTrend> {
        if (1..=MAX_DEGREE).contains(&degree) {
            Ok(PolynomialTrend { degree })
        } else {
            Err(Error::InvalidArgument {
                name: Field::Degree,
                expected: Expected::Degree,
            })
        }
    }

    /// The degree.
    #[must_use]
    pub const fn degree(&self) -> usize {
        self.degree
    }

    /// Fits the polynomial to `series`.
    ///
    /// # Errors
    ///
    /// - [`Error::TooFewPoints`] for fewer than `degree + 2` points;
    /// - [`Error::Singular`] when the dates cannot separate the powers.
    pub fn fit(&self, series: &Series<'_>) -> Result<PolynomialFit> {
        let cols = self.degree.saturating_add(1);
        check_size(series, Task::Polynomial, cols.saturating_add(1))?;
        let t_last = years(series, series.last().date);
        let centre = 0.5 * t_last;
        let half = 0.5 * t_last;
        let ls = regress(series, cols, true, |p, x| {
            powers((years(series, p.date) - centre) / half, x);
            p.value
        })?;
        check_finite(ls.coefficients())?;
        check_finite(&[ls.rss()])?;
        Ok(PolynomialFit {
            span: series.span(),
            degree: self.degree,
            centre,
            half,
            ls,
        })
    }
}

/// `1, u, u², …` into `row`.
fn powers(u: f64, row: &mut [f64]) {
    let mut v = 1.0;
    for slot in row.iter_mut() {
        *slot = v;
        v *= u;
    }
}

/// A fitted [`PolynomialTrend`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PolynomialFit {
    span: Span,
    degree: usize,
    centre: f64,
    half: f64,
    ls: LeastSquares,
}

impl PolynomialFit {
    /// What the fit keeps of its series.
    #[must_use]
    pub const fn span(&self) -> Span {
        self.span
    }

    /// The degree.
    #[must_use]
    pub const fn degree(&self) -> usize {
        self.degree
    }

    /// The centre `c` of the time axis in years from the first observation.
    #[must_use]
    pub const fn centre(&self) -> f64 {
        self.centre
    }

    /// The coefficients `βₖ` of `(t − c)ᵏ`, `t − c` in years, for k = 0 to the
    /// degree, written into `out`; returns their number.
    ///
    /// # Errors
    ///
    /// [`Error::Capacity`] when `out` holds fewer than `degree + 1` values.
    pub fn coefficients_into(&self, out: &mut [f64]) -> Result<usize> {
        let c = self.ls.coefficients();
        if out.len() < c.len() {
            return Err(Error::Capacity {
                what: Field::CoefficientBuffer,
                capacity: out.len(),
            });
        }
        let mut scale = 1.0;
        for (o, b) in out.iter_mut().zip(c) {
            *o = b / scale;
            scale *= self.half;
        }
        Ok(c.len())
    }

    /// The least-squares fit on the scaled axis `u = (t − c)/s`.
    #[must_use]
    pub const fn least_squares(&self) -> &LeastSquares {
        &self.ls
    }

    fn row(&self, date: Date) -> [f64; MAX_PARAMS] {
        let u = (self.span.years_to(date) - self.centre) / self.half;
        let mut row = [0.0; MAX_PARAMS];
        powers(
            u,
            row.get_mut(..self.degree.saturating_add(1))
                .unwrap_or(&mut []),
        );
        row
    }

    /// The polynomial's value at `date`.
    #[must_use]
    pub fn value_at(&self, date: Date) -> f64 {
        self.ls.predict(&self.row(date))
    }

    /// The prediction at `date`.
    ///
    /// # Errors
    ///
    /// [`Error::NotFinite`] when the polynomial overflows so far from the data.
    pub fn predict(&self, date: Date) -> Result<Prediction> {
        let row = self.row(date);
        let x0 = row.get(..self.degree.saturating_add(1)).unwrap_or(&[]);
        let se =
            self.ls.residual_sd().unwrap_or(f64::INFINITY) * libm::sqrt(1.0 + self.ls.leverage(x0));
        Prediction::new(
            self.ls.predict(x0),
            se,
            self.ls.df() as f64,
            Scale::Identity,
        )
    }

    /// Writes the fitted values into `out`.
    ///
    /// # Errors
    ///
    /// [`Error::Capacity`] when `out` is too short.
    pub fn fitted_into(&self, series: &Series<'_>, out: &mut [f64]) -> Result<usize> {
        self.span.check(series)?;
        let pts = series.points();
        write_fitted(series, out, |i| {
            pts.get(i).map_or(f64::NAN, |p| self.value_at(p.date))
        })
    }

    /// The residual sum of squares.
    #[must_use]
    pub fn sse(&self) -> f64 {
        self.ls.rss()
    }

    /// `degree + 1` coefficients.
    #[must_use]
    pub const fn params(&self) -> usize {
        self.degree.saturating_add(1)
    }

    /// [`Formula::PolynomialTrend`] evaluated at the last observation, with
    /// terms the coefficients `βₖ` of `(t − c)ᵏ` in years, from k = 0
    /// ([`Symbol::Coefficient`]), the centre `c` ([`Symbol::Centre`]), the
    /// number of points, of parameters, and the SSE.
    ///
    /// # Errors
    ///
    /// Never in practice ([`Error::Capacity`] for too many terms).
    pub fn explain(&self) -> Result<Explanation> {
        let mut e = Explanation::new(Formula::PolynomialTrend, self.value_at(self.span.last.date));
        let mut c = [0.0; MAX_PARAMS];
        let k = self.coefficients_into(&mut c)?;
        for b in c.iter().take(k) {
            e.push(Symbol::Coefficient, *b, None)?;
        }
        e.push(Symbol::Centre, self.centre, None)?;
        e.push(Symbol::Count, self.span.len as f64, None)?;
        e.push(Symbol::Params, self.params() as f64, None)?;
        e.push(Symbol::Sse, self.sse(), None)?;
        Ok(e)
    }
}
