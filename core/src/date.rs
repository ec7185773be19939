//! Civil (proleptic Gregorian) dates.
//!
//! A [`Date`] is a day number: the count of days since 1970-01-01. Years
//! 1 to 9999 are supported, which keeps every computation far away from
//! integer overflow. Conversions follow Howard Hinnant's `days_from_civil`
//! and `civil_from_days` algorithms.

use core::fmt;

use crate::error::{Error, Expected, Field, Result};

/// The first supported year.
pub const MIN_YEAR: i32 = 1;
/// The last supported year.
pub const MAX_YEAR: i32 = 9999;

/// A calendar day.
///
/// # Examples
///
/// ```
/// use dxcast_core::Date;
///
/// let launch = Date::parse_iso("2020-10-30")?;
/// let report = Date::from_ymd(2022, 12, 8)?;
/// assert_eq!(report.ordinal(), 342);
/// assert_eq!(launch.days_until(report), 769);
/// assert_eq!(Date::parse_dmy("8/12/2022")?, report);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i32,
}

/// Whether `year` is a leap year in the Gregorian calendar.
#[must_use]
pub const fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `year`: 365 or 366.
#[must_use]
pub const fn days_in_year(year: i32) -> u32 {
    if is_leap_year(year) {
        366
    } else {
        365
    }
}

