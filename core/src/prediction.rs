//! Predictions, intervals that respect an indicator's bounds, and forecast
//! paths.
//!
//! Every method's prediction at a date is a [`Prediction`]: a location and a
//! predictive standard error on a *working scale* ([`Scale`]), with Student-t
//! degrees of freedom. The value on the natural scale is
//! `g⁻¹(location + se · T_ν)` for the scale's transformation `g`.
//!
//! - The log-linear trend works on `ln y` and the logistic trend on
//!   `logit((y − lo)/(hi − lo))`: their intervals cannot leave the range the
//!   scale maps onto.
//! - The linear and polynomial trends and Holt's methods work on the natural
//!   scale. For a bounded indicator [`Prediction::interval`] first carries
//!   the prediction to `ln(y − min)` (lower bound only), `−ln(max − y)` (upper
//!   bound only) or the logit between both bounds by the delta method
//!   (`se' = g'(ŷ) · se`), takes the t-interval there, and transforms its
//!   ends back ("transform, then back-transform"). A count's interval never
//!   goes below 0, a share's never above 100.
//!
//! The delta method linearises `g` at the point forecast. When the point lies
//! within a few standard errors of a bound, the interval becomes very
//! asymmetric: tight towards the bound and long away from it. A point on or
//! beyond a bound has no image on the bounded scale; its interval is the
//! natural-scale t-interval clamped into the bounds, and its point is the
//! bound.
//!

use crate::dist::{student_t_cdf, student_t_quantile};
use crate::error::{Error, Expected, Field, Result};
use crate::explain::{Explanation, Formula, Symbol, Unknown};
use crate::indicator::Bounds;
use crate::scale::Scale;

/// A prediction at one date: location and predictive standard error on a
/// working scale, with Student-t degrees of freedom.
///
/// # Examples
///
/// ```
/// use dxcast_core::{Prediction, Scale};
/// use dxcast_core::Bounds;
///
/// // A share predicted at 96 ± 3 (standard error), 8 degrees of freedom.
/// let p = Prediction::new(96.0, 3.0, 8.0, Scale::Identity)?;
/// let (Some(lo), Some(hi)) = p.interval(0.95, Bounds::PERCENT)? else { panic!() };
/// assert!(lo < 96.0 && 96.0 < hi && hi < 100.0);
/// // Unbounded, the same prediction crosses 100.
/// let (_, hi) = p.interval(0.95, Bounds::NONE)?;
/// assert!(hi.is_some_and(|hi| hi > 100.0));
/// let p_above = p.probability_at_least(95.0, Bounds::PERCENT)?;
/// assert!(p_above.is_some_and(|p| p > 0.5 && p < 1.0));
///
/// // A line through exactly two points: the spread is unknown.
/// let exact = Prediction::new(60.0, f64::INFINITY, f64::INFINITY, Scale::Identity)?;
/// assert_eq!(exact.se(), None);
/// assert_eq!(exact.interval(0.95, Bounds::PERCENT)?, (Some(0.0), Some(100.0)));
/// assert_eq!(exact.interval(0.95, Bounds::NON_NEGATIVE)?, (Some(0.0), None));
/// assert_eq!(exact.probability_at_least(70.0, Bounds::PERCENT)?, None);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Prediction {
    location: f64,
    /// Infinite when the spread is unknown; written as null.
    #[cfg_attr(feature = "serde", serde(with = "unbounded"))]
    se: f64,
    /// Infinite when the spread is unknown; written as null.
    #[cfg_attr(feature = "serde", serde(with = "unbounded"))]
    df: f64,
    scale: Scale,
}

/// Serde for a number that is stored as infinity when unknown and written
/// as null, so that no serialised result holds a non-finite number.
#[cfg(feature = "serde")]
mod unbounded {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        if v.is_finite() {
            s.serialize_some(v)
        } else {
            s.serialize_none()
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::INFINITY))
    }
}

