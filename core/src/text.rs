//! Matching Vietnamese text typed with or without its diacritics.
//!
//! [`fold`] maps a character to its lower-case base letter ("Ố" → 'o',
//! "đ" → 'd') and drops combining marks (text typed in decomposed form), so
//! that "so giao dich" finds "Số giao dịch". [`folded_contains`] searches
//! with it, without allocating, in time linear in both texts (Knuth, Morris
//! and Pratt's matcher over the folded characters), so a pasted page of text
//! never freezes a search box. A needle may hold up to [`MAX_NEEDLE`] folded
//! characters; a longer one matches nothing.

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
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    // Vietnamese letters lower-case to a single character.
    let lower = c.to_lowercase().next().unwrap_or(c);
    Some(match lower {
        'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'ă' | 'ằ' | 'ắ' | 'ẳ' | 'ẵ' | 'ặ' | 'â' | 'ầ' | 'ấ' | 'ẩ'
        | 'ẫ' | 'ậ' => 'a',
        'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ê' | 'ề' | 'ế' | 'ể' | 'ễ' | 'ệ' => 'e',
        'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' => 'i',
        'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ô' | 'ồ' | 'ố' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ờ' | 'ớ' | 'ở'
        | 'ỡ' | 'ợ' => 'o',
        'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'ư' | 'ừ' | 'ứ' | 'ử' | 'ữ' | 'ự' => 'u',
        'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' => 'y',
        'đ' => 'd',
        other => other,
    })
}

/// The most folded characters [`folded_contains`] looks for.
pub const MAX_NEEDLE: usize = 256;

/// The folded characters of `s`.
pub fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter_map(fold)
}

/// Whether `haystack` contains `needle` once both are folded ("Tổ công nghệ
/// số" contains "cong nghe"). An empty needle is always found; a needle of
/// more than [`MAX_NEEDLE`] folded characters never is. Linear in the length
/// of both.
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
    // The folded needle and its failure table: fail[i] is the length of the
    // longest proper prefix of needle[..=i] that is also its suffix.
    let mut pat = ['\0'; MAX_NEEDLE];
    let mut m = 0usize;
    for c in folded(needle) {
        let Some(slot) = pat.get_mut(m) else {
            return false;
        };
        *slot = c;
        m = m.saturating_add(1);
    }
    if m == 0 {
        return true;
    }
    let pat = pat.get(..m).unwrap_or(&[]);
    let mut fail = [0usize; MAX_NEEDLE];
    let mut k = 0usize;
    for (i, &c) in pat.iter().enumerate().skip(1) {
        while k > 0 && pat.get(k) != Some(&c) {
            k = fail.get(k.saturating_sub(1)).copied().unwrap_or(0);
        }
        if pat.get(k) == Some(&c) {
            k = k.saturating_add(1);
        }
        if let Some(slot) = fail.get_mut(i) {
            *slot = k;
        }
    }
    let mut k = 0usize;
    for c in folded(haystack) {
        while k > 0 && pat.get(k) != Some(&c) {
            k = fail.get(k.saturating_sub(1)).copied().unwrap_or(0);
        }
        if pat.get(k) == Some(&c) {
            k = k.saturating_add(1);
            if k == m {
                return true;
            }
        }
    }
    false
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

    #[test]
    fn matches_where_a_naive_scan_backs_up() {
        // Partial matches that overlap: "aab" in "aaab", "abab" in "ababab".
        assert!(folded_contains("aaab", "aab"));
        assert!(folded_contains("xxababab", "ÁBAB"));
        assert!(!folded_contains("ababa", "abb"));
        // Every needle of a text's windows is found in it, and a changed
        // letter is not.
        let text = "Tổng số giao dịch qua NDXP đạt khoảng 806 triệu lượt";
        let chars: std::vec::Vec<char> = text.chars().collect();
        for i in 0..chars.len() {
            for j in i..chars.len() {
                let needle: std::string::String = chars[i..=j].iter().collect();
                assert!(folded_contains(text, &needle), "{needle}");
            }
        }
        assert!(!folded_contains(text, "806 trieu luotx"));
        // Longer than the limit: never found, at once.
        let long = "a".repeat(MAX_NEEDLE + 1);
        assert!(!folded_contains(&"a".repeat(10_000), &long));
        assert!(folded_contains(&"a".repeat(10_000), &long[..MAX_NEEDLE]));
    }
}