/// The number of days in `month` (1–12) of `year`, or 0 for a month outside 1–12.
#[must_use]
pub const fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// 1970-01-01.
    pub const EPOCH: Date = Date { days: 0 };

    /// The date `year`-`month`-`day`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] when the date does not exist or the year lies
    /// outside 1–9999.
    pub const fn from_ymd(year: i32, month: u32, day: u32) -> Result<Date> {
        if year < MIN_YEAR
            || year > MAX_YEAR
            || month < 1
            || month > 12
            || day < 1
            || day > days_in_month(year, month)
        {
            return Err(Error::InvalidDate { year, month, day });
        }
        // Hinnant's days_from_civil. The year is in 1..=9999, so every
        // intermediate but the last lies in [0, 4e6]: unsigned 32-bit
        // arithmetic holds them (see `ymd`), and the wrapping operations
        // never wrap; the last subtraction wraps back into i32's range.
        let y = (if month <= 2 {
            year.wrapping_sub(1)
        } else {
            year
        }) as u32;
        let era = y / 400;
        let yoe = y.wrapping_sub(era.wrapping_mul(400));
        let mp = if month > 2 {
            month.wrapping_sub(3)
        } else {
            month.wrapping_add(9)
        };
        let doy = (mp.wrapping_mul(153).wrapping_add(2) / 5)
            .wrapping_add(day)
            .wrapping_sub(1);
        let doe = yoe
            .wrapping_mul(365)
            .wrapping_add(yoe / 4)
            .wrapping_sub(yoe / 100)
            .wrapping_add(doy);
        let days = era
            .wrapping_mul(146_097)
            .wrapping_add(doe)
            .wrapping_sub(719_468);
        Ok(Date { days: days as i32 })
    }

    /// The date with the given day number (days since 1970-01-01).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when the day falls outside years 1–9999.
    pub fn from_day_number(days: i32) -> Result<Date> {
        if !(MIN_DAY..=MAX_DAY).contains(&days) {
            return Err(Error::InvalidArgument {
                name: Field::DayNumber,
                expected: Expected::DayInRange,
            });
        }
        Ok(Date { days })
    }

    /// Days since 1970-01-01 (negative before it).
    #[must_use]
    pub const fn day_number(self) -> i32 {
        self.days
    }

    /// The year, month (1–12) and day (1–31).
    #[must_use]
    pub const fn ymd(self) -> (i32, u32, u32) {
        // Hinnant's civil_from_days. `days` lies in [MIN_DAY, MAX_DAY], so
        // every intermediate lies in [0, 4e6]: unsigned 32-bit arithmetic
        // holds them (its divisions by constants are cheap on every target,
        // where 64-bit ones need a 128-bit product on wasm32), and the
        // wrapping operations never wrap.
        let z = (self.days as u32).wrapping_add(719_468);
        let era = z / 146_097;
        let doe = z.wrapping_sub(era.wrapping_mul(146_097));
        let yoe = doe
            .wrapping_sub(doe / 1460)
            .wrapping_add(doe / 36_524)
            .wrapping_sub(doe / 146_096)
            / 365;
        let y = yoe.wrapping_add(era.wrapping_mul(400));
        let doy = doe.wrapping_sub(
            yoe.wrapping_mul(365)
                .wrapping_add(yoe / 4)
                .wrapping_sub(yoe / 100),
        );
        let mp = doy.wrapping_mul(5).wrapping_add(2) / 153;
        let d = doy
            .wrapping_sub(mp.wrapping_mul(153).wrapping_add(2) / 5)
            .wrapping_add(1);
        let m = if mp < 10 {
            mp.wrapping_add(3)
        } else {
            mp.wrapping_sub(9)
        };
        let y = if m <= 2 { y.wrapping_add(1) } else { y };
        (y as i32, m, d)
    }

    /// The year.
    #[must_use]
    pub const fn year(self) -> i32 {
        self.ymd().0
    }

    /// The month, 1–12.
    #[must_use]
    pub const fn month(self) -> u32 {
        self.ymd().1
    }

    /// The day of the month, 1–31.
    #[must_use]
    pub const fn day(self) -> u32 {
        self.ymd().2
    }

    /// The day of the year: 1 for 1 January, 365 or 366 for 31 December.
    #[must_use]
    pub fn ordinal(self) -> u32 {
        let jan1 = Date::first_of_year(self.year());
        // Both days lie in the same year: the result is in 1..=366.
        self.days.wrapping_sub(jan1.days).wrapping_add(1) as u32
    }

    /// 1 January of `year`, clamped into the supported years.
    #[must_use]
    pub fn first_of_year(year: i32) -> Date {
        let year = year.clamp(MIN_YEAR, MAX_YEAR);
        Date::from_ymd(year, 1, 1).unwrap_or(Date::EPOCH)
    }

    /// 31 December of `year`, clamped into the supported years.
    #[must_use]
    pub fn last_of_year(year: i32) -> Date {
        let year = year.clamp(MIN_YEAR, MAX_YEAR);
        Date::from_ymd(year, 12, 31).unwrap_or(Date::EPOCH)
    }

    /// The number of days from `self` to `other`: positive when `other` is later.
    #[must_use]
    pub const fn days_until(self, other: Date) -> i32 {
        // Both lie in [MIN_DAY, MAX_DAY]; the difference fits easily.
        other.days.wrapping_sub(self.days)
    }

    /// The date `n` days later (earlier for negative `n`).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when the result falls outside years 1–9999.
    pub fn add_days(self, n: i32) -> Result<Date> {
        let days = self.days.checked_add(n).ok_or(Error::InvalidArgument {
            name: Field::Days,
            expected: Expected::ShiftInRange,
        })?;
        Date::from_day_number(days)
    }

    /// The same day `n` months later (earlier for negative `n`), moved back to
    /// the month's last day where that day does not exist (31 January + 1 month
    /// is 28 or 29 February).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when the result falls outside years 1–9999.
    pub fn add_months(self, n: i32) -> Result<Date> {
        let (y, m, d) = self.ymd();
        let err = Error::InvalidArgument {
            name: Field::Months,
            expected: Expected::ShiftInRange,
        };
        // |y * 12 + m + n| < 2^33: far from i64's limits.
        let total = i64::from(y)
            .wrapping_mul(12)
            .wrapping_add(i64::from(m))
            .wrapping_sub(1)
            .wrapping_add(i64::from(n));
        let year = i32::try_from(total.div_euclid(12)).map_err(|_| err)?;
        let month = u32::try_from(total.rem_euclid(12).wrapping_add(1)).map_err(|_| err)?;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(err);
        }
        let day = d.min(days_in_month(year, month));
        Date::from_ymd(year, month, day)
    }

    /// The date as a fractional year: 2022.0 at the start of 1 January 2022,
    /// 2022.5 at noon on 2 July 2022, using the year's own length.
    #[must_use]
    pub fn decimal_year(self) -> f64 {
        let year = self.year();
        f64::from(year) + (f64::from(self.ordinal()) - 1.0) / f64::from(days_in_year(year))
    }

    /// Parses `YYYY-MM-DD`.
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (line 0, field `"date"`) for text of another shape and
    /// [`Error::InvalidDate`] for a date that does not exist.
    pub fn parse_iso(text: &str) -> Result<Date> {
        let err = Error::Parse {
            line: 0,
            field: Field::Date,
            expected: Expected::DateIso,
        };
        let b = text.trim().as_bytes();
        let (year, rest) = split_digits(b, 4, 4).ok_or(err)?;
        let rest = rest.strip_prefix(b"-").ok_or(err)?;
        let (month, rest) = split_digits(rest, 2, 2).ok_or(err)?;
        let rest = rest.strip_prefix(b"-").ok_or(err)?;
        let (day, rest) = split_digits(rest, 2, 2).ok_or(err)?;
        if !rest.is_empty() {
            return Err(err);
        }
        Date::from_ymd(year as i32, month, day)
    }

    /// Parses the Vietnamese day-first form `D/M/YYYY` (one or two digits for
    /// the day and the month), as in "8/12/2022".
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (line 0, field `"date"`) for text of another shape and
    /// [`Error::InvalidDate`] for a date that does not exist.
    pub fn parse_dmy(text: &str) -> Result<Date> {
        let err = Error::Parse {
            line: 0,
            field: Field::Date,
            expected: Expected::DateDmy,
        };
        let b = text.trim().as_bytes();
        let (day, rest) = split_digits(b, 1, 2).ok_or(err)?;
        let rest = rest.strip_prefix(b"/").ok_or(err)?;
        let (month, rest) = split_digits(rest, 1, 2).ok_or(err)?;
        let rest = rest.strip_prefix(b"/").ok_or(err)?;
        let (year, rest) = split_digits(rest, 4, 4).ok_or(err)?;
        if !rest.is_empty() {
            return Err(err);
        }
        Date::from_ymd(year as i32, month, day)
    }
}

