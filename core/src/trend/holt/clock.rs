//! The clock of Holt's recursion: how many steps lie between two dates.
//!
//! A step is either a fixed number of days, or `k` calendar months when
//! every observation falls `k` months after the one before on the same day
//! of the month (or every one on a month's last day). Monthly figures dated
//! the 1st are then exactly one step apart, although the months have 28 to
//! 31 days, and so are yearly figures across leap years: the recursion is
//! classic Holt there, with no irregularity to pay for. Between
//! observations, and beyond the last one, a fraction of a month counts its
//! days against the days of that month.

use crate::date::{days_in_month, Date};
use crate::series::{Series, DAYS_PER_MONTH};

/// How many steps lie between two dates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Clock {
    /// Steps of a fixed number of days.
    Days(f64),
    /// Steps of `k` calendar months on the `day`-th of the month (the month's
    /// last day where it has fewer), or on every month's last day (`end`).
    Months {
        /// Months per step.
        k: u32,
        /// The day of the month.
        day: u32,
        /// Every date is its month's last day.
        end: bool,
    },
}

/// `year × 12 + month − 1`.
fn month_index(d: Date) -> i64 {
    let (y, m, _) = d.ymd();
    i64::from(y)
        .saturating_mul(12)
        .saturating_add(i64::from(m))
        .saturating_sub(1)
}

impl Clock {
    /// Calendar steps of `k` months when every date of `series` lies `k`
    /// months after the one before, on the first date's day of the month
    /// (or, when the first date ends its month, on every month's last day).
    pub(crate) fn calendar(series: &Series<'_>) -> Option<Clock> {
        let pts = series.points();
        let first = pts.first()?.date;
        let second = pts.get(1)?.date;
        let (y0, m0, d0) = first.ymd();
        let k = month_index(second).checked_sub(month_index(first))?;
        let k = u32::try_from(k).ok().filter(|k| *k > 0)?;
        let mut same_day = true;
        let mut month_end = d0 == days_in_month(y0, m0);
        // The tick of the previous date, as a year and month; and, while the
        // day is one every month has, its day number: the next tick is then
        // the months' days later, which spares the dates' conversions.
        let (mut y, mut m) = (y0, m0);
        let mut tick = (d0 <= 28 && !month_end).then(|| first.day_number());
        for p in pts.get(1..).unwrap_or(&[]) {
            let mut days = 0i32;
            for _ in 0..k {
                // Days in u32 fit i32: at most 31.
                days = days.saturating_add(i32::try_from(days_in_month(y, m)).unwrap_or(31));
                (y, m) = if m == 12 {
                    (y.saturating_add(1), 1)
                } else {
                    (y, m.saturating_add(1))
                };
            }
            if let Some(t) = tick.as_mut() {
                *t = t.saturating_add(days);
                if p.date.day_number() != *t {
                    return None;
                }
                continue;
            }
            let (py, pm, d) = p.date.ymd();
            if (py, pm) != (y, m) {
                return None;
            }
            let dim = days_in_month(y, m);
            same_day &= d == d0.min(dim);
            month_end &= d == dim;
            if !same_day && !month_end {
                return None;
            }
        }
        Some(Clock::Months {
            k,
            day: d0,
            end: !same_day,
        })
    }

    /// The mean length of a step in days.
    pub(crate) fn step_days(self) -> f64 {
        match self {
            Clock::Days(d) => d,
            Clock::Months { k, .. } => f64::from(k) * DAYS_PER_MONTH,
        }
    }

    /// Steps per year.
    pub(crate) fn steps_per_year(self) -> f64 {
        match self {
            Clock::Days(d) => crate::series::DAYS_PER_YEAR / d,
            Clock::Months { k, .. } => 12.0 / f64::from(k),
        }
    }

    /// The date of the clock's tick in month `index` (`year × 12 + month − 1`).
    fn tick(self, index: i64) -> Option<Date> {
        let Clock::Months { day, end, .. } = self else {
            return None;
        };
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = u32::try_from(index.rem_euclid(12).saturating_add(1)).ok()?;
        let dim = days_in_month(year, month);
        Date::from_ymd(year, month, if end { dim } else { day.min(dim) }).ok()
    }

