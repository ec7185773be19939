//! Messages about rows and stored data, composed from the catalogue.

use dxcast_app::dataset::{Dataset, RowError, RowProblem, Table};
use dxcast_app::import::{FileProblem, Format, MAX_BYTES, MAX_ROWS};
use dxcast_app::lang::{DateProblem, Lang};
use dxcast_app::scenarios::ScenarioProblem;
use dxcast_app::share::{
    LinkExpected, LinkProblem, MAX_COMPARED, MAX_QUERY, RATE_RANGE, SHOCK_RANGE, VALUE_LIMIT, YEARS,
};
use dxcast_app::storage::{SaveProblem, StoreProblem};
use dxcast_core::choice::{Reason, Rule};
use dxcast_core::csv::Delimiter;
use dxcast_core::{Bounds, Date, Unit};

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
        RowProblem::AfterToday(today) => tf(lang, K::ErrAfterToday, &[&format::date(*today, lang)]),
        RowProblem::NumberForm => t(lang, K::ErrNumberForm).to_string(),
        RowProblem::AmbiguousNumber(n) => tf(
            lang,
            K::ErrAmbiguousNumber,
            &[n, &n.replace('.', ""), &n.replace('.', ",")],
        ),
        RowProblem::Date(p) => date_problem(lang, *p),
        RowProblem::NoteInOneLanguage => t(lang, K::ErrNoteInOneLanguage).to_string(),
        RowProblem::QuoteWithoutGloss => t(lang, K::ErrQuoteWithoutGloss).to_string(),
    }
}

/// Why a typed date does not read, with the language's form and an example
/// of it.
#[must_use]
pub fn date_problem(lang: Lang, p: DateProblem) -> String {
    match p {
        DateProblem::Form => {
            let example =
                Date::from_ymd(2024, 12, 31).map_or_else(|_| String::new(), |d| lang.date_text(d));
            tf(lang, K::DateForm, &[&example])
        }
        DateProblem::NoSuchDay => t(lang, K::DateNoSuchDay).to_string(),
    }
}

/// A date field's error: its label, then why its text does not read; `None`
/// for an empty field or one that reads.
#[must_use]
pub fn date_field_error(lang: Lang, label: &str, text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return None;
    }
    let p = lang.read_date(text).err()?;
    Some(tf(lang, K::FieldError, &[label, &date_problem(lang, p)]))
}

/// A size in bytes, for reading: "850 byte", "12 KB", "2 MB", "5,2 MB".
#[must_use]
pub fn size(lang: Lang, bytes: usize) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        tf(lang, K::SizeBytes, &[&bytes.to_string()])
    } else if b < KB * KB {
        // KB and MB are the same symbols in both languages.
        format!("{} KB", format::plain((b / KB).round(), lang))
    } else {
        let mb = (b / (KB * KB) * 10.0).round() / 10.0;
        format!("{} MB", format::plain(mb, lang))
    }
}

/// Why a document was not saved (nothing was changed), in `lang`.
#[must_use]
pub fn save_problem(lang: Lang, p: &SaveProblem) -> String {
    match p {
        SaveProblem::Full { bytes } => tf(lang, K::SaveFull, &[&size(lang, *bytes)]),
        SaveProblem::Unavailable => t(lang, K::SaveUnavailable).to_string(),
        SaveProblem::KeptInPlace => t(lang, K::SaveKeptInPlace).to_string(),
        SaveProblem::ChangedUnreadable => t(lang, K::SaveChangedUnreadable).to_string(),
        SaveProblem::Refused => t(lang, K::SaveRefused).to_string(),
    }
}

