//! The interface's words in Vietnamese and English.
//!
//! Every text has both languages by construction: the `catalogue!` macro
//! takes a key, the Vietnamese text and the English text, and builds an enum
//! of keys and its lookup ([`Word`]). The words of the shell, the dashboard
//! and more than one page are [`K`], here; the words only the other pages
//! use are [`P`] ([`pages`]), whose table the release build puts in those
//! pages' parts of the module rather than in the first download. Placeholders are `{0}`, `{1}`, … and filled by
//! [`tf`]; the tests check that both languages use the same ones.
//!
//! The core's codes are translated here too: pillars, units, verdicts, claim
//! kinds, the explanation symbols ([`symbol`], keyed by `Symbol::code()`) and
//! formulas; its errors and the reasons a quantity is unknown are
//! translated by matching on their enums in [`errors`], which uses this
//! catalogue.

use dxcast_app::analysis::Standing;
use dxcast_app::lang::Lang;
use dxcast_core::claim::Unchecked;
use dxcast_core::{
    ClaimKind, Comparison, Formula, MeasureKind, Pillar, Qualifier, Status, Unit, Verdict,
};

pub mod errors;

/// The language's own name, for the switch.
#[must_use]
pub const fn native_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Tiếng Việt",
        Lang::En => "English",
    }
}

macro_rules! catalogue {
    ($(#[$doc:meta])* $name:ident; $($key:ident => $vi:literal, $en:literal;)*) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum $name { $($key),* }

        impl $name {
            /// Every key.
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            /// Every key's texts, Vietnamese and English, in the keys'
            /// order: a lookup in a table is smaller in the wasm than a
            /// match with an arm per key and language.
            const TEXTS: &'static [[&'static str; 2]] = &[$([$vi, $en]),*];

            /// The text in `lang`.
            #[must_use]
            pub const fn text(self, lang: Lang) -> &'static str {
                let [vi, en] = $name::TEXTS[self as usize];
                match lang {
                    Lang::Vi => vi,
                    Lang::En => en,
                }
            }
        }

        impl $crate::i18n::Word for $name {
            fn text(self, lang: Lang) -> &'static str {
                $name::text(self, lang)
            }
        }
    };
}

/// A text of the interface, in either language: a key of [`K`] or [`P`].
pub trait Word: Copy + Send + Sync + 'static {
    /// The text in `lang`.
    fn text(self, lang: Lang) -> &'static str;
}

pub mod pages;
pub use pages::P;

/// A word of either catalogue, where page code takes both (a form's
/// labels, say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnyWord {
    /// A word of the shell's catalogue.
    K(K),
    /// A word of the pages' catalogue.
    P(P),
}

impl From<K> for AnyWord {
    fn from(k: K) -> AnyWord {
        AnyWord::K(k)
    }
}

impl From<P> for AnyWord {
    fn from(p: P) -> AnyWord {
        AnyWord::P(p)
    }
}

impl Word for AnyWord {
    fn text(self, lang: Lang) -> &'static str {
        match self {
            AnyWord::K(k) => k.text(lang),
            AnyWord::P(p) => p.text(lang),
        }
    }
}

