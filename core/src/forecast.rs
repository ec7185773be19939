//! Forecast paths: a prediction and its interval at each date of a
//! [`Horizon`], written into a caller's buffer.

use crate::date::Date;
use crate::error::{Error, Expected, Field, Result};
use crate::prediction::{check_level, Prediction};
use crate::series::{Point, Span};
use crate::subject::Subject;

/// Anything that predicts an indicator's value at a date: a fitted model
/// ([`crate::Fitted`]), or a what-if scenario over one
/// ([`crate::scenario::WhatIf`]).
pub trait Predictor {
    /// The prediction at `date`.
    ///
    /// # Errors
    ///
    /// The method's own: a prediction too large for a floating-point number.
    fn predict(&self, date: Date) -> Result<Prediction>;

    /// The last observation the predictions continue from.
    fn latest(&self) -> Point;

    /// What the predictions are of: kind, unit, bounds.
    fn subject(&self) -> Subject;

    /// What the predictions rest on: the first and last points and their
    /// number.
    fn span(&self) -> Span;

    /// The degrees of freedom left for the error of the fit behind the
    /// predictions (0 when its spread is unknown).
    fn df(&self) -> usize;
}

/// A calendar step between forecast dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Step {
    /// A number of days.
    Days(u32),
    /// A number of months, day of month kept (moved back to the month's last
    /// day where it does not exist, see [`Date::add_months`]).
    Months(u32),
}

/// The dates a forecast is wanted at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Horizon<'d> {
    /// Exactly these dates.
    Dates(&'d [Date]),
    /// `count` dates after `start`: `start + step`, `start + 2 step`, …;
    /// `start` itself is not included (it is usually the last observation).
    After {
        /// The date the steps count from.
        start: Date,
        /// The step.
        step: Step,
        /// The number of dates.
        count: usize,
    },
}

impl Horizon<'_> {
    /// The number of dates.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Horizon::Dates(d) => d.len(),
            Horizon::After { count, .. } => *count,
        }
    }

    /// Whether there are no dates.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `k`-th date (from 0).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for `k` past the end or a date outside
    /// years 1–9999.
    pub fn date(&self, k: usize) -> Result<Date> {
        let past = Error::InvalidArgument {
            name: Field::Horizon,
            expected: Expected::IndexInRange,
        };
        match *self {
            Horizon::Dates(d) => d.get(k).copied().ok_or(past),
            Horizon::After { start, step, count } => {
                if k >= count {
                    return Err(past);
                }
                let n = i64::try_from(k).map_err(|_| past)?.saturating_add(1);
                let too_far = Error::InvalidArgument {
                    name: Field::Horizon,
                    expected: Expected::DatesInRange,
                };
                match step {
                    Step::Days(d) => {
                        let days = n.saturating_mul(i64::from(d));
                        start.add_days(i32::try_from(days).map_err(|_| too_far)?)
                    }
                    Step::Months(m) => {
                        let months = n.saturating_mul(i64::from(m));
                        start.add_months(i32::try_from(months).map_err(|_| too_far)?)
                    }
                }
            }
        }
    }
}

/// One point of a forecast path.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ForecastPoint {
    /// The date.
    pub date: Date,
    /// The point forecast, within the bounds.
    pub point: f64,
    /// The lower end of the prediction interval; `None` when it is
    /// unbounded (the spread is unknown and the indicator has no lower bound).
    pub lo: Option<f64>,
    /// The upper end of the prediction interval; `None` when it is
    /// unbounded (the spread is unknown and the indicator has no upper bound).
    pub hi: Option<f64>,
    /// The prediction behind them (for probabilities of meeting a target).
    pub prediction: Prediction,
}

impl Default for ForecastPoint {
    /// A placeholder for buffers: 1970-01-01, all values 0.
    fn default() -> ForecastPoint {
        ForecastPoint {
            date: Date::EPOCH,
            point: 0.0,
            lo: Some(0.0),
            hi: Some(0.0),
            prediction: Prediction::PLACEHOLDER,
        }
    }
}

/// Fills `out` with the forecast of `predictor` along `horizon`: the point
/// within the subject's bounds and the prediction interval at confidence
/// `level` for each date, and returns the number of points written (the
/// horizon's length).
///
/// Nothing is allocated: the caller owns the buffer, and a buffer shorter
/// than the horizon is an error before anything is written. Every number
/// written is finite: a point too large for a floating-point number is an
/// error, and an interval end that is unbounded is `None`.
///
/// # Examples
///
/// ```
/// use dxcast_core::forecast::{forecast_into, ForecastPoint, Horizon, Step};
/// use dxcast_core::{Date, LinearTrend, MeasureKind, Model, Point, Series, Subject, Unit};
///
/// let pts = [
///     Point::new(Date::from_ymd(2022, 3, 31)?, 72.0),
///     Point::new(Date::from_ymd(2022, 6, 30)?, 78.5),
///     Point::new(Date::from_ymd(2022, 9, 30)?, 83.0),
///     Point::new(Date::from_ymd(2022, 12, 31)?, 89.0),
/// ];
/// let s = Series::new(&pts, Subject::of_kind(MeasureKind::Share, Unit::Percent))?;
/// let fitted = Model::Linear(LinearTrend::new()).fit(&s)?;
/// let mut out = [ForecastPoint::default(); 4];
/// let horizon = Horizon::After { start: s.last().date, step: Step::Months(3), count: 4 };
/// let n = forecast_into(&fitted, horizon, 0.95, &mut out)?;
/// assert_eq!(n, 4);
/// assert_eq!(out[3].date, Date::from_ymd(2023, 12, 31)?);
/// assert!(out.iter().all(|p| {
///     let (lo, hi) = (p.lo.unwrap(), p.hi.unwrap());
///     0.0 <= lo && lo <= p.point && p.point <= hi && hi <= 100.0
/// }));
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::Capacity`] when `out` is shorter than the horizon (nothing is
///   written);
/// - [`Error::Overflow`] (field `projection`, index the horizon's step) when
///   a point is too large for a floating-point number;
/// - the errors of the predictor and of [`Prediction::interval`], and of
///   [`Horizon::date`] for dates beyond year 9999. The points before the
///   failing one have then been written.
pub fn forecast_into(
    predictor: &dyn Predictor,
    horizon: Horizon<'_>,
    level: f64,
    out: &mut [ForecastPoint],
) -> Result<usize> {
    let n = horizon.len();
    if out.len() < n {
        return Err(Error::Capacity {
            what: Field::ForecastBuffer,
            capacity: out.len(),
        });
    }
    check_level(level)?;
    let bounds = predictor.subject().bounds.validate()?;
    // Every point of a model usually has the same degrees of freedom: the
    // t quantile is computed once per distinct value.
    let mut quantile: Option<(Option<f64>, f64)> = None;
    for (k, slot) in out.iter_mut().enumerate().take(n) {
        let date = horizon.date(k)?;
        let prediction = predictor.predict(date)?;
        let point = prediction.point_within(bounds);
        if !point.is_finite() {
            return Err(Error::Overflow {
                what: Field::Projection,
                index: k,
            });
        }
        let q = match quantile {
            Some((df, q)) if df == prediction.df() => q,
            _ => {
                let q = prediction.quantile(level)?;
                quantile = Some((prediction.df(), q));
                q
            }
        };
        let (lo, hi) = prediction.interval_with(q, bounds);
        *slot = ForecastPoint {
            date,
            point,
            lo,
            hi,
            prediction,
        };
    }
    Ok(n)
}
