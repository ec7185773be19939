//! Numbers as the reports write them, and as people read them.
//!
//! Vietnamese writes `58.397.139` for 58,397,139 and `79,95` for 79.95, and
//! scales large figures with words: "triệu" (10⁶), "tỷ" (10⁹), "nghìn tỷ"
//! (10¹²). [`parse_vi`] reads such a figure and keeps its precision (one unit
//! of its last stated digit), which the claim checker needs. [`parse`] reads
//! a number as someone types it into a field, in either language.
//! [`Compact`] and [`Grouped`] write numbers back in either language.

use core::fmt::{self, Write};

use crate::error::{Error, Expected, Field, Result};
use crate::indicator::Unit;

/// A figure read from text: its value in base units and its precision.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Stated {
    /// The value in base units ("1,6 triệu" is 1 600 000).
    pub value: f64,
    /// One unit of the last stated digit in base units ("1,6 triệu": 100 000).
    pub precision: f64,
    /// Whether the figure ends in a percent sign.
    pub percent: bool,
}

/// The scale words, longest first so that "nghìn tỷ" wins over "nghìn".
pub(crate) const SCALES: [(&str, f64); 6] = [
    ("nghìn tỷ", 1e12),
    ("ngàn tỷ", 1e12),
    ("triệu", 1e6),
    ("tỷ", 1e9),
    ("nghìn", 1e3),
    ("ngàn", 1e3),
];

/// Powers of ten that are exact in `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

fn pow10(n: usize) -> f64 {
    POW10.get(n).copied().unwrap_or(f64::INFINITY)
}

/// Reads a figure written the Vietnamese way: digits grouped by `.` in threes,
/// an optional `,` and decimals, an optional scale word (`triệu`, `tỷ`,
/// `nghìn tỷ`, `nghìn`) and an optional `%`.
///
/// # Examples
///
/// ```
/// use dxcast_core::number::parse_vi;
///
/// let s = parse_vi("58.397.139")?;
/// assert_eq!((s.value, s.precision), (58_397_139.0, 1.0));
/// let s = parse_vi("1,276 tỷ")?;
/// assert_eq!((s.value, s.precision), (1.276e9, 1e6));
/// let s = parse_vi("12,9 nghìn tỷ")?;
/// assert_eq!((s.value, s.precision), (12.9e12, 1e11));
/// let s = parse_vi("97,3%")?;
/// assert!(s.percent && s.value == 97.3);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::Parse`] (line 0, field `"number"`) for anything else, including
/// misplaced group separators ("1.23.456") and more than 15 significant digits.
pub fn parse_vi(text: &str) -> Result<Stated> {
    let err = Error::Parse {
        line: 0,
        field: Field::Number,
        expected: Expected::VietnameseNumber,
    };
    let mut rest = text.trim();
    let percent = match rest.strip_suffix('%') {
        Some(r) => {
            rest = r.trim_end();
            true
        }
        None => false,
    };
    let mut scale = 1.0;
    for (word, factor) in SCALES {
        if let Some(r) = rest.strip_suffix(word) {
            let r = r.trim_end();
            if r.len() < rest.len().saturating_sub(word.len()) {
                // At least one space separated the number from the word.
                rest = r;
                scale = factor;
                break;
            }
        }
    }
    if percent && scale != 1.0 {
        return Err(err);
    }
    read_digits(rest, scale, percent).ok_or(err)
}