catalogue! {
    /// A text of the shell, the dashboard, or more than one page: in the
    /// main module of the app.
    K;
    AppTagline => "Chỉ tiêu chuyển đổi số quốc gia", "Vietnam's digital-transformation indicators";
    NavLabel => "Điều hướng chính", "Main navigation";
    NavDashboard => "Tổng quan", "Dashboard";
    NavClaims => "Kiểm tra số liệu", "Claim checks";
    NavData => "Dữ liệu của bạn", "Your data";
    LangLabel => "Ngôn ngữ", "Language";
    SkipToContent => "Bỏ qua đến nội dung chính", "Skip to main content";
    UpdateAvailable => "Đã có phiên bản mới của ứng dụng.", "A new version of the app is available.";
    UpdateApply => "Cập nhật ngay", "Update now";
    Later => "Để sau", "Later";
    Dismiss => "Đóng", "Dismiss";
    ErrorTitle => "Không hiển thị được trang này", "This page cannot be shown";
    ErrorBack => "Về trang tổng quan", "Back to the dashboard";
    ErrorDataHint => "Nếu lỗi do dữ liệu bạn đã nhập, bạn có thể xuất hoặc khôi phục dữ liệu ở trang «Dữ liệu của bạn».", "If your own data caused it, you can export or reset it on the “Your data” page.";
    NotFoundTitle => "Không tìm thấy trang", "Page not found";
    NotFoundPage => "Không có trang «{0}».", "There is no page “{0}”.";
    NotFoundIndicator => "Không có chỉ tiêu mã «{0}».", "There is no indicator with the id “{0}”.";
    PageNotLoaded => "Không tải được phần mã của trang này. Hãy kiểm tra kết nối mạng rồi mở lại trang.", "This page's code could not be downloaded. Check the connection, then open the page again.";
    DataLoadFailed => "Không đọc được dữ liệu có sẵn: {0}", "The built-in data could not be read: {0}";
    RecoveryTitle => "Không đọc được dữ liệu đã lưu", "Your saved data could not be read";
    RecoveryNotJson => "Nội dung lưu trong trình duyệt không phải JSON hợp lệ.", "The text stored in this browser is not valid JSON.";
    RecoveryUnknownVersion => "Dữ liệu được lưu theo lược đồ «{0}», phiên bản này không biết lược đồ đó.", "It was saved with schema “{0}”, which this version does not know.";
    RecoveryBadShape => "Dữ liệu đã lưu không có cấu trúc như mong đợi.", "The saved data does not have the expected structure.";
    RecoveryBadRows => "{0} dòng không hợp lệ đã được tách ra; các dòng còn lại vẫn được dùng.", "{0} invalid rows were set aside; the other rows are in use.";
    RecoveryKept => "Nội dung gốc được giữ nguyên trong trình duyệt (khoá {0}); bạn có thể tải về.", "The original text is kept in this browser (key {0}); you can download it.";
    RecoveryDownload => "Tải nội dung gốc", "Download the original text";
    SaveFailed => "Không lưu được vào bộ nhớ của trình duyệt: {0}", "Could not save to the browser's storage: {0}";
    Loading => "Đang tải…", "Loading…";
    FooterSource => "Nguồn: năm báo cáo của Bộ Thông tin và Truyền thông (2022–2024). Ứng dụng chạy hoàn toàn trong trình duyệt và dùng được khi không có mạng.", "Source: five reports of the Ministry of Information and Communications (2022–2024). The app runs entirely in the browser and works offline.";

    DashboardTitle => "Tổng quan các chỉ tiêu", "Indicators at a glance";
    DashboardIntro => "Số liệu mới nhất, mục tiêu kế tiếp và diễn biến của từng chỉ tiêu, theo các báo cáo của Bộ Thông tin và Truyền thông.", "The latest figure, next target and trend of each indicator, from the reports of the Ministry of Information and Communications.";
    Filters => "Bộ lọc", "Filters";
    FilterPillar => "Trụ cột", "Pillar";
    FilterStatus => "Tình trạng", "Status";
    FilterAll => "Tất cả", "All";
    SearchLabel => "Tìm chỉ tiêu", "Search indicators";
    SearchHint => "Gõ có dấu hoặc không dấu, tiếng Việt hoặc tiếng Anh.", "Vietnamese with or without diacritics, or English.";
    ShownCount => "Hiển thị {0}/{1} chỉ tiêu", "Showing {0} of {1} indicators";
    NoMatch => "Không có chỉ tiêu nào khớp với bộ lọc.", "No indicator matches the filters.";
    Latest => "Mới nhất", "Latest";
    NextTarget => "Mục tiêu kế tiếp", "Next target";
    Trend => "Diễn biến", "Trend";
    NoFigures => "Chưa có số liệu", "No figures yet";
    NoTargetShort => "Không có", "None";
    Due => "hạn {0}", "due {0}";
    DuePassed => "đã qua hạn {0}", "deadline {0} passed";
    AsOf => "đến {0}", "as of {0}";
    SparklineLabel => "{0} số liệu, từ {1} đến {2}", "{0} figures, from {1} to {2}";
    IndicatorCount => "{0} chỉ tiêu", "{0} indicators";

    StatusAchieved => "Đã đạt", "Achieved";
    StatusMissed => "Không đạt", "Missed";
    StatusUncertain => "Chưa chắc chắn", "Uncertain";
    StatusTooFewPoints => "Quá ít số liệu để ước lượng sai số", "Too few figures to estimate the error";
    StatusStale => "Số liệu đã cũ", "Figures too old";
    StatusUnreachable => "Mục tiêu ngoài giới hạn", "Target outside the bounds";
    StatusOnTrack => "Đúng tiến độ", "On track";
    StatusNeedsAcceleration => "Cần tăng tốc", "Needs acceleration";
    StatusOffTrack => "Chậm tiến độ", "Off track";
    StatusNoTarget => "Không có mục tiêu", "No target";
    StatusNotEnoughData => "Chưa đủ số liệu", "Not enough data";

    LegendEstimate => "Ước tính", "Estimate";
    ColQuote => "Trích dẫn nguyên văn", "Verbatim quote";
    ReportLabel => "Báo cáo {0}, {1}", "Report {0}: {1}";
    EnteredByYou => "Bạn nhập (nguồn «{0}»)", "Entered by you (source “{0}”)";
    OfWhole => "trên {0}", "of {0}";

    VerdictAgree => "Khớp", "Agrees";
    VerdictDisagree => "Không khớp", "Disagrees";
    VerdictCannotCheck => "Không kiểm tra được", "Cannot be checked";
    ReasonMissingInput => "Thiếu số liệu đầu vào thứ {0}: không báo cáo nào nêu.", "Input {0} is not given by any report.";
    ReasonUnbounded => "Số liệu đầu vào thứ {0} không bị chặn.", "Input {0} is unbounded.";
    ReasonMissingPeriod => "Không rõ kỳ nên không đếm được số ngày.", "No period is given, so the days cannot be counted.";
    ReasonDivisorSpansZero => "Số chia (đầu vào thứ {0}) có thể bằng 0.", "The divisor (input {0}) may be zero.";
    ReasonNothingStated => "Báo cáo không nêu con số này: đây là số liệu trung gian.", "Nothing is stated: this is an intermediate figure.";
    ReasonOther => "Không kiểm tra được.", "It cannot be checked.";
    ProjectionTitle => "Dự báo", "Projection";
    Mape => "sai số MAPE {0}", "MAPE {0}";
    ReasonOneStep => "Sai số dự báo trước một bước thấp nhất (MAPE {0}) trên {1} số liệu kiểm tra", "Lowest one-step-ahead error (MAPE {0}) over {1} held-out figures";
    ReasonRunnerUp => "; phương pháp xếp sau: MAPE {0}", "; the runner-up: MAPE {0}";
    ReasonCautious => "Chỉ có {0} số liệu: đường thẳng, cách ngoại suy thận trọng nhất; tăng trưởng hàm mũ là phương án thay thế", "Only {0} figures: a straight line, the most cautious extrapolation; exponential growth is the alternative";
    ReasonBoundedShare => "Chỉ có {0} số liệu của một tỷ lệ: đường logistic, uốn dần về mức trần thay vì vượt qua nó; đường thẳng là phương án thay thế", "Only {0} figures of a share: a logistic curve, which bends towards the cap instead of crossing it; a straight line is the alternative";
    ReasonOnlyOne => "Chỉ một phương pháp dùng được với {0} số liệu: {1}", "Only one method fits {0} figures: {1}";
    FitExplain => "Công thức và tham số đã khớp", "The fitted formula and its parameters";
    QInterval => "khoảng 95 %: {0}", "95% interval: {0}";
    ProbabilityUnknown => "— (chưa biết với 2 số liệu)", "— (unknown with 2 points)";
    LinkProblems => "Một số tham số của liên kết không đọc được; đã dùng giá trị mặc định:", "Some parameters of the link could not be read; their defaults are used:";
    LinkProblem => "«{0}={1}»: cần {2}", "“{0}={1}”: expected {2}";
    LinkUnknown => "«{0}»: không phải tham số của dxcast", "“{0}”: not a dxcast parameter";
    LinkBad => "«{0}={1}»: {2}", "“{0}={1}”: {2}";
    ExpectedGrowth => "tốc độ@ngày@y hoặc @m (mỗi năm, mỗi tháng), như 20@2024-04-30@y", "rate@date@y or @m (a year, a month), such as 20@2024-04-30@y";
    ExpectedShock => "mức@ngày, như -10@2024-01-01", "size@date, such as -10@2024-01-01";
    ExpectedTarget => "giá trị@hạn@so sánh, như 1000000000@2027-12-31@ge", "value@deadline@comparison, such as 1000000000@2027-12-31@ge";
    ExpectedDate => "một ngày dạng YYYY-MM-DD", "a date as YYYY-MM-DD";
    ExpectedCompared => "tên kịch bản rồi |g:…|k:…|t:…", "a name, then |g:…|k:…|t:…";
    ScenarioBadItems => "{0} kịch bản hỏng đã được tách ra.", "{0} damaged scenarios were set aside.";
    UnknownValue => "chưa biết", "unknown";
    ErrNotFinite => "{0} ở vị trí {1} không phải là số hữu hạn", "the {0} at index {1} is not a finite number";
    ErrEmpty => "{0} trống", "the {0} is empty";
    ErrTooFewPoints => "{0} cần ít nhất {1} điểm, nhưng chỉ có {2}", "{0} needs at least {1} points, but {2} were given";
    ErrUnsorted => "ngày ở vị trí {0} sớm hơn ngày trước nó", "the date at index {0} is earlier than the one before it";
    ErrDuplicateDate => "ngày ở vị trí {0} trùng với ngày trước nó", "the date at index {0} repeats the date before it";
    ErrNonPositive => "{0} ở vị trí {1} phải lớn hơn 0", "the {0} at index {1} must be above 0";
    ErrOutOfBoundsAt => "{0} ở vị trí {1} nằm ngoài giới hạn của chỉ tiêu", "the {0} at index {1} lies outside the indicator's bounds";
    ErrCapacity => "{0} đã đầy: chứa tối đa {1} phần tử, không thêm được gì", "the {0} is full: it holds at most {1} elements, and nothing was added";
    ErrSingular => "ma trận thiết kế suy biến: cột {0} phụ thuộc tuyến tính vào các cột trước", "the design matrix is singular: column {0} depends linearly on the columns before it";
    ErrInvalidDate => "{0} không phải là một ngày có thật", "{0} is not a valid calendar date";
    ErrInvalidArgument => "{0} không hợp lệ: cần {1}", "the {0} is invalid: expected {1}";
    ErrNoConvergence => "{0} không hội tụ sau {1} vòng lặp", "{0} did not converge in {1} iterations";
    ErrParse => "{0}: cần {1}", "{0}: expected {1}";
    ErrParseLine => "dòng {0}, {1}: cần {2}", "line {0}, {1}: expected {2}";
    ErrOverflow => "{0} ở vị trí {1} quá lớn để biểu diễn bằng số thực", "the {0} at index {1} is too large for a floating-point number";
    Points => "{0} điểm %", "{0} points";
    PointsPerYear => "{0} điểm %/năm", "{0} points a year";
    PerDay => "{0}/ngày", "{0} a day";

    Required => "cần điền", "required";
    FieldIndicator => "Chỉ tiêu", "Indicator";
    ErrUnknownIndicator => "không có chỉ tiêu mã «{0}»", "there is no indicator with the id “{0}”";
    ErrOutOfBounds => "giá trị {0} nằm ngoài giới hạn của chỉ tiêu ({1})", "the value {0} is outside the indicator's bounds ({1})";
    ErrDuplicateId => "mã «{0}» đã được dùng", "the id “{0}” is already used";
    ErrRepeatsLine => "mã «{0}» lặp lại dòng {1}", "the id “{0}” repeats line {1}";
    ErrInUse => "chỉ tiêu này còn {0} số liệu hoặc mục tiêu", "this indicator still has {0} figures or targets";
    ErrNeedsStated => "cần con số như báo cáo viết", "the figure as the report writes it is needed";
    FieldError => "{0}: {1}", "{0}: {1}";
    LineError => "Dòng {0}, cột «{1}»: {2}", "Line {0}, column “{1}”: {2}";
    ImportHeaderError => "Tiêu đề không hợp lệ, chưa nhập gì.", "The header is not valid; nothing was imported.";
    TableIndicators => "chỉ tiêu", "indicators";
    TableObservations => "số liệu", "figures";
    TableTargets => "mục tiêu", "targets";
    EditExisting => "Sửa một mục có sẵn", "Edit an existing row";
    EditExistingObs => "Mã số liệu có sẵn", "Id of an existing figure";
    EditExistingInd => "Mã chỉ tiêu có sẵn", "Id of an existing indicator";
    Load => "Mở để sửa", "Open for editing";

    // Hostile input and durable storage: the import's limits and formats,
    // saving that never loses anything, another tab's changes, links'
    // limits and flags.
    SaveFailedUser => "Dữ liệu của bạn chưa được lưu", "Your data was not saved";
    SaveFailedScenarios => "Các kịch bản chưa được lưu", "Your scenarios were not saved";
    SaveFull => "Bộ nhớ của trình duyệt dành cho ứng dụng này đã đầy: {0} dữ liệu không lưu vừa. Không có gì bị thay đổi, những gì đã lưu trước đó vẫn còn nguyên. Hãy xoá bớt dòng hoặc kịch bản, hoặc xuất dữ liệu ra tệp.", "This browser's storage for the app is full: {0} of data did not fit. Nothing was changed, and what was saved before is intact. Delete some rows or scenarios, or export your data to a file.";
    SaveUnavailable => "Trình duyệt không cho ứng dụng lưu dữ liệu (chế độ riêng tư, hoặc bộ nhớ bị tắt): thay đổi chưa được lưu.", "This browser does not let the app store data (private mode, or storage turned off): the change was not saved.";
    SaveKeptInPlace => "Chưa lưu: dữ liệu cũ không đọc được vẫn nằm ở khoá của nó và không bị ghi đè cho đến khi bạn tải về hoặc chọn bỏ nó.", "Not saved: the earlier data that could not be read is still under its own key, and nothing is saved over it until you download it or let it go.";
    SaveChangedUnreadable => "Chưa lưu: một thẻ khác vừa lưu dữ liệu theo dạng mà phiên bản này không đọc được. Hãy tải lại trang.", "Not saved: another tab has just saved the data in a form this version cannot read. Reload the page.";
    SaveRefused => "Trình duyệt từ chối lưu: thay đổi chưa được lưu.", "The browser refused to save: the change was not saved.";
    SaveRelease => "Bỏ dữ liệu cũ và lưu lại", "Let it go and save again";
    OtherTabUser => "Dữ liệu của bạn vừa được thay đổi ở một thẻ khác; trang này đã cập nhật theo, và thay đổi nào của bạn cũng được thêm vào trên đó chứ không ghi đè.", "Your data was changed in another tab; this page now shows those changes, and any change of yours is made on top of them, not over them.";
    OtherTabScenarios => "Các kịch bản vừa được thay đổi ở một thẻ khác; trang này đã cập nhật theo, và thay đổi nào của bạn cũng được thêm vào trên đó chứ không ghi đè.", "The scenarios were changed in another tab; this page now shows those changes, and any change of yours is made on top of them, not over them.";
    RecoveryInPlace => "Không sao chép được nội dung gốc (bộ nhớ đầy), nên nó vẫn nằm ở khoá {0} và không bị ghi đè. Hãy tải về, rồi chọn «Bỏ dữ liệu cũ và lưu lại».", "The original text could not be copied (the storage is full), so it stays under key {0} and nothing is saved over it. Download it, then choose “Let it go and save again”.";
    SizeBytes => "{0} byte", "{0} bytes";
    ImportTooLarge => "Nội dung có {0}, vượt giới hạn {1} của một lần nhập: chưa nhập gì. Hãy chia thành nhiều phần nhỏ hơn.", "The text has {0}, over the limit of {1} for one import: nothing was imported. Split it into smaller parts.";
    ImportTooManyRows => "Dòng {0}: tệp có hơn {1} dòng, giới hạn của một lần nhập: chưa nhập gì. Hãy chia thành nhiều tệp nhỏ hơn.", "Line {0}: the file has more than {1} lines, the limit for one import: nothing was imported. Split it into smaller files.";
    ImportHeaderFound => "Dòng {0}, cột {1}: dòng tiêu đề ghi «{2}» ở chỗ cần «{3}».", "Line {0}, column {1}: the header says “{2}” where “{3}” is expected.";
    ImportHeaderMissing => "Dòng {0}, cột {1}: dòng tiêu đề thiếu cột «{2}».", "Line {0}, column {1}: the header lacks the column “{2}”.";
    ImportHeaderExtra => "Dòng {0}, cột {1}: «{2}» không phải một cột của bảng {3}.", "Line {0}, column {1}: “{2}” is not a column of the {3} table.";
    ImportHeaderHint => "Dòng đầu tiên phải nêu các cột của bảng {0} theo đúng thứ tự: {1}. Tải tệp mẫu bên dưới để có sẵn dòng này.", "The first line must name the columns of the {0} table, in this order: {1}. Download a template below to get this line.";
    ImportReadAs => "Đã đọc tệp với {0} giữa các cột{1}.", "Read with {0} between the columns{1}.";
    ImportDecimalComma => " và dấu phẩy thập phân", " and decimal commas";
    DelimiterComma => "dấu phẩy", "commas";
    DelimiterSemicolon => "dấu chấm phẩy", "semicolons";
    DelimiterTab => "dấu tab", "tabs";
    ErrAfterToday => "kỳ bắt đầu sau hôm nay ({0}): chưa thể có số liệu cho kỳ này; mục tiêu thì thuộc bảng mục tiêu", "the period starts after today ({0}): no figure can exist for it yet; a target belongs in the targets table";
    ErrNumberForm => "cần một số theo đơn vị cơ sở, như 1234,5 hoặc 1234.5", "a number in base units is expected, such as 1234.5 or 1234,5";
    ErrAmbiguousNumber => "«{0}» đọc được hai cách: viết {1} nếu là số nghìn, hoặc {2} nếu là số thập phân", "“{0}” reads two ways: write {1} for thousands, or {2} for a decimal";
    ExpectedRateRange => "một tốc độ tăng trưởng từ {0} đến {1} (% hoặc điểm %, mỗi năm hoặc mỗi tháng như liên kết ghi)", "a growth rate from {0} to {1} (% or percentage points, a year or a month as the link says)";
    ExpectedShockRange => "một cú sốc từ {0} đến {1} (% của mức, hoặc điểm %)", "a shock from {0} to {1} (% of the level, or percentage points)";
    ExpectedValueRange => "một giá trị mục tiêu có độ lớn không quá {0}", "a target value no larger than {0} in size";
    ExpectedDateRange => "ngày trong các năm {0}–{1}", "a date in the years {0}–{1}";
    ExpectedFewerCompared => "không quá {0} kịch bản so sánh", "at most {0} compared scenarios";
    LinkTooLong => "Liên kết dài {0} ký tự, quá giới hạn {1} ký tự: không đọc liên kết này, trang hiển thị khung nhìn mặc định.", "This link has {0} characters, over the limit of {1}: it was not read, and the default view is shown.";
    LinkTargetOutside => "«{0}={1}»: mục tiêu nằm ngoài giới hạn của chỉ tiêu ({2}), nên được đánh giá là «mục tiêu ngoài giới hạn»", "“{0}={1}”: the target lies outside the indicator's bounds ({2}), so it is assessed as “target outside the bounds”";
    LinkDeadlineBefore => "«{0}={1}»: hạn đến trước số liệu đầu tiên ({2}), nên không xu hướng nào đánh giá được: tình trạng là «số liệu đã cũ»", "“{0}={1}”: the deadline comes before the first figure ({2}), so no trend can judge it: its status is “figures too old”";
    LinkFlags => "Lưu ý về liên kết này:", "About this link:";

    // A quantity measured several ways, on the indicator page.
    RuleTotals => "Ưu tiên số tổng (tổng của kỳ, tổng từ đầu năm) — mặc định", "Totals first (period and year-to-date totals) — the default";
    RuleAverages => "Ưu tiên số bình quân mỗi ngày", "Daily averages first";
    RuleAll => "Giữ mọi số liệu", "Keep every figure";
    AsideRule => "quy tắc ưu tiên số đo khác cho cùng những ngày", "the rule prefers another measure of the same days";
    AsideCovered => "số luỹ kế, trong khi số đo khác phủ cùng những ngày", "a running total whose days another measure covers";
    AsideSameDate => "một số liệu khác cùng ngày được ưu tiên", "another figure of the same date is preferred";
    AsideDefinition => "theo định nghĩa cũ; chuỗi theo định nghĩa của số liệu mới nhất", "an older definition; the series follows the latest figure's";

    // Verdicts that follow from the numbers shown.
    DaysCount => "{0} ngày", "{0} days";

    // What-if growth per year, flagged before it is applied.
    ExpectedRule => "totals, averages hoặc all", "totals, averages or all";
    ExpectedLevel => "80 hoặc 95", "80 or 95";

    // Adding a report.
    NavReport => "Thêm báo cáo", "Add a report";
    KindTarget => "Mục tiêu", "Target";

    // Dates typed in the language's form (Vietnamese day first, English ISO).
    DateForm => "cần một ngày dạng ngày/tháng/năm, như {0}", "expected a date as YYYY-MM-DD, such as {0}";
    DateNoSuchDay => "lịch không có ngày này", "the calendar has no such day";

    // The data's notes in both languages and the quotes' English glosses.
    GlossLabel => "Dịch sang tiếng Anh:", "In English:";
    ErrNoteInOneLanguage => "ghi chú chỉ có một ngôn ngữ: cần cả tiếng Việt và tiếng Anh, hoặc không có", "a note in one language only: it needs both Vietnamese and English, or neither";
    ErrQuoteWithoutGloss => "trích dẫn chưa có bản dịch tiếng Anh", "a quote without its English gloss";
}

