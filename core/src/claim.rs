//! Checking a report's derived figures with interval arithmetic.
//!
//! Reports derive figures from other figures: "806 million by 8/12, so about
//! 860 million for the year", "4,8 times 2021", "12,95% of the 2023 target".
//! Every stated figure is rounded ("khoảng 2,1 triệu") or bounded ("hơn 111
//! triệu"), so a derived figure is right when *some* values that the inputs
//! admit give *some* value that the result admits. The checker makes that
//! exact:
//!
//! 1. Each stated figure becomes the interval its wording admits, by
//!    [`Qualifier::range`] with the precision of its last digit
//!    ([`Figure::stated`], [`Figure::parse`]). "hơn 4,8 lần" is `[4,8; 4,9]`,
//!    "khoảng 2,1 triệu" is `[2,05; 2,15]` million, "khoảng 180 triệu" is
//!    `[175; 185]` million (an "about" figure ending in zeros is read as
//!    rounded to its last non-zero digit). Targets and day counts are exact
//!    ([`Figure::exact`]): a goal is defined, not measured.
//! 2. The claim is recomputed over those intervals ([`Interval`]): each
//!    formula is written so that every input appears once (a relative change
//!    is `100 × (b / a − 1)`, not `100 × (b − a) / a`), which makes interval
//!    arithmetic exact rather than merely safe. Subtraction pairs the low end
//!    of one side with the high end of the other; division by an interval
//!    that contains zero is unbounded. Every bound is rounded outwards by one
//!    unit in the last place, so floating-point rounding can never turn a
//!    touching pair of intervals into a disagreement.
//!    A bound ([`ClaimKind::AtMost`]: parts no more than a whole, a value
//!    no higher than another) states no figure: its margin, the whole less
//!    the parts, is compared with `[0, ∞)`.
//! 3. The verdict ([`Verdict`]) is [`Verdict::Agree`] when the recomputed
//!    interval overlaps the stated one, [`Verdict::Disagree`] when they are
//!    disjoint, and [`Verdict::CannotCheck`] when an input is missing or
//!    unbounded, a period needed for a day count is missing, a divisor may
//!    be zero, or the claim states nothing (a derived figure that only feeds
//!    other checks); [`Check::reason`] says which.
//! 4. The verdict at the stated values ([`Check::at_stated`]) says the
//!    other half: the claim recomputed from the stated values alone, against
//!    the stated figure as its qualifier reads it. "gấp hơn 4,8 lần" with
//!    "khoảng 860 triệu" and "khoảng 180 triệu" agrees through the rounding
//!    (865 / 175 = 4,94) but not at the stated values: 860 / 180 = 4,78 is
//!    not more than 4,8.
//!
//! # Examples
//!
//! ```
//! use dxcast_core::{Claim, ClaimKind, Figure, Period, Qualifier, Verdict};
//!
//! // "Tổng số giao dịch ... từ đầu năm 2022 đến ngày 8/12/2022 đạt khoảng 806
//! // triệu ... Trung bình mỗi ngày khoảng 2,1 triệu lượt giao dịch."
//! let ytd = Period::parse("2022-01-01/2022-12-08")?;
//! let total = Figure::parse("806 triệu", Qualifier::About)?.during(ytd);
//! let claim = Claim::new(ClaimKind::DailyAverage, Some(Figure::parse("2,1 triệu", Qualifier::About)?))
//!     .during(ytd)
//!     .with(total)?;
//! let check = claim.check()?;
//! // 805,5–806,5 million over 342 days is 2,355–2,359 million a day.
//! assert_eq!(check.verdict, Verdict::Disagree);
//! let r = check.recomputed.unwrap();
//! assert!(r.lo() > 2.355e6 && r.hi() < 2.359e6);
//! # Ok::<(), dxcast_core::Error>(())
//! ```

use heapless::Vec;

use crate::error::{Error, Expected, Field, Result};
use crate::explain::{Explanation, Formula, Symbol};
use crate::figure::Figure;
use crate::interval::Interval;
use crate::period::Period;

/// The most inputs a claim takes. With the stated figure and the recomputed
/// low and high ends it fills an [`Explanation`] exactly.
pub const MAX_INPUTS: usize = 7;

/// What a claim derives, and from which inputs (in this order).
///
/// Ratios take the numerator first; changes take the earlier value first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ClaimKind {
    /// A full-period estimate from a year-to-date total: inputs `[x]`, the
    /// total over its period `d`; the claim's period is the whole `D`.
    /// `x × D / d`.
    RunRate,
    /// A daily average: inputs `[X]`, a total over its period. `X / d`.
    DailyAverage,
    /// A period total from a daily average: inputs `[x̄]`; the claim's
    /// period gives the days. `x̄ × d`.
    PeriodTotal,
    /// "gấp N lần": inputs `[a, b]`. `a / b`.
    Multiple,
    /// A value as a percentage of its target: inputs `[x, T]`. `100 × x / T`.
    ShareOfTarget,
    /// A part as a percentage of its whole: inputs `[a, b]`. `100 × a / b`.
    Share,
    /// A total of parts: inputs `[a, b, …]` (two to [`MAX_INPUTS`]).
    Sum,
    /// The flow between two readings of a running total: inputs
    /// `[earlier, later]`. `later − earlier`.
    Difference,
    /// A relative change in percent: inputs `[before, after]`.
    /// `100 × (after / before − 1)`.
    RelativeChange,
    /// A change in points: inputs `[before, after]`. `after − before`.
    PointChange,
    /// Parts that add up to no more than a whole ("trong đó", an 11-month
    /// total within a total since launch) or a value that does not exceed
    /// another ("cao hơn", "vượt", "gần đạt"): inputs `[a, …, z]` (two to
    /// [`MAX_INPUTS`]), the whole `z` last. The margin `z − (a + …)` is
    /// compared with `[0, ∞)`, so the claim states no figure; it agrees when
    /// some values the inputs admit leave a margin of zero or more.
    AtMost,
}