/// Reads the digits of a figure (`58.397.139`, `1,276`, `02`) already
/// separated from its scale word and percent sign, scaled by `scale` (1, 10³,
/// 10⁶, 10⁹ or 10¹²): the number part of [`parse_vi`], also used by the
/// figure finder ([`crate::extract`]), which reads scale words itself.
/// `None` where [`parse_vi`] gives an error.
pub(crate) fn read_digits(rest: &str, scale: f64, percent: bool) -> Option<Stated> {
    let (int_part, frac_part) = match crate::slices::split_once(rest, b',') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut digits: u64 = 0;
    let mut count: usize = 0;
    let mut push = |c: u8| -> Option<()> {
        digits = digits
            .checked_mul(10)?
            .checked_add(u64::from(c.checked_sub(b'0')?))?;
        count = count.checked_add(1)?;
        Some(())
    };
    let groups = crate::slices::split(int_part, b'.');
    for (i, group) in groups.enumerate() {
        let ok_len = if i == 0 {
            (1..=3).contains(&group.len())
                || (!int_part.bytes().any(|b| b == b'.') && !group.is_empty())
        } else {
            group.len() == 3
        };
        if !ok_len || !group.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        for c in group.bytes() {
            push(c)?;
        }
    }
    let mut decimals = 0usize;
    if let Some(f) = frac_part {
        if f.is_empty() || !f.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        for c in f.bytes() {
            push(c)?;
        }
        decimals = f.len();
    }
    if count > 15 {
        return None;
    }
    let unit = pow10(decimals);
    // One correctly rounded operation on exact operands.
    let (value, precision) = if scale >= unit {
        let s = scale / unit;
        (digits as f64 * s, s)
    } else {
        let d = unit / scale;
        (digits as f64 / d, 1.0 / d)
    };
    Some(Stated {
        value,
        precision,
        percent,
    })
}

/// English scale words, which typed numbers may end with besides [`SCALES`].
const SCALES_EN: [(&str, f64); 4] = [
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
];

/// The most digits and marks a typed number may have.
const TYPED_LEN: usize = 40;

/// `text` without `word` at its end, ignoring ASCII case.
fn strip_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(word.len())?;
    let tail = text.get(cut..)?;
    tail.eq_ignore_ascii_case(word)
        .then(|| text.get(..cut))
        .flatten()
}

/// Whether the parts of `digits` split at `sep` group digits by thousands:
/// at least two parts, the first of one to three digits, the others of three.
fn grouped_by(digits: &[u8], sep: u8) -> bool {
    let mut parts = digits.split(|&b| b == sep);
    let first_ok = parts.next().is_some_and(|p| (1..=3).contains(&p.len()));
    let mut rest = 0usize;
    let rest_ok = parts.all(|p| {
        rest = rest.saturating_add(1);
        p.len() == 3
    });
    first_ok && rest_ok && rest > 0
}

