//! The what-if panel's fields as typed, and the scenario they make.
//!
//! The fields' text is the state ([`Draft`]); the scenario is read from it
//! ([`Draft::read`]), so that a half-typed number never overwrites what
//! the user is typing, and a field that does not read is named rather than
//! guessed. An empty field leaves its part of the scenario out.
//!
//! Growth is typed **per year** unless the analyst chooses per month
//! ([`Draft::per`]). A rate the core flags as implausible for the series
//! ([`dxcast_core::scenario::implausible`]: "20" meant a year but typed a
//! month is 791 % a year) is held back until the analyst confirms it
//! ([`applied`]): the chart never runs to the trillions unannounced.

use dxcast_core::number::parse;
use dxcast_core::scenario::{GrowthOverride, Implausible, Per, Scenario, Shock};
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
    /// Growth per [`Draft::per`] (percent, or points for shares); empty
    /// for none.
    pub rate: String,
    /// The period the rate is typed per: a year unless chosen otherwise.
    pub per: Per,
    /// The rate the analyst confirmed though it was flagged as implausible
    /// ([`Draft::confirmation`]); empty when none was.
    pub confirmed: String,
    /// The first day of that growth, in the form of [`Draft::dates`].
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
    /// The language whose forms the fields are typed in: the numbers'
    /// decimal mark and grouping ([`input_number`], the core's [`parse`]),
    /// the dates' order ([`Lang::date_text`], [`Lang::read_date`]).
    pub lang: Lang,
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

/// A date from a date field typed in `lang`'s form ([`Lang::read_date`]);
/// `None` for empty, `Some(None)` for one that does not read.
fn date_field(text: &str, lang: Lang) -> Option<Option<Date>> {
    let t = text.trim();
    if t.is_empty() {
        None
    } else {
        Some(lang.read_date(t).ok())
    }
}

impl Draft {
    /// The fields for a scenario and a horizon, numbers and dates written
    /// for `lang`.
    /// A scenario that was saved or linked was meant as it is: its rate
    /// counts as confirmed.
    #[must_use]
    pub fn of(scenario: &Scenario, horizon: Option<Date>, lang: Lang) -> Draft {
        let date = |d: Date| lang.date_text(d);
        let rate = scenario
            .growth
            .map(|g| input_number(g.rate, lang))
            .unwrap_or_default();
        let per = scenario.growth.map_or(Per::Year, |g| g.per);
        Draft {
            confirmed: if rate.is_empty() {
                String::new()
            } else {
                confirmation(&rate, per)
            },
            rate,
            per,
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
            lang,
        }
    }

    /// The same fields in `to`'s forms: each date written in `to`'s order,
    /// each number read with [`Draft::lang`]'s decimal mark and written
    /// exactly with `to`'s ("12,5" becomes "12.5", "1.000.000" becomes
    /// "1000000"). A field that does not read is left as typed, and a
    /// confirmed rate stays confirmed.
    #[must_use]
    pub fn in_lang(&self, to: Lang) -> Draft {
        let from = self.lang;
        let date = |text: &String| to.date_text_from(from, text);
        let number = |text: &String| match parse(text.trim(), from.locale()) {
            Ok(v) if from != to && !text.trim().is_empty() => input_number(v, to),
            _ => text.clone(),
        };
        let rate = number(&self.rate);
        let confirmed = if self.is_confirmed() {
            confirmation(&rate, self.per)
        } else {
            self.confirmed.clone()
        };
        Draft {
            rate,
            confirmed,
            from: date(&self.from),
            shock: number(&self.shock),
            shock_at: date(&self.shock_at),
            target: number(&self.target),
            target_at: date(&self.target_at),
            horizon: date(&self.horizon),
            lang: to,
            ..self.clone()
        }
    }

