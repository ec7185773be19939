//! [`Field`]: what an error is about — a value, an argument, a buffer or a
//! column of a data file.

/// Defines a `Copy` enum whose variants each carry a stable snake-case code
/// and an English name, with `ALL`, `code()`, `from_code()` and `Display`.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => ($code:literal, $text:literal), )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];

            /// A stable snake-case identifier, for translation tables and
            /// bindings.
            #[must_use]
            pub const fn code(self) -> &'static str {
                match self { $( $name::$variant => $code, )+ }
            }

            /// The English words for it, as `Display` writes them.
            #[must_use]
            pub const fn text(self) -> &'static str {
                match self { $( $name::$variant => $text, )+ }
            }

            /// The variant with identifier `code`, if any.
            #[must_use]
            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.code() == code)
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.text())
            }
        }
    };
}

pub(crate) use vocabulary;

vocabulary! {
    /// What an error is about: an input value, an argument, a buffer, or a
    /// column of a data file. Applications translate by matching on it (or
    /// on its [`Field::code`]); `Display` gives English words.
    pub enum Field {
        /// A series value or an observation's value.
        Value => ("value", "value"),
        /// A date.
        Date => ("date", "date"),
        /// A series.
        Series => ("series", "series"),
        /// The points of a series.
        Points => ("points", "series points"),
        /// The smoothing parameter α.
        Alpha => ("alpha", "alpha"),
        /// The smoothing parameter β.
        Beta => ("beta", "beta"),
        /// The damping parameter φ.
        Phi => ("phi", "phi"),
        /// Holt's initial level.
        InitialLevel => ("initial_level", "initial level"),
        /// Holt's initial trend.
        InitialTrend => ("initial_trend", "initial trend"),
        /// Holt's step length in days.
        Step => ("step_days", "step"),
        /// A polynomial's degree.
        Degree => ("degree", "degree"),
        /// A logistic or Gompertz cap.
        Cap => ("cap", "cap"),
        /// A logistic midpoint.
        Midpoint => ("midpoint", "midpoint"),
        /// A method.
        Method => ("method", "method"),
        /// A confidence level.
        Level => ("level", "confidence level"),
        /// A target value.
        Target => ("target", "target"),
        /// A deadline.
        Deadline => ("deadline", "deadline"),
        /// The latest value.
        Latest => ("latest", "latest value"),
        /// A prediction's location.
        Location => ("location", "location"),
        /// A standard error.
        StandardError => ("standard_error", "standard error"),
        /// Degrees of freedom.
        DegreesOfFreedom => ("degrees_of_freedom", "degrees of freedom"),
        /// A working scale.
        Scale => ("scale", "scale"),
        /// An indicator's bounds.
        Bounds => ("bounds", "bounds"),
        /// A probability.
        Probability => ("probability", "probability"),
        /// A value to evaluate a distribution at.
        X => ("x", "x"),
        /// A conversion factor.
        Factor => ("factor", "factor"),
        /// A forecast horizon.
        Horizon => ("horizon", "horizon"),
        /// A growth rate.
        GrowthRate => ("growth_rate", "growth rate"),
        /// A level shock.
        Shock => ("shock", "shock"),
        /// A change between two values.
        Change => ("change", "change"),
        /// The earlier of two values a change is measured from.
        BaseValue => ("base_value", "base value"),
        /// The later of two values.
        NewValue => ("new_value", "new value"),
        /// The columns of a least-squares design.
        Columns => ("columns", "columns"),
        /// A least-squares design matrix.
        Design => ("design", "design"),
        /// A least-squares response.
        Response => ("response", "response"),
        /// The rows of a least-squares problem.
        Rows => ("rows", "least-squares rows"),
        /// A buffer of coefficients.
        CoefficientBuffer => ("coefficient_buffer", "coefficient buffer"),
        /// A buffer of fitted values.
        FittedBuffer => ("fitted_buffer", "fitted values buffer"),
        /// A buffer of forecast points.
        ForecastBuffer => ("forecast_buffer", "forecast buffer"),
        /// A buffer of text.
        TextBuffer => ("text_buffer", "text buffer"),
        /// A buffer of flows.
        Flows => ("flows", "flows"),
        /// The terms of an explanation.
        Terms => ("terms", "explanation terms"),
        /// Method candidates.
        Candidates => ("candidates", "method candidates"),
        /// A claim's inputs.
        Inputs => ("inputs", "inputs"),
        /// The outcomes of a claim set.
        Outcomes => ("outcomes", "claim outcomes"),
        /// An interval.
        Interval => ("interval", "interval"),
        /// A figure's precision.
        Precision => ("precision", "precision"),
        /// A period.
        Period => ("period", "period"),
        /// A pair of periods.
        Periods => ("periods", "periods"),
        /// A quarter.
        Quarter => ("quarter", "quarter"),
        /// A number of months.
        Months => ("months", "months"),
        /// A number of days.
        Days => ("days", "days"),
        /// Days elapsed.
        Elapsed => ("elapsed", "days elapsed"),
        /// A day number.
        DayNumber => ("day_number", "day number"),
        /// A starting point.
        Start => ("start", "start"),
        /// A tolerance.
        Tolerance => ("tolerance", "tolerance"),
        /// A reference to another row.
        Reference => ("reference", "reference"),
        /// A number written as text.
        Number => ("number", "number"),
        /// An identifier.
        Id => ("id", "id"),
        /// An indicator.
        Indicator => ("indicator", "indicator"),
        /// A measure kind.
        Kind => ("kind", "kind"),
        /// A unit.
        Unit => ("unit", "unit"),
        /// A pillar.
        Pillar => ("pillar", "pillar"),
        /// An observation's status.
        Status => ("status", "status"),
        /// A figure's qualifier.
        Qualifier => ("qualifier", "qualifier"),
        /// A target's comparison.
        Comparison => ("comparison", "comparison"),
        /// A claim's origin.
        Origin => ("origin", "origin"),
        /// A claim's verdict.
        Verdict => ("verdict", "verdict"),
        /// The verdict a claim is expected to get.
        Expected => ("expected", "expected"),
        /// A report.
        Report => ("report", "report"),
        /// A report's file.
        File => ("file", "file"),
        /// When a report was published.
        Published => ("published", "published"),
        /// The period a report covers.
        Covers => ("covers", "covers"),
        /// A report's as-of date.
        AsOf => ("as_of", "as_of"),
        /// An English title.
        TitleEn => ("title_en", "title_en"),
        /// A Vietnamese name.
        NameVi => ("name_vi", "name_vi"),
        /// An English name.
        NameEn => ("name_en", "name_en"),
        /// A lower bound.
        Min => ("min", "min"),
        /// An upper bound.
        Max => ("max", "max"),
        /// A launch date.
        Since => ("since", "since"),
        /// A note.
        Note => ("note", "note"),
        /// A stated figure.
        Stated => ("stated", "stated"),
        /// A denominator.
        Denominator => ("denominator", "denominator"),
        /// A quote.
        Quote => ("quote", "quote"),
        /// A field beyond the header's columns.
        ExtraField => ("extra_field", "(extra field)"),
        /// A header field.
        Header => ("header", "header"),
        /// The parameters of a fit.
        Fit => ("fit", "fitted parameters"),
        /// A projection.
        Projection => ("projection", "projection"),
        /// A what-if scenario.
        Scenario => ("scenario", "scenario"),
        /// Text.
        Text => ("text", "text"),
        /// A year-to-date total.
        YearToDate => ("year_to_date", "year-to-date total"),
        /// A period total.
        Total => ("total", "total"),
        /// A daily average.
        DailyAverage => ("daily_average", "daily average"),
        /// The quantity an indicator measures.
        Quantity => ("quantity", "quantity"),
        /// The definition an observation follows.
        Definition => ("definition", "definition"),
        /// A note in Vietnamese.
        NoteVi => ("note_vi", "note_vi"),
        /// An English gloss of a quote.
        QuoteEn => ("quote_en", "quote_en"),
        /// A key of a setting.
        Key => ("key", "key"),
    }
}
