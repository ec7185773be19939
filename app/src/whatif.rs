//! The what-if panel's fields as typed, and the scenario they make.
//!
//! The fields' text is the state ([`Draft`]); the scenario is read from it
//! ([`Draft::read`]), so that a half-typed number never overwrites what
//! the user is typing, and a field that does not read is named rather than
//! guessed. An empty field leaves its part of the scenario out.

use dxcast_core::number::parse;
use dxcast_core::scenario::{GrowthOverride, Per, Scenario, Shock};
use dxcast_core::{Comparison, Date, Target};

use crate::lang::Lang;

/// A number for a field, exactly (the shortest text that reads back to the
/// same number), with the language's decimal mark: "2,5" or "2.5". The
/// core's [`parse`] reads it back in the same language.
#[must_use]
pub fn input_number(v: f64, lang: Lang) -> String {
    let s = format!("{v}");
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

/// The fields of the what-if panel, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    /// Growth a month (percent, or points for shares); empty for none.
    pub rate: String,
    /// The first day of that growth (ISO, from a date field).
    pub from: String,
    /// The level shock (percent, or points for shares); empty for none.
    pub shock: String,
    /// The day of the shock.
    pub shock_at: String,
    /// A changed target's value; empty for none.
    pub target: String,
    /// Its deadline.
    pub target_at: String,
    /// The projection's end; empty for the default.
    pub horizon: String,
}

/// A field of the panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DraftField {
    /// [`Draft::rate`].
    Rate,
    /// [`Draft::from`].
    From,
    /// [`Draft::shock`].
    Shock,
    /// [`Draft::shock_at`].
    ShockAt,
    /// [`Draft::target`].
    Target,
    /// [`Draft::target_at`].
    TargetAt,
    /// [`Draft::horizon`].
    Horizon,
}

/// Dates used where a date field is empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DraftDefaults {
    /// Growth starts after the last figure.
    pub from: Date,
    /// A shock on this day.
    pub shock_at: Date,
    /// A changed target's deadline.
    pub target_at: Date,
    /// A changed target compares as the indicator's targets do.
    pub comparison: Comparison,
}

/// What the fields say.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DraftReading {
    /// The scenario (parts whose fields do not read are left out).
    pub scenario: Scenario,
    /// The horizon, if one is given.
    pub horizon: Option<Date>,
    /// The fields that do not read.
    pub errors: Vec<DraftField>,
}

/// A date from a date field; `None` for empty, `Some(None)` for one that
/// does not read.
fn date_field(text: &str) -> Option<Option<Date>> {
    let t = text.trim();
    if t.is_empty() {
        None
    } else {
        Some(Date::parse_iso(t).ok())
    }
}

impl Draft {
    /// The fields for a scenario and a horizon, numbers written for `lang`.
    #[must_use]
    pub fn of(scenario: &Scenario, horizon: Option<Date>, lang: Lang) -> Draft {
        let date = |d: Date| d.to_string();
        Draft {
            rate: scenario
                .growth
                .map(|g| input_number(g.rate, lang))
                .unwrap_or_default(),
            from: scenario.growth.map(|g| date(g.from)).unwrap_or_default(),
            shock: scenario
                .shock
                .map(|k| input_number(k.size, lang))
                .unwrap_or_default(),
            shock_at: scenario.shock.map(|k| date(k.at)).unwrap_or_default(),
            target: scenario
                .target
                .map(|t| input_number(t.value, lang))
                .unwrap_or_default(),
            target_at: scenario
                .target
                .map(|t| date(t.deadline))
                .unwrap_or_default(),
            horizon: horizon.map(date).unwrap_or_default(),
        }
    }

