//! The figure finder on any text: every span slices the text on character
//! boundaries, every number is finite, and UTF-16 offsets keep their order.
#![no_main]

use dxcast_core::extract::{Claims, Figures};
use dxcast_fuzz::{finite, known, Bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes::new(data);
    let as_of = (b.u8() < 200).then(|| b.date());
    let text = b.text();
    let mut last = 0;
    for f in Figures::new(&text, as_of) {
        for s in [Some(f.span), Some(f.sentence), f.cue]
            .into_iter()
            .flatten()
        {
            assert!(s.start <= s.end && s.end <= text.len(), "{s:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert_eq!(s.of(&text), &text[s.start..s.end]);
            let (a, z) = s.utf16(&text);
            assert!(a <= z);
        }
        assert!(f.sentence.start <= f.span.start && f.span.end <= f.sentence.end);
        assert!(f.span.start >= last, "figures out of order");
        last = f.span.start;
        finite(f.value, "value");
        finite(f.precision, "precision");
        known(f.denominator, "denominator");
    }
    for c in Claims::new(&text, as_of) {
        finite(c.figure.value, "claim figure");
        assert!(c.figure.span.end <= text.len());
    }
});
