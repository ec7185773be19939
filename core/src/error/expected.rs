//! [`Expected`]: what a value should have been, and [`Task`]: the
//! computation that needs more points or did not converge.

use super::field::vocabulary;

vocabulary! {
    /// What an argument, a field of a file or a piece of text should have
    /// been. `Display` gives English words that complete "expected …";
    /// applications translate by matching on the variant.
    pub enum Expected {
        /// 1 to 11 columns.
        Columns => ("columns", "1 to 11 columns"),
        /// `rows × cols` values, row by row.
        RowMajorDesign => ("row_major_design", "rows × cols values, row by row"),
        /// 1 to 4 variables with bounds.
        OptimizerVariables => ("optimizer_variables", "1 to 4 variables, with a lower and an upper bound each"),
        /// Finite start and bounds.
        OptimizerBounds => ("optimizer_bounds", "finite start and bounds with lower ≤ upper"),
        /// Positive tolerances.
        PositiveTolerance => ("positive_tolerance", "positive tolerances"),
        /// A quarter number.
        QuarterNumber => ("quarter_number", "1, 2, 3 or 4"),
        /// A period in one of the data files' forms.
        PeriodText => ("period_text", "YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD"),
        /// A Vietnamese number.
        VietnameseNumber => ("vietnamese_number", "a Vietnamese number such as 58.397.139, 79,95, 1,6 triệu or 97,3%"),
        /// A number.
        Number => ("number", "a number"),
        /// A confidence level in (0, 1).
        ConfidenceLevel => ("confidence_level", "a confidence level strictly between 0 and 1"),
        /// A daily average over as many days as its total.
        MatchingDays => ("matching_days", "a daily average over as many days as its total"),
        /// A daily-rate prediction.
        DailyRatePrediction => ("daily_rate_prediction", "a daily-rate prediction on the identity or log scale"),
        /// A damping parameter in (0, 1].
        Damping => ("damping", "a damping parameter above 0 and at most 1"),
        /// A date after the last observation.
        AfterLastObservation => ("after_last_observation", "a date after the last observation"),
        /// A date as D/M/YYYY.
        DateDmy => ("date_dmy", "a date as D/M/YYYY"),
        /// A date as YYYY-MM-DD.
        DateIso => ("date_iso", "a date as YYYY-MM-DD"),
        /// A day in years 1 to 9999.
        DayInRange => ("day_in_range", "a day in years 1 to 9999"),
        /// A polynomial degree.
        Degree => ("degree", "a degree from 1 to 10"),
        /// A field quoted by the CSV rules.
        CsvQuote => ("csv_quote", "a double quote only inside a quoted field, doubled"),
        /// A finite cap above 0.
        PositiveCap => ("positive_cap", "a finite cap above 0"),
        /// A cap above every value of the series.
        CapAboveData => ("cap_above_data", "a cap above every value of the series"),
        /// A finite precision of 0 or more.
        Precision => ("precision", "a finite precision, zero or more"),
        /// A midpoint in years 1 to 9999.
        MidpointInRange => ("midpoint_in_range", "a midpoint in years 1 to 9999"),
        /// A header name without double quotes.
        HeaderName => ("header_name", "a name without double quotes"),
        /// A number above 0.
        Positive => ("positive", "a number above 0"),
        /// Degrees of freedom above 0, or infinity.
        DegreesOfFreedom => ("degrees_of_freedom", "a number above 0 (infinity for the normal distribution)"),
        /// A period inside a whole period, starting with it.
        PeriodWithin => ("period_within", "a period that starts with the whole period and ends inside it"),
        /// A probability in (0, 1).
        OpenProbability => ("open_probability", "a probability strictly between 0 and 1"),
        /// A relative change above −100 %.
        ChangeAboveMinus100 => ("change_above_minus_100", "a relative change above −100%"),
        /// A run-rate input over a period inside the claim's.
        RunRateInput => ("run_rate_input", "a run-rate input over a period that starts with the claim's and ends inside it"),
        /// A date shift that stays in years 1 to 9999.
        ShiftInRange => ("shift_in_range", "a shift that stays in years 1 to 9999"),
        /// A smoothing parameter in [0, 1].
        Smoothing => ("smoothing", "a smoothing parameter from 0 to 1"),
        /// A standard error of 0 or more.
        NonNegativeStandardError => ("non_negative_standard_error", "a standard error of 0 or more"),
        /// A step of more than 0 days.
        PositiveStep => ("positive_step", "a step of more than 0 days"),
        /// An end date on or after the start date.
        EndAfterStart => ("end_after_start", "an end date on or after the start date"),
        /// An index below a length.
        IndexInRange => ("index_in_range", "an index below the horizon's length"),
        /// At most so many fields in a row.
        FieldsPerRow => ("fields_per_row", "at most 16 fields"),
        /// A field in this column.
        FieldHere => ("field_here", "a field here"),
        /// Text without double quotes.
        NoQuotes => ("no_quotes", "no double quotes"),
        /// An identifier.
        Identifier => ("identifier", "an identifier of letters, digits, '_', '-' and '.'"),
        /// A plain number as the data files write it.
        PlainNumber => ("plain_number", "a finite number with '.' as decimal mark and no grouping, such as 860000000 or 97.3"),
        /// The stated figure of the value column.
        StatedMatchesValue => ("stated_matches_value", "the figure whose value is in the value column"),
        /// The header row.
        HeaderRow => ("header_row", "the header row of the file's columns, in order"),
        /// A closing quote.
        ClosingQuote => ("closing_quote", "a quoted field that ends with its closing quote"),
        /// Doubled quotes inside a quoted field.
        DoubledQuotes => ("doubled_quotes", "doubled quotes inside a quoted field"),
        /// A value exactly when a figure is stated.
        ValueWithStated => ("value_with_stated", "a value when a figure is stated, else nothing"),
        /// A qualifier exactly when a figure is stated.
        QualifierWithStated => ("qualifier_with_stated", "a qualifier when a figure is stated, else nothing"),
        /// As many fields as the header.
        FieldCount => ("field_count", "as many fields as the header has columns"),
        /// As many inputs as the claim kind takes.
        InputCount => ("input_count", "as many inputs as the claim kind takes"),
        /// Dates in years 1 to 9999.
        DatesInRange => ("dates_in_range", "dates in years 1 to 9999"),
        /// A later date than the one before.
        LaterDate => ("later_date", "a date later than the one before it"),
        /// Finite bounds with min below max.
        OrderedBounds => ("ordered_bounds", "finite bounds with min below max"),
        /// Finite scale ends.
        ScaleEnds => ("scale_ends", "finite ends with lo below hi"),
        /// A known reference.
        KnownReference => ("known_reference", "a reference to a known row"),
        /// A comparison code.
        ComparisonCode => ("comparison_code", "one of >=, >, <=, <"),
        /// A verdict code.
        VerdictCode => ("verdict_code", "one of agree, disagree, cannot_check"),
        /// A unit code.
        UnitCode => ("unit_code", "one of count, percent, mbps, vnd, usd, rank, times"),
        /// A qualifier code.
        QualifierCode => ("qualifier_code", "one of exact, about, more_than, nearly, at_least, up_to"),
        /// A measure kind code.
        KindCode => ("kind_code", "one of flow, ytd, daily_average, cumulative, stock, share, rank"),
        /// A method code.
        MethodCode => ("method_code", "one of linear, polynomial, log_linear, logistic, holt, damped_holt, gompertz"),
        /// A status code.
        StatusCode => ("status_code", "one of observed, estimate, target"),
        /// A pillar code.
        PillarCode => ("pillar_code", "one of government, economy, society, infrastructure, awareness, security"),
        /// A claim kind code.
        ClaimKindCode => ("claim_kind_code", "one of run_rate, daily_average, period_total, multiple, share_of_target, share, sum, difference, relative_change, point_change"),
        /// An origin code.
        OriginCode => ("origin_code", "report or cross_check"),
        /// References in the claims file's form.
        ReferenceList => ("reference_list", "references o:ID, d:ID, t:ID, c:ID, s:ID, n:NUMBER or ? separated by spaces"),
        /// References to rows that exist.
        ExistingReferences => ("existing_references", "references to existing observations, targets and earlier claims"),
        /// The same period one year apart.
        YearApart => ("year_apart", "the same period one year apart"),
        /// Two consecutive periods of the same kind.
        ConsecutivePeriods => ("consecutive_periods", "two consecutive periods of the same kind"),
        /// Two ordered numeric ends.
        OrderedEnds => ("ordered_ends", "two ends that are numbers, the low one first"),
        /// A date that exists.
        ExistingDate => ("existing_date", "a date that exists"),
        /// A value inside the indicator's bounds.
        WithinBounds => ("within_bounds", "a value inside the indicator's bounds"),
        /// A finite number.
        Finite => ("finite", "a finite number"),
        /// A number other than zero.
        NonZero => ("non_zero", "a number other than zero"),
        /// Alpha and beta both given or both left out.
        BothSmoothing => ("both_smoothing", "alpha and beta both given, or both left out to fit them"),
        /// The initial level and trend both given or both left out.
        BothInitial => ("both_initial", "the initial level and trend both given, or both left out"),
        /// A setting the method takes.
        SettingOfMethod => ("setting_of_method", "a setting the method takes"),
        /// A known setting name.
        SettingName => ("setting_name", "one of degree, cap, alpha, beta, phi, initial_level, initial_trend, step_days"),
        /// The series the model was fitted to.
        SameSeries => ("same_series", "the series the model was fitted to"),
        /// The indicator's kind and unit where a series is also given.
        SameSubject => ("same_subject", "the kind, unit and bounds of the series"),
        /// A value a result can hold without overflowing.
        Representable => ("representable", "a result within the range of floating-point numbers"),
        /// At most so many elements.
        WithinCapacity => ("within_capacity", "no more elements than the capacity"),
        /// A deadline after the first observation.
        DeadlineAfterData => ("deadline_after_data", "a deadline after the first observation"),
        /// Figures of one basis.
        SameBasis => ("same_basis", "figures that are all rates (totals, year-to-date totals, daily averages, running totals) or all levels"),
        /// A target the indicator's bounds allow.
        TargetWithinBounds => ("target_within_bounds", "a target inside the indicator's bounds"),
        /// No stated figure: the claim compares parts with a whole.
        NoStatedFigure => ("no_stated_figure", "no stated figure: the claim compares its parts with a whole"),
    }
}

vocabulary! {
    /// A computation that can need more points or fail to converge.
    pub enum Task {
        /// The linear trend.
        Linear => ("linear", "linear trend"),
        /// The polynomial trend.
        Polynomial => ("polynomial", "polynomial trend"),
        /// The log-linear trend.
        LogLinear => ("log_linear", "log-linear trend"),
        /// The logistic trend.
        Logistic => ("logistic", "logistic trend"),
        /// The Gompertz trend.
        Gompertz => ("gompertz", "Gompertz trend"),
        /// Holt's methods.
        Holt => ("holt", "Holt"),
        /// Least squares.
        LeastSquares => ("least_squares", "least squares"),
        /// The Nelder–Mead search.
        NelderMead => ("nelder_mead", "Nelder–Mead"),
        /// The Levenberg–Marquardt search.
        LevenbergMarquardt => ("levenberg_marquardt", "Levenberg–Marquardt"),
        /// Method choice.
        MethodChoice => ("method_choice", "every projection method"),
        /// Flows from a cumulative series.
        CumulativeFlows => ("cumulative_flows", "flows of a cumulative series"),
        /// The projected quasi-Newton search.
        QuasiNewton => ("quasi_newton", "the quasi-Newton search"),
    }
}
