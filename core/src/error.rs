//! The one error type of the crate.

use core::fmt;

/// Everything that can go wrong in `dxcast-core`.
///
/// Every fallible function returns this type instead of panicking. The
/// variants carry *where* the problem is (an index into the input, a line and
/// a field of a file, the name of an argument) so that a user interface can
/// point at it. `Display` writes one English sentence; applications that
/// speak other languages match on the variant instead.
///
/// Indices are zero-based positions in the slice that was passed in; line
/// numbers are one-based, as an editor shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum Error {
    /// A value is NaN or infinite.
    NotFinite {
        /// What the value is (for example `"value"`, `"alpha"`).
        what: &'static str,
        /// Its position in the input.
        index: usize,
    },
    /// An input that needs at least one element is empty.
    Empty {
        /// What is empty.
        what: &'static str,
    },
    /// A method needs more points than it was given.
    TooFewPoints {
        /// The method or computation.
        method: &'static str,
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
    /// A logarithm of a value that is zero or negative was needed.
    NonPositive {
        /// What the value is.
        what: &'static str,
        /// Its position in the input.
        index: usize,
    },
    /// A share (percent) lies outside 0–100, or a value outside its indicator's bounds.
    OutOfBounds {
        /// What the value is.
        what: &'static str,
        /// Its position in the input.
        index: usize,
    },
    /// A fixed-capacity container is full; nothing was written.
    Capacity {
        /// What is full.
        what: &'static str,
        /// How many elements it holds at most.
        capacity: usize,
    },
    /// The design matrix of a least-squares problem is rank deficient.
    Singular {
        /// The first column found to be linearly dependent on the ones before it.
        column: usize,
    },
    /// A calendar date that does not exist, or a period that ends before it starts.
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
        /// The argument's name.
        name: &'static str,
        /// The range or condition it must satisfy.
        expected: &'static str,
    },
    /// An iterative fit did not converge.
    NoConvergence {
        /// The method.
        method: &'static str,
        /// The number of iterations run.
        iterations: u32,
    },
    /// A piece of text could not be read.
    Parse {
        /// The one-based line, or 0 when the text is not part of a file.
        line: u32,
        /// The field (column) name.
        field: &'static str,
        /// What was expected there.
        expected: &'static str,
    },
}

/// Shorthand for `core::result::Result<T, Error>`.
pub type Result<T> = core::result::Result<T, Error>;

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
                "{what} at index {index} is zero or negative, so its logarithm is undefined"
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
                write!(f, "argument `{name}` is invalid: expected {expected}")
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
                    write!(f, "field `{field}`: expected {expected}")
                } else {
                    write!(f, "line {line}, field `{field}`: expected {expected}")
                }
            }
        }
    }
}

impl core::error::Error for Error {}