pub(crate) fn check_level(level: f64) -> Result<f64> {
    if level > 0.0 && level < 1.0 {
        Ok(level)
    } else {
        Err(Error::InvalidArgument {
            name: Field::Level,
            expected: Expected::ConfidenceLevel,
        })
    }
}

impl Prediction {
    /// A placeholder for buffers: location 0 with a spread of 0.
    pub const PLACEHOLDER: Prediction = Prediction {
        location: 0.0,
        se: 0.0,
        df: 1.0,
        scale: Scale::Identity,
    };

    /// A prediction with `location` and standard error `se` on `scale`, and
    /// `df` degrees of freedom (`f64::INFINITY` for a normal distribution).
    /// An infinite `se` says the spread is unknown (a line through exactly
    /// two points): intervals then span the bounds, and probabilities of
    /// values inside the bounds are NaN.
    ///
    /// # Errors
    ///
    /// - [`Error::NotFinite`] for a non-finite location (index 0) or a NaN
    ///   standard error (index 1);
    /// - [`Error::InvalidArgument`] for a negative standard error, degrees of
    ///   freedom that are not above 0, or a scale with non-finite or
    ///   unordered ends.
    pub fn new(location: f64, se: f64, df: f64, scale: Scale) -> Result<Prediction> {
        if !location.is_finite() {
            return Err(Error::NotFinite {
                what: Field::Location,
                index: 0,
            });
        }
        if se.is_nan() {
            return Err(Error::NotFinite {
                what: Field::StandardError,
                index: 1,
            });
        }
        if se < 0.0 {
            return Err(Error::InvalidArgument {
                name: Field::StandardError,
                expected: Expected::NonNegativeStandardError,
            });
        }
        if df.is_nan() || df <= 0.0 {
            return Err(Error::InvalidArgument {
                name: Field::DegreesOfFreedom,
                expected: Expected::DegreesOfFreedom,
            });
        }
        Ok(Prediction {
            location,
            se,
            df,
            scale: scale.validate()?,
        })
    }

    /// The location on the working scale.
    #[must_use]
    pub const fn location(&self) -> f64 {
        self.location
    }

    /// The predictive standard error on the working scale.
    #[must_use]
    pub fn se(&self) -> Option<f64> {
        Some(self.se).filter(|s| s.is_finite())
    }

    /// Whether the spread is known (a finite standard error).
    #[must_use]
    pub fn spread_known(&self) -> bool {
        self.se.is_finite()
    }

    /// The degrees of freedom of the predictive Student-t distribution.
    #[must_use]
    pub fn df(&self) -> Option<f64> {
        Some(self.df).filter(|d| d.is_finite())
    }

    /// The working scale.
    #[must_use]
    pub const fn scale(&self) -> Scale {
        self.scale
    }

    /// The point forecast on the natural scale, `g⁻¹(location)`: the median
    /// of the predictive distribution (for the log and logit scales this is
    /// not its mean). Not clamped: see [`Prediction::point_within`].
    #[must_use]
    pub fn point(&self) -> f64 {
        self.scale.inverse(self.location)
    }

    /// The point forecast clamped into `bounds`.
    #[must_use]
    pub fn point_within(&self, bounds: Bounds) -> f64 {
        bounds.clamp(self.point())
    }

    /// The prediction on the scale its probabilities use for an indicator
    /// with `bounds`. A prediction already on a log or logit scale is
    /// returned unchanged. An identity-scale one is carried by the delta
    /// method to [`Scale::for_bounds`] when its natural-scale 95 % interval
    /// stays strictly inside the bounds; near a bound the delta method breaks
    /// down (the logit's slope grows without limit), so there the prediction
    /// stays on the natural scale and its mass beyond a bound sits on the
    /// bound (a share predicted at 99.5 ± 1.5 can reach 100).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for bounds that are not finite or not ordered.
    pub fn bounded(&self, bounds: Bounds) -> Result<Prediction> {
        let bounds = bounds.validate()?;
        if self.scale != Scale::Identity {
            return Ok(*self);
        }
        let target = Scale::for_bounds(bounds);
        let (lo, hi) = target.range();
        let y = self.location;
        let reach = student_t_quantile(0.975, self.df)? * self.se;
        if target == Scale::Identity || y - reach <= lo || y + reach >= hi {
            return Ok(*self);
        }
        let z = target.forward(y);
        let se = self.se * target.derivative(y);
        if !z.is_finite() || !se.is_finite() {
            return Ok(*self);
        }
        Ok(Prediction {
            location: z,
            se,
            df: self.df,
            scale: target,
        })
    }

