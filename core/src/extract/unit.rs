//! The unit of a figure: the words after its number, and ranks before it.
//!
//! | after the number | unit | value |
//! |---|---|---|
//! | `%`, "phần trăm" | percent | as written |
//! | "triệu", "tỷ"/"tỉ", "nghìn"/"ngàn", "nghìn tỷ", "triệu tỷ" | count (or the currency after it) | × 10⁶, 10⁹, 10³, 10¹², 10¹⁵ |
//! | "đồng", "VNĐ", "VND", "đ" | VND | |
//! | "USD", "đô la" ("Mỹ") | USD | |
//! | "Mbps"; "Gbps" | Mbps | × 1; × 1000 |
//! | "lần" after "gấp", "tăng" or "giảm" | times | |
//! | anything else | count | |
//!
//! Before the number, "xếp thứ", "đứng thứ", "thứ hạng", "xếp hạng", "hạng",
//! "vị trí thứ" make it a rank, and "Top" a rank of at most N. After the
//! unit, "trở lên" (or more) and "trở xuống" (or less) qualify the figure,
//! and "/ngày", "mỗi ngày" make it a daily average.

use super::scan::{Cursor, History};
use super::word::Src;
use crate::indicator::Unit;
use crate::observation::Qualifier;

/// What follows a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct After {
    /// The factor of the scale word (1 without one), times 1000 for Gbps.
    pub(crate) scale: f64,
    /// The unit.
    pub(crate) unit: Unit,
    /// The end of the figure's quote (number, scale and unit words).
    pub(crate) end: usize,
    /// "trở lên", "trở xuống".
    pub(crate) qualifier: Option<Qualifier>,
    /// "/ngày", "mỗi ngày", "một ngày".
    pub(crate) per_day: bool,
}

/// Words that follow "đồng" when it is not the currency ("đồng nghiệp",
/// "đồng bào", …).
const NOT_DONG: [&str; 14] = [
    "nghiệp", "bào", "chí", "hồ", "thời", "ý", "bộ", "đều", "hành", "phục", "cảm", "loạt", "tâm",
    "minh",
];

/// Whether `w` is the scale word `key`, with "tỉ" for "tỷ".
fn scale_word(src: Src<'_>, w: &str, key: &str) -> bool {
    src.is(w, key) || (key == "tỷ" && src.is(w, "tỉ"))
}

/// Reads a scale word ("nghìn tỷ", "triệu", …), or two ("triệu tỷ",
/// 10¹⁵), and gives the factor.
fn scale(c: &mut Cursor<'_>) -> Option<f64> {
    let first = one_scale(c)?;
    Some(match one_scale(c) {
        Some(second) => first * second,
        None => first,
    })
}

/// Reads one scale word.
fn one_scale(c: &mut Cursor<'_>) -> Option<f64> {
    let src = c.src();
    for (phrase, factor) in crate::number::SCALES {
        let mut d = c.fork();
        let all = crate::slices::split(phrase, b' ').all(|key| {
            let mut e = d.fork();
            match e.any_word() {
                Some(w) if scale_word(src, w, key) => {
                    d = e;
                    true
                }
                _ => false,
            }
        });
        // "tỷ lệ", "tỷ trọng": ratio words, not scales.
        if all && !d.fork().word("lệ") && !d.fork().word("trọng") {
            *c = d;
            return Some(factor);
        }
    }
    None
}

/// Whether a word stuck to a number is a unit or scale ("80Mbps", "5tỷ",
/// "1.000đ"); otherwise the number is part of a name ("4G").
fn attached_unit(src: Src<'_>, w: &str) -> bool {
    crate::number::SCALES
        .iter()
        .any(|(p, _)| !p.contains(' ') && scale_word(src, w, p))
        || src.any(w, &["mbps", "gbps", "usd", "vnđ", "vnd", "đ", "đồng"])
}

