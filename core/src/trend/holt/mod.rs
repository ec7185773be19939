//! Holt's linear and damped trends on irregular dates.
//!
//! The recursion is classic Holt where the dates are regular (a fixed
//! number of days apart, or calendar months: `clock`), and Wright's (1986)
//! extension where they are not. The starting states are fitted by an exact
//! least-squares solve for any smoothing parameters (`recursion`), and the
//! smoothing parameters by a bounded search over that profile (`search`).
//! Forecast variances are those of the state-space models ETS(A,A,N) and
//! ETS(A,Ad,N) (`variance`).
//!
//! Accuracy: with given parameters the recursion agrees with statsmodels to
//! 1e-12; fitted, it reaches an SSE at or below statsmodels' and R
//! `forecast`'s for the same model (tests `holt` and `holt_r`).

mod clock;
mod recursion;
mod search;
mod variance;

pub use variance::variance_factor;

use crate::date::Date;
use crate::error::{Error, Expected, Field, Result, Task};
use crate::explain::{Explanation, Formula, Symbol};
use crate::method::Method;
use crate::prediction::Prediction;
use crate::scale::Scale;
use crate::series::{Point, Series, Span};

use self::clock::Clock;
use self::recursion::{Gaps, Lanes, Params, Recursion};
use self::variance::trend_multiplier;
use super::write_fitted;

/// The range fitted smoothing parameters α and β are searched in.
pub const SMOOTHING_RANGE: (f64, f64) = (1e-4, 1.0 - 1e-4);

/// The range a fitted damping parameter φ is searched in (that of Hyndman
/// and Athanasopoulos' `forecast` package: below 0.8 the damping is so
/// strong that the trend barely matters, above 0.98 it is hard to tell from
/// no damping).
pub const PHI_RANGE: (f64, f64) = (0.8, 0.98);

/// How the smoothing parameters α (level) and β (trend) are chosen.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Smoothing {
    /// Those minimising the sum of squared one-step errors, within
    /// [`SMOOTHING_RANGE`].
    Fitted,
    /// Given values, each in [0, 1].
    Given {
        /// The level's smoothing α.
        alpha: f64,
        /// The trend's smoothing β.
        beta: f64,
    },
}

/// Whether and how the trend is damped.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Damping {
    /// No damping: Holt's linear trend.
    None,
    /// A given φ in (0, 1].
    Given(f64),
    /// The φ minimising the sum of squared one-step errors, within [`PHI_RANGE`].
    Fitted,
}

/// Where the recursion starts.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Initial {
    /// From the first two observations: at the second one, the level is its
    /// value `y₁` and the trend the slope `(y₁ − y₀)/h₁` per step. The
    /// one-step errors start at the third observation (R's `HoltWinters`
    /// and `holt(initial = "simple")`).
    FirstTwo,
    /// Known states one step (Δ) before the first observation, as
    /// statsmodels' `initialization_method="known"`: every observation has a
    /// one-step error.
    Known {
        /// The level ℓ₀.
        level: f64,
        /// The trend b₀ per step.
        trend: f64,
    },
    /// States one step before the first observation that minimise the sum
    /// of squared one-step errors with the smoothing parameters, as the
    /// state-space models ETS(A,A,N) and ETS(A,Ad,N) fit them (R's `ets`):
    /// every observation has a one-step error, and the two states count as
    /// fitted parameters. The default.
    Fitted,
}

/// The length Δ of one step of the recursion.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum StepLength {
    /// `k` calendar months when every observation falls `k` months after
    /// the one before on the same day of the month (or on every month's last
    /// day): monthly, quarterly and yearly figures are then exactly one step
    /// apart. Otherwise the median gap between consecutive observations in
    /// days: a regularly spaced series has steps of exactly 1 and the
    /// recursion is classic Holt.
    MedianGap,
    /// A number of days (such as 7 for weekly data, or
    /// [`DAYS_PER_MONTH`](crate::series::DAYS_PER_MONTH)).
    Days(f64),
}

