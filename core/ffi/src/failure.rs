//! What can go wrong in a call: the core's [`Error`], or a problem with what
//! the host passed (a region outside the usable memory, a misaligned or
//! overlapping one, text that is not UTF-8, an output buffer that is too
//! small, a code out of range, a fitted-model handle that is not live).
//!
//! Each failure has a kind from the core's one vocabulary ([`ErrorKind`],
//! whose `code()` is the negative return value), a field it names (the
//! core's [`Field`] code, or the name of the argument), the position it
//! points at when it has one, and a message.

use core::fmt;

use dxcast_core::{Error, ErrorKind, Field};

use crate::layout::FITTED_SLOTS;

/// A failed call.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Failure {
    /// The core refused the input.
    Core(Error),
    /// The core refused element `index` of the array `arg`.
    At {
        error: Error,
        arg: &'static str,
        index: usize,
    },
    /// A region that does not lie inside the I/O arena or the host's memory
    /// above the heap base, or runs past the end of memory.
    BadRegion {
        arg: &'static str,
        addr: u32,
        len: usize,
    },
    /// A region whose address is not a multiple of its alignment.
    Misaligned {
        arg: &'static str,
        addr: u32,
        align: usize,
    },
    /// An output region that overlaps an input or another output.
    Overlap {
        arg: &'static str,
        other: &'static str,
    },
    /// Text that is not UTF-8.
    InvalidUtf8 { arg: &'static str },
    /// An output region too small for the result.
    BufferTooSmall {
        arg: &'static str,
        needed: usize,
        got: usize,
    },
    /// A code, flag or reserved field outside its range.
    InvalidCode { arg: &'static str, value: u32 },
    /// A fitted-model handle that is not live: freed, never issued, or
    /// forged.
    StaleHandle { arg: &'static str, value: u32 },
    /// Every fitted-model slot is in use.
    PoolFull,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Core(e)
    }
}

/// What a failure names: one of the core's fields, or an argument of the call.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Named {
    Field(Field),
    Arg(&'static str),
}

impl Named {
    /// The name as text: the field's code (`value`, `beta`) or the
    /// argument's name (`out`, `series.values`).
    pub(crate) const fn text(self) -> &'static str {
        match self {
            Named::Field(f) => f.code(),
            Named::Arg(a) => a,
        }
    }
}

impl Failure {
    /// The kind, from the core's vocabulary.
    pub(crate) const fn kind(&self) -> ErrorKind {
        match self {
            Failure::Core(e) | Failure::At { error: e, .. } => e.kind(),
            Failure::BadRegion { .. } | Failure::Overlap { .. } => ErrorKind::BadRegion,
            Failure::Misaligned { .. } => ErrorKind::Misaligned,
            Failure::InvalidUtf8 { .. } => ErrorKind::InvalidUtf8,
            Failure::BufferTooSmall { .. } => ErrorKind::BufferTooSmall,
            Failure::InvalidCode { .. } | Failure::StaleHandle { .. } => ErrorKind::InvalidCode,
            Failure::PoolFull => ErrorKind::Capacity,
        }
    }

    /// The negative error code.
    pub(crate) const fn code(&self) -> i32 {
        self.kind().code()
    }

    /// What the failure names, when it names something.
    pub(crate) const fn named(&self) -> Option<Named> {
        match *self {
            Failure::Core(e) | Failure::At { error: e, .. } => match e.field() {
                Some(f) => Some(Named::Field(f)),
                None => None,
            },
            Failure::BadRegion { arg, .. }
            | Failure::Misaligned { arg, .. }
            | Failure::Overlap { arg, .. }
            | Failure::InvalidUtf8 { arg }
            | Failure::BufferTooSmall { arg, .. }
            | Failure::InvalidCode { arg, .. }
            | Failure::StaleHandle { arg, .. } => Some(Named::Arg(arg)),
            Failure::PoolFull => Some(Named::Arg("fitted")),
        }
    }

    /// The position in the input the failure points at, when it has one.
    pub(crate) const fn index(&self) -> Option<usize> {
        match *self {
            Failure::Core(e) => e.index(),
            Failure::At { index, .. } => Some(index),
            _ => None,
        }
    }

    /// A code out of range for `arg`.
    pub(crate) const fn invalid(arg: &'static str, value: u32) -> Failure {
        Failure::InvalidCode { arg, value }
    }
}

/// A core error raised by element `index` of the array `arg`.
pub(crate) fn at(arg: &'static str, index: usize) -> impl Fn(Error) -> Failure {
    move |error| Failure::At { error, arg, index }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Failure::Core(e) => fmt::Display::fmt(&e, f),
            Failure::At { error, arg, index } => {
                write!(f, "{error} (`{arg}`, element {index})")
            }
            Failure::BadRegion { arg, addr, len } => write!(
                f,
                "`{arg}`: the {len} bytes at address {addr} do not lie inside the I/O arena \
                 or the memory from the heap base to the end of memory"
            ),
            Failure::Misaligned { arg, addr, align } => write!(
                f,
                "`{arg}`: address {addr} is not a multiple of {align}"
            ),
            Failure::Overlap { arg, other } => write!(
                f,
                "`{arg}` overlaps `{other}`: an output must not share memory with an input or \
                 another output"
            ),
            Failure::InvalidUtf8 { arg } => write!(f, "`{arg}` is not valid UTF-8"),
            Failure::BufferTooSmall { arg, needed, got } => write!(
                f,
                "`{arg}` has room for {got}, but the result needs {needed}; nothing was written"
            ),
            Failure::InvalidCode { arg, value } => write!(
                f,
                "`{arg}` is {value}, which is not one of its codes (reserved fields and unused flag bits must be 0)"
            ),
            Failure::StaleHandle { arg, value } => write!(
                f,
                "`{arg}` is {value}, which is not a live fitted model of this instance \
                 (freed, never issued, or altered)"
            ),
            Failure::PoolFull => write!(
                f,
                "all {FITTED_SLOTS} fitted-model slots are in use: free one with dxcast_fitted_free"
            ),
        }
    }
}
