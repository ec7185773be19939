//! Holt's linear and damped trends on irregular dates.

use crate::date::Date;
use crate::error::{Error, Expected, Field, Result, Task};
use crate::explain::{Explanation, Formula, Symbol};
use crate::method::Method;
use crate::optimize::NelderMead;
use crate::prediction::Prediction;
use crate::scale::Scale;
use crate::series::{Series, Span, DAYS_PER_YEAR};

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
    /// one-step errors start at the third observation.
    FirstTwo,
    /// Known states one step (Δ days) before the first observation, as
    /// statsmodels' `initialization_method="known"`: every observation has a
    /// one-step error.
    Known {
        /// The level ℓ₀.
        level: f64,
        /// The trend b₀ per step.
        trend: f64,
    },
}

/// The length Δ of one step of the recursion.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum StepLength {
    /// The median gap between consecutive observations: a regularly spaced
    /// series has steps of exactly 1 and the recursion is classic Holt.
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
/// (φ = 1 without damping). On irregular dates time is counted in steps of
/// Δ days ([`StepLength`]) and observation `k` comes `hₖ = gapₖ / Δ` steps
/// after the one before, a real number. Following Wright (1986), the
/// weights adapt to the gaps, starting from α₀ = α and β₀ = β:
///
/// ```text
/// αₖ = αₖ₋₁ / (αₖ₋₁ + (1 − α)^hₖ)          βₖ = βₖ₋₁ / (βₖ₋₁ + (1 − β)^hₖ)
/// ŷₖ = ℓₖ₋₁ + D(hₖ) bₖ₋₁                    D(h) = h, or φ (1 − φʰ)/(1 − φ) damped
/// ℓₖ = αₖ yₖ + (1 − αₖ) ŷₖ
/// bₖ = βₖ (ℓₖ − ℓₖ₋₁)/hₖ + (1 − βₖ) φ^hₖ bₖ₋₁
/// ```
///
/// With every `hₖ = 1`: αₖ = α / (α + 1 − α) = α for all k (likewise β),
/// `D(1) = φ`, `φ^1 = φ` and the division by 1 vanishes, which is the classic
/// recursion above, exactly. A long gap raises the weights towards
/// `1 − (1 − α)^h` (the weight `h` regular steps would give the newest
/// value) and extrapolates the trend over the whole gap. An exactly linear
/// series `y = c + m·t` is reproduced exactly for any α and β without damping:
/// if `ℓ = yₖ₋₁` and `b = mΔ`, then `ŷₖ = yₖ`, `ℓₖ = yₖ` and `bₖ = mΔ`.
///
/// Forecasts `h` steps after the last observation are `ℓ + D(h) b`.
///
/// # Fitting
///
/// α, β and φ are given or chosen to minimise the sum of squared one-step
/// errors by bounded Nelder–Mead ([`NelderMead`]) from the best point of a
/// small grid, within [`SMOOTHING_RANGE`] and [`PHI_RANGE`]. The initial
/// states are not fitted: [`Initial`] takes them from the first two
/// observations (the default) or as given.
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
/// the number of one-step errors less the number of fitted smoothing
/// parameters. The interval uses Student's t with those degrees of freedom.
/// On irregular dates these formulas (derived for regular steps) are an
/// approximation.
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
    /// Holt's linear trend with fitted α and β, initial states from the
    /// first two observations, and the median gap as the step.
    #[must_use]
    pub const fn new() -> Holt {
        Holt {
            smoothing: Smoothing::Fitted,
            damping: Damping::None,
            initial: Initial::FirstTwo,
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

    /// Fits the method to `series`.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] for settings out of range (built without
    ///   the checking constructors, for instance through serde);
    /// - [`Error::TooFewPoints`] when fewer than one degree of freedom is left:
    ///   the one-step errors (n − 2 from the first two points, n from known
    ///   states) must outnumber the fitted parameters; and for the median-gap
    ///   step, with a single observation;
    /// - [`Error::NoConvergence`] if the parameter search does not converge.
    pub fn fit(&self, series: &Series<'_>) -> Result<HoltFit> {
        let n = series.len();
        let errors = match self.initial {
            Initial::FirstTwo => {
                series.require(Task::Holt, 2)?;
                n.saturating_sub(2)
            }
            Initial::Known { level, trend } => {
                if !level.is_finite() || !trend.is_finite() {
                    return Err(Error::NotFinite {
                        what: Field::InitialLevel,
                        index: 0,
                    });
                }
                n
            }
        };
        let step_days = match self.step {
            StepLength::MedianGap => {
                series.require(Task::Holt, 2)?;
                median_gap(series)
            }
            StepLength::Days(d) if d.is_finite() && d > 0.0 => d,
            StepLength::Days(_) => {
                return Err(Error::InvalidArgument {
                    name: Field::Step,
                    expected: Expected::PositiveStep,
                })
            }
        };
        let (alpha0, beta0) = match self.smoothing {
            Smoothing::Given { alpha, beta } => (
                Some(check_unit(alpha, Field::Alpha)?),
                Some(check_unit(beta, Field::Beta)?),
            ),
            Smoothing::Fitted => (None, None),
        };
        let phi0 = match self.damping {
            Damping::None => Some(1.0),
            Damping::Given(phi) => Some(check_phi(phi)?),
            Damping::Fitted => None,
        };
        let fitted = usize::from(alpha0.is_none())
            .saturating_add(usize::from(beta0.is_none()))
            .saturating_add(usize::from(phi0.is_none()));
        if errors <= fitted {
            let base = n.saturating_sub(errors);
            return Err(Error::TooFewPoints {
                method: Task::Holt,
                needed: base.saturating_add(fitted).saturating_add(1),
                got: n,
            });
        }
        let damped = !matches!(self.damping, Damping::None);
        let run = |alpha: f64, beta: f64, phi: f64| Recursion {
            series,
            alpha,
            beta,
            phi,
            damped,
            step_days,
            initial: self.initial,
        };

        let (alpha, beta, phi) = if fitted == 0 {
            (
                alpha0.unwrap_or(0.5),
                beta0.unwrap_or(0.1),
                phi0.unwrap_or(1.0),
            )
        } else {
            // The free parameters, in the order α, β, φ.
            let mut lower = [0.0; 3];
            let mut upper = [0.0; 3];
            let mut dim = 0usize;
            for (free, (lo, hi)) in [
                (alpha0.is_none(), SMOOTHING_RANGE),
                (beta0.is_none(), SMOOTHING_RANGE),
                (phi0.is_none(), PHI_RANGE),
            ] {
                if free {
                    if let (Some(l), Some(u)) = (lower.get_mut(dim), upper.get_mut(dim)) {
                        *l = lo;
                        *u = hi;
                    }
                    dim = dim.saturating_add(1);
                }
            }
            let unpack = |x: &[f64]| {
                let mut it = x.iter().copied();
                let a = alpha0.unwrap_or_else(|| it.next().unwrap_or(0.5));
                let b = beta0.unwrap_or_else(|| it.next().unwrap_or(0.1));
                let p = phi0.unwrap_or_else(|| it.next().unwrap_or(0.9));
                (a, b, p)
            };
            let objective = |x: &[f64]| {
                let (a, b, p) = unpack(x);
                run(a, b, p).sse()
            };
            let start = grid_start(&objective, dim, alpha0, beta0, phi0);
            let m = NelderMead::default().minimize(
                objective,
                start.get(..dim).unwrap_or(&[]),
                lower.get(..dim).unwrap_or(&[]),
                upper.get(..dim).unwrap_or(&[]),
            )?;
            unpack(m.point())
        };
        let state = run(alpha, beta, phi).run(|_, _| {});
        let df = errors.saturating_sub(fitted);
        super::check_finite(&[state.level, state.trend, state.sse])?;
        Ok(HoltFit {
            span: series.span(),
            alpha,
            beta,
            phi,
            damped,
            step_days,
            initial: self.initial,
            level: state.level,
            trend: state.trend,
            sse: state.sse,
            df,
            fitted,
        })
    }
}

/// The best point of a small grid over the free parameters.
fn grid_start<F>(
    objective: &F,
    dim: usize,
    alpha0: Option<f64>,
    beta0: Option<f64>,
    phi0: Option<f64>,
) -> [f64; 3]
where
    F: Fn(&[f64]) -> f64,
{
    const ALPHAS: [f64; 5] = [0.1, 0.3, 0.5, 0.7, 0.9];
    const BETAS: [f64; 4] = [0.01, 0.1, 0.3, 0.6];
    const PHIS: [f64; 3] = [0.82, 0.9, 0.97];
    let one = [f64::NAN];
    let alphas: &[f64] = if alpha0.is_none() { &ALPHAS } else { &one };
    let betas: &[f64] = if beta0.is_none() { &BETAS } else { &one };
    let phis: &[f64] = if phi0.is_none() { &PHIS } else { &one };
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
                let value = objective(x.get(..dim).unwrap_or(&[]));
                if value < best_value {
                    best_value = value;
                    best = x;
                }
            }
        }
    }
    best
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