/// Holt's linear trend and damped trend (additive), on irregular dates.
///
/// # The recursion
///
/// With regularly spaced data this is statsmodels' `Holt`
/// (`smoothing_level` α, `smoothing_trend` β, `damping_trend` φ):
///
/// ```text
/// ŷₖ = ℓₖ₋₁ + φ bₖ₋₁
/// ℓₖ = α yₖ + (1 − α) ŷₖ
/// bₖ = β (ℓₖ − ℓₖ₋₁) + (1 − β) φ bₖ₋₁
/// ```
///
/// (φ = 1 without damping), the state-space model ETS(A,A,N) or ETS(A,Ad,N)
/// with trend weight `α β`. Time is counted in steps of Δ ([`StepLength`]):
/// calendar months when the dates are, otherwise a number of days, and
/// observation `k` comes `hₖ` steps after the one before, a real number.
/// Following Wright (1986), the weights adapt to the gaps, starting from
/// α₀ = α and β₀ = β:
///
/// ```text
/// αₖ = αₖ₋₁ / (αₖ₋₁ + (1 − α)^hₖ)          βₖ = βₖ₋₁ / (βₖ₋₁ + (1 − β)^hₖ)
/// ŷₖ = ℓₖ₋₁ + D(hₖ) bₖ₋₁                    D(h) = h, or φ (1 − φʰ)/(1 − φ) damped
/// ℓₖ = αₖ yₖ + (1 − αₖ) ŷₖ
/// bₖ = βₖ (ℓₖ − ℓₖ₋₁)/hₖ + (1 − βₖ) φ^hₖ bₖ₋₁
/// ```
///
/// With every `hₖ = 1` this is the classic recursion above, exactly (and
/// computed as such, without powers). A long gap raises the weights towards
/// `1 − (1 − α)^h` (the weight `h` regular steps would give the newest
/// value) and extrapolates the trend over the whole gap. An exactly linear
/// series `y = c + m·t` is reproduced exactly for any α and β without damping:
/// if `ℓ = yₖ₋₁` and `b = mΔ`, then `ŷₖ = yₖ`, `ℓₖ = yₖ` and `bₖ = mΔ`.
///
/// Forecasts `h` steps after the last observation are `ℓ + D(h) b`.
///
/// # Fitting
///
/// The starting states one step before the first observation are fitted by
/// default ([`Initial::Fitted`]): for given α, β, φ the one-step errors are
/// linear in them, and the sum of squared errors is minimised exactly by a
/// 2 × 2 least-squares solve. α, β and φ are given, or chosen to minimise the
/// sum of squared one-step errors over [`SMOOTHING_RANGE`] and
/// [`PHI_RANGE`], with the starting states solved at every trial point: the
/// best point of a coarse grid, a projected quasi-Newton search from it
/// ([`QuasiNewton`](crate::optimize::QuasiNewton)), then every free parameter
/// tried at the ends and thirds of its range and a new search from any trial
/// that does better. A damped trend's sum of squares can have a minimum at
/// each end of φ's range (AirPassengers has), which one local search cannot
/// tell apart.
///
/// # Prediction intervals
///
/// The forecast variance is that of the state-space models ETS(A,A,N) and
/// ETS(A,Ad,N) (Hyndman, Koehler, Ord and Snyder, 2008, class 1, table 6.1),
/// with the state-space trend weight `α β`, for real `h` of at least 1 (see
/// [`variance_factor`] for how they are evaluated between whole steps):
///
/// ```text
/// ETS(A,A,N):  σ² [1 + (h − 1) (α² + α β' h + β'² h (2h − 1)/6)],  β' = α β
/// ETS(A,Ad,N): σ² [1 + α² (h − 1) + β'φh (2α(1 − φ) + β'φ)/(1 − φ)²
///                  − β'φ(1 − φʰ)(2α(1 − φ²) + β'φ(1 + 2φ − φʰ))/((1 − φ)²(1 − φ²))]
/// ```
///
/// `σ²` is the sum of squared one-step errors over its degrees of freedom:
/// the number of one-step errors less the number of fitted parameters
/// (smoothing parameters and starting states). The interval uses Student's t
/// with those degrees of freedom. On irregular dates these formulas (derived
/// for regular steps) are an approximation.
///
/// # Examples
///
/// ```
/// use dxcast_core::trend::Holt;
/// use dxcast_core::{Bounds, Date, MeasureKind, Point, Series, Subject, Unit};
///
/// // Irregular dates, a trend of 2 per 30 days.
/// let d0 = Date::from_ymd(2023, 1, 1)?;
/// let days = [0, 30, 75, 90, 150, 180, 240, 300];
/// let mut pts = [Point::new(d0, 0.0); 8];
/// for (p, d) in pts.iter_mut().zip(days) {
///     p.date = d0.add_days(d)?;
///     p.value = 50.0 + 2.0 * f64::from(d) / 30.0;
/// }
/// let s = Series::new(&pts, Subject { kind: MeasureKind::Stock, unit: Unit::Count, bounds: Bounds::NONE })?;
/// let fit = Holt::with_params(0.4, 0.2)?.with_step_days(30.0)?.fit(&s)?;
/// assert!((fit.trend() - 2.0).abs() < 1e-12);
/// let p = fit.predict(d0.add_days(360)?)?;
/// assert!((p.point() - 74.0).abs() < 1e-9);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Holt {
    smoothing: Smoothing,
    damping: Damping,
    initial: Initial,
    step: StepLength,
}

