//! Dates and periods in report text: the cue that says when a figure holds.
//!
//! | text | period |
//! |---|---|
//! | "tháng 9 năm 2022", "tháng 4/2024", "(11/2019)" | the month |
//! | "quý 1/2023", "Quý I/2024", "quý 3 năm 2022" | the quarter |
//! | "năm 2022", "cả năm 2021", "2023" (a bare year, 1900–2100) | the year |
//! | "ngày 20/11/2022", "20/11/2022", "ngày 8 tháng 12 năm 2022" | the day |
//! | "đến hết năm 2022", "cuối năm 2023", "tính đến hết quý 3/2022" | the last day of the period |
//! | "đầu năm 2021" | 1 January |
//! | "11 tháng đầu năm 2022", "9 tháng năm 2022" | 1 January to the end of the 11th (9th) month |
//! | "từ đầu năm 2022 đến ngày 8/12/2022", "từ 1/1 đến 8/12/2022" | the range |
//! | "từ đầu năm", "tính từ đầu năm 2022" | 1 January to the as-of date (when it falls in that year) |
//! | "đến nay", "hiện nay", "hiện tại", "hiện có", "hiện đã" | the as-of date |
//! | "giai đoạn 2022-2025", "2022–2025" | the years |
//! | "tháng 9", "quý 1", "ngày 20/11", "năm nay", "cuối năm" | as above, in the as-of date's year |
//!
//! Words are matched with or without diacritics ([`super::word`]). A cue is
//! read from its first word with a look-ahead of at most a dozen tokens; the
//! numbers it reads are not figures.

use super::scan::{Cursor, History, Kind, Token};
use super::word::Src;
use super::Span;
use crate::date::Date;
use crate::period::{Period, PeriodKind};

/// A part of the as-of date's year, for cues that name no year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// The whole year ("năm nay").
    Year,
    /// The year before ("năm ngoái").
    LastYear,
    /// 1 January ("đầu năm").
    Start,
    /// A month ("tháng 9").
    Month(u32),
    /// A quarter ("quý 1").
    Quarter(u32),
    /// A day (day, month: "ngày 20/11").
    Day(u32, u32),
    /// The first months ("11 tháng đầu năm").
    FirstMonths(u32),
}

/// A point in time as a cue states it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Point {
    /// A period the text gives in full.
    Fixed(Period),
    /// The as-of date ("đến nay").
    AsOf,
    /// A part of the as-of date's year; `true` for its last day only.
    ThisYear(Part, bool),
}

/// What a cue says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum When {
    /// A period or day.
    At(Point),
    /// From the start of the first to the end of the second.
    Between(Point, Point),
    /// From 1 January (of the given year, or the as-of date's) to the as-of date.
    YearToDate(Option<i32>),
}

/// A date or period found in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Cue {
    pub(crate) span: Span,
    pub(crate) when: When,
}

fn first_months(year: i32, n: u32) -> Option<Period> {
    let start = Date::from_ymd(year, 1, 1).ok()?;
    Period::range(start, Period::month(year, n).ok()?.end()).ok()
}

impl Part {
    fn resolve(self, y: i32) -> Option<Period> {
        match self {
            Part::Year => Period::year(y).ok(),
            Part::LastYear => Period::year(y.checked_sub(1)?).ok(),
            Part::Start => Date::from_ymd(y, 1, 1).ok().map(Period::day),
            Part::Month(m) => Period::month(y, m).ok(),
            Part::Quarter(q) => Period::quarter(y, q).ok(),
            Part::Day(d, m) => Date::from_ymd(y, m, d).ok().map(Period::day),
            Part::FirstMonths(n) => first_months(y, n),
        }
    }
}

impl Point {
    fn resolve(self, as_of: Option<Date>) -> Option<Period> {
        match self {
            Point::Fixed(p) => Some(p),
            Point::AsOf => as_of.map(Period::day),
            Point::ThisYear(part, last) => {
                let p = part.resolve(as_of?.year())?;
                Some(if last { Period::day(p.end()) } else { p })
            }
        }
    }

