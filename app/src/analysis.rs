//! Target analyses: how an indicator stands against each of its targets
//! under a projection, and how every number of it was computed.
//!
//! This is the one module that calls the core's target analytics
//! ([`dxcast_core::analytics`]): the rest of the app, and the views, see an
//! [`Assessment`] with the [`Metric`]s it shows and a [`Standing`]. Every
//! number is the core's; a quantity the core cannot compute (a probability
//! when the spread is unknown, the attainment of a target of 0) is `None`,
//! and its explanation says why.

use dxcast_core::analytics::{analyse, Quantity, Settings, TargetAnalysis, TargetStatus};
use dxcast_core::basis::Basis;
use dxcast_core::quantity::QuantityPoint;
use dxcast_core::verdict::Staleness;
use dxcast_core::{Date, Error, Evidence, Point, Predictor, Status, Symbol, Target, Unit};

use crate::measure::{Explained, Measure};

/// The confidence level of prediction intervals and bands: the analyst
/// chooses 80 or 95 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Level {
    /// 80 %.
    Eighty,
    /// 95 % (the default).
    #[default]
    NinetyFive,
}

impl Level {
    /// Both levels, lower first.
    pub const ALL: [Level; 2] = [Level::Eighty, Level::NinetyFive];

    /// The level as a fraction (0.8, 0.95).
    #[must_use]
    pub const fn value(self) -> f64 {
        match self {
            Level::Eighty => 0.8,
            Level::NinetyFive => 0.95,
        }
    }

    /// The level in percent, as written in a link and on the page: `80`, `95`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Level::Eighty => "80",
            Level::NinetyFive => "95",
        }
    }

    /// The level with code `code`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == code.trim())
    }
}

/// An indicator's standing against its targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Standing {
    /// A figure shows the target met.
    Achieved,
    /// A figure on or after the deadline shows the target missed.
    Missed,
    /// The projection meets the target by its deadline.
    OnTrack,
    /// The projection falls short, but not by much: growth must speed up.
    NeedsAcceleration,
    /// The projection falls far short.
    OffTrack,
    /// Both outcomes are likely.
    Uncertain,
    /// The fit leaves nothing to estimate its error from.
    TooFewPoints,
    /// The figures are too old to judge the target.
    Stale,
    /// The target lies outside the indicator's bounds.
    Unreachable,
    /// The reports set no target.
    NoTarget,
    /// Too few figures to project.
    NotEnoughData,
}

impl Standing {
    /// Every standing, in the order the filter lists them.
    pub const ALL: [Standing; 11] = [
        Standing::Achieved,
        Standing::Missed,
        Standing::OnTrack,
        Standing::NeedsAcceleration,
        Standing::OffTrack,
        Standing::Uncertain,
        Standing::TooFewPoints,
        Standing::Stale,
        Standing::Unreachable,
        Standing::NoTarget,
        Standing::NotEnoughData,
    ];

    /// A stable code (for `data-status` and the filter's values); the
    /// analytics' statuses keep the core's codes.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Standing::Achieved => "achieved",
            Standing::Missed => "missed",
            Standing::OnTrack => "on_track",
            Standing::NeedsAcceleration => "needs_acceleration",
            Standing::OffTrack => "off_track",
            Standing::Uncertain => "uncertain",
            Standing::TooFewPoints => "too_few_points",
            Standing::Stale => "stale",
            Standing::Unreachable => "unreachable",
            Standing::NoTarget => "no_target",
            Standing::NotEnoughData => "not_enough_data",
        }
    }

    /// The standing with code `code`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Standing> {
        Standing::ALL.into_iter().find(|s| s.code() == code)
    }
}

impl From<TargetStatus> for Standing {
    fn from(s: TargetStatus) -> Standing {
        match s {
            TargetStatus::Achieved => Standing::Achieved,
            TargetStatus::Missed => Standing::Missed,
            TargetStatus::OnTrack => Standing::OnTrack,
            TargetStatus::NeedsAcceleration => Standing::NeedsAcceleration,
            TargetStatus::Uncertain => Standing::Uncertain,
            TargetStatus::TooFewPoints => Standing::TooFewPoints,
            TargetStatus::Stale => Standing::Stale,
            TargetStatus::Unreachable => Standing::Unreachable,
            _ => Standing::OffTrack,
        }
    }
}

/// A number an assessment shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    /// The projected value at the deadline, with its interval.
    Projected,
    /// The latest value as a percentage of the target.
    Attainment,
    /// The target minus the latest value.
    Gap,
    /// The growth needed to reach the target by its deadline.
    Required,
    /// The date the projection meets the target.
    ReachDate,
    /// The probability of meeting the target.
    Probability,
    /// The standing.
    Status,
}

