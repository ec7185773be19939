//! Method choice: which projection methods apply to a series, ranked, each
//! with its back-test error and warnings about its projection, and the
//! reason for the first in words.
//!
//! [`choose`] fits every candidate method for the indicator's kind to the
//! whole series, once, and keeps those that fit (with the fitted model: no
//! refit is needed to use one) and those that do not (with why). With
//! enough points ([`MIN_POINTS_TO_COMPARE`]) it ranks them by the error of
//! one-step-ahead forecasts from a rolling origin: each point from the fifth
//! on is predicted from the points before it, and the methods are ranked by
//! their mean absolute percentage error (MAPE). This compares regressions
//! and exponential smoothing on equal terms and works on irregular dates,
//! where information criteria computed from different likelihoods would not
//! be comparable. The forecasts are made by updating each method from one
//! origin to the next rather than refitting it ([`Backtest`]), in O(n) per
//! method for the lines, polynomials and Holt's methods.
//!
//! All scored methods are scored on the same held-out points. A method that
//! needs more points than the first origin ([`FIRST_ORIGIN`]) moves the
//! origin later for everyone; it is scored only when at least a third of
//! the series, and [`MIN_TESTS`] points, stay held out. Holt's linear trend
//! (5 points) and damped trend (6) are scored on series of 8 and 9 points
//! and more; below that they are listed, unscored, with the reason.
//!
//! With fewer points, held-out errors would rest on one or two forecasts, so
//! a rule for the kind of indicator decides instead:
//!
//! - **shares** (bounded above): a logistic curve, which bends towards the cap
//!   instead of crossing it, once there are 3 points strictly inside the
//!   bounds, then the Gompertz curve; otherwise a straight line;
//! - **everything else**: a straight line, the most cautious extrapolation of
//!   a short series; exponential growth (log-linear) comes next, because
//!   adoption counts often grow that way, but two or three points cannot tell
//!   the two apart and compounding runs away quickly.
//!
//! Each method fits from its own minimum: lines and exponentials from 2
//! points (with an unknown spread at exactly 2), the growth curves from 3
//! (4 with a fitted cap), the quadratic from 4, Holt from 5 and damped Holt
//! from 6 (their smoothing parameters and starting states are fitted to the
//! one-step errors). The rules never put Holt first: they prefer methods
//! whose parameters a short series can pin down.
//!
//! Every ranked method carries its back-test ([`Backtest`]: the MAPE over the
//! held-out points, or why there is none) and warnings ([`Warning`]) where its
//! projection to the horizon leaves the indicator's bounds or grows far
//! faster than the series ever did.

mod backtest;
mod warning;

pub use backtest::{Backtest, NotScored};
pub use warning::{Warning, MAX_WARNINGS};

use heapless::Vec;

use crate::date::Date;
use crate::error::{Error, Field, Result, Task};
use crate::explain::{Explanation, Formula, Symbol};
use crate::fitted::Fitted;
use crate::indicator::MeasureKind;
use crate::method::{Method, Model};
use crate::series::Series;
use crate::trend::{
    GompertzTrend, Holt, LinearTrend, LogLinearTrend, LogisticTrend, PolynomialTrend,
};

/// The most candidate methods.
pub const MAX_CANDIDATES: usize = 6;
/// The fewest points for ranking by held-out one-step errors.
pub const MIN_POINTS_TO_COMPARE: usize = 6;
/// The points every method is fitted to before the first held-out forecast.
pub const FIRST_ORIGIN: usize = 4;
/// The fewest held-out points of a back test.
pub const MIN_TESTS: usize = 2;

/// How the ranking was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Criterion {
    /// By one-step-ahead forecast errors from a rolling origin.
    OneStepError,
    /// By the rule for the indicator's kind.
    Rule,
}

/// The rule that ranked a short series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Rule {
    /// A share: a logistic curve stays within its bounds.
    BoundedShare,
    /// A straight line: the most cautious extrapolation of a short series.
    CautiousLine,
}