impl Default for Holt {
    fn default() -> Holt {
        Holt::new()
    }
}

fn check_unit(v: f64, name: Field) -> Result<f64> {
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(Error::InvalidArgument {
            name,
            expected: Expected::Smoothing,
        })
    }
}

fn check_phi(phi: f64) -> Result<f64> {
    if phi > 0.0 && phi <= 1.0 {
        Ok(phi)
    } else {
        Err(Error::InvalidArgument {
            name: Field::Phi,
            expected: Expected::Damping,
        })
    }
}

impl Holt {
    /// Holt's linear trend with fitted α and β, fitted starting states, and
    /// the median gap (or calendar months) as the step.
    #[must_use]
    pub const fn new() -> Holt {
        Holt {
            smoothing: Smoothing::Fitted,
            damping: Damping::None,
            initial: Initial::Fitted,
            step: StepLength::MedianGap,
        }
    }

    /// Holt's linear trend with given α and β.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] unless both lie in [0, 1].
    pub fn with_params(alpha: f64, beta: f64) -> Result<Holt> {
        Ok(Holt {
            smoothing: Smoothing::Given {
                alpha: check_unit(alpha, Field::Alpha)?,
                beta: check_unit(beta, Field::Beta)?,
            },
            ..Holt::new()
        })
    }

    /// The same settings with a fitted damping parameter φ.
    #[must_use]
    pub const fn damped(self) -> Holt {
        Holt {
            damping: Damping::Fitted,
            ..self
        }
    }

    /// The same settings with a given damping parameter φ.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] unless 0 < φ ≤ 1.
    pub fn with_damping(self, phi: f64) -> Result<Holt> {
        Ok(Holt {
            damping: Damping::Given(check_phi(phi)?),
            ..self
        })
    }

    /// The same settings with known initial states one step before the
    /// first observation (see [`Initial::Known`]).
    ///
    /// # Errors
    ///
    /// [`Error::NotFinite`] for a non-finite level (index 0) or trend (index 1).
    pub fn with_initial(self, level: f64, trend: f64) -> Result<Holt> {
        if !level.is_finite() {
            return Err(Error::NotFinite {
                what: Field::InitialLevel,
                index: 0,
            });
        }
        if !trend.is_finite() {
            return Err(Error::NotFinite {
                what: Field::InitialTrend,
                index: 1,
            });
        }
        Ok(Holt {
            initial: Initial::Known { level, trend },
            ..self
        })
    }

