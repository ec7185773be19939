//! What-if scenarios over a projection.
//!
//! A [`Scenario`] changes a projection in up to three ways:
//!
//! - a **growth override**: from a date on, the value grows by a fixed rate,
//!   a year by default or a month ([`Per`]) — a percentage of the level for
//!   counts, percentage points for shares — instead of following the
//!   method. It continues from the base projection at its start date (the
//!   trend there, not the latest figure), so a scenario never jumps away from
//!   the path it branches off: zero growth is flat at the base's value on
//!   that date. A start on or before the latest figure starts at the latest
//!   figure's date, from the projection's value there;
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
use crate::error::{Error, Expected, Field, Result};
use crate::explain::{Explanation, Formula, Symbol};
use crate::fitted::Fitted;
use crate::forecast::{forecast_into, ForecastPoint, Horizon, Predictor};
use crate::prediction::Prediction;
use crate::scale::Scale;
use crate::series::{Point, Series, DAYS_PER_MONTH, DAYS_PER_YEAR};
use crate::subject::Subject;
use crate::target::Target;

/// The period a growth rate is given per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Per {
    /// A year of [`crate::series::DAYS_PER_YEAR`] days.
    #[default]
    Year,
    /// A month of [`DAYS_PER_MONTH`] days.
    Month,
}

impl Per {
    /// The period's length in days.
    #[must_use]
    pub const fn days(self) -> f64 {
        match self {
            Per::Year => DAYS_PER_YEAR,
            Per::Month => DAYS_PER_MONTH,
        }
    }
}

/// Growth at a fixed rate from a date on.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct GrowthOverride {
    /// The first day of the new growth (the latest observation's date if earlier).
    pub from: Date,
    /// Percent of the level per [`GrowthOverride::per`] for counts and
    /// amounts (20.0 is +20 % a year, compounded); percentage points per
    /// period for shares.
    pub rate: f64,
    /// The period the rate is given per: a year unless said otherwise.
    #[cfg_attr(feature = "serde", serde(default))]
    pub per: Per,
}

impl GrowthOverride {
    /// Growth of `rate` a year from `from`.
    #[must_use]
    pub const fn yearly(from: Date, rate: f64) -> GrowthOverride {
        GrowthOverride {
            from,
            rate,
            per: Per::Year,
        }
    }