/// Why the first method was chosen, as data the app words in either language.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Reason {
    /// The lowest one-step-ahead MAPE over `tests` held-out points, ahead of
    /// the runner-up's `runner_up` (when there is one).
    LowestOneStepError {
        /// The chosen method's MAPE in percent.
        mape: f64,
        /// The runner-up's MAPE in percent.
        runner_up: Option<f64>,
        /// The number of held-out points.
        tests: usize,
    },
    /// Too few points to compare methods on held-out data: a rule decided.
    FewPoints {
        /// The number of points.
        n: usize,
        /// The rule.
        rule: Rule,
    },
    /// Only one method fits the series.
    OnlyOne {
        /// The number of points.
        n: usize,
    },
}

/// A candidate method, fitted, with its score, back test and warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// The configured method, ready to fit.
    pub model: Model,
    /// Its one-step-ahead MAPE in percent, when the methods were ranked that
    /// way (see [`Ranked::backtest`] for every method's).
    pub score: Option<f64>,
    /// Its back test on this series: the MAPE over the held-out points, or
    /// why there is none.
    pub backtest: Backtest,
    /// Where its projection to the choice's horizon is implausible.
    pub warnings: Vec<Warning, MAX_WARNINGS>,
    /// The method fitted to the whole series.
    pub fitted: Fitted,
}

impl Ranked {
    /// The method.
    #[must_use]
    pub fn method(&self) -> Method {
        self.model.method()
    }
}

/// A candidate method that does not fit the series, and why.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unavailable {
    /// The configured method.
    pub model: Model,
    /// Why it does not fit (too few points, a value it cannot take, …).
    pub error: Error,
}

impl Unavailable {
    /// The method.
    #[must_use]
    pub fn method(&self) -> Method {
        self.model.method()
    }
}

/// The ranked methods that apply to a series, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The methods that fit the series, best first.
    pub ranked: Vec<Ranked, MAX_CANDIDATES>,
    /// The candidates that do not fit it, in the rules' order, with why.
    pub unavailable: Vec<Unavailable, MAX_CANDIDATES>,
    /// How they were ranked.
    pub criterion: Criterion,
    /// Why the first is first.
    pub reason: Reason,
    /// The date the projections were examined up to for warnings.
    pub horizon: Date,
}

impl Choice {
    /// The recommended method.
    #[must_use]
    pub fn best(&self) -> Option<&Ranked> {
        self.ranked.first()
    }

    /// The number of methods with a back-test error.
    #[must_use]
    pub fn scored(&self) -> usize {
        self.ranked
            .iter()
            .filter(|r| r.backtest.mape().is_some())
            .count()
    }

    /// The reason as an explanation: the one-step error formula with the
    /// chosen method's MAPE and the number of held-out points, or the number
    /// of points when a rule decided.
    ///
    /// # Errors
    ///
    /// Never in practice: [`Error::Capacity`] if the terms did not fit.
    pub fn explain(&self) -> Result<Explanation> {
        match self.reason {
            Reason::LowestOneStepError {
                mape,
                runner_up,
                tests,
            } => {
                let mut e = Explanation::new(Formula::OneStepError, mape)
                    .with(Symbol::Score, mape, None)?
                    .with(Symbol::Count, tests as f64, None)?;
                if let Some(r) = runner_up {
                    e.push(Symbol::B, r, None)?;
                }
                Ok(e)
            }
            Reason::FewPoints { n, .. } | Reason::OnlyOne { n } => {
                let formula = self
                    .best()
                    .map_or(Formula::LinearTrend, |r| r.method().formula());
                Explanation::new(formula, n as f64).with(Symbol::Count, n as f64, None)
            }
        }
    }
}

