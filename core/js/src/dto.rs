//! The shapes that cross to JavaScript, where the core's own serde derives
//! do not give them: method settings, explanations with their notation,
//! rankings, claims and figures. Conversions to and from the core's types
//! live here; the core knows nothing of them.

use dxcast_core::analytics::{Quantity, TargetAnalysis};
use dxcast_core::choice::{Choice, Criterion, Reason, Rule};
use dxcast_core::claim::{Check, Interval, Unchecked};
use dxcast_core::trend::{Cap, Damping, Initial, Smoothing, StepLength};
use dxcast_core::{
    Bounds, Claim, ClaimKind, Date, Error, Explanation, Figure, Formula, Holt, LinearTrend,
    LogLinearTrend, LogisticTrend, MeasureKind, Method, Model, Period, Point, PolynomialTrend,
    Qualifier, Symbol, Unit, Verdict,
};
use serde::{Deserialize, Serialize};

/// A series as JavaScript gives it: ISO dates and values side by side.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SeriesIn {
    pub(crate) dates: Vec<Date>,
    pub(crate) values: Vec<f64>,
    #[serde(default = "no_bounds")]
    pub(crate) bounds: Bounds,
    #[serde(default = "stock")]
    pub(crate) kind: MeasureKind,
    #[serde(default = "count")]
    pub(crate) unit: Unit,
}

fn no_bounds() -> Bounds {
    Bounds::NONE
}

fn stock() -> MeasureKind {
    MeasureKind::Stock
}

fn count() -> Unit {
    Unit::Count
}

impl SeriesIn {
    /// The points, or an error when dates and values differ in number.
    pub(crate) fn points(&self) -> Result<Vec<Point>, Error> {
        if self.dates.len() != self.values.len() {
            return Err(Error::InvalidArgument {
                name: "values",
                expected: "as many values as dates",
            });
        }
        Ok(self
            .dates
            .iter()
            .zip(&self.values)
            .map(|(d, v)| Point::new(*d, *v))
            .collect())
    }
}

/// A method and its settings; a setting left out is fitted (or the
/// method's default).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct MethodSpec {
    pub(crate) method: Option<Method>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) degree: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) alpha: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) beta: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) phi: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) initial_level: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) initial_trend: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) step_days: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) cap: Option<f64>,
}

impl MethodSpec {
    /// The core's model.
    pub(crate) fn model(&self) -> Result<Model, Error> {
        let method = self.method.ok_or(Error::InvalidArgument {
            name: "method",
            expected: "one of linear, polynomial, logLinear, logistic, holt, dampedHolt",
        })?;
        Ok(match method {
            Method::Linear => Model::Linear(LinearTrend::new()),
            Method::Polynomial => {
                Model::Polynomial(PolynomialTrend::new(self.degree.unwrap_or(2))?)
            }
            Method::LogLinear => Model::LogLinear(LogLinearTrend::new()),
            Method::Logistic => Model::Logistic(match self.cap {
                Some(k) => LogisticTrend::with_cap(k)?,
                None => LogisticTrend::fitted_cap(),
            }),
            Method::Holt | Method::DampedHolt => {
                let mut h = match (self.alpha, self.beta) {
                    (None, None) => Holt::new(),
                    (Some(a), Some(b)) => Holt::with_params(a, b)?,
                    _ => {
                        return Err(Error::InvalidArgument {
                            name: "alpha",
                            expected: "alpha and beta both given, or both left out to fit them",
                        })
                    }
                };
                if method == Method::DampedHolt {
                    h = match self.phi {
                        Some(phi) => h.with_damping(phi)?,
                        None => h.damped(),
                    };
                }
                if let Some(level) = self.initial_level {
                    h = h.with_initial(level, self.initial_trend.unwrap_or(f64::NAN))?;
                }
                if let Some(days) = self.step_days {
                    h = h.with_step_days(days)?;
                }
                Model::Holt(h)
            }
            _ => {
                return Err(Error::InvalidArgument {
                    name: "method",
                    expected: "a method this package knows",
                })
            }
        })
    }

