//! The qualifier of a figure: the words right before its number.
//!
//! | words | qualifier |
//! |---|---|
//! | none, "đạt", "là", "mới đạt" | exact |
//! | "khoảng", "xấp xỉ", "chừng" | about |
//! | "hơn", "trên", "lớn hơn", "nhiều hơn", "lên đến hơn", "lên tới hơn" | more than |
//! | "gần", "dưới", "chưa đến", "chưa tới" | nearly (a little less than) |
//! | "tối thiểu", "ít nhất", "không dưới", "không ít hơn" | at least |
//! | "lên đến", "lên tới", "tối đa", "nhiều nhất", "không quá" | up to |
//!
//! The rows of DATA.md's table are the reports' own words; the others are
//! their usual synonyms. "cao hơn 5%" and "thấp hơn 5%" are changes, not
//! qualified figures, so their "hơn" is left to [`super::claim`]. Only words
//! with nothing but spaces between them and the number count.

use super::scan::History;
use super::word::Src;
use crate::observation::Qualifier;

/// Qualifier phrases, longer ones before the shorter ones they end with.
const BEFORE: [(&[&str], Qualifier); 22] = [
    (&["lên", "đến", "hơn"], Qualifier::MoreThan),
    (&["lên", "tới", "hơn"], Qualifier::MoreThan),
    (&["lên", "đến"], Qualifier::UpTo),
    (&["lên", "tới"], Qualifier::UpTo),
    (&["tối", "đa"], Qualifier::UpTo),
    (&["nhiều", "nhất"], Qualifier::UpTo),
    (&["không", "quá"], Qualifier::UpTo),
    (&["tối", "thiểu"], Qualifier::AtLeast),
    (&["ít", "nhất"], Qualifier::AtLeast),
    (&["không", "dưới"], Qualifier::AtLeast),
    (&["không", "ít", "hơn"], Qualifier::AtLeast),
    (&["lớn", "hơn"], Qualifier::MoreThan),
    (&["nhiều", "hơn"], Qualifier::MoreThan),
    (&["hơn"], Qualifier::MoreThan),
    (&["trên"], Qualifier::MoreThan),
    (&["khoảng"], Qualifier::About),
    (&["xấp", "xỉ"], Qualifier::About),
    (&["chừng"], Qualifier::About),
    (&["gần"], Qualifier::Nearly),
    (&["chưa", "đến"], Qualifier::Nearly),
    (&["chưa", "tới"], Qualifier::Nearly),
    (&["dưới"], Qualifier::Nearly),
];

/// The qualifier written before the number after the history, and how many
/// words it takes (0 for exact).
pub(crate) fn before(history: &History, text: Src<'_>) -> (Qualifier, usize) {
    for (phrase, q) in BEFORE {
        if history.ends_with(text, 0, phrase) {
            let n = phrase.len();
            // "cao hơn 5%", "thấp hơn 5%": a change.
            if n == 1
                && history.ends_with(text, 0, &["hơn"])
                && history.phrase(text, 1, &[&["cao"], &["thấp"]]).is_some()
            {
                return (Qualifier::Exact, 0);
            }
            return (q, n);
        }
    }
    (Qualifier::Exact, 0)
}

#[cfg(test)]
mod tests {
    use super::super::scan::{Kind, Mark, Tokens};
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn q(text: &str) -> (Qualifier, usize) {
        let mut h = History::new();
        for t in Tokens::new(text, 0).filter(|t| t.kind == Kind::Word) {
            h.push(Mark::Word, t.start, t.end);
        }
        before(&h, Src::new(text))
    }

    #[test]
    fn the_reports_words() {
        assert_eq!(q("đạt khoảng"), (Qualifier::About, 1));
        assert_eq!(q("số người tham gia lên đến hơn"), (Qualifier::MoreThan, 3));
        assert_eq!(q("sản phẩm lên đến"), (Qualifier::UpTo, 2));
        assert_eq!(q("đạt tối thiểu"), (Qualifier::AtLeast, 2));
        assert_eq!(q("giao dịch lớn hơn"), (Qualifier::MoreThan, 2));
        assert_eq!(q("đã có gần"), (Qualifier::Nearly, 1));
        assert_eq!(q("và trên"), (Qualifier::MoreThan, 1));
        assert_eq!(q("mới đạt"), (Qualifier::Exact, 0));
        assert_eq!(q("cao hơn"), (Qualifier::Exact, 0));
        assert_eq!(q("khoang"), (Qualifier::About, 1));
    }
}