    /// The scenario and horizon the fields make.
    #[must_use]
    pub fn read(&self, lang: Lang, defaults: DraftDefaults) -> DraftReading {
        let mut r = DraftReading::default();
        let mut number = |text: &str, field: DraftField| -> Option<f64> {
            if text.trim().is_empty() {
                return None;
            }
            let v = parse(text, lang.locale()).ok();
            if v.is_none() {
                r.errors.push(field);
            }
            v
        };
        let rate = number(&self.rate, DraftField::Rate);
        let shock = number(&self.shock, DraftField::Shock);
        let target = number(&self.target, DraftField::Target);
        let mut when = |text: &str, field: DraftField, default: Date| match date_field(text) {
            None => Some(default),
            Some(Some(d)) => Some(d),
            Some(None) => {
                r.errors.push(field);
                None
            }
        };
        let from = when(&self.from, DraftField::From, defaults.from);
        let shock_at = when(&self.shock_at, DraftField::ShockAt, defaults.shock_at);
        let target_at = when(&self.target_at, DraftField::TargetAt, defaults.target_at);
        if let (Some(rate), Some(from)) = (rate, from) {
            r.scenario.growth = Some(GrowthOverride {
                from,
                rate,
                per: Per::Month,
            });
        }
        if let (Some(size), Some(at)) = (shock, shock_at) {
            r.scenario.shock = Some(Shock { at, size });
        }
        if let (Some(value), Some(deadline)) = (target, target_at) {
            match Target::new(value, deadline, defaults.comparison) {
                Ok(t) => r.scenario.target = Some(t),
                Err(_) => r.errors.push(DraftField::Target),
            }
        }
        match date_field(&self.horizon) {
            None => {}
            Some(Some(h)) => r.horizon = Some(h),
            Some(None) => r.errors.push(DraftField::Horizon),
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    fn defaults() -> DraftDefaults {
        DraftDefaults {
            from: d(2023, 3, 31),
            shock_at: d(2024, 1, 1),
            target_at: d(2027, 12, 31),
            comparison: Comparison::GreaterThan,
        }
    }

    #[test]
    fn empty_fields_change_nothing() {
        let r = Draft::default().read(Lang::Vi, defaults());
        assert_eq!(r, DraftReading::default());
    }

    #[test]
    fn typed_fields_make_a_scenario() {
        let draft = Draft {
            rate: "2,5".into(),
            shock: "-10".into(),
            shock_at: "2025-01-01".into(),
            target: "1,5 tỷ".into(),
            horizon: "2028-06-30".into(),
            ..Draft::default()
        };
        let r = draft.read(Lang::Vi, defaults());
        assert!(r.errors.is_empty());
        assert_eq!(
            r.scenario.growth,
            Some(GrowthOverride {
                from: d(2023, 3, 31),
                rate: 2.5,
                per: dxcast_core::scenario::Per::Month,
            })
        );
        assert_eq!(
            r.scenario.shock,
            Some(Shock {
                at: d(2025, 1, 1),
                size: -10.0
            })
        );
        assert_eq!(
            r.scenario.target,
            Some(Target::new(1.5e9, d(2027, 12, 31), Comparison::GreaterThan).unwrap())
        );
        assert_eq!(r.horizon, Some(d(2028, 6, 30)));
        // Written back for either language and read again: the same.
        for lang in Lang::ALL {
            let again = Draft::of(&r.scenario, r.horizon, lang).read(lang, defaults());
            assert_eq!(again, r);
        }
    }

    #[test]
    fn numbers_written_for_a_field_read_back() {
        for v in [2.5, -12.5, 0.1 + 0.2, 1.5e9, 860e6, 3.0] {
            for lang in Lang::ALL {
                assert_eq!(parse(&input_number(v, lang), lang.locale()), Ok(v), "{v}");
            }
        }
        assert_eq!(input_number(2.5, Lang::Vi), "2,5");
    }

    #[test]
    fn fields_that_do_not_read_are_named() {
        let draft = Draft {
            rate: "nhanh".into(),
            from: "2023-02-30".into(),
            shock: "5".into(),
            shock_at: "x".into(),
            horizon: "soon".into(),
            ..Draft::default()
        };
        let r = draft.read(Lang::En, defaults());
        assert_eq!(r.scenario, Scenario::default());
        assert_eq!(
            r.errors,
            [
                DraftField::Rate,
                DraftField::From,
                DraftField::ShockAt,
                DraftField::Horizon
            ]
        );
    }
}