    /// The last day of the point.
    fn last_day(self) -> Point {
        match self {
            Point::Fixed(p) => Point::Fixed(Period::day(p.end())),
            Point::AsOf => Point::AsOf,
            Point::ThisYear(part, _) => Point::ThisYear(part, true),
        }
    }

    /// Whether the point is 1 January (the start of a year-to-date span),
    /// and of which year if the text says.
    fn new_year(self) -> Option<Option<i32>> {
        match self {
            Point::Fixed(p) if p.kind() == PeriodKind::Day => {
                let (y, m, d) = p.start().ymd();
                (m == 1 && d == 1).then_some(Some(y))
            }
            Point::ThisYear(Part::Start, false) | Point::ThisYear(Part::Day(1, 1), false) => {
                Some(None)
            }
            _ => None,
        }
    }
}

impl When {
    /// The period, with `as_of` for the cues that depend on it.
    pub(crate) fn period(self, as_of: Option<Date>) -> Option<Period> {
        match self {
            When::At(p) => p.resolve(as_of),
            When::Between(a, b) => {
                Period::range(a.resolve(as_of)?.start(), b.resolve(as_of)?.end()).ok()
            }
            When::YearToDate(year) => {
                let d = as_of?;
                if year.is_some_and(|y| y != d.year()) {
                    None
                } else {
                    Some(Period::year_to_date(d))
                }
            }
        }
    }
}

/// All ASCII digits, `min` to `max` of them.
fn digits(s: &str, min: usize, max: usize) -> Option<u32> {
    if s.len() < min || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.bytes().try_fold(0u32, |n, b| {
        n.checked_mul(10)?
            .checked_add(u32::from(b.wrapping_sub(b'0')))
    })
}

/// A four-digit year.
fn year(s: &str) -> Option<i32> {
    digits(s, 4, 4).and_then(|y| i32::try_from(y).ok())
}

/// A four-digit number that reads as a year when it stands alone (1900–2100).
pub(crate) fn bare_year(s: &str) -> Option<i32> {
    year(s).filter(|y| (1900..=2100).contains(y))
}

/// One or two digits from 1 to `max`.
fn small(s: &str, max: u32) -> Option<u32> {
    digits(s, 1, 2).filter(|n| (1..=max).contains(n))
}

/// `N/YYYY` with N from 1 to `max`.
fn n_year(s: &str, max: u32) -> Option<(u32, i32)> {
    let (n, y) = crate::slices::split_once(s, b'/')?;
    Some((small(n, max)?, year(y)?))
}

/// `M/YYYY`: a month.
pub(crate) fn month_year(s: &str) -> Option<(u32, i32)> {
    n_year(s, 12)
}

/// `D/M/YYYY`: a day.
pub(crate) fn dmy(s: &str) -> Option<Date> {
    let mut parts = crate::slices::split(s, b'/');
    let d = small(parts.next()?, 31)?;
    let m = small(parts.next()?, 12)?;
    let y = year(parts.next()?)?;
    if parts.next().is_some() {
        return None;
    }
    Date::from_ymd(y, m, d).ok()
}

/// `D/M`: a day and month.
fn dm(s: &str) -> Option<(u32, u32)> {
    let (d, m) = crate::slices::split_once(s, b'/')?;
    Some((small(d, 31)?, small(m, 12)?))
}

/// A quarter in Roman numerals.
fn roman(w: &str) -> Option<u32> {
    ["I", "II", "III", "IV"]
        .iter()
        .zip(1u32..)
        .find(|(r, _)| r.eq_ignore_ascii_case(w))
        .map(|(_, q)| q)
}

/// Reads a number token that `f` accepts.
fn num_as<T>(c: &mut Cursor<'_>, tight: bool, f: impl Fn(&str) -> Option<T>) -> Option<T> {
    let mut d = c.fork();
    let v = f(d.num(tight)?)?;
    *c = d;
    Some(v)
}

