//! Comparing a word of the text with a keyword, with or without diacritics.
//!
//! Keywords are written in lower case with their diacritics ("khoảng",
//! "tỷ"). A word of the text matches when:
//!
//! - it is written with precomposed diacritics and equals the keyword once
//!   lower-cased ("Khoảng" is "khoảng", "hơn" is not "hờn");
//! - it is plain ASCII, as in text typed without diacritics, and equals the
//!   keyword with its diacritics removed ("khoang" is "khoảng");
//! - it holds combining marks (text in decomposed form) and equals the
//!   keyword once both are folded ([`crate::text::fold`]).
//!
//! The second rule applies only to a text with no diacritics anywhere
//! ([`Src::plain`]): in a text that has them, "quy" (of "quy định") is not
//! "quý" and "Nam" (of "Việt Nam") is not "năm". So text with diacritics is
//! matched exactly, and text without them as well as it can be.

use crate::text::folded;

/// Whether `c` is a combining diacritical mark (U+0300–U+036F).
pub(crate) fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Whether `c` is a lowercase letter: one that uppercases to another
/// character. `char::is_lowercase` and `char::is_uppercase` look their
/// property up in bitsets whose bounds checks the optimiser keeps (a panic
/// path, which the C-ABI module's no-panic build refuses); these two go
/// through the case-conversion tables only. They differ from the standard
/// properties only on letters without a case partner (ª, º, ĸ, modifier
/// letters such as ʰ) and on titlecase letters (ǅ, both here), none of which
/// Vietnamese writes.
pub(crate) fn is_lower(c: char) -> bool {
    c.is_ascii_lowercase() || (!c.is_ascii() && c.to_uppercase().next() != Some(c))
}

/// Whether `c` is an uppercase letter: one that lowercases to another
/// character (see [`is_lower`]).
pub(crate) fn is_upper(c: char) -> bool {
    c.is_ascii_uppercase() || (!c.is_ascii() && c.to_lowercase().next() != Some(c))
}

/// The lower case of `c` where it is a single character (always, for the
/// Latin letters Vietnamese uses).
#[inline]
fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(a), None) => a,
        _ => c,
    }
}

/// Whether two character sequences are equal.
fn same(a: impl Iterator<Item = char>, mut b: impl Iterator<Item = char>) -> bool {
    for x in a {
        if b.next() != Some(x) {
            return false;
        }
    }
    b.next().is_none()
}

/// Whether the word `w` is the keyword `key` (lower case, with
/// diacritics), in a text without diacritics when `plain`.
pub(crate) fn is(w: &str, key: &str, plain: bool) -> bool {
    if w.is_empty() {
        return key.is_empty();
    }
    if w.is_ascii() && plain {
        same(w.chars().map(|c| c.to_ascii_lowercase()), folded(key))
    } else if w.chars().any(is_mark) {
        same(folded(w), folded(key))
    } else {
        same(w.chars().map(lower), key.chars())
    }
}

/// The text being read, and whether it is written without diacritics.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Src<'a> {
    pub(crate) text: &'a str,
    /// No letter of the text carries a diacritic (nor a combining mark):
    /// keywords then match without theirs.
    pub(crate) plain: bool,
    /// The text has combining marks (decomposed diacritics).
    marks: bool,
}

impl<'a> Src<'a> {
    /// `text`, looked over once to see whether it has diacritics.
    pub(crate) fn new(text: &'a str) -> Src<'a> {
        let (mut accented, mut marks) = (false, false);
        for c in text.chars().filter(|c| !c.is_ascii()) {
            marks |= is_mark(c);
            accented = accented || super::scan::is_word_char(c) && !is_mark(c);
            if marks && accented {
                break;
            }
        }
        Src {
            text,
            plain: !accented && !marks,
            marks,
        }
    }

    /// The text from `start` to `end` (empty where that is not a slice).
    pub(crate) fn get(self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end).unwrap_or("")
    }

    /// Whether the word `w` is the keyword `key` (the same as [`is`],
    /// without looking at the word twice in a text with precomposed
    /// diacritics).
    pub(crate) fn is(self, w: &str, key: &str) -> bool {
        // Two different ASCII letters first: no reading makes them equal.
        if let (Some(&a), Some(&b)) = (w.as_bytes().first(), key.as_bytes().first()) {
            if a.is_ascii() && b.is_ascii() && a.to_ascii_lowercase() != b {
                return false;
            }
        }
        let mut k = key.chars();
        let same_char = |c: char, kc: Option<char>| match kc {
            Some(kc) if kc == c => true,
            // An accented letter never lower-cases to an ASCII one.
            Some(kc) if kc.is_ascii() && !c.is_ascii() => false,
            kc => kc == Some(lower(c)),
        };
        if w.chars().all(|c| same_char(c, k.next())) && k.next().is_none() {
            return true;
        }
        if (self.plain && w.is_ascii()) || (self.marks && w.chars().any(is_mark)) {
            return is(w, key, self.plain);
        }
        false
    }

    /// Whether `w` is one of `keys`.
    pub(crate) fn any(self, w: &str, keys: &[&str]) -> bool {
        keys.iter().any(|k| self.is(w, k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn letter_case_agrees_with_the_unicode_properties_but_for_letters_without_a_partner() {
        // The reference: the standard library's Lowercase and Uppercase
        // properties. Every character where the helpers differ from them is
        // a cased letter without a case partner (ª, º, ĸ: lowercase only by
        // the property) or a titlecase letter (ǅ: lower and upper by its
        // mappings, neither by the properties).
        let mut differ = 0;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if is_lower(c) == c.is_lowercase() && is_upper(c) == c.is_uppercase() {
                continue;
            }
            differ += 1;
            let unpaired = c.to_uppercase().eq([c]) && c.to_lowercase().eq([c]);
            let title = is_lower(c) && is_upper(c) && !c.is_lowercase() && !c.is_uppercase();
            assert!(unpaired || title, "{c:?} U+{:04X}", u32::from(c));
        }
        // 1 626 in Unicode 16 (modifier letters such as ʰ among them).
        assert!(differ > 0 && differ < 2000, "{differ}");
        // Every letter of Vietnamese agrees.
        let vi = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ";
        for c in vi.chars().chain(vi.chars().flat_map(char::to_uppercase)) {
            assert_eq!(
                (is_lower(c), is_upper(c)),
                (c.is_lowercase(), c.is_uppercase()),
                "{c}"
            );
        }
        assert!(!is_lower('ª') && 'ª'.is_lowercase());
        assert!(is_lower('ǅ') && is_upper('ǅ'));
    }

    #[test]
    fn with_and_without_diacritics() {
        let vi = Src::new("Việt Nam");
        let plain = Src::new("Viet Nam");
        assert!(!vi.plain && plain.plain);
        assert!(vi.is("Khoảng", "khoảng"));
        assert!(vi.is("KHOẢNG", "khoảng"));
        assert!(plain.is("khoang", "khoảng"));
        assert!(!vi.is("khoang", "khoảng"));
        assert!(!vi.is("quy", "quý"));
        assert!(vi.is("Mbps", "mbps"));
        assert!(vi.is("VNĐ", "vnđ"));
        assert!(plain.is("VND", "vnđ"));
        // o + combining horn, n.
        let nfd = Src::new("ho\u{31b}n");
        assert!(!nfd.plain && nfd.is("ho\u{31b}n", "hơn"));
        assert!(!vi.is("hờn", "hơn"));
        assert!(!vi.is("khoảng", "khoản"));
        assert!(!vi.is("", "a"));
        assert!(vi.any("tỉ", &["tỷ", "tỉ"]));
    }
}
