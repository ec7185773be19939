//! What-if scenarios over a projection.
//!
//! A [`Scenario`] changes a projection in up to three ways:
//!
//! - a **growth override**: from a date on, the value grows by a fixed rate a
//!   month (a percentage of the level for counts, percentage points for
//!   shares) instead of following the method;
//! - a **shock**: from a date on, the level jumps by a fixed amount (again a
//!   percentage of the level, or percentage points for shares);
//! - a **changed target** value or deadline.
//!
//! [`WhatIf`] applies a scenario to a fitted model ([`crate::Fitted`]) and
//! owns both; it is a [`Predictor`] itself, so forecast paths
//! ([`WhatIf::forecast_into`]) and target analytics ([`WhatIf::analyse`])
//! work on it unchanged. The indicator's unit and bounds come from the
//! model. Its
//! predictions keep the base method's spread on the working scale, moved to
//! the scenario's point: the scenario says where the value goes, not how
//! sure we are of it.

use crate::analytics::{analyse, Settings, TargetAnalysis};
use crate::date::Date;
use crate::error::{Error, Field, Result};
use crate::explain::{Explanation, Formula, Symbol};
use crate::fitted::Fitted;
use crate::forecast::{forecast_into, ForecastPoint, Horizon, Predictor};
use crate::prediction::Prediction;
use crate::scale::Scale;
use crate::series::{Point, DAYS_PER_MONTH};
use crate::subject::Subject;
use crate::target::Target;

/// Growth at a fixed rate a month from a date on.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct GrowthOverride {
    /// The first day of the new growth (the latest observation's date if earlier).
    pub from: Date,
    /// Percent of the level a month for counts and amounts (2.0 is +2 % a
    /// month, compounded); percentage points a month for shares.
    pub rate: f64,
}

/// A jump in level from a date on.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Shock {
    /// The day the jump happens.
    pub at: Date,
    /// Percent of the level for counts and amounts (−10.0 is a 10 % drop);
    /// percentage points for shares.
    pub size: f64,
}

/// A what-if scenario. The default changes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Scenario {
    /// A growth override.
    pub growth: Option<GrowthOverride>,
    /// A level shock.
    pub shock: Option<Shock>,
    /// A changed target.
    pub target: Option<Target>,
}

impl Scenario {
    /// The target the scenario analyses: its own, or `base`.
    #[must_use]
    pub fn target_or(&self, base: Target) -> Target {
        self.target.unwrap_or(base)
    }

    /// Checks that every number is finite.
    ///
    /// # Errors
    ///
    /// [`Error::NotFinite`] naming `"growth rate"`, `"shock"` or `"target"`.
    pub fn validate(self) -> Result<Scenario> {
        if let Some(g) = self.growth {
            if !g.rate.is_finite() {
                return Err(Error::NotFinite {
                    what: Field::GrowthRate,
                    index: 0,
                });
            }
        }
        if let Some(s) = self.shock {
            if !s.size.is_finite() {
                return Err(Error::NotFinite {
                    what: Field::Shock,
                    index: 0,
                });
            }
        }
        if let Some(t) = self.target {
            if !t.value.is_finite() {
                return Err(Error::NotFinite {
                    what: Field::Target,
                    index: 0,
                });
            }
        }
        Ok(self)
    }
}

/// A scenario applied to a fitted model.
///
/// # Examples
///
/// ```
/// use dxcast_core::scenario::{GrowthOverride, Scenario, Shock};
/// use dxcast_core::{Date, LinearTrend, MeasureKind, Model, Point, Predictor, Series, Subject, Unit};
///
/// let pts = [
///     Point::new(Date::from_ymd(2022, 9, 30)?, 59_600.0),
///     Point::new(Date::from_ymd(2022, 11, 20)?, 68_933.0),
///     Point::new(Date::from_ymd(2023, 3, 31)?, 71_836.0),
/// ];
/// let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count))?;
/// let fitted = Model::Linear(LinearTrend::new()).fit(&s)?;
/// // +1 % a month from the last observation, and a 5 % drop on 1/1/2024.
/// let scenario = Scenario {
///     growth: Some(GrowthOverride { from: Date::from_ymd(2023, 3, 31)?, rate: 1.0 }),
///     shock: Some(Shock { at: Date::from_ymd(2024, 1, 1)?, size: -5.0 }),
///     target: None,
/// };
/// let what_if = fitted.with_scenario(scenario)?;
/// let d = Date::from_ymd(2024, 3, 31)?;
/// let months = 366.0 / dxcast_core::series::DAYS_PER_MONTH;
/// let expected = 71_836.0 * 1.01f64.powf(months) * 0.95;
/// assert!((what_if.predict(d)?.point() - expected).abs() < 1e-6);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WhatIf {
    base: Fitted,
    scenario: Scenario,
}