/// `key`'s text in `lang`.
#[must_use]
pub fn t(lang: Lang, key: impl Word) -> &'static str {
    key.text(lang)
}

/// `key`'s text in `lang` with `{0}`, `{1}`, … replaced by `args`.
#[must_use]
pub fn tf(lang: Lang, key: impl Word, args: &[&str]) -> String {
    fill(key.text(lang), args)
}

/// Replaces `{0}`, `{1}`, … in `template` by `args` (a missing argument
/// leaves its placeholder as it is).
#[must_use]
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let index = after
            .find('}')
            .and_then(|close| after[..close].parse::<usize>().ok().map(|i| (i, close)));
        match index.and_then(|(i, close)| args.get(i).map(|a| (a, close))) {
            Some((arg, close)) => {
                out.push_str(arg);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders `{n}` a template uses, sorted.
#[cfg(test)]
fn placeholders(template: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        if let Some(close) = after.find('}') {
            if let Ok(i) = after[..close].parse::<usize>() {
                found.push(i);
            }
        }
        rest = after;
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// A pair of texts, Vietnamese first.
const fn pick(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// The pillar's name.
#[must_use]
pub const fn pillar(lang: Lang, p: Pillar) -> &'static str {
    match p {
        Pillar::Government => pick(lang, "Chính phủ số", "Digital government"),
        Pillar::Economy => pick(lang, "Kinh tế số", "Digital economy"),
        Pillar::Society => pick(lang, "Xã hội số", "Digital society"),
        Pillar::Infrastructure => pick(lang, "Hạ tầng số", "Digital infrastructure"),
        Pillar::Awareness => pick(lang, "Nhận thức số", "Digital awareness"),
        Pillar::Security => pick(lang, "An toàn thông tin mạng", "Information security"),
        _ => pick(lang, "Khác", "Other"),
    }
}

/// The unit's name.
#[must_use]
pub const fn unit(lang: Lang, u: Unit) -> &'static str {
    match u {
        Unit::Count => pick(lang, "số lượng", "count"),
        Unit::Percent => pick(lang, "phần trăm (%)", "percent (%)"),
        Unit::Mbps => "Mbps",
        Unit::Vnd => pick(lang, "đồng", "VND"),
        Unit::Usd => "USD",
        Unit::Rank => pick(lang, "thứ hạng", "rank"),
        Unit::Times => pick(lang, "lần", "times"),
        _ => pick(lang, "khác", "other"),
    }
}

/// The measure kind's name.
#[must_use]
pub const fn kind(lang: Lang, k: MeasureKind) -> &'static str {
    match k {
        MeasureKind::Flow => pick(lang, "Tổng trong kỳ", "Total over a period"),
        MeasureKind::YearToDate => pick(lang, "Luỹ kế từ đầu năm", "Year to date"),
        MeasureKind::DailyAverage => pick(lang, "Bình quân mỗi ngày", "Daily average"),
        MeasureKind::Cumulative => pick(
            lang,
            "Luỹ kế từ khi khai trương",
            "Running total since launch",
        ),
        MeasureKind::Stock => pick(lang, "Số lượng tại một thời điểm", "Level at a date"),
        MeasureKind::Share => pick(lang, "Tỷ lệ (%) tại một thời điểm", "Share (%) at a date"),
        MeasureKind::Rank => pick(
            lang,
            "Thứ hạng (nhỏ hơn là tốt hơn)",
            "Rank (lower is better)",
        ),
        _ => pick(lang, "Khác", "Other"),
    }
}

/// How a quantity's point was derived from its figure.
#[must_use]
pub const fn conversion(lang: Lang, c: dxcast_core::quantity::Conversion) -> &'static str {
    use dxcast_core::quantity::Conversion as C;
    match c {
        C::Level => pick(lang, "mức", "level"),
        C::Total => pick(lang, "tổng của kỳ", "period total"),
        C::YearToDate => pick(lang, "tổng từ đầu năm", "year-to-date total"),
        C::DailyAverage => pick(lang, "bình quân mỗi ngày", "daily average"),
        C::SinceLaunch => pick(
            lang,
            "luỹ kế từ khi khai trương",
            "running total since launch",
        ),
        C::Difference => pick(lang, "hiệu hai số luỹ kế", "difference of running totals"),
    }
}

