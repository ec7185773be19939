//! Messages about rows and stored data, composed from the catalogue.

use dxcast_app::dataset::{Dataset, RowError, RowProblem, Table};
use dxcast_app::lang::Lang;
use dxcast_app::scenarios::ScenarioProblem;
use dxcast_app::share::{LinkExpected, LinkProblem};
use dxcast_app::storage::StoreProblem;
use dxcast_core::choice::{Reason, Rule};
use dxcast_core::{Bounds, Unit};

use crate::format;
use crate::i18n::errors::{error, expected};
use crate::i18n::{self, t, tf, K};

/// A value range as the bounds allow it: "0 – 100 %", "≥ 0".
#[must_use]
pub fn bounds(lang: Lang, b: Bounds, unit: Unit) -> String {
    match (b.min, b.max) {
        (Some(lo), Some(hi)) => format::range(lo, hi, Some(unit), lang),
        (Some(lo), None) => format!("≥ {}", format::value(lo, unit, lang)),
        (None, Some(hi)) => format!("≤ {}", format::value(hi, unit, lang)),
        (None, None) => "−∞ – ∞".to_string(),
    }
}

/// What is wrong, in `lang`.
#[must_use]
pub fn problem(lang: Lang, p: &RowProblem) -> String {
    match p {
        RowProblem::Expected(x) => expected(lang, *x).to_string(),
        RowProblem::Core(e) => error(lang, e),
        RowProblem::UnknownIndicator(id) => tf(lang, K::ErrUnknownIndicator, &[id]),
        RowProblem::OutOfBounds {
            value,
            bounds: b,
            unit,
        } => tf(
            lang,
            K::ErrOutOfBounds,
            &[
                &format::value(*value, *unit, lang),
                &bounds(lang, *b, *unit),
            ],
        ),
        RowProblem::RepeatsLine { id, line } => {
            tf(lang, K::ErrRepeatsLine, &[id, &line.to_string()])
        }
        RowProblem::DuplicateId(id) => tf(lang, K::ErrDuplicateId, &[id]),
        RowProblem::InUse(n) => tf(lang, K::ErrInUse, &[&n.to_string()]),
        RowProblem::Required => t(lang, K::Required).to_string(),
        RowProblem::NeedsStated => t(lang, K::ErrNeedsStated).to_string(),
    }
}

/// A row's error with its line and column: "Dòng 3, cột «period»: một ngày có thật".
#[must_use]
pub fn line_error(lang: Lang, e: &RowError) -> String {
    tf(
        lang,
        K::LineError,
        &[
            &e.line.to_string(),
            e.field.code(),
            &problem(lang, &e.problem),
        ],
    )
}

/// A table's name ("số liệu", "figures").
#[must_use]
pub const fn table(lang: Lang, table: Table) -> &'static str {
    match table {
        Table::Indicators => t(lang, K::TableIndicators),
        Table::Observations => t(lang, K::TableObservations),
        Table::Targets => t(lang, K::TableTargets),
    }
}

/// Where a figure comes from: a built-in report ("Báo cáo r001, tháng
/// 12/2022"; "Report r001: Digital government in 2022 …"), or the user's own
/// source id.
#[must_use]
pub fn source(lang: Lang, data: &Dataset, report: &str) -> String {
    match data.report(report) {
        Some(r) => match lang {
            Lang::Vi => tf(
                lang,
                K::ReportLabel,
                &[&r.id, &format::period(r.published, lang)],
            ),
            Lang::En => tf(lang, K::ReportLabel, &[&r.id, &r.title_en]),
        },
        None => tf(lang, K::EnteredByYou, &[report]),
    }
}

/// Why stored data could not be read.
#[must_use]
pub fn recovery(lang: Lang, p: &StoreProblem) -> String {
    match p {
        StoreProblem::NotJson => t(lang, K::RecoveryNotJson).to_string(),
        StoreProblem::UnknownVersion(v) => tf(lang, K::RecoveryUnknownVersion, &[v]),
        StoreProblem::BadShape => t(lang, K::RecoveryBadShape).to_string(),
        StoreProblem::BadRows(rows) => tf(lang, K::RecoveryBadRows, &[&rows.len().to_string()]),
    }
}

/// Why saved scenarios could not be read.
#[must_use]
pub fn scenario_recovery(lang: Lang, p: &ScenarioProblem) -> String {
    match p {
        ScenarioProblem::NotJson => t(lang, K::RecoveryNotJson).to_string(),
        ScenarioProblem::UnknownVersion(v) => tf(lang, K::RecoveryUnknownVersion, &[v]),
        ScenarioProblem::BadShape => t(lang, K::RecoveryBadShape).to_string(),
        ScenarioProblem::BadItems(n) => tf(lang, K::ScenarioBadItems, &[&n.to_string()]),
    }
}

/// A parameter of a shared link that could not be read, and what it should
/// be: for the method, the core's reason ([`dxcast_core::ModelSpec`]).
#[must_use]
pub fn link_problem(lang: Lang, p: &LinkProblem) -> String {
    let Some(x) = p.expected else {
        return tf(lang, K::LinkUnknown, &[&p.key]);
    };
    let key = match x {
        LinkExpected::Method(e) => {
            return match e.expected() {
                Some(x) => tf(lang, K::LinkProblem, &[&p.key, &p.value, expected(lang, x)]),
                None => tf(lang, K::LinkBad, &[&p.key, &p.value, &error(lang, &e)]),
            }
        }
        LinkExpected::Growth => K::ExpectedGrowth,
        LinkExpected::Shock => K::ExpectedShock,
        LinkExpected::Target => K::ExpectedTarget,
        LinkExpected::Date => K::ExpectedDate,
        LinkExpected::Compared => K::ExpectedCompared,
        LinkExpected::Rule => K::ExpectedRule,
        LinkExpected::Level => K::ExpectedLevel,
    };
    tf(lang, K::LinkProblem, &[&p.key, &p.value, t(lang, key)])
}