/// The candidates for a kind of indicator, in the rules' order.
fn candidates(series: &Series<'_>) -> Result<Vec<Model, MAX_CANDIDATES>> {
    let subject = series.subject();
    let full = Error::Capacity {
        what: Field::Candidates,
        capacity: MAX_CANDIDATES,
    };
    let mut c: Vec<Model, MAX_CANDIDATES> = Vec::new();
    let holt = Model::Holt(Holt::new());
    let damped = Model::Holt(Holt::new().damped());
    if subject.is_share() {
        let bounds = series.bounds();
        for m in [
            Model::Logistic(LogisticTrend::for_bounds(bounds)),
            Model::Gompertz(GompertzTrend::for_bounds(bounds)),
            Model::Linear(LinearTrend::new()),
            damped,
            holt,
        ] {
            c.push(m).map_err(|_| full)?;
        }
    } else if matches!(subject.kind, MeasureKind::Rank) {
        for m in [Model::Linear(LinearTrend::new()), damped, holt] {
            c.push(m).map_err(|_| full)?;
        }
    } else {
        let quadratic = Model::Polynomial(PolynomialTrend::new(2)?);
        for m in [
            Model::Linear(LinearTrend::new()),
            Model::LogLinear(LogLinearTrend::new()),
            damped,
            holt,
            quadratic,
        ] {
            c.push(m).map_err(|_| full)?;
        }
    }
    Ok(c)
}

/// The horizon [`choose`] examines projections up to: a year after the last
/// observation, or as far after it as the series spans when that is longer,
/// but at most ten years.
#[must_use]
pub fn default_horizon(series: &Series<'_>) -> Date {
    let last = series.last().date;
    let span = series.first().date.days_until(last);
    let days = span.clamp(365, 3_653);
    last.add_days(days).unwrap_or(last)
}

/// The fewest points with which a method that fits from `m` points is
/// scored: [`MIN_POINTS_TO_COMPARE`] for those that fit from
/// [`FIRST_ORIGIN`] points or fewer; for the others, enough to hold out a
/// third of the series, and [`MIN_TESTS`] points, beyond their `m`.
fn points_to_score(m: usize) -> usize {
    if m <= FIRST_ORIGIN {
        return MIN_POINTS_TO_COMPARE;
    }
    let mut n = m.saturating_add(MIN_TESTS);
    while n.saturating_sub(m) < MIN_TESTS.max(n.div_ceil(3)) {
        n = n.saturating_add(1);
    }
    n
}

/// The common first held-out point for the fitted methods, and which of
/// them it scores: those that fit from [`FIRST_ORIGIN`] points or fewer, and
/// the others while at least a third of the series (and [`MIN_TESTS`]
/// points) stays held out.
fn origin(ranked: &[Ranked], n: usize) -> (usize, [bool; MAX_CANDIDATES]) {
    let mut scored = [false; MAX_CANDIDATES];
    let mut origin = FIRST_ORIGIN;
    let keep = MIN_TESTS.max(n.div_ceil(3));
    for (slot, r) in scored.iter_mut().zip(ranked) {
        let m = r.model.min_points();
        if m <= FIRST_ORIGIN {
            *slot = true;
        } else if n.saturating_sub(m) >= keep {
            *slot = true;
            origin = origin.max(m);
        }
    }
    (origin, scored)
}