/// How an imported file was read, when not as dxcast writes it (commas,
/// decimal points): "Read with semicolons between the columns and decimal
/// commas."
#[must_use]
pub fn read_as(lang: Lang, f: Format) -> Option<String> {
    if f.delimiter == Delimiter::Comma && !f.decimal_comma {
        return None;
    }
    let delimiter = match f.delimiter {
        Delimiter::Semicolon => K::DelimiterSemicolon,
        Delimiter::Tab => K::DelimiterTab,
        _ => K::DelimiterComma,
    };
    let decimal = if f.decimal_comma {
        t(lang, K::ImportDecimalComma)
    } else {
        ""
    };
    Some(tf(lang, K::ImportReadAs, &[t(lang, delimiter), decimal]))
}

/// Why a file cannot be imported, and what to change: its size, the line
/// past the row limit, or the header's first wrong column with the
/// columns the table needs.
#[must_use]
pub fn file_problem(lang: Lang, table: Table, p: &FileProblem) -> Vec<String> {
    let limit = size(lang, MAX_BYTES);
    match p {
        FileProblem::TooLarge { bytes } => {
            vec![tf(lang, K::ImportTooLarge, &[&size(lang, *bytes), &limit])]
        }
        FileProblem::TooManyRows { line } => vec![tf(
            lang,
            K::ImportTooManyRows,
            &[&line.to_string(), &format::plain(MAX_ROWS as f64, lang)],
        )],
        FileProblem::Header(h) => {
            let (line, column) = (h.line.to_string(), h.column.to_string());
            let first = match (&h.found, h.expected) {
                (Some(found), Some(expected)) => tf(
                    lang,
                    K::ImportHeaderFound,
                    &[&line, &column, found, expected.code()],
                ),
                (None, Some(expected)) => tf(
                    lang,
                    K::ImportHeaderMissing,
                    &[&line, &column, expected.code()],
                ),
                (found, None) => tf(
                    lang,
                    K::ImportHeaderExtra,
                    &[
                        &line,
                        &column,
                        found.as_deref().unwrap_or(""),
                        self::table(lang, table),
                    ],
                ),
            };
            let columns: Vec<&str> = table.columns().iter().map(|c| c.code()).collect();
            let hint = tf(
                lang,
                K::ImportHeaderHint,
                &[self::table(lang, table), &columns.join(", ")],
            );
            vec![first, hint]
        }
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
        Table::Indicators => K::TableIndicators.text(lang),
        Table::Observations => K::TableObservations.text(lang),
        Table::Targets => K::TableTargets.text(lang),
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

/// The heading over a link's problems: parameters that could not be read
/// (their defaults are used), or only flags about the view it gives.
#[must_use]
pub fn link_heading(lang: Lang, problems: &[LinkProblem]) -> &'static str {
    let flag = |p: &LinkProblem| {
        matches!(
            p.expected,
            Some(LinkExpected::TargetInBounds(_) | LinkExpected::DeadlineAfter(_))
        )
    };
    if problems.iter().all(flag) {
        t(lang, K::LinkFlags)
    } else {
        t(lang, K::LinkProblems)
    }
}

/// A parameter of a shared link that could not be read, and what it should
/// be: for the method, the core's reason ([`dxcast_core::ModelSpec`]); for
/// a number or a date, its range; for a target the indicator cannot judge,
/// why.
#[must_use]
pub fn link_problem(lang: Lang, p: &LinkProblem) -> String {
    let Some(x) = p.expected else {
        return tf(lang, K::LinkUnknown, &[&p.key]);
    };
    let plain = |v: f64| format::plain(v, lang);
    let problem = |what: String| tf(lang, K::LinkProblem, &[&p.key, &p.value, &what]);
    let key = match x {
        LinkExpected::Shorter { length } => {
            return tf(
                lang,
                K::LinkTooLong,
                &[&plain(length as f64), &plain(MAX_QUERY as f64)],
            )
        }
        LinkExpected::FewerCompared => {
            return problem(tf(
                lang,
                K::ExpectedFewerCompared,
                &[&MAX_COMPARED.to_string()],
            ))
        }
        LinkExpected::RateInRange => {
            return problem(tf(
                lang,
                K::ExpectedRateRange,
                &[&plain(*RATE_RANGE.start()), &plain(*RATE_RANGE.end())],
            ))
        }
        LinkExpected::ShockInRange => {
            return problem(tf(
                lang,
                K::ExpectedShockRange,
                &[&plain(*SHOCK_RANGE.start()), &plain(*SHOCK_RANGE.end())],
            ))
        }
        LinkExpected::ValueInRange => {
            return problem(tf(lang, K::ExpectedValueRange, &[&plain(VALUE_LIMIT)]))
        }
        LinkExpected::DateInRange => {
            return problem(tf(
                lang,
                K::ExpectedDateRange,
                &[&YEARS.start().to_string(), &YEARS.end().to_string()],
            ))
        }
        LinkExpected::TargetInBounds(b) => {
            let unit = if b == Bounds::PERCENT {
                Unit::Percent
            } else {
                Unit::Count
            };
            return tf(
                lang,
                K::LinkTargetOutside,
                &[&p.key, &p.value, &bounds(lang, b, unit)],
            );
        }
        LinkExpected::DeadlineAfter(first) => {
            return tf(
                lang,
                K::LinkDeadlineBefore,
                &[&p.key, &p.value, &format::date(first, lang)],
            )
        }
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

    /// Links out of range, too long, or with targets the indicator cannot
    /// judge: each message names the parameter and what was expected, in
    /// the app's words (a growth of 1e308 used to reach the user as the
    /// core's English "not a finite number (NaN or infinity)").
    #[test]
    fn link_limits_and_flags_in_words() {
        let (_, p) = share::parse("g=1e308@2024-01-01&h=2299-01-01&t=1e300@2030-01-01");
        assert_eq!(
            link_problem(Lang::En, &p[0]),
            "“g=1e308@2024-01-01”: expected a growth rate from −100 to 100 (% or percentage points, a year or a month as the link says)"
        );
        assert_eq!(
            link_problem(Lang::Vi, &p[1]),
            "«h=2299-01-01»: cần ngày trong các năm 2000–2100"
        );
        assert!(link_problem(Lang::En, &p[2])
            .starts_with("“t=1e300@2030-01-01”: expected a target value no larger than"));
        let long = format!("n={}", "a".repeat(share::MAX_QUERY));
        let (_, p) = share::parse(&long);
        assert_eq!(
            link_problem(Lang::En, &p[0]),
            "This link has 32,770 characters, over the limit of 32,768: it was not read, and the default view is shown."
        );
        let (v, _) = share::parse("t=-5@2025-12-31@ge&c=A|t:50@2019-01-01@ge");
        let first = dxcast_core::Date::from_ymd(2022, 9, 30).unwrap();
        let flags = share::check(&v, Bounds::PERCENT, Some(first));
        assert_eq!(
            link_problem(Lang::En, &flags[0]),
            "“t=-5@2025-12-31@ge”: the target lies outside the indicator's bounds (0% – 100%), so it is assessed as “target outside the bounds”"
        );
        assert_eq!(
            link_problem(Lang::Vi, &flags[1]),
            "«c=A|t:50@2019-01-01@ge»: hạn đến trước số liệu đầu tiên (30/9/2022), nên không xu hướng nào đánh giá được: tình trạng là «số liệu đã cũ»"
        );
        assert_eq!(link_heading(Lang::En, &flags), "About this link:");
        assert_eq!(link_heading(Lang::En, &p), t(Lang::En, K::LinkProblems));
    }

    /// A save the browser refused is said in the app's words with the
    /// size that did not fit, never in the browser's own English.
    #[test]
    fn save_problems_and_sizes_in_words() {
        assert_eq!(size(Lang::Vi, 900), "900 byte");
        assert_eq!(size(Lang::En, 12_800), "13 KB");
        assert_eq!(size(Lang::Vi, 5_452_595), "5,2 MB");
        assert_eq!(size(Lang::En, 2 * 1024 * 1024), "2 MB");
        assert_eq!(
            save_problem(Lang::En, &SaveProblem::Full { bytes: 5_452_595 }),
            "This browser's storage for the app is full: 5.2 MB of data did not fit. Nothing was changed, and what was saved before is intact. Delete some rows or scenarios, or export your data to a file."
        );
        for p in [
            SaveProblem::Unavailable,
            SaveProblem::KeptInPlace,
            SaveProblem::ChangedUnreadable,
            SaveProblem::Refused,
        ] {
            for lang in Lang::ALL {
                let text = save_problem(lang, &p);
                assert!(!text.is_empty() && !text.contains('{'), "{text}");
            }
        }
    }

    /// An import's file problems say what to change: the size and the
    /// limit, the line past the row limit, the header's wrong column and
    /// the columns expected; and how a file from Excel was read.
    #[test]
    fn import_problems_say_what_to_change() {
        use dxcast_app::import::{plan, HeaderProblem};
        let d = Dataset::builtin().unwrap();
        let today = dxcast_core::Date::from_ymd(2026, 11, 22).unwrap();
        assert_eq!(
            file_problem(Lang::En, Table::Observations, &FileProblem::TooLarge { bytes: 5_452_595 }),
            ["The text has 5.2 MB, over the limit of 2 MB for one import: nothing was imported. Split it into smaller parts."]
        );
        assert_eq!(
            file_problem(Lang::Vi, Table::Observations, &FileProblem::TooManyRows { line: 10_002 }),
            ["Dòng 10002: tệp có hơn 10.000 dòng, giới hạn của một lần nhập: chưa nhập gì. Hãy chia thành nhiều tệp nhỏ hơn."]
        );
        let h = FileProblem::Header(HeaderProblem {
            line: 1,
            column: 3,
            found: Some("status".into()),
            expected: Some(Field::Period),
        });
        assert_eq!(
            file_problem(Lang::En, Table::Targets, &h),
            [
                "Line 1, column 3: the header says “status” where “period” is expected.",
                "The first line must name the columns of the targets table, in this order: id, indicator, period, comparison, value, stated, report, quote, note, quote_en, note_vi. Download a template below to get this line."
            ]
        );
        let p = plan(
            "id;indicator;period;status;qualifier;value;stated;denominator;report;quote;note
x;ndxp_tx;2024;observed;exact;1,5;1,5;;m;;
",
            &d,
            today,
        );
        assert_eq!(
            read_as(Lang::Vi, p.format).as_deref(),
            Some("Đã đọc tệp với dấu chấm phẩy giữa các cột và dấu phẩy thập phân.")
        );
        assert_eq!(read_as(Lang::En, Format::default()), None);
        assert_eq!(
            problem(Lang::En, &RowProblem::AfterToday(today)),
            "the period starts after today (22 Nov 2026): no figure can exist for it yet; a target belongs in the targets table"
        );
        assert_eq!(
            problem(Lang::Vi, &RowProblem::AmbiguousNumber("1.234".into())),
            "«1.234» đọc được hai cách: viết 1234 nếu là số nghìn, hoặc 1,234 nếu là số thập phân"
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

    #[test]
    fn a_date_field_that_does_not_read_names_itself_and_the_form() {
        assert_eq!(
            date_field_error(Lang::Vi, "Từ ngày", "2024/12/31").as_deref(),
            Some("Từ ngày: cần một ngày dạng ngày/tháng/năm, như 31/12/2024")
        );
        assert_eq!(
            date_field_error(Lang::En, "From", "31/12/2024").as_deref(),
            Some("From: expected a date as YYYY-MM-DD, such as 2024-12-31")
        );
        assert_eq!(
            date_field_error(Lang::Vi, "Vào ngày", "31/2/2025").as_deref(),
            Some("Vào ngày: lịch không có ngày này")
        );
        assert_eq!(date_field_error(Lang::Vi, "Từ ngày", "31/12/2024"), None);
        assert_eq!(date_field_error(Lang::En, "From", " "), None);
    }
}
