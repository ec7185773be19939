//! Byte offsets as UTF-16 offsets, for JavaScript's `text.slice(start, end)`.
//!
//! The finder gives byte offsets into the UTF-8 text. JavaScript strings
//! count UTF-16 code units: "ố" is 3 bytes but 1 unit, an emoji 4 bytes but
//! 2 units. [`utf16_offset`] converts one offset; [`Utf16Offsets`] converts
//! a rising sequence of them in one pass over the text.

/// `byte` moved back onto a character boundary of `text` and into it.
fn boundary(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b = b.saturating_sub(1);
    }
    b
}

/// The UTF-16 offset of byte offset `byte` of `text` (moved back onto a
/// character boundary first, and to the end of the text when beyond it).
///
/// # Examples
///
/// ```
/// use dxcast_core::extract::utf16_offset;
///
/// let text = "Quý I/2024: 36,3 tỷ USD";
/// let byte = text.find("36,3").unwrap();
/// assert_eq!(byte, 13);
/// assert_eq!(utf16_offset(text, byte), 12);
/// ```
#[must_use]
pub fn utf16_offset(text: &str, byte: usize) -> usize {
    let b = boundary(text, byte);
    text.get(..b)
        .unwrap_or("")
        .chars()
        .fold(0usize, |n, c| n.saturating_add(c.len_utf16()))
}

/// Converts byte offsets of one text to UTF-16 offsets, remembering where it
/// stopped: converting offsets in rising order costs one pass over the text
/// in all (an offset before the last one starts again from the beginning).
///
/// # Examples
///
/// ```
/// use dxcast_core::extract::{Figures, Utf16Offsets};
///
/// let text = "Đến nay, có 80,2% hộ gia đình và 100% xã";
/// let mut utf16 = Utf16Offsets::new(text);
/// let spans: Vec<(usize, usize)> = Figures::new(text, None)
///     .map(|f| (utf16.offset(f.span.start), utf16.offset(f.span.end)))
///     .collect();
/// assert_eq!(spans, [(12, 17), (33, 37)]);
/// ```
#[derive(Debug, Clone)]
pub struct Utf16Offsets<'a> {
    text: &'a str,
    byte: usize,
    unit: usize,
}

impl<'a> Utf16Offsets<'a> {
    /// A converter for `text`.
    #[must_use]
    pub const fn new(text: &'a str) -> Utf16Offsets<'a> {
        Utf16Offsets {
            text,
            byte: 0,
            unit: 0,
        }
    }

    /// The UTF-16 offset of byte offset `byte` (see [`utf16_offset`]).
    pub fn offset(&mut self, byte: usize) -> usize {
        let b = boundary(self.text, byte);
        if b < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        let step = self.text.get(self.byte..b).unwrap_or("");
        self.unit = step
            .chars()
            .fold(self.unit, |n, c| n.saturating_add(c.len_utf16()));
        self.byte = b;
        self.unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn agrees_with_encode_utf16() {
        let text = "a\u{1F600}ố 5%";
        let mut conv = Utf16Offsets::new(text);
        for b in 0..=text.len() + 2 {
            let expected = text[..boundary(text, b)].encode_utf16().count();
            assert_eq!(utf16_offset(text, b), expected, "{b}");
            assert_eq!(conv.offset(b), expected, "{b}");
        }
        assert_eq!(conv.offset(1), 1);
    }
}