    /// The two-sided prediction interval at confidence `level` (such as
    /// 0.95), respecting `bounds`. For a prediction on a log or logit scale it
    /// is the Student-t interval there, transformed back. For an
    /// identity-scale prediction on a bounded indicator it is the
    /// intersection of two intervals: the one computed on the bounds' scale
    /// by the delta method and transformed back (which bends towards a bound
    /// as the point nears it), and the natural-scale one clamped into the
    /// bounds (which keeps the first from blowing up where the delta method
    /// breaks down). It always contains [`Prediction::point_within`] and never
    /// leaves the bounds.
    ///
    /// # Errors
    ///
    /// An end that is unbounded (the spread is unknown and the indicator
    /// has no bound on that side, or the end is too large for a
    /// floating-point number) is `None`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for a level outside (0, 1) or invalid bounds.
    pub fn interval(&self, level: f64, bounds: Bounds) -> Result<(Option<f64>, Option<f64>)> {
        let (a, b) = self.raw_interval(level, bounds)?;
        let finite = |v: f64| Some(v).filter(|v| v.is_finite());
        Ok((finite(a), finite(b)))
    }

    /// [`Prediction::interval`] with unbounded ends as ±∞.
    pub(crate) fn raw_interval(&self, level: f64, bounds: Bounds) -> Result<(f64, f64)> {
        let level = check_level(level)?;
        let bounds = bounds.validate()?;
        let q = student_t_quantile(0.5 + 0.5 * level, self.df)?;
        Ok(self.interval_at_quantile(q, bounds))
    }

    /// [`Prediction::interval`] with the t quantile `q` of its level and
    /// degrees of freedom given ([`Prediction::quantile`]), as `Option`s.
    pub(crate) fn interval_with(&self, q: f64, bounds: Bounds) -> (Option<f64>, Option<f64>) {
        let (a, b) = self.interval_at_quantile(q, bounds);
        let finite = |v: f64| Some(v).filter(|v| v.is_finite());
        (finite(a), finite(b))
    }

    /// The t quantile of a two-sided interval at `level` for this
    /// prediction's degrees of freedom.
    pub(crate) fn quantile(&self, level: f64) -> Result<f64> {
        student_t_quantile(0.5 + 0.5 * check_level(level)?, self.df)
    }

    /// The interval's ends with the quantile `q` (bounds already checked).
    fn interval_at_quantile(&self, q: f64, bounds: Bounds) -> (f64, f64) {
        let half = q * self.se;
        let mut a = bounds.clamp(self.scale.inverse(self.location - half));
        let mut b = bounds.clamp(self.scale.inverse(self.location + half));
        if self.scale == Scale::Identity {
            let target = Scale::for_bounds(bounds);
            let (lo, hi) = target.range();
            let y = self.location;
            if target != Scale::Identity && y > lo && y < hi {
                let z = target.forward(y);
                let se = self.se * target.derivative(y);
                if z.is_finite() && se.is_finite() {
                    a = a.max(bounds.clamp(target.inverse(z - q * se)));
                    b = b.min(bounds.clamp(target.inverse(z + q * se)));
                }
            }
        }
        let p = self.point_within(bounds);
        // Rounding in the back-transform must not leave the point outside.
        (a.min(p), b.max(p))
    }

