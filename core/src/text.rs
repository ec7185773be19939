//! Matching Vietnamese text typed with or without its diacritics.
//!
//! [`fold`] maps a character to its lower-case base letter ("Ố" → 'o',
//! "đ" → 'd') and drops combining marks (text typed in decomposed form), so
//! that "so giao dich" finds "Số giao dịch". [`folded_contains`] searches
//! with it, without allocating.

/// Vietnamese letters with diacritics (lower case) and their base letter.
const FOLDS: [(&str, char); 7] = [
    ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
    ("èéẻẽẹêềếểễệ", 'e'),
    ("ìíỉĩị", 'i'),
    ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
    ("ùúủũụưừứửữự", 'u'),
    ("ỳýỷỹỵ", 'y'),
    ("đ", 'd'),
];

/// The lower-case base letter of `c`, or `None` for a combining mark
/// (U+0300–U+036F), which folding drops.
///
/// # Examples
///
/// ```
/// use dxcast_core::text::fold;
///
/// assert_eq!(fold('Ố'), Some('o'));
/// assert_eq!(fold('Đ'), Some('d'));
/// assert_eq!(fold('\u{301}'), None);
/// assert_eq!(fold('N'), Some('n'));
/// ```
#[must_use]
pub fn fold(c: char) -> Option<char> {
    if ('\u{300}'..='\u{36f}').contains(&c) {
        return None;
    }
    // Vietnamese letters lower-case to a single character.
    let lower = c.to_lowercase().next().unwrap_or(c);
    Some(
        FOLDS
            .iter()
            .find(|(set, _)| set.chars().any(|c| c == lower))
            .map_or(lower, |&(_, base)| base),
    )
}

/// The folded characters of `s`.
pub fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter_map(fold)
}

/// Whether `haystack` contains `needle` once both are folded ("Tổ công nghệ
/// số" contains "cong nghe"). An empty needle is always found.
///
/// # Examples
///
/// ```
/// use dxcast_core::text::folded_contains;
///
/// assert!(folded_contains("Số giao dịch qua NDXP", "so giao dich"));
/// assert!(folded_contains("Tổ công nghệ số cộng đồng", "CỘNG ĐỒNG"));
/// assert!(!folded_contains("Số giao dịch", "ngày"));
/// ```
#[must_use]
pub fn folded_contains(haystack: &str, needle: &str) -> bool {
    let mut starts = haystack.char_indices().map(|(i, _)| i);
    loop {
        let Some(start) = starts.next() else {
            return folded(needle).next().is_none();
        };
        let rest = haystack.get(start..).unwrap_or("");
        let mut hay = folded(rest);
        if folded(needle).all(|n| hay.next() == Some(n)) {
            return true;
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn decomposed_text_matches_composed_text() {
        // o + combining circumflex + combining acute.
        assert!(folded_contains("So\u{302}\u{301} giao", "số giao"));
        assert!(folded_contains("ĐỒNG Ý", "dong y"));
        assert!(folded_contains("", ""));
        assert!(!folded_contains("", "a"));
    }
}