impl Metric {
    /// Every metric, in the order an assessment shows them.
    pub const ALL: [Metric; 7] = [
        Metric::Projected,
        Metric::Attainment,
        Metric::Gap,
        Metric::Required,
        Metric::ReachDate,
        Metric::Probability,
        Metric::Status,
    ];

    /// A stable code (for test ids): `projected`, `attainment`, `gap`,
    /// `required`, `reach`, `probability`, `status`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Metric::Projected => "projected",
            Metric::Attainment => "attainment",
            Metric::Gap => "gap",
            Metric::Required => "required",
            Metric::ReachDate => "reach",
            Metric::Probability => "probability",
            Metric::Status => "status",
        }
    }

    /// Whether the metric can differ between the base projection and a
    /// scenario: attainment, gap and the growth needed depend only on the
    /// latest figure.
    #[must_use]
    pub const fn moves(self) -> bool {
        !matches!(self, Metric::Attainment | Metric::Gap | Metric::Required)
    }

    const fn quantity(self) -> Quantity {
        match self {
            Metric::Projected => Quantity::Projected,
            Metric::Attainment => Quantity::Attainment,
            Metric::Gap => Quantity::Gap,
            Metric::Required => Quantity::Required,
            Metric::ReachDate => Quantity::ReachDate,
            Metric::Probability => Quantity::Probability,
            Metric::Status => Quantity::Status,
        }
    }
}

/// The growth needed to reach a target by its deadline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RequiredGrowth {
    /// Compound annual growth in percent, when both ends are above 0.
    pub cagr: Option<f64>,
    /// Compound daily growth in percent, when both ends are above 0.
    pub daily: Option<f64>,
    /// Percentage points a year, for percentages.
    pub points_per_year: Option<f64>,
}

/// A target assessed under a projection (the fitted method, or a what-if
/// over it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessment {
    /// The target.
    pub target: Target,
    /// The standing.
    pub standing: Standing,
    /// The projected value at the deadline, in the target's terms (a yearly
    /// total for totals).
    pub projected: f64,
    /// The low end of its interval at [`LEVEL`]; `None` when unbounded.
    pub low: Option<f64>,
    /// The high end; `None` when unbounded.
    pub high: Option<f64>,
    /// Whether the projection's spread is known (it is not for a line
    /// through exactly two points).
    pub spread_known: bool,
    /// The latest value as a percentage of the target; `None` when unknown.
    pub attainment: Option<f64>,
    /// The target minus the latest value.
    pub gap: f64,
    /// The growth needed.
    pub required: RequiredGrowth,
    /// The first date the projection meets the target, if within 30 years
    /// of the deadline.
    pub reach_date: Option<Date>,
    /// The probability of meeting the target; `None` when the spread is unknown.
    pub probability: Option<f64>,
    /// Whether the deadline is before today.
    pub deadline_passed: bool,
    /// The figure that decided the standing, when one did (achieved or
    /// missed), in the target's terms.
    pub judged_by: Option<Point>,
    /// Why the standing is stale, when it is.
    pub staleness: Option<Staleness>,
    /// What the projection alone says (on track, needs acceleration, off
    /// track, uncertain), beside a standing the figures, the data or the
    /// deadline decided.
    pub outlook: Standing,
    /// The date of the latest figure the projection continues from (on the
    /// daily-rate basis, the middle of the figure's period).
    pub latest_date: Date,
    /// The date of the figure attainment and the gap speak of: the deciding
    /// figure's ([`Assessment::deciding`]), else the last day of the latest
    /// figure's period. Never "now": an old figure is named by its date.
    pub figure_date: Date,
    /// The figure that decided the standing, when one did.
    pub deciding: Option<Deciding>,
    /// The confidence level of the interval and the probability's spread.
    pub level: Level,
    analysis: TargetAnalysis,
}

/// The figure that decided a standing (achieved or missed), in the
/// target's terms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Deciding {
    /// Its date and value (a yearly total for totals).
    pub point: Point,
    /// Observed or estimated.
    pub status: Status,
    /// Whether it lies after the deadline (a figure at or after the deadline
    /// decides before one on or before it).
    pub after_deadline: bool,
}

/// What an assessment is judged with besides the projection: today, the
/// confidence level, the figures that can decide the target, and the
/// quantity's points (for the figures' dates and statuses).
#[derive(Debug, Clone, Copy)]
pub struct Judging<'a> {
    /// Today: deadlines before it have passed.
    pub today: Date,
    /// The interval's level.
    pub level: Level,
    /// The figures that can decide the target
    /// ([`dxcast_core::quantity::evidence`]).
    pub evidence: Evidence,
    /// The quantity's points, kept and set aside
    /// ([`dxcast_core::quantity::measure_into`]).
    pub measured: &'a [QuantityPoint],
}

