//! What the fuzz targets share: reading structured values out of the
//! fuzzer's bytes, and the invariants every result must keep.

use dxcast_core::{Date, Point};

/// Reads values from the fuzzer's bytes; past the end every read gives 0.
pub struct Bytes<'a> {
    data: &'a [u8],
}

impl<'a> Bytes<'a> {
    /// A reader over `data`.
    pub fn new(data: &'a [u8]) -> Bytes<'a> {
        Bytes { data }
    }

    /// One byte.
    pub fn u8(&mut self) -> u8 {
        match self.data.split_first() {
            Some((b, rest)) => {
                self.data = rest;
                *b
            }
            None => 0,
        }
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        let v = usize::from(self.u8()) << 8 | usize::from(self.u8());
        if n == 0 {
            0
        } else {
            v % n
        }
    }

    /// Any float, NaN and infinities included, half of the time a "nice"
    /// one (small integers, round figures of the reports' size).
    pub fn f64(&mut self) -> f64 {
        let tag = self.u8();
        if tag < 128 {
            let mut b = [0u8; 8];
            for x in &mut b {
                *x = self.u8();
            }
            f64::from_le_bytes(b)
        } else {
            let m = f64::from(u16::from(self.u8()) << 8 | u16::from(self.u8()));
            let scale = [1.0, 0.01, 0.1, 1e3, 1e6, 1e9, 100.0, -1.0][usize::from(tag % 8)];
            m * scale
        }
    }

    /// A date in years 1900–2100 mostly, sometimes anywhere.
    pub fn date(&mut self) -> Date {
        let days = if self.u8() < 230 {
            i32::from(i16::from_le_bytes([self.u8(), self.u8()])) + 19_000
        } else {
            i32::from_le_bytes([self.u8(), self.u8(), self.u8(), self.u8()])
        };
        Date::from_day_number(days).unwrap_or(Date::EPOCH)
    }

    /// Dated points with increasing dates (the values may be anything).
    pub fn points(&mut self, max: usize) -> Vec<Point> {
        let n = self.below(max + 1);
        let mut day = i32::from(self.u8()) + 18_000;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            day += 1 + i32::from(self.u8()) * i32::from(self.u8() % 8 + 1);
            let Ok(date) = Date::from_day_number(day) else {
                break;
            };
            out.push(Point::new(date, self.f64()));
        }
        out
    }

    /// The rest, as text (invalid UTF-8 replaced).
    pub fn text(&mut self) -> String {
        let s = String::from_utf8_lossy(self.data).into_owned();
        self.data = &[];
        s
    }
}

/// A number a result may hold: finite.
pub fn finite(v: f64, what: &str) {
    assert!(v.is_finite(), "{what} is {v}");
}

/// An optional number: finite when present.
pub fn known(v: Option<f64>, what: &str) {
    if let Some(v) = v {
        finite(v, what);
    }
}