/// After "năm": a year, "nay", "ngoái", "trước".
fn after_year_word(c: &mut Cursor<'_>) -> Option<Point> {
    if let Some(y) = num_as(c, false, year) {
        return Period::year(y).ok().map(Point::Fixed);
    }
    if c.word("nay") {
        return Some(Point::ThisYear(Part::Year, false));
    }
    if c.word("ngoái") || c.word("trước") {
        return Some(Point::ThisYear(Part::LastYear, false));
    }
    None
}

/// An optional "năm YYYY" after a month or a quarter.
fn of_year(c: &mut Cursor<'_>) -> Option<i32> {
    let mut d = c.fork();
    if d.word("năm") {
        if let Some(y) = num_as(&mut d, false, year) {
            *c = d;
            return Some(y);
        }
    }
    None
}

/// After "ngày".
fn day(c: &mut Cursor<'_>) -> Option<Point> {
    if let Some(d) = num_as(c, false, dmy) {
        return Some(Point::Fixed(Period::day(d)));
    }
    if let Some((d, m)) = num_as(c, false, dm) {
        return Some(Point::ThisYear(Part::Day(d, m), false));
    }
    let d = num_as(c, false, |s| small(s, 31))?;
    if !c.word("tháng") {
        return None;
    }
    let m = num_as(c, false, |s| small(s, 12))?;
    Some(match of_year(c) {
        Some(y) => Point::Fixed(Period::day(Date::from_ymd(y, m, d).ok()?)),
        None => Point::ThisYear(Part::Day(d, m), false),
    })
}

/// After "tháng".
fn month(c: &mut Cursor<'_>) -> Option<Point> {
    if let Some((m, y)) = num_as(c, false, month_year) {
        return Period::month(y, m).ok().map(Point::Fixed);
    }
    let m = num_as(c, false, |s| small(s, 12))?;
    Some(match of_year(c) {
        Some(y) => Point::Fixed(Period::month(y, m).ok()?),
        None => Point::ThisYear(Part::Month(m), false),
    })
}

/// After "quý".
fn quarter(c: &mut Cursor<'_>) -> Option<Point> {
    if let Some((q, y)) = num_as(c, false, |s| n_year(s, 4)) {
        return Period::quarter(y, q).ok().map(Point::Fixed);
    }
    let q = match num_as(c, false, |s| small(s, 4)) {
        Some(q) => q,
        None => {
            let mut d = c.fork();
            let q = roman(d.any_word()?)?;
            *c = d;
            let mut e = c.fork();
            if e.punct('/', true) {
                if let Some(y) = num_as(&mut e, true, year) {
                    *c = e;
                    return Period::quarter(y, q).ok().map(Point::Fixed);
                }
            }
            q
        }
    };
    Some(match of_year(c) {
        Some(y) => Point::Fixed(Period::quarter(y, q).ok()?),
        None => Point::ThisYear(Part::Quarter(q), false),
    })
}

/// After "cuối" or "hết": the last day of a year, quarter or month.
fn end_of(c: &mut Cursor<'_>) -> Option<Point> {
    if c.word("năm") {
        return Some(match num_as(c, false, year) {
            Some(y) => Point::Fixed(Period::day(Date::from_ymd(y, 12, 31).ok()?)),
            None => Point::ThisYear(Part::Year, true),
        });
    }
    if c.word("quý") || c.word("quí") {
        return quarter(c).map(Point::last_day);
    }
    if c.word("tháng") {
        return month(c).map(Point::last_day);
    }
    None
}

/// A date, month, quarter or year, with its leading word.
fn point(c: &mut Cursor<'_>) -> Option<Point> {
    let mut d = c.fork();
    let p = point_here(&mut d)?;
    *c = d;
    Some(p)
}