/// Why a point is left out of a quantity's series.
#[must_use]
pub const fn aside(lang: Lang, a: dxcast_core::quantity::Aside) -> &'static str {
    use dxcast_core::quantity::Aside as A;
    match a {
        A::Rule => K::AsideRule.text(lang),
        A::Covered => K::AsideCovered.text(lang),
        A::SameDate => K::AsideSameDate.text(lang),
        A::Definition => K::AsideDefinition.text(lang),
    }
}

/// A rule for measures that overlap.
#[must_use]
pub const fn rule(lang: Lang, r: dxcast_core::quantity::Rule) -> &'static str {
    use dxcast_core::quantity::Rule as R;
    match r {
        R::Totals => K::RuleTotals.text(lang),
        R::Averages => K::RuleAverages.text(lang),
        R::All => K::RuleAll.text(lang),
    }
}

/// A figure's kind on the report page.
#[must_use]
pub const fn figure_kind(lang: Lang, k: dxcast_app::report::FigureKind) -> &'static str {
    use dxcast_app::report::FigureKind as F;
    match k {
        F::Observed => status(lang, Status::Observed),
        F::Estimate => status(lang, Status::Estimate),
        F::Target => K::KindTarget.text(lang),
    }
}

/// An observation status's name.
#[must_use]
pub const fn status(lang: Lang, s: Status) -> &'static str {
    match s {
        Status::Observed => pick(lang, "Thực tế", "Observed"),
        Status::Estimate => pick(lang, "Ước tính", "Estimate"),
        Status::Target => pick(lang, "Mục tiêu", "Target"),
    }
}

