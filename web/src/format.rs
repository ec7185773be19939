//! Numbers, dates and periods written in the interface language.
//!
//! Numbers go through the core's [`Compact`] and [`Grouped`] ("860 triệu",
//! "52,8 %" in Vietnamese; "860 million", "52.8%" in English). Dates are
//! d/m/yyyy in Vietnamese ("8/12/2022") and "8 Dec 2022" in English.

use dxcast_core::number::{Compact, Grouped};
use dxcast_core::{Date, Period, PeriodKind, Unit};

use crate::i18n::{tf, Lang, K};

/// English month abbreviations.
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_en(m: u32) -> &'static str {
    MONTHS_EN
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// How a figure is written: in a unit, in percentage points, or as a plain number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// In a unit.
    Unit(Unit),
    /// In percentage points.
    Points,
    /// In percentage points a year.
    PointsPerYear,
    /// A value in a unit per day (a daily rate).
    PerDay(Unit),
    /// A fraction from 0 to 1, written as a percentage (a probability).
    Fraction,
    /// A plain number.
    Plain,
}

/// `v` written as `measure` says; "(không có)" / "(not given)" for NaN (a
/// value no report gives).
#[must_use]
pub fn measured(v: f64, measure: Measure, lang: Lang) -> String {
    if v.is_nan() {
        return crate::i18n::t(lang, K::NotGiven).to_string();
    }
    match measure {
        Measure::Unit(u) => value(v, u, lang),
        Measure::Points => points(v, lang),
        Measure::PointsPerYear => tf(lang, K::PointsPerYear, &[&plain(v, lang)]),
        Measure::PerDay(u) => tf(lang, K::PerDay, &[&value(v, u, lang)]),
        Measure::Fraction => value(100.0 * v, Unit::Percent, lang),
        Measure::Plain => plain(v, lang),
    }
}

/// A closed range written as `measure` says.
#[must_use]
pub fn measured_range(lo: f64, hi: f64, measure: Measure, lang: Lang) -> String {
    let (a, b) = (measured(lo, measure, lang), measured(hi, measure, lang));
    if a == b {
        a
    } else {
        format!("{a} – {b}")
    }
}

/// A value in its unit, for reading: "860 triệu", "1,276 tỷ", "52,8 %".
#[must_use]
pub fn value(v: f64, unit: Unit, lang: Lang) -> String {
    Compact::new(v, unit, lang.locale()).to_string()
}

/// A value with an optional unit; a plain number (up to four significant
/// digits, grouped) without one.
#[must_use]
pub fn value_in(v: f64, unit: Option<Unit>, lang: Lang) -> String {
    match unit {
        Some(u) => value(v, u, lang),
        None => plain(v, lang),
    }
}

/// A plain number: integers grouped in full, others with up to four
/// significant digits ("365", "58.397.139", "4,778").
#[must_use]
pub fn plain(v: f64, lang: Lang) -> String {
    if v.is_finite() && v == v.round() {
        return Grouped::new(v, 0, lang.locale()).to_string();
    }
    Compact::new(v, Unit::Mbps, lang.locale())
        .to_string()
        .trim_end_matches(" Mbps")
        .to_string()
}

/// A change in percentage points: "2,8 điểm %", "2.8 points".
#[must_use]
pub fn points(v: f64, lang: Lang) -> String {
    tf(lang, K::Points, &[&plain(v, lang)])
}

/// A closed range of values: "2,355 triệu – 2,358 triệu".
#[must_use]
pub fn range(lo: f64, hi: f64, unit: Option<Unit>, lang: Lang) -> String {
    let (a, b) = (value_in(lo, unit, lang), value_in(hi, unit, lang));
    if a == b {
        a
    } else {
        format!("{a} – {b}")
    }
}

/// A date: "8/12/2022" or "8 Dec 2022".
#[must_use]
pub fn date(d: Date, lang: Lang) -> String {
    let (y, m, day) = d.ymd();
    match lang {
        Lang::Vi => format!("{day}/{m}/{y}"),
        Lang::En => format!("{day} {} {y}", month_en(m)),
    }
}

/// A period as a reader names it: "tháng 9/2022", "quý 3/2022", "năm 2022",
/// "1/1/2022 – 8/12/2022"; "Sep 2022", "Q3 2022", "2022", "1 Jan 2022 – 8 Dec 2022".
#[must_use]
pub fn period(p: Period, lang: Lang) -> String {
    let (y, m, _) = p.start().ymd();
    let q = m.div_ceil(3);
    match (p.kind(), lang) {
        (PeriodKind::Day, _) => date(p.start(), lang),
        (PeriodKind::Month, Lang::Vi) => format!("tháng {m}/{y}"),
        (PeriodKind::Month, Lang::En) => format!("{} {y}", month_en(m)),
        (PeriodKind::Quarter, Lang::Vi) => format!("quý {q}/{y}"),
        (PeriodKind::Quarter, Lang::En) => format!("Q{q} {y}"),
        (PeriodKind::Year, Lang::Vi) => format!("năm {y}"),
        (PeriodKind::Year, Lang::En) => format!("{y}"),
        (PeriodKind::Range, _) => format!("{} – {}", date(p.start(), lang), date(p.end(), lang)),
    }
}

