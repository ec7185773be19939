//! Method choice: which projection methods apply to a series, ranked, with
//! the reason in words.
//!
//! [`choose`] fits every candidate method for the indicator's kind and keeps
//! those that fit. With enough points ([`MIN_POINTS_TO_COMPARE`]) it ranks
//! them by the error of one-step-ahead forecasts from a rolling origin: each
//! of the points from the fifth on is predicted by every method fitted to the
//! points before it, and the methods are ranked by their mean absolute
//! percentage error (MAPE). This compares regressions and exponential
//! smoothing on equal terms and works on irregular dates, where information
//! criteria computed from different likelihoods would not be comparable.
//!
//! With fewer points, held-out errors would rest on one or two forecasts, so
//! a rule for the kind of indicator decides instead:
//!
//! - **shares** (bounded above): a logistic curve, which bends towards the cap
//!   instead of crossing it, once there are 3 points strictly inside the
//!   bounds; otherwise a straight line;
//! - **everything else**: a straight line, the most cautious extrapolation of
//!   a short series; exponential growth (log-linear) comes next, because
//!   adoption counts often grow that way, but two or three points cannot tell
//!   the two apart and compounding runs away quickly.
//!
//! Each method fits from its own minimum: lines and exponentials from 2
//! points (with an unknown spread at exactly 2), the logistic from 3, the
//! quadratic from 4, Holt from 5 and damped Holt from 6 (their smoothing
//! parameters are fitted to one-step errors, which start at the third
//! point). The rules never put Holt first: they prefer methods whose
//! parameters a short series can pin down.

use heapless::Vec;

use crate::error::{Error, Field, Result, Task};
use crate::explain::{Explanation, Formula, Symbol};
use crate::indicator::MeasureKind;
use crate::method::{Method, Model};
use crate::series::{Point, Series};
use crate::trend::{Holt, LinearTrend, LogLinearTrend, LogisticTrend, PolynomialTrend};

/// The most candidate methods.
pub const MAX_CANDIDATES: usize = 6;
/// The fewest points for ranking by held-out one-step errors.
pub const MIN_POINTS_TO_COMPARE: usize = 6;
/// The points every method is fitted to before the first held-out forecast.
pub const FIRST_ORIGIN: usize = 4;

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

/// A candidate method and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    /// The configured method, ready to fit.
    pub model: Model,
    /// Its one-step-ahead MAPE in percent, when methods were compared that way.
    pub score: Option<f64>,
}

impl Ranked {
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
    /// How they were ranked.
    pub criterion: Criterion,
    /// Why the first is first.
    pub reason: Reason,
}

impl Choice {
    /// The recommended method.
    #[must_use]
    pub fn best(&self) -> Option<&Ranked> {
        self.ranked.first()
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
        let logistic = LogisticTrend::for_bounds(series.bounds());
        for m in [
            Model::Logistic(logistic),
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

/// The one-step-ahead MAPE of `model` from a rolling origin, or `None` when
/// it cannot be fitted at some origin or a held-out value is 0.
fn one_step_mape(model: &Model, points: &[Point], series: &Series<'_>) -> Option<f64> {
    let mut sum = 0.0;
    let mut tests = 0usize;
    for i in FIRST_ORIGIN..points.len() {
        let train = Series::new(points.get(..i)?, series.subject()).ok()?;
        let held = points.get(i)?;
        if held.value == 0.0 {
            return None;
        }
        let fit = model.fit(&train).ok()?;
        let yhat = fit.predict(held.date).ok()?.point_within(series.bounds());
        if !yhat.is_finite() {
            return None;
        }
        sum += libm::fabs(held.value - yhat) / libm::fabs(held.value);
        tests = tests.saturating_add(1);
    }
    (tests > 0).then(|| 100.0 * sum / tests as f64)
}

/// Ranks the methods that apply to `series` (its subject decides the
/// candidates: a share gets the logistic curve first).
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
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::TooFewPoints`] when no method fits (a single point).
pub fn choose(series: &Series<'_>) -> Result<Choice> {
    let n = series.len();
    let mut fitted: Vec<Ranked, MAX_CANDIDATES> = Vec::new();
    for model in candidates(series)?.iter().copied() {
        if model.fit(series).is_ok() {
            // Capacity equals the candidates' capacity: the push cannot fail.
            let _ = fitted.push(Ranked { model, score: None });
        }
    }
    if fitted.is_empty() {
        return Err(Error::TooFewPoints {
            method: Task::MethodChoice,
            needed: 2,
            got: n,
        });
    }
    if fitted.len() == 1 {
        return Ok(Choice {
            ranked: fitted,
            criterion: Criterion::Rule,
            reason: Reason::OnlyOne { n },
        });
    }
    if n >= MIN_POINTS_TO_COMPARE {
        let points = series.points();
        for r in fitted.iter_mut() {
            r.score = one_step_mape(&r.model, points, series);
        }
        let scored = fitted.iter().filter(|r| r.score.is_some()).count();
        if scored >= 2 {
            // Scored first, lowest MAPE first; ties and unscored keep the
            // rules' order (a stable insertion sort: at most six entries).
            let key = |r: &Ranked| r.score.unwrap_or(f64::INFINITY);
            for i in 1..fitted.len() {
                let mut j = i;
                while j > 0 {
                    let (Some(a), Some(b)) = (fitted.get(j.saturating_sub(1)), fitted.get(j))
                    else {
                        break;
                    };
                    if key(a) <= key(b) {
                        break;
                    }
                    crate::slices::swap(&mut fitted, j.saturating_sub(1), j);
                    j = j.saturating_sub(1);
                }
            }
            let mape = fitted.first().and_then(|r| r.score).unwrap_or(f64::NAN);
            let runner_up = fitted.get(1).and_then(|r| r.score);
            return Ok(Choice {
                ranked: fitted,
                criterion: Criterion::OneStepError,
                reason: Reason::LowestOneStepError {
                    mape,
                    runner_up,
                    tests: n.saturating_sub(FIRST_ORIGIN),
                },
            });
        }
        for r in fitted.iter_mut() {
            r.score = None;
        }
    }
    // Rules: the candidates' order, except that Holt never leads a short series.
    let logistic_first = fitted
        .first()
        .is_some_and(|r| r.method() == Method::Logistic);
    let rule = if logistic_first {
        Rule::BoundedShare
    } else {
        if let Some(pos) = fitted.iter().position(|r| r.method() == Method::Linear) {
            // Move the line to the front, keeping the others' order.
            let mut k = pos;
            while k > 0 {
                crate::slices::swap(&mut fitted, k.saturating_sub(1), k);
                k = k.saturating_sub(1);
            }
        }
        Rule::CautiousLine
    };
    Ok(Choice {
        ranked: fitted,
        criterion: Criterion::Rule,
        reason: Reason::FewPoints { n, rule },
    })
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::date::Date;
    use crate::indicator::Unit;
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
                assert_eq!(tests, 6);
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