/// The word a report puts before a figure ("khoảng", "hơn"); empty for exact figures.
#[must_use]
pub const fn qualifier_word(lang: Lang, q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::About => pick(lang, "khoảng", "about"),
        Qualifier::MoreThan => pick(lang, "hơn", "more than"),
        Qualifier::Nearly => pick(lang, "gần", "nearly"),
        Qualifier::AtLeast => pick(lang, "tối thiểu", "at least"),
        Qualifier::UpTo => pick(lang, "lên đến", "up to"),
        _ => "",
    }
}

/// A qualifier as a choice in a form.
#[must_use]
pub const fn qualifier_choice(lang: Lang, q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => pick(lang, "không có (đạt, là)", "none (exact)"),
        Qualifier::About => pick(lang, "khoảng", "about"),
        Qualifier::MoreThan => pick(lang, "hơn, trên", "more than"),
        Qualifier::Nearly => pick(lang, "gần", "nearly"),
        Qualifier::AtLeast => pick(lang, "tối thiểu", "at least"),
        Qualifier::UpTo => pick(lang, "lên đến", "up to"),
        _ => "",
    }
}

/// A comparison's words ("tối thiểu", "at least").
#[must_use]
pub const fn comparison(lang: Lang, c: Comparison) -> &'static str {
    match c {
        Comparison::AtLeast => pick(lang, "tối thiểu", "at least"),
        Comparison::GreaterThan => pick(lang, "lớn hơn", "more than"),
        Comparison::AtMost => pick(lang, "tối đa", "at most"),
        Comparison::LessThan => pick(lang, "nhỏ hơn", "less than"),
        _ => "",
    }
}