    /// The same settings with the recursion started from the first two
    /// observations (see [`Initial::FirstTwo`]).
    #[must_use]
    pub const fn from_first_two(self) -> Holt {
        Holt {
            initial: Initial::FirstTwo,
            ..self
        }
    }

    /// The same settings with a step of `days` days.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] unless `days` is finite and above 0.
    pub fn with_step_days(self, days: f64) -> Result<Holt> {
        if days.is_finite() && days > 0.0 {
            Ok(Holt {
                step: StepLength::Days(days),
                ..self
            })
        } else {
            Err(Error::InvalidArgument {
                name: Field::Step,
                expected: Expected::PositiveStep,
            })
        }
    }

    /// The smoothing setting.
    #[must_use]
    pub const fn smoothing(&self) -> Smoothing {
        self.smoothing
    }

    /// The damping setting.
    #[must_use]
    pub const fn damping(&self) -> Damping {
        self.damping
    }

    /// The initial states.
    #[must_use]
    pub const fn initial(&self) -> Initial {
        self.initial
    }

    /// The step setting.
    #[must_use]
    pub const fn step(&self) -> StepLength {
        self.step
    }

    /// [`Method::Holt`], or [`Method::DampedHolt`] with damping.
    #[must_use]
    pub const fn method(&self) -> Method {
        match self.damping {
            Damping::None => Method::Holt,
            _ => Method::DampedHolt,
        }
    }

    /// The fewest points the method fits from: one more than the fitted
    /// parameters, plus the first two points when they start the recursion.
    #[must_use]
    pub fn min_points(&self) -> usize {
        let (_, fitted, base) = self.counts(0);
        base.saturating_add(fitted).saturating_add(1)
    }

    /// For a series of `n` points: the one-step errors, the parameters taken
    /// from them, and the points that have no one-step error.
    fn counts(&self, n: usize) -> (usize, usize, usize) {
        let smoothing = match self.smoothing {
            Smoothing::Fitted => 2usize,
            Smoothing::Given { .. } => 0,
        };
        let phi = usize::from(matches!(self.damping, Damping::Fitted));
        let fitted = smoothing.saturating_add(phi);
        match self.initial {
            Initial::FirstTwo => (n.saturating_sub(2), fitted, 2),
            Initial::Known { .. } => (n, fitted, 0),
            Initial::Fitted => (n, fitted.saturating_add(2), 0),
        }
    }

    /// The step's clock for `series`.
    fn clock(&self, series: &Series<'_>) -> Result<Clock> {
        match self.step {
            StepLength::MedianGap => {
                series.require(Task::Holt, 2)?;
                Ok(Clock::calendar(series).unwrap_or_else(|| Clock::Days(median_gap(series))))
            }
            StepLength::Days(d) if d.is_finite() && d > 0.0 => Ok(Clock::Days(d)),
            StepLength::Days(_) => Err(Error::InvalidArgument {
                name: Field::Step,
                expected: Expected::PositiveStep,
            }),
        }
    }

