//! Slice and string helpers without panic paths.
//!
//! Several `core` library routines check their arguments with assertions
//! (`swap`, `rotate_right`, `copy_from_slice`, `chunks_exact` with a size
//! the optimiser cannot see is non-zero, `f64::clamp`, the `char` searcher
//! behind `split_once`). The crate's own checks rule those failures out, but
//! the assertions stay in the binary. These helpers do the same work with
//! `get`, so that no panic path survives optimisation: the C-ABI build
//! proves it (see `core/ffi`).

/// Swaps two elements; does nothing when either index is out of range.
pub(crate) fn swap<T: Copy>(s: &mut [T], a: usize, b: usize) {
    if let (Some(&x), Some(&y)) = (s.get(a), s.get(b)) {
        if let Some(slot) = s.get_mut(a) {
            *slot = y;
        }
        if let Some(slot) = s.get_mut(b) {
            *slot = x;
        }
    }
}

/// Swaps two elements of any type (moved, not copied); does nothing when
/// either index is out of range.
pub(crate) fn swap_moved<T>(s: &mut [T], a: usize, b: usize) {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    if lo == hi {
        return;
    }
    if let Some((left, right)) = s.split_at_mut_checked(hi) {
        if let (Some(x), Some(y)) = (left.get_mut(lo), right.first_mut()) {
            core::mem::swap(x, y);
        }
    }
}

/// Inserts `value` at `pos` among the first `len` elements, moving the rest
/// one place right. Returns `false` (and changes nothing) when `len` is not
/// below the slice's length or `pos` is beyond `len`.
pub(crate) fn insert<T: Copy>(s: &mut [T], len: usize, pos: usize, value: T) -> bool {
    if len >= s.len() || pos > len {
        return false;
    }
    let mut i = len;
    while i > pos {
        let prev = i.saturating_sub(1);
        if let Some(&v) = s.get(prev) {
            if let Some(slot) = s.get_mut(i) {
                *slot = v;
            }
        }
        i = prev;
    }
    if let Some(slot) = s.get_mut(pos) {
        *slot = value;
    }
    true
}

/// Copies as many elements as both slices hold.
pub(crate) fn copy<T: Copy>(dst: &mut [T], src: &[T]) {
    for (d, s) in dst.iter_mut().zip(src) {
        *d = *s;
    }
}

/// `v` moved into `[lo, hi]`; a NaN `v` stays NaN.
pub(crate) fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    if v < lo {
        lo
    } else if v > hi {
        hi
    } else {
        v
    }
}

/// The text before and after the first `byte` (an ASCII character).
pub(crate) fn split_once(s: &str, byte: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == byte)?;
    Some((s.get(..i)?, s.get(i.saturating_add(1)..)?))
}

/// The pieces of `s` between occurrences of `byte` (an ASCII character), as
/// `str::split` gives them.
pub(crate) fn split(s: &str, byte: u8) -> Split<'_> {
    Split {
        rest: Some(s),
        byte,
    }
}

/// The iterator of [`split`].
pub(crate) struct Split<'a> {
    rest: Option<&'a str>,
    byte: u8,
}

impl<'a> Iterator for Split<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match split_once(rest, self.byte) {
            Some((piece, after)) => {
                self.rest = Some(after);
                Some(piece)
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }
}

/// Consecutive rows of `width` elements (a shorter tail is left out), as
/// `chunks_exact` gives them but without its division by the width, which
/// keeps a panic path alive when the width is not a constant.
pub(crate) fn rows<T>(s: &[T], width: usize) -> Rows<'_, T> {
    Rows { rest: s, width }
}

/// The iterator of [`rows`].
pub(crate) struct Rows<'a, T> {
    rest: &'a [T],
    width: usize,
}

impl<'a, T> Iterator for Rows<'a, T> {
    type Item = &'a [T];

    fn next(&mut self) -> Option<&'a [T]> {
        if self.width == 0 {
            return None;
        }
        let (row, rest) = self.rest.split_at_checked(self.width)?;
        self.rest = rest;
        Some(row)
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn helpers_match_the_library() {
        let mut a = [1, 2, 3, 4];
        swap(&mut a, 0, 3);
        assert_eq!(a, [4, 2, 3, 1]);
        swap(&mut a, 0, 9);
        assert_eq!(a, [4, 2, 3, 1]);
        let mut b = [1, 3, 0, 0];
        assert!(insert(&mut b, 2, 1, 2));
        assert_eq!(b, [1, 2, 3, 0]);
        assert!(!insert(&mut b, 4, 0, 9));
        let mut c = [0.0; 2];
        copy(&mut c, &[1.0, 2.0, 3.0]);
        assert_eq!(c, [1.0, 2.0]);
        assert_eq!(clamp(5.0, 0.0, 1.0), 1.0);
        assert!(clamp(f64::NAN, 0.0, 1.0).is_nan());
        let v = [1, 2, 3, 4, 5];
        let ours: std::vec::Vec<&[i32]> = rows(&v, 2).collect();
        let lib: std::vec::Vec<&[i32]> = v.chunks_exact(2).collect();
        assert_eq!(ours, lib);
        assert_eq!(rows(&v, 0).count(), 0);
        let mut w = [4, 1, 3, 2];
        swap_moved(&mut w, 3, 0);
        assert_eq!(w, [2, 1, 3, 4]);
        swap_moved(&mut w, 1, 7);
        assert_eq!(w, [2, 1, 3, 4]);
        for (t, b) in [
            ("58.397.139", b'.'),
            ("a,,b,", b','),
            ("", b'.'),
            ("x", b'x'),
        ] {
            let ours: std::vec::Vec<&str> = split(t, b).collect();
            let lib: std::vec::Vec<&str> = t.split(char::from(b)).collect();
            assert_eq!(ours, lib, "{t}");
            assert_eq!(split_once(t, b), t.split_once(char::from(b)), "{t}");
        }
    }
}