/// A comparison's sign: ≥, >, ≤, <.
#[must_use]
pub const fn comparison_sign(c: Comparison) -> &'static str {
    match c {
        Comparison::AtLeast => "≥",
        Comparison::GreaterThan => ">",
        Comparison::AtMost => "≤",
        Comparison::LessThan => "<",
        _ => "?",
    }
}

/// A projection method's name.
#[must_use]
pub const fn method(lang: Lang, m: dxcast_core::Method) -> &'static str {
    use dxcast_core::Method as M;
    match m {
        M::Linear => pick(lang, "Đường thẳng", "Straight line"),
        M::Polynomial => pick(lang, "Đa thức bậc 2", "Quadratic"),
        M::LogLinear => pick(
            lang,
            "Hàm mũ (tăng trưởng kép)",
            "Exponential (compound growth)",
        ),
        M::Logistic => pick(lang, "Logistic (có mức trần)", "Logistic (with a cap)"),
        M::Holt => pick(lang, "Phương pháp Holt", "Holt's method"),
        M::DampedHolt => pick(lang, "Holt tắt dần", "Damped Holt"),
        M::Gompertz => pick(lang, "Gompertz (có mức trần)", "Gompertz (with a cap)"),
        _ => pick(lang, "Phương pháp khác", "Other method"),
    }
}

/// A standing's name.
#[must_use]
pub const fn standing(lang: Lang, s: Standing) -> &'static str {
    match s {
        Standing::Achieved => K::StatusAchieved.text(lang),
        Standing::Missed => K::StatusMissed.text(lang),
        Standing::Uncertain => K::StatusUncertain.text(lang),
        Standing::TooFewPoints => K::StatusTooFewPoints.text(lang),
        Standing::Stale => K::StatusStale.text(lang),
        Standing::Unreachable => K::StatusUnreachable.text(lang),
        Standing::OnTrack => K::StatusOnTrack.text(lang),
        Standing::NeedsAcceleration => K::StatusNeedsAcceleration.text(lang),
        Standing::OffTrack => K::StatusOffTrack.text(lang),
        Standing::NoTarget => K::StatusNoTarget.text(lang),
        Standing::NotEnoughData => K::StatusNotEnoughData.text(lang),
    }
}

/// A verdict's name.
#[must_use]
pub const fn verdict(lang: Lang, v: Verdict) -> &'static str {
    match v {
        Verdict::Agree => K::VerdictAgree.text(lang),
        Verdict::Disagree => K::VerdictDisagree.text(lang),
        Verdict::CannotCheck => K::VerdictCannotCheck.text(lang),
    }
}

/// Why a claim could not be checked (input positions shown one-based).
#[must_use]
pub fn reason(lang: Lang, r: Unchecked) -> String {
    let n = |i: usize| (i + 1).to_string();
    match r {
        Unchecked::MissingInput { index } => tf(lang, K::ReasonMissingInput, &[&n(index)]),
        Unchecked::Unbounded { index } => tf(lang, K::ReasonUnbounded, &[&n(index)]),
        Unchecked::MissingPeriod => t(lang, K::ReasonMissingPeriod).to_string(),
        Unchecked::DivisorSpansZero { index } => tf(lang, K::ReasonDivisorSpansZero, &[&n(index)]),
        Unchecked::NothingStated => t(lang, K::ReasonNothingStated).to_string(),
        _ => t(lang, K::ReasonOther).to_string(),
    }
}