impl WhatIf {
    /// `scenario` over `base`. Rates and shocks are in percentage points
    /// for a percent unit and in percent of the level otherwise.
    ///
    /// # Errors
    ///
    /// The errors of [`Scenario::validate`].
    pub fn new(base: Fitted, scenario: Scenario) -> Result<WhatIf> {
        Ok(WhatIf {
            base,
            scenario: scenario.validate()?,
        })
    }

    /// The model the scenario applies to.
    #[must_use]
    pub const fn base(&self) -> &Fitted {
        &self.base
    }

    fn points(&self) -> bool {
        self.base.subject().in_points()
    }

    /// Writes the scenario's path along `horizon` into `out` (see
    /// [`forecast_into`]).
    ///
    /// # Errors
    ///
    /// As [`forecast_into`].
    pub fn forecast_into(
        &self,
        horizon: Horizon<'_>,
        level: f64,
        out: &mut [ForecastPoint],
    ) -> Result<usize> {
        forecast_into(self, horizon, level, out)
    }

    /// Analyses `target` (the scenario's own when it has one:
    /// [`Scenario::target_or`]) under the scenario.
    ///
    /// # Errors
    ///
    /// As [`analyse`].
    pub fn analyse(&self, target: &Target, settings: &Settings) -> Result<TargetAnalysis> {
        analyse(self, &self.scenario.target_or(*target), settings)
    }

    /// The scenario.
    #[must_use]
    pub const fn scenario(&self) -> Scenario {
        self.scenario
    }

    /// The base predictor's point at `date`, or the latest observation on its date.
    fn base_point(&self, date: Date) -> Result<f64> {
        let latest = self.base.latest();
        if date <= latest.date {
            Ok(latest.value)
        } else {
            Ok(self.base.predict(date)?.point())
        }
    }

    /// The scenario's point at `date` (before clamping into the bounds).
    fn point(&self, date: Date, base: f64) -> Result<f64> {
        let latest = self.base.latest();
        let mut y = base;
        if let Some(g) = self.scenario.growth {
            let start = if g.from > latest.date {
                g.from
            } else {
                latest.date
            };
            if date > start {
                let y0 = self.base_point(start)?;
                let months = f64::from(start.days_until(date)) / DAYS_PER_MONTH;
                y = if self.points() {
                    y0 + g.rate * months
                } else {
                    y0 * libm::pow(1.0 + g.rate / 100.0, months)
                };
            }
        }
        if let Some(s) = self.scenario.shock {
            if date >= s.at {
                y = if self.points() {
                    y + s.size
                } else {
                    y * (1.0 + s.size / 100.0)
                };
            }
        }
        Ok(y)
    }

    /// How the scenario's value at `date` is computed: formula
    /// [`Formula::Scenario`] with the level the override starts from, the
    /// monthly rate, the months, and the shock.
    ///
    /// # Errors
    ///
    /// The base predictor's errors.
    pub fn explain(&self, date: Date) -> Result<Explanation> {
        let p = self.predict(date)?;
        let mut e = Explanation::new(Formula::Scenario, p.point());
        let latest = self.base.latest();
        if let Some(g) = self.scenario.growth {
            let start = if g.from > latest.date {
                g.from
            } else {
                latest.date
            };
            e.push(Symbol::Level, self.base_point(start)?, None)?;
            e.push(Symbol::Growth, g.rate, None)?;
            let months = f64::from(start.days_until(date)).max(0.0) / DAYS_PER_MONTH;
            e.push(Symbol::Days, months * DAYS_PER_MONTH, None)?;
        }
        if let Some(s) = self.scenario.shock {
            e.push(Symbol::Shock, if date >= s.at { s.size } else { 0.0 }, None)?;
        }
        Ok(e)
    }
}

/// `y` moved strictly inside a scale's range, so that the scale can carry it.
fn inside(scale: Scale, y: f64) -> f64 {
    let (lo, hi) = scale.range();
    let span = if hi.is_finite() && lo.is_finite() {
        hi - lo
    } else {
        1.0
    };
    let eps = 1e-9 * span.max(libm::fabs(y)).max(1.0);
    let mut v = y;
    if lo.is_finite() && v <= lo {
        v = lo + eps;
    }
    if hi.is_finite() && v >= hi {
        v = hi - eps;
    }
    v
}

impl Predictor for WhatIf {
    fn predict(&self, date: Date) -> Result<Prediction> {
        let base = self.base.predict(date)?;
        if self.scenario.growth.is_none() && self.scenario.shock.is_none() {
            return Ok(base);
        }
        let y = self
            .base
            .subject()
            .bounds
            .clamp(self.point(date, base.point())?);
        let scale = base.scale();
        let location = scale.forward(inside(scale, y));
        if !location.is_finite() {
            return Err(Error::Overflow {
                what: Field::Scenario,
                index: 0,
            });
        }
        Prediction::new(
            location,
            base.se().unwrap_or(f64::INFINITY),
            base.df().unwrap_or(f64::INFINITY),
            scale,
        )
    }