    /// The rate as a yearly rate: compounded for counts, times the periods
    /// in a year for points.
    #[must_use]
    pub fn per_year(&self, points: bool) -> f64 {
        let periods = DAYS_PER_YEAR / self.per.days();
        if points {
            self.rate * periods
        } else {
            (libm::pow(1.0 + self.rate / 100.0, periods) - 1.0) * 100.0
        }
    }
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
/// use dxcast_core::scenario::{GrowthOverride, Per, Scenario, Shock};
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
///     growth: Some(GrowthOverride { from: Date::from_ymd(2023, 3, 31)?, rate: 1.0, per: Per::Month }),
///     shock: Some(Shock { at: Date::from_ymd(2024, 1, 1)?, size: -5.0 }),
///     target: None,
/// };
/// let what_if = fitted.with_scenario(scenario)?;
/// // It starts from the trend on 31/3/2023, not from the figure of that day.
/// let start = fitted.value_at(Date::from_ymd(2023, 3, 31)?)?;
/// assert!((start - 71_836.0).abs() > 100.0);
/// let d = Date::from_ymd(2024, 3, 31)?;
/// let months = 366.0 / dxcast_core::series::DAYS_PER_MONTH;
/// let expected = start * 1.01f64.powf(months) * 0.95;
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
    /// - [`Error::InvalidArgument`] (field `growth_rate`) for a relative
    ///   rate of −100 % or less a period, which no level can follow.
    pub fn new(base: Fitted, scenario: Scenario) -> Result<WhatIf> {
        let scenario = scenario.validate()?;
        if let Some(g) = scenario.growth {
            if !base.subject().in_points() && g.rate <= -100.0 {
                return Err(Error::InvalidArgument {
                    name: Field::GrowthRate,
                    expected: Expected::ChangeAboveMinus100,
                });
            }
        }
        Ok(WhatIf { base, scenario })
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

    /// The date the growth override starts: its own, or the latest
    /// observation's when that is later.
    fn start(&self, g: &GrowthOverride) -> Date {
        g.from.max(self.base.latest().date)
    }

    /// The scenario's point at `date` (before clamping into the bounds).
    fn point(&self, date: Date, base: f64) -> Result<f64> {
        let mut y = base;
        if let Some(g) = self.scenario.growth {
            let start = self.start(&g);
            if date > start {
                let y0 = self.base.value_at(start)?;
                let periods = f64::from(start.days_until(date)) / g.per.days();
                y = if self.points() {
                    y0 + g.rate * periods
                } else {
                    y0 * libm::pow(1.0 + g.rate / 100.0, periods)
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
    /// [`Formula::Scenario`] with the level the override starts from and the
    /// date it starts ([`Symbol::From`], a day number), the rate a year, the
    /// days, and the shock.
    ///
    /// # Errors
    ///
    /// The base predictor's errors.
    pub fn explain(&self, date: Date) -> Result<Explanation> {
        let p = self.predict(date)?;
        let mut e = Explanation::new(Formula::Scenario, p.point());
        if let Some(g) = self.scenario.growth {
            let start = self.start(&g);
            e.push(Symbol::Level, self.base.value_at(start)?, None)?;
            e.push(Symbol::From, f64::from(start.day_number()), None)?;
            e.push(Symbol::Growth, g.per_year(self.points()), None)?;
            e.push(Symbol::Days, f64::from(start.days_until(date).max(0)), None)?;
        }
        if let Some(s) = self.scenario.shock {
            e.push(Symbol::Shock, if date >= s.at { s.size } else { 0.0 }, None)?;
        }
        Ok(e)
    }
}

/// The smallest yearly growth that counts as implausible, whatever the
/// series: 50 % a year for counts and amounts.
pub const IMPLAUSIBLE_PERCENT: f64 = 50.0;
/// The same for shares: 20 percentage points a year.
pub const IMPLAUSIBLE_POINTS: f64 = 20.0;

/// A growth rate far beyond any the series shows.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Implausible {
    /// The scenario's rate as a yearly rate (percent, or points for shares);
    /// `None` when it is too large for a floating-point number.
    pub per_year: Option<f64>,
    /// The fastest yearly growth between two figures of the series at least
    /// a year apart (percent or points); `None` with fewer than two figures.
    pub fastest: Option<f64>,
    /// The rate beyond which a yearly rate is implausible for this series.
    pub limit: f64,
}

/// Flags a growth override whose yearly rate is implausible for `series`:
/// beyond one and a half times the fastest yearly growth the series shows
/// between two figures at least a year apart (between its first and last
/// figures when they are closer), and beyond [`IMPLAUSIBLE_PERCENT`] a year
/// ([`IMPLAUSIBLE_POINTS`] for shares), in either direction. "20" typed as a monthly rate is 791 % a
/// year, which this catches before the chart runs to the trillions.
///
/// # Examples
///
/// ```
/// use dxcast_core::scenario::{implausible, GrowthOverride, Per};
/// use dxcast_core::{Date, MeasureKind, Point, Series, Subject, Unit};
///
/// let pts = [
///     Point::new(Date::from_ymd(2022, 9, 30)?, 59_600.0),
///     Point::new(Date::from_ymd(2023, 3, 31)?, 71_836.0),
/// ];
/// let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count))?;
/// let from = Date::from_ymd(2023, 4, 1)?;
/// assert!(implausible(&s, &GrowthOverride::yearly(from, 20.0)).is_none());
/// let monthly = GrowthOverride { from, rate: 20.0, per: Per::Month };
/// let flag = implausible(&s, &monthly).unwrap();
/// assert!(flag.per_year.is_some_and(|r| r > 790.0));
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[must_use]
pub fn implausible(series: &Series<'_>, growth: &GrowthOverride) -> Option<Implausible> {
    let points = series.subject().in_points();
    let per_year = growth.per_year(points);
    let growth = |a: &Point, b: &Point| -> Option<f64> {
        let years = f64::from(a.date.days_until(b.date)) / DAYS_PER_YEAR;
        if years <= 0.0 {
            return None;
        }
        let g = if points {
            (b.value - a.value) / years
        } else if a.value > 0.0 && b.value > 0.0 {
            (libm::pow(b.value / a.value, 1.0 / years) - 1.0) * 100.0
        } else {
            return None;
        };
        Some(libm::fabs(g)).filter(|g| g.is_finite())
    };
    let pts = series.points();
    // Each figure against the first one at least a year later (a linear
    // scan with a second index: dates increase).
    let mut fastest: Option<f64> = None;
    let mut j = 0usize;
    for (i, a) in pts.iter().enumerate() {
        j = j.max(i.saturating_add(1));
        while pts.get(j).is_some_and(|b| a.date.days_until(b.date) < 365) {
            j = j.saturating_add(1);
        }
        if let Some(g) = pts.get(j).and_then(|b| growth(a, b)) {
            fastest = Some(fastest.map_or(g, |f: f64| f.max(g)));
        }
    }
    if fastest.is_none() {
        fastest = growth(&series.first(), &series.last());
    }
    let floor = if points {
        IMPLAUSIBLE_POINTS
    } else {
        IMPLAUSIBLE_PERCENT
    };
    let limit = fastest.map_or(floor, |f| (1.5 * f).max(floor));
    (libm::fabs(per_year) > limit || !per_year.is_finite()).then_some(Implausible {
        per_year: Some(per_year).filter(|v| v.is_finite()),
        fastest,
        limit,
    })
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
                per: Per::Month,
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
                per: Per::Month,
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
                per: Per::Month,
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