/// A claim kind's name.
#[must_use]
pub const fn claim_kind(lang: Lang, k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::RunRate => pick(
            lang,
            "Ước cả kỳ từ số luỹ kế",
            "Full-period estimate from a year-to-date total",
        ),
        ClaimKind::DailyAverage => pick(lang, "Bình quân mỗi ngày", "Daily average"),
        ClaimKind::PeriodTotal => pick(
            lang,
            "Tổng của kỳ từ bình quân ngày",
            "Period total from a daily average",
        ),
        ClaimKind::Multiple => pick(lang, "Gấp bao nhiêu lần", "Multiple (“N times”)"),
        ClaimKind::ShareOfTarget => pick(lang, "Tỷ lệ so với mục tiêu", "Share of the target"),
        ClaimKind::Share => pick(lang, "Tỷ lệ phần trăm", "Percentage of a whole"),
        ClaimKind::Sum => pick(lang, "Tổng", "Sum"),
        ClaimKind::Difference => pick(lang, "Hiệu số", "Difference"),
        ClaimKind::RelativeChange => pick(lang, "Tăng giảm tương đối (%)", "Relative change (%)"),
        ClaimKind::PointChange => pick(
            lang,
            "Chênh lệch điểm phần trăm",
            "Change in percentage points",
        ),
        _ => pick(lang, "Phép suy ra khác", "Other derivation"),
    }
}

/// The name of an explanation symbol, by its `Symbol::code()`; `None` for a
/// code this catalogue does not know.
#[must_use]
pub fn symbol(lang: Lang, code: &str) -> Option<&'static str> {
    let (vi, en) = match code {
        "result" => ("kết quả", "result"),
        "year_to_date" => ("tổng từ đầu năm", "year-to-date total"),
        "days_elapsed" => ("số ngày đã qua", "days elapsed"),
        "days_in_period" => ("số ngày của cả kỳ", "days in the whole period"),
        "total" => ("tổng của kỳ", "period total"),
        "daily_average" => ("bình quân mỗi ngày", "daily average"),
        "a" => ("số thứ nhất", "first value"),
        "b" => ("số thứ hai", "second value"),
        "c" => ("số hạng tiếp theo", "further term"),
        "stated" => ("con số báo cáo nêu", "stated figure"),
        "low" => ("cận dưới", "low end"),
        "high" => ("cận trên", "high end"),
        "years" => ("số năm", "years"),
        "days" => ("số ngày", "days"),
        "latest" => ("giá trị mới nhất", "latest value"),
        "target" => ("mục tiêu", "target"),
        "projected" => ("giá trị dự báo", "projected value"),
        "level" => ("mức", "level"),
        "slope" => ("độ dốc mỗi năm", "slope per year"),
        "growth" => ("tăng trưởng mỗi năm", "growth per year"),
        "alpha" => ("hệ số làm trơn mức α", "level smoothing α"),
        "beta" => ("hệ số làm trơn xu hướng β", "trend smoothing β"),
        "phi" => ("hệ số tắt dần φ", "damping φ"),
        "cap" => ("mức trần K", "cap K"),
        "rate" => ("tốc độ r", "rate r"),
        "midpoint" => ("điểm giữa t₀", "midpoint t₀"),
        "standard_error" => ("sai số chuẩn", "standard error"),
        "quantile" => ("phân vị Student", "Student-t quantile"),
        "degrees_of_freedom" => ("bậc tự do", "degrees of freedom"),
        "confidence_level" => ("mức tin cậy", "confidence level"),
        "probability" => ("xác suất", "probability"),
        "ratio" => ("tỷ số", "ratio"),
        "sse" => ("tổng bình phương sai số", "sum of squared errors"),
        "count" => ("số điểm", "number of points"),
        "params" => ("số tham số", "number of parameters"),
        "score" => ("điểm đánh giá", "score"),
        "step" => ("bước (ngày)", "step (days)"),
        "shock" => ("cú sốc mức", "level shock"),
        "coefficient" => ("hệ số βₖ", "coefficient βₖ"),
        "centre" => ("tâm thời gian t̄", "time centre t̄"),
        "from" => ("tính từ ngày", "counted from"),
        "daily_growth" => ("tăng trưởng mỗi ngày", "growth a day"),
        "required_growth" => ("tăng trưởng cần có mỗi năm", "growth needed a year"),
        "threshold" => ("ngưỡng của quy tắc", "threshold of the rule"),
        "span" => ("số ngày số liệu trải qua", "days the figures span"),
        _ => return None,
    };
    Some(pick(lang, vi, en))
}

/// A formula's name, by its `Formula::code()`; `None` for a code this
/// catalogue does not know.
#[must_use]
pub fn formula_name(lang: Lang, code: &str) -> Option<&'static str> {
    let (vi, en) = match code {
        "run_rate" => ("Ước cả năm từ số luỹ kế", "Run-rate to the whole year"),
        "daily_average" => ("Bình quân mỗi ngày", "Daily average"),
        "period_total" => ("Tổng của kỳ", "Period total"),
        "cumulative_difference" => ("Hiệu của số luỹ kế", "Difference of a running total"),
        "multiple" => ("Số lần", "Multiple"),
        "percentage" => ("Tỷ lệ phần trăm", "Percentage"),
        "sum" => ("Tổng", "Sum"),
        "relative_change" => ("Thay đổi tương đối", "Relative change"),
        "point_change" => ("Thay đổi điểm phần trăm", "Change in points"),
        "cagr" => ("Tăng trưởng kép hằng năm", "Compound annual growth"),
        "attainment" => ("Mức đạt so với mục tiêu", "Attainment of the target"),
        "gap" => ("Khoảng cách đến mục tiêu", "Gap to the target"),
        "required_cagr" => ("Tăng trưởng cần có mỗi năm", "Required annual growth"),
        "required_daily_rate" => ("Tăng trưởng cần có mỗi ngày", "Required daily growth"),
        "required_points_per_year" => ("Số điểm % cần tăng mỗi năm", "Required points per year"),
        "linear_trend" => ("Xu hướng tuyến tính", "Linear trend"),
        "polynomial_trend" => ("Xu hướng đa thức", "Polynomial trend"),
        "log_linear_trend" => ("Xu hướng hàm mũ", "Exponential trend"),
        "logistic_trend" => ("Xu hướng logistic", "Logistic trend"),
        "gompertz_trend" => ("Xu hướng Gompertz", "Gompertz trend"),
        "holt" => ("Phương pháp Holt", "Holt's method"),
        "damped_holt" => ("Holt tắt dần", "Damped Holt"),
        "prediction_interval" => ("Khoảng dự báo", "Prediction interval"),
        "probability_of_meeting" => ("Xác suất đạt mục tiêu", "Probability of meeting the target"),
        "reach_date" => ("Ngày đạt mục tiêu", "Date the target is reached"),
        "status_ratio" => ("Tỷ số tiến độ", "Progress ratio"),
        "one_step_error" => (
            "Sai số dự báo trước một bước",
            "One-step-ahead forecast error",
        ),
        "scenario" => ("Kịch bản giả định", "What-if scenario"),
        "verdict" => (
            "Quy tắc đánh giá mục tiêu",
            "The rule that judges the target",
        ),
        "at_most" => ("Không vượt quá", "Does not exceed"),
        _ => return None,
    };
    Some(pick(lang, vi, en))
}