    /// The scenario and horizon the fields make, read in [`Draft::lang`]'s
    /// forms.
    #[must_use]
    pub fn read(&self, defaults: DraftDefaults) -> DraftReading {
        let lang = self.lang;
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
        let mut when = |text: &str, field: DraftField, default: Date| match date_field(text, lang) {
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
                per: self.per,
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
        match date_field(&self.horizon, lang) {
            None => {}
            Some(Some(h)) => r.horizon = Some(h),
            Some(None) => r.errors.push(DraftField::Horizon),
        }
        r
    }
}

impl Draft {
    /// Whether the analyst confirmed the rate as typed, per the period chosen.
    #[must_use]
    pub fn is_confirmed(&self) -> bool {
        !self.rate.trim().is_empty() && self.confirmed == confirmation(&self.rate, self.per)
    }

    /// Confirms the rate as typed.
    pub fn confirm(&mut self) {
        self.confirmed = confirmation(&self.rate, self.per);
    }
}

/// What a confirmation records: the rate as typed and its period.
#[must_use]
pub fn confirmation(rate: &str, per: Per) -> String {
    let per = match per {
        Per::Month => "month",
        _ => "year",
    };
    format!("{}/{per}", rate.trim())
}

/// The scenario to apply, and the flag of a growth rate held back: a rate
/// flagged as implausible (`flag`, the core's
/// [`dxcast_core::scenario::implausible`] for the reading's growth) is left
/// out until the analyst confirms it; a confirmed one is applied, still
/// flagged.
#[must_use]
pub fn applied(
    reading: &DraftReading,
    draft: &Draft,
    flag: Option<Implausible>,
) -> (Scenario, Option<Implausible>) {
    match flag {
        Some(f) if !draft.is_confirmed() => (
            Scenario {
                growth: None,
                ..reading.scenario
            },
            Some(f),
        ),
        _ => (reading.scenario, None),
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
        let r = Draft::default().read(defaults());
        assert_eq!(r, DraftReading::default());
    }

    #[test]
    fn typed_fields_make_a_scenario() {
        let draft = Draft {
            rate: "2,5".into(),
            per: Per::Month,
            shock: "-10".into(),
            shock_at: "2025-01-01".into(),
            target: "1,5 tỷ".into(),
            horizon: "2028-06-30".into(),
            ..Draft::default()
        };
        let r = draft.read(defaults());
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
        // Per year unless chosen otherwise.
        let yearly = Draft {
            per: Per::Year,
            ..draft.clone()
        };
        assert_eq!(
            yearly.read(defaults()).scenario.growth.unwrap().per,
            Per::Year
        );
        assert_eq!(Draft::default().per, Per::Year);
        // Written back for either language and read again: the same.
        for lang in Lang::ALL {
            let again = Draft::of(&r.scenario, r.horizon, lang).read(defaults());
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
    fn an_implausible_rate_waits_for_a_confirmation() {
        let draft = Draft {
            rate: "20".into(),
            per: Per::Month,
            lang: Lang::En,
            ..Draft::default()
        };
        let r = draft.read(defaults());
        let flag = Implausible {
            per_year: Some(791.6),
            fastest: Some(378.0),
            limit: 567.0,
        };
        let (scenario, held) = applied(&r, &draft, Some(flag));
        assert_eq!((scenario.growth, held), (None, Some(flag)));
        let mut confirmed = draft.clone();
        confirmed.confirm();
        assert!(confirmed.is_confirmed());
        let (scenario, held) = applied(&r, &confirmed, Some(flag));
        assert_eq!((scenario, held), (r.scenario, None));
        // Another rate, or the same number per year, is not confirmed.
        let other = Draft {
            rate: "21".into(),
            ..confirmed.clone()
        };
        assert!(!other.is_confirmed());
        let yearly = Draft {
            per: Per::Year,
            ..confirmed.clone()
        };
        assert!(!yearly.is_confirmed());
        // A plausible rate applies at once.
        assert_eq!(applied(&r, &draft, None), (r.scenario, None));
        // A scenario from a link or the saved list was meant.
        assert!(Draft::of(&r.scenario, None, Lang::En).is_confirmed());
    }

    #[test]
    fn fields_that_do_not_read_are_named() {
        let draft = Draft {
            rate: "nhanh".into(),
            from: "2023-02-30".into(),
            shock: "5".into(),
            shock_at: "x".into(),
            horizon: "soon".into(),
            lang: Lang::En,
            ..Draft::default()
        };
        let r = draft.read(defaults());
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

    /// Dates are shown and read in the language's form, and follow a change
    /// of language; the scenario they make is the same.
    #[test]
    fn dates_follow_the_language() {
        let d = |y, m, day| Date::from_ymd(y, m, day).unwrap();
        let scenario = Scenario {
            growth: Some(GrowthOverride {
                from: d(2024, 4, 30),
                rate: 20.0,
                per: Per::Year,
            }),
            shock: Some(Shock {
                at: d(2025, 1, 1),
                size: -10.0,
            }),
            ..Scenario::default()
        };
        let vi = Draft::of(&scenario, Some(d(2028, 6, 30)), Lang::Vi);
        assert_eq!(
            (vi.from.as_str(), vi.shock_at.as_str()),
            ("30/4/2024", "1/1/2025")
        );
        assert_eq!(vi.horizon, "30/6/2028");
        let en = vi.in_lang(Lang::En);
        assert_eq!(en, Draft::of(&scenario, Some(d(2028, 6, 30)), Lang::En));
        assert_eq!(en.horizon, "2028-06-30");
        let defaults = DraftDefaults {
            from: d(2024, 4, 30),
            shock_at: d(2025, 1, 1),
            target_at: d(2026, 12, 31),
            comparison: Comparison::AtLeast,
        };
        for draft in [&vi, &en] {
            let r = draft.read(defaults);
            assert_eq!(r.scenario, scenario);
            assert_eq!(r.horizon, Some(d(2028, 6, 30)));
            assert!(r.errors.is_empty());
        }
        // A date in the other language's form does not read.
        let bad = Draft {
            horizon: "30/6/2028".into(),
            ..en.clone()
        };
        assert_eq!(bad.read(defaults).errors, [DraftField::Horizon]);
        // A half-typed date stays as typed through a change of language.
        let half = Draft {
            horizon: "30/6".into(),
            ..vi
        };
        assert_eq!(half.in_lang(Lang::En).horizon, "30/6");
    }

    /// Numbers typed in one language's form are written in the other's when
    /// the language changes: the scenario stays what was typed, and a
    /// confirmed rate stays confirmed.
    #[test]
    fn numbers_follow_the_language() {
        let vi = Draft {
            rate: "12,5".into(),
            confirmed: "12,5/year".into(),
            shock: "-3,25".into(),
            target: "1.000.000".into(),
            target_at: "31/12/2025".into(),
            ..Draft::default()
        };
        let en = vi.in_lang(Lang::En);
        assert_eq!(
            (en.rate.as_str(), en.shock.as_str(), en.target.as_str()),
            ("12.5", "-3.25", "1000000")
        );
        assert_eq!(en.target_at, "2025-12-31");
        assert!(vi.is_confirmed() && en.is_confirmed());
        let (a, b) = (vi.read(defaults()), en.read(defaults()));
        assert!(a.errors.is_empty(), "{a:?}");
        assert_eq!(a, b);
        assert_eq!(a.scenario.growth.unwrap().rate, 12.5);
        assert_eq!(a.scenario.target.unwrap().value, 1e6);
        // And back again, in the Vietnamese form.
        let back = en.in_lang(Lang::Vi);
        assert_eq!(
            (back.rate.as_str(), back.target.as_str()),
            ("12,5", "1000000")
        );
        assert_eq!(back.read(defaults()), a);
        // A number that does not read stays as typed.
        let half = Draft {
            rate: "12,5,".into(),
            ..vi
        };
        assert_eq!(half.in_lang(Lang::En).rate, "12,5,");
    }
}