    /// The settings of a core model.
    pub(crate) fn of(model: &Model) -> MethodSpec {
        let mut s = MethodSpec {
            method: Some(model.method()),
            ..MethodSpec::default()
        };
        match model {
            Model::Polynomial(p) => s.degree = Some(p.degree()),
            Model::Logistic(t) => {
                if let Cap::Given(k) = t.cap() {
                    s.cap = Some(k);
                }
            }
            Model::Holt(h) => {
                if let Smoothing::Given { alpha, beta } = h.smoothing() {
                    (s.alpha, s.beta) = (Some(alpha), Some(beta));
                }
                if let Damping::Given(phi) = h.damping() {
                    s.phi = Some(phi);
                }
                if let Initial::Known { level, trend } = h.initial() {
                    (s.initial_level, s.initial_trend) = (Some(level), Some(trend));
                }
                if let StepLength::Days(d) = h.step() {
                    s.step_days = Some(d);
                }
            }
            _ => {}
        }
        s
    }
}

/// One term of an explanation.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct TermOut {
    symbol: Symbol,
    code: &'static str,
    notation: &'static str,
    value: f64,
    unit: Option<Unit>,
}

/// An explanation with its formula's expression and the symbols' notation.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ExplanationOut {
    formula: Formula,
    expression: &'static str,
    result: f64,
    terms: Vec<TermOut>,
}

impl From<&Explanation> for ExplanationOut {
    fn from(e: &Explanation) -> ExplanationOut {
        ExplanationOut {
            formula: e.formula,
            expression: e.formula.expression(),
            result: e.result,
            terms: e
                .terms
                .iter()
                .map(|t| TermOut {
                    symbol: t.symbol,
                    code: t.symbol.code(),
                    notation: t.symbol.notation(),
                    value: t.value,
                    unit: t.unit,
                })
                .collect(),
        }
    }
}

/// A fitted method's summary.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FitOut {
    pub(crate) method: Method,
    pub(crate) spec: MethodSpec,
    pub(crate) params: usize,
    pub(crate) points: usize,
    pub(crate) sse: f64,
    pub(crate) fitted: Vec<f64>,
    pub(crate) explanation: ExplanationOut,
}

/// The explanations of a target analysis, one per quantity.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AnalysisExplanations {
    projected: ExplanationOut,
    attainment: ExplanationOut,
    gap: ExplanationOut,
    required: ExplanationOut,
    reach_date: ExplanationOut,
    probability: ExplanationOut,
    status: ExplanationOut,
}

/// A target analysis and how each quantity was computed.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AnalysisOut {
    #[serde(flatten)]
    analysis: TargetAnalysis,
    explanations: AnalysisExplanations,
}

impl AnalysisOut {
    pub(crate) fn new(a: TargetAnalysis, unit: Unit, bounds: Bounds) -> Result<AnalysisOut, Error> {
        let e = |q| a.explain(q, unit, bounds).map(|e| ExplanationOut::from(&e));
        Ok(AnalysisOut {
            explanations: AnalysisExplanations {
                projected: e(Quantity::Projected)?,
                attainment: e(Quantity::Attainment)?,
                gap: e(Quantity::Gap)?,
                required: e(Quantity::Required)?,
                reach_date: e(Quantity::ReachDate)?,
                probability: e(Quantity::Probability)?,
                status: e(Quantity::Status)?,
            },
            analysis: a,
        })
    }
}

/// One ranked method.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RankedOut {
    spec: MethodSpec,
    score: Option<f64>,
}

/// Why the first method was chosen.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ReasonOut {
    kind: &'static str,
    mape: Option<f64>,
    runner_up: Option<f64>,
    tests: Option<usize>,
    n: Option<usize>,
    rule: Option<&'static str>,
}

/// The ranked methods.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ChoiceOut {
    ranked: Vec<RankedOut>,
    criterion: Criterion,
    reason: ReasonOut,
    explanation: ExplanationOut,
}

impl ChoiceOut {
    pub(crate) fn new(c: &Choice) -> Result<ChoiceOut, Error> {
        let none = ReasonOut {
            kind: "",
            mape: None,
            runner_up: None,
            tests: None,
            n: None,
            rule: None,
        };
        let reason = match c.reason {
            Reason::LowestOneStepError {
                mape,
                runner_up,
                tests,
            } => ReasonOut {
                kind: "lowestOneStepError",
                mape: Some(mape),
                runner_up,
                tests: Some(tests),
                ..none
            },
            Reason::FewPoints { n, rule } => ReasonOut {
                kind: "fewPoints",
                n: Some(n),
                rule: Some(match rule {
                    Rule::BoundedShare => "boundedShare",
                    Rule::CautiousLine => "cautiousLine",
                }),
                ..none
            },
            Reason::OnlyOne { n } => ReasonOut {
                kind: "onlyOne",
                n: Some(n),
                ..none
            },
        };
        Ok(ChoiceOut {
            ranked: c
                .ranked
                .iter()
                .map(|r| RankedOut {
                    spec: MethodSpec::of(&r.model),
                    score: r.score,
                })
                .collect(),
            criterion: c.criterion,
            reason,
            explanation: ExplanationOut::from(&c.explain()?),
        })
    }
}