/// The day number of 0001-01-01.
const MIN_DAY: i32 = -719_162;
/// The day number of 9999-12-31.
const MAX_DAY: i32 = 2_932_896;

/// Reads between `min` and `max` leading ASCII digits (at most 4) as a number.
pub(crate) fn split_digits(b: &[u8], min: usize, max: usize) -> Option<(u32, &[u8])> {
    let len = b
        .iter()
        .take(max)
        .take_while(|c| c.is_ascii_digit())
        .count();
    if len < min {
        return None;
    }
    let (digits, rest) = b.split_at_checked(len)?;
    let mut n: u32 = 0;
    for &c in digits {
        n = n
            .checked_mul(10)?
            .checked_add(u32::from(c.checked_sub(b'0')?))?;
    }
    Some((n, rest))
}

impl fmt::Display for Date {
    /// Writes `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> core::result::Result<Date, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an ISO date YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> core::result::Result<Date, E> {
                Date::parse_iso(v).map_err(E::custom)
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
    fn epoch_and_known_day_numbers() {
        assert_eq!(Date::from_ymd(1970, 1, 1).unwrap().day_number(), 0);
        // 2000-03-01 is day 11017 (POSIX time 951868800 / 86400).
        assert_eq!(Date::from_ymd(2000, 3, 1).unwrap().day_number(), 11_017);
        assert_eq!(Date::from_ymd(1, 1, 1).unwrap().day_number(), MIN_DAY);
        assert_eq!(Date::from_ymd(9999, 12, 31).unwrap().day_number(), MAX_DAY);
        assert_eq!(Date::from_day_number(MIN_DAY).unwrap().ymd(), (1, 1, 1));
        assert_eq!(
            Date::from_day_number(MAX_DAY).unwrap().ymd(),
            (9999, 12, 31)
        );
        assert_eq!(Date::from_day_number(-1).unwrap().ymd(), (1969, 12, 31));
    }

    #[test]
    fn round_trip_over_four_centuries() {
        let start = Date::from_ymd(1900, 1, 1).unwrap().day_number();
        let mut prev = Date::from_day_number(start - 1).unwrap();
        for n in start..start + 146_097 {
            let d = Date::from_day_number(n).unwrap();
            let (y, m, dd) = d.ymd();
            assert_eq!(Date::from_ymd(y, m, dd).unwrap(), d);
            assert!(d > prev);
            prev = d;
        }
    }

    #[test]
    fn leap_years() {
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(1900));
        assert!(is_leap_year(2024));
        assert!(!is_leap_year(2022));
        assert_eq!(days_in_year(2024), 366);
        assert!(Date::from_ymd(2023, 2, 29).is_err());
        assert!(Date::from_ymd(2024, 2, 29).is_ok());
        assert_eq!(Date::from_ymd(2024, 12, 31).unwrap().ordinal(), 366);
    }

    #[test]
    fn report_dates() {
        // 1/1/2022 to 8/12/2022 inclusive is 342 days (806 million in 342 days).
        let d = Date::parse_dmy("8/12/2022").unwrap();
        assert_eq!(d.ordinal(), 342);
        // End of Q3 2022.
        assert_eq!(Date::parse_iso("2022-09-30").unwrap().ordinal(), 273);
    }

    #[test]
    fn add_months_clamps_to_month_end() {
        let d = Date::from_ymd(2023, 1, 31).unwrap();
        assert_eq!(
            d.add_months(1).unwrap(),
            Date::from_ymd(2023, 2, 28).unwrap()
        );
        assert_eq!(
            d.add_months(-2).unwrap(),
            Date::from_ymd(2022, 11, 30).unwrap()
        );
        assert_eq!(
            d.add_months(13).unwrap(),
            Date::from_ymd(2024, 2, 29).unwrap()
        );
    }

    #[test]
    fn bad_text_is_an_error_not_a_panic() {
        for t in [
            "",
            "2022",
            "2022-13-01",
            "2022-1-01",
            "x/1/2022",
            "32/1/2022",
            "1/1/22",
        ] {
            assert!(
                Date::parse_iso(t).is_err() || Date::parse_dmy(t).is_err(),
                "{t}"
            );
        }
        assert!(Date::parse_iso("2022-02-30").is_err());
        assert!(Date::from_day_number(i32::MAX).is_err());
        assert!(Date::EPOCH.add_days(i32::MAX).is_err());
    }
}