/// Assesses `target` under `predictor` as `judging` says: the figures of
/// its evidence decide it where they can, the projection otherwise (the
/// core's [`dxcast_core::verdict`]).
///
/// # Errors
///
/// The core's analytics' errors (a projection too large for a number, a
/// prediction the method cannot make).
pub fn assess(
    predictor: &dyn Predictor,
    target: &Target,
    judging: &Judging<'_>,
) -> Result<Assessment, Error> {
    let settings = Settings {
        today: judging.today,
        level: judging.level.value(),
        evidence: judging.evidence,
    };
    let a = analyse(predictor, target, &settings)?;
    let kept_at = |date: Date| {
        judging
            .measured
            .iter()
            .find(|p| p.kept() && p.point.date == date)
    };
    let deciding = a.judged_by.map(|p| Deciding {
        point: p,
        // Totals are decided by observed totals only; a level by its point.
        status: match Basis::for_kind(a.subject.kind) {
            Basis::DailyRate => Status::Observed,
            Basis::Level => kept_at(p.date).map_or(Status::Observed, |q| q.status),
        },
        after_deadline: p.date > a.target.deadline,
    });
    let figure_date = a.judged_by.map_or_else(
        || kept_at(a.latest_point.date).map_or(a.latest_point.date, |q| q.window.end()),
        |p| p.date,
    );
    Ok(Assessment {
        target: a.target,
        standing: a.status.into(),
        projected: a.projected,
        low: a.low,
        high: a.high,
        spread_known: a.prediction.spread_known(),
        attainment: a.attainment,
        gap: a.gap,
        required: RequiredGrowth {
            cagr: a.required.cagr,
            daily: a.required.daily,
            points_per_year: a.required.points_per_year,
        },
        reach_date: a.reach_date,
        probability: a.probability,
        deadline_passed: a.deadline_passed,
        judged_by: a.judged_by,
        staleness: a.staleness,
        outlook: a.outlook.into(),
        latest_date: a.latest_point.date,
        figure_date,
        deciding,
        level: judging.level,
        analysis: a,
    })
}

impl Assessment {
    /// How `metric` was computed, with what each of its numbers is; `None`
    /// if the core cannot explain it.
    #[must_use]
    pub fn explain(&self, metric: Metric) -> Option<Explained> {
        let quantity = metric.quantity();
        let explanation = self.analysis.explain(quantity).ok()?;
        let unit = self.analysis.subject.unit;
        let on_basis = match Basis::for_kind(self.analysis.subject.kind) {
            Basis::DailyRate => Measure::PerDay(unit),
            Basis::Level => Measure::Unit(unit),
        };
        let measures = explanation
            .terms
            .iter()
            .map(|term| match (quantity, term.symbol) {
                (_, Symbol::Probability | Symbol::Level95) => Measure::Fraction,
                (Quantity::Projected, Symbol::Projected | Symbol::Low | Symbol::High) => on_basis,
                (Quantity::Status, Symbol::RequiredGrowth | Symbol::Growth) => {
                    Measure::growth(unit)
                }
                (Quantity::Status, Symbol::Threshold) => Measure::Fraction,
                (Quantity::Required, Symbol::DailyGrowth) => Measure::Unit(Unit::Percent),
                (_, Symbol::From) => Measure::Date,
                (_, Symbol::Days | Symbol::Span) => Measure::Days,
                _ => term.unit.map_or(Measure::Plain, Measure::Unit),
            })
            .collect();
        let result = match quantity {
            Quantity::Projected => Measure::Unit(unit),
            Quantity::Attainment => Measure::Unit(Unit::Percent),
            Quantity::Gap if unit == Unit::Percent => Measure::Points,
            Quantity::Gap => Measure::Unit(unit),
            Quantity::Required => Measure::growth(unit),
            Quantity::Probability => Measure::Fraction,
            Quantity::ReachDate => Measure::Days,
            _ => Measure::Plain,
        };
        Some(Explained {
            explanation,
            measures,
            result,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standings_keep_the_cores_codes() {
        for s in Standing::ALL {
            assert_eq!(Standing::from_code(s.code()), Some(s));
        }
        for s in TargetStatus::ALL {
            assert_eq!(Standing::from(s).code(), s.code());
        }
        assert_eq!(Standing::from_code("nope"), None);
        let codes: Vec<&str> = Metric::ALL.iter().map(|m| m.code()).collect();
        assert_eq!(
            codes,
            [
                "projected",
                "attainment",
                "gap",
                "required",
                "reach",
                "probability",
                "status"
            ]
        );
    }
}