    /// Fits the method to `series`.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] for settings out of range (built without
    ///   the checking constructors, for instance through serde);
    /// - [`Error::TooFewPoints`] when fewer than one degree of freedom is left:
    ///   the one-step errors (n − 2 from the first two points, n otherwise)
    ///   must outnumber the fitted parameters (the smoothing parameters, and
    ///   the two starting states when they are fitted); and for the
    ///   median-gap step, with a single observation;
    /// - [`Error::NoConvergence`] if the parameter search does not converge;
    /// - [`Error::Overflow`] when the states or the sum of squares overflow.
    pub fn fit(&self, series: &Series<'_>) -> Result<HoltFit> {
        let n = series.len();
        let (errors, fitted, base) = self.counts(n);
        if let Initial::Known { level, trend } = self.initial {
            if !level.is_finite() || !trend.is_finite() {
                return Err(Error::NotFinite {
                    what: Field::InitialLevel,
                    index: 0,
                });
            }
        }
        let given = match self.smoothing {
            Smoothing::Given { alpha, beta } => Some((
                check_unit(alpha, Field::Alpha)?,
                check_unit(beta, Field::Beta)?,
            )),
            Smoothing::Fitted => None,
        };
        let phi = match self.damping {
            Damping::None => Some(1.0),
            Damping::Given(phi) => Some(check_phi(phi)?),
            Damping::Fitted => None,
        };
        if errors <= fitted || n < base {
            return Err(Error::TooFewPoints {
                method: Task::Holt,
                needed: base.saturating_add(fitted).saturating_add(1),
                got: n,
            });
        }
        let clock = self.clock(series)?;
        let from = if matches!(self.initial, Initial::FirstTwo) {
            2
        } else {
            0
        };
        let rec = Recursion {
            points: series.points(),
            gaps: Gaps::new(series.points(), clock, from),
            from,
        };
        let damped = !matches!(self.damping, Damping::None);
        let start = Start::new(self.initial, series, clock);
        let best = search::fit(&rec, &start, given, phi, damped)?;
        let (level0, trend0) = start.states(&rec, &best);
        let (end, sse) = rec.run(&best, level0, trend0);
        let (level, trend) = (end.level[0], end.trend[0]);
        super::check_finite(&[level, trend, sse, level0, trend0])?;
        Ok(HoltFit {
            span: series.span(),
            alpha: best.alpha,
            beta: best.beta,
            phi: best.phi,
            damped,
            clock,
            initial: self.initial,
            start: (level0, trend0),
            level,
            trend,
            sse,
            sigma: libm::sqrt(sse / errors.saturating_sub(fitted) as f64),
            df: errors.saturating_sub(fitted),
            fitted,
        })
    }
}

/// Where the recursion starts, resolved for a series.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Start {
    /// Given states one step before the first observation (or at the second
    /// one, from the first two observations).
    Given(f64, f64),
    /// States solved for at every trial point, from this first guess.
    Solved(f64, f64),
}

impl Start {
    fn new(initial: Initial, series: &Series<'_>, clock: Clock) -> Start {
        let pts = series.points();
        match initial {
            Initial::Known { level, trend } => Start::Given(level, trend),
            Initial::FirstTwo => {
                let first = series.first();
                let second = pts.get(1).copied().unwrap_or(first);
                let h = clock.steps(first.date, second.date);
                Start::Given(second.value, (second.value - first.value) / h)
            }
            Initial::Fitted => {
                let (l, b) = line_start(pts, clock);
                Start::Solved(l, b)
            }
        }
    }

    /// The sum of squared one-step errors at `p`.
    pub(crate) fn sse(&self, rec: &Recursion<'_>, p: &Params) -> f64 {
        let v = match *self {
            Start::Given(l, b) => rec.run(p, l, b).1,
            Start::Solved(l, b) => rec.solve_start(p, (l, b)).2,
        };
        if v.is_nan() {
            f64::INFINITY
        } else {
            v
        }
    }

    /// The starting states at `p`.
    fn states(&self, rec: &Recursion<'_>, p: &Params) -> (f64, f64) {
        match *self {
            Start::Given(l, b) => (l, b),
            Start::Solved(l, b) => {
                // Once more from the first solution: the sums lose no digits
                // to a centre far from it.
                let (l, b, _) = rec.solve_start(p, (l, b));
                let (l2, b2, _) = rec.solve_start(p, (l, b));
                if l2.is_finite() && b2.is_finite() {
                    (l2, b2)
                } else {
                    (l, b)
                }
            }
        }
    }

