//! What can go wrong in a call: the core's [`Error`], or a problem with what
//! the host passed (a region outside the usable memory, a misaligned one,
//! text that is not UTF-8, an output buffer that is too small, a code out of
//! range). Each has a negative error code and a message.

use core::fmt;

use dxcast_core::Error;

/// Error codes: one per variant of the core's [`Error`], then the ABI's own.
pub(crate) mod code {
    pub(crate) const NOT_FINITE: i32 = -1;
    pub(crate) const EMPTY: i32 = -2;
    pub(crate) const TOO_FEW_POINTS: i32 = -3;
    pub(crate) const UNSORTED: i32 = -4;
    pub(crate) const DUPLICATE_DATE: i32 = -5;
    pub(crate) const NON_POSITIVE: i32 = -6;
    pub(crate) const OUT_OF_BOUNDS: i32 = -7;
    pub(crate) const CAPACITY: i32 = -8;
    pub(crate) const SINGULAR: i32 = -9;
    pub(crate) const INVALID_DATE: i32 = -10;
    pub(crate) const INVALID_ARGUMENT: i32 = -11;
    pub(crate) const NO_CONVERGENCE: i32 = -12;
    pub(crate) const PARSE: i32 = -13;
    /// A variant the core gained after this ABI version.
    pub(crate) const OTHER: i32 = -99;
    pub(crate) const BAD_REGION: i32 = -101;
    pub(crate) const MISALIGNED: i32 = -102;
    pub(crate) const INVALID_UTF8: i32 = -103;
    pub(crate) const BUFFER_TOO_SMALL: i32 = -104;
    pub(crate) const INVALID_CODE: i32 = -105;
}

/// A failed call.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Failure {
    /// The core refused the input.
    Core(Error),
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
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Core(e)
    }
}

impl Failure {
    /// The negative error code.
    pub(crate) fn code(&self) -> i32 {
        match self {
            Failure::Core(e) => match e {
                Error::NotFinite { .. } => code::NOT_FINITE,
                Error::Empty { .. } => code::EMPTY,
                Error::TooFewPoints { .. } => code::TOO_FEW_POINTS,
                Error::Unsorted { .. } => code::UNSORTED,
                Error::DuplicateDate { .. } => code::DUPLICATE_DATE,
                Error::NonPositive { .. } => code::NON_POSITIVE,
                Error::OutOfBounds { .. } => code::OUT_OF_BOUNDS,
                Error::Capacity { .. } => code::CAPACITY,
                Error::Singular { .. } => code::SINGULAR,
                Error::InvalidDate { .. } => code::INVALID_DATE,
                Error::InvalidArgument { .. } => code::INVALID_ARGUMENT,
                Error::NoConvergence { .. } => code::NO_CONVERGENCE,
                Error::Parse { .. } => code::PARSE,
                _ => code::OTHER,
            },
            Failure::BadRegion { .. } => code::BAD_REGION,
            Failure::Misaligned { .. } => code::MISALIGNED,
            Failure::InvalidUtf8 { .. } => code::INVALID_UTF8,
            Failure::BufferTooSmall { .. } => code::BUFFER_TOO_SMALL,
            Failure::InvalidCode { .. } => code::INVALID_CODE,
        }
    }

    /// A code out of range for `arg`.
    pub(crate) const fn invalid(arg: &'static str, value: u32) -> Failure {
        Failure::InvalidCode { arg, value }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Failure::Core(e) => fmt::Display::fmt(&e, f),
            Failure::BadRegion { arg, addr, len } => write!(
                f,
                "`{arg}`: the {len} bytes at address {addr} do not lie inside the I/O arena \
                 or the memory from the heap base to the end of memory"
            ),
            Failure::Misaligned { arg, addr, align } => write!(
                f,
                "`{arg}`: address {addr} is not a multiple of {align}"
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
        }
    }
}