/// Ranks the methods that apply to `series` (its subject decides the
/// candidates: a share gets the logistic curve first), examining their
/// projections up to [`default_horizon`].
///
/// # Examples
///
/// ```
/// use dxcast_core::choice::{choose, Reason};
/// use dxcast_core::{Date, MeasureKind, Method, Point, Series, Subject, Unit};
///
/// // Online dossiers' share (r000, r001): of the share methods only the
/// // straight line fits two points.
/// let pts = [
///     Point::new(Date::from_ymd(2022, 9, 30)?, 43.0),
///     Point::new(Date::from_ymd(2022, 12, 31)?, 52.8),
/// ];
/// let s = Series::new(&pts, Subject::of_kind(MeasureKind::Share, Unit::Percent))?;
/// let c = choose(&s)?;
/// assert_eq!(c.best().map(|r| r.method()), Some(Method::Linear));
/// assert_eq!(c.reason, Reason::OnlyOne { n: 2 });
/// // The others are listed with why: three points or more.
/// assert!(c.unavailable.iter().any(|u| u.method() == Method::Logistic));
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::TooFewPoints`] when no method fits (a single point).
pub fn choose(series: &Series<'_>) -> Result<Choice> {
    choose_until(series, default_horizon(series))
}

/// [`choose`], examining the projections up to `horizon` (a target's
/// deadline, say) for warnings.
///
/// # Errors
///
/// [`Error::TooFewPoints`] when no method fits (a single point).
pub fn choose_until(series: &Series<'_>, horizon: Date) -> Result<Choice> {
    let n = series.len();
    let mut ranked: Vec<Ranked, MAX_CANDIDATES> = Vec::new();
    let mut unavailable: Vec<Unavailable, MAX_CANDIDATES> = Vec::new();
    for model in candidates(series)?.iter().copied() {
        // Both lists hold as many as the candidates: the pushes cannot fail.
        match model.fit(series) {
            Ok(fitted) => {
                let _ = ranked.push(Ranked {
                    model,
                    score: None,
                    backtest: Backtest::NotScored(NotScored::FewPoints {
                        needed: points_to_score(model.min_points()),
                        got: n,
                    }),
                    warnings: warning::warnings(&fitted, series, horizon),
                    fitted,
                });
            }
            Err(error) => {
                let _ = unavailable.push(Unavailable { model, error });
            }
        }
    }
    if ranked.is_empty() {
        return Err(Error::TooFewPoints {
            method: Task::MethodChoice,
            needed: 2,
            got: n,
        });
    }
    if ranked.len() == 1 {
        return Ok(Choice {
            ranked,
            unavailable,
            criterion: Criterion::Rule,
            reason: Reason::OnlyOne { n },
            horizon,
        });
    }
    if n >= MIN_POINTS_TO_COMPARE {
        let (first, scored) = origin(&ranked, n);
        if n.saturating_sub(first) >= MIN_TESTS {
            for (r, s) in ranked.iter_mut().zip(scored) {
                if s {
                    r.backtest = backtest::run(&r.model, &r.fitted, series, first);
                }
            }
        }
        let count = ranked
            .iter()
            .filter(|r| r.backtest.mape().is_some())
            .count();
        if count >= 2 {
            for r in ranked.iter_mut() {
                r.score = r.backtest.mape();
            }
            // Scored first, lowest MAPE first; ties and unscored keep the
            // rules' order (a stable insertion sort: at most six entries).
            let key = |r: &Ranked| r.score.unwrap_or(f64::INFINITY);
            for i in 1..ranked.len() {
                let mut j = i;
                while j > 0 {
                    let (Some(a), Some(b)) = (ranked.get(j.saturating_sub(1)), ranked.get(j))
                    else {
                        break;
                    };
                    if key(a) <= key(b) {
                        break;
                    }
                    crate::slices::swap_moved(&mut ranked, j.saturating_sub(1), j);
                    j = j.saturating_sub(1);
                }
            }
            let mape = ranked.first().and_then(|r| r.score).unwrap_or(f64::NAN);
            let runner_up = ranked.get(1).and_then(|r| r.score);
            return Ok(Choice {
                ranked,
                unavailable,
                criterion: Criterion::OneStepError,
                reason: Reason::LowestOneStepError {
                    mape,
                    runner_up,
                    tests: n.saturating_sub(first),
                },
                horizon,
            });
        }
    }
    // Rules: the candidates' order, except that Holt never leads a short series.
    let logistic_first = ranked
        .first()
        .is_some_and(|r| r.method() == Method::Logistic);
    let rule = if logistic_first {
        Rule::BoundedShare
    } else {
        if let Some(pos) = ranked.iter().position(|r| r.method() == Method::Linear) {
            // Move the line to the front, keeping the others' order.
            let mut k = pos;
            while k > 0 {
                crate::slices::swap_moved(&mut ranked, k.saturating_sub(1), k);
                k = k.saturating_sub(1);
            }
        }
        Rule::CautiousLine
    };
    Ok(Choice {
        ranked,
        unavailable,
        criterion: Criterion::Rule,
        reason: Reason::FewPoints { n, rule },
        horizon,
    })
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::indicator::Unit;
    use crate::series::Point;
    use crate::subject::Subject;

    fn pts(values: &[(i32, u32, u32, f64)]) -> std::vec::Vec<Point> {
        values
            .iter()
            .map(|&(y, m, d, v)| Point::new(Date::from_ymd(y, m, d).unwrap(), v))
            .collect()
    }

    #[test]
    fn three_share_points_inside_the_bounds_take_the_logistic() {
        // Services with dossiers (r000, r001, r004): 67.8, 77.1, 80.
        let p = pts(&[
            (2022, 9, 30, 67.8),
            (2022, 11, 20, 77.1),
            (2022, 12, 31, 80.0),
        ]);
        let s = Series::new(&p, Subject::of_kind(MeasureKind::Share, Unit::Percent)).unwrap();
        let c = choose(&s).unwrap();
        assert_eq!(c.best().unwrap().method(), Method::Logistic);
        assert_eq!(
            c.reason,
            Reason::FewPoints {
                n: 3,
                rule: Rule::BoundedShare
            }
        );
        assert_eq!(c.criterion, Criterion::Rule);
    }

    #[test]
    fn short_counts_take_the_cautious_line() {
        // Community digital technology teams (r000, r001, r003).
        let p = pts(&[
            (2022, 9, 30, 59_600.0),
            (2022, 11, 20, 68_933.0),
            (2023, 3, 31, 71_836.0),
        ]);
        let s = Series::new(&p, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
        let c = choose(&s).unwrap();
        let methods: std::vec::Vec<Method> = c.ranked.iter().map(|r| r.method()).collect();
        assert_eq!(methods, [Method::Linear, Method::LogLinear]);
        assert_eq!(
            c.reason,
            Reason::FewPoints {
                n: 3,
                rule: Rule::CautiousLine
            }
        );
    }

    #[test]
    fn long_exponential_series_is_ranked_by_held_out_error() {
        // 10 quarter-ends growing exactly 35 % a year in continuous time: the
        // log-linear trend predicts every held-out point exactly, a line cannot.
        let origin = Date::from_ymd(2020, 3, 31).unwrap();
        let p: std::vec::Vec<Point> = (0..10)
            .map(|k| {
                let date = origin.add_months(3 * k).unwrap();
                let years = crate::series::years_between(origin, date);
                Point::new(date, 1000.0 * 1.35f64.powf(years))
            })
            .collect();
        let s = Series::new(&p, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
        let c = choose(&s).unwrap();
        assert_eq!(c.criterion, Criterion::OneStepError);
        let best = c.best().unwrap();
        assert_eq!(best.method(), Method::LogLinear);
        assert!(best.score.unwrap() < 1e-6, "{:?}", best.score);
        match c.reason {
            Reason::LowestOneStepError {
                tests, runner_up, ..
            } => {
                // Damped Holt fits from 6 points and leaves 4 of 10 held
                // out, a third of the series: every method is scored on
                // points 7 to 10.
                assert_eq!(tests, 4);
                assert!(runner_up.unwrap() > 0.1);
            }
            other => panic!("{other:?}"),
        }
        // Scores are in increasing order.
        let scores: std::vec::Vec<f64> = c.ranked.iter().filter_map(|r| r.score).collect();
        assert!(scores.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn holt_joins_but_never_leads_a_short_series() {
        // Five points: Holt fits, the quadratic too, the line still leads.
        let p = pts(&[
            (2021, 12, 31, 362_721.0),
            (2022, 6, 30, 1_200_000.0),
            (2022, 12, 31, 2_659_719.0),
            (2023, 6, 30, 5_000_000.0),
            (2024, 4, 30, 8_200_000.0),
        ]);
        let s = Series::new(&p, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
        let c = choose(&s).unwrap();
        let methods: std::vec::Vec<Method> = c.ranked.iter().map(|r| r.method()).collect();
        assert_eq!(methods[0], Method::Linear);
        assert!(methods.contains(&Method::Holt) && methods.contains(&Method::Polynomial));
        assert!(!methods.contains(&Method::DampedHolt));
    }

    #[test]
    fn one_point_is_an_error() {
        let p = pts(&[(2022, 9, 30, 61.0)]);
        let s = Series::new(&p, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
        assert!(matches!(choose(&s), Err(Error::TooFewPoints { .. })));
    }
}