    /// The same start centred on the states solved at `p` (so that the
    /// errors from the centre stay small and their sums lose no digits).
    pub(crate) fn recentred(&self, rec: &Recursion<'_>, p: &Params) -> Start {
        match *self {
            Start::Given(..) => *self,
            Start::Solved(..) => {
                let (l, b) = self.states(rec, p);
                if l.is_finite() && b.is_finite() {
                    Start::Solved(l, b)
                } else {
                    *self
                }
            }
        }
    }
}

/// A first guess of the states one step before the first observation: the
/// least-squares line through the first few observations (up to 8), in
/// steps.
fn line_start(pts: &[Point], clock: Clock) -> (f64, f64) {
    let Some(first) = pts.first() else {
        return (0.0, 0.0);
    };
    let head = pts.get(..pts.len().min(8)).unwrap_or(&[]);
    let k = head.len() as f64;
    // Steps from one before the first observation: calendar steps count
    // the observations themselves.
    let t = |i: usize, p: &Point| match clock {
        Clock::Months { .. } => i as f64 + 1.0,
        Clock::Days(_) => clock.steps(first.date, p.date) + 1.0,
    };
    let (mt, my) = head.iter().enumerate().fold((0.0, 0.0), |(a, b), (i, p)| {
        (a + t(i, p) / k, b + p.value / k)
    });
    let (stt, sty) = head.iter().enumerate().fold((0.0, 0.0), |(a, b), (i, p)| {
        let dt = t(i, p) - mt;
        (a + dt * dt, b + dt * (p.value - my))
    });
    let slope = if stt > 0.0 { sty / stt } else { 0.0 };
    let (l, b) = (my - slope * mt, slope);
    if l.is_finite() && b.is_finite() {
        (l, b)
    } else {
        (first.value, 0.0)
    }
}

/// The median of the gaps between consecutive dates, in days, found by
/// bisection on the (integer) gap without storing the gaps.
fn median_gap(series: &Series<'_>) -> f64 {
    let pts = series.points();
    let gaps = || {
        pts.windows(2).map(|w| match w {
            [a, b] => a.date.days_until(b.date),
            _ => 0,
        })
    };
    let m = pts.len().saturating_sub(1);
    let max = gaps().max().unwrap_or(1);
    // The k-th smallest gap (from 0): the least g with #{gap ≤ g} > k.
    let kth = |k: usize| {
        let (mut lo, mut hi) = (1i32, max.max(1));
        while lo < hi {
            let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
            if gaps().filter(|g| *g <= mid).count() > k {
                hi = mid;
            } else {
                lo = mid.saturating_add(1);
            }
        }
        f64::from(lo)
    };
    let half = m / 2;
    if m % 2 == 1 {
        kth(half)
    } else {
        0.5 * (kth(half.saturating_sub(1)) + kth(half))
    }
}

/// A fitted [`Holt`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HoltFit {
    span: Span,
    alpha: f64,
    beta: f64,
    phi: f64,
    damped: bool,
    clock: Clock,
    initial: Initial,
    start: (f64, f64),
    level: f64,
    trend: f64,
    sse: f64,
    /// `√(SSE / df)`, kept: every prediction needs it.
    sigma: f64,
    df: usize,
    fitted: usize,
}

impl HoltFit {
    /// What the fit keeps of its series.
    #[must_use]
    pub const fn span(&self) -> Span {
        self.span
    }

    /// The level's smoothing α.
    #[must_use]
    pub const fn alpha(&self) -> f64 {
        self.alpha
    }

    /// The trend's smoothing β.
    #[must_use]
    pub const fn beta(&self) -> f64 {
        self.beta
    }

    /// The damping φ (1 without damping).
    #[must_use]
    pub const fn phi(&self) -> f64 {
        self.phi
    }

    /// Whether the trend is damped.
    #[must_use]
    pub const fn is_damped(&self) -> bool {
        self.damped
    }

    /// The step Δ in days: the mean length of a step of calendar months.
    #[must_use]
    pub fn step_days(&self) -> f64 {
        self.clock.step_days()
    }