    fn latest(&self) -> Point {
        self.base.latest()
    }

    fn subject(&self) -> Subject {
        self.base.subject()
    }

    fn span(&self) -> crate::series::Span {
        self.base.span()
    }

    fn df(&self) -> usize {
        self.base.fit().df()
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::analytics::TargetStatus;
    use crate::indicator::{MeasureKind, Unit};
    use crate::method::Model;
    use crate::series::Series;
    use crate::target::Comparison;
    use crate::trend::{LinearTrend, LogLinearTrend};

    fn d(y: i32, m: u32, dd: u32) -> Date {
        Date::from_ymd(y, m, dd).unwrap()
    }

    /// A flat series at `value` up to `last`: its line (or exponential) is
    /// flat at `value`.
    fn flat(value: f64, last: Date, subject: Subject, model: Model) -> Fitted {
        let pts = [
            Point::new(last.add_days(-730).unwrap(), value),
            Point::new(last.add_days(-365).unwrap(), value),
            Point::new(last, value),
        ];
        model.fit(&Series::new(&pts, subject).unwrap()).unwrap()
    }

    fn share(value: f64) -> Fitted {
        flat(
            value,
            d(2022, 12, 31),
            Subject::of_kind(MeasureKind::Share, Unit::Percent),
            Model::Linear(LinearTrend::new()),
        )
    }

    #[test]
    fn points_for_shares() {
        let base = share(52.8);
        let s = Scenario {
            growth: Some(GrowthOverride {
                from: d(2022, 1, 1),
                rate: 0.5,
            }),
            shock: Some(Shock {
                at: d(2023, 6, 1),
                size: 2.0,
            }),
            target: None,
        };
        let w = WhatIf::new(base, s).unwrap();
        // From the latest observation (31/12/2022), not the earlier `from`.
        let at = d(2023, 12, 31);
        let months = 365.0 / DAYS_PER_MONTH;
        let expected = 52.8 + 0.5 * months + 2.0;
        assert!((w.predict(at).unwrap().point() - expected).abs() < 1e-9);
        // Before the shock, no shock.
        let early = d(2023, 3, 31);
        let m = 90.0 / DAYS_PER_MONTH;
        assert!((w.predict(early).unwrap().point() - (52.8 + 0.5 * m)).abs() < 1e-9);
        // Far ahead the share stops at the cap.
        let p = w.predict(d(2035, 1, 1)).unwrap().point();
        assert!(p <= 100.0 && p > 99.999);
    }

    #[test]
    fn the_scenario_changes_the_status() {
        let base = share(52.8);
        let target = Target::new(60.0, d(2023, 12, 31), Comparison::AtLeast).unwrap();
        let ctx = Settings::new(d(2023, 1, 1), 0.95);
        let flat = base.analyse(&target, &ctx).unwrap();
        assert_eq!(flat.status, TargetStatus::OffTrack);
        let s = Scenario {
            growth: Some(GrowthOverride {
                from: d(2023, 1, 1),
                rate: 0.7,
            }),
            ..Scenario::default()
        };
        let w = WhatIf::new(base, s).unwrap();
        let a = w.analyse(&target, &ctx).unwrap();
        // 52.8 + 0.7 × 364/30.44 = 61.17 ≥ 60.
        assert_eq!(a.status, TargetStatus::OnTrack);
        let lower = Scenario {
            target: Some(Target::new(50.0, d(2023, 12, 31), Comparison::AtLeast).unwrap()),
            ..Scenario::default()
        };
        let a = base
            .with_scenario(lower)
            .unwrap()
            .analyse(&target, &ctx)
            .unwrap();
        assert_eq!(a.status, TargetStatus::Achieved);
    }

    #[test]
    fn relative_growth_compounds_on_the_log_scale() {
        let base = flat(
            2_659_719.0,
            d(2022, 12, 31),
            Subject::of_kind(MeasureKind::Stock, Unit::Count),
            Model::LogLinear(LogLinearTrend::new()),
        );
        let s = Scenario {
            growth: Some(GrowthOverride {
                from: d(2023, 1, 1),
                rate: 5.0,
            }),
            shock: Some(Shock {
                at: d(2022, 6, 1),
                size: -100.0,
            }),
            target: None,
        };
        let w = WhatIf::new(base, s).unwrap();
        // A −100 % shock takes the value to the bound, which the log scale
        // cannot hold exactly: the point lands just above it, never an error.
        let p = w.predict(d(2024, 1, 1)).unwrap().point();
        assert!((0.0..1e-2).contains(&p), "{p}");
        let bad = Scenario {
            shock: Some(Shock {
                at: d(2022, 6, 1),
                size: f64::NAN,
            }),
            ..Scenario::default()
        };
        assert!(WhatIf::new(base, bad).is_err());
    }
}