impl ClaimKind {
    /// Every kind.
    pub const ALL: [ClaimKind; 11] = [
        ClaimKind::RunRate,
        ClaimKind::DailyAverage,
        ClaimKind::PeriodTotal,
        ClaimKind::Multiple,
        ClaimKind::ShareOfTarget,
        ClaimKind::Share,
        ClaimKind::Sum,
        ClaimKind::Difference,
        ClaimKind::RelativeChange,
        ClaimKind::PointChange,
        ClaimKind::AtMost,
    ];

    /// The identifier in data files: `run_rate`, `daily_average`,
    /// `period_total`, `multiple`, `share_of_target`, `share`, `sum`,
    /// `difference`, `relative_change`, `point_change`, `at_most`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            ClaimKind::RunRate => "run_rate",
            ClaimKind::DailyAverage => "daily_average",
            ClaimKind::PeriodTotal => "period_total",
            ClaimKind::Multiple => "multiple",
            ClaimKind::ShareOfTarget => "share_of_target",
            ClaimKind::Share => "share",
            ClaimKind::Sum => "sum",
            ClaimKind::Difference => "difference",
            ClaimKind::RelativeChange => "relative_change",
            ClaimKind::PointChange => "point_change",
            ClaimKind::AtMost => "at_most",
        }
    }

    /// The kind with identifier `code`.
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (line 0, field `"kind"`) for an unknown identifier.
    pub fn from_code(code: &str) -> Result<ClaimKind> {
        ClaimKind::ALL
            .into_iter()
            .find(|k| k.code() == code.trim())
            .ok_or(Error::Parse {
                line: 0,
                field: Field::Kind,
                expected: Expected::ClaimKindCode,
            })
    }

    /// The formula that recomputes the claim.
    #[must_use]
    pub const fn formula(self) -> Formula {
        match self {
            ClaimKind::RunRate => Formula::RunRate,
            ClaimKind::DailyAverage => Formula::DailyAverage,
            ClaimKind::PeriodTotal => Formula::PeriodTotal,
            ClaimKind::Multiple => Formula::Multiple,
            ClaimKind::ShareOfTarget => Formula::Attainment,
            ClaimKind::Share => Formula::Percentage,
            ClaimKind::Sum => Formula::Sum,
            ClaimKind::Difference => Formula::CumulativeDifference,
            ClaimKind::RelativeChange => Formula::RelativeChange,
            ClaimKind::PointChange => Formula::PointChange,
            ClaimKind::AtMost => Formula::AtMost,
        }
    }

    /// The allowed numbers of inputs, least and most.
    #[must_use]
    pub const fn arity(self) -> (usize, usize) {
        match self {
            ClaimKind::RunRate | ClaimKind::DailyAverage | ClaimKind::PeriodTotal => (1, 1),
            ClaimKind::Sum | ClaimKind::AtMost => (2, MAX_INPUTS),
            _ => (2, 2),
        }
    }

    /// The symbol of input `index` in the formula's notation.
    #[must_use]
    pub const fn symbol(self, index: usize) -> Symbol {
        match (self, index) {
            (ClaimKind::RunRate, _) => Symbol::YearToDate,
            (ClaimKind::DailyAverage, _) => Symbol::Total,
            (ClaimKind::PeriodTotal, _) => Symbol::DailyAverage,
            (ClaimKind::ShareOfTarget, 0) => Symbol::Latest,
            (ClaimKind::ShareOfTarget, _) => Symbol::Target,
            (_, 0) => Symbol::A,
            (_, 1) => Symbol::B,
            _ => Symbol::C,
        }
    }
}

/// The outcome of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// The recomputed interval overlaps the stated one.
    Agree,
    /// The two intervals are disjoint: no values the inputs admit give a
    /// value the stated figure admits.
    Disagree,
    /// The claim could not be recomputed or states nothing; see [`Unchecked`].
    CannotCheck,
}

impl Verdict {
    /// Every verdict.
    pub const ALL: [Verdict; 3] = [Verdict::Agree, Verdict::Disagree, Verdict::CannotCheck];

    /// The identifier in data files: `agree`, `disagree`, `cannot_check`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Disagree => "disagree",
            Verdict::CannotCheck => "cannot_check",
        }
    }

    /// The verdict with identifier `code`.
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (line 0, field `"verdict"`) for an unknown identifier.
    pub fn from_code(code: &str) -> Result<Verdict> {
        Verdict::ALL
            .into_iter()
            .find(|v| v.code() == code.trim())
            .ok_or(Error::Parse {
                line: 0,
                field: Field::Verdict,
                expected: Expected::VerdictCode,
            })
    }
}