    /// The number of calendar months in a step, when the step is calendar
    /// months ([`StepLength::MedianGap`] on monthly, quarterly or yearly dates).
    #[must_use]
    pub const fn step_months(&self) -> Option<u32> {
        match self.clock {
            Clock::Months { k, .. } => Some(k),
            Clock::Days(_) => None,
        }
    }

    /// The starting level and trend: one step before the first observation
    /// (fitted or known), or at the second observation (from the first two).
    #[must_use]
    pub const fn initial_states(&self) -> (f64, f64) {
        self.start
    }

    /// The level ℓ after the last observation.
    #[must_use]
    pub const fn level(&self) -> f64 {
        self.level
    }

    /// The trend b per step after the last observation.
    #[must_use]
    pub const fn trend(&self) -> f64 {
        self.trend
    }

    /// The trend per year (undamped): `b` times the steps in a year.
    #[must_use]
    pub fn trend_per_year(&self) -> f64 {
        self.trend * self.clock.steps_per_year()
    }

    /// The degrees of freedom of σ²: one-step errors less fitted parameters.
    #[must_use]
    pub const fn df(&self) -> usize {
        self.df
    }

    /// σ, the standard deviation of one-step errors, `√(SSE / df)`.
    #[must_use]
    pub const fn sigma(&self) -> f64 {
        self.sigma
    }

    /// The number of steps from the last observation to `date` (negative
    /// before it).
    #[must_use]
    pub fn steps_to(&self, date: Date) -> f64 {
        self.clock.steps(self.span.last.date, date)
    }

    /// The point forecast `h` steps after the last observation, `ℓ + D(h) b`.
    #[must_use]
    pub fn forecast_steps(&self, h: f64) -> f64 {
        self.level + trend_multiplier(self.phi, h, self.damped) * self.trend
    }

    /// The prediction at `date`. After the last observation it is the
    /// forecast `h` steps ahead with its growing variance. On or before it,
    /// the method's trend carried back, `ℓ + D(h) b` with `h ≤ 0`, with the
    /// one-step error: the line the method ends on, as a regression's fitted
    /// line, not the smoothed history (which [`HoltFit::fitted_into`]
    /// gives).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for a step length that is not a number;
    /// [`Error::NotFinite`] if the forecast overflows.
    pub fn predict(&self, date: Date) -> Result<Prediction> {
        let h = self.steps_to(date);
        if h.is_nan() {
            return Err(Error::InvalidArgument {
                name: Field::Date,
                expected: Expected::AfterLastObservation,
            });
        }
        let phi = if self.damped { Some(self.phi) } else { None };
        let v = variance_factor(self.alpha, self.beta, phi, h.max(1.0));
        Prediction::new(
            self.forecast_steps(h),
            self.sigma() * libm::sqrt(v),
            self.df as f64,
            Scale::Identity,
        )
    }

    /// Writes the one-step forecasts into `out`: for [`Initial::FirstTwo`]
    /// the first two are the observations themselves.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] (field `series`) when `series` is not
    ///   the one the method was fitted to;
    /// - [`Error::Capacity`] when `out` is too short.
    pub fn fitted_into(&self, series: &Series<'_>, out: &mut [f64]) -> Result<usize> {
        self.span.check(series)?;
        let from = if matches!(self.initial, Initial::FirstTwo) {
            2
        } else {
            0
        };
        let n = write_fitted(series, out, |i| {
            if i < from {
                series.points().get(i).map_or(f64::NAN, |p| p.value)
            } else {
                0.0
            }
        })?;
        let rec = Recursion {
            points: series.points(),
            gaps: Gaps::new(series.points(), self.clock, from),
            from,
        };
        rec.pass(
            &self.recursion_params(),
            Lanes {
                level: [self.start.0],
                trend: [self.start.1],
            },
            |i, _, f| {
                if let Some(slot) = out.get_mut(i) {
                    *slot = f[0];
                }
            },
        );
        if let Some(index) = out.iter().take(n).position(|v| !v.is_finite()) {
            return Err(Error::Overflow {
                what: Field::FittedBuffer,
                index,
            });
        }
        Ok(n)
    }

