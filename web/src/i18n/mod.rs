//! The interface's words in Vietnamese and English.
//!
//! Every text has both languages by construction: the `catalogue!` macro
//! takes a key, the Vietnamese text and the English text, and builds the
//! [`K`] enum and its lookup. Placeholders are `{0}`, `{1}`, … and filled by
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
    ($($key:ident => $vi:literal, $en:literal;)*) => {
        /// A text of the interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum K { $($key),* }

        impl K {
            /// Every key.
            pub const ALL: &'static [K] = &[$(K::$key),*];

            /// Every key's texts, Vietnamese and English, in the keys'
            /// order: a lookup in a table is smaller in the wasm than a
            /// match with an arm per key and language.
            const TEXTS: &'static [[&'static str; 2]] = &[$([$vi, $en]),*];

            /// The text in `lang`.
            #[must_use]
            pub const fn text(self, lang: Lang) -> &'static str {
                let [vi, en] = K::TEXTS[self as usize];
                match lang {
                    Lang::Vi => vi,
                    Lang::En => en,
                }
            }
        }
    };
}

catalogue! {
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
    LastTarget => "Mục tiêu gần nhất", "Last target";
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

    DefinitionTitle => "Định nghĩa và ghi chú", "Definition and notes";
    UnitLabel => "Đơn vị", "Unit";
    KindLabel => "Loại số đo", "Measure";
    PillarLabel => "Trụ cột", "Pillar";
    SinceLabel => "Tính luỹ kế từ", "Counted since";
    IdLabel => "Mã", "Id";
    NoNote => "Dữ liệu không có ghi chú cho chỉ tiêu này.", "The data has no note for this indicator.";
    ChartTitle => "Biểu đồ", "Chart";
    ChartDesc => "{0} số liệu của «{1}»: chấm đặc là số liệu thực tế, chấm rỗng là ước tính; đoạn nét đứt là mục tiêu; đường dọc là hôm nay ({2}).", "{0} figures of “{1}”: filled dots are observed, hollow dots are estimates; dashed segments are targets; the vertical line is today ({2}).";
    LegendObserved => "Thực tế", "Observed";
    LegendEstimate => "Ước tính", "Estimate";
    LegendTarget => "Mục tiêu", "Target";
    Today => "Hôm nay", "Today";
    ChartAsTable => "Dữ liệu của biểu đồ dưới dạng bảng", "The chart's data as a table";
    ExportSvg => "Tải biểu đồ SVG", "Download chart as SVG";
    ExportPng => "Tải biểu đồ PNG", "Download chart as PNG";
    ExportChartCsv => "Tải số liệu và dự báo CSV", "Download data and projection as CSV";
    TargetsTitle => "Mục tiêu theo giai đoạn", "Staged targets";
    NoTargets => "Các báo cáo không đặt mục tiêu cho chỉ tiêu này.", "The reports set no target for this indicator.";
    ObservationsTitle => "Số liệu và nguồn", "Figures and sources";
    ColPeriod => "Kỳ", "Period";
    ColDate => "Ngày trên trục", "Date on the axis";
    ColValue => "Giá trị", "Value";
    ColStatus => "Loại", "Kind";
    ColExact => "Số đầy đủ", "Full number";
    ColStated => "Như báo cáo viết", "As stated";
    ColSource => "Nguồn", "Source";
    ColQuote => "Trích dẫn nguyên văn", "Verbatim quote";
    ColDeadline => "Hạn", "Deadline";
    ColTarget => "Mục tiêu", "Target";
    ColActions => "Thao tác", "Actions";
    ReportLabel => "Báo cáo {0}, {1}", "Report {0}: {1}";
    EnteredByYou => "Bạn nhập (nguồn «{0}»)", "Entered by you (source “{0}”)";
    EditedByYou => "đã sửa", "edited";
    Edit => "Sửa", "Edit";
    EditAria => "Sửa «{0}»", "Edit “{0}”";
    DeleteAria => "Xoá «{0}»", "Delete “{0}”";
    OfWhole => "trên {0}", "of {0}";
    NoObservations => "Chưa có số liệu cho chỉ tiêu này.", "There are no figures for this indicator yet.";
    AddObservation => "Thêm số liệu cho chỉ tiêu này", "Add a figure to this indicator";

    ClaimsTitle => "Kiểm tra các số liệu suy ra", "Checking the derived figures";
    ClaimsIntro => "Mỗi con số mà báo cáo suy ra từ con số khác (bình quân ngày, ước cả năm, gấp N lần, tỷ lệ…) được tính lại bằng số học khoảng: mỗi số liệu gốc được hiểu là khoảng giá trị mà cách viết của nó cho phép («khoảng», «hơn», cách làm tròn).", "Every figure a report derives from others (daily averages, full-year estimates, “N times”, shares…) is recomputed with interval arithmetic: each input is read as the range of values its wording admits (“about”, “more than”, rounding).";
    FilterVerdict => "Kết luận", "Verdict";
    FilterReport => "Báo cáo", "Report";
    ClaimsCount => "{0} không khớp · {1} không kiểm tra được · {2} khớp", "{0} disagree · {1} cannot be checked · {2} agree";
    NoClaims => "Không có phép kiểm tra nào khớp với bộ lọc.", "No check matches the filters.";
    ClaimStated => "Báo cáo viết", "The report says";
    ClaimStatedRange => "Cách viết này cho phép", "This wording admits";
    ClaimRecomputed => "Tính lại từ số liệu gốc", "Recomputed from the inputs";
    ClaimGap => "lệch ít nhất {0}", "off by at least {0}";
    ClaimFormula => "Công thức", "Formula";
    ClaimAtStated => "Với các số liệu như đã nêu", "At the stated values";
    ClaimInputs => "Số liệu đầu vào", "Inputs";
    ClaimNote => "Ghi chú tính tay", "Hand arithmetic";
    ClaimWhy => "Lý do", "Why";
    ClaimDerivedOnly => "Con số trung gian do dxcast suy ra để dùng cho các phép kiểm tra khác.", "An intermediate figure dxcast derives to feed other checks.";
    ClaimError => "Không tính được: {0}", "Could not be computed: {0}";
    OriginReport => "Báo cáo tự suy ra", "Derived by the report";
    OriginCrossCheck => "Đối chiếu giữa các báo cáo", "Cross-check between reports";
    NotGiven => "(không có)", "(not given)";
    InputObservation => "số liệu {0}", "figure {0}";
    InputDenominator => "mẫu số của {0}", "the whole of {0}";
    InputTarget => "mục tiêu {0}", "target {0}";
    InputClaim => "kết quả tính lại của {0}", "the recomputed {0}";
    InputStated => "con số đã nêu của {0}", "the stated figure of {0}";
    InputNumber => "hằng số {0}", "the number {0}";
    InputMissing => "không báo cáo nào nêu", "given by no report";
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
    PerYearAnnualised => "mỗi năm, quy đổi theo năm", "per year, annualised";
    AnnualisedNote => "Số liệu tổng trong một kỳ (tháng, quý, năm) được vẽ và phân tích theo tổng mỗi năm, quy đổi từ bình quân mỗi ngày của kỳ: tổng của kỳ ÷ số ngày của kỳ × số ngày của năm, để tháng, quý và năm so được với nhau và với mục tiêu năm. Bảng số liệu bên dưới giữ nguyên con số như báo cáo viết.", "Totals over a period (a month, a quarter, a year) are drawn and analysed per year, annualised from the period's daily average: the period's total ÷ its days × the days of the year, so that months, quarters and years compare with each other and with the yearly targets. The table of figures below keeps them as the reports state them.";
    ColPerYear => "Mỗi năm (quy đổi)", "Per year (annualised)";
    ChartDescProjection => "Đường liền màu xanh lá là xu hướng khớp theo phương pháp «{0}»; đường nét đứt là dự báo đến {1}; vùng tô là khoảng dự báo {2} %.", "The solid green line is the trend fitted by “{0}”; the dashed line is the projection to {1}; the shaded area is the {2}% prediction band.";
    LegendFitted => "Xu hướng khớp", "Fitted trend";
    LegendProjection => "Dự báo", "Projection";
    LegendBand => "Khoảng dự báo 95 %", "95% prediction band";
    LegendBandUnknown => "Chưa biết độ phân tán (chỉ 2 số liệu)", "Spread unknown (only 2 figures)";
    LegendWhatIf => "Kịch bản giả định", "What-if scenario";
    MethodTitle => "Phương pháp dự báo", "Projection method";
    Recommended => "đề xuất", "recommended";
    Mape => "sai số MAPE {0}", "MAPE {0}";
    ReasonOneStep => "Sai số dự báo trước một bước thấp nhất (MAPE {0}) trên {1} số liệu kiểm tra", "Lowest one-step-ahead error (MAPE {0}) over {1} held-out figures";
    ReasonRunnerUp => "; phương pháp xếp sau: MAPE {0}", "; the runner-up: MAPE {0}";
    ReasonCautious => "Chỉ có {0} số liệu: đường thẳng, cách ngoại suy thận trọng nhất; tăng trưởng hàm mũ là phương án thay thế", "Only {0} figures: a straight line, the most cautious extrapolation; exponential growth is the alternative";
    ReasonBoundedShare => "Chỉ có {0} số liệu của một tỷ lệ: đường logistic, uốn dần về mức trần thay vì vượt qua nó; đường thẳng là phương án thay thế", "Only {0} figures of a share: a logistic curve, which bends towards the cap instead of crossing it; a straight line is the alternative";
    ReasonOnlyOne => "Chỉ một phương pháp dùng được với {0} số liệu: {1}", "Only one method fits {0} figures: {1}";
    MethodUnavailable => "Phương pháp «{0}» của liên kết không dùng được với các số liệu này; đang dùng phương pháp đề xuất.", "The link's method “{0}” does not fit these figures; the recommended one is used.";
    Explain => "Giải thích", "Explain";
    ExplainAria => "Giải thích: {0}", "Explain: {0}";
    ExplainResult => "Kết quả", "Result";
    ChoiceExplain => "Vì sao chọn phương pháp này", "Why this method";
    FitExplain => "Công thức và tham số đã khớp", "The fitted formula and its parameters";
    FitOnDailyRates => "Khớp trên bình quân mỗi ngày; biểu đồ nhân với số ngày của năm.", "Fitted to daily rates; the chart multiplies them by the days of the year.";
    NoProjection => "Cần số liệu ở ít nhất 2 ngày khác nhau để dự báo.", "A projection needs figures on at least 2 different dates.";
    ProjectionFailed => "Không dự báo được: {0}", "No projection: {0}";
    AnalyticsTitle => "Phân tích mục tiêu", "Target analytics";
    TargetHeading => "Mục tiêu {0}: {1}, hạn {2}", "Target {0}: {1}, due {2}";
    ScenarioTargetHeading => "Mục tiêu của kịch bản: {0}, hạn {1}", "The scenario's target: {0}, due {1}";
    PassedProjected => "Đã qua hạn; dự báo từ số liệu đến {0}", "Deadline passed; projected from figures up to {0}";
    PassedInData => "Đã qua hạn; đánh giá theo số liệu đến hạn", "Deadline passed; judged by the figures up to the deadline";
    Base => "Cơ sở", "Base";
    ScenarioCol => "Kịch bản", "Scenario";
    QProjected => "Dự báo tại hạn", "Projected at the deadline";
    QInterval => "khoảng 95 %: {0}", "95% interval: {0}";
    IntervalUnknown => "khoảng dự báo chưa biết (chỉ 2 số liệu)", "interval unknown with 2 points";
    QAttainment => "Mức đạt hiện nay", "Attainment now";
    QGap => "Còn thiếu", "Gap";
    QRequired => "Tăng trưởng cần có", "Growth needed";
    RequiredCompound => "{0}/năm (kép); {1}/ngày", "{0} a year (compound); {1} a day";
    RequiredYearOnly => "{0}/năm (kép)", "{0} a year (compound)";
    QReach => "Ngày đạt mục tiêu", "Date the target is reached";
    NotWithin30 => "không đạt trong vòng 30 năm sau hạn", "not within 30 years of the deadline";
    QProbability => "Xác suất đạt", "Probability of meeting it";
    ProbabilityUnknown => "— (chưa biết với 2 số liệu)", "— (unknown with 2 points)";
    QStatus => "Tình trạng", "Status";
    AnalysisFailed => "Không tính được: {0}", "Cannot be computed: {0}";
    WhatIfTitle => "Kịch bản giả định", "What-if scenario";
    WhatIfIntro => "Kết quả được tính lại ngay khi bạn thay đổi. Để trống một ô nếu không thay đổi phần đó.", "Results update as you change the values. Leave a field empty to leave that part unchanged.";
    GrowthLegend => "Tốc độ tăng trưởng", "Growth rate";
    RatePercent => "Tăng mỗi tháng (% của mức)", "Growth per month (% of the level)";
    RatePoints => "Tăng mỗi tháng (điểm %)", "Growth per month (percentage points)";
    RateSlider => "Kéo để chọn mức tăng mỗi tháng", "Drag to set the growth per month";
    FromLabel => "Từ ngày", "From";
    ShockLegend => "Cú sốc", "Shock";
    ShockPercent => "Thay đổi đột ngột (% của mức)", "Sudden change (% of the level)";
    ShockPoints => "Thay đổi đột ngột (điểm %)", "Sudden change (percentage points)";
    ShockAtLabel => "Vào ngày", "On";
    TargetLegend => "Mục tiêu khác", "A different target";
    TargetValueLabel => "Giá trị mục tiêu ({0})", "Target value ({0})";
    HorizonLegend => "Khoảng dự báo", "Horizon";
    HorizonLabel => "Dự báo đến ngày", "Project until";
    FieldBad => "Không đọc được giá trị này.", "This value cannot be read.";
    ClearScenario => "Xoá kịch bản", "Clear the scenario";
    ScenarioName => "Tên kịch bản", "Scenario name";
    SaveScenario => "Lưu kịch bản", "Save the scenario";
    ScenarioSaved => "Đã lưu kịch bản «{0}».", "Saved the scenario “{0}”.";
    ScenarioNeedsName => "Hãy đặt tên cho kịch bản.", "Give the scenario a name.";
    SavedTitle => "Kịch bản đã lưu", "Saved scenarios";
    SavedHint => "Đánh dấu để so sánh trên cùng biểu đồ.", "Tick to compare them on one chart.";
    NoSaved => "Chưa có kịch bản nào được lưu cho chỉ tiêu này.", "No saved scenario for this indicator yet.";
    OpenScenario => "Mở", "Open";
    OpenAria => "Mở kịch bản «{0}»", "Open the scenario “{0}”";
    FromLink => "từ liên kết", "from the link";
    ComparisonTitle => "So sánh các kịch bản", "Scenarios compared";
    BaseName => "Cơ sở (không giả định)", "Base (no what-if)";
    CurrentName => "Kịch bản đang xem", "Current what-if";
    ColOwnTarget => "Mục tiêu riêng", "Own target";
    ShareTitle => "Chia sẻ", "Share";
    ShareLabel => "Liên kết tới đúng khung nhìn này (dùng được khi không có mạng)", "Link to this exact view (works offline)";
    CopyLink => "Sao chép liên kết", "Copy link";
    Copied => "Đã sao chép liên kết.", "Link copied.";
    CopyFailed => "Không sao chép được; hãy chọn liên kết và sao chép.", "Could not copy; select the link and copy it.";
    LinkProblems => "Một số tham số của liên kết không đọc được; đã dùng giá trị mặc định:", "Some parameters of the link could not be read; their defaults are used:";
    LinkProblem => "«{0}={1}»: cần {2}", "“{0}={1}”: expected {2}";
    LinkUnknown => "«{0}»: không phải tham số của dxcast", "“{0}”: not a dxcast parameter";
    LinkBad => "«{0}={1}»: {2}", "“{0}={1}”: {2}";
    ExpectedGrowth => "tốc độ@ngày@y hoặc @m (mỗi năm, mỗi tháng), như 20@2024-04-30@y", "rate@date@y or @m (a year, a month), such as 20@2024-04-30@y";
    ExpectedShock => "mức@ngày, như -10@2024-01-01", "size@date, such as -10@2024-01-01";
    ExpectedTarget => "giá trị@hạn@so sánh, như 1000000000@2027-12-31@ge", "value@deadline@comparison, such as 1000000000@2027-12-31@ge";
    ExpectedDate => "một ngày dạng YYYY-MM-DD", "a date as YYYY-MM-DD";
    ExpectedCompared => "tên kịch bản rồi |g:…|k:…|t:…", "a name, then |g:…|k:…|t:…";
    ScenarioRecovery => "Không đọc được các kịch bản đã lưu: {0} Nội dung gốc được giữ trong trình duyệt (khoá {1}).", "The saved scenarios could not be read: {0} The original text is kept in this browser (key {1}).";
    ScenarioBadItems => "{0} kịch bản hỏng đã được tách ra.", "{0} damaged scenarios were set aside.";
    UnknownValue => "chưa biết", "unknown";
    UnknownBecause => "chưa biết: {0}", "unknown: {0}";
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

    DataTitle => "Dữ liệu của bạn", "Your data";
    DataIntro => "Những gì bạn thêm hoặc sửa được lưu trong trình duyệt này và dùng được cả khi không có mạng. Dữ liệu có sẵn lấy từ năm báo cáo của Bộ Thông tin và Truyền thông.", "What you add or edit is kept in this browser and works offline. The built-in data comes from five reports of the Ministry of Information and Communications.";
    UserCounts => "Bạn đã thêm hoặc sửa {0} chỉ tiêu, {1} số liệu và {2} mục tiêu.", "You have added or edited {0} indicators, {1} figures and {2} targets.";
    ObsFormTitle => "Thêm hoặc sửa một số liệu", "Add or edit a figure";
    IndFormTitle => "Thêm hoặc sửa một chỉ tiêu", "Add or edit an indicator";
    EditingNote => "Đang sửa «{0}».", "Editing “{0}”.";
    Save => "Lưu", "Save";
    CancelEdit => "Huỷ sửa", "Cancel editing";
    Delete => "Xoá", "Delete";
    Saved => "Đã lưu «{0}».", "Saved “{0}”.";
    Deleted => "Đã xoá «{0}».", "Deleted “{0}”.";
    FormHasErrors => "Chưa lưu, hãy sửa: {0}.", "Not saved; correct: {0}.";
    Required => "cần điền", "required";
    Optional => "không bắt buộc", "optional";
    Choose => "— chọn —", "— choose —";
    FieldId => "Mã", "Id";
    FieldIndicator => "Chỉ tiêu", "Indicator";
    FieldPeriod => "Kỳ", "Period";
    FieldPeriodHint => "2024, 2024-Q1, 2024-04, 2024-04-30 hoặc 2024-01-01/2024-04-30", "2024, 2024-Q1, 2024-04, 2024-04-30 or 2024-01-01/2024-04-30";
    FieldStatus => "Loại số liệu", "Status";
    FieldQualifier => "Từ đi kèm", "Qualifier";
    FieldStated => "Số liệu như báo cáo viết", "Figure as the report writes it";
    FieldStatedHint => "Cách viết Việt Nam: 58.397.139; 1,6 triệu; 52,8%", "Vietnamese format: 58.397.139; 1,6 triệu; 52,8%";
    FieldDenominator => "Mẫu số (nếu là phân số a/b)", "Whole (for a fraction a/b)";
    FieldReport => "Mã nguồn", "Source id";
    FieldReportHint => "r000–r004 cho các báo cáo có sẵn, hoặc một mã của bạn", "r000–r004 for the built-in reports, or an id of your own";
    FieldQuote => "Trích dẫn nguyên văn", "Verbatim quote";
    FieldNote => "Ghi chú tiếng Anh", "English note";
    FieldNoteVi => "Ghi chú tiếng Việt", "Vietnamese note";
    FieldQuoteEn => "Trích dẫn dịch sang tiếng Anh", "Quote in English";
    FieldNameVi => "Tên tiếng Việt", "Vietnamese name";
    FieldNameEn => "Tên tiếng Anh", "English name";
    FieldUnit => "Đơn vị", "Unit";
    FieldKind => "Loại số đo", "Measure";
    FieldPillar => "Trụ cột", "Pillar";
    FieldMin => "Giá trị nhỏ nhất", "Smallest value";
    FieldMax => "Giá trị lớn nhất", "Largest value";
    FieldBoundHint => "Một số, viết như 99,5; để trống nếu không giới hạn", "A number, written as 99.5; empty for none";
    FieldSince => "Ngày bắt đầu tính luỹ kế", "Running total counted since";
    FieldQuantity => "Đại lượng đo", "Quantity measured";
    FieldQuantityHint => "Mã chung của các chỉ tiêu đo cùng một đại lượng theo cách khác (tổng kỳ, luỹ kế, trung bình ngày); để trống nếu chỉ tiêu là đại lượng riêng", "The shared id of indicators that measure one thing in other ways (period totals, running totals, daily averages); empty when the indicator is its own";
    FieldDefinition => "Định nghĩa", "Definition";
    FieldDefinitionHint => "Mã định nghĩa khi số liệu theo định nghĩa khác thường lệ; để trống nếu theo định nghĩa thường lệ", "A code for the definition when the figure follows another than the usual one; empty for the usual one";
    FieldValue => "Giá trị", "Value";
    FieldComparison => "So sánh", "Comparison";
    FieldIdHint => "Chữ, số, «_», «-» và «.»", "Letters, digits, “_”, “-” and “.”";
    ErrUnknownIndicator => "không có chỉ tiêu mã «{0}»", "there is no indicator with the id “{0}”";
    ErrOutOfBounds => "giá trị {0} nằm ngoài giới hạn của chỉ tiêu ({1})", "the value {0} is outside the indicator's bounds ({1})";
    ErrDuplicateId => "mã «{0}» đã được dùng", "the id “{0}” is already used";
    ErrRepeatsLine => "mã «{0}» lặp lại dòng {1}", "the id “{0}” repeats line {1}";
    ErrInUse => "chỉ tiêu này còn {0} số liệu hoặc mục tiêu", "this indicator still has {0} figures or targets";
    ErrNeedsStated => "cần con số như báo cáo viết", "the figure as the report writes it is needed";
    FieldError => "{0}: {1}", "{0}: {1}";
    LineError => "Dòng {0}, cột «{1}»: {2}", "Line {0}, column “{1}”: {2}";
    ImportTitle => "Nhập từ tệp CSV", "Import a CSV file";
    ImportHelp => "Một tệp CSV có dòng đầu nêu tên các cột (tải tệp mẫu bên dưới), mỗi dòng sau là một số liệu, chỉ tiêu hoặc mục tiêu. Tệp do Excel lưu cũng đọc được: dấu phẩy hoặc dấu chấm phẩy giữa các cột, dấu chấm hoặc dấu phẩy thập phân. Mỗi lần nhập tối đa {0} và {1} dòng. Nếu có dòng lỗi, không có gì được nhập cho đến khi bạn chọn bỏ qua các dòng lỗi.", "A CSV file whose first line names the columns (download a template below), then one figure, indicator or target per line. Files saved by Excel read too: commas or semicolons between the columns, a decimal point or a decimal comma. At most {0} and {1} lines per import. If any line has an error, nothing is imported unless you choose to skip the bad lines.";
    ImportFile => "Chọn tệp CSV", "Choose a CSV file";
    ImportText => "Nội dung CSV", "CSV text";
    ImportCheck => "Kiểm tra và nhập", "Check and import";
    ImportEmpty => "Chưa có nội dung để nhập.", "There is nothing to import.";
    ImportErrors => "{0} dòng có lỗi, chưa nhập gì.", "{0} lines have errors; nothing was imported.";
    ImportHeaderError => "Tiêu đề không hợp lệ, chưa nhập gì.", "The header is not valid; nothing was imported.";
    ImportSkip => "Bỏ qua các dòng lỗi và nhập {0} dòng còn lại", "Skip the bad lines and import the other {0}";
    ImportDone => "Đã nhập {0} dòng vào bảng {1}: {2} mới, {3} cập nhật.", "Imported {0} rows into {1}: {2} new, {3} updated.";
    ImportSkipped => "Đã bỏ qua các dòng {0}.", "Skipped lines {0}.";
    ImportFileRead => "Đã đọc tệp «{0}».", "Read the file “{0}”.";
    ImportFileFailed => "Không đọc được tệp: {0}", "The file could not be read: {0}";
    TableIndicators => "chỉ tiêu", "indicators";
    TableObservations => "số liệu", "figures";
    TableTargets => "mục tiêu", "targets";
    ExportTitle => "Xuất dữ liệu", "Export";
    ExportHelp => "Toàn bộ dữ liệu, có sẵn và của bạn, theo đúng định dạng nhập ở trên.", "All the data, built-in and yours, in the import format above.";
    ExportIndicatorsCsv => "Chỉ tiêu (CSV)", "Indicators (CSV)";
    ExportObservationsCsv => "Số liệu (CSV)", "Figures (CSV)";
    ExportTargetsCsv => "Mục tiêu (CSV)", "Targets (CSV)";
    ExportJson => "Tất cả (JSON)", "Everything (JSON)";
    ResetTitle => "Khôi phục dữ liệu gốc", "Reset to the built-in data";
    ResetHelp => "Xoá mọi chỉ tiêu, số liệu và mục tiêu bạn đã thêm hoặc sửa trong trình duyệt này.", "Deletes every indicator, figure and target you added or edited in this browser.";
    ResetButton => "Khôi phục dữ liệu gốc…", "Reset to the built-in data…";
    ResetConfirm => "Xoá {0} mục bạn đã thêm hoặc sửa? Không thể hoàn tác; hãy xuất dữ liệu trước nếu cần.", "Delete the {0} rows you added or edited? This cannot be undone; export first if you need them.";
    ResetYes => "Xoá và khôi phục", "Delete and reset";
    Cancel => "Huỷ", "Cancel";
    ResetDone => "Đã khôi phục dữ liệu gốc.", "The built-in data is restored.";
    UserRowsTitle => "Những mục bạn đã thêm hoặc sửa", "What you added or edited";
    NoneYet => "Chưa có.", "Nothing yet.";
    OriginUser => "Của bạn", "Yours";
    OriginEdited => "Bản sửa", "Your edit";
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
    NotSavedPrefix => "Chưa lưu: {0}", "Not saved: {0}";
    ScenarioNotSaved => "Kịch bản chưa được lưu: xem thông báo ở đầu trang.", "The scenario was not saved: see the message at the top of the page.";
    SizeBytes => "{0} byte", "{0} bytes";
    ImportFileTooLarge => "Tệp «{0}» có {1}, vượt giới hạn {2} của một lần nhập, nên chưa được đọc. Hãy chia thành nhiều tệp nhỏ hơn.", "The file “{0}” has {1}, over the limit of {2} for one import, so it was not read. Split it into smaller files.";
    ImportTooLarge => "Nội dung có {0}, vượt giới hạn {1} của một lần nhập: chưa nhập gì. Hãy chia thành nhiều phần nhỏ hơn.", "The text has {0}, over the limit of {1} for one import: nothing was imported. Split it into smaller parts.";
    ImportTooManyRows => "Dòng {0}: tệp có hơn {1} dòng, giới hạn của một lần nhập: chưa nhập gì. Hãy chia thành nhiều tệp nhỏ hơn.", "Line {0}: the file has more than {1} lines, the limit for one import: nothing was imported. Split it into smaller files.";
    ImportFileProblem => "Chưa nhập gì: tệp không dùng được như hiện tại.", "Nothing was imported: the file cannot be used as it is.";
    ImportHeaderFound => "Dòng {0}, cột {1}: dòng tiêu đề ghi «{2}» ở chỗ cần «{3}».", "Line {0}, column {1}: the header says “{2}” where “{3}” is expected.";
    ImportHeaderMissing => "Dòng {0}, cột {1}: dòng tiêu đề thiếu cột «{2}».", "Line {0}, column {1}: the header lacks the column “{2}”.";
    ImportHeaderExtra => "Dòng {0}, cột {1}: «{2}» không phải một cột của bảng {3}.", "Line {0}, column {1}: “{2}” is not a column of the {3} table.";
    ImportHeaderHint => "Dòng đầu tiên phải nêu các cột của bảng {0} theo đúng thứ tự: {1}. Tải tệp mẫu bên dưới để có sẵn dòng này.", "The first line must name the columns of the {0} table, in this order: {1}. Download a template below to get this line.";
    ImportReadAs => "Đã đọc tệp với {0} giữa các cột{1}.", "Read with {0} between the columns{1}.";
    ImportDecimalComma => " và dấu phẩy thập phân", " and decimal commas";
    DelimiterComma => "dấu phẩy", "commas";
    DelimiterSemicolon => "dấu chấm phẩy", "semicolons";
    DelimiterTab => "dấu tab", "tabs";
    ImportMoreErrors => "… và {0} dòng lỗi khác.", "… and {0} more lines with errors.";
    ImportMerged => "Một thẻ khác đã lưu dữ liệu của bạn trong lúc này; các dòng được thêm vào trên đó, không ghi đè.", "Another tab had saved your data meanwhile; the rows were added on top of it, not over it.";
    SavedMerged => "Một thẻ khác đã lưu dữ liệu của bạn trong lúc này; thay đổi được thêm vào trên đó, không ghi đè.", "Another tab had saved your data meanwhile; the change was made on top of it, not over it.";
    ErrAfterToday => "kỳ bắt đầu sau hôm nay ({0}): chưa thể có số liệu cho kỳ này; mục tiêu thì thuộc bảng mục tiêu", "the period starts after today ({0}): no figure can exist for it yet; a target belongs in the targets table";
    ErrNumberForm => "cần một số theo đơn vị cơ sở, như 1234,5 hoặc 1234.5", "a number in base units is expected, such as 1234.5 or 1234,5";
    ErrAmbiguousNumber => "«{0}» đọc được hai cách: viết {1} nếu là số nghìn, hoặc {2} nếu là số thập phân", "“{0}” reads two ways: write {1} for thousands, or {2} for a decimal";
    TemplateLabel => "Tải tệp mẫu để điền:", "Download a template to fill in:";
    ExcelFormat => "Dạng cho Excel tiếng Việt (dấu chấm phẩy giữa các cột, dấu phẩy thập phân)", "For Excel in Vietnamese (semicolons between the columns, decimal commas)";
    UserRowsMore => "… và {0} dòng khác (xuất dữ liệu để xem tất cả).", "… and {0} more (export the data to see them all).";
    ExpectedRateRange => "một tốc độ tăng trưởng từ {0} đến {1} (% hoặc điểm %, mỗi năm hoặc mỗi tháng như liên kết ghi)", "a growth rate from {0} to {1} (% or percentage points, a year or a month as the link says)";
    ExpectedShockRange => "một cú sốc từ {0} đến {1} (% của mức, hoặc điểm %)", "a shock from {0} to {1} (% of the level, or percentage points)";
    ExpectedValueRange => "một giá trị mục tiêu có độ lớn không quá {0}", "a target value no larger than {0} in size";
    ExpectedDateRange => "ngày trong các năm {0}–{1}", "a date in the years {0}–{1}";
    ExpectedFewerCompared => "không quá {0} kịch bản so sánh", "at most {0} compared scenarios";
    LinkTooLong => "Liên kết dài {0} ký tự, quá giới hạn {1} ký tự: không đọc liên kết này, trang hiển thị khung nhìn mặc định.", "This link has {0} characters, over the limit of {1}: it was not read, and the default view is shown.";
    LinkTargetOutside => "«{0}={1}»: mục tiêu nằm ngoài giới hạn của chỉ tiêu ({2}), nên được đánh giá là «mục tiêu ngoài giới hạn»", "“{0}={1}”: the target lies outside the indicator's bounds ({2}), so it is assessed as “target outside the bounds”";
    LinkDeadlineBefore => "«{0}={1}»: hạn đến trước số liệu đầu tiên ({2}), nên không xu hướng nào đánh giá được: tình trạng là «số liệu đã cũ»", "“{0}={1}”: the deadline comes before the first figure ({2}), so no trend can judge it: its status is “figures too old”";
    LinkFlags => "Lưu ý về liên kết này:", "About this link:";
    StaleBeforeData => "Hạn đến trước số liệu đầu tiên: không có xu hướng nào đánh giá được mục tiêu này.", "The deadline comes before the first figure: no trend can judge this target.";
    UnreachableBounds => "Giá trị mục tiêu nằm ngoài những giá trị chỉ tiêu có thể có, nên không thể dùng số liệu để đánh giá mục tiêu này.", "The target lies outside the values the indicator can take, so the figures cannot be judged against it.";

    // A quantity measured several ways, on the indicator page.
    QuantityTitle => "Các số đo và chuỗi dự báo", "Measures and the projected series";
    QuantityMembers => "Chỉ tiêu «{0}» cùng đo một đại lượng với: {1}. Mọi số liệu của chúng được quy về một chuỗi ({2}) và dự báo, phân tích mục tiêu đều dùng chuỗi đó.", "“{0}” measures the same quantity as: {1}. All their figures are turned into one series ({2}), which the projection and the target analyses use.";
    QuantityAlone => "Chuỗi dự báo gồm các số liệu của chỉ tiêu này ({0}).", "The projected series is this indicator's figures ({0}).";
    BasisRate => "bình quân mỗi ngày, vẽ theo tổng mỗi năm", "daily rates, drawn as yearly totals";
    BasisLevel => "mức tại từng ngày", "levels at their dates";
    SeriesUses => "Chuỗi dùng {0} trong {1} số liệu.", "The series uses {0} of the {1} figures.";
    RuleLegend => "Khi các số đo mô tả cùng những ngày", "Where measures describe the same days";
    RuleTotals => "Ưu tiên số tổng (tổng của kỳ, tổng từ đầu năm) — mặc định", "Totals first (period and year-to-date totals) — the default";
    RuleAverages => "Ưu tiên số bình quân mỗi ngày", "Daily averages first";
    RuleAll => "Giữ mọi số liệu", "Keep every figure";
    RuleNote => "Số luỹ kế từ khi khai trương được để riêng nơi số đo khác phủ cùng những ngày (trừ khi giữ mọi số liệu): đó là số đo kém chính xác nhất. Một ngày chỉ giữ một số liệu: thực tế hơn ước tính, báo cáo sau hơn báo cáo trước.", "Running totals since launch are set aside where another measure covers their days (unless every figure is kept): they are the least precise measure. One date keeps one figure: observed over estimate, the later report over the earlier.";
    ConflictsTitle => "Số đo mâu thuẫn nhau", "Measures that contradict each other";
    ConflictItem => "{0} và {1} mô tả cùng những ngày nhưng không thể cùng đúng: {2} so với {3}.", "{0} and {1} describe the same days but cannot both hold: {2} against {3}.";
    NoConflicts => "Các số đo không mâu thuẫn nhau.", "The measures do not contradict each other.";
    AsideTitle => "Số liệu không dùng trong chuỗi", "Figures left out of the series";
    AsideRule => "quy tắc ưu tiên số đo khác cho cùng những ngày", "the rule prefers another measure of the same days";
    AsideCovered => "số luỹ kế, trong khi số đo khác phủ cùng những ngày", "a running total whose days another measure covers";
    AsideSameDate => "một số liệu khác cùng ngày được ưu tiên", "another figure of the same date is preferred";
    AsideDefinition => "theo định nghĩa cũ; chuỗi theo định nghĩa của số liệu mới nhất", "an older definition; the series follows the latest figure's";
    DefinitionBreak => "Định nghĩa thay đổi", "Definition changes";
    DefinitionBreakNote => "Chuỗi đổi định nghĩa: {0} số liệu theo định nghĩa cũ được vẽ riêng (màu xám, bên trái đường gạch) và không được nối vào dự báo.", "The series changed its definition: {0} figures of the older one are drawn apart (grey, left of the dashed line) and not joined to the projection.";
    ColMeasure => "Số đo", "Measure";
    ColInSeries => "Trong chuỗi", "In the series";
    InSeries => "có", "yes";
    LegendShapes => "Hình điểm theo số đo: ● tổng của kỳ, ■ tổng từ đầu năm, ◆ bình quân mỗi ngày, ▲ luỹ kế; viền xám nét đứt: không dùng trong chuỗi", "Marker by measure: ● period total, ■ year-to-date total, ◆ daily average, ▲ running total; grey dashed outline: left out of the series";

    // Verdicts that follow from the numbers shown.
    VerdictOutlook => "Theo riêng dự báo: {0}", "The projection alone: {0}";
    VerdictDecidedBy => "Quyết định bởi số liệu {0} ngày {1} ({2}).", "Decided by the figure {0} on {1} ({2}).";
    VerdictPast => "Đã qua hạn và không có số liệu nào tại hoặc sau hạn cho biết mục tiêu đạt hay không: đây là dự báo cho quá khứ, từ số liệu đến {0}.", "The deadline has passed and no figure at or after it says whether the target was met: this is a projection of the past, from figures up to {0}.";
    VerdictLongHorizon => "Hạn xa hơn quãng thời gian số liệu trải qua (và hơn một năm sau số liệu mới nhất): dự báo chưa đủ căn cứ.", "The deadline lies further beyond the latest figure than the figures reach back (and more than a year): the projection cannot judge it yet.";
    VerdictBeforeData => "Hạn đến trước số liệu đầu tiên: không dự báo ngược được.", "The deadline comes before the first figure: no projection reaches back there.";
    QAttainmentAt => "Mức đạt tại {0}", "Attainment at {0}";
    QGapAt => "Còn thiếu tại {0}", "Gap at {0}";
    ReachFrom => "{0} ngày kể từ {1}", "{0} days from {1}";
    DaysCount => "{0} ngày", "{0} days";
    VerdictRule => "Quy tắc: một số liệu tại hoặc sau hạn quyết định trước (đạt, không đạt); nếu hạn đã qua mà không có số liệu đó thì là «lỗi thời»; với 0 bậc tự do là «quá ít điểm»; còn lại theo dự báo: «không chắc chắn» khi xác suất đạt từ {1} đến {2}, «đúng hướng» khi dự báo tại hạn đạt mục tiêu, «cần tăng tốc» khi dự báo tăng được ít nhất {0} mức tăng cần có, «chệch hướng» khi ít hơn.", "The rule: a figure at or after the deadline decides first (achieved, missed); a passed deadline without one is “stale”; with no degrees of freedom left, “too few points”; otherwise the projection decides: “uncertain” when the probability of meeting the target is from {1} to {2}, “on track” when the projection at the deadline meets it, “needs acceleration” when it makes at least {0} of the growth needed, “off track” when less.";

    // What-if growth per year, flagged before it is applied.
    RatePercentYear => "Tăng mỗi năm (% của mức)", "Growth per year (% of the level)";
    RatePointsYear => "Tăng mỗi năm (điểm %)", "Growth per year (percentage points)";
    RateSliderYear => "Kéo để chọn mức tăng mỗi năm", "Drag to set the growth per year";
    PerLegend => "Tốc độ tính theo", "The rate is per";
    PerYear => "năm", "year";
    PerMonth => "tháng", "month";
    ImplausibleHeld => "Tốc độ này bằng {0} mỗi năm, vượt ngưỡng hợp lý của chuỗi ({1} mỗi năm{2}). Chưa áp dụng: kiểm tra xem tốc độ tính theo năm hay tháng.", "This rate is {0} a year, beyond what is plausible for this series ({1} a year{2}). Not applied: check whether it is per year or per month.";
    ImplausibleFastest => "; nhanh nhất chuỗi từng có: {0} mỗi năm", "; the fastest the series ever grew: {0} a year";
    ImplausibleApply => "Vẫn áp dụng", "Apply anyway";
    ImplausibleApplied => "Đang áp dụng dù tốc độ vượt ngưỡng hợp lý ({0} mỗi năm).", "Applied though the rate is beyond what is plausible ({0} a year).";
    ScenarioStart => "Kịch bản tiếp nối dự báo cơ sở từ {0} ngày {1}; tăng trưởng 0 giữ nguyên mức đó.", "The scenario continues the base projection from {0} on {1}; zero growth stays at that level.";
    LegendWhatIfBand => "Khoảng dự báo của kịch bản", "The scenario's band";
    ExpectedRule => "totals, averages hoặc all", "totals, averages or all";
    ExpectedLevel => "80 hoặc 95", "80 or 95";

    // Methods with their accuracy, the band's level, bands cut at the edge.
    MapeOn => "sai số kiểm tra ngược (MAPE) {0} trên {1} số liệu", "back-test error (MAPE) {0} over {1} figures";
    NotScoredFew => "chưa kiểm tra ngược được: cần {0} số liệu, có {1}", "no back test: it needs {0} figures, there are {1}";
    NotScored => "không kiểm tra ngược được trên chuỗi này", "cannot be back-tested on this series";
    MethodUnfit => "không dùng được cho chuỗi này: {0}", "cannot be used on this series: {0}";
    WarnBelow => "dự báo xuống dưới {0} từ {1}; biểu đồ dừng ở {0}", "projects below {0} from {1}; the chart stops at {0}";
    WarnAbove => "dự báo vượt {0} từ {1}; biểu đồ dừng ở {0}", "projects above {0} from {1}; the chart stops at {0}";
    WarnFast => "tăng {0} mỗi năm, vượt ngưỡng hợp lý của chuỗi ({1} mỗi năm)", "grows {0} a year, beyond what is plausible for this series ({1} a year)";
    LevelLegend => "Mức tin cậy của khoảng dự báo", "Level of the prediction band";
    LegendBandAt => "Khoảng dự báo {0} %", "{0}% prediction band";
    QIntervalAt => "khoảng {0} %: {1}", "{0}% interval: {1}";
    BandClipped => "Khoảng dự báo vượt ra ngoài khung biểu đồ; chỗ bị cắt được đánh dấu bằng vạch và mũi tên ở mép. Giá trị đầy đủ có trong phần phân tích và tệp CSV.", "The prediction band runs beyond the chart; where it is cut, a bar and arrows mark the edge. The full values are in the analyses and the CSV file.";

    // Adding a report.
    NavReport => "Thêm báo cáo", "Add a report";
    ReportTitle => "Thêm báo cáo", "Add a report";
    ReportIntro => "Dán nội dung báo cáo và cho biết ngày báo cáo. Mọi con số được đánh dấu và liệt kê bên cạnh với chỉ tiêu gợi ý, loại và từ đi kèm; hãy sửa nếu cần rồi xác nhận. Bản nháp được lưu trong trình duyệt và dùng được khi không có mạng.", "Paste the report's text and give its date. Every figure is highlighted and listed beside it with a suggested indicator, a kind and its qualifier; correct them if needed, then confirm. The draft is kept in this browser and works offline.";
    ReportText => "Nội dung báo cáo", "The report's text";
    ReportDate => "Ngày báo cáo («đến nay» là ngày này)", "The report's date (“to date” means this day)";
    ReportId => "Mã nguồn cho các số liệu", "Source id for its figures";
    ReportFound => "{0} con số, {1} đã xác nhận", "{0} figures, {1} confirmed";
    ReportNoFigures => "Chưa có con số nào.", "No figures yet.";
    ReportFigures => "Các con số", "The figures";
    ReportHighlighted => "Nội dung, các con số được tô sáng", "The text, its figures highlighted";
    NewIndicator => "— chỉ tiêu mới —", "— new indicator —";
    NewIndicatorTitle => "Chỉ tiêu mới", "New indicator";
    SuggestedTag => "gợi ý", "suggested";
    FigureKindLabel => "Loại", "Kind";
    KindTarget => "Mục tiêu", "Target";
    Confirm => "Xác nhận", "Confirm";
    Skip => "Bỏ qua", "Skip";
    Reopen => "Sửa lại", "Change";
    ConfirmedAs => "Đã thêm vào dữ liệu của bạn: «{0}».", "Added to your data: “{0}”.";
    SeeOnChart => "Xem trên biểu đồ", "See it on the chart";
    SkippedNote => "Đã bỏ qua.", "Skipped.";
    ReportChecks => "Số liệu phái sinh, kiểm tra ngay", "Derived figures, checked at once";
    ReportNoChecks => "Bài không có số liệu phái sinh (gấp, tăng, tỷ lệ, bình quân…).", "The text has no derived figures (multiples, changes, shares, averages…).";
    InputText => "con số «{0}» trong bài", "the figure “{0}” of the text";
    InputNowhere => "không có trong bài lẫn dữ liệu", "in neither the text nor the data";
    InputsLabel => "Đầu vào", "Inputs";
    ReportClear => "Xoá bản nháp", "Clear the draft";
    ReportDraftBad => "Không đọc được bản nháp đã lưu; nội dung gốc được giữ trong trình duyệt (khoá {0}).", "The saved draft could not be read; the original text is kept in this browser (key {0}).";
    FigureAria => "Con số {0}: {1}", "Figure {0}: {1}";

    // The chart's picture exports.
    ExportSource => "Nguồn: báo cáo {0}", "Source: reports {0}";
    ExportQuoted => "trích dẫn: {0}", "quoted rows: {0}";
    ExportScenario => "Kịch bản: {0} · ngày {1}", "Scenario: {0} · as of {1}";
    ExportBaseScenario => "dự báo cơ sở", "base projection";
    ExportUnnamedScenario => "kịch bản chưa đặt tên", "unnamed what-if";

    // Dates typed in the language's form (Vietnamese day first, English ISO).
    DatePlaceholder => "ngày/tháng/năm", "YYYY-MM-DD";
    DateForm => "cần một ngày dạng ngày/tháng/năm, như {0}", "expected a date as YYYY-MM-DD, such as {0}";
    DateNoSuchDay => "lịch không có ngày này", "the calendar has no such day";

    // The data's notes in both languages and the quotes' English glosses.
    GlossLabel => "Dịch sang tiếng Anh:", "In English:";
    ErrNoteInOneLanguage => "ghi chú chỉ có một ngôn ngữ: cần cả tiếng Việt và tiếng Anh, hoặc không có", "a note in one language only: it needs both Vietnamese and English, or neither";
    ErrQuoteWithoutGloss => "trích dẫn chưa có bản dịch tiếng Anh", "a quote without its English gloss";
}

/// `key`'s text in `lang`.
#[must_use]
pub const fn t(lang: Lang, key: K) -> &'static str {
    key.text(lang)
}

/// `key`'s text in `lang` with `{0}`, `{1}`, … replaced by `args`.
#[must_use]
pub fn tf(lang: Lang, key: K, args: &[&str]) -> String {
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
        for &k in K::ALL {
            let (vi, en) = (k.text(Lang::Vi), k.text(Lang::En));
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
