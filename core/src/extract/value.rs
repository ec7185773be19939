//! Which numbers are figures, and their values.
//!
//! A number token is a figure unless it is part of something else:
//!
//! - a document code ("42/2022/NĐ-CP", "422/QĐ-TTg", "06/CT-TTg": a `/`, `-`
//!   or `_` and then a capital letter), a hyphenated number ("COVID-19",
//!   "10-15"), or digits inside a word or an address ("c63.mic.gov.vn",
//!   "4G": a letter right before or right after, unless it is a unit), a
//!   time ("10:30");
//! - a date or period (read by [`super::cue`] before this module sees it);
//! - list numbering at the start of a line ("1.", "2)");
//! - the name of a thing: after "mức độ", "cấp độ", "level", "phiên bản",
//!   "Đề án", "Điều", "khoản", "chương", "mục", "phụ lục", "bảng", "hình",
//!   "quận", "phường", "phòng", "thứ" (but "xếp thứ 45" is a rank), a
//!   standard ("ISO 27001", "TCVN 11930"),
//!   document type ("Nghị định 42", "Quyết định số 749"), and the numbers
//!   listed after such a name ("mức độ 3, 4", "mức độ 3 và 4");
//! - a duration that is part of a period ("6 tháng", "3 năm", "4 tuần");
//! - a number with more than 15 significant digits, or one whose grouping is
//!   not Vietnamese ("2.0", "1.23.456"): [`crate::number::parse_vi`] rejects it.
//!
//! The value itself is read by the number parser of [`crate::number`]:
//! `.` groups thousands, `,` marks decimals, and a fraction "61/63" is its
//! part with the whole beside it.

use super::scan::{Cursor, History, Mark};
use super::word::{self, Src};

/// A number token, read as a figure or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Literal<'a> {
    /// A number ("58.397.139", "1,6", "02").
    Number(&'a str),
    /// A fraction "part/whole" ("61/63", "11.923/13.506").
    Fraction(&'a str, &'a str),
    /// Not a figure.
    Other,
}

/// Reads a number token's text.
pub(crate) fn literal(lit: &str) -> Literal<'_> {
    let mut parts = crate::slices::split(lit, b'/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(a), None, _) => Literal::Number(a),
        (Some(a), Some(b), None) => {
            if super::cue::bare_year(b).is_some() {
                // "13/2022": a code or a date, not a fraction.
                return Literal::Other;
            }
            let read = |s| crate::number::read_digits(s, 1.0, false);
            match (read(a), read(b)) {
                (Some(x), Some(y)) if x.value <= y.value => Literal::Fraction(a, b),
                _ => Literal::Other,
            }
        }
        _ => Literal::Other,
    }
}

/// The start of a minus sign right before `start` ("-5", "−3,5"), when the
/// sign follows a space, a bracket or the start of the text.
pub(crate) fn sign_before(text: &str, start: usize) -> Option<usize> {
    let c = text.get(..start)?.chars().next_back()?;
    if c != '-' && c != '−' {
        return None;
    }
    let s = start.checked_sub(c.len_utf8())?;
    let prev = text.get(..s)?.chars().next_back();
    prev.is_none_or(|p| p.is_whitespace() || p == '(')
        .then_some(s)
}

/// Whether the number starting at `start` continues a word, a code or an
/// address: a letter or digit right before it, or one of `- / . _ # @ \ = &`
/// right before it with a letter or digit before that; or whether it is
/// the base of a rate ("thuê bao/100 dân", "doanh nghiệp/ 1000 dân").
pub(crate) fn inside_identifier(text: &str, start: usize) -> bool {
    let mut before = text.get(..start).unwrap_or("").chars().rev();
    match before.next() {
        None => false,
        Some(c) if c.is_alphanumeric() || word::is_mark(c) => true,
        Some('-' | '/' | '.' | '_' | '#' | '@' | '\\' | '=' | '&') => {
            before.next().is_some_and(char::is_alphanumeric)
        }
        Some(' ') => before.take(8).find(|&c| c != ' ') == Some('/'),
        Some(_) => false,
    }
}

/// The end of a code that continues at `from`: letters, digits, marks,
/// `/`, `-`, `–`, `_`, and `.` between two of them.
fn code_end(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ok = c.is_alphanumeric()
            || word::is_mark(c)
            || matches!(c, '/' | '-' | '–' | '_' | ':')
            || (c == '.' && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric()));
        if !ok {
            return from.saturating_add(i);
        }
    }
    text.len()
}

/// When the number ending at `end` continues as a code ("/NĐ-CP", "-TTg",
/// "_x"), a hyphenated number ("-19", "-15") or a time or edition ("10:30",
/// "27001:2013"), the end of that code.
pub(crate) fn code_after(text: &str, end: usize) -> Option<usize> {
    let mut after = text.get(end..)?.chars();
    let (first, second) = (after.next()?, after.next());
    let code = match (first, second) {
        ('/' | '-' | '–', Some(c)) => super::word::is_upper(c) || c.is_ascii_digit(),
        (':', Some(c)) => c.is_ascii_digit(),
        ('_', Some(c)) => c.is_alphanumeric(),
        _ => false,
    };
    code.then(|| code_end(text, end))
}

