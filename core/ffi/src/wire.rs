//! Little-endian encoding of the ABI's records and arrays.
//!
//! Input records are copied out of linear memory whole ([`read_record`]) and
//! decoded from the local copy; output records are built in a local buffer
//! ([`Record`]) and copied in whole, only when the call has succeeded.
//! Arrays are read and written element by element through a checked
//! [`Region`].
//!
//! A record never carries NaN or an infinity: a number that may be unknown
//! is written with a bit in the record's `known` flags ([`Record::opt`]),
//! and a number that must be known but is not finite fails the call with
//! [`Error::Overflow`] ([`Record::checked`]) rather than reach the host.

use dxcast_core::{Error, Field};

use crate::failure::Failure;
use crate::mem::{Call, Region};

/// Reads the `N`-byte record at `addr`, aligned to 8.
pub(crate) fn read_record<const N: usize>(
    cx: &mut Call,
    arg: &'static str,
    addr: u32,
) -> Result<[u8; N], Failure> {
    let region = cx.input(arg, addr, N, 8)?;
    region
        .load::<N>(0)
        .ok_or(Failure::BadRegion { arg, addr, len: N })
}

/// The `N` bytes at `off` in `bytes` (zeros past the end, which the layouts'
/// constants never reach).
fn field<const N: usize>(bytes: &[u8], off: usize) -> [u8; N] {
    let mut out = [0u8; N];
    if let Some(src) = bytes.get(off..off.saturating_add(N)) {
        for (d, s) in out.iter_mut().zip(src) {
            *d = *s;
        }
    }
    out
}

/// The `u32` at `off`.
pub(crate) fn u32_at(bytes: &[u8], off: usize) -> u32 {
    u32::from_le_bytes(field(bytes, off))
}

/// The `i32` at `off`.
pub(crate) fn i32_at(bytes: &[u8], off: usize) -> i32 {
    i32::from_le_bytes(field(bytes, off))
}

/// The `f64` at `off`.
pub(crate) fn f64_at(bytes: &[u8], off: usize) -> f64 {
    f64::from_le_bytes(field(bytes, off))
}

/// A 0/1 flag.
pub(crate) fn flag(arg: &'static str, v: u32) -> Result<bool, Failure> {
    match v {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(Failure::invalid(arg, v)),
    }
}

/// Checks that a reserved field is 0.
pub(crate) fn reserved(arg: &'static str, v: u32) -> Result<(), Failure> {
    if v == 0 {
        Ok(())
    } else {
        Err(Failure::invalid(arg, v))
    }
}

/// Checks that no bit outside `defined` is set in the flags `v`.
pub(crate) fn flags(arg: &'static str, v: u32, defined: u32) -> Result<u32, Failure> {
    if v & !defined == 0 {
        Ok(v)
    } else {
        Err(Failure::invalid(arg, v))
    }
}

/// An output record of `N` bytes, zero-initialised.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Record<const N: usize> {
    bytes: [u8; N],
    /// The offset of the first number that should be finite and is not.
    bad: Option<usize>,
}

impl<const N: usize> Record<N> {
    /// All zeros.
    pub(crate) const fn new() -> Record<N> {
        Record {
            bytes: [0; N],
            bad: None,
        }
    }

    /// The bytes, unless a number that must be known is not finite: then
    /// [`Error::Overflow`] naming `what`.
    pub(crate) fn checked(&self, what: Field) -> Result<&[u8; N], Failure> {
        match self.bad {
            None => Ok(&self.bytes),
            Some(_) => Err(Error::Overflow { what, index: 0 }.into()),
        }
    }

    /// Copies the record `inner` to `off`, with its check.
    pub(crate) fn nest<const M: usize>(&mut self, off: usize, inner: &Record<M>) {
        self.put(off, &inner.bytes);
        if self.bad.is_none() {
            self.bad = inner.bad;
        }
    }

