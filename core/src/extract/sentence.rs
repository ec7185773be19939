//! Where sentences and clauses end.
//!
//! A sentence ends at `.`, `!`, `?` or `…` followed by the end of the text,
//! a line break, or spaces and then anything but a lower-case letter
//! (closing quotes or brackets may come between), so "v.v. và" and decimal
//! commas do not end one; a line break ends a paragraph and its sentence. A
//! clause ends where its sentence does, or at `;`. Decimal points never
//! reach this module: they are inside number tokens.

use super::scan::{Kind, Tokens};

/// Whether the mark ending at byte `end` closes a sentence.
pub(crate) fn closes(text: &str, end: usize) -> bool {
    let mut chars = text.get(end..).unwrap_or("").chars().peekable();
    for _ in 0..3 {
        match chars.peek() {
            Some('"' | '\'' | '”' | '’' | ')' | ']' | '»') => {
                chars.next();
            }
            _ => break,
        }
    }
    match chars.next() {
        None => true,
        Some(c) if c.is_whitespace() => {
            let mut line = matches!(c, '\n' | '\r');
            for c in chars {
                if c.is_whitespace() {
                    line |= matches!(c, '\n' | '\r');
                } else {
                    return line || !super::word::is_lower(c);
                }
            }
            true
        }
        Some(_) => false,
    }
}

/// The end of the clause that goes on at byte `from`: after its closing
/// full stop, or before its semicolon or line break (trailing spaces left
/// out), or the end of the text.
pub(crate) fn clause_end(text: &str, from: usize) -> usize {
    let trim = |end: usize| text.get(..end).map_or(end, |s| s.trim_end().len());
    for t in Tokens::new(text, from) {
        match t.kind {
            Kind::Break | Kind::Punct(';') => return trim(t.start),
            Kind::Punct('.' | '!' | '?' | '…') if closes(text, t.end) => return t.end,
            _ => {}
        }
    }
    trim(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn ends() {
        let t = "đạt 52,8%, vượt 2%. Dự đoán";
        assert_eq!(&t[..clause_end(t, 0)], "đạt 52,8%, vượt 2%.");
        let t = "hơn 63 triệu hồ sơ ; hơn 4,62 triệu";
        assert_eq!(&t[..clause_end(t, 0)], "hơn 63 triệu hồ sơ");
        let t = "Quý I/2023./.\nMạnh";
        assert_eq!(&t[..clause_end(t, 0)], "Quý I/2023./.");
        let t = "các việc v.v. và hơn";
        assert_eq!(clause_end(t, 0), t.len());
        assert!(closes("a. B", 2));
        assert!(!closes("a.b", 2));
        assert!(closes("a.\" Bộ", 2));
    }
}