/// Reads a number as someone types it into a field, in either language:
/// `2,5` or `2.5`, `-10` or `−10`, `+4`, `1.500.000.000`, `1,500,000.25`,
/// `1 500 000`, `1,5 tỷ`, `860 million`, with an optional `%` at the end.
///
/// The digits may be grouped by `.`, `,` or spaces. When both `.` and `,`
/// occur, the last one is the decimal mark. When only one of them occurs,
/// it is the decimal mark if it occurs once and either it is the decimal
/// mark of `locale` (`,` in Vietnamese, `.` in English) or it cannot be
/// grouping; otherwise it groups digits by thousands. So `1.000` is a
/// thousand in Vietnamese and one in English, and `2.5` is two and a half
/// in both. The scale words are the Vietnamese ones of [`parse_vi`] and
/// `thousand`, `million`, `billion`, `trillion`, in any ASCII case.
///
/// Unlike [`parse_vi`], which reads a report's figure with its precision,
/// this keeps no precision: it is for values a user types.
///
/// # Examples
///
/// ```
/// use dxcast_core::number::{parse, Locale};
///
/// assert_eq!(parse("1.000", Locale::Vi)?, 1000.0);
/// assert_eq!(parse("1.000", Locale::En)?, 1.0);
/// assert_eq!(parse("2.5", Locale::Vi)?, 2.5);
/// assert_eq!(parse("1,5 tỷ", Locale::Vi)?, 1.5e9);
/// assert_eq!(parse("860 million", Locale::En)?, 860e6);
/// assert_eq!(parse("−3,5 %", Locale::Vi)?, -3.5);
/// assert!(parse("1.2.3", Locale::En).is_err());
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::Parse`] (line 0, field `number`, expected [`Expected::Number`])
/// for anything else: other characters, misplaced separators, more than 40
/// digits and marks, or a value too large for a floating-point number.
pub fn parse(text: &str, locale: Locale) -> Result<f64> {
    let err = Error::Parse {
        line: 0,
        field: Field::Number,
        expected: Expected::Number,
    };
    let mut rest = text.trim();
    if let Some(r) = rest.strip_suffix('%') {
        rest = r.trim_end();
    }
    let mut scale = 1.0;
    for (word, factor) in SCALES.iter().chain(SCALES_EN.iter()) {
        if let Some(r) = strip_word(rest, word) {
            rest = r.trim_end();
            scale = *factor;
            break;
        }
    }
    let (negative, body) = match rest.strip_prefix(['-', '−']) {
        Some(r) => (true, r),
        None => (false, rest.strip_prefix('+').unwrap_or(rest)),
    };
    // Digits and marks, without the spaces that may group digits.
    let mut buf = [0u8; TYPED_LEN];
    let mut len = 0usize;
    for c in body.chars().filter(|c| !c.is_whitespace()) {
        if !(c.is_ascii_digit() || c == '.' || c == ',') {
            return Err(err);
        }
        *buf.get_mut(len).ok_or(err)? = u8::try_from(c).map_err(|_| err)?;
        len = len.saturating_add(1);
    }
    let body = buf.get(..len).unwrap_or(&[]);
    let count = |mark: u8| body.iter().filter(|&&b| b == mark).count();
    let (dots, commas) = (count(b'.'), count(b','));
    let (decimal, group) = match (dots, commas) {
        (0, 0) => (None, None),
        (_, 0) | (0, _) => {
            let sep = if dots > 0 { b'.' } else { b',' };
            let grouped = grouped_by(body, sep);
            let own = matches!((locale, sep), (Locale::Vi, b',') | (Locale::En, b'.'));
            if dots.max(commas) == 1 && (own || !grouped) {
                (Some(sep), None)
            } else if grouped {
                (None, Some(sep))
            } else {
                return Err(err);
            }
        }
        _ => {
            let last = |mark: u8| body.iter().rposition(|&b| b == mark);
            let (decimal, group) = if last(b'.') > last(b',') {
                (b'.', b',')
            } else {
                (b',', b'.')
            };
            if count(decimal) != 1 {
                return Err(err);
            }
            (Some(decimal), Some(group))
        }
    };
    let mut plain = [0u8; TYPED_LEN];
    let mut n = 0usize;
    for &b in body.iter().filter(|&&b| Some(b) != group) {
        *plain.get_mut(n).ok_or(err)? = if Some(b) == decimal { b'.' } else { b };
        n = n.saturating_add(1);
    }
    let digits = core::str::from_utf8(plain.get(..n).unwrap_or(&[])).map_err(|_| err)?;
    if !digits.bytes().any(|b| b.is_ascii_digit()) {
        return Err(err);
    }
    let v: f64 = digits.parse().map_err(|_| err)?;
    let v = if negative { -v } else { v } * scale;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(err)
    }
}

/// The language numbers are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Locale {
    /// Vietnamese: `1.234,5`, `860 triệu`, `52,8 %`.
    Vi,
    /// English: `1,234.5`, `860 million`, `52.8%`.
    En,
}

impl Locale {
    const fn group(self) -> char {
        match self {
            Locale::Vi => '.',
            Locale::En => ',',
        }
    }

    const fn decimal(self) -> char {
        match self {
            Locale::Vi => ',',
            Locale::En => '.',
        }
    }
}

/// Writes `value` rounded to `decimals` decimals with grouped thousands,
/// dropping trailing zeros of the decimals when `trim` is set.
fn write_grouped<W: Write>(
    w: &mut W,
    value: f64,
    decimals: usize,
    trim: bool,
    locale: Locale,
) -> fmt::Result {
    if !value.is_finite() {
        return w.write_str(if value.is_nan() {
            "–"
        } else if value > 0.0 {
            "∞"
        } else {
            "−∞"
        });
    }
    let decimals = decimals.min(9);
    let scale = pow10(decimals);
    let scaled = libm::round(libm::fabs(value) * scale);
    if scaled >= 9.0e15 {
        // Beyond exact integers: fall back to plain notation.
        return write!(w, "{value:e}");
    }
    let n = scaled as u64;
    let div = 10u64.checked_pow(decimals as u32).unwrap_or(1);
    let int = n.checked_div(div).unwrap_or(0);
    let frac = n.checked_rem(div).unwrap_or(0);
    if value < 0.0 && n != 0 {
        w.write_char('−')?;
    }
    // Integer part with groups of three.
    let mut buf = [0u8; 24];
    let mut len = 0usize;
    let mut x = int;
    loop {
        let d = (x % 10) as u8;
        if let Some(slot) = buf.get_mut(len) {
            *slot = b'0'.saturating_add(d);
        }
        len = len.saturating_add(1);
        x /= 10;
        if x == 0 {
            break;
        }
    }
    for i in (0..len).rev() {
        let c = buf.get(i).copied().unwrap_or(b'0');
        w.write_char(char::from(c))?;
        if i > 0 && i % 3 == 0 {
            w.write_char(locale.group())?;
        }
    }
    if decimals > 0 {
        let mut fbuf = [b'0'; 9];
        let mut f = frac;
        for i in (0..decimals).rev() {
            if let Some(slot) = fbuf.get_mut(i) {
                *slot = b'0'.saturating_add((f % 10) as u8);
            }
            f /= 10;
        }
        let mut end = decimals;
        if trim {
            while end > 0 && fbuf.get(end.saturating_sub(1)) == Some(&b'0') {
                end = end.saturating_sub(1);
            }
        }
        if end > 0 {
            w.write_char(locale.decimal())?;
            for c in fbuf.iter().take(end) {
                w.write_char(char::from(*c))?;
            }
        }
    }
    Ok(())
}

/// A number with all its integer digits grouped by thousands and a fixed
/// number of decimals: `58.397.139` and `79,95` in Vietnamese, `58,397,139`
/// and `79.95` in English.
///
/// # Examples
///
/// ```
/// use dxcast_core::number::{Grouped, Locale};
///
/// assert_eq!(Grouped::new(58_397_139.0, 0, Locale::Vi).to_string(), "58.397.139");
/// assert_eq!(Grouped::new(79.95, 2, Locale::En).to_string(), "79.95");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Grouped {
    value: f64,
    decimals: usize,
    locale: Locale,
}

