//! The one error type of the crate, with its payloads as data.
//!
//! An [`Error`] says what went wrong ([`ErrorKind`]), what it is about
//! ([`Field`]), what was expected ([`Expected`]) and where (an index into the
//! input, a line of a file). Every payload is an enum, so an application
//! translates an error by matching on it, never by comparing English text;
//! `Display` builds one English sentence from the same data.

mod expected;
mod field;

pub use expected::{Expected, Task};
pub use field::Field;

use core::fmt;

/// Everything that can go wrong in `dxcast-core`.
///
/// Every fallible function returns this type instead of panicking. The
/// variants carry *where* the problem is (an index into the input, a line and
/// a column of a file, the argument) so that a user interface can point at
/// it.
///
/// Indices are zero-based positions in the slice that was passed in; line
/// numbers are one-based, as an editor shows them.
///
/// # Examples
///
/// ```
/// use dxcast_core::{Error, ErrorKind, Expected, Field};
///
/// let e = dxcast_core::Date::parse_iso("2023-02-30").unwrap_err();
/// assert_eq!(e.kind(), ErrorKind::InvalidDate);
/// assert_eq!(e.to_string(), "2023-02-30 is not a valid calendar date");
///
/// let e = Error::InvalidArgument { name: Field::Level, expected: Expected::ConfidenceLevel };
/// assert_eq!(e.kind().name(), "INVALID_ARGUMENT");
/// assert_eq!(e.field(), Some(Field::Level));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum Error {
    /// A value is NaN or infinite.
    NotFinite {
        /// What the value is.
        what: Field,
        /// Its position in the input.
        index: usize,
    },
    /// An input that needs at least one element is empty.
    Empty {
        /// What is empty.
        what: Field,
    },
    /// A method needs more points than it was given.
    TooFewPoints {
        /// The method or computation.
        method: Task,
        /// The smallest number of points it accepts.
        needed: usize,
        /// The number it was given.
        got: usize,
    },
    /// Dates are not in increasing order.
    Unsorted {
        /// The position of the first date that is earlier than the one before it.
        index: usize,
    },
    /// Two observations have the same date.
    DuplicateDate {
        /// The position of the second one.
        index: usize,
    },
    /// A value that must be above 0 (for a logarithm or a ratio) is not.
    NonPositive {
        /// What the value is.
        what: Field,
        /// Its position in the input.
        index: usize,
    },
    /// A value lies outside its indicator's bounds.
    OutOfBounds {
        /// What the value is.
        what: Field,
        /// Its position in the input.
        index: usize,
    },
    /// A fixed-capacity container is full; nothing was written.
    Capacity {
        /// What is full.
        what: Field,
        /// How many elements it holds at most.
        capacity: usize,
    },
    /// The design matrix of a least-squares problem is rank deficient.
    Singular {
        /// The first column found to be linearly dependent on the ones before it.
        column: usize,
    },
    /// A calendar date that does not exist.
    InvalidDate {
        /// The year as given.
        year: i32,
        /// The month as given.
        month: u32,
        /// The day as given.
        day: u32,
    },
    /// An argument lies outside the range it must have.
    InvalidArgument {
        /// The argument.
        name: Field,
        /// The range or condition it must satisfy.
        expected: Expected,
    },
    /// An iterative fit did not converge.
    NoConvergence {
        /// The method.
        method: Task,
        /// The number of iterations run.
        iterations: u32,
    },
    /// A piece of text could not be read.
    Parse {
        /// The one-based line, or 0 when the text is not part of a file.
        line: u32,
        /// The field (column).
        field: Field,
        /// What was expected there.
        expected: Expected,
    },
    /// A result would be too large for a floating-point number.
    Overflow {
        /// What overflows.
        what: Field,
        /// Its position (in the input, or along a horizon), 0 for a single value.
        index: usize,
    },
}

/// Shorthand for `core::result::Result<T, Error>`.
pub type Result<T> = core::result::Result<T, Error>;

/// `value` when it is finite, else [`Error::Overflow`] naming `what`: for
/// results computed from finite inputs that leave the floating-point range.
pub(crate) fn representable(value: f64, what: Field) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Error::Overflow { what, index: 0 })
    }
}

impl Error {
    /// The kind of error, whose [`ErrorKind::name`] the bindings report.
    #[must_use]
    pub const fn kind(&self) -> ErrorKind {
        match self {
            Error::NotFinite { .. } => ErrorKind::NotFinite,
            Error::Empty { .. } => ErrorKind::Empty,
            Error::TooFewPoints { .. } => ErrorKind::TooFewPoints,
            Error::Unsorted { .. } => ErrorKind::Unsorted,
            Error::DuplicateDate { .. } => ErrorKind::DuplicateDate,
            Error::NonPositive { .. } => ErrorKind::NonPositive,
            Error::OutOfBounds { .. } => ErrorKind::OutOfBounds,
            Error::Capacity { .. } => ErrorKind::Capacity,
            Error::Singular { .. } => ErrorKind::Singular,
            Error::InvalidDate { .. } => ErrorKind::InvalidDate,
            Error::InvalidArgument { .. } => ErrorKind::InvalidArgument,
            Error::NoConvergence { .. } => ErrorKind::NoConvergence,
            Error::Parse { .. } => ErrorKind::Parse,
            Error::Overflow { .. } => ErrorKind::Overflow,
        }
    }

