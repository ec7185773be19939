//! Little-endian encoding of the ABI's records and arrays.
//!
//! Input records are copied out of linear memory whole ([`read_record`]) and
//! decoded from the local copy; output records are built in a local buffer
//! ([`Record`]) and copied in whole, only when the call has succeeded.
//! Arrays are read and written element by element through a checked
//! [`Region`].

use crate::failure::Failure;
use crate::mem::Region;

/// Reads the `N`-byte record at `addr`, aligned to 8.
pub(crate) fn read_record<const N: usize>(
    arg: &'static str,
    addr: u32,
) -> Result<[u8; N], Failure> {
    let region = Region::new(arg, addr, N, 8)?;
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

/// `None` for NaN.
pub(crate) fn opt(v: f64) -> Option<f64> {
    if v.is_nan() {
        None
    } else {
        Some(v)
    }
}

/// NaN for `None`.
pub(crate) fn nan_or(v: Option<f64>) -> f64 {
    v.unwrap_or(f64::NAN)
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

/// An output record of `N` bytes, zero-initialised.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Record<const N: usize> {
    bytes: [u8; N],
}

impl<const N: usize> Record<N> {
    /// All zeros.
    pub(crate) const fn new() -> Record<N> {
        Record { bytes: [0; N] }
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

    /// Writes an `f64`.
    pub(crate) fn f64(&mut self, off: usize, v: f64) {
        self.put(off, &v.to_le_bytes());
    }

    /// The bytes.
    pub(crate) const fn bytes(&self) -> &[u8; N] {
        &self.bytes
    }
}

/// An array of `count` elements of `size` bytes at `addr`, aligned to `align`.
pub(crate) fn array(
    arg: &'static str,
    addr: u32,
    count: u32,
    size: usize,
    align: usize,
) -> Result<Region, Failure> {
    let n = usize::try_from(count).map_err(|_| Failure::BadRegion {
        arg,
        addr,
        len: usize::MAX,
    })?;
    let len = n.checked_mul(size).ok_or(Failure::BadRegion {
        arg,
        addr,
        len: usize::MAX,
    })?;
    Region::new(arg, addr, len, align)
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

/// Writes element `i` of an array of `N`-byte records.
pub(crate) fn put_record_elem<const N: usize>(
    region: &Region,
    i: usize,
    record: &Record<N>,
) -> Option<()> {
    region.store(i.checked_mul(N)?, record.bytes())
}

/// Reads element `i` of an array of `N`-byte records.
pub(crate) fn record_elem<const N: usize>(region: &Region, i: usize) -> Option<[u8; N]> {
    region.load::<N>(i.checked_mul(N)?)
}
