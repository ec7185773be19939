//! Indicators: what is measured, in which unit, and how values relate over time.

use crate::date::Date;
use crate::error::{Error, Expected, Field, Result};

/// The unit of an indicator's values. Values are always stored in base units:
/// a count of one, a percent point, one megabit per second, one đồng.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Unit {
    /// A number of things: transactions, teams, members, services, dossiers.
    Count,
    /// A percentage, 0–100.
    Percent,
    /// Megabits per second.
    Mbps,
    /// Vietnamese đồng.
    Vnd,
    /// US dollars.
    Usd,
    /// A position in a ranking: 1 is first.
    Rank,
    /// A ratio, "gấp N lần" (N times).
    Times,
}

/// How an indicator's values relate over time.
///
/// The kind decides which conversions apply and at which date a value sits
/// on a time axis (see [`MeasureKind::anchor`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MeasureKind {
    /// A total over each period: transactions in September, in a quarter, in a year.
    Flow,
    /// A total from 1 January to the as-of date.
    YearToDate,
    /// A total over a window divided by the window's days.
    DailyAverage,
    /// A running total since a launch date.
    Cumulative,
    /// A level at a date: a count of teams, accounts, subscribers.
    Stock,
    /// A percentage 0–100 at a date; changes are in percentage points.
    Share,
    /// A rank: lower is better.
    Rank,
}

/// Where on a time axis a value of a given kind sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Anchor {
    /// At the last day of its period: a level as of that date.
    End,
    /// At the middle of its period: a rate or total spread over the period.
    Middle,
}

impl MeasureKind {
    /// Every kind, in the order used for display.
    pub const ALL: [MeasureKind; 7] = [
        MeasureKind::Flow,
        MeasureKind::YearToDate,
        MeasureKind::DailyAverage,
        MeasureKind::Cumulative,
        MeasureKind::Stock,
        MeasureKind::Share,
        MeasureKind::Rank,
    ];

    /// The kind's identifier in data files: `flow`, `ytd`, `daily_average`,
    /// `cumulative`, `stock`, `share`, `rank`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            MeasureKind::Flow => "flow",
            MeasureKind::YearToDate => "ytd",
            MeasureKind::DailyAverage => "daily_average",
            MeasureKind::Cumulative => "cumulative",
            MeasureKind::Stock => "stock",
            MeasureKind::Share => "share",
            MeasureKind::Rank => "rank",
        }
    }

    /// The kind with identifier `code` (see [`MeasureKind::code`]).
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (line 0, field `"kind"`) for an unknown identifier.
    pub fn from_code(code: &str) -> Result<MeasureKind> {
        MeasureKind::ALL
            .into_iter()
            .find(|k| k.code() == code.trim())
            .ok_or(Error::Parse {
                line: 0,
                field: Field::Kind,
                expected: Expected::KindCode,
            })
    }

    /// Whether a larger value is better. Only ranks are better when smaller.
    #[must_use]
    pub const fn higher_is_better(self) -> bool {
        !matches!(self, MeasureKind::Rank)
    }

    /// Where a value of this kind sits on a time axis. Flows and daily
    /// averages describe their whole period and sit at its middle; the other
    /// kinds are levels as of the period's last day.
    #[must_use]
    pub const fn anchor(self) -> Anchor {
        match self {
            MeasureKind::Flow | MeasureKind::DailyAverage => Anchor::Middle,
            _ => Anchor::End,
        }
    }
}

impl Unit {
    /// Every unit, in the order used for display.
    pub const ALL: [Unit; 7] = [
        Unit::Count,
        Unit::Percent,
        Unit::Mbps,
        Unit::Vnd,
        Unit::Usd,
        Unit::Rank,
        Unit::Times,
    ];

    /// The unit's identifier in data files: `count`, `percent`, `mbps`, `vnd`,
    /// `usd`, `rank`, `times`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Mbps => "mbps",
            Unit::Vnd => "vnd",
            Unit::Usd => "usd",
            Unit::Rank => "rank",
            Unit::Times => "times",
        }
    }

    /// The unit with identifier `code` (see [`Unit::code`]).
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (line 0, field `"unit"`) for an unknown identifier.
    pub fn from_code(code: &str) -> Result<Unit> {
        Unit::ALL
            .into_iter()
            .find(|u| u.code() == code.trim())
            .ok_or(Error::Parse {
                line: 0,
                field: Field::Unit,
                expected: Expected::UnitCode,
            })
    }
}

/// The range an indicator's values must lie in. `None` is unbounded.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Bounds {
    /// The smallest allowed value.
    pub min: Option<f64>,
    /// The largest allowed value.
    pub max: Option<f64>,
}

impl Bounds {
    /// No bounds.
    pub const NONE: Bounds = Bounds {
        min: None,
        max: None,
    };
    /// At least zero: counts, money, speeds.
    pub const NON_NEGATIVE: Bounds = Bounds {
        min: Some(0.0),
        max: None,
    };
    /// 0 to 100: shares in percent.
    pub const PERCENT: Bounds = Bounds {
        min: Some(0.0),
        max: Some(100.0),
    };
    /// At least one: ranks.
    pub const RANK: Bounds = Bounds {
        min: Some(1.0),
        max: None,
    };

