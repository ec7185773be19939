//! The core's errors and the reasons a quantity is unknown, in either
//! language, by matching on their enums: [`Field`] (what an error is about),
//! [`Expected`] (what it should have been), [`Task`] (the computation),
//! [`ErrorKind`] and [`Unknown`].
//!
//! English comes from the core where it has words ([`Field::text`],
//! [`Expected::text`], [`Task::text`]); Vietnamese is here, variant by
//! variant. The core's enums are `non_exhaustive`, so a variant added to
//! the core falls back to its English words: the tests walk every variant
//! and fail until it has its Vietnamese.

use dxcast_app::lang::Lang;
use dxcast_core::{Error, ErrorKind, Expected, Field, Task, Unknown};

use super::{t, tf, K};

/// Defines `fn $name(v: $ty) -> Option<&'static str>`: the Vietnamese of
/// each listed variant, `None` for one not listed.
macro_rules! vietnamese {
    ($(#[$meta:meta])* fn $name:ident($ty:ident) { $($variant:ident => $vi:literal,)* }) => {
        $(#[$meta])*
        #[must_use]
        pub fn $name(v: $ty) -> Option<&'static str> {
            Some(match v {
                $($ty::$variant => $vi,)*
                _ => return None,
            })
        }
    };
}

vietnamese! {
    /// A [`Field`] in Vietnamese.
    fn field_vi(Field) {
        Value => "giá trị",
        Date => "ngày",
        Series => "chuỗi số liệu",
        Points => "các điểm của chuỗi",
        Alpha => "hệ số alpha",
        Beta => "hệ số beta",
        Phi => "hệ số phi",
        InitialLevel => "mức ban đầu",
        InitialTrend => "xu hướng ban đầu",
        Step => "bước",
        Degree => "bậc",
        Cap => "mức trần",
        Midpoint => "điểm giữa",
        Method => "phương pháp",
        Level => "mức tin cậy",
        Target => "mục tiêu",
        Deadline => "hạn",
        Latest => "giá trị mới nhất",
        Location => "vị trí của dự báo",
        StandardError => "sai số chuẩn",
        DegreesOfFreedom => "bậc tự do",
        Scale => "thang đo",
        Bounds => "giới hạn",
        Probability => "xác suất",
        X => "giá trị x",
        Factor => "hệ số quy đổi",
        Horizon => "khoảng dự báo",
        GrowthRate => "tốc độ tăng trưởng",
        Shock => "cú sốc",
        Change => "mức thay đổi",
        BaseValue => "giá trị gốc",
        NewValue => "giá trị mới",
        Columns => "các cột",
        Design => "ma trận thiết kế",
        Response => "biến phụ thuộc",
        Rows => "các dòng bình phương tối thiểu",
        CoefficientBuffer => "bộ đệm hệ số",
        FittedBuffer => "bộ đệm giá trị khớp",
        ForecastBuffer => "bộ đệm dự báo",
        TextBuffer => "bộ đệm văn bản",
        Flows => "các lưu lượng",
        Terms => "các số hạng của phần giải thích",
        Candidates => "các phương pháp ứng viên",
        Inputs => "các đầu vào",
        Outcomes => "kết quả kiểm tra",
        Interval => "khoảng",
        Precision => "độ chính xác",
        Period => "kỳ",
        Periods => "các kỳ",
        Quarter => "quý",
        Months => "số tháng",
        Days => "số ngày",
        Elapsed => "số ngày đã qua",
        DayNumber => "số thứ tự ngày",
        Start => "điểm bắt đầu",
        Tolerance => "dung sai",
        Reference => "tham chiếu",
        Number => "con số",
        Id => "mã",
        Indicator => "chỉ tiêu",
        Kind => "loại số đo",
        Unit => "đơn vị",
        Pillar => "trụ cột",
        Status => "loại số liệu",
        Qualifier => "từ đi kèm",
        Comparison => "so sánh",
        Origin => "nguồn gốc",
        Verdict => "kết luận",
        Expected => "kết luận mong đợi",
        Report => "báo cáo",
        File => "tệp",
        Published => "ngày công bố",
        Covers => "kỳ báo cáo",
        AsOf => "ngày tính đến",
        TitleEn => "tiêu đề tiếng Anh",
        NameVi => "tên tiếng Việt",
        NameEn => "tên tiếng Anh",
        Min => "giá trị nhỏ nhất",
        Max => "giá trị lớn nhất",
        Since => "ngày bắt đầu tính luỹ kế",
        Note => "ghi chú",
        Stated => "con số như báo cáo viết",
        Denominator => "mẫu số",
        Quote => "trích dẫn",
        ExtraField => "(trường thừa)",
        Header => "dòng tiêu đề",
        Fit => "tham số đã khớp",
        Projection => "dự báo",
        Scenario => "kịch bản",
        Text => "văn bản",
        YearToDate => "tổng từ đầu năm",
        Total => "tổng của kỳ",
        DailyAverage => "bình quân mỗi ngày",
        Key => "tên tham số",
        Quantity => "đại lượng đo",
        Definition => "định nghĩa",
        NoteVi => "ghi chú tiếng Việt",
        QuoteEn => "bản dịch tiếng Anh của trích dẫn",
    }
}

vietnamese! {
    /// An [`Expected`] in Vietnamese.
    fn expected_vi(Expected) {
        Columns => "1 đến 11 cột",
        RowMajorDesign => "số dòng × số cột giá trị, theo từng dòng",
        OptimizerVariables => "1 đến 4 biến, mỗi biến có cận dưới và cận trên",
        OptimizerBounds => "điểm bắt đầu và các cận hữu hạn, cận dưới không lớn hơn cận trên",
        PositiveTolerance => "dung sai lớn hơn 0",
        QuarterNumber => "1, 2, 3 hoặc 4",
        PeriodText => "YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD hoặc YYYY-MM-DD/YYYY-MM-DD",
        VietnameseNumber => "một con số viết kiểu Việt Nam như 58.397.139; 79,95; 1,6 triệu hoặc 97,3%",
        Number => "một con số",
        ConfidenceLevel => "một mức tin cậy lớn hơn 0 và nhỏ hơn 1",
        MatchingDays => "bình quân ngày trên đúng số ngày của tổng",
        DailyRatePrediction => "dự báo bình quân ngày trên thang đồng nhất hoặc thang logarit",
        Damping => "hệ số tắt dần lớn hơn 0 và không quá 1",
        AfterLastObservation => "một ngày sau số liệu cuối cùng",
        DateDmy => "một ngày dạng D/M/YYYY",
        DateIso => "một ngày dạng YYYY-MM-DD",
        DayInRange => "một ngày trong các năm 1 đến 9999",
        Degree => "bậc từ 1 đến 10",
        CsvQuote => "dấu ngoặc kép chỉ nằm trong trường được đặt trong ngoặc kép, và được viết đôi",
        PositiveCap => "mức trần hữu hạn lớn hơn 0",
        CapAboveData => "mức trần cao hơn mọi giá trị của chuỗi",
        Precision => "độ chính xác hữu hạn, từ 0 trở lên",
        MidpointInRange => "điểm giữa trong các năm 1 đến 9999",
        HeaderName => "một tên không có dấu ngoặc kép",
        Positive => "một số lớn hơn 0",
        DegreesOfFreedom => "một số lớn hơn 0 (vô cùng cho phân phối chuẩn)",
        PeriodWithin => "một kỳ bắt đầu cùng kỳ lớn và kết thúc bên trong nó",
        OpenProbability => "một xác suất lớn hơn 0 và nhỏ hơn 1",
        ChangeAboveMinus100 => "mức thay đổi tương đối lớn hơn −100%",
        RunRateInput => "số liệu đầu vào trên một kỳ bắt đầu cùng kỳ của phép suy ra và kết thúc bên trong nó",
        ShiftInRange => "mức dịch chuyển vẫn nằm trong các năm 1 đến 9999",
        Smoothing => "hệ số làm trơn từ 0 đến 1",
        NonNegativeStandardError => "sai số chuẩn từ 0 trở lên",
        PositiveStep => "bước dài hơn 0 ngày",
        EndAfterStart => "ngày kết thúc không trước ngày bắt đầu",
        IndexInRange => "vị trí nhỏ hơn độ dài của khoảng dự báo",
        FieldsPerRow => "tối đa 16 trường",
        FieldHere => "một trường ở đây",
        NoQuotes => "không có dấu ngoặc kép",
        Identifier => "một mã gồm chữ, số, «_», «-» và «.»",
        PlainNumber => "một số hữu hạn, dấu chấm thập phân, không phân nhóm, như 860000000 hoặc 97.3",
        StatedMatchesValue => "con số có giá trị bằng cột value",
        HeaderRow => "dòng tiêu đề gồm các cột của tệp, đúng thứ tự",
        ClosingQuote => "trường trong ngoặc kép phải kết thúc bằng dấu ngoặc đóng",
        DoubledQuotes => "dấu ngoặc kép bên trong trường phải được viết đôi",
        ValueWithStated => "một giá trị khi có con số được nêu, ngược lại để trống",
        QualifierWithStated => "một từ đi kèm khi có con số được nêu, ngược lại để trống",
        FieldCount => "số trường bằng số cột của dòng tiêu đề",
        InputCount => "đúng số đầu vào mà loại phép suy ra này cần",
        DatesInRange => "các ngày trong các năm 1 đến 9999",
        LaterDate => "một ngày sau ngày trước nó",
        OrderedBounds => "giới hạn hữu hạn, giá trị nhỏ nhất bé hơn giá trị lớn nhất",
        ScaleEnds => "hai đầu hữu hạn, đầu dưới nhỏ hơn đầu trên",
        KnownReference => "tham chiếu đến một dòng đã biết",
        ComparisonCode => "một trong >=, >, <=, <",
        VerdictCode => "một trong agree, disagree, cannot_check",
        UnitCode => "một trong count, percent, mbps, vnd, usd, rank, times",
        QualifierCode => "một trong exact, about, more_than, nearly, at_least, up_to",
        KindCode => "một trong flow, ytd, daily_average, cumulative, stock, share, rank",
        MethodCode => "mã phương pháp: một trong linear, polynomial, log_linear, logistic, holt, damped_holt, gompertz",
        StatusCode => "một trong observed, estimate, target",
        PillarCode => "một trong government, economy, society, infrastructure, awareness, security",
        ClaimKindCode => "một trong run_rate, daily_average, period_total, multiple, share_of_target, share, sum, difference, relative_change, point_change",
        OriginCode => "report hoặc cross_check",
        ReferenceList => "các tham chiếu o:MÃ, d:MÃ, t:MÃ, c:MÃ, s:MÃ, n:SỐ hoặc ?, cách nhau bằng dấu cách",
        ExistingReferences => "tham chiếu đến số liệu, mục tiêu và phép kiểm tra đứng trước có thật",
        YearApart => "cùng một kỳ cách nhau một năm",
        ConsecutivePeriods => "hai kỳ liên tiếp cùng loại",
        OrderedEnds => "hai đầu là số, đầu nhỏ trước",
        ExistingDate => "một ngày có thật",
        WithinBounds => "một giá trị nằm trong giới hạn của chỉ tiêu",
        Finite => "một số hữu hạn",
        NonZero => "một số khác 0",
        BothSmoothing => "alpha và beta cùng được cho, hoặc cùng để trống để khớp",
        BothInitial => "mức và xu hướng ban đầu cùng được cho, hoặc cùng để trống",
        SettingOfMethod => "một tham số mà phương pháp này có",
        SettingName => "một trong degree, cap, alpha, beta, phi, initial_level, initial_trend, step_days",
        SameSeries => "đúng chuỗi số liệu mà mô hình đã khớp",
        SameBasis => "các số liệu cùng là tốc độ (tổng kỳ, tổng từ đầu năm, bình quân ngày, luỹ kế) hoặc cùng là mức",
        NoStatedFigure => "không có con số nêu ra (phép kiểm tra này không nêu số)",
        SameSubject => "loại số đo, đơn vị và giới hạn của chuỗi",
        Representable => "một kết quả nằm trong phạm vi của số thực dấu phẩy động",
        WithinCapacity => "không nhiều phần tử hơn sức chứa",
        DeadlineAfterData => "một hạn sau số liệu đầu tiên",
        TargetWithinBounds => "một mục tiêu nằm trong giới hạn của chỉ tiêu",
    }
}

vietnamese! {
    /// A [`Task`] in Vietnamese.
    fn task_vi(Task) {
        Linear => "xu hướng tuyến tính",
        Polynomial => "xu hướng đa thức",
        LogLinear => "xu hướng hàm mũ",
        Logistic => "xu hướng logistic",
        Gompertz => "xu hướng Gompertz",
        Holt => "phương pháp Holt",
        LeastSquares => "phép bình phương tối thiểu",
        NelderMead => "phép tìm Nelder–Mead",
        QuasiNewton => "phép tìm tựa Newton",
        LevenbergMarquardt => "phép tìm Levenberg–Marquardt",
        MethodChoice => "mọi phương pháp dự báo",
        CumulativeFlows => "lưu lượng của chuỗi luỹ kế",
    }
}

/// Both languages of an [`ErrorKind`] (the core gives only its code name),
/// `None` for a kind this table does not know.
#[must_use]
pub fn kind_words(kind: ErrorKind) -> Option<(&'static str, &'static str)> {
    Some(match kind {
        ErrorKind::NotFinite => ("số không hữu hạn", "not a finite number"),
        ErrorKind::Empty => ("dữ liệu trống", "empty input"),
        ErrorKind::TooFewPoints => ("quá ít số liệu", "too few points"),
        ErrorKind::Unsorted => ("ngày không theo thứ tự", "dates out of order"),
        ErrorKind::DuplicateDate => ("ngày trùng lặp", "a repeated date"),
        ErrorKind::NonPositive => ("giá trị không lớn hơn 0", "a value not above 0"),
        ErrorKind::OutOfBounds => ("giá trị ngoài giới hạn", "a value out of bounds"),
        ErrorKind::Capacity => ("vượt quá sức chứa", "capacity exceeded"),
        ErrorKind::Singular => ("ma trận suy biến", "a singular matrix"),
        ErrorKind::InvalidDate => ("ngày không có thật", "an invalid date"),
        ErrorKind::InvalidArgument => ("tham số không hợp lệ", "an invalid argument"),
        ErrorKind::NoConvergence => ("phép tính không hội tụ", "no convergence"),
        ErrorKind::Parse => ("không đọc được", "unreadable text"),
        ErrorKind::Overflow => ("kết quả quá lớn", "a result too large"),
        ErrorKind::BadRegion => ("vùng nhớ không hợp lệ", "a bad memory region"),
        ErrorKind::Misaligned => ("vùng nhớ lệch căn", "misaligned memory"),
        ErrorKind::InvalidUtf8 => ("văn bản không phải UTF-8", "text that is not UTF-8"),
        ErrorKind::BufferTooSmall => ("bộ đệm quá nhỏ", "a buffer too small"),
        ErrorKind::InvalidCode => ("mã không hợp lệ", "an invalid code"),
        ErrorKind::InvalidType => ("sai kiểu giá trị", "a value of the wrong type"),
        _ => return None,
    })
}

/// Both languages of an [`Unknown`] reason, `None` for one this table does
/// not know.
#[must_use]
pub fn unknown_words(why: Unknown) -> Option<(&'static str, &'static str)> {
    Some(match why {
        Unknown::Spread => (
            "đường khớp đi qua đúng mọi điểm (chỉ 2 số liệu) nên không ước lượng được độ phân tán",
            "the fit passes through every point (only 2 figures), so its spread cannot be estimated",
        ),
        Unknown::ZeroTarget => (
            "mục tiêu bằng 0 nên không tính được phần trăm so với nó",
            "the target is 0, so nothing is a percentage of it",
        ),
        Unknown::ZeroLatest => (
            "giá trị mới nhất bằng 0 nên không tính được mức đạt của mục tiêu tối đa",
            "the latest value is 0, so an at-most target's attainment is undefined",
        ),
        Unknown::NonPositive => (
            "tăng trưởng kép cần cả hai đầu lớn hơn 0",
            "compound growth needs both ends above 0",
        ),
        Unknown::NoGrowthNeeded => (
            "mục tiêu không đòi hỏi tăng trưởng nên tỷ số tiến độ không xác định",
            "the target needs no growth, so the progress ratio is undefined",
        ),
        Unknown::NotReached => (
            "dự báo không đạt mục tiêu trong vòng 30 năm sau hạn",
            "the projection does not meet the target within 30 years of the deadline",
        ),
        Unknown::NoTime => (
            "không còn thời gian giữa giá trị mới nhất và hạn",
            "no time lies between the latest value and the deadline",
        ),
        _ => return None,
    })
}

/// A pair of texts, Vietnamese first, for `lang`.
const fn pick(lang: Lang, (vi, en): (&'static str, &'static str)) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// What an error is about, in `lang`.
#[must_use]
pub fn field(lang: Lang, f: Field) -> &'static str {
    pick(lang, (field_vi(f).unwrap_or(f.text()), f.text()))
}