/// `D(h)`: the trend's multiplier over `h` steps; `h` without damping,
/// `φ + φ² + … + φʰ = φ (1 − φʰ)/(1 − φ)` (for real `h`) with it.
fn trend_multiplier(phi: f64, h: f64, damped: bool) -> f64 {
    if !damped || phi == 1.0 {
        return h;
    }
    let ln_phi = libm::log(phi);
    phi * libm::expm1(h * ln_phi) / libm::expm1(ln_phi)
}

/// Above this many steps the damped variance factor uses its closed form
/// instead of the sum.
const SUM_STEPS: f64 = 4096.0;

/// The forecast variance `h` steps ahead over the one-step variance σ², for
/// ETS(A,A,N) (`phi = None`) or ETS(A,Ad,N), with Holt's α and β (the
/// state-space trend weight is β' = α β). Values of `h` below 1 count as 1.
///
/// Both are `1 + Σ_{j=1}^{h−1} c_j²` at whole `h`, with `c_j = α + j β'`
/// undamped and `c_j = α + β' (φ + … + φʲ)` damped. The undamped sum has a
/// polynomial closed form, evaluated at real `h`. The damped closed form
/// (see [`Holt`]) divides by `(1 − φ)²`, and its terms cancel to the point of
/// losing all digits as φ nears 1; so up to 4096 steps the damped factor is
/// summed exactly at whole steps and interpolated linearly in between (the
/// `j`-th term spread over the step from `j` to `j + 1`), and beyond that the
/// closed form is used, or the undamped one when `1 − φ < 1e-8`.
///
/// # Examples
///
/// ```
/// use dxcast_core::trend::variance_factor;
///
/// assert_eq!(variance_factor(0.5, 0.2, None, 1.0), 1.0);
/// // h = 2: 1 + α² + α β' 2 + β'² (2 · 3)/6 with β' = 0.1.
/// let v = variance_factor(0.5, 0.2, None, 2.0);
/// assert!((v - (1.0 + 0.25 + 0.1 + 0.01)).abs() < 1e-15);
/// // Damped, h = 2: 1 + (α + β' φ)².
/// let v = variance_factor(0.5, 0.2, Some(0.9), 2.0);
/// assert!((v - (1.0 + 0.59 * 0.59)).abs() < 1e-15);
/// ```
#[must_use]
pub fn variance_factor(alpha: f64, beta: f64, phi: Option<f64>, h: f64) -> f64 {
    let h = h.max(1.0);
    let b = alpha * beta;
    let undamped = |h: f64| {
        1.0 + (h - 1.0) * (alpha * alpha + alpha * b * h + b * b * h * (2.0 * h - 1.0) / 6.0)
    };
    let Some(phi) = phi.filter(|p| *p < 1.0 - 1e-8) else {
        return undamped(h);
    };
    if h <= SUM_STEPS {
        // v(k) for whole k ≤ h, then a fraction of the next term.
        let whole = libm::floor(h);
        let frac = h - whole;
        let mut sum = 1.0;
        let mut power = 1.0;
        let mut s = 0.0;
        let mut j = 1.0;
        while j < whole {
            power *= phi;
            s += power;
            let c = alpha + b * s;
            sum += c * c;
            j += 1.0;
        }
        let c = alpha + b * (s + power * phi);
        return sum + frac * c * c;
    }
    let phi_h = libm::pow(phi, h);
    let one = 1.0 - phi;
    let two = 1.0 - phi * phi;
    1.0 + alpha * alpha * (h - 1.0) + b * phi * h * (2.0 * alpha * one + b * phi) / (one * one)
        - b * phi * (1.0 - phi_h) * (2.0 * alpha * two + b * phi * (1.0 + 2.0 * phi - phi_h))
            / (one * one * two)
}