/// Why a claim could not be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Unchecked {
    /// The input at `index` is not known.
    MissingInput {
        /// Its position.
        index: usize,
    },
    /// The input at `index` has an infinite end.
    Unbounded {
        /// Its position.
        index: usize,
    },
    /// A day count is needed but neither the claim nor the input says which
    /// period it covers.
    MissingPeriod,
    /// The divisor at `index` may be zero, so the result is unbounded.
    DivisorSpansZero {
        /// Its position.
        index: usize,
    },
    /// The claim states no figure: the recomputed interval is all there is.
    NothingStated,
    /// The recomputed value is too large for a floating-point number.
    Overflow,
}

/// The result of [`Claim::check`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Check {
    /// Agree, disagree or cannot check.
    pub verdict: Verdict,
    /// Why it could not be checked, for [`Verdict::CannotCheck`].
    pub reason: Option<Unchecked>,
    /// The interval the stated figure admits (`[0, ∞)` for a bound,
    /// [`ClaimKind::AtMost`]).
    pub stated: Option<Interval>,
    /// The interval the inputs give, when they give one.
    pub recomputed: Option<Interval>,
    /// The verdict at the stated values: the claim recomputed from the
    /// inputs' stated values alone (no rounding intervals), against the
    /// stated figure read as its qualifier reads it ([`Figure::admits`]:
    /// "hơn 4,8" needs more than 4,8; a bound needs a margin of zero or
    /// more). `None` when the claim cannot be checked. Where it differs from
    /// [`Check::verdict`], the claim holds only through the rounding of its
    /// figures.
    pub at_stated: Option<Verdict>,
    /// The formula with the inputs' stated values (NaN for missing ones), the
    /// day counts, the stated value and the recomputed low and high ends;
    /// its result is the claim recomputed from the stated values (NaN when it
    /// cannot be).
    pub explanation: Explanation,
}

/// A derived figure and what it was derived from.
///
/// # Examples
///
/// ```
/// use dxcast_core::{Claim, ClaimKind, Figure, Period, Qualifier, Verdict};
///
/// // "806 triệu" by 8/12/2022, "Ước tính đến hết năm 2022 ... 860 triệu".
/// let ytd = Figure::parse("806 triệu", Qualifier::About)?.during(Period::parse("2022-01-01/2022-12-08")?);
/// let check = Claim::new(ClaimKind::RunRate, Some(Figure::parse("860 triệu", Qualifier::Exact)?))
///     .during(Period::year(2022)?)
///     .with(ytd)?
///     .check()?;
/// assert_eq!(check.verdict, Verdict::Agree);
/// // 806 × 365 / 342 = 860,2 million.
/// assert!((check.explanation.result.unwrap() - 860.2e6).abs() < 0.1e6);
///
/// // A missing input: "tăng 2,2 lần so với cùng kỳ năm 2023" with no 2023 figure.
/// let check = Claim::new(ClaimKind::Multiple, Some(Figure::parse("2,2", Qualifier::Exact)?))
///     .with(Figure::parse("8,2 triệu", Qualifier::Exact)?)?
///     .missing()?
///     .check()?;
/// assert_eq!(check.verdict, Verdict::CannotCheck);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Claim {
    /// What is derived.
    pub kind: ClaimKind,
    /// The period of the derived figure (the whole year of a run-rate, the
    /// days of a period total).
    pub period: Option<Period>,
    /// The figure as the report states it, if it does.
    pub stated: Option<Figure>,
    /// The inputs in the kind's order; `None` for one the reports do not give.
    pub inputs: Vec<Option<Figure>, MAX_INPUTS>,
}

/// Day counts: `d` and, for run-rates, `D`.
#[derive(Clone, Copy)]
struct Days {
    d: u32,
    whole: u32,
}

impl Claim {
    /// A claim with no inputs yet.
    #[must_use]
    pub const fn new(kind: ClaimKind, stated: Option<Figure>) -> Claim {
        Claim {
            kind,
            period: None,
            stated,
            inputs: Vec::new(),
        }
    }

    /// The same claim about `period`.
    #[must_use]
    pub fn during(mut self, period: Period) -> Claim {
        self.period = Some(period);
        self
    }

    /// Adds an input (`None` for a missing one).
    ///
    /// # Errors
    ///
    /// [`Error::Capacity`] when [`MAX_INPUTS`] inputs are already there; the
    /// claim is left unchanged.
    pub fn push(&mut self, input: Option<Figure>) -> Result<()> {
        self.inputs.push(input).map_err(|_| Error::Capacity {
            what: Field::Inputs,
            capacity: MAX_INPUTS,
        })
    }

    /// Builder form of [`Claim::push`] for a known input.
    ///
    /// # Errors
    ///
    /// As [`Claim::push`].
    pub fn with(mut self, input: Figure) -> Result<Claim> {
        self.push(Some(input))?;
        Ok(self)
    }

    /// Builder form of [`Claim::push`] for a missing input.
    ///
    /// # Errors
    ///
    /// As [`Claim::push`].
    pub fn missing(mut self) -> Result<Claim> {
        self.push(None)?;
        Ok(self)
    }