/// What a value should have been, in `lang`.
#[must_use]
pub fn expected(lang: Lang, e: Expected) -> &'static str {
    pick(lang, (expected_vi(e).unwrap_or(e.text()), e.text()))
}

/// A computation, in `lang`.
#[must_use]
pub fn task(lang: Lang, x: Task) -> &'static str {
    pick(lang, (task_vi(x).unwrap_or(x.text()), x.text()))
}

/// A kind of error, in `lang` (its code name for a kind this table does
/// not know).
#[must_use]
pub fn kind(lang: Lang, k: ErrorKind) -> &'static str {
    kind_words(k).map_or(k.name(), |w| pick(lang, w))
}

/// Why a quantity is unknown, in `lang` (its code for a reason this table
/// does not know).
#[must_use]
pub fn unknown(lang: Lang, why: Unknown) -> &'static str {
    unknown_words(why).map_or(why.code(), |w| pick(lang, w))
}

/// An error of the core, in `lang`: what was wrong and where.
#[must_use]
pub fn error(lang: Lang, e: &Error) -> String {
    let n = |v: usize| v.to_string();
    match *e {
        Error::NotFinite { what, index } => {
            tf(lang, K::ErrNotFinite, &[field(lang, what), &n(index)])
        }
        Error::Empty { what } => tf(lang, K::ErrEmpty, &[field(lang, what)]),
        Error::TooFewPoints {
            method,
            needed,
            got,
        } => tf(
            lang,
            K::ErrTooFewPoints,
            &[task(lang, method), &n(needed), &n(got)],
        ),
        Error::Unsorted { index } => tf(lang, K::ErrUnsorted, &[&n(index)]),
        Error::DuplicateDate { index } => tf(lang, K::ErrDuplicateDate, &[&n(index)]),
        Error::NonPositive { what, index } => {
            tf(lang, K::ErrNonPositive, &[field(lang, what), &n(index)])
        }
        Error::OutOfBounds { what, index } => {
            tf(lang, K::ErrOutOfBoundsAt, &[field(lang, what), &n(index)])
        }
        Error::Capacity { what, capacity } => {
            tf(lang, K::ErrCapacity, &[field(lang, what), &n(capacity)])
        }
        Error::Singular { column } => tf(lang, K::ErrSingular, &[&n(column)]),
        Error::InvalidDate { year, month, day } => tf(
            lang,
            K::ErrInvalidDate,
            &[&format!("{year:04}-{month:02}-{day:02}")],
        ),
        Error::InvalidArgument { name, expected: x } => tf(
            lang,
            K::ErrInvalidArgument,
            &[field(lang, name), expected(lang, x)],
        ),
        Error::NoConvergence { method, iterations } => tf(
            lang,
            K::ErrNoConvergence,
            &[task(lang, method), &iterations.to_string()],
        ),
        Error::Parse {
            line: 0,
            field: f,
            expected: x,
        } => tf(lang, K::ErrParse, &[field(lang, f), expected(lang, x)]),
        Error::Parse {
            line,
            field: f,
            expected: x,
        } => tf(
            lang,
            K::ErrParseLine,
            &[&line.to_string(), field(lang, f), expected(lang, x)],
        ),
        Error::Overflow { what, index } => {
            tf(lang, K::ErrOverflow, &[field(lang, what), &n(index)])
        }
        _ => t(lang, K::UnknownValue).to_string() + ": " + kind(lang, e.kind()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant of the core's vocabularies has its Vietnamese, so that
    /// none falls back to English; a variant added to the core fails here.
    #[test]
    fn every_variant_of_the_cores_vocabularies_is_translated() {
        for &f in Field::ALL {
            assert!(field_vi(f).is_some(), "Field::{f:?}");
            assert_ne!(field(Lang::Vi, f), field(Lang::En, f), "Field::{f:?}");
        }
        for &x in Expected::ALL {
            assert!(expected_vi(x).is_some(), "Expected::{x:?}");
        }
        for &x in Task::ALL {
            assert!(task_vi(x).is_some(), "Task::{x:?}");
            assert_ne!(task(Lang::Vi, x), task(Lang::En, x), "Task::{x:?}");
        }
        for k in ErrorKind::ALL {
            let (vi, en) = kind_words(k).unwrap_or_else(|| panic!("ErrorKind::{k:?}"));
            assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{k:?}");
        }
        for why in Unknown::ALL {
            let (vi, en) = unknown_words(why).unwrap_or_else(|| panic!("Unknown::{why:?}"));
            assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{why:?}");
        }
    }

    /// The Vietnamese of what a value should have been differs from the
    /// English except where it is a list of codes or notation.
    #[test]
    fn expected_words_are_vietnamese() {
        let same: Vec<Expected> = Expected::ALL
            .iter()
            .copied()
            .filter(|&x| expected(Lang::Vi, x) == expected(Lang::En, x))
            .collect();
        assert_eq!(same, []);
    }

    #[test]
    fn errors_say_what_and_where_in_both_languages() {
        let e = Error::TooFewPoints {
            method: Task::Holt,
            needed: 5,
            got: 4,
        };
        assert_eq!(
            error(Lang::Vi, &e),
            "phương pháp Holt cần ít nhất 5 điểm, nhưng chỉ có 4"
        );
        assert_eq!(
            error(Lang::En, &e),
            "Holt needs at least 5 points, but 4 were given"
        );
        let e = Error::InvalidArgument {
            name: Field::Beta,
            expected: Expected::BothSmoothing,
        };
        assert_eq!(
            error(Lang::Vi, &e),
            "hệ số beta không hợp lệ: cần alpha và beta cùng được cho, hoặc cùng để trống để khớp"
        );
        let e = Error::Parse {
            line: 3,
            field: Field::Period,
            expected: Expected::ExistingDate,
        };
        assert_eq!(error(Lang::Vi, &e), "dòng 3, kỳ: cần một ngày có thật");
        assert_eq!(
            error(Lang::En, &e),
            "line 3, period: expected a date that exists"
        );
        let e = Error::InvalidDate {
            year: 2023,
            month: 2,
            day: 30,
        };
        assert_eq!(
            error(Lang::Vi, &e),
            "2023-02-30 không phải là một ngày có thật"
        );
        // No message is left with a placeholder or in the other language.
        let samples = [
            Error::NotFinite {
                what: Field::Value,
                index: 2,
            },
            Error::Empty {
                what: Field::Series,
            },
            Error::Unsorted { index: 1 },
            Error::DuplicateDate { index: 1 },
            Error::NonPositive {
                what: Field::Value,
                index: 0,
            },
            Error::OutOfBounds {
                what: Field::Value,
                index: 0,
            },
            Error::Capacity {
                what: Field::Points,
                capacity: 64,
            },
            Error::Singular { column: 1 },
            Error::NoConvergence {
                method: Task::NelderMead,
                iterations: 500,
            },
            Error::Overflow {
                what: Field::Projection,
                index: 3,
            },
        ];
        for e in samples {
            let (vi, en) = (error(Lang::Vi, &e), error(Lang::En, &e));
            assert!(!vi.contains('{') && !en.contains('{') && vi != en, "{e:?}");
        }
    }
}
