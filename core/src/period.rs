//! Periods: a day, a month, a quarter, a year, or any range of days.

use core::fmt;

use crate::date::{days_in_month, split_digits, Date};
use crate::error::{Error, Expected, Field, Result};

/// How a [`Period`] was stated; it decides how the period is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PeriodKind {
    /// One day.
    Day,
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A calendar year.
    Year,
    /// Any range of whole days, such as "1/1–8/12/2022".
    Range,
}

/// A span of whole days, both ends included.
///
/// Written and parsed as `2022-09-30` (a day), `2022-09` (a month), `2022-Q3`
/// (a quarter), `2022` (a year) or `2022-01-01/2022-12-08` (a range, as in ISO
/// 8601).
///
/// # Examples
///
/// ```
/// use dxcast_core::{Date, Period};
///
/// let ytd = Period::parse("2022-01-01/2022-12-08")?;
/// assert_eq!(ytd.days(), 342);
/// assert_eq!(Period::parse("2022-Q1")?.days(), 90);
/// assert_eq!(Period::year(2024)?.days(), 366);
/// assert_eq!(Period::month(2022, 9)?.end(), Date::from_ymd(2022, 9, 30)?);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    start: Date,
    end: Date,
    kind: PeriodKind,
}

impl Period {
    /// The single day `date`.
    #[must_use]
    pub const fn day(date: Date) -> Period {
        Period {
            start: date,
            end: date,
            kind: PeriodKind::Day,
        }
    }

    /// The month `month` (1–12) of `year`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] for a month outside 1–12 or a year outside 1–9999.
    pub fn month(year: i32, month: u32) -> Result<Period> {
        let start = Date::from_ymd(year, month, 1)?;
        let end = Date::from_ymd(year, month, days_in_month(year, month))?;
        Ok(Period {
            start,
            end,
            kind: PeriodKind::Month,
        })
    }

    /// The quarter `quarter` (1–4) of `year`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for a quarter outside 1–4 and
    /// [`Error::InvalidDate`] for a year outside 1–9999.
    pub fn quarter(year: i32, quarter: u32) -> Result<Period> {
        let first_month = match quarter {
            1 => 1,
            2 => 4,
            3 => 7,
            4 => 10,
            _ => {
                return Err(Error::InvalidArgument {
                    name: Field::Quarter,
                    expected: Expected::QuarterNumber,
                })
            }
        };
        let start = Date::from_ymd(year, first_month, 1)?;
        let last = Period::month(year, first_month.saturating_add(2))?;
        Ok(Period {
            start,
            end: last.end,
            kind: PeriodKind::Quarter,
        })
    }

    /// The calendar year `year`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] for a year outside 1–9999.
    pub fn year(year: i32) -> Result<Period> {
        Ok(Period {
            start: Date::from_ymd(year, 1, 1)?,
            end: Date::from_ymd(year, 12, 31)?,
            kind: PeriodKind::Year,
        })
    }

    /// The days from `start` to `end`, both included.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when `end` is before `start`.
    pub fn range(start: Date, end: Date) -> Result<Period> {
        if end < start {
            return Err(Error::InvalidArgument {
                name: Field::Period,
                expected: Expected::EndAfterStart,
            });
        }
        Ok(Period {
            start,
            end,
            kind: PeriodKind::Range,
        })
    }

    /// From 1 January of `as_of`'s year to `as_of`, both included: the span of a
    /// year-to-date figure.
    #[must_use]
    pub fn year_to_date(as_of: Date) -> Period {
        Period {
            start: Date::first_of_year(as_of.year()),
            end: as_of,
            kind: PeriodKind::Range,
        }
    }

    /// The first day.
    #[must_use]
    pub const fn start(self) -> Date {
        self.start
    }

    /// The last day (included).
    #[must_use]
    pub const fn end(self) -> Date {
        self.end
    }

    /// How the period was stated.
    #[must_use]
    pub const fn kind(self) -> PeriodKind {
        self.kind
    }

    /// The number of days, both ends included (at least 1).
    #[must_use]
    pub const fn days(self) -> u32 {
        // end >= start and both lie in years 1..=9999: the count fits in u32.
        self.start
            .days_until(self.end)
            .unsigned_abs()
            .saturating_add(1)
    }

