//! The five row schemas of dxcast's data files: reports, indicators,
//! observations, targets and claims.

use crate::claim::{Claim, ClaimKind, Verdict, MAX_INPUTS};
use crate::date::Date;
use crate::error::{Error, Expected, Field, Result};
use crate::figure::Figure;
use crate::indicator::{Bounds, Indicator, MeasureKind, Pillar, Unit};
use crate::number::parse_vi;
use crate::observation::{Observation, Qualifier, Status};
use crate::period::Period;
use crate::target::{Comparison, Target};

use super::{fields::Fields, Record, Row, Text};

/// A row of `data/reports.csv`: one report and the dates inferred from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReportRow<'a> {
    /// The line it was read from.
    pub line: u32,
    /// A short stable identifier, such as `r001`.
    pub id: &'a str,
    /// The report's file under `data/reports/`.
    pub file: &'a str,
    /// When it was published, as far as its content tells.
    pub published: Period,
    /// The period its figures cover.
    pub covers: Period,
    /// The date "đến nay" / "hiện nay" (to date, currently) refers to.
    pub as_of: Date,
    /// A short English title.
    pub title_en: Text<'a>,
    /// How the dates were inferred.
    pub note: Text<'a>,
}

impl<'a> Row<'a> for ReportRow<'a> {
    const COLUMNS: &'static [Field] = &[
        Field::Id,
        Field::File,
        Field::Published,
        Field::Covers,
        Field::AsOf,
        Field::TitleEn,
        Field::Note,
    ];

    fn parse(record: &Record<'a>) -> Result<Self> {
        let f = Fields {
            record,
            columns: Self::COLUMNS,
        };
        Ok(ReportRow {
            line: record.line(),
            id: f.id(0)?,
            file: f.id(1)?,
            published: f.code(2, Period::parse)?,
            covers: f.code(3, Period::parse)?,
            as_of: f.code(4, Date::parse_iso)?,
            title_en: f.text(5)?,
            note: f.text(6)?,
        })
    }
}

/// A row of `data/indicators.csv`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IndicatorRow<'a> {
    /// The line it was read from.
    pub line: u32,
    /// A short stable identifier, such as `ndxp_tx`.
    pub id: &'a str,
    /// The Vietnamese name.
    pub name_vi: Text<'a>,
    /// The English name.
    pub name_en: Text<'a>,
    /// The unit of its values.
    pub unit: Unit,
    /// How its values relate over time.
    pub kind: MeasureKind,
    /// The programme pillar.
    pub pillar: Pillar,
    /// The range its values must lie in.
    pub bounds: Bounds,
    /// For cumulative indicators, the launch date.
    pub since: Option<Date>,
    /// The definition and how it changed between reports.
    pub note: Text<'a>,
    /// The quantity it measures, when several indicators measure one
    /// (period totals, year-to-date totals, daily averages and running totals
    /// of NDXP transactions); `None` for an indicator that is its own.
    pub quantity: Option<&'a str>,
    /// The note in Vietnamese (`note` is English); empty when the file has
    /// no such column.
    pub note_vi: Text<'a>,
}

impl<'a> IndicatorRow<'a> {
    /// The row as the model's [`Indicator`].
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (field `name_vi` or `name_en`) when a name contains
    /// double quotes, which a borrowed `&str` cannot show undoubled.
    pub fn indicator(&self) -> Result<Indicator<'a>> {
        let plain = |t: Text<'a>, field| {
            t.as_str().ok_or(Error::Parse {
                line: self.line,
                field,
                expected: Expected::HeaderName,
            })
        };
        Ok(Indicator {
            id: self.id,
            name_vi: plain(self.name_vi, Field::NameVi)?,
            name_en: plain(self.name_en, Field::NameEn)?,
            unit: self.unit,
            kind: self.kind,
            bounds: self.bounds,
            pillar: self.pillar,
            since: self.since,
            quantity: self.quantity,
        })
    }
}