    /// The day counts the kind needs, `Ok(None)` when a period is missing.
    fn days(&self) -> Result<Option<Days>> {
        let input_period = self
            .inputs
            .first()
            .copied()
            .flatten()
            .and_then(|f| f.period);
        match self.kind {
            ClaimKind::RunRate => {
                let (Some(part), Some(whole)) = (input_period, self.period) else {
                    return Ok(None);
                };
                if part.start() != whole.start() || part.end() > whole.end() {
                    return Err(Error::InvalidArgument {
                        name: Field::Period,
                        expected: Expected::RunRateInput,
                    });
                }
                Ok(Some(Days {
                    d: part.days(),
                    whole: whole.days(),
                }))
            }
            ClaimKind::DailyAverage => {
                if let (Some(a), Some(b)) = (input_period, self.period) {
                    if a.days() != b.days() {
                        return Err(Error::InvalidArgument {
                            name: Field::Period,
                            expected: Expected::MatchingDays,
                        });
                    }
                }
                Ok(input_period.or(self.period).map(|p| Days {
                    d: p.days(),
                    whole: p.days(),
                }))
            }
            // A period total applies the average to the claim's own period.
            ClaimKind::PeriodTotal => Ok(self.period.or(input_period).map(|p| Days {
                d: p.days(),
                whole: p.days(),
            })),
            _ => Ok(Some(Days { d: 1, whole: 1 })),
        }
    }

    /// Recomputes the claim and compares it with the stated figure.
    ///
    /// # Errors
    ///
    /// Only for a malformed claim: [`Error::InvalidArgument`] (name
    /// `"inputs"`) for a number of inputs the kind does not take, (name
    /// `"period"`) for periods that do not fit together (a run-rate's input
    /// must start with the claim's period and end inside it; a daily
    /// average's total must cover as many days as the claim). Missing or
    /// unbounded inputs are not errors: they give [`Verdict::CannotCheck`].
    pub fn check(&self) -> Result<Check> {
        let (least, most) = self.kind.arity();
        let n = self.inputs.len();
        if n < least || n > most {
            return Err(Error::InvalidArgument {
                name: Field::Inputs,
                expected: Expected::InputCount,
            });
        }
        if self.kind == ClaimKind::AtMost && self.stated.is_some() {
            return Err(Error::InvalidArgument {
                name: Field::Stated,
                expected: Expected::NoStatedFigure,
            });
        }
        let days = self.days()?;
        let mut e = Explanation::new(self.kind.formula(), f64::NAN);
        for (i, input) in self.inputs.iter().enumerate() {
            e.push(
                self.kind.symbol(i),
                input.map_or(f64::NAN, |f| f.value),
                None,
            )?;
        }
        let day = |f: fn(Days) -> u32| days.map_or(f64::NAN, |d| f64::from(f(d)));
        match self.kind {
            ClaimKind::RunRate => {
                e.push(Symbol::DaysElapsed, day(|d| d.d), None)?;
                e.push(Symbol::DaysInPeriod, day(|d| d.whole), None)?;
            }
            ClaimKind::DailyAverage | ClaimKind::PeriodTotal => {
                e.push(Symbol::Days, day(|d| d.d), None)?;
            }
            _ => {}
        }
        if let Some(s) = self.stated {
            e.push(Symbol::Stated, s.value, None)?;
        }
        // A bound states no figure: its margin is compared with [0, ∞).
        let stated = if self.kind == ClaimKind::AtMost {
            e.push(Symbol::Stated, 0.0, None)?;
            Some(Interval::new(0.0, f64::INFINITY)?)
        } else {
            self.stated.map(|s| s.range())
        };

        let mut reason = None;
        for (index, input) in self.inputs.iter().enumerate() {
            match input {
                None => reason = reason.or(Some(Unchecked::MissingInput { index })),
                Some(f) if !f.range().is_bounded() => {
                    reason = reason.or(Some(Unchecked::Unbounded { index }));
                }
                Some(_) => {}
            }
        }
        let days = match days {
            Some(d) => d,
            None => {
                reason = reason.or(Some(Unchecked::MissingPeriod));
                Days { d: 1, whole: 1 }
            }
        };
        let mut recomputed = None;
        if reason.is_none() {
            match self.recompute(days) {
                Ok((range, central))
                    if central.is_finite() && range.lo().is_finite() && range.hi().is_finite() =>
                {
                    e.result = Some(central);
                    e.push(Symbol::Low, range.lo(), None)?;
                    e.push(Symbol::High, range.hi(), None)?;
                    recomputed = Some(range);
                }
                Ok(_) => reason = Some(Unchecked::Overflow),
                Err(why) => reason = Some(why),
            }
        }
        let verdict = match (reason, recomputed, stated) {
            (None, Some(r), Some(s)) => {
                if r.overlaps(s) {
                    Verdict::Agree
                } else {
                    Verdict::Disagree
                }
            }
            (None, _, _) => {
                reason = Some(Unchecked::NothingStated);
                Verdict::CannotCheck
            }
            (Some(_), _, _) => Verdict::CannotCheck,
        };
        let at_stated = match (verdict, e.result) {
            (Verdict::CannotCheck, _) | (_, None) => None,
            (_, Some(central)) => {
                let holds = match self.stated {
                    _ if self.kind == ClaimKind::AtMost => central >= 0.0,
                    Some(s) => s.admits(central),
                    None => false,
                };
                Some(if holds {
                    Verdict::Agree
                } else {
                    Verdict::Disagree
                })
            }
        };
        Ok(Check {
            verdict,
            reason,
            stated,
            recomputed,
            at_stated,
            explanation: e,
        })
    }