/// A formula's expression in `lang`: the core's notation, with the words
/// some expressions hold ("fitted on", "meets", "year") in Vietnamese.
#[must_use]
pub const fn expression(lang: Lang, f: Formula) -> &'static str {
    let vi = match f {
        Formula::OneStepError => "MAPE = (100/m)·Σᵢ |yᵢ − ŷᵢ| / |yᵢ|, ŷᵢ khớp trên y₁ … yᵢ₋₁",
        Formula::ReachDate => "t* = min{t : ŷ(t) đạt T}",
        Formula::Verdict => "tình trạng = điều đầu tiên đúng trong: số liệu, hạn, ν = 0, tầm dự báo > max(s, 365 ngày), θ₁ ≤ P ≤ θ₂, ŷ đạt T, ρ ≥ θ₀",
        Formula::AtMost => "m = z − (a + … + y) ≥ 0, tổng z là số cuối",
        Formula::Scenario => "y(t) = ŷ(t₀)·(1 + g)^((t − t₀)/năm) + δ",
        _ => f.expression(),
    };
    pick(lang, vi, f.expression())
}

/// A formula's name ("Công thức" / "Formula" for one this catalogue does not know).
#[must_use]
pub fn formula(lang: Lang, f: Formula) -> &'static str {
    formula_name(lang, f.code()).unwrap_or(pick(lang, "Công thức", "Formula"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages_with_the_same_placeholders() {
        let all = K::ALL.iter().map(|&k| AnyWord::from(k));
        for k in all.chain(P::ALL.iter().map(|&p| AnyWord::from(p))) {
            let (vi, en) = (Word::text(k, Lang::Vi), Word::text(k, Lang::En));
            assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{k:?}");
            assert_eq!(placeholders(vi), placeholders(en), "{k:?}");
            // Placeholders are numbered from 0 without gaps.
            let p = placeholders(vi);
            assert!(p.iter().enumerate().all(|(i, &n)| i == n), "{k:?}");
        }
    }

    #[test]
    fn the_languages_differ_where_words_are_involved() {
        // Texts that are the same in both languages are the exceptions.
        let same: Vec<K> = K::ALL
            .iter()
            .copied()
            .filter(|k| k.text(Lang::Vi) == k.text(Lang::En))
            .collect();
        assert_eq!(same, [K::FieldError]);
        assert!(P::ALL.iter().all(|p| p.text(Lang::Vi) != p.text(Lang::En)));
    }

    #[test]
    fn fill_replaces_numbered_placeholders() {
        assert_eq!(fill("{0} of {1}", &["3", "5"]), "3 of 5");
        assert_eq!(fill("{1}{0}{1}", &["a", "b"]), "bab");
        assert_eq!(fill("{2} {x} {", &["a"]), "{2} {x} {");
        assert_eq!(
            tf(Lang::Vi, K::ShownCount, &["3", "115"]),
            "Hiển thị 3/115 chỉ tiêu"
        );
    }

    #[test]
    fn every_standing_has_a_name_in_each_language() {
        for s in Standing::ALL {
            assert_ne!(standing(Lang::Vi, s), standing(Lang::En, s));
        }
        assert_ne!(native_name(Lang::Vi), native_name(Lang::En));
    }

    #[test]
    fn every_symbol_the_core_names_is_translated() {
        use dxcast_core::Symbol;
        for s in Symbol::ALL {
            for lang in Lang::ALL {
                assert!(symbol(lang, s.code()).is_some(), "{}", s.code());
            }
        }
        for kind in ClaimKind::ALL {
            for i in 0..3 {
                assert!(symbol(Lang::Vi, kind.symbol(i).code()).is_some());
            }
        }
    }

    #[test]
    fn every_measure_rule_and_reason_is_named_in_each_language() {
        use dxcast_core::quantity::{Aside, Conversion, Rule};
        for c in Conversion::ALL {
            assert_ne!(conversion(Lang::Vi, c), conversion(Lang::En, c));
        }
        for r in Rule::ALL {
            assert_ne!(rule(Lang::Vi, r), rule(Lang::En, r));
        }
        for a in Aside::ALL {
            assert_ne!(aside(Lang::Vi, a), aside(Lang::En, a));
        }
        for k in dxcast_app::report::FigureKind::ALL {
            assert_ne!(figure_kind(Lang::Vi, k), figure_kind(Lang::En, k));
        }
    }

    #[test]
    fn every_formula_the_core_names_is_translated() {
        for f in Formula::ALL {
            for lang in Lang::ALL {
                assert!(formula_name(lang, f.code()).is_some(), "{}", f.code());
            }
            assert_ne!(formula(Lang::Vi, f), formula(Lang::En, f));
        }
    }

    /// The expressions that hold English words have their Vietnamese; the
    /// others are notation, the same in both languages.
    #[test]
    fn expressions_with_words_are_translated() {
        let worded: Vec<Formula> = Formula::ALL
            .into_iter()
            .filter(|&f| {
                f.expression()
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .any(|w| w.len() >= 4 && w != "MAPE" && w != "exp")
            })
            .collect();
        let translated: Vec<Formula> = Formula::ALL
            .into_iter()
            .filter(|&f| expression(Lang::Vi, f) != expression(Lang::En, f))
            .collect();
        assert_eq!(worded, translated);
        assert_eq!(
            expression(Lang::En, Formula::ReachDate),
            Formula::ReachDate.expression()
        );
    }
}