    /// Copies `src` to `off` (what does not fit is left out; the layouts'
    /// constants always fit).
    pub(crate) fn put(&mut self, off: usize, src: &[u8]) {
        if let Some(dst) = self.bytes.get_mut(off..) {
            for (d, s) in dst.iter_mut().zip(src) {
                *d = *s;
            }
        }
    }

    /// Writes a `u32`.
    pub(crate) fn u32(&mut self, off: usize, v: u32) {
        self.put(off, &v.to_le_bytes());
    }

    /// Writes an `i32`.
    pub(crate) fn i32(&mut self, off: usize, v: i32) {
        self.put(off, &v.to_le_bytes());
    }

    /// Writes an `f64` that must be finite; one that is not is written as
    /// 0 and fails [`Record::checked`].
    pub(crate) fn f64(&mut self, off: usize, v: f64) {
        if v.is_finite() {
            self.put(off, &v.to_le_bytes());
        } else if self.bad.is_none() {
            self.bad = Some(off);
        }
    }

    /// Writes an `f64` that may be unknown: when it is known (and finite),
    /// writes it and sets `bit` in `known`; otherwise leaves 0.
    pub(crate) fn opt(&mut self, known: &mut u32, bit: u32, off: usize, v: Option<f64>) {
        if let Some(v) = v.filter(|v| v.is_finite()) {
            self.put(off, &v.to_le_bytes());
            *known |= bit;
        }
    }
}

/// The length in bytes of `count` elements of `size` bytes.
fn array_len(arg: &'static str, addr: u32, count: u32, size: usize) -> Result<usize, Failure> {
    let too_long = Failure::BadRegion {
        arg,
        addr,
        len: usize::MAX,
    };
    usize::try_from(count)
        .ok()
        .and_then(|n| n.checked_mul(size))
        .ok_or(too_long)
}

/// An input array of `count` elements of `size` bytes at `addr`, aligned to
/// `align`.
pub(crate) fn input_array(
    cx: &mut Call,
    arg: &'static str,
    addr: u32,
    count: u32,
    size: usize,
    align: usize,
) -> Result<Region, Failure> {
    let len = array_len(arg, addr, count, size)?;
    cx.input(arg, addr, len, align)
}

/// An output array of `count` elements of `size` bytes at `addr`, aligned
/// to `align`.
pub(crate) fn output_array(
    cx: &mut Call,
    arg: &'static str,
    addr: u32,
    count: u32,
    size: usize,
    align: usize,
) -> Result<Region, Failure> {
    let len = array_len(arg, addr, count, size)?;
    cx.output(arg, addr, len, align)
}

/// Element `i` of an `f64` array.
pub(crate) fn f64_elem(region: &Region, i: usize) -> Option<f64> {
    region.load::<8>(i.checked_mul(8)?).map(f64::from_le_bytes)
}

/// Element `i` of an `i32` array.
pub(crate) fn i32_elem(region: &Region, i: usize) -> Option<i32> {
    region.load::<4>(i.checked_mul(4)?).map(i32::from_le_bytes)
}

/// Writes element `i` of an `f64` array.
pub(crate) fn put_f64_elem(region: &Region, i: usize, v: f64) -> Option<()> {
    region.store(i.checked_mul(8)?, &v.to_le_bytes())
}

/// Writes element `i` of an `i32` array.
pub(crate) fn put_i32_elem(region: &Region, i: usize, v: i32) -> Option<()> {
    region.store(i.checked_mul(4)?, &v.to_le_bytes())
}

/// Writes element `i` of an array of `N`-byte records (already checked).
pub(crate) fn put_record_elem<const N: usize>(
    region: &Region,
    i: usize,
    bytes: &[u8; N],
) -> Option<()> {
    region.store(i.checked_mul(N)?, bytes)
}

/// Reads element `i` of an array of `N`-byte records.
pub(crate) fn record_elem<const N: usize>(region: &Region, i: usize) -> Option<[u8; N]> {
    region.load::<N>(i.checked_mul(N)?)
}