/// Reads what follows the number that ends at `end`. `times` allows "lần"
/// (after "gấp", "tăng", "giảm"). `None` when letters are stuck to the
/// number and are not a unit ("4G").
pub(crate) fn after(src: Src<'_>, end: usize, times: bool) -> Option<After> {
    let mut c = Cursor::new(src, end);
    if let Some(w) = c.fork().tight_word() {
        if !attached_unit(src, w) {
            return None;
        }
    }
    let mut out = After {
        scale: 1.0,
        unit: Unit::Count,
        end,
        qualifier: None,
        per_day: false,
    };
    if c.punct('%', false) || c.words(&["phần", "trăm"]) {
        out.unit = Unit::Percent;
        out.end = c.pos();
    } else {
        if let Some(f) = scale(&mut c) {
            out.scale = f;
            out.end = c.pos();
        }
        let mut d = c.fork();
        let unit = if d.word("đồng") {
            let compound = d.fork().any_word().is_some_and(|w| src.any(w, &NOT_DONG));
            (!compound).then_some((Unit::Vnd, 1.0))
        } else if d.word("vnđ") || d.word("vnd") || d.word("đ") {
            Some((Unit::Vnd, 1.0))
        } else if d.word("usd") {
            Some((Unit::Usd, 1.0))
        } else if d.words(&["đô", "la"]) {
            d.word("mỹ");
            Some((Unit::Usd, 1.0))
        } else if d.word("mbps") {
            Some((Unit::Mbps, 1.0))
        } else if d.word("gbps") {
            Some((Unit::Mbps, 1000.0))
        } else if times && d.word("lần") {
            Some((Unit::Times, 1.0))
        } else {
            None
        };
        if let Some((unit, factor)) = unit {
            c = d;
            out.unit = unit;
            out.scale *= factor;
            out.end = c.pos();
        }
    }
    if c.words(&["trở", "lên"]) {
        out.qualifier = Some(Qualifier::AtLeast);
    } else if c.words(&["trở", "xuống"]) {
        out.qualifier = Some(Qualifier::UpTo);
    }
    out.per_day = (c.punct('/', false) && c.word("ngày"))
        || c.words(&["mỗi", "ngày"])
        || c.words(&["một", "ngày"]);
    Some(out)
}

/// Words before a number that make it a rank.
const RANKS: [&[&str]; 7] = [
    &["xếp", "thứ"],
    &["đứng", "thứ"],
    &["vị", "trí", "thứ"],
    &["thứ", "hạng"],
    &["xếp", "hạng"],
    &["hạng"],
    &["top"],
];

/// Whether the number after the history is a rank, and whether it is a
/// bound ("Top 50": a rank of at most 50).
pub(crate) fn rank_before(history: &History, src: Src<'_>) -> Option<bool> {
    let n = history.phrase(src, 0, &RANKS)?;
    Some(n == 1 && history.ends_with(src, 0, &["top"]))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn read(text: &str, times: bool) -> Option<(f64, Unit, &str)> {
        let end = text.find(|c: char| !c.is_ascii_digit() && c != ',' && c != '.')?;
        let a = after(Src::new(text), end, times)?;
        Some((a.scale, a.unit, &text[..a.end]))
    }

    #[test]
    fn units_and_scales() {
        assert_eq!(
            read("12,9 nghìn tỷ đồng.", false),
            Some((1e12, Unit::Vnd, "12,9 nghìn tỷ đồng"))
        );
        assert_eq!(
            read("36,3 tỷ USD, tăng", false),
            Some((1e9, Unit::Usd, "36,3 tỷ USD"))
        );
        assert_eq!(
            read("79,95 Mbps, tăng", false),
            Some((1.0, Unit::Mbps, "79,95 Mbps"))
        );
        assert_eq!(
            read("97,3%, gần", false),
            Some((1.0, Unit::Percent, "97,3%"))
        );
        assert_eq!(
            read("52,8 % kế", false),
            Some((1.0, Unit::Percent, "52,8 %"))
        );
        assert_eq!(
            read("4,8 lần so", true),
            Some((1.0, Unit::Times, "4,8 lần"))
        );
        assert_eq!(read("2 lần một", false), Some((1.0, Unit::Count, "2")));
        assert_eq!(
            read("1,2 tỉ giao", false),
            Some((1e9, Unit::Count, "1,2 tỉ"))
        );
        assert_eq!(read("5 tỷ lệ", false), Some((1.0, Unit::Count, "5")));
        assert_eq!(read("5 đồng nghiệp", false), Some((1.0, Unit::Count, "5")));
        assert_eq!(read("1 Gbps", false), Some((1000.0, Unit::Mbps, "1 Gbps")));
        assert_eq!(read("80Mbps", false), Some((1.0, Unit::Mbps, "80Mbps")));
        assert_eq!(read("4G", false), None);
        assert_eq!(
            read("1,35 triệu tỷ đồng .", false),
            Some((1e15, Unit::Vnd, "1,35 triệu tỷ đồng"))
        );
        assert_eq!(read("02 Nghị định", false), Some((1.0, Unit::Count, "02")));
        let a = after(Src::new("80% trở lên"), 2, false).unwrap();
        assert_eq!(a.qualifier, Some(Qualifier::AtLeast));
        assert!(after(Src::new("2,1 triệu/ngày"), 3, false).unwrap().per_day);
    }
}
