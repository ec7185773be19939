//! Messages about rows and stored data, composed from the catalogue.

use dxcast_core::{Bounds, Unit};

use crate::dataset::{Dataset, Problem, RowError, Table};
use crate::format;
use crate::i18n::{expected, t, tf, Lang, K};
use crate::storage;

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
pub fn problem(lang: Lang, p: &Problem) -> String {
    match p {
        Problem::Core(english) => expected(lang, english).to_string(),
        Problem::UnknownIndicator(id) => tf(lang, K::ErrUnknownIndicator, &[id]),
        Problem::OutOfBounds {
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
        Problem::RepeatsLine { id, line } => tf(lang, K::ErrRepeatsLine, &[id, &line.to_string()]),
        Problem::DuplicateId(id) => tf(lang, K::ErrDuplicateId, &[id]),
        Problem::InUse(n) => tf(lang, K::ErrInUse, &[&n.to_string()]),
        Problem::Required => t(lang, K::Required).to_string(),
        Problem::NeedsStated => t(lang, K::ErrNeedsStated).to_string(),
    }
}

/// A row's error with its line and column: "Dòng 3, cột «period»: một ngày có thật".
#[must_use]
pub fn line_error(lang: Lang, e: &RowError) -> String {
    tf(
        lang,
        K::LineError,
        &[&e.line.to_string(), e.field, &problem(lang, &e.problem)],
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
pub fn recovery(lang: Lang, p: &storage::Problem) -> String {
    match p {
        storage::Problem::NotJson => t(lang, K::RecoveryNotJson).to_string(),
        storage::Problem::UnknownVersion(v) => tf(lang, K::RecoveryUnknownVersion, &[v]),
        storage::Problem::BadShape => t(lang, K::RecoveryBadShape).to_string(),
        storage::Problem::BadRows(rows) => tf(lang, K::RecoveryBadRows, &[&rows.len().to_string()]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_errors_name_line_and_column_in_both_languages() {
        let e = RowError {
            line: 3,
            field: "period",
            problem: Problem::Core("a date that exists"),
        };
        assert_eq!(
            line_error(Lang::Vi, &e),
            "Dòng 3, cột «period»: một ngày có thật"
        );
        assert_eq!(
            line_error(Lang::En, &e),
            "Line 3, column “period”: a date that exists"
        );
        let oob = Problem::OutOfBounds {
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
            Problem::UnknownIndicator("x".into()),
            Problem::RepeatsLine {
                id: "x".into(),
                line: 2,
            },
            Problem::DuplicateId("x".into()),
            Problem::InUse(2),
            Problem::Required,
            Problem::NeedsStated,
        ] {
            for lang in Lang::ALL {
                let text = problem(lang, &p);
                assert!(!text.is_empty() && !text.contains('{'), "{text}");
            }
        }
        assert_eq!(
            recovery(Lang::En, &storage::Problem::NotJson),
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