/// A short date for an axis tick: a year ("2023"), or a month ("3/2023", "Mar 2023").
#[must_use]
pub fn tick_date(d: Date, month: bool, lang: Lang) -> String {
    let (y, m, _) = d.ymd();
    match (month, lang) {
        (false, _) => y.to_string(),
        (true, Lang::Vi) => format!("{m}/{y}"),
        (true, Lang::En) => format!("{} {y}", month_en(m)),
    }
}

/// Scale words a typed number may end with, longest first.
const SCALE_WORDS: [(&str, f64); 10] = [
    ("nghìn tỷ", 1e12),
    ("ngàn tỷ", 1e12),
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
    ("triệu", 1e6),
    ("tỷ", 1e9),
    ("nghìn", 1e3),
    ("ngàn", 1e3),
];

/// Whether the parts after the first of a number split at a separator are
/// all three digits long, and the first one to three: digit grouping.
fn grouped(parts: &[&str]) -> bool {
    parts.len() >= 2 && (1..=3).contains(&parts[0].len()) && parts[1..].iter().all(|p| p.len() == 3)
}

/// A number as someone types it into a field, in either language:
/// "2,5" or "2.5", "-10", "1.500.000.000", "1,5 tỷ", "860 million",
/// "1,500,000"; a trailing "%" is allowed. Where one separator could be
/// either, the language decides ("1.000" is a thousand in Vietnamese and
/// one in English); a lone separator that cannot be grouping is a decimal
/// mark in both. `None` for anything else.
#[must_use]
pub fn parse_number(text: &str, lang: Lang) -> Option<f64> {
    let mut t = text.trim().to_lowercase();
    if let Some(r) = t.strip_suffix('%') {
        t = r.trim_end().to_string();
    }
    let mut scale = 1.0;
    for (word, factor) in SCALE_WORDS {
        if let Some(r) = t.strip_suffix(word) {
            t = r.trim_end().to_string();
            scale = factor;
            break;
        }
    }
    let (negative, body) = match t.chars().next() {
        Some('-' | '−') => (true, t.chars().skip(1).collect::<String>()),
        Some('+') => (false, t.chars().skip(1).collect::<String>()),
        _ => (false, t.clone()),
    };
    let body: String = body
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let plain = match (dots, commas) {
        (0, 0) => body,
        (_, 0) | (0, _) => {
            let sep = if dots > 0 { '.' } else { ',' };
            let parts: Vec<&str> = body.split(sep).collect();
            let decimal_in_lang = matches!((lang, sep), (Lang::Vi, ',') | (Lang::En, '.'));
            if parts.len() == 2 && (decimal_in_lang || !grouped(&parts)) {
                body.replace(sep, ".")
            } else if grouped(&parts) {
                body.replace(sep, "")
            } else {
                return None;
            }
        }
        _ => {
            // Both: the last one is the decimal mark.
            let last_dot = body.rfind('.').unwrap_or(0);
            let last_comma = body.rfind(',').unwrap_or(0);
            let (decimal, group) = if last_dot > last_comma {
                ('.', ',')
            } else {
                (',', '.')
            };
            if body.matches(decimal).count() != 1 {
                return None;
            }
            body.replace(group, "").replace(decimal, ".")
        }
    };
    let v: f64 = plain.parse().ok()?;
    let v = if negative { -v } else { v } * scale;
    v.is_finite().then_some(v)
}