    /// The recomputed interval and central value; every input is present
    /// and bounded.
    fn recompute(&self, days: Days) -> core::result::Result<(Interval, f64), Unchecked> {
        let figs = || self.inputs.iter().flatten();
        let at = |i: usize| {
            self.inputs
                .get(i)
                .copied()
                .flatten()
                .ok_or(Unchecked::MissingInput { index: i })
        };
        let d = f64::from(days.d);
        let whole = f64::from(days.whole);
        match self.kind {
            ClaimKind::RunRate => {
                let x = at(0)?;
                let r = x.range().scale(whole).checked_div(Interval::point(d));
                let r = r.ok_or(Unchecked::DivisorSpansZero { index: 0 })?;
                Ok((r, x.value * whole / d))
            }
            ClaimKind::DailyAverage => {
                let x = at(0)?;
                let r = x.range().checked_div(Interval::point(d));
                let r = r.ok_or(Unchecked::DivisorSpansZero { index: 0 })?;
                Ok((r, x.value / d))
            }
            ClaimKind::PeriodTotal => {
                let x = at(0)?;
                Ok((x.range().scale(d), x.value * d))
            }
            ClaimKind::Multiple | ClaimKind::Share | ClaimKind::ShareOfTarget => {
                let (a, b) = (at(0)?, at(1)?);
                let q = a
                    .range()
                    .checked_div(b.range())
                    .ok_or(Unchecked::DivisorSpansZero { index: 1 })?;
                if self.kind == ClaimKind::Multiple {
                    Ok((q, a.value / b.value))
                } else {
                    Ok((q.scale(100.0), 100.0 * a.value / b.value))
                }
            }
            ClaimKind::Sum => {
                let r = figs().fold(Interval::point(0.0), |s, f| s.plus(f.range()));
                let c = figs().map(|f| f.value).sum();
                Ok((r, c))
            }
            ClaimKind::Difference | ClaimKind::PointChange => {
                let (a, b) = (at(0)?, at(1)?);
                Ok((b.range().minus(a.range()), b.value - a.value))
            }
            ClaimKind::RelativeChange => {
                let (a, b) = (at(0)?, at(1)?);
                let q = b
                    .range()
                    .checked_div(a.range())
                    .ok_or(Unchecked::DivisorSpansZero { index: 0 })?;
                Ok((
                    q.shift(-1.0).scale(100.0),
                    100.0 * (b.value / a.value - 1.0),
                ))
            }
            ClaimKind::AtMost => {
                let last = self.inputs.len().saturating_sub(1);
                let whole = at(last)?;
                let parts = || self.inputs.iter().take(last).flatten();
                let sum = parts().fold(Interval::point(0.0), |s, f| s.plus(f.range()));
                let central: f64 = parts().map(|f| f.value).sum();
                Ok((whole.range().minus(sum), whole.value - central))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::observation::Qualifier;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn fig(text: &str, q: Qualifier) -> Figure {
        Figure::parse(text, q).unwrap()
    }

    fn p(t: &str) -> Period {
        Period::parse(t).unwrap()
    }

    #[test]
    fn interval_arithmetic() {
        let a = Interval::new(1.0, 2.0).unwrap();
        let b = Interval::new(-3.0, 4.0).unwrap();
        let s = a.plus(b);
        assert!(s.lo() <= -2.0 && s.lo() > -2.0 - 1e-15 && s.hi() >= 6.0 && s.hi() < 6.0 + 1e-14);
        // Subtraction pairs opposite ends: [1 − 4, 2 − (−3)] = [−3, 5].
        let d = a.minus(b);
        assert!(d.contains(-3.0) && d.contains(5.0) && !d.contains(5.001) && !d.contains(-3.001));
        // [1,2] × [−3,4] = [−6, 8].
        let m = a.times(b);
        assert!(m.contains(-6.0) && m.contains(8.0) && !m.contains(8.001));
        assert!(a.checked_div(b).is_none());
        // [1,2] / [4,8] = [1/8, 1/2].
        let q = a.checked_div(Interval::new(4.0, 8.0).unwrap()).unwrap();
        assert!(q.contains(0.125) && q.contains(0.5) && !q.contains(0.51) && !q.contains(0.12));
        // Negative divisor: [1,2] / [−2,−1] = [−2, −0.5].
        let q = a.checked_div(Interval::new(-2.0, -1.0).unwrap()).unwrap();
        assert!(q.contains(-2.0) && q.contains(-0.5) && !q.contains(-0.4));
        assert!(Interval::new(2.0, 1.0).is_err());
        assert!(Interval::new(f64::NAN, 1.0).is_err());
        assert_eq!(
            Interval::new(1.0, 2.0)
                .unwrap()
                .gap(Interval::new(3.5, 4.0).unwrap()),
            1.5
        );
        assert_eq!(
            Interval::new(3.5, 4.0)
                .unwrap()
                .gap(Interval::new(1.0, 2.0).unwrap()),
            1.5
        );
        assert!(!Interval::ENTIRE.is_bounded());
    }

    #[test]
    fn rounding_is_outward() {
        // 0.1 + 0.2 is 0.30000000000000004 in floating point; the interval
        // still holds the exact decimal 0.3's nearest double.
        let s = Interval::point(0.1).plus(Interval::point(0.2));
        assert!(s.contains(0.3) && s.contains(0.1 + 0.2));
        // Touching intervals overlap.
        let a = Interval::new(1.0, 2.0).unwrap();
        assert!(a.overlaps(Interval::new(2.0, 3.0).unwrap()));
        assert!(!a.overlaps(Interval::new(2.0000001, 3.0).unwrap()));
    }

    #[test]
    fn report_001_run_rate_agrees() {
        // [805.5, 806.5] × 365 / 342 = [859.6711, 860.7383] million;
        // "860 triệu" plainly stated is [859.5, 860.5].
        let ytd = fig("806 triệu", Qualifier::About).during(p("2022-01-01/2022-12-08"));
        let c = Claim::new(ClaimKind::RunRate, Some(fig("860 triệu", Qualifier::Exact)))
            .during(p("2022"))
            .with(ytd)
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(c.verdict, Verdict::Agree);
        let r = c.recomputed.unwrap();
        assert!((r.lo() - 859.671_052e6).abs() < 1.0e3);
        assert!((r.hi() - 860.738_304e6).abs() < 1.0e3);
        let e = &c.explanation;
        assert_eq!(e.term(Symbol::DaysElapsed), Some(342.0));
        assert_eq!(e.term(Symbol::DaysInPeriod), Some(365.0));
        assert_eq!(e.term(Symbol::Stated), Some(860e6));
        assert_eq!(e.formula, Formula::RunRate);
    }

    #[test]
    fn report_001_multiple_agrees() {
        // 860 / 180 = 4.78; [859.5, 860.5] / [175, 185] = [4.6459, 4.9171],
        // which overlaps "gấp 4,8 lần" = [4.75, 4.85].
        let c = Claim::new(ClaimKind::Multiple, Some(fig("4,8", Qualifier::Exact)))
            .with(fig("860 triệu", Qualifier::Exact))
            .unwrap()
            .with(fig("180 triệu", Qualifier::About))
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(c.verdict, Verdict::Agree);
        let r = c.recomputed.unwrap();
        assert!((r.lo() - 859.5 / 185.0).abs() < 1e-9 && (r.hi() - 860.5 / 175.0).abs() < 1e-9);
    }

    #[test]
    fn report_004_multiple_agrees_only_through_the_rounding() {
        // "gấp hơn 4,8 lần so với cả năm 2021 (đạt khoảng 180 triệu)": [855,
        // 865] / [175, 185] = [4.6216, 4.9429] overlaps "hơn 4,8" = [4.8, 4.9],
        // but 860 / 180 = 4.7778 is not more than 4.8.
        let c = Claim::new(ClaimKind::Multiple, Some(fig("4,8", Qualifier::MoreThan)))
            .with(fig("860 triệu", Qualifier::About))
            .unwrap()
            .with(fig("180 triệu", Qualifier::About))
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(c.verdict, Verdict::Agree);
        assert_eq!(c.at_stated, Some(Verdict::Disagree));
        let r = c.recomputed.unwrap();
        assert!((r.lo() - 855.0 / 185.0).abs() < 1e-9 && (r.hi() - 865.0 / 175.0).abs() < 1e-9);
        assert!((c.explanation.result.unwrap() - 4.777_777_777_8).abs() < 1e-9);
        // Report 001's plain "gấp 4,8 lần" ([4.75, 4.85]) holds at 4.78 too.
        let c = Claim::new(ClaimKind::Multiple, Some(fig("4,8", Qualifier::Exact)))
            .with(fig("860 triệu", Qualifier::Exact))
            .unwrap()
            .with(fig("180 triệu", Qualifier::About))
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(
            (c.verdict, c.at_stated),
            (Verdict::Agree, Some(Verdict::Agree))
        );
        // "hơn 2 lần" at exactly 2 times: the rounding admits it, the words do
        // not. "gần 36" points at exactly 36 likewise.
        let c = Claim::new(ClaimKind::Multiple, Some(fig("2", Qualifier::MoreThan)))
            .with(Figure::exact(4.0).unwrap())
            .unwrap()
            .with(Figure::exact(2.0).unwrap())
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(
            (c.verdict, c.at_stated),
            (Verdict::Agree, Some(Verdict::Disagree))
        );
        let c = Claim::new(ClaimKind::PointChange, Some(fig("36", Qualifier::Nearly)))
            .with(Figure::exact(50.0).unwrap())
            .unwrap()
            .with(Figure::exact(86.0).unwrap())
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(
            (c.verdict, c.at_stated),
            (Verdict::Agree, Some(Verdict::Disagree))
        );
        // A disagreement disagrees at the stated values too; a claim that
        // cannot be checked has no verdict at them either.
        let c = Claim::new(ClaimKind::Share, Some(fig("91,32", Qualifier::Exact)))
            .with(fig("11.923", Qualifier::Exact))
            .unwrap()
            .with(Figure::exact(13_506.0).unwrap())
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(
            (c.verdict, c.at_stated),
            (Verdict::Disagree, Some(Verdict::Disagree))
        );
        let c = Claim::new(ClaimKind::Multiple, Some(fig("2,2", Qualifier::Exact)))
            .with(fig("8,2 triệu", Qualifier::Exact))
            .unwrap()
            .missing()
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(c.at_stated, None);
    }

    #[test]
    fn report_003_share_of_target_agrees() {
        // "hơn 111 triệu" = [111, 112] million of an exact 860 million:
        // [12.907, 13.023]%, against "khoảng 12,95%" = [12.945, 12.955].
        let c = Claim::new(
            ClaimKind::ShareOfTarget,
            Some(fig("12,95%", Qualifier::About)),
        )
        .with(fig("111 triệu", Qualifier::MoreThan))
        .unwrap()
        .with(Figure::exact(860e6).unwrap())
        .unwrap()
        .check()
        .unwrap();
        assert_eq!(c.verdict, Verdict::Agree);
        let r = c.recomputed.unwrap();
        assert!((r.lo() - 11_100.0 / 860.0).abs() < 1e-9);
        assert!((r.hi() - 11_200.0 / 860.0).abs() < 1e-9);
        assert_eq!(c.explanation.formula, Formula::Attainment);
    }

    #[test]
    fn report_001_daily_average_disagrees() {
        // [805.5, 806.5] / 342 = [2.35526, 2.35819] million a day; "khoảng
        // 2,1 triệu" = [2.05, 2.15]: 0.205 million apart.
        let ytd = p("2022-01-01/2022-12-08");
        let c = Claim::new(
            ClaimKind::DailyAverage,
            Some(fig("2,1 triệu", Qualifier::About)),
        )
        .during(ytd)
        .with(fig("806 triệu", Qualifier::About).during(ytd))
        .unwrap()
        .check()
        .unwrap();
        assert_eq!(c.verdict, Verdict::Disagree);
        let gap = c.recomputed.unwrap().gap(c.stated.unwrap());
        assert!((gap - (805.5e6 / 342.0 - 2.15e6)).abs() < 1.0);
    }

    #[test]
    fn changes_and_sums() {
        // "vượt 2%": 52,8 − 50 = 2,8 points; "2" is [1.5, 2.5].
        let c = Claim::new(ClaimKind::PointChange, Some(fig("2", Qualifier::Exact)))
            .with(Figure::exact(50.0).unwrap())
            .unwrap()
            .with(fig("52,8", Qualifier::Exact))
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(c.verdict, Verdict::Disagree);
        let r = c.recomputed.unwrap();
        assert!(r.contains(2.75) && r.contains(2.85) && !r.contains(2.86));
        // Relative: 52,8 / 50 − 1 = 5,6%: [5.5, 5.7].
        let c = Claim::new(
            ClaimKind::RelativeChange,
            Some(fig("5,6", Qualifier::Exact)),
        )
        .with(Figure::exact(50.0).unwrap())
        .unwrap()
        .with(fig("52,8", Qualifier::Exact))
        .unwrap()
        .check()
        .unwrap();
        assert_eq!(c.verdict, Verdict::Agree);
        let r = c.recomputed.unwrap();
        assert!(r.contains(5.5) && r.contains(5.7) && !r.contains(5.71));
        // 18 + 16 + 16 platforms = 50.
        let mut s = Claim::new(ClaimKind::Sum, Some(fig("50", Qualifier::Exact)));
        for t in ["18", "16", "16"] {
            s.push(Some(fig(t, Qualifier::Exact))).unwrap();
        }
        let c = s.check().unwrap();
        assert_eq!(c.verdict, Verdict::Agree);
        assert_eq!(c.explanation.result, Some(50.0));
        // The sum is [49.5, 50.5] (plus rounding); "47" is [46.5, 47.5].
        s.stated = Some(fig("47", Qualifier::Exact));
        assert_eq!(s.check().unwrap().verdict, Verdict::Disagree);
    }

    #[test]
    fn bounds() {
        // r004: "Trong 11 tháng đầu năm 2022 ... hơn 4,62 triệu hồ sơ trực
        // tuyến" within "Từ khi khai trương (11/2019) đến nay ... hơn 7 triệu":
        // [7; 8] − [4,62; 4,63] = [2,37; 3,38] million, at least zero.
        let c = Claim::new(ClaimKind::AtMost, None)
            .with(fig("4,62 triệu", Qualifier::MoreThan))
            .unwrap()
            .with(fig("7 triệu", Qualifier::MoreThan))
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(c.verdict, Verdict::Agree);
        let r = c.recomputed.unwrap();
        assert!((r.lo() - 2.37e6).abs() < 1e-3 && (r.hi() - 3.38e6).abs() < 1e-3);
        assert_eq!(c.stated.unwrap().lo(), 0.0);
        assert_eq!(c.stated.unwrap().hi(), f64::INFINITY);
        assert_eq!(c.explanation.formula, Formula::AtMost);
        assert_eq!(c.explanation.term(Symbol::Stated), Some(0.0));
        assert!((c.explanation.result.unwrap() - 2.38e6).abs() < 1e-3);
        assert_eq!(c.at_stated, Some(Verdict::Agree));
        // Several parts: "43/63 ... lồng ghép trong kế hoạch CĐS; 11/63 ... bằng
        // một văn bản riêng": 63 − [53; 55] = [8; 10] localities left.
        let c = Claim::new(ClaimKind::AtMost, None)
            .with(fig("43", Qualifier::Exact))
            .unwrap()
            .with(fig("11", Qualifier::Exact))
            .unwrap()
            .with(Figure::exact(63.0).unwrap())
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(c.verdict, Verdict::Agree);
        let r = c.recomputed.unwrap();
        assert!(r.contains(8.0) && r.contains(9.0) && r.contains(10.0) && !r.contains(10.01));
        // 43 + 23 localities cannot fit in 63: 63 − [65; 67] = [−4; −2].
        let c = Claim::new(ClaimKind::AtMost, None)
            .with(fig("43", Qualifier::Exact))
            .unwrap()
            .with(fig("23", Qualifier::Exact))
            .unwrap()
            .with(Figure::exact(63.0).unwrap())
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(
            (c.verdict, c.at_stated),
            (Verdict::Disagree, Some(Verdict::Disagree))
        );
        assert!((c.recomputed.unwrap().gap(c.stated.unwrap()) - 2.0).abs() < 1e-9);
        // Touching: a 100% plan against an estimated "100%": [−0,05; 0,05].
        let c = Claim::new(ClaimKind::AtMost, None)
            .with(Figure::exact(100.0).unwrap())
            .unwrap()
            .with(fig("100", Qualifier::Exact))
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(
            (c.verdict, c.at_stated),
            (Verdict::Agree, Some(Verdict::Agree))
        );
        // A bound states no figure; a missing whole cannot be checked.
        let stated = Claim::new(ClaimKind::AtMost, Some(fig("1", Qualifier::Exact)))
            .with(Figure::exact(1.0).unwrap())
            .unwrap()
            .with(Figure::exact(2.0).unwrap())
            .unwrap();
        assert!(matches!(
            stated.check(),
            Err(Error::InvalidArgument {
                name: Field::Stated,
                ..
            })
        ));
        let c = Claim::new(ClaimKind::AtMost, None)
            .with(Figure::exact(1.0).unwrap())
            .unwrap()
            .missing()
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(c.reason, Some(Unchecked::MissingInput { index: 1 }));
    }

    #[test]
    fn cannot_check() {
        let c = Claim::new(
            ClaimKind::RelativeChange,
            Some(fig("35,65", Qualifier::Exact)),
        )
        .missing()
        .unwrap()
        .with(fig("77,1", Qualifier::Exact))
        .unwrap()
        .check()
        .unwrap();
        assert_eq!(c.verdict, Verdict::CannotCheck);
        assert_eq!(c.reason, Some(Unchecked::MissingInput { index: 0 }));
        assert!(c.recomputed.is_none());
        assert!(c.explanation.term(Symbol::A).is_none());
        assert!(c.explanation.result.is_none());
        // Unbounded input.
        let c = Claim::new(ClaimKind::Sum, Some(fig("5", Qualifier::Exact)))
            .with(Figure::between(1.0, f64::INFINITY).unwrap())
            .unwrap()
            .with(Figure::exact(1.0).unwrap())
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(c.reason, Some(Unchecked::Unbounded { index: 0 }));
        // Divisor spanning zero.
        let c = Claim::new(ClaimKind::Multiple, Some(fig("5", Qualifier::Exact)))
            .with(Figure::exact(1.0).unwrap())
            .unwrap()
            .with(Figure::between(-1.0, 1.0).unwrap())
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(c.reason, Some(Unchecked::DivisorSpansZero { index: 1 }));
        // No period for a daily average.
        let c = Claim::new(ClaimKind::DailyAverage, Some(fig("5", Qualifier::Exact)))
            .with(Figure::exact(10.0).unwrap())
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(c.reason, Some(Unchecked::MissingPeriod));
        // Nothing stated: recomputed, but no verdict either way.
        let c = Claim::new(ClaimKind::PeriodTotal, None)
            .during(p("2022-01-01/2022-09-30"))
            .with(fig("1,6 triệu", Qualifier::About))
            .unwrap()
            .check()
            .unwrap();
        assert_eq!(c.verdict, Verdict::CannotCheck);
        assert_eq!(c.reason, Some(Unchecked::NothingStated));
        let r = c.recomputed.unwrap();
        // [1.55, 1.65] million × 273 days.
        assert!(r.contains(1.55e6 * 273.0) && r.contains(1.65e6 * 273.0));
        assert!(!r.contains(1.651e6 * 273.0));
    }

    #[test]
    fn malformed_claims_are_errors() {
        let one = Claim::new(ClaimKind::Multiple, None)
            .with(Figure::exact(1.0).unwrap())
            .unwrap();
        assert!(matches!(
            one.check(),
            Err(Error::InvalidArgument {
                name: Field::Inputs,
                ..
            })
        ));
        let mut full = Claim::new(ClaimKind::Sum, None);
        for _ in 0..MAX_INPUTS {
            full.push(None).unwrap();
        }
        assert!(matches!(full.push(None), Err(Error::Capacity { .. })));
        assert_eq!(full.inputs.len(), MAX_INPUTS);
        // A run-rate whose input does not start with the year.
        let late = Claim::new(ClaimKind::RunRate, None)
            .during(p("2022"))
            .with(
                Figure::exact(1.0)
                    .unwrap()
                    .during(p("2022-02-01/2022-12-08")),
            )
            .unwrap();
        assert!(matches!(
            late.check(),
            Err(Error::InvalidArgument {
                name: Field::Period,
                ..
            })
        ));
        let mismatch = Claim::new(ClaimKind::DailyAverage, None)
            .during(p("2022"))
            .with(Figure::exact(1.0).unwrap().during(p("2022-Q1")))
            .unwrap();
        assert!(mismatch.check().is_err());
        assert!(Figure::stated(1.0, -1.0, Qualifier::Exact).is_err());
        assert!(Figure::stated(f64::NAN, 1.0, Qualifier::Exact).is_err());
        for k in ClaimKind::ALL {
            assert_eq!(ClaimKind::from_code(k.code()).unwrap(), k);
        }
        for v in Verdict::ALL {
            assert_eq!(Verdict::from_code(v.code()).unwrap(), v);
        }
        assert!(Verdict::from_code("maybe").is_err());
    }
}