    /// The usual bounds for a measure kind: 0–100 for shares, ≥ 1 for ranks,
    /// ≥ 0 for everything else.
    #[must_use]
    pub const fn for_kind(kind: MeasureKind) -> Bounds {
        match kind {
            MeasureKind::Share => Bounds::PERCENT,
            MeasureKind::Rank => Bounds::RANK,
            _ => Bounds::NON_NEGATIVE,
        }
    }

    /// Whether `value` lies within the bounds (NaN never does).
    #[must_use]
    pub fn contains(self, value: f64) -> bool {
        !value.is_nan()
            && self.min.is_none_or(|lo| value >= lo)
            && self.max.is_none_or(|hi| value <= hi)
    }

    /// `value` moved into the bounds.
    #[must_use]
    pub fn clamp(self, value: f64) -> f64 {
        let v = match self.min {
            Some(lo) if value < lo => lo,
            _ => value,
        };
        match self.max {
            Some(hi) if v > hi => hi,
            _ => v,
        }
    }

    /// Checks that `min <= max` and that both are finite.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] otherwise.
    pub fn validate(self) -> Result<Bounds> {
        let finite = self.min.is_none_or(f64::is_finite) && self.max.is_none_or(f64::is_finite);
        let ordered = match (self.min, self.max) {
            (Some(lo), Some(hi)) => lo < hi,
            _ => true,
        };
        if finite && ordered {
            Ok(self)
        } else {
            Err(Error::InvalidArgument {
                name: Field::Bounds,
                expected: Expected::OrderedBounds,
            })
        }
    }
}

/// The pillar of the national digital-transformation programme an indicator belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Pillar {
    /// Digital government (Chính phủ số).
    Government,
    /// Digital economy (kinh tế số).
    Economy,
    /// Digital society (xã hội số).
    Society,
    /// Digital infrastructure (hạ tầng số).
    Infrastructure,
    /// Digital awareness (nhận thức số).
    Awareness,
    /// Information security (an toàn thông tin mạng).
    Security,
}

impl Pillar {
    /// Every pillar, in the order used for display.
    pub const ALL: [Pillar; 6] = [
        Pillar::Government,
        Pillar::Economy,
        Pillar::Society,
        Pillar::Infrastructure,
        Pillar::Awareness,
        Pillar::Security,
    ];

    /// The pillar's identifier in data files.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Pillar::Government => "government",
            Pillar::Economy => "economy",
            Pillar::Society => "society",
            Pillar::Infrastructure => "infrastructure",
            Pillar::Awareness => "awareness",
            Pillar::Security => "security",
        }
    }

    /// The pillar with identifier `code`.
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (line 0, field `"pillar"`) for an unknown identifier.
    pub fn from_code(code: &str) -> Result<Pillar> {
        Pillar::ALL
            .into_iter()
            .find(|p| p.code() == code.trim())
            .ok_or(Error::Parse {
                line: 0,
                field: Field::Pillar,
                expected: Expected::PillarCode,
            })
    }
}

/// An indicator: what is measured and how.
///
/// Text is borrowed, so an indicator can point into a data file that the
/// caller keeps; the core itself never allocates.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Indicator<'a> {
    /// A short stable identifier, such as `ndxp_tx_year`.
    pub id: &'a str,
    /// The Vietnamese name.
    pub name_vi: &'a str,
    /// The English name.
    pub name_en: &'a str,
    /// The unit of its values.
    pub unit: Unit,
    /// How its values relate over time.
    pub kind: MeasureKind,
    /// The range its values must lie in.
    pub bounds: Bounds,
    /// The programme pillar.
    pub pillar: Pillar,
    /// For cumulative indicators, the launch date the running total starts at.
    pub since: Option<Date>,
    /// The quantity it measures when several indicators measure one (see
    /// [`crate::quantity`]); `None` for an indicator that is its own.
    pub quantity: Option<&'a str>,
}

impl Indicator<'_> {
    /// Checks `value` against the indicator's bounds; `index` says where it came from.
    ///
    /// # Errors
    ///
    /// [`Error::NotFinite`] for NaN or infinity, [`Error::OutOfBounds`] for a
    /// value outside the bounds.
    pub fn check(&self, value: f64, index: usize) -> Result<f64> {
        if !value.is_finite() {
            return Err(Error::NotFinite {
                what: Field::Value,
                index,
            });
        }
        if !self.bounds.contains(value) {
            return Err(Error::OutOfBounds {
                what: Field::Value,
                index,
            });
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn codes_round_trip() {
        for k in MeasureKind::ALL {
            assert_eq!(MeasureKind::from_code(k.code()).unwrap(), k);
        }
        for u in Unit::ALL {
            assert_eq!(Unit::from_code(u.code()).unwrap(), u);
        }
        for p in Pillar::ALL {
            assert_eq!(Pillar::from_code(p.code()).unwrap(), p);
        }
        assert!(MeasureKind::from_code("level").is_err());
    }

    #[test]
    fn bounds() {
        assert!(Bounds::PERCENT.contains(100.0));
        assert!(!Bounds::PERCENT.contains(100.01));
        assert!(!Bounds::PERCENT.contains(f64::NAN));
        assert_eq!(Bounds::PERCENT.clamp(-3.0), 0.0);
        assert_eq!(Bounds::NON_NEGATIVE.clamp(1e12), 1e12);
        assert!(Bounds {
            min: Some(5.0),
            max: Some(1.0)
        }
        .validate()
        .is_err());
    }
}