/// A number for a field, exactly (the shortest text that reads back to the
/// same number), with the language's decimal mark: "2,5" or "2.5".
#[must_use]
pub fn input_number(v: f64, lang: Lang) -> String {
    let s = format!("{v}");
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_in_either_language() {
        let vi = |s| parse_number(s, Lang::Vi);
        let en = |s| parse_number(s, Lang::En);
        assert_eq!(vi("2,5"), Some(2.5));
        assert_eq!(en("2.5"), Some(2.5));
        // A lone separator that cannot be grouping is a decimal mark anyway.
        assert_eq!(vi("2.5"), Some(2.5));
        assert_eq!(en("2,5"), Some(2.5));
        assert_eq!(vi("1.000"), Some(1000.0));
        assert_eq!(en("1.000"), Some(1.0));
        assert_eq!(en("1,000"), Some(1000.0));
        assert_eq!(vi("1.500.000.000"), Some(1.5e9));
        assert_eq!(en("1,500,000,000"), Some(1.5e9));
        assert_eq!(en("1,500,000.25"), Some(1_500_000.25));
        assert_eq!(vi("1.500.000,25"), Some(1_500_000.25));
        assert_eq!(vi("1,5 tỷ"), Some(1.5e9));
        assert_eq!(vi("860 triệu"), Some(860e6));
        assert_eq!(en("860 million"), Some(860e6));
        assert_eq!(vi("-10"), Some(-10.0));
        assert_eq!(vi("−3,5 %"), Some(-3.5));
        assert_eq!(en("+4"), Some(4.0));
        assert_eq!(vi("1 500 000"), Some(1.5e6));
        for bad in ["", "abc", "1.2.3", "1,2,3", "--1", "1e9", "1.2,3.4"] {
            assert_eq!(vi(bad), None, "{bad}");
            assert_eq!(en(bad), None, "{bad}");
        }
        for v in [2.5, -12.5, 0.1 + 0.2, 1.5e9, 860e6, 3.0] {
            for lang in Lang::ALL {
                assert_eq!(parse_number(&input_number(v, lang), lang), Some(v), "{v}");
            }
        }
    }

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(value(860e6, Unit::Count, Lang::Vi), "860 triệu");
        assert_eq!(value(860e6, Unit::Count, Lang::En), "860 million");
        assert_eq!(value(1.276e9, Unit::Count, Lang::Vi), "1,276 tỷ");
        assert_eq!(value(1.276e9, Unit::Count, Lang::En), "1.276 billion");
        assert_eq!(value(52.8, Unit::Percent, Lang::Vi), "52,8 %");
        assert_eq!(value(52.8, Unit::Percent, Lang::En), "52.8%");
        assert_eq!(plain(58_397_139.0, Lang::Vi), "58.397.139");
        assert_eq!(plain(365.0, Lang::En), "365");
        assert_eq!(plain(4.77777, Lang::Vi), "4,778");
        assert_eq!(points(2.8, Lang::Vi), "2,8 điểm %");
        assert_eq!(points(2.8, Lang::En), "2.8 points");
        assert_eq!(
            range(2.355_26e6, 2.358_19e6, Some(Unit::Count), Lang::Vi),
            "2,355 triệu – 2,358 triệu"
        );
        assert_eq!(
            range(859.6711e6, 860.7383e6, Some(Unit::Count), Lang::En),
            "859.7 million – 860.7 million"
        );
        assert_eq!(range(50.0, 50.0, Some(Unit::Percent), Lang::Vi), "50 %");
        assert_eq!(measured(f64::NAN, Measure::Plain, Lang::Vi), "(không có)");
        assert_eq!(
            measured(4.8, Measure::Unit(Unit::Times), Lang::Vi),
            "4,8 lần"
        );
        assert_eq!(
            measured_range(2.75, 2.85, Measure::Points, Lang::En),
            "2.75 points – 2.85 points"
        );
    }

    #[test]
    fn dates_and_periods() {
        assert_eq!(date(d(2022, 12, 8), Lang::Vi), "8/12/2022");
        assert_eq!(date(d(2022, 12, 8), Lang::En), "8 Dec 2022");
        let p = |s| Period::parse(s).unwrap();
        assert_eq!(period(p("2022-09"), Lang::Vi), "tháng 9/2022");
        assert_eq!(period(p("2022-09"), Lang::En), "Sep 2022");
        assert_eq!(period(p("2023-Q1"), Lang::Vi), "quý 1/2023");
        assert_eq!(period(p("2023-Q1"), Lang::En), "Q1 2023");
        assert_eq!(period(p("2022"), Lang::Vi), "năm 2022");
        assert_eq!(period(p("2022"), Lang::En), "2022");
        assert_eq!(period(p("2022-09-30"), Lang::Vi), "30/9/2022");
        assert_eq!(
            period(p("2022-01-01/2022-12-08"), Lang::Vi),
            "1/1/2022 – 8/12/2022"
        );
        assert_eq!(
            period(p("2022-01-01/2022-12-08"), Lang::En),
            "1 Jan 2022 – 8 Dec 2022"
        );
        assert_eq!(tick_date(d(2023, 3, 1), true, Lang::Vi), "3/2023");
        assert_eq!(tick_date(d(2023, 3, 1), true, Lang::En), "Mar 2023");
        assert_eq!(tick_date(d(2023, 1, 1), false, Lang::En), "2023");
    }
}