/// When the number ending at `end` starts a line and is followed by `.` or
/// `)` and a space ("1. ", "2) "): the end of the marker.
pub(crate) fn list_marker(text: &str, end: usize) -> Option<usize> {
    let mut after = text.get(end..)?.chars();
    let mark = after.next()?;
    if !matches!(mark, '.' | ')') {
        return None;
    }
    after
        .next()
        .is_none_or(char::is_whitespace)
        .then(|| end.saturating_add(1))
}

/// Words before a number that make it the name of a thing.
const NAMES: [&[&str]; 38] = [
    &["mức", "độ"],
    &["cấp", "độ"],
    &["level"],
    &["phiên", "bản"],
    &["version"],
    &["đề", "án"],
    &["điều"],
    &["khoản"],
    &["chương"],
    &["mục"],
    &["phụ", "lục"],
    &["bảng"],
    &["hình"],
    &["quận"],
    &["phường"],
    &["phòng"],
    &["lô"],
    &["quốc", "lộ"],
    &["tỉnh", "lộ"],
    &["thứ"],
    &["khóa"],
    &["khoá"],
    &["mã"],
    &["số", "hiệu"],
    &["nghị", "định"],
    &["quyết", "định"],
    &["thông", "tư"],
    &["chỉ", "thị"],
    &["nghị", "quyết"],
    &["công", "văn"],
    &["văn", "bản"],
    &["luật"],
    &["kế", "hoạch", "số"],
    &["tờ", "trình"],
    &["báo", "cáo", "số"],
    &["iso"],
    &["tcvn"],
    &["qcvn"],
];

/// Whether the number after the history names a thing (see the module
/// docs). Ranks ("xếp thứ 45") are read before this is asked.
pub(crate) fn names_a_thing(history: &History, src: Src<'_>) -> bool {
    if history.phrase(src, 0, &NAMES).is_some() {
        return true;
    }
    // "Nghị định số 42": a document type, then "số".
    if history.ends_with(src, 0, &["số"]) && history.phrase(src, 1, &NAMES).is_some() {
        return true;
    }
    // "mức độ 3, 4", "mức độ 3 và 4": a list after a name.
    let joined = history.back(0).is_some_and(|e| match e.mark {
        Mark::Punct(c) => matches!(c, ',' | '-' | '–'),
        Mark::Word => src.any(src.get(e.start, e.end), &["và", "hoặc"]),
        _ => false,
    });
    joined && history.back(1).is_some_and(|e| e.mark == Mark::Name)
}

/// Whether a period word follows the number ending at `end` ("6 tháng",
/// "3 năm", "4 tuần"): a duration, not a figure.
pub(crate) fn duration_after(src: Src<'_>, end: usize) -> bool {
    let mut c = Cursor::new(src, end);
    c.word("tháng") || c.word("năm") || c.word("tuần")
}

/// Whether the parenthesis opened at `open` closes soon: at most 10 tokens
/// and 100 bytes ("(362.721 thuê bao)", "(đạt khoảng 180 triệu)").
pub(crate) fn short_paren(src: Src<'_>, after_open: usize) -> bool {
    let mut c = Cursor::new(src, after_open);
    for _ in 0..10 {
        match c.next_token() {
            Some(t) if t.start > after_open.saturating_add(100) => return false,
            Some(t) => match t.kind {
                super::scan::Kind::Punct(')') => return true,
                super::scan::Kind::Punct('(') | super::scan::Kind::Break => return false,
                _ => {}
            },
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn literals() {
        assert_eq!(literal("58.397.139"), Literal::Number("58.397.139"));
        assert_eq!(literal("61/63"), Literal::Fraction("61", "63"));
        assert_eq!(
            literal("11.923/13.506"),
            Literal::Fraction("11.923", "13.506")
        );
        assert_eq!(literal("24/7"), Literal::Other);
        assert_eq!(literal("13/2022"), Literal::Other);
        assert_eq!(literal("42/2022/5"), Literal::Other);
    }

    #[test]
    fn codes_and_identifiers() {
        let t = "Nghị định số 42/2022/NĐ-CP của";
        let end = t.find("/NĐ").unwrap();
        assert_eq!(code_after(t, end), Some(t.find(" của").unwrap()));
        let t = "COVID-19 và c63.mic";
        assert!(inside_identifier(t, t.find("19").unwrap()));
        assert!(inside_identifier(t, t.find("63").unwrap()));
        let t = "0,72 doanh nghiệp/ 1000 dân";
        assert!(inside_identifier(t, t.find("1000").unwrap()));
        assert_eq!(code_after("5/ngày", 1), None);
        assert_eq!(sign_before("giảm -5%", 8), Some(7));
        assert_eq!(sign_before("10-5", 3), None);
        assert_eq!(list_marker("1. Giới", 1), Some(2));
        assert_eq!(list_marker("1.500", 1), None);
    }
}