impl<'a> Row<'a> for IndicatorRow<'a> {
    const COLUMNS: &'static [Field] = &[
        Field::Id,
        Field::NameVi,
        Field::NameEn,
        Field::Unit,
        Field::Kind,
        Field::Pillar,
        Field::Min,
        Field::Max,
        Field::Since,
        Field::Note,
        Field::Quantity,
        Field::NoteVi,
    ];

    const OPTIONAL: usize = 2;

    fn parse(record: &Record<'a>) -> Result<Self> {
        let f = Fields {
            record,
            columns: Self::COLUMNS,
        };
        let bounds = Bounds {
            min: f.optional_number(6)?,
            max: f.optional_number(7)?,
        }
        .validate()
        .map_err(|e| f.relocate(7, e))?;
        Ok(IndicatorRow {
            line: record.line(),
            id: f.id(0)?,
            name_vi: f.text(1)?,
            name_en: f.text(2)?,
            unit: f.code(3, Unit::from_code)?,
            kind: f.code(4, MeasureKind::from_code)?,
            pillar: f.code(5, Pillar::from_code)?,
            bounds,
            since: f.optional_code(8, Date::parse_iso)?,
            note: f.text(9)?,
            quantity: if record.fields().len() > 10 {
                f.optional(10)?.map(|_| f.id(10)).transpose()?
            } else {
                None
            },
            note_vi: f.optional_text(11)?,
        })
    }
}

/// A row of `data/observations.csv`: one figure of one report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ObservationRow<'a> {
    /// The line it was read from.
    pub line: u32,
    /// A short stable identifier.
    pub id: &'a str,
    /// The indicator's identifier.
    pub indicator: &'a str,
    /// The period it covers; for levels, the as-of day.
    pub period: Period,
    /// Observed or estimated.
    pub status: Status,
    /// How exactly the report states it.
    pub qualifier: Qualifier,
    /// The value in base units.
    pub value: f64,
    /// The figure exactly as the report writes it ("1,6 triệu"), or empty.
    pub stated: &'a str,
    /// One unit of the stated figure's last digit in base units (0 when no
    /// figure is stated).
    pub precision: f64,
    /// For a fraction "61/63", the whole as written ("63"), or empty.
    pub denominator: &'a str,
    /// The whole's value.
    pub denominator_value: Option<f64>,
    /// The report's identifier.
    pub report: &'a str,
    /// The report's words around the figure, verbatim.
    pub quote: Text<'a>,
    /// Inferences and remarks.
    pub note: Text<'a>,
    /// A short code naming the definition the figure follows where it is not
    /// the indicator's usual one (a series that changed its wording or its
    /// base); `None` for the usual definition.
    pub definition: Option<&'a str>,
    /// A plain English rendering of the quote; empty when the file has no
    /// such column.
    pub quote_en: Text<'a>,
    /// The note in Vietnamese (`note` is English); empty when the file has
    /// no such column.
    pub note_vi: Text<'a>,
}

impl ObservationRow<'_> {
    /// The row as the model's [`Observation`].
    #[must_use]
    pub const fn observation(&self) -> Observation {
        Observation {
            value: self.value,
            period: self.period,
            status: self.status,
            qualifier: self.qualifier,
            precision: self.precision,
        }
    }

    /// The row as a figure for a claim: its value and interval, over its period.
    ///
    /// # Errors
    ///
    /// The errors of [`Figure::stated`].
    pub fn figure(&self) -> Result<Figure> {
        Ok(Figure::stated(self.value, self.precision, self.qualifier)?.during(self.period))
    }

    /// The whole of a fraction as an exact figure, if there is one.
    ///
    /// # Errors
    ///
    /// The errors of [`Figure::exact`].
    pub fn denominator_figure(&self) -> Result<Option<Figure>> {
        self.denominator_value.map(Figure::exact).transpose()
    }
}