    /// The field the error names, when it names one.
    #[must_use]
    pub const fn field(&self) -> Option<Field> {
        match *self {
            Error::NotFinite { what, .. }
            | Error::Empty { what }
            | Error::NonPositive { what, .. }
            | Error::OutOfBounds { what, .. }
            | Error::Capacity { what, .. }
            | Error::Overflow { what, .. } => Some(what),
            Error::InvalidArgument { name, .. } => Some(name),
            Error::Parse { field, .. } => Some(field),
            Error::Unsorted { .. } | Error::DuplicateDate { .. } => Some(Field::Date),
            Error::InvalidDate { .. } => Some(Field::Date),
            Error::TooFewPoints { .. } => Some(Field::Series),
            Error::Singular { .. } => Some(Field::Design),
            Error::NoConvergence { .. } => None,
        }
    }

    /// The position in the input the error points at, when it has one.
    #[must_use]
    pub const fn index(&self) -> Option<usize> {
        match *self {
            Error::NotFinite { index, .. }
            | Error::Unsorted { index }
            | Error::DuplicateDate { index }
            | Error::NonPositive { index, .. }
            | Error::OutOfBounds { index, .. }
            | Error::Overflow { index, .. } => Some(index),
            Error::Singular { column } => Some(column),
            _ => None,
        }
    }

    /// What was expected, when the error says.
    #[must_use]
    pub const fn expected(&self) -> Option<Expected> {
        match *self {
            Error::InvalidArgument { expected, .. } | Error::Parse { expected, .. } => {
                Some(expected)
            }
            _ => None,
        }
    }

    /// The same error located at `line` of a file (for [`Error::Parse`]; the
    /// other kinds are returned unchanged).
    #[must_use]
    pub const fn at_line(self, line: u32) -> Error {
        match self {
            Error::Parse {
                field, expected, ..
            } => Error::Parse {
                line,
                field,
                expected,
            },
            other => other,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Error::NotFinite { what, index } => {
                write!(f, "{what} at index {index} is not a finite number (NaN or infinity)")
            }
            Error::Empty { what } => write!(f, "{what} is empty"),
            Error::TooFewPoints {
                method,
                needed,
                got,
            } => write!(
                f,
                "{method} needs at least {needed} points, but {got} were given"
            ),
            Error::Unsorted { index } => write!(
                f,
                "dates are not in increasing order: the date at index {index} is earlier than the one before it"
            ),
            Error::DuplicateDate { index } => write!(
                f,
                "the date at index {index} repeats the date before it"
            ),
            Error::NonPositive { what, index } => write!(
                f,
                "{what} at index {index} is zero or negative, but must be above 0"
            ),
            Error::OutOfBounds { what, index } => write!(
                f,
                "{what} at index {index} lies outside the indicator's bounds"
            ),
            Error::Capacity { what, capacity } => write!(
                f,
                "{what} is full: it holds at most {capacity} elements, and nothing was added"
            ),
            Error::Singular { column } => write!(
                f,
                "the design matrix is singular: column {column} depends linearly on the columns before it"
            ),
            Error::InvalidDate { year, month, day } => write!(
                f,
                "{year:04}-{month:02}-{day:02} is not a valid calendar date"
            ),
            Error::InvalidArgument { name, expected } => {
                write!(f, "`{}` is invalid: expected {expected}", name.code())
            }
            Error::NoConvergence { method, iterations } => write!(
                f,
                "{method} did not converge in {iterations} iterations"
            ),
            Error::Parse {
                line,
                field,
                expected,
            } => {
                if line == 0 {
                    write!(f, "field `{}`: expected {expected}", field.code())
                } else {
                    write!(f, "line {line}, field `{}`: expected {expected}", field.code())
                }
            }
            Error::Overflow { what, index } => write!(
                f,
                "{what} at index {index} is too large for a floating-point number"
            ),
        }
    }
}

impl core::error::Error for Error {}