/// Why the core recommends the first method, in words: "Only 3 figures: a
/// straight line, …" or "Lowest one-step-ahead error (MAPE 3,2 %) over 4
/// held-out figures".
#[must_use]
pub fn reason(lang: Lang, r: &Reason, best: dxcast_core::Method) -> String {
    let pct = |v: f64| format::value(v, Unit::Percent, lang);
    match *r {
        Reason::LowestOneStepError {
            mape,
            runner_up,
            tests,
        } => {
            let mut text = tf(lang, K::ReasonOneStep, &[&pct(mape), &tests.to_string()]);
            if let Some(r) = runner_up {
                text.push_str(&tf(lang, K::ReasonRunnerUp, &[&pct(r)]));
            }
            text
        }
        Reason::FewPoints {
            n,
            rule: Rule::BoundedShare,
        } => tf(lang, K::ReasonBoundedShare, &[&n.to_string()]),
        Reason::FewPoints { n, .. } => tf(lang, K::ReasonCautious, &[&n.to_string()]),
        Reason::OnlyOne { n } => tf(
            lang,
            K::ReasonOnlyOne,
            &[&n.to_string(), i18n::method(lang, best)],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dxcast_app::share;
    use dxcast_core::{Expected, Field};

    #[test]
    fn reasons_and_link_problems_in_words() {
        let r = Reason::LowestOneStepError {
            mape: 3.2,
            runner_up: Some(5.14),
            tests: 4,
        };
        assert_eq!(
            reason(Lang::En, &r, dxcast_core::Method::Holt),
            "Lowest one-step-ahead error (MAPE 3.2%) over 4 held-out figures; the runner-up: MAPE 5.14%"
        );
        assert_eq!(
            reason(
                Lang::Vi,
                &Reason::FewPoints {
                    n: 3,
                    rule: Rule::CautiousLine
                },
                dxcast_core::Method::Linear
            ),
            "Chỉ có 3 số liệu: đường thẳng, cách ngoại suy thận trọng nhất; tăng trưởng hàm mũ là phương án thay thế"
        );
        assert_eq!(
            reason(
                Lang::En,
                &Reason::OnlyOne { n: 2 },
                dxcast_core::Method::Linear
            ),
            "Only one method fits 2 figures: Straight line"
        );
        let (_, problems) = share::parse("g=fast&zz=1");
        assert_eq!(
            link_problem(Lang::En, &problems[0]),
            "“g=fast”: expected rate@date@y or @m (a year, a month), such as 20@2024-04-30@y"
        );
        assert_eq!(
            link_problem(Lang::Vi, &problems[1]),
            "«zz»: không phải tham số của dxcast"
        );
        assert_eq!(
            scenario_recovery(Lang::En, &ScenarioProblem::BadItems(2)),
            "2 damaged scenarios were set aside."
        );
        // The method's problems are the core's, in words.
        let (_, problems) = share::parse("m=arima&m=holt%3Bbeta%3D0.1");
        assert_eq!(
            link_problem(Lang::Vi, &problems[0]),
            "«m=arima»: cần mã phương pháp: một trong linear, polynomial, log_linear, logistic, holt, damped_holt, gompertz"
        );
        assert_eq!(
            link_problem(Lang::En, &problems[1]),
            "“m=holt;beta=0.1”: expected alpha and beta both given, or both left out to fit them"
        );
    }

    #[test]
    fn row_errors_name_line_and_column_in_both_languages() {
        let e = RowError {
            line: 3,
            field: Field::Period,
            problem: RowProblem::Expected(Expected::ExistingDate),
        };
        assert_eq!(
            line_error(Lang::Vi, &e),
            "Dòng 3, cột «period»: một ngày có thật"
        );
        assert_eq!(
            line_error(Lang::En, &e),
            "Line 3, column “period”: a date that exists"
        );
        let oob = RowProblem::OutOfBounds {
            value: 120.0,
            bounds: Bounds::PERCENT,
            unit: Unit::Percent,
        };
        assert_eq!(
            problem(Lang::Vi, &oob),
            "giá trị 120 % nằm ngoài giới hạn của chỉ tiêu (0 % – 100 %)"
        );
        assert_eq!(bounds(Lang::En, Bounds::NON_NEGATIVE, Unit::Count), "≥ 0");
        for p in [
            RowProblem::UnknownIndicator("x".into()),
            RowProblem::RepeatsLine {
                id: "x".into(),
                line: 2,
            },
            RowProblem::DuplicateId("x".into()),
            RowProblem::InUse(2),
            RowProblem::Required,
            RowProblem::NeedsStated,
            RowProblem::Core(dxcast_core::Error::Empty {
                what: Field::Series,
            }),
        ] {
            for lang in Lang::ALL {
                let text = problem(lang, &p);
                assert!(!text.is_empty() && !text.contains('{'), "{text}");
            }
        }
        assert_eq!(
            recovery(Lang::En, &StoreProblem::NotJson),
            t(Lang::En, K::RecoveryNotJson)
        );
        assert_eq!(table(Lang::Vi, Table::Observations), "số liệu");
        let d = Dataset::builtin().unwrap();
        assert_eq!(source(Lang::Vi, &d, "r001"), "Báo cáo r001, tháng 12/2022");
        assert_eq!(
            source(Lang::En, &d, "r001"),
            "Report r001: Digital government in 2022 and targets for 2023 and 2025"
        );
        assert_eq!(
            source(Lang::En, &d, "mine"),
            "Entered by you (source “mine”)"
        );
    }
}