impl Grouped {
    /// `value` with `decimals` decimals (at most 9).
    #[must_use]
    pub const fn new(value: f64, decimals: usize, locale: Locale) -> Grouped {
        Grouped {
            value,
            decimals,
            locale,
        }
    }
}

impl fmt::Display for Grouped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_grouped(f, self.value, self.decimals, false, self.locale)
    }
}

/// A value written for reading: large counts with a scale word, up to four
/// significant digits, and the unit.
///
/// | value | unit | Vietnamese | English |
/// |---|---|---|---|
/// | 860 000 000 | count | 860 triệu | 860 million |
/// | 1 276 000 000 | count | 1,276 tỷ | 1.276 billion |
/// | 52.8 | percent | 52,8 % | 52.8% |
/// | 68 933 | count | 68.933 | 68,933 |
/// | 79.95 | Mbps | 79,95 Mbps | 79.95 Mbps |
/// | 12.9 × 10¹² | VND | 12,9 nghìn tỷ đồng | 12.9 trillion VND |
///
/// # Examples
///
/// ```
/// use dxcast_core::number::{Compact, Locale};
/// use dxcast_core::Unit;
///
/// assert_eq!(Compact::new(860e6, Unit::Count, Locale::Vi).to_string(), "860 triệu");
/// assert_eq!(Compact::new(1.276e9, Unit::Count, Locale::En).to_string(), "1.276 billion");
/// assert_eq!(Compact::new(52.8, Unit::Percent, Locale::Vi).to_string(), "52,8 %");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Compact {
    value: f64,
    unit: Option<Unit>,
    locale: Locale,
}

impl Compact {
    /// `value` in `unit`, written in `locale`.
    #[must_use]
    pub const fn new(value: f64, unit: Unit, locale: Locale) -> Compact {
        Compact {
            value,
            unit: Some(unit),
            locale,
        }
    }