    /// The probability that the value is at least `x`, from the predictive
    /// Student-t distribution on the working scale of
    /// [`Prediction::bounded`]. Values beyond the bounds are impossible: the
    /// result is 1 for `x` at or below the lower bound and 0 above the upper
    /// one. Unknown (`None`) inside the bounds when the spread is unknown.
    ///
    /// # Errors
    ///
    /// [`Error::NotFinite`] (field `x`) for NaN; [`Error::InvalidArgument`]
    /// for invalid bounds.
    pub fn probability_at_least(&self, x: f64, bounds: Bounds) -> Result<Option<f64>> {
        Ok(self.probability_below(x, bounds, true)?.map(|p| 1.0 - p))
    }

    /// The probability that the value is at most `x` (see
    /// [`Prediction::probability_at_least`]): 0 below the lower bound and 1
    /// at or above the upper one.
    ///
    /// # Errors
    ///
    /// As [`Prediction::probability_at_least`].
    pub fn probability_at_most(&self, x: f64, bounds: Bounds) -> Result<Option<f64>> {
        self.probability_below(x, bounds, false)
    }

    /// P(Y < x) (`strict`) or P(Y ≤ x); the distribution is continuous inside
    /// the bounds, and the mass beyond a bound sits on it.
    fn probability_below(&self, x: f64, bounds: Bounds, strict: bool) -> Result<Option<f64>> {
        if x.is_nan() {
            return Err(Error::NotFinite {
                what: Field::X,
                index: 0,
            });
        }
        let bounds = bounds.validate()?;
        if let Some(lo) = bounds.min {
            if x < lo || (strict && x == lo) {
                return Ok(Some(0.0));
            }
        }
        if let Some(hi) = bounds.max {
            if x > hi || (!strict && x == hi) {
                return Ok(Some(1.0));
            }
        }
        let work = self.bounded(bounds)?;
        let z = work.scale.forward(x);
        if z == f64::NEG_INFINITY {
            return Ok(Some(0.0));
        }
        if z == f64::INFINITY {
            return Ok(Some(1.0));
        }
        if work.se == f64::INFINITY {
            // Unknown spread: nothing can be said inside the bounds.
            return Ok(None);
        }
        if work.se == 0.0 {
            let below = if strict {
                work.location < z
            } else {
                work.location <= z
            };
            return Ok(Some(if below { 1.0 } else { 0.0 }));
        }
        student_t_cdf((z - work.location) / work.se, work.df).map(Some)
    }