    /// Calls `visit(i, ŷᵢ)` with the one-step forecast of every observation
    /// `i` from `origin` on, made from the observations before it alone:
    /// the smoothing parameters as fitted to the whole series, and starting
    /// states fitted ([`Initial::Fitted`]) by the least-squares solve over
    /// the one-step errors before `i` (the sums the solve needs are carried
    /// along, so the whole run is one pass). Known states and the first two
    /// observations need no solve: the recursion's own one-step forecasts
    /// are the ones wanted.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] (field `series`) when `series` is not the
    /// one the method was fitted to.
    pub(crate) fn one_step_from<V: FnMut(usize, f64)>(
        &self,
        series: &Series<'_>,
        origin: usize,
        mut visit: V,
    ) -> Result<()> {
        self.span.check(series)?;
        let from = if matches!(self.initial, Initial::FirstTwo) {
            2
        } else {
            0
        };
        let rec = Recursion {
            points: series.points(),
            gaps: Gaps::new(series.points(), self.clock, from),
            from,
        };
        let p = self.recursion_params();
        if matches!(self.initial, Initial::Fitted) {
            let mut n = recursion::Normal::default();
            rec.pass(
                &p,
                Lanes {
                    level: [self.start.0, 1.0, 0.0],
                    trend: [self.start.1, 0.0, 1.0],
                },
                |i, y, f| {
                    if i >= origin {
                        let (dl, db, _) = n.solve();
                        visit(i, f[0] + dl * f[1] + db * f[2]);
                    }
                    n.add(y - f[0], f[1], f[2]);
                },
            );
        } else {
            rec.pass(
                &p,
                Lanes {
                    level: [self.start.0],
                    trend: [self.start.1],
                },
                |i, _, f| {
                    if i >= origin {
                        visit(i, f[0]);
                    }
                },
            );
        }
        Ok(())
    }

    fn recursion_params(&self) -> Params {
        Params {
            alpha: self.alpha,
            beta: self.beta,
            phi: self.phi,
            damped: self.damped,
        }
    }

    /// The sum of squared one-step errors.
    #[must_use]
    pub const fn sse(&self) -> f64 {
        self.sse
    }

    /// The parameters taken from the data: the fitted smoothing parameters,
    /// plus 2 for starting states that are fitted or taken from the first two
    /// observations; the series' length less this is [`HoltFit::df`].
    #[must_use]
    pub const fn params(&self) -> usize {
        match self.initial {
            Initial::FirstTwo => self.fitted.saturating_add(2),
            Initial::Known { .. } | Initial::Fitted => self.fitted,
        }
    }

    /// [`Formula::Holt`] or [`Formula::DampedHolt`] at the last observation
    /// (its result is the level ℓ), with terms ℓ, b per step, α, β, φ when
    /// damped, the step Δ in days, the number of points and the SSE.
    ///
    /// # Errors
    ///
    /// Never in practice ([`Error::Capacity`] for too many terms).
    pub fn explain(&self) -> Result<Explanation> {
        let formula = if self.damped {
            Formula::DampedHolt
        } else {
            Formula::Holt
        };
        let mut e = Explanation::new(formula, self.level)
            .with(Symbol::Level, self.level, None)?
            .with(Symbol::Slope, self.trend, None)?
            .with(Symbol::Alpha, self.alpha, None)?
            .with(Symbol::Beta, self.beta, None)?;
        if self.damped {
            e.push(Symbol::Phi, self.phi, None)?;
        }
        e.push(Symbol::Step, self.step_days(), None)?;
        e.push(Symbol::Count, self.span.len as f64, None)?;
        e.push(Symbol::Sse, self.sse, None)?;
        Ok(e)
    }
}