    /// `value` without a unit or scale word: up to four significant digits,
    /// and every digit of the integer part, grouped (`365`, `58.397.139`,
    /// `4,778`, `0,0316`), for parameters, day counts and rates.
    ///
    /// # Examples
    ///
    /// ```
    /// use dxcast_core::number::{Compact, Locale};
    ///
    /// assert_eq!(Compact::plain(58_397_139.0, Locale::Vi).to_string(), "58.397.139");
    /// assert_eq!(Compact::plain(4.777_77, Locale::En).to_string(), "4.778");
    /// ```
    #[must_use]
    pub const fn plain(value: f64, locale: Locale) -> Compact {
        Compact {
            value,
            unit: None,
            locale,
        }
    }
}

/// Decimals that show `sig` significant digits of `x` (|x| ≥ 1 shows fewer
/// decimals as it grows).
fn decimals_for(x: f64, sig: i32) -> usize {
    let ax = libm::fabs(x);
    if ax == 0.0 || !ax.is_finite() {
        return 0;
    }
    let mag = libm::floor(libm::log10(ax)) as i32;
    sig.saturating_sub(1).saturating_sub(mag).clamp(0, 6) as usize
}

impl fmt::Display for Compact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (v, loc) = (self.value, self.locale);
        let ax = libm::fabs(v);
        let (scaled, word) = if matches!(self.unit, Some(Unit::Count | Unit::Vnd | Unit::Usd)) {
            match loc {
                Locale::Vi if ax >= 1e12 => (v / 1e12, Some("nghìn tỷ")),
                Locale::Vi if ax >= 1e9 => (v / 1e9, Some("tỷ")),
                Locale::Vi if ax >= 1e6 => (v / 1e6, Some("triệu")),
                Locale::En if ax >= 1e12 => (v / 1e12, Some("trillion")),
                Locale::En if ax >= 1e9 => (v / 1e9, Some("billion")),
                Locale::En if ax >= 1e6 => (v / 1e6, Some("million")),
                _ => (v, None),
            }
        } else {
            (v, None)
        };
        let decimals = match (word, self.unit) {
            (None, Some(Unit::Count | Unit::Rank)) => 0,
            _ => decimals_for(scaled, 4),
        };
        write_grouped(f, scaled, decimals, true, loc)?;
        if let Some(word) = word {
            write!(f, " {word}")?;
        }
        match (self.unit, loc) {
            (Some(Unit::Percent), Locale::Vi) => f.write_str(" %"),
            (Some(Unit::Percent), Locale::En) => f.write_str("%"),
            (Some(Unit::Mbps), _) => f.write_str(" Mbps"),
            (Some(Unit::Vnd), Locale::Vi) => f.write_str(" đồng"),
            (Some(Unit::Vnd), Locale::En) => f.write_str(" VND"),
            (Some(Unit::Usd), _) => f.write_str(" USD"),
            (Some(Unit::Times), Locale::Vi) => f.write_str(" lần"),
            (Some(Unit::Times), Locale::En) => f.write_str("×"),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn report_figures_parse() {
        let cases: [(&str, f64, f64); 10] = [
            ("58.397.139", 58_397_139.0, 1.0),
            ("1,6 triệu", 1.6e6, 1e5),
            ("661 triệu", 661e6, 1e6),
            ("1,276 tỷ", 1.276e9, 1e6),
            ("2,75 nghìn tỷ", 2.75e12, 1e10),
            ("79,95", 79.95, 0.01),
            ("119.498", 119_498.0, 1.0),
            ("02", 2.0, 1.0),
            ("2,36 triệu", 2.36e6, 1e4),
            ("59.600", 59_600.0, 1.0),
        ];
        for (t, v, p) in cases {
            let s = parse_vi(t).unwrap();
            assert_eq!(s.value, v, "{t}");
            assert!((s.precision - p).abs() <= p * 1e-12, "{t}");
        }
        assert!(parse_vi("52,80%").unwrap().percent);
        assert_eq!(parse_vi("52,80%").unwrap().precision, 0.01);
    }

    #[test]
    fn malformed_numbers() {
        for t in [
            "",
            "1.23.456",
            "1,2,3",
            "abc",
            "1.2345",
            ",5",
            "5,",
            "12 triệu%",
            "1234567890123456",
        ] {
            assert!(parse_vi(t).is_err(), "{t}");
        }
    }

    #[test]
    fn typed_numbers_in_either_language() {
        let vi = |s: &str| parse(s, Locale::Vi).ok();
        let en = |s: &str| parse(s, Locale::En).ok();
        assert_eq!(vi("2,5"), Some(2.5));
        assert_eq!(en("2.5"), Some(2.5));
        // A lone mark that cannot be grouping is a decimal mark in both.
        assert_eq!(vi("2.5"), Some(2.5));
        assert_eq!(en("2,5"), Some(2.5));
        // A lone mark that can be grouping follows the language.
        assert_eq!(vi("1.000"), Some(1000.0));
        assert_eq!(en("1.000"), Some(1.0));
        assert_eq!(en("1,000"), Some(1000.0));
        assert_eq!(vi("1,000"), Some(1.0));
        assert_eq!(vi("1.500.000.000"), Some(1.5e9));
        assert_eq!(en("1,500,000,000"), Some(1.5e9));
        assert_eq!(en("1,500,000.25"), Some(1_500_000.25));
        assert_eq!(vi("1.500.000,25"), Some(1_500_000.25));
        assert_eq!(vi("1,5 tỷ"), Some(1.5e9));
        assert_eq!(vi("12,9 nghìn tỷ"), Some(12.9e12));
        assert_eq!(vi("860 triệu"), Some(860e6));
        assert_eq!(en("860 million"), Some(860e6));
        assert_eq!(en("2 Billion"), Some(2e9));
        assert_eq!(vi("-10"), Some(-10.0));
        assert_eq!(vi("−3,5 %"), Some(-3.5));
        assert_eq!(en("+4"), Some(4.0));
        assert_eq!(vi("1 500 000"), Some(1.5e6));
        assert_eq!(vi("1\u{a0}500"), Some(1500.0));
        for bad in [
            "",
            " ",
            "abc",
            "1.2.3",
            "1,2,3",
            "--1",
            "1e9",
            "1.2,3.4",
            "%",
            ".",
            "triệu",
            "1 234 567 890 123 456 789 012 345 678 901 234 567 890 123",
        ] {
            assert_eq!(vi(bad), None, "{bad}");
            assert_eq!(en(bad), None, "{bad}");
        }
        // Rust's shortest round-trip text reads back to the same number.
        for v in [2.5, -12.5, 0.1 + 0.2, 1.5e9, 860e6, 3.0] {
            let text = std::format!("{v}");
            assert_eq!(en(&text), Some(v), "{text}");
            assert_eq!(vi(&text.replace('.', ",")), Some(v), "{text}");
        }
    }

    #[test]
    fn plain_numbers() {
        let p = |v, l| Compact::plain(v, l).to_string();
        assert_eq!(p(58_397_139.0, Locale::Vi), "58.397.139");
        assert_eq!(p(365.0, Locale::En), "365");
        assert_eq!(p(4.777_77, Locale::Vi), "4,778");
        assert_eq!(p(12_345.67, Locale::En), "12,346");
        assert_eq!(p(0.031_62, Locale::En), "0.03162");
        assert_eq!(p(-2.5, Locale::Vi), "−2,5");
    }

    #[test]
    fn compact_forms() {
        let c = |v, u, l| Compact::new(v, u, l).to_string();
        assert_eq!(c(860e6, Unit::Count, Locale::Vi), "860 triệu");
        assert_eq!(c(1.276e9, Unit::Count, Locale::Vi), "1,276 tỷ");
        assert_eq!(c(52.8, Unit::Percent, Locale::Vi), "52,8 %");
        assert_eq!(c(52.8, Unit::Percent, Locale::En), "52.8%");
        assert_eq!(c(68_933.0, Unit::Count, Locale::Vi), "68.933");
        assert_eq!(c(68_933.0, Unit::Count, Locale::En), "68,933");
        assert_eq!(c(79.95, Unit::Mbps, Locale::Vi), "79,95 Mbps");
        assert_eq!(c(12.9e12, Unit::Vnd, Locale::En), "12.9 trillion VND");
        assert_eq!(c(58_397_139.0, Unit::Count, Locale::En), "58.4 million");
        assert_eq!(c(-3.5, Unit::Percent, Locale::En), "−3.5%");
        assert_eq!(c(f64::NAN, Unit::Count, Locale::En), "–");
    }
}