impl<'a> Row<'a> for ObservationRow<'a> {
    const COLUMNS: &'static [Field] = &[
        Field::Id,
        Field::Indicator,
        Field::Period,
        Field::Status,
        Field::Qualifier,
        Field::Value,
        Field::Stated,
        Field::Denominator,
        Field::Report,
        Field::Quote,
        Field::Note,
        Field::Definition,
        Field::QuoteEn,
        Field::NoteVi,
    ];

    const OPTIONAL: usize = 3;

    fn parse(record: &Record<'a>) -> Result<Self> {
        let f = Fields {
            record,
            columns: Self::COLUMNS,
        };
        let value = f.number(5)?;
        let denominator = f.plain(7)?;
        let denominator_value = match f.optional(7)? {
            None => None,
            Some(s) => Some(parse_vi(s).map_err(|e| f.relocate(7, e))?.value),
        };
        Ok(ObservationRow {
            line: record.line(),
            id: f.id(0)?,
            indicator: f.id(1)?,
            period: f.code(2, Period::parse)?,
            status: f.code(3, Status::from_code)?,
            qualifier: f.code(4, Qualifier::from_code)?,
            value,
            stated: f.plain(6)?,
            precision: f.stated(6, Some(value))?.unwrap_or(0.0),
            denominator,
            denominator_value,
            report: f.id(8)?,
            quote: f.text(9)?,
            note: f.text(10)?,
            definition: if record.fields().len() > 11 {
                f.optional(11)?.map(|_| f.id(11)).transpose()?
            } else {
                None
            },
            quote_en: f.optional_text(12)?,
            note_vi: f.optional_text(13)?,
        })
    }
}

/// A row of `data/targets.csv`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetRow<'a> {
    /// The line it was read from.
    pub line: u32,
    /// A short stable identifier.
    pub id: &'a str,
    /// The indicator's identifier.
    pub indicator: &'a str,
    /// The period the target is for; its last day is the deadline.
    pub period: Period,
    /// How a value is compared with it.
    pub comparison: Comparison,
    /// The value in base units.
    pub value: f64,
    /// The figure exactly as the report writes it.
    pub stated: &'a str,
    /// The report's identifier.
    pub report: &'a str,
    /// The report's words, verbatim.
    pub quote: Text<'a>,
    /// Remarks.
    pub note: Text<'a>,
    /// A plain English rendering of the quote; empty when the file has no
    /// such column.
    pub quote_en: Text<'a>,
    /// The note in Vietnamese (`note` is English); empty when the file has
    /// no such column.
    pub note_vi: Text<'a>,
}

impl TargetRow<'_> {
    /// The row as the model's [`Target`], due on the period's last day.
    ///
    /// # Errors
    ///
    /// The errors of [`Target::new`].
    pub fn target(&self) -> Result<Target> {
        Target::new(self.value, self.period.end(), self.comparison)
    }

    /// The target as an exact figure over its period: a goal is defined,
    /// not measured, so it admits no rounding.
    ///
    /// # Errors
    ///
    /// The errors of [`Figure::exact`].
    pub fn figure(&self) -> Result<Figure> {
        Ok(Figure::exact(self.value)?.during(self.period))
    }
}

impl<'a> Row<'a> for TargetRow<'a> {
    const COLUMNS: &'static [Field] = &[
        Field::Id,
        Field::Indicator,
        Field::Period,
        Field::Comparison,
        Field::Value,
        Field::Stated,
        Field::Report,
        Field::Quote,
        Field::Note,
        Field::QuoteEn,
        Field::NoteVi,
    ];

    const OPTIONAL: usize = 2;

    fn parse(record: &Record<'a>) -> Result<Self> {
        let f = Fields {
            record,
            columns: Self::COLUMNS,
        };
        let value = f.number(4)?;
        f.stated(5, Some(value))?;
        Ok(TargetRow {
            line: record.line(),
            id: f.id(0)?,
            indicator: f.id(1)?,
            period: f.code(2, Period::parse)?,
            comparison: f.code(3, Comparison::from_code)?,
            value,
            stated: f.plain(5)?,
            report: f.id(6)?,
            quote: f.text(7)?,
            note: f.text(8)?,
            quote_en: f.optional_text(9)?,
            note_vi: f.optional_text(10)?,
        })
    }
}