fn point_here(c: &mut Cursor<'_>) -> Option<Point> {
    if c.word("ngày") {
        return day(c);
    }
    if c.word("tháng") {
        return month(c);
    }
    if c.word("quý") || c.word("quí") {
        return quarter(c);
    }
    if c.word("năm") {
        return after_year_word(c);
    }
    if c.words(&["cả", "năm"]) {
        return Some(match num_as(c, false, year) {
            Some(y) => Point::Fixed(Period::year(y).ok()?),
            None => Point::ThisYear(Part::Year, false),
        });
    }
    if c.words(&["đầu", "năm"]) {
        return Some(match num_as(c, false, year) {
            Some(y) => Point::Fixed(Period::day(Date::from_ymd(y, 1, 1).ok()?)),
            None => Point::ThisYear(Part::Start, false),
        });
    }
    if c.words(&["đầu", "tháng"]) {
        return month(c);
    }
    if c.word("cuối") || c.word("hết") {
        return end_of(c);
    }
    if let Some(d) = num_as(c, false, dmy) {
        return Some(Point::Fixed(Period::day(d)));
    }
    if let Some((m, y)) = num_as(c, false, month_year) {
        return Period::month(y, m).ok().map(Point::Fixed);
    }
    if let Some(y) = num_as(c, false, bare_year) {
        return Period::year(y).ok().map(Point::Fixed);
    }
    None
}

/// After "đến" or "tới": "nay", or a point ("đến hết năm 2022" is its last day).
fn until(c: &mut Cursor<'_>) -> Option<Point> {
    if c.word("nay") {
        return Some(Point::AsOf);
    }
    point(c)
}

/// From "từ": a range, or a year to date.
fn from(c: &mut Cursor<'_>) -> Option<When> {
    if !c.word("từ") {
        return None;
    }
    // "từ 1/1 đến ...": a day and month without the year.
    let start = match num_as(c, false, dm) {
        Some((d, m)) => Point::ThisYear(Part::Day(d, m), false),
        None => point(c)?,
    };
    let mut d = c.fork();
    if d.word("đến") || d.word("tới") {
        if let Some(end) = until(&mut d) {
            *c = d;
            // "từ 1/1 đến 8/12/2022": the start takes the end's year.
            let start = match (start, end) {
                (Point::ThisYear(Part::Day(dd, mm), false), Point::Fixed(p)) => {
                    Point::Fixed(Period::day(Date::from_ymd(p.end().year(), mm, dd).ok()?))
                }
                _ => start,
            };
            return Some(When::Between(start, end));
        }
    }
    start.new_year().map(When::YearToDate)
}

/// "hiện", "hiện nay", "hiện tại": the as-of date; not inside "thực hiện",
/// "thể hiện", "xuất hiện", "phát hiện", "biểu hiện".
fn now(c: &mut Cursor<'_>, history: &History) -> Option<When> {
    let src = c.src();
    let after_verb = history.last_word_is(src, &["thực", "thể", "xuất", "phát", "biểu", "tái"]);
    if after_verb || !c.word("hiện") {
        return None;
    }
    if c.word("nay") || c.word("tại") {
        return Some(When::At(Point::AsOf));
    }
    let next = c.fork().any_word()?;
    src.any(
        next,
        &[
            "có", "đã", "đang", "là", "vẫn", "còn", "chỉ", "mới", "chiếm", "đạt", "cả", "toàn",
        ],
    )
    .then_some(When::At(Point::AsOf))
}

/// "giai đoạn 2022-2025", "2022–2025": whole years.
fn years(c: &mut Cursor<'_>) -> Option<When> {
    let y1 = num_as(c, false, bare_year)?;
    let mut d = c.fork();
    if !(d.punct('-', false) || d.punct('–', false)) {
        return None;
    }
    let y2 = num_as(&mut d, false, bare_year).filter(|y2| *y2 > y1)?;
    *c = d;
    Some(When::Between(
        Point::Fixed(Period::year(y1).ok()?),
        Point::Fixed(Period::year(y2).ok()?),
    ))
}

