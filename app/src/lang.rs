//! The interface language.

use dxcast_core::number::Locale;
use dxcast_core::{Date, Error};

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Vietnamese, the default.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Vietnamese first.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The BCP 47 code: `vi`, `en`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language with code `code`, if it is one of ours.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code.trim())
    }

    /// How the core reads and writes numbers in this language.
    #[must_use]
    pub const fn locale(self) -> Locale {
        match self {
            Lang::Vi => Locale::Vi,
            Lang::En => Locale::En,
        }
    }
}

/// Why a date typed in a field does not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// The text is not a date in the language's form.
    Form,
    /// The text has the form, but the calendar has no such day (31/2/2024).
    NoSuchDay,
}

impl Lang {
    /// A date as a date field shows it in this language. Vietnamese puts the
    /// day first, without leading zeros, as the reports and the rest of the
    /// app write dates ("8/12/2022"). English writes ISO 8601 ("2022-12-08"):
    /// readers of English put the month first (United States) or the day
    /// first (Britain), and only the year-first form reads the same to both;
    /// it is also the form of the links and the files.
    #[must_use]
    pub fn date_text(self, d: Date) -> String {
        match self {
            Lang::Vi => format!("{}/{}/{}", d.day(), d.month(), d.year()),
            Lang::En => d.to_string(),
        }
    }

    /// Reads a date typed in this language's form: Vietnamese `D/M/YYYY`
    /// (one or two digits for the day and the month), or `YYYY-MM-DD` as
    /// links and files write it; English `YYYY-MM-DD` only, as `3/4/2024`
    /// would be the 4th of March to some readers and the 3rd of April to
    /// others. The core parses both forms.
    ///
    /// # Errors
    ///
    /// [`DateProblem::Form`] for text of another form,
    /// [`DateProblem::NoSuchDay`] for a day the calendar does not have.
    pub fn read_date(self, text: &str) -> Result<Date, DateProblem> {
        let text = text.trim();
        let read = match self {
            Lang::Vi if text.contains('/') => Date::parse_dmy(text),
            _ => Date::parse_iso(text),
        };
        read.map_err(|e| match e {
            Error::InvalidDate { .. } => DateProblem::NoSuchDay,
            _ => DateProblem::Form,
        })
    }

    /// A date field's text typed in `from`'s form, written in this
    /// language's form; text that does not read in `from` is left as it is.
    #[must_use]
    pub fn date_text_from(self, from: Lang, text: &str) -> String {
        match from.read_date(text) {
            Ok(d) => self.date_text(d),
            Err(_) => text.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dates as the reports write them (data/reports/: "8/12/2022",
    /// "04/4/2022", "21/2/2023") read in Vietnamese; English reads ISO.
    #[test]
    fn dates_read_in_each_languages_form() {
        let d = |y, m, day| Date::from_ymd(y, m, day).unwrap();
        assert_eq!(Lang::Vi.read_date("8/12/2022"), Ok(d(2022, 12, 8)));
        assert_eq!(Lang::Vi.read_date(" 04/4/2022 "), Ok(d(2022, 4, 4)));
        assert_eq!(Lang::Vi.read_date("21/2/2023"), Ok(d(2023, 2, 21)));
        assert_eq!(Lang::Vi.read_date("2023-02-21"), Ok(d(2023, 2, 21)));
        assert_eq!(Lang::En.read_date("2023-02-21"), Ok(d(2023, 2, 21)));
        assert_eq!(Lang::En.read_date("21/2/2023"), Err(DateProblem::Form));
        assert_eq!(Lang::Vi.read_date("21-2-2023"), Err(DateProblem::Form));
        assert_eq!(Lang::Vi.read_date("tháng 2"), Err(DateProblem::Form));
        assert_eq!(Lang::Vi.read_date("29/2/2023"), Err(DateProblem::NoSuchDay));
        assert_eq!(
            Lang::En.read_date("2024-02-30"),
            Err(DateProblem::NoSuchDay)
        );
        assert_eq!(Lang::Vi.read_date("29/2/2024"), Ok(d(2024, 2, 29)));
        assert_eq!(Lang::Vi.date_text(d(2022, 12, 8)), "8/12/2022");
        assert_eq!(Lang::En.date_text(d(2022, 12, 8)), "2022-12-08");
        assert_eq!(Lang::En.date_text_from(Lang::Vi, "30/4/2024"), "2024-04-30");
        assert_eq!(Lang::Vi.date_text_from(Lang::En, "2024-04-30"), "30/4/2024");
        assert_eq!(Lang::En.date_text_from(Lang::Vi, "30/4"), "30/4");
        for l in Lang::ALL {
            assert_eq!(
                l.read_date(&l.date_text(d(2026, 1, 31))),
                Ok(d(2026, 1, 31))
            );
        }
    }

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code(" en "), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::default(), Lang::Vi);
    }
}