    /// The number of steps from `from` (a date on the clock: an
    /// observation's) to `to`, negative before it.
    pub(crate) fn steps(self, from: Date, to: Date) -> f64 {
        self.calendar_steps(from, to)
            .unwrap_or_else(|| f64::from(from.days_until(to)) / self.step_days())
    }

    /// [`Clock::steps`]; `None` for a day clock, or a month beyond the
    /// supported years.
    fn calendar_steps(self, from: Date, to: Date) -> Option<f64> {
        match self {
            Clock::Days(_) => None,
            Clock::Months { k, .. } => {
                let base = month_index(from);
                let mut w = month_index(to).saturating_sub(base);
                let mut at = self.tick(base.saturating_add(w))?;
                if at == to {
                    // On the clock (forecasts a whole number of steps ahead).
                    // |w| < 120 000 months: exact in an f64.
                    #[allow(clippy::cast_precision_loss)]
                    return Some(w as f64 / f64::from(k));
                }
                if at > to {
                    w = w.saturating_sub(1);
                    at = self.tick(base.saturating_add(w))?;
                }
                let next = self.tick(base.saturating_add(w).saturating_add(1))?;
                let frac = f64::from(at.days_until(to)) / f64::from(at.days_until(next));
                // |w| < 120 000 months: exact in an f64.
                #[allow(clippy::cast_precision_loss)]
                let months = w as f64 + frac;
                Some(months / f64::from(k))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::{MeasureKind, Unit};
    use crate::series::Point;
    use crate::subject::Subject;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    fn clock(dates: &[Date]) -> Option<Clock> {
        let pts: std::vec::Vec<Point> = dates.iter().map(|d| Point::new(*d, 1.0)).collect();
        let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
        Clock::calendar(&s)
    }

    #[test]
    fn months_years_and_quarter_ends_are_calendar_steps() {
        let monthly = clock(&[d(1949, 1, 1), d(1949, 2, 1), d(1949, 3, 1)]);
        assert_eq!(
            monthly,
            Some(Clock::Months {
                k: 1,
                day: 1,
                end: false
            })
        );
        let yearly = clock(&[d(1999, 1, 1), d(2000, 1, 1), d(2001, 1, 1)]).unwrap();
        assert!(matches!(yearly, Clock::Months { k: 12, .. }));
        // Quarter ends starting on a 30th: only the month-end rule fits.
        let quarters = clock(&[d(2022, 6, 30), d(2022, 9, 30), d(2022, 12, 31)]).unwrap();
        assert_eq!(
            quarters,
            Clock::Months {
                k: 3,
                day: 30,
                end: true
            }
        );
        // Month ends from a 28 February: the month-end rule.
        let ends = clock(&[d(2023, 2, 28), d(2023, 3, 31), d(2023, 4, 30)]).unwrap();
        assert_eq!(
            ends,
            Clock::Months {
                k: 1,
                day: 28,
                end: true
            }
        );
        // The 28th of every month: the same-day rule.
        let days = clock(&[d(2023, 2, 28), d(2023, 3, 28), d(2023, 4, 28)]).unwrap();
        assert!(matches!(days, Clock::Months { end: false, .. }));
        // Not calendar steps: a skipped month, or a moving day.
        assert_eq!(clock(&[d(2022, 1, 1), d(2022, 2, 1), d(2022, 4, 1)]), None);
        assert_eq!(clock(&[d(2022, 1, 1), d(2022, 2, 2), d(2022, 3, 1)]), None);
        assert_eq!(clock(&[d(2022, 1, 1)]), None);
    }

    #[test]
    fn steps_count_months_and_their_fractions() {
        let c = Clock::Months {
            k: 1,
            day: 1,
            end: false,
        };
        let last = d(1960, 12, 1);
        assert_eq!(c.steps(last, d(1962, 12, 1)), 24.0);
        assert_eq!(c.steps(last, d(1960, 11, 1)), -1.0);
        // 15 days into a 31-day January.
        assert_eq!(c.steps(last, d(1961, 1, 16)), 1.0 + 15.0 / 31.0);
        let ends = Clock::Months {
            k: 3,
            day: 30,
            end: true,
        };
        assert_eq!(ends.steps(d(2022, 12, 31), d(2023, 6, 30)), 2.0);
        assert_eq!(Clock::Days(7.0).steps(last, d(1960, 12, 15)), 2.0);
    }
}