/// A figure as JavaScript states it: report text ("806 triệu"), a value
/// with its precision, or the ends of an interval.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FigureIn {
    text: Option<String>,
    value: Option<f64>,
    precision: Option<f64>,
    qualifier: Option<Qualifier>,
    lo: Option<f64>,
    hi: Option<f64>,
    period: Option<Period>,
}

impl FigureIn {
    fn figure(&self) -> Result<Figure, Error> {
        let q = self.qualifier.unwrap_or(Qualifier::Exact);
        let f = match (&self.text, self.value, self.lo, self.hi) {
            (Some(t), None, None, None) => Figure::parse(t, q)?,
            (None, Some(v), None, None) => Figure::stated(v, self.precision.unwrap_or(0.0), q)?,
            (None, None, lo, hi) if lo.is_some() || hi.is_some() => {
                Figure::between(lo.unwrap_or(f64::NEG_INFINITY), hi.unwrap_or(f64::INFINITY))?
            }
            _ => {
                return Err(Error::InvalidArgument {
                    name: "figure",
                    expected: "one of text, value (with precision), or lo and hi",
                })
            }
        };
        Ok(match self.period {
            Some(p) => f.during(p),
            None => f,
        })
    }
}

/// A claim: what is derived, its period, the stated figure and the inputs
/// (`null` for one the report does not give).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ClaimIn {
    kind: ClaimKind,
    period: Option<Period>,
    stated: Option<FigureIn>,
    #[serde(default)]
    inputs: Vec<Option<FigureIn>>,
}

impl ClaimIn {
    pub(crate) fn claim(&self) -> Result<Claim, Error> {
        let stated = self.stated.as_ref().map(FigureIn::figure).transpose()?;
        let mut claim = Claim::new(self.kind, stated);
        claim.period = self.period;
        for input in &self.inputs {
            claim.push(input.as_ref().map(FigureIn::figure).transpose()?)?;
        }
        Ok(claim)
    }
}

/// Why a claim could not be checked.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct UncheckedOut {
    kind: &'static str,
    index: Option<usize>,
}

/// The verdict on a claim.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CheckOut {
    verdict: Verdict,
    reason: Option<UncheckedOut>,
    stated: Option<Interval>,
    recomputed: Option<Interval>,
    explanation: ExplanationOut,
}

impl From<&Check> for CheckOut {
    fn from(c: &Check) -> CheckOut {
        let reason = c.reason.map(|r| {
            let (kind, index) = match r {
                Unchecked::MissingInput { index } => ("missingInput", Some(index)),
                Unchecked::Unbounded { index } => ("unbounded", Some(index)),
                Unchecked::MissingPeriod => ("missingPeriod", None),
                Unchecked::DivisorSpansZero { index } => ("divisorSpansZero", Some(index)),
                Unchecked::NothingStated => ("nothingStated", None),
                _ => ("other", None),
            };
            UncheckedOut { kind, index }
        });
        CheckOut {
            verdict: c.verdict,
            reason,
            stated: c.stated,
            recomputed: c.recomputed,
            explanation: ExplanationOut::from(&c.explanation),
        }
    }
}

/// A result with how it was computed.
#[derive(Debug, Serialize)]
pub(crate) struct Explained<T: Serialize> {
    #[serde(flatten)]
    pub(crate) value: T,
    pub(crate) explanation: ExplanationOut,
}

/// A period with its days.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PeriodOut {
    pub(crate) text: Period,
    pub(crate) start: Date,
    pub(crate) end: Date,
    pub(crate) kind: dxcast_core::PeriodKind,
    pub(crate) days: u32,
}

impl From<Period> for PeriodOut {
    fn from(p: Period) -> PeriodOut {
        PeriodOut {
            text: p,
            start: p.start(),
            end: p.end(),
            kind: p.kind(),
            days: p.days(),
        }
    }
}