/// `YYYY-MM-DD`.
fn iso(c: &mut Cursor<'_>) -> Option<When> {
    let mut d = c.fork();
    let y = num_as(&mut d, true, year)?;
    if !d.punct('-', true) {
        return None;
    }
    let m = num_as(&mut d, true, |s| digits(s, 2, 2))?;
    if !d.punct('-', true) {
        return None;
    }
    let day = num_as(&mut d, true, |s| digits(s, 2, 2))?;
    let date = Date::from_ymd(y, m, day).ok()?;
    *c = d;
    Some(When::At(Point::Fixed(Period::day(date))))
}

/// "11 tháng đầu năm 2022", "9 tháng năm 2022": the first months of a year.
fn months(c: &mut Cursor<'_>) -> Option<When> {
    let mut d = c.fork();
    let n = num_as(&mut d, true, |s| small(s, 12))?;
    let point = if d.words(&["tháng", "đầu", "năm"]) {
        match num_as(&mut d, false, year) {
            Some(y) => Point::Fixed(first_months(y, n)?),
            None => Point::ThisYear(Part::FirstMonths(n), false),
        }
    } else if d.words(&["tháng", "năm"]) {
        Point::Fixed(first_months(num_as(&mut d, false, year)?, n)?)
    } else {
        return None;
    };
    *c = d;
    Some(When::At(point))
}

/// The cue that starts at the word `tok`, if any.
pub(crate) fn at_word(src: Src<'_>, tok: Token, history: &History) -> Option<Cue> {
    let w = src.get(tok.start, tok.end);
    let mut c = Cursor::new(src, tok.start);
    let when = if src.is(w, "từ") {
        from(&mut c)?
    } else if src.any(w, &["đến", "tới"]) {
        c.any_word()?;
        When::At(until(&mut c)?)
    } else if src.is(w, "hiện") {
        now(&mut c, history)?
    } else if src.is(w, "giai") {
        if !c.words(&["giai", "đoạn"]) {
            return None;
        }
        years(&mut c)?
    } else if src.any(
        w,
        &[
            "ngày", "tháng", "quý", "quí", "năm", "cả", "đầu", "cuối", "hết",
        ],
    ) {
        When::At(point(&mut c)?)
    } else {
        return None;
    };
    Some(Cue {
        span: Span {
            start: tok.start,
            end: c.pos(),
        },
        when,
    })
}

/// The cue that starts at the number `tok`, if any: a date, a month, a
/// bare year, a range of years, or the first months of a year.
pub(crate) fn at_num(src: Src<'_>, tok: Token) -> Option<Cue> {
    let mut start = Cursor::new(src, tok.start);
    start.peek();
    let attempt = |f: &dyn Fn(&mut Cursor<'_>) -> Option<When>| {
        let mut c = start.clone();
        f(&mut c).map(|w| (w, c.pos()))
    };
    let (when, end) = attempt(&months)
        .or_else(|| attempt(&years))
        .or_else(|| attempt(&iso))
        .or_else(|| attempt(&|c| point(c).map(When::At)))?;
    Some(Cue {
        span: Span {
            start: tok.start,
            end,
        },
        when,
    })
}