/// One run of the recursion with given parameters.
struct Recursion<'s, 'a> {
    series: &'s Series<'a>,
    alpha: f64,
    beta: f64,
    phi: f64,
    damped: bool,
    step_days: f64,
    initial: Initial,
}

/// The states after the last observation and the one-step errors' sum of
/// squares.
struct State {
    level: f64,
    trend: f64,
    sse: f64,
}

impl Recursion<'_, '_> {
    fn sse(&self) -> f64 {
        let s = self.run(|_, _| {}).sse;
        if s.is_nan() {
            f64::INFINITY
        } else {
            s
        }
    }

    /// Runs the recursion, calling `visit(index, fitted value)` for every
    /// observation.
    fn run<V: FnMut(usize, f64)>(&self, mut visit: V) -> State {
        let pts = self.series.points();
        let first = self.series.first();
        let day = |d: Date| f64::from(first.date.days_until(d));
        let (mut level, mut trend, mut prev, skip) = match self.initial {
            Initial::FirstTwo => {
                let second = pts.get(1).copied().unwrap_or(first);
                visit(0, first.value);
                visit(1, second.value);
                let h = day(second.date) / self.step_days;
                (
                    second.value,
                    (second.value - first.value) / h,
                    day(second.date),
                    2,
                )
            }
            Initial::Known { level, trend } => (level, trend, -self.step_days, 0),
        };
        let (mut a, mut b) = (self.alpha, self.beta);
        let mut sse = 0.0;
        for (i, p) in pts.iter().enumerate().skip(skip) {
            let now = day(p.date);
            let h = (now - prev) / self.step_days;
            let forecast = level + trend_multiplier(self.phi, h, self.damped) * trend;
            visit(i, forecast);
            let e = p.value - forecast;
            sse += e * e;
            a /= a + libm::pow(1.0 - self.alpha, h);
            b /= b + libm::pow(1.0 - self.beta, h);
            let new_level = a * p.value + (1.0 - a) * forecast;
            let carried = if self.damped {
                libm::pow(self.phi, h) * trend
            } else {
                trend
            };
            trend = b * (new_level - level) / h + (1.0 - b) * carried;
            level = new_level;
            prev = now;
        }
        State { level, trend, sse }
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
    step_days: f64,
    initial: Initial,
    level: f64,
    trend: f64,
    sse: f64,
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

    /// The step Δ in days.
    #[must_use]
    pub const fn step_days(&self) -> f64 {
        self.step_days
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

    /// The trend per year, `b × 365.2425 / Δ` (undamped).
    #[must_use]
    pub fn trend_per_year(&self) -> f64 {
        self.trend * DAYS_PER_YEAR / self.step_days
    }

    /// The degrees of freedom of σ²: one-step errors less fitted parameters.
    #[must_use]
    pub const fn df(&self) -> usize {
        self.df
    }

    /// σ, the standard deviation of one-step errors, `√(SSE / df)`.
    #[must_use]
    pub fn sigma(&self) -> f64 {
        libm::sqrt(self.sse / self.df as f64)
    }

    /// The number of steps from the last observation to `date`.
    #[must_use]
    pub fn steps_to(&self, date: Date) -> f64 {
        f64::from(self.span.last.date.days_until(date)) / self.step_days
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
        let n = write_fitted(series, out, |_| 0.0)?;
        let rec = Recursion {
            series,
            alpha: self.alpha,
            beta: self.beta,
            phi: self.phi,
            damped: self.damped,
            step_days: self.step_days,
            initial: self.initial,
        };
        rec.run(|i, v| {
            if let Some(slot) = out.get_mut(i) {
                *slot = v;
            }
        });
        if let Some(index) = out.iter().take(n).position(|v| !v.is_finite()) {
            return Err(Error::Overflow {
                what: Field::FittedBuffer,
                index,
            });
        }
        Ok(n)
    }

    /// The sum of squared one-step errors.
    #[must_use]
    pub const fn sse(&self) -> f64 {
        self.sse
    }

    /// The fitted smoothing parameters, plus 2 for initial states taken from
    /// the first two observations; the series' length less this is
    /// [`HoltFit::df`].
    #[must_use]
    pub const fn params(&self) -> usize {
        match self.initial {
            Initial::FirstTwo => self.fitted.saturating_add(2),
            Initial::Known { .. } => self.fitted,
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
        e.push(Symbol::Step, self.step_days, None)?;
        e.push(Symbol::Count, self.span.len as f64, None)?;
        e.push(Symbol::Sse, self.sse, None)?;
        Ok(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn variance_factor_is_the_sum_of_squared_weights() {
        // v_h = 1 + Σ_{j=1}^{h−1} c_j², c_j = α + β' (φ + … + φʲ).
        for &(alpha, beta, phi) in &[(0.5, 0.2, 0.9), (0.8, 0.6, 0.85), (0.3, 0.05, 0.98)] {
            let bb = alpha * beta;
            for h in 1..30 {
                let mut sum = 1.0;
                let mut s = 0.0;
                for j in 1..h {
                    s += f64::powi(phi, j);
                    let c = alpha + bb * s;
                    sum += c * c;
                }
                let v = variance_factor(alpha, beta, Some(phi), f64::from(h));
                assert!((v - sum).abs() < 1e-11 * sum, "{h}: {v} vs {sum}");
                // Undamped.
                let mut sum = 1.0;
                for j in 1..h {
                    let c = alpha + bb * f64::from(j);
                    sum += c * c;
                }
                let v = variance_factor(alpha, beta, None, f64::from(h));
                assert!((v - sum).abs() < 1e-12 * sum);
            }
        }
    }

    #[test]
    fn damped_variance_factor_is_continuous_at_the_switch() {
        for &(alpha, beta, phi) in &[(0.5, 0.2, 0.9), (0.3, 0.6, 0.98), (0.9, 0.9, 0.8)] {
            let below = variance_factor(alpha, beta, Some(phi), SUM_STEPS);
            let above = variance_factor(alpha, beta, Some(phi), SUM_STEPS + 1e-9);
            assert!((below - above).abs() < 1e-10 * below, "{below} {above}");
        }
        // Near φ = 1 the sum stays accurate where the closed form would not.
        let near = variance_factor(0.5, 0.5, Some(1.0 - 1e-7), 3.0);
        let c1 = 0.5 + 0.25 * (1.0 - 1e-7);
        let c2 = 0.5 + 0.25 * ((1.0 - 1e-7) + (1.0 - 1e-7f64).powi(2));
        assert!((near - (1.0 + c1 * c1 + c2 * c2)).abs() < 1e-15);
    }

    #[test]
    fn trend_multiplier_limits() {
        assert_eq!(trend_multiplier(0.9, 3.0, false), 3.0);
        let d = trend_multiplier(0.9, 3.0, true);
        assert!((d - (0.9 + 0.81 + 0.729)).abs() < 1e-15);
        assert!((trend_multiplier(1.0 - 1e-12, 5.0, true) - 5.0).abs() < 1e-9);
    }
}