/// Where a claim comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// A report derives the figure itself ("gấp 4,8 lần").
    Report,
    /// dxcast sets figures of different reports against each other.
    CrossCheck,
}

impl Origin {
    /// Every origin.
    pub const ALL: [Origin; 2] = [Origin::Report, Origin::CrossCheck];

    /// The identifier in data files: `report`, `cross_check`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Origin::Report => "report",
            Origin::CrossCheck => "cross_check",
        }
    }

    /// The origin with identifier `code`.
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (line 0, field `"origin"`) for an unknown identifier.
    pub fn from_code(code: &str) -> Result<Origin> {
        Origin::ALL
            .into_iter()
            .find(|o| o.code() == code.trim())
            .ok_or(Error::Parse {
                line: 0,
                field: Field::Origin,
                expected: Expected::OriginCode,
            })
    }
}

/// One input reference of a claim, as `data/claims.csv` writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ref<'a> {
    /// `o:ID`: an observation's value.
    Observation(&'a str),
    /// `d:ID`: the whole of an observation's fraction ("63" of "61/63").
    Denominator(&'a str),
    /// `t:ID`: a target's value, exact.
    Target(&'a str),
    /// `c:ID`: another claim's recomputed interval.
    Claim(&'a str),
    /// `s:ID`: another claim's stated figure ("35,65%" of "tăng 35,65%").
    Stated(&'a str),
    /// `n:NUMBER`: an exact number, such as the 100 of `100 + r`.
    Number(&'a str),
    /// `?`: a value the reports do not give.
    Missing,
}

impl<'a> Ref<'a> {
    /// Parses one reference.
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (line 0, field `"inputs"`) for anything else.
    pub fn parse(token: &'a str) -> Result<Ref<'a>> {
        let err = Error::Parse {
            line: 0,
            field: Field::Inputs,
            expected: Expected::ReferenceList,
        };
        if token == "?" {
            return Ok(Ref::Missing);
        }
        let (prefix, id) = crate::slices::split_once(token, b':').ok_or(err)?;
        if prefix == "n" {
            return match id.parse::<f64>() {
                Ok(v) if v.is_finite() => Ok(Ref::Number(id)),
                _ => Err(err),
            };
        }
        let valid = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
        if !valid {
            return Err(err);
        }
        match prefix {
            "o" => Ok(Ref::Observation(id)),
            "d" => Ok(Ref::Denominator(id)),
            "t" => Ok(Ref::Target(id)),
            "c" => Ok(Ref::Claim(id)),
            "s" => Ok(Ref::Stated(id)),
            _ => Err(err),
        }
    }
}

/// A row of `data/claims.csv`: a derived figure and its inputs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClaimRow<'a> {
    /// The line it was read from.
    pub line: u32,
    /// A short stable identifier.
    pub id: &'a str,
    /// The report that states the figure checked.
    pub report: &'a str,
    /// Stated by the report or set up by dxcast.
    pub origin: Origin,
    /// What is derived.
    pub kind: ClaimKind,
    /// The period of the derived figure.
    pub period: Option<Period>,
    /// The figure exactly as the report writes it, or empty for a figure
    /// dxcast derives only to feed other checks.
    pub stated: &'a str,
    /// The stated figure's value.
    pub value: Option<f64>,
    /// The stated figure's precision.
    pub precision: f64,
    /// How the report qualifies it.
    pub qualifier: Option<Qualifier>,
    /// The input references, separated by spaces; see [`ClaimRow::refs`].
    pub inputs: &'a str,
    /// The verdict expected from hand arithmetic (see DATA.md).
    pub expected: Verdict,
    /// The report's words, verbatim.
    pub quote: Text<'a>,
    /// The hand arithmetic and remarks.
    pub note: Text<'a>,
    /// A plain English rendering of the quote; empty when the file has no
    /// such column.
    pub quote_en: Text<'a>,
    /// The hand arithmetic in Vietnamese (`note` is English); empty when the
    /// file has no such column.
    pub note_vi: Text<'a>,
}

impl<'a> ClaimRow<'a> {
    /// The input references.
    pub fn refs(&self) -> impl Iterator<Item = Ref<'a>> + 'a {
        // Every token was checked when the row was read.
        self.inputs
            .split_ascii_whitespace()
            .filter_map(|t| Ref::parse(t).ok())
    }

    /// The stated figure, if any.
    ///
    /// # Errors
    ///
    /// The errors of [`Figure::stated`].
    pub fn stated_figure(&self) -> Result<Option<Figure>> {
        match (self.value, self.qualifier) {
            (Some(v), Some(q)) => {
                let f = Figure::stated(v, self.precision, q)?;
                Ok(Some(match self.period {
                    Some(p) => f.during(p),
                    None => f,
                }))
            }
            _ => Ok(None),
        }
    }

    /// The claim, with each reference resolved by `resolve` (which returns
    /// `None` for [`Ref::Missing`] and an error for an unknown identifier).
    ///
    /// # Errors
    ///
    /// The errors of `resolve` and [`Error::Capacity`] for too many inputs.
    pub fn claim(
        &self,
        mut resolve: impl FnMut(Ref<'a>) -> Result<Option<Figure>>,
    ) -> Result<Claim> {
        let mut claim = Claim::new(self.kind, self.stated_figure()?);
        claim.period = self.period;
        for r in self.refs() {
            claim.push(resolve(r)?)?;
        }
        Ok(claim)
    }
}

impl<'a> Row<'a> for ClaimRow<'a> {
    const COLUMNS: &'static [Field] = &[
        Field::Id,
        Field::Report,
        Field::Origin,
        Field::Kind,
        Field::Period,
        Field::Stated,
        Field::Value,
        Field::Qualifier,
        Field::Inputs,
        Field::Expected,
        Field::Quote,
        Field::Note,
        Field::QuoteEn,
        Field::NoteVi,
    ];

    const OPTIONAL: usize = 2;

    fn parse(record: &Record<'a>) -> Result<Self> {
        let f = Fields {
            record,
            columns: Self::COLUMNS,
        };
        let kind = f.code(3, ClaimKind::from_code)?;
        let value = f.optional_number(6)?;
        let qualifier = f.optional_code(7, Qualifier::from_code)?;
        let precision = f.stated(5, value)?;
        // The stated text, value and qualifier come together or not at all.
        match (precision.is_some(), value.is_some(), qualifier.is_some()) {
            (true, true, true) | (false, false, false) => {}
            (_, false, _) => return Err(f.err(6, Expected::ValueWithStated)),
            (_, _, false) => return Err(f.err(7, Expected::QualifierWithStated)),
            (false, _, _) => return Err(f.err(5, Expected::StatedMatchesValue)),
        }
        // A bound compares its parts with a whole and states no figure.
        if kind == ClaimKind::AtMost && precision.is_some() {
            return Err(f.err(5, Expected::NoStatedFigure));
        }
        let inputs = f.plain(8)?;
        let (least, most) = kind.arity();
        let mut n = 0usize;
        for token in inputs.split_ascii_whitespace() {
            Ref::parse(token).map_err(|e| f.relocate(8, e))?;
            n = n.saturating_add(1);
        }
        if n < least || n > most || n > MAX_INPUTS {
            return Err(f.err(8, Expected::InputCount));
        }
        Ok(ClaimRow {
            line: record.line(),
            id: f.id(0)?,
            report: f.id(1)?,
            origin: f.code(2, Origin::from_code)?,
            kind,
            period: f.optional_code(4, Period::parse)?,
            stated: f.plain(5)?,
            value,
            precision: precision.unwrap_or(0.0),
            qualifier,
            inputs,
            expected: f.code(9, Verdict::from_code)?,
            quote: f.text(10)?,
            note: f.text(11)?,
            quote_en: f.optional_text(12)?,
            note_vi: f.optional_text(13)?,
        })
    }
}