/// A cue right after a figure, introduced by "trong" within five words
/// ("đạt 9.295 tỷ đồng trong tháng 09/2023", "có 2 triệu giao dịch trong
/// quý 1"): it dates that figure.
pub(crate) fn following(src: Src<'_>, from: usize) -> Option<Cue> {
    let mut c = Cursor::new(src, from);
    for _ in 0..5 {
        if c.word("trong") {
            let t = c.peek()?;
            return match t.kind {
                Kind::Word => at_word(src, t, &History::new()),
                Kind::Num => at_num(src, t),
                _ => None,
            };
        }
        c.any_word()?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::scan::Tokens;
    use super::*;
    use std::string::{String, ToString};
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// The first cue of `text` and the period it gives with `as_of`.
    fn first(text: &str, as_of: Option<&str>) -> Option<(String, String)> {
        let as_of = as_of.map(|d| Date::parse_iso(d).unwrap());
        let h = History::new();
        let src = Src::new(text);
        Tokens::new(text, 0).find_map(|t| {
            let cue = match t.kind {
                Kind::Word => at_word(src, t, &h),
                Kind::Num => at_num(src, t),
                _ => None,
            }?;
            let p = cue
                .when
                .period(as_of)
                .map_or("-".to_string(), |p| p.to_string());
            Some((text[cue.span.start..cue.span.end].to_string(), p))
        })
    }

    fn check(text: &str, as_of: Option<&str>, quote: &str, period: &str) {
        assert_eq!(
            first(text, as_of),
            Some((quote.to_string(), period.to_string())),
            "{text}"
        );
    }

    #[test]
    fn the_reports_cues() {
        check(
            "trong tháng 9 năm 2022 có",
            None,
            "tháng 9 năm 2022",
            "2022-09",
        );
        check("giao ban quý 1/2023 vừa", None, "quý 1/2023", "2023-Q1");
        check("trong Quý I/2024, doanh thu", None, "Quý I/2024", "2024-Q1");
        check(
            "Tính đến ngày 20/11/2022, đã có",
            None,
            "đến ngày 20/11/2022",
            "2022-11-20",
        );
        check(
            "tính đến hết quý 3/2022, đã có",
            None,
            "đến hết quý 3/2022",
            "2022-09-30",
        );
        check(
            "Tính từ đầu năm 2022, trung bình",
            Some("2022-09-30"),
            "từ đầu năm 2022",
            "2022-01-01/2022-09-30",
        );
        check(
            "tính từ đầu năm 2022 đến ngày 8/12/2022 đạt",
            None,
            "từ đầu năm 2022 đến ngày 8/12/2022",
            "2022-01-01/2022-12-08",
        );
        check(
            "Trong 11 tháng đầu năm 2022, đã có",
            None,
            "11 tháng đầu năm 2022",
            "2022-01-01/2022-11-30",
        );
        check("trong năm 2022 đạt", None, "năm 2022", "2022");
        check("so với cả năm 2021 (đạt", None, "cả năm 2021", "2021");
        check("đến nay đã có", Some("2022-09-30"), "đến nay", "2022-09-30");
        check("đến nay đã có", None, "đến nay", "-");
        check(
            "Hiện nay, tổng số",
            Some("2024-04-30"),
            "Hiện nay",
            "2024-04-30",
        );
        check(
            "NDXP hiện đã kết nối",
            Some("2022-12-08"),
            "hiện",
            "2022-12-08",
        );
        check(
            "Hiện có 8,2 triệu",
            Some("2024-04-30"),
            "Hiện",
            "2024-04-30",
        );
        check(
            "đến hết năm 2022 đạt",
            None,
            "đến hết năm 2022",
            "2022-12-31",
        );
        check(
            "giai đoạn 2022-2025 được",
            None,
            "giai đoạn 2022-2025",
            "2022-01-01/2025-12-31",
        );
        check("khai trương (11/2019) đến", None, "11/2019", "2019-11");
        check(
            "Cũng trong quý 1, tổng",
            Some("2023-03-31"),
            "quý 1",
            "2023-Q1",
        );
        check("mục tiêu 2023 là 100%", None, "2023", "2023");
        check(
            "từ 1/1 đến 8/12/2022",
            None,
            "từ 1/1 đến 8/12/2022",
            "2022-01-01/2022-12-08",
        );
        check("so voi cung ky nam 2021", None, "nam 2021", "2021");
    }

    #[test]
    fn not_cues() {
        for t in [
            "được thực hiện thông qua",
            "lên đến hơn 270.000",
            "Ngày CĐS quốc gia",
            "cả nước 63/63",
            "mỗi ngày 2 triệu",
            "đến tận cấp xã",
        ] {
            assert_eq!(first(t, Some("2022-12-31")), None, "{t}");
        }
    }
}