    /// The middle of the period as a fractional day number (days since
    /// 1970-01-01, counting the start of each day), for example the middle of
    /// a 30-day month is 15 days after its start.
    #[must_use]
    pub fn midpoint(self) -> f64 {
        f64::from(self.start.day_number()) + f64::from(self.days()) / 2.0
    }

    /// Whether `date` falls in the period.
    #[must_use]
    pub fn contains(self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    /// Parses one of the forms listed on [`Period`].
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (line 0, field `"period"`) for text of another shape,
    /// and the errors of the constructors for periods that do not exist.
    pub fn parse(text: &str) -> Result<Period> {
        let err = Error::Parse {
            line: 0,
            field: Field::Period,
            expected: Expected::PeriodText,
        };
        let text = text.trim();
        if let Some((a, b)) = crate::slices::split_once(text, b'/') {
            let start = Date::parse_iso(a).map_err(|_| err)?;
            let end = Date::parse_iso(b).map_err(|_| err)?;
            return Period::range(start, end);
        }
        let bytes = text.as_bytes();
        let (year, rest) = split_digits(bytes, 4, 4).ok_or(err)?;
        let year = year as i32; // at most 9999
        match rest {
            [] => Period::year(year),
            [b'-', b'Q' | b'q', q] if q.is_ascii_digit() => {
                Period::quarter(year, u32::from(q.saturating_sub(b'0')))
            }
            [b'-', m1, m2] if m1.is_ascii_digit() && m2.is_ascii_digit() => {
                let (month, _) = split_digits(&[*m1, *m2], 2, 2).ok_or(err)?;
                Period::month(year, month)
            }
            _ => Date::parse_iso(text).map(Period::day).map_err(|e| match e {
                Error::InvalidDate { .. } => e,
                _ => err,
            }),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, _) = self.start.ymd();
        match self.kind {
            PeriodKind::Day => write!(f, "{}", self.start),
            PeriodKind::Month => write!(f, "{y:04}-{m:02}"),
            PeriodKind::Quarter => write!(f, "{y:04}-Q{}", (m.saturating_add(2)) / 3),
            PeriodKind::Year => write!(f, "{y:04}"),
            PeriodKind::Range => write!(f, "{}/{}", self.start, self.end),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> core::result::Result<Period, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Period;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a period such as 2022, 2022-Q3, 2022-09, 2022-09-30 or 2022-01-01/2022-12-08",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> core::result::Result<Period, E> {
                Period::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn lengths() {
        assert_eq!(Period::month(2024, 2).unwrap().days(), 29);
        assert_eq!(Period::month(2023, 2).unwrap().days(), 28);
        assert_eq!(Period::quarter(2023, 1).unwrap().days(), 90);
        assert_eq!(Period::quarter(2024, 1).unwrap().days(), 91);
        assert_eq!(Period::quarter(2022, 4).unwrap().days(), 92);
        assert_eq!(Period::year(2022).unwrap().days(), 365);
        let d = Date::from_ymd(2022, 9, 30).unwrap();
        assert_eq!(Period::year_to_date(d).days(), 273);
        assert_eq!(Period::day(d).days(), 1);
    }

    #[test]
    fn parse_and_display_round_trip() {
        for t in [
            "2022",
            "2022-Q3",
            "2022-09",
            "2022-09-30",
            "2022-01-01/2022-12-08",
        ] {
            let p = Period::parse(t).unwrap();
            let mut buf = heapless::String::<32>::new();
            core::fmt::write(&mut buf, format_args!("{p}")).unwrap();
            assert_eq!(buf.as_str(), t);
        }
    }

    #[test]
    fn bad_periods() {
        for t in [
            "",
            "22",
            "2022-Q5",
            "2022-13",
            "2022-12-08/2022-01-01",
            "2022-02-30",
            "x",
        ] {
            assert!(Period::parse(t).is_err(), "{t}");
        }
    }

    #[test]
    fn midpoint_of_a_month() {
        let p = Period::month(1970, 1).unwrap();
        assert_eq!(p.midpoint(), 15.5);
    }
}