    /// The interval of [`Prediction::interval`] as an explanation: formula
    /// [`Formula::PredictionInterval`], result the point within the bounds,
    /// terms the point, the working-scale standard error, the t quantile,
    /// the degrees of freedom, the level, and the interval's ends.
    ///
    /// # Errors
    ///
    /// As [`Prediction::interval`].
    /// A standard error or degrees of freedom that are unknown are terms
    /// without a value, and the explanation says why ([`Unknown::Spread`]).
    pub fn explain_interval(&self, level: f64, bounds: Bounds) -> Result<Explanation> {
        let (lo, hi) = self.raw_interval(level, bounds)?;
        let work = self.bounded(bounds)?;
        let q = student_t_quantile(0.5 + 0.5 * level, work.df)?;
        let point = self.point_within(bounds);
        let mut e = Explanation::new(Formula::PredictionInterval, point)
            .with(Symbol::Projected, point, None)?
            .with(Symbol::StandardError, work.se, None)?
            .with(Symbol::Quantile, q, None)?
            .with(Symbol::DegreesOfFreedom, work.df, None)?
            .with(Symbol::Level95, level, None)?
            .with(Symbol::Low, lo, None)?
            .with(Symbol::High, hi, None)?;
        if !work.se.is_finite() {
            e.unknown = Some(Unknown::Spread);
        }
        Ok(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn point_outside_the_bounds_is_clamped() {
        let p = Prediction::new(100.5, 2.0, 10.0, Scale::Identity).unwrap();
        let (lo, hi) = p.raw_interval(0.9, Bounds::PERCENT).unwrap();
        assert_eq!(hi, 100.0);
        // 100.5 − t(0.95, 10) × 2.
        assert!(
            (lo - (100.5 - 1.812_461_122_811_676 * 2.0)).abs() < 1e-12,
            "{lo}"
        );
        assert_eq!(p.point_within(Bounds::PERCENT), 100.0);
        assert_eq!(
            p.probability_at_least(100.5, Bounds::PERCENT)
                .unwrap()
                .unwrap(),
            0.0
        );
        assert_eq!(
            p.probability_at_most(100.0, Bounds::PERCENT)
                .unwrap()
                .unwrap(),
            1.0
        );
    }

    #[test]
    fn share_intervals_near_the_cap_are_continuous_and_bounded() {
        // A linear or Holt point forecast for a share, se 1.5, 10 degrees of
        // freedom, swept across the cap: the ends never jump, never leave
        // 0-100, and always contain the point.
        let mut prev: Option<(f64, f64)> = None;
        let mut y = 90.0;
        while y <= 101.0 {
            let p = Prediction::new(y, 1.5, 10.0, Scale::Identity).unwrap();
            let (lo, hi) = p.raw_interval(0.95, Bounds::PERCENT).unwrap();
            let point = p.point_within(Bounds::PERCENT);
            assert!(
                0.0 <= lo && lo <= point && point <= hi && hi <= 100.0,
                "{y}: ({lo}, {hi})"
            );
            if let Some((plo, phi)) = prev {
                assert!(
                    (lo - plo).abs() < 0.1 && (hi - phi).abs() < 0.1,
                    "jump at {y}: ({plo}, {phi}) -> ({lo}, {hi})"
                );
            }
            prev = Some((lo, hi));
            y += 0.01;
        }
        // Far from the cap the delta method's upper end bends below the
        // symmetric natural one: 98 ± 2.228 × 1.5 would reach 101.3.
        let p = Prediction::new(98.0, 1.5, 10.0, Scale::Identity).unwrap();
        let (lo, hi) = p.raw_interval(0.95, Bounds::PERCENT).unwrap();
        let q = crate::dist::student_t_quantile(0.975, 10.0).unwrap();
        assert!((lo - (98.0 - q * 1.5)).abs() < 1e-9, "{lo}");
        assert!(hi < 100.0 && hi > 98.0, "{hi}");
    }

    #[test]
    fn unknown_spread_spans_the_bounds() {
        let p = Prediction::new(60.0, f64::INFINITY, f64::INFINITY, Scale::Identity).unwrap();
        assert_eq!(p.raw_interval(0.95, Bounds::PERCENT).unwrap(), (0.0, 100.0));
        assert!(p
            .probability_at_least(70.0, Bounds::PERCENT)
            .unwrap()
            .is_none());
        assert_eq!(
            p.probability_at_least(0.0, Bounds::PERCENT)
                .unwrap()
                .unwrap(),
            1.0
        );
        let (lo, hi) = p.raw_interval(0.95, Bounds::NONE).unwrap();
        assert!(lo == f64::NEG_INFINITY && hi == f64::INFINITY);
        assert!(Prediction::new(60.0, f64::NAN, 3.0, Scale::Identity).is_err());
    }

    #[test]
    fn a_share_near_the_cap_can_reach_it() {
        // 99.5 ± 1.5: the natural-scale t puts P(Y >= 100) = P(T >= 0.333) on 10 df.
        let p = Prediction::new(99.5, 1.5, 10.0, Scale::Identity).unwrap();
        let prob = p
            .probability_at_least(100.0, Bounds::PERCENT)
            .unwrap()
            .unwrap();
        let expected = 1.0 - crate::dist::student_t_cdf(0.5 / 1.5, 10.0).unwrap();
        assert!((prob - expected).abs() < 1e-12, "{prob} vs {expected}");
        assert!(prob > 0.3 && prob < 0.4);
        // Well inside, probabilities come from the delta-method logit scale.
        let p = Prediction::new(60.0, 2.0, 10.0, Scale::Identity).unwrap();
        assert!(matches!(
            p.bounded(Bounds::PERCENT).unwrap().scale(),
            Scale::Logit { .. }
        ));
    }
}