/// The kinds of error, one vocabulary for the core and its bindings.
///
/// The first fourteen are the core's [`Error`] variants. The others are
/// raised by the bindings when a host passes something the core never sees:
/// a region outside the module's memory, text that is not UTF-8, a value of
/// the wrong type. Each kind has a stable [`ErrorKind::name`] (the JavaScript
/// package's `kind`) and an [`ErrorKind::code`] (the C ABI's return value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum ErrorKind {
    /// [`Error::NotFinite`].
    NotFinite,
    /// [`Error::Empty`].
    Empty,
    /// [`Error::TooFewPoints`].
    TooFewPoints,
    /// [`Error::Unsorted`].
    Unsorted,
    /// [`Error::DuplicateDate`].
    DuplicateDate,
    /// [`Error::NonPositive`].
    NonPositive,
    /// [`Error::OutOfBounds`].
    OutOfBounds,
    /// [`Error::Capacity`].
    Capacity,
    /// [`Error::Singular`].
    Singular,
    /// [`Error::InvalidDate`].
    InvalidDate,
    /// [`Error::InvalidArgument`].
    InvalidArgument,
    /// [`Error::NoConvergence`].
    NoConvergence,
    /// [`Error::Parse`].
    Parse,
    /// [`Error::Overflow`].
    Overflow,
    /// A region of memory outside what the host may use.
    BadRegion,
    /// A region whose address is not a multiple of its alignment.
    Misaligned,
    /// Text that is not UTF-8.
    InvalidUtf8,
    /// An output too small for the result.
    BufferTooSmall,
    /// A code, flag or reserved field out of range.
    InvalidCode,
    /// A value of the wrong type (a number where text is expected, …).
    InvalidType,
}

impl ErrorKind {
    /// Every kind.
    pub const ALL: [ErrorKind; 20] = [
        ErrorKind::NotFinite,
        ErrorKind::Empty,
        ErrorKind::TooFewPoints,
        ErrorKind::Unsorted,
        ErrorKind::DuplicateDate,
        ErrorKind::NonPositive,
        ErrorKind::OutOfBounds,
        ErrorKind::Capacity,
        ErrorKind::Singular,
        ErrorKind::InvalidDate,
        ErrorKind::InvalidArgument,
        ErrorKind::NoConvergence,
        ErrorKind::Parse,
        ErrorKind::Overflow,
        ErrorKind::BadRegion,
        ErrorKind::Misaligned,
        ErrorKind::InvalidUtf8,
        ErrorKind::BufferTooSmall,
        ErrorKind::InvalidCode,
        ErrorKind::InvalidType,
    ];

    /// The kind's stable name: `NOT_FINITE`, `EMPTY`, …, as the C ABI's
    /// reference names its codes and the JavaScript package sets `kind`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            ErrorKind::NotFinite => "NOT_FINITE",
            ErrorKind::Empty => "EMPTY",
            ErrorKind::TooFewPoints => "TOO_FEW_POINTS",
            ErrorKind::Unsorted => "UNSORTED",
            ErrorKind::DuplicateDate => "DUPLICATE_DATE",
            ErrorKind::NonPositive => "NON_POSITIVE",
            ErrorKind::OutOfBounds => "OUT_OF_BOUNDS",
            ErrorKind::Capacity => "CAPACITY",
            ErrorKind::Singular => "SINGULAR",
            ErrorKind::InvalidDate => "INVALID_DATE",
            ErrorKind::InvalidArgument => "INVALID_ARGUMENT",
            ErrorKind::NoConvergence => "NO_CONVERGENCE",
            ErrorKind::Parse => "PARSE",
            ErrorKind::Overflow => "OVERFLOW",
            ErrorKind::BadRegion => "BAD_REGION",
            ErrorKind::Misaligned => "MISALIGNED",
            ErrorKind::InvalidUtf8 => "INVALID_UTF8",
            ErrorKind::BufferTooSmall => "BUFFER_TOO_SMALL",
            ErrorKind::InvalidCode => "INVALID_CODE",
            ErrorKind::InvalidType => "INVALID_TYPE",
        }
    }

    /// The kind's negative code, as the C ABI returns it.
    #[must_use]
    pub const fn code(self) -> i32 {
        match self {
            ErrorKind::NotFinite => -1,
            ErrorKind::Empty => -2,
            ErrorKind::TooFewPoints => -3,
            ErrorKind::Unsorted => -4,
            ErrorKind::DuplicateDate => -5,
            ErrorKind::NonPositive => -6,
            ErrorKind::OutOfBounds => -7,
            ErrorKind::Capacity => -8,
            ErrorKind::Singular => -9,
            ErrorKind::InvalidDate => -10,
            ErrorKind::InvalidArgument => -11,
            ErrorKind::NoConvergence => -12,
            ErrorKind::Parse => -13,
            ErrorKind::Overflow => -14,
            ErrorKind::BadRegion => -101,
            ErrorKind::Misaligned => -102,
            ErrorKind::InvalidUtf8 => -103,
            ErrorKind::BufferTooSmall => -104,
            ErrorKind::InvalidCode => -105,
            ErrorKind::InvalidType => -106,
        }
    }

    /// The kind with this name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<ErrorKind> {
        ErrorKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
