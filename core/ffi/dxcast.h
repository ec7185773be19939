/*
 * dxcast.h: the C ABI of dxcast_ffi.wasm, version 2.0.
 *
 * The records, codes and functions of ABI.md (beside this file), for a C
 * host that runs the module in a WebAssembly runtime. Every record lives in
 * the module's linear memory: an address (dxcast_addr) is an offset into
 * that memory, not a host pointer. A host lays a record out with these
 * structs and copies it in (memcpy to memory + address), and copies output
 * records out the same way. Records are little-endian, aligned to 8, and
 * have no padding: the sizes and offsets below are checked at compile time.
 *
 * Every function returns 0 or more on success and a negative DXCAST_E_*
 * code on failure; dxcast_last_error*() say what failed, where and why.
 */
#ifndef DXCAST_H
#define DXCAST_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------ version */

#define DXCAST_ABI_MAJOR 2
#define DXCAST_ABI_MINOR 0
/* What dxcast_abi_version() returns: major << 16 | minor. */
#define DXCAST_ABI_VERSION ((DXCAST_ABI_MAJOR << 16) | DXCAST_ABI_MINOR)

/* ------------------------------------------------------------ types */

/* An offset into the module's linear memory (wasm i32). */
typedef uint32_t dxcast_addr;
/* A day number: days since 1970-01-01, years 1 to 9999. */
typedef int32_t dxcast_day;
/* A fitted model's handle, from dxcast_fit (above 0, below 2^30). */
typedef uint32_t dxcast_fitted;

/* "None" in a code field the module writes (a term without a unit, an
 * explanation with nothing unknown, a reason without an index). */
#define DXCAST_NONE 0xFFFFFFFFu
/* A value this ABI version has no code for. */
#define DXCAST_OTHER 0xFFFFFFFEu

/* How many fitted models the module keeps at once. */
#define DXCAST_FITTED_SLOTS 64
/* The most points in a series. */
#define DXCAST_MAX_SERIES 1024
/* The most terms in an explanation, ranked methods in a choice, inputs in a claim. */
#define DXCAST_MAX_TERMS 16
#define DXCAST_MAX_RANKED 6
#define DXCAST_MAX_INPUTS 7
/* The most coefficients of a least-squares fit. */
#define DXCAST_MAX_PARAMS 11

/* ------------------------------------------------------------ error codes */

#define DXCAST_E_NOT_FINITE (-1)
#define DXCAST_E_EMPTY (-2)
#define DXCAST_E_TOO_FEW_POINTS (-3)
#define DXCAST_E_UNSORTED (-4)
#define DXCAST_E_DUPLICATE_DATE (-5)
#define DXCAST_E_NON_POSITIVE (-6)
#define DXCAST_E_OUT_OF_BOUNDS (-7)
#define DXCAST_E_CAPACITY (-8)
#define DXCAST_E_SINGULAR (-9)
#define DXCAST_E_INVALID_DATE (-10)
#define DXCAST_E_INVALID_ARGUMENT (-11)
#define DXCAST_E_NO_CONVERGENCE (-12)
#define DXCAST_E_PARSE (-13)
#define DXCAST_E_OVERFLOW (-14)
#define DXCAST_E_BAD_REGION (-101)
#define DXCAST_E_MISALIGNED (-102)
#define DXCAST_E_INVALID_UTF8 (-103)
#define DXCAST_E_BUFFER_TOO_SMALL (-104)
#define DXCAST_E_INVALID_CODE (-105)
#define DXCAST_E_INVALID_TYPE (-106) /* never returned by this module */

/* ------------------------------------------------------------ code tables */

enum dxcast_method {
    DXCAST_LINEAR = 0,
    DXCAST_POLYNOMIAL = 1,
    DXCAST_LOG_LINEAR = 2,
    DXCAST_LOGISTIC = 3,
    DXCAST_HOLT = 4,
    DXCAST_DAMPED_HOLT = 5,
    DXCAST_GOMPERTZ = 6
};

enum dxcast_unit {
    DXCAST_COUNT = 0,
    DXCAST_PERCENT = 1,
    DXCAST_MBPS = 2,
    DXCAST_VND = 3,
    DXCAST_USD = 4,
    DXCAST_RANK_UNIT = 5,
    DXCAST_TIMES = 6
};

enum dxcast_kind {
    DXCAST_FLOW = 0,
    DXCAST_YTD = 1,
    DXCAST_DAILY_AVERAGE = 2,
    DXCAST_CUMULATIVE = 3,
    DXCAST_STOCK = 4,
    DXCAST_SHARE = 5,
    DXCAST_RANK = 6
};

enum dxcast_qualifier {
    DXCAST_EXACT = 0,
    DXCAST_ABOUT = 1,
    DXCAST_MORE_THAN = 2,
    DXCAST_NEARLY = 3,
    DXCAST_AT_LEAST = 4,
    DXCAST_UP_TO = 5
};

enum dxcast_status { DXCAST_OBSERVED = 0, DXCAST_ESTIMATE = 1, DXCAST_TARGET = 2 };

enum dxcast_comparison {
    DXCAST_GE = 0, /* >= */
    DXCAST_GT = 1, /* >  */
    DXCAST_LE = 2, /* <= */
    DXCAST_LT = 3  /* <  */
};

enum dxcast_claim_kind {
    DXCAST_RUN_RATE = 0,
    DXCAST_CLAIM_DAILY_AVERAGE = 1,
    DXCAST_PERIOD_TOTAL = 2,
    DXCAST_MULTIPLE = 3,
    DXCAST_SHARE_OF_TARGET = 4,
    DXCAST_CLAIM_SHARE = 5,
    DXCAST_SUM = 6,
    DXCAST_DIFFERENCE = 7,
    DXCAST_RELATIVE_CHANGE = 8,
    DXCAST_POINT_CHANGE = 9,
    DXCAST_AT_MOST = 10 /* a bound without a number: the margin, checked against 0 */
};

enum dxcast_verdict { DXCAST_AGREE = 0, DXCAST_DISAGREE = 1, DXCAST_CANNOT_CHECK = 2 };

enum dxcast_target_status {
    DXCAST_ACHIEVED = 0,
    DXCAST_ON_TRACK = 1,
    DXCAST_NEEDS_ACCELERATION = 2,
    DXCAST_OFF_TRACK = 3,
    DXCAST_MISSED = 4,
    DXCAST_UNCERTAIN = 5,
    DXCAST_TOO_FEW_POINTS = 6,
    DXCAST_STALE = 7,
    DXCAST_UNREACHABLE = 8
};

/* Why a status is DXCAST_STALE. */
enum dxcast_staleness { DXCAST_PAST_DEADLINE = 0, DXCAST_LONG_HORIZON = 1 };

/* Which points a quantity's series keeps where measures overlap. */
enum dxcast_quantity_rule { DXCAST_RULE_TOTALS = 0, DXCAST_RULE_AVERAGES = 1, DXCAST_RULE_ALL = 2 };

/* How a quantity's point was derived from its figure. */
enum dxcast_conversion {
    DXCAST_CONVERSION_LEVEL = 0,
    DXCAST_CONVERSION_TOTAL = 1,
    DXCAST_CONVERSION_YEAR_TO_DATE = 2,
    DXCAST_CONVERSION_DAILY_AVERAGE = 3,
    DXCAST_CONVERSION_SINCE_LAUNCH = 4,
    DXCAST_CONVERSION_DIFFERENCE = 5
};

/* Why a quantity's point is not in its series. */
enum dxcast_aside {
    DXCAST_ASIDE_RULE = 0,
    DXCAST_ASIDE_COVERED = 1,
    DXCAST_ASIDE_SAME_DATE = 2,
    DXCAST_ASIDE_DEFINITION = 3
};

/* The basis of a quantity's points. */
enum dxcast_basis { DXCAST_BASIS_LEVEL = 0, DXCAST_BASIS_DAILY_RATE = 1 };

/* How a figure found in text is derived from others. */
enum dxcast_derived {
    DXCAST_DERIVED_MULTIPLE = 0,
    DXCAST_DERIVED_RELATIVE_CHANGE = 1,
    DXCAST_DERIVED_PERCENT_CHANGE = 2,
    DXCAST_DERIVED_DIFFERENCE = 3,
    DXCAST_DERIVED_EXCESS_OVER_PLAN = 4,
    DXCAST_DERIVED_SHARE_OF_TARGET = 5,
    DXCAST_DERIVED_SHARE = 6,
    DXCAST_DERIVED_DAILY_AVERAGE = 7
};

enum dxcast_period_kind {
    DXCAST_DAY = 0,
    DXCAST_MONTH = 1,
    DXCAST_QUARTER = 2,
    DXCAST_YEAR = 3,
    DXCAST_RANGE = 4
};

enum dxcast_scale {
    DXCAST_IDENTITY = 0,
    DXCAST_LOG = 1,           /* ln(y - lo) */
    DXCAST_REFLECTED_LOG = 2, /* -ln(hi - y) */
    DXCAST_LOGIT = 3,         /* ln((y - lo) / (hi - y)) */
    DXCAST_LOGLOG = 4         /* -ln(-ln(y / hi)), lower end 0 */
};

enum dxcast_change_kind { DXCAST_CHANGE_RELATIVE = 0, DXCAST_CHANGE_POINTS = 1, DXCAST_CHANGE_MULTIPLE = 2 };

enum dxcast_criterion { DXCAST_ONE_STEP_ERROR = 0, DXCAST_RULE = 1 };

enum dxcast_reason { DXCAST_LOWEST_ONE_STEP_ERROR = 0, DXCAST_FEW_POINTS = 1, DXCAST_ONLY_ONE = 2 };

enum dxcast_rule { DXCAST_BOUNDED_SHARE = 0, DXCAST_CAUTIOUS_LINE = 1 };

enum dxcast_unchecked {
    DXCAST_CHECKED = 0,
    DXCAST_MISSING_INPUT = 1,
    DXCAST_UNBOUNDED_INPUT = 2,
    DXCAST_MISSING_PERIOD = 3,
    DXCAST_DIVISOR_SPANS_ZERO = 4,
    DXCAST_NOTHING_STATED = 5,
    DXCAST_UNCHECKED_OVERFLOW = 6
};

/* Why a quantity in an explanation is unknown. */
enum dxcast_unknown {
    DXCAST_UNKNOWN_SPREAD = 0,
    DXCAST_UNKNOWN_ZERO_TARGET = 1,
    DXCAST_UNKNOWN_ZERO_LATEST = 2,
    DXCAST_UNKNOWN_NON_POSITIVE = 3,
    DXCAST_UNKNOWN_NO_GROWTH_NEEDED = 4,
    DXCAST_UNKNOWN_NOT_REACHED = 5,
    DXCAST_UNKNOWN_NO_TIME = 6
};

/* The tables of dxcast_describe. Formula and symbol codes: ABI.md, "Codes". */
enum dxcast_table {
    DXCAST_TABLE_FORMULA = 0,
    DXCAST_TABLE_SYMBOL = 1,
    DXCAST_TABLE_NOTATION = 2,
    DXCAST_TABLE_METHOD = 3,
    DXCAST_TABLE_UNIT = 4,
    DXCAST_TABLE_KIND = 5,
    DXCAST_TABLE_QUALIFIER = 6,
    DXCAST_TABLE_STATUS = 7,
    DXCAST_TABLE_COMPARISON = 8,
    DXCAST_TABLE_CLAIM_KIND = 9,
    DXCAST_TABLE_VERDICT = 10,
    DXCAST_TABLE_TARGET_STATUS = 11,
    DXCAST_TABLE_UNKNOWN = 12,
    DXCAST_TABLE_ERROR = 13, /* by the code without its sign: 14 is OVERFLOW */
    DXCAST_TABLE_STALENESS = 14,
    DXCAST_TABLE_QUANTITY_RULE = 15,
    DXCAST_TABLE_CONVERSION = 16,
    DXCAST_TABLE_ASIDE = 17,
    DXCAST_TABLE_DERIVED = 18
};

/* ------------------------------------------------------------ flag bits */

/* dxcast_series.bounds, dxcast_summary.bounds */
#define DXCAST_HAS_MIN 1u
#define DXCAST_HAS_MAX 2u

/* dxcast_model.given: the settings given; the others are fitted or default. */
#define DXCAST_GIVEN_DEGREE (1u << 0)
#define DXCAST_GIVEN_CAP (1u << 1)
#define DXCAST_GIVEN_ALPHA (1u << 2)
#define DXCAST_GIVEN_BETA (1u << 3)
#define DXCAST_GIVEN_PHI (1u << 4)
#define DXCAST_GIVEN_INITIAL_LEVEL (1u << 5)
#define DXCAST_GIVEN_INITIAL_TREND (1u << 6)
#define DXCAST_GIVEN_STEP_DAYS (1u << 7)

/* dxcast_least_squares.known */
#define DXCAST_LS_HAS_RESIDUAL_SD 1u
#define DXCAST_LS_HAS_STANDARD_ERRORS 2u

/* dxcast_summary.known */
#define DXCAST_SUMMARY_HAS_RESIDUAL_SD 1u

/* dxcast_forecast_point.known */
#define DXCAST_FP_HAS_LO (1u << 0)
#define DXCAST_FP_HAS_HI (1u << 1)
#define DXCAST_FP_HAS_SE (1u << 2)
#define DXCAST_FP_HAS_DF (1u << 3)
#define DXCAST_FP_HAS_SCALE_LO (1u << 4)
#define DXCAST_FP_HAS_SCALE_HI (1u << 5)

/* dxcast_scenario.flags */
#define DXCAST_SCENARIO_GROWTH 1u
#define DXCAST_SCENARIO_SHOCK 2u
#define DXCAST_SCENARIO_TARGET 4u
#define DXCAST_SCENARIO_PER_MONTH 8u /* the growth rate is a month's (a year's without it) */

/* dxcast_evidence.given */
#define DXCAST_EVIDENCE_HAS_AFTER 1u
#define DXCAST_EVIDENCE_HAS_BEFORE 2u

/* dxcast_analysis.known */
#define DXCAST_A_HAS_REACH_DATE (1u << 0)
#define DXCAST_A_HAS_SE (1u << 1)
#define DXCAST_A_HAS_DF (1u << 2)
#define DXCAST_A_HAS_SCALE_LO (1u << 3)
#define DXCAST_A_HAS_SCALE_HI (1u << 4)
#define DXCAST_A_HAS_LOW (1u << 5)
#define DXCAST_A_HAS_HIGH (1u << 6)
#define DXCAST_A_HAS_ATTAINMENT (1u << 7)
#define DXCAST_A_HAS_REQUIRED_CAGR (1u << 8)
#define DXCAST_A_HAS_REQUIRED_DAILY (1u << 9)
#define DXCAST_A_HAS_REQUIRED_POINTS (1u << 10)
#define DXCAST_A_HAS_PROJECTED_CAGR (1u << 11)
#define DXCAST_A_HAS_PROJECTED_DAILY (1u << 12)
#define DXCAST_A_HAS_PROJECTED_POINTS (1u << 13)
#define DXCAST_A_HAS_RATIO (1u << 14)
#define DXCAST_A_HAS_PROBABILITY (1u << 15)
#define DXCAST_A_HAS_JUDGED_BY (1u << 16)

/* dxcast_analysis.facts */
#define DXCAST_FACT_UNREACHABLE (1u << 0)
#define DXCAST_FACT_AFTER_GIVEN (1u << 1)
#define DXCAST_FACT_AFTER_MEETS (1u << 2)
#define DXCAST_FACT_BEFORE_GIVEN (1u << 3)
#define DXCAST_FACT_BEFORE_MEETS (1u << 4)
#define DXCAST_FACT_PROJECTION_MEETS (1u << 5)

/* dxcast_implausible.known */
#define DXCAST_IMPLAUSIBLE_HAS_PER_YEAR 1u
#define DXCAST_IMPLAUSIBLE_HAS_FASTEST 2u

/* dxcast_found.known */
#define DXCAST_FOUND_HAS_PERIOD 1u
#define DXCAST_FOUND_HAS_DENOMINATOR 2u
#define DXCAST_FOUND_HAS_CUE 4u

/* dxcast_choice.known */
#define DXCAST_CHOICE_HAS_MAPE 1u
#define DXCAST_CHOICE_HAS_RUNNER_UP 2u

/* dxcast_figure.form and .ends */
#define DXCAST_FIGURE_NONE 0u
#define DXCAST_FIGURE_STATED 1u
#define DXCAST_FIGURE_BETWEEN 2u
#define DXCAST_FIGURE_HAS_LOW 1u
#define DXCAST_FIGURE_HAS_HIGH 2u

/* dxcast_check.known: which interval ends are finite */
#define DXCAST_CHECK_HAS_STATED_LO 1u
#define DXCAST_CHECK_HAS_STATED_HI 2u
#define DXCAST_CHECK_HAS_RECOMPUTED_LO 4u
#define DXCAST_CHECK_HAS_RECOMPUTED_HI 8u

/* ------------------------------------------------------------ records */

/* Series (input, 40 bytes). */
typedef struct dxcast_series {
    dxcast_addr days;   /* int32_t[len], day numbers, increasing */
    dxcast_addr values; /* double[len], finite, inside the bounds */
    uint32_t len;       /* at most DXCAST_MAX_SERIES */
    uint32_t kind;      /* enum dxcast_kind */
    uint32_t unit;      /* enum dxcast_unit */
    uint32_t bounds;    /* DXCAST_HAS_MIN | DXCAST_HAS_MAX */
    double min;
    double max;
} dxcast_series;

/* Model (input; written by dxcast_choose and dxcast_fitted_summary, 72 bytes):
 * the core's ModelSpec. A setting whose bit is clear is fitted (or takes the
 * method's default), and its value is ignored. */
typedef struct dxcast_model {
    uint32_t method; /* enum dxcast_method */
    uint32_t given;  /* DXCAST_GIVEN_* */
    double degree;   /* polynomial: a whole number from 1 to 10 (default 2) */
    double cap;      /* logistic, gompertz */
    double alpha;    /* holt, damped_holt: with beta */
    double beta;
    double phi;           /* damped_holt: in (0, 1] */
    double initial_level; /* holt, damped_holt: with initial_trend */
    double initial_trend;
    double step_days; /* holt, damped_holt: above 0 (default: the median gap) */
} dxcast_model;

/* One term of an explanation (16 bytes). */
typedef struct dxcast_term {
    uint32_t symbol; /* symbol code */
    uint32_t unit;   /* enum dxcast_unit, or DXCAST_NONE */
    double value;    /* when bit k of terms_known is set */
} dxcast_term;

/* Explanation (output, 288 bytes). */
typedef struct dxcast_explanation {
    uint32_t formula;     /* formula code */
    uint32_t count;       /* terms, at most DXCAST_MAX_TERMS */
    uint32_t has_result;  /* 0/1 */
    uint32_t terms_known; /* bit k: term k's value is known */
    uint32_t unknown;     /* enum dxcast_unknown, or DXCAST_NONE */
    uint32_t reserved;
    double result;
    dxcast_term terms[DXCAST_MAX_TERMS];
} dxcast_explanation;

/* LeastSquares (output, 224 bytes). */
typedef struct dxcast_least_squares {
    uint32_t rows;
    uint32_t params;
    uint32_t df;
    uint32_t intercept; /* 0/1 */
    uint32_t known;     /* DXCAST_LS_HAS_* */
    uint32_t reserved;
    double rss;
    double residual_sd;
    double r_squared;
    double coefficients[DXCAST_MAX_PARAMS];    /* 0 past the last */
    double standard_errors[DXCAST_MAX_PARAMS]; /* 0 past the last */
} dxcast_least_squares;

/* Summary of a fitted model (output, 448 bytes). */
typedef struct dxcast_summary {
    uint32_t method; /* enum dxcast_method */
    uint32_t params; /* taken from the data */
    uint32_t points;
    uint32_t df;    /* 0 for an exact fit */
    uint32_t known; /* DXCAST_SUMMARY_HAS_RESIDUAL_SD */
    dxcast_day first_date;
    dxcast_day last_date;
    uint32_t kind;   /* the subject: enum dxcast_kind */
    uint32_t unit;   /* enum dxcast_unit */
    uint32_t bounds; /* DXCAST_HAS_MIN | DXCAST_HAS_MAX */
    double sse;
    double residual_sd;
    double first_value;
    double last_value;
    double min;
    double max;
    dxcast_model model; /* the settings as given */
    dxcast_explanation explanation;
} dxcast_summary;

/* ForecastPoint (output, 80 bytes). */
typedef struct dxcast_forecast_point {
    dxcast_day date;
    uint32_t scale; /* enum dxcast_scale */
    uint32_t known; /* DXCAST_FP_HAS_* */
    uint32_t reserved;
    double point; /* within the bounds */
    double lo;
    double hi;
    double location; /* on the scale */
    double se;
    double df;
    double scale_lo;
    double scale_hi;
} dxcast_forecast_point;

/* Target (input, 16 bytes). */
typedef struct dxcast_target {
    double value;
    dxcast_day deadline;
    uint32_t comparison; /* enum dxcast_comparison */
} dxcast_target;

/* Evidence: figures that decide a target without the projection, in the
 * target's terms (input in dxcast_settings; output of dxcast_quantity_evidence,
 * 32 bytes). */
typedef struct dxcast_evidence {
    uint32_t given;        /* DXCAST_EVIDENCE_HAS_* */
    dxcast_day after_date; /* the first figure on or after the deadline */
    double after_value;
    dxcast_day before_date; /* the last figure on or before the deadline */
    uint32_t reserved;
    double before_value;
} dxcast_evidence;

/* Settings of an analysis (input, 48 bytes). */
typedef struct dxcast_settings {
    dxcast_day today;
    uint32_t reserved;
    double level; /* in (0, 1), such as 0.95 */
    dxcast_evidence evidence;
} dxcast_settings;

/* Scenario (input, 48 bytes). */
typedef struct dxcast_scenario {
    uint32_t flags; /* DXCAST_SCENARIO_* */
    dxcast_day growth_from;
    double growth_rate; /* a year (a month with DXCAST_SCENARIO_PER_MONTH): percent of the level, points for percentages */
    dxcast_day shock_at;
    uint32_t reserved;
    double shock_size; /* percent of the level, points for percentages */
    dxcast_target target;
} dxcast_scenario;

/* Analysis (output, 288 bytes). */
typedef struct dxcast_analysis {
    uint32_t status; /* enum dxcast_target_status */
    uint32_t target_comparison;
    dxcast_day target_deadline;
    dxcast_day evaluation_date;
    dxcast_day latest_date;
    int32_t days;
    dxcast_day reach_date;
    uint32_t known; /* DXCAST_A_HAS_* */
    uint32_t scale; /* enum dxcast_scale */
    uint32_t deadline_passed;
    double target_value;
    double evaluation_value;
    double evaluation_factor;
    double threshold;
    double latest_point_value;
    double latest;
    double years;
    double location;
    double se;
    double df;
    double scale_lo;
    double scale_hi;
    double projected;
    double low;
    double high;
    double level;
    double attainment;
    double gap;
    double required_cagr;
    double required_daily;
    double required_points;
    double projected_cagr;
    double projected_daily;
    double projected_points;
    double ratio;
    double probability;
    uint32_t outlook;   /* enum dxcast_target_status: the projection's own verdict */
    uint32_t staleness; /* enum dxcast_staleness, or DXCAST_NONE */
    dxcast_day judged_by_date;
    uint32_t facts; /* DXCAST_FACT_* */
    double judged_by_value; /* the figure that decided, DXCAST_A_HAS_JUDGED_BY */
    uint32_t facts_df;      /* degrees of freedom of the fit */
    int32_t facts_horizon_days; /* from the latest figure to the deadline */
    int32_t facts_span_days;    /* from the first figure to the latest */
    uint32_t reserved;
} dxcast_analysis;

/* A ranked method of a choice (88 bytes). */
typedef struct dxcast_ranked {
    dxcast_model model;
    double score;       /* one-step MAPE, percent */
    uint32_t has_score; /* 0/1 */
    uint32_t reserved;
} dxcast_ranked;

/* Choice (output, 856 bytes). */
typedef struct dxcast_choice {
    uint32_t count;     /* ranked methods, at most DXCAST_MAX_RANKED */
    uint32_t criterion; /* enum dxcast_criterion */
    uint32_t reason;    /* enum dxcast_reason */
    uint32_t n;         /* held-out points, or points */
    uint32_t rule;      /* enum dxcast_rule, or DXCAST_NONE */
    uint32_t known;     /* DXCAST_CHOICE_HAS_* */
    double mape;
    double runner_up;
    dxcast_ranked ranked[DXCAST_MAX_RANKED];
    dxcast_explanation explanation;
} dxcast_choice;

/* Figure of a claim (input, 40 bytes). */
typedef struct dxcast_figure {
    uint32_t form;       /* DXCAST_FIGURE_NONE, _STATED, _BETWEEN */
    uint32_t qualifier;  /* stated: enum dxcast_qualifier */
    uint32_t has_period; /* 0/1 */
    dxcast_day period_start;
    dxcast_day period_end;
    uint32_t ends; /* between: DXCAST_FIGURE_HAS_LOW | _HAS_HIGH; else 0 */
    double a;      /* stated: the value; between: the low end */
    double b;      /* stated: the precision; between: the high end */
} dxcast_figure;

/* Claim (input, 344 bytes). */
typedef struct dxcast_claim {
    uint32_t kind;       /* enum dxcast_claim_kind */
    uint32_t inputs_len; /* at most DXCAST_MAX_INPUTS */
    uint32_t has_period; /* 0/1 */
    dxcast_day period_start;
    dxcast_day period_end;
    uint32_t reserved;
    dxcast_figure stated;
    dxcast_figure inputs[DXCAST_MAX_INPUTS];
} dxcast_claim;

/* Check of a claim (output, 352 bytes). */
typedef struct dxcast_check {
    uint32_t verdict;      /* enum dxcast_verdict */
    uint32_t reason;       /* enum dxcast_unchecked */
    uint32_t reason_index; /* the input, or DXCAST_NONE */
    uint32_t has_stated;
    uint32_t has_recomputed;
    uint32_t known; /* DXCAST_CHECK_HAS_* */
    double stated_lo;
    double stated_hi;
    double recomputed_lo;
    double recomputed_hi;
    dxcast_explanation explanation;
    uint32_t at_stated; /* enum dxcast_verdict at the stated values, or DXCAST_NONE */
    uint32_t reserved;
} dxcast_check;

/* Period (input and output, 16 bytes). */
typedef struct dxcast_period {
    dxcast_day start;
    dxcast_day end;  /* included */
    uint32_t kind;   /* enum dxcast_period_kind */
    uint32_t days;   /* output; ignored on input */
} dxcast_period;

/* Flow between two readings of a running total (output, 48 bytes). */
typedef struct dxcast_flow {
    dxcast_day start;
    dxcast_day end;
    uint32_t days;
    uint32_t reserved;
    double from;
    double to;
    double value;
    double per_day;
} dxcast_flow;

/* Observation (input, 40 bytes). */
typedef struct dxcast_observation {
    uint32_t status;    /* enum dxcast_status */
    uint32_t qualifier; /* enum dxcast_qualifier */
    dxcast_period period;
    double value;
    double precision;
} dxcast_observation;

/* Evaluation of a target on a basis (output, 24 bytes). */
typedef struct dxcast_target_evaluation {
    dxcast_day date;
    uint32_t reserved;
    double value;
    double factor;
} dxcast_target_evaluation;

/* A number read from Vietnamese text (output, 24 bytes). */
typedef struct dxcast_stated {
    double value;
    double precision;
    uint32_t percent; /* 0/1 */
    uint32_t reserved;
} dxcast_stated;

/* One figure of a quantity, with its measure (input, 56 bytes). */
typedef struct dxcast_measured {
    uint32_t kind;       /* enum dxcast_kind: the figure's measure */
    uint32_t definition; /* a number for each distinct definition */
    uint32_t has_since;  /* 0/1 */
    dxcast_day since;    /* a running total's launch date */
    dxcast_observation observation;
} dxcast_measured;

/* One figure of a quantity on its basis (output, 80 bytes). */
typedef struct dxcast_quantity_point {
    dxcast_day date;
    uint32_t reserved;
    double value;         /* a daily rate, or a level */
    dxcast_period window; /* the days it describes */
    uint32_t measure;     /* enum dxcast_kind */
    uint32_t conversion;  /* enum dxcast_conversion */
    uint32_t status;      /* enum dxcast_status */
    uint32_t source;      /* its figure's index */
    uint32_t earlier;     /* a difference's earlier reading, or DXCAST_NONE */
    uint32_t aside;       /* enum dxcast_aside, or DXCAST_NONE when kept */
    double low;           /* the basis values its figure(s) admit */
    double high;
    uint32_t definition;
    uint32_t reserved2;
} dxcast_quantity_point;

/* Two points that admit no common value (output, 8 bytes). */
typedef struct dxcast_conflict {
    uint32_t a; /* indexes into the points written */
    uint32_t b;
} dxcast_conflict;

/* What dxcast_measure_quantity wrote (output, 16 bytes). */
typedef struct dxcast_measures {
    uint32_t basis; /* enum dxcast_basis */
    uint32_t points;
    uint32_t conflicts;
    uint32_t definition; /* of the points kept */
} dxcast_measures;

/* An implausible growth override (output, 32 bytes). */
typedef struct dxcast_implausible {
    uint32_t known; /* DXCAST_IMPLAUSIBLE_HAS_* */
    uint32_t reserved;
    double per_year; /* the rate as a year's */
    double fastest;  /* the fastest yearly growth of the series */
    double limit;
} dxcast_implausible;

/* A figure found in report text (output, 96 bytes). Offsets in bytes. */
typedef struct dxcast_found {
    double value;
    double precision;
    uint32_t unit;      /* enum dxcast_unit */
    uint32_t qualifier; /* enum dxcast_qualifier */
    uint32_t start;     /* the figure: text[start, end) */
    uint32_t end;
    uint32_t sentence_start;
    uint32_t sentence_end;
    uint32_t known;   /* DXCAST_FOUND_HAS_* */
    uint32_t derived; /* enum dxcast_derived, or DXCAST_NONE */
    dxcast_period period;
    double denominator; /* of a fraction "61/63" */
    uint32_t cue_start; /* where the text states the period */
    uint32_t cue_end;
    uint32_t compared_start; /* what a derived figure is compared with, or DXCAST_NONE */
    uint32_t compared_end;
    uint32_t decrease; /* 0/1 */
    uint32_t reserved;
} dxcast_found;

/* The layout is the ABI's: no padding, fixed sizes. */
#if defined(__cplusplus) && __cplusplus >= 201103L
#define DXCAST_ASSERT(c, m) static_assert(c, m)
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define DXCAST_ASSERT(c, m) _Static_assert(c, m)
#endif
#ifdef DXCAST_ASSERT
DXCAST_ASSERT(sizeof(dxcast_series) == 40, "dxcast_series");
DXCAST_ASSERT(sizeof(dxcast_model) == 72, "dxcast_model");
DXCAST_ASSERT(sizeof(dxcast_term) == 16, "dxcast_term");
DXCAST_ASSERT(sizeof(dxcast_explanation) == 288, "dxcast_explanation");
DXCAST_ASSERT(sizeof(dxcast_least_squares) == 224, "dxcast_least_squares");
DXCAST_ASSERT(sizeof(dxcast_summary) == 448, "dxcast_summary");
DXCAST_ASSERT(sizeof(dxcast_forecast_point) == 80, "dxcast_forecast_point");
DXCAST_ASSERT(sizeof(dxcast_target) == 16, "dxcast_target");
DXCAST_ASSERT(sizeof(dxcast_evidence) == 32, "dxcast_evidence");
DXCAST_ASSERT(sizeof(dxcast_settings) == 48, "dxcast_settings");
DXCAST_ASSERT(sizeof(dxcast_scenario) == 48, "dxcast_scenario");
DXCAST_ASSERT(sizeof(dxcast_analysis) == 288, "dxcast_analysis");
DXCAST_ASSERT(sizeof(dxcast_ranked) == 88, "dxcast_ranked");
DXCAST_ASSERT(sizeof(dxcast_choice) == 856, "dxcast_choice");
DXCAST_ASSERT(sizeof(dxcast_figure) == 40, "dxcast_figure");
DXCAST_ASSERT(sizeof(dxcast_claim) == 344, "dxcast_claim");
DXCAST_ASSERT(sizeof(dxcast_check) == 352, "dxcast_check");
DXCAST_ASSERT(sizeof(dxcast_period) == 16, "dxcast_period");
DXCAST_ASSERT(sizeof(dxcast_flow) == 48, "dxcast_flow");
DXCAST_ASSERT(sizeof(dxcast_observation) == 40, "dxcast_observation");
DXCAST_ASSERT(sizeof(dxcast_target_evaluation) == 24, "dxcast_target_evaluation");
DXCAST_ASSERT(sizeof(dxcast_stated) == 24, "dxcast_stated");
DXCAST_ASSERT(sizeof(dxcast_measured) == 56, "dxcast_measured");
DXCAST_ASSERT(sizeof(dxcast_quantity_point) == 80, "dxcast_quantity_point");
DXCAST_ASSERT(sizeof(dxcast_conflict) == 8, "dxcast_conflict");
DXCAST_ASSERT(sizeof(dxcast_measures) == 16, "dxcast_measures");
DXCAST_ASSERT(sizeof(dxcast_implausible) == 32, "dxcast_implausible");
DXCAST_ASSERT(sizeof(dxcast_found) == 96, "dxcast_found");
DXCAST_ASSERT(offsetof(dxcast_summary, model) == 88, "dxcast_summary.model");
DXCAST_ASSERT(offsetof(dxcast_summary, explanation) == 160, "dxcast_summary.explanation");
DXCAST_ASSERT(offsetof(dxcast_choice, explanation) == 568, "dxcast_choice.explanation");
DXCAST_ASSERT(offsetof(dxcast_check, explanation) == 56, "dxcast_check.explanation");
DXCAST_ASSERT(offsetof(dxcast_analysis, probability) == 240, "dxcast_analysis.probability");
DXCAST_ASSERT(offsetof(dxcast_analysis, judged_by_value) == 264, "dxcast_analysis.judged_by_value");
DXCAST_ASSERT(offsetof(dxcast_check, at_stated) == 344, "dxcast_check.at_stated");
DXCAST_ASSERT(offsetof(dxcast_settings, evidence) == 16, "dxcast_settings.evidence");
#endif

/* ------------------------------------------------------------ functions
 *
 * The module's exports, once each: X(return type, name, (parameters),
 * (arguments)). In WebAssembly terms every uint32_t and int32_t is an i32
 * and every double an f64. DXCAST_EXPORTS(X) lets a host generate its
 * bindings (a wasmtime_func_call wrapper per export, say) from this list;
 * the prototypes below are generated from it too.
 */
#define DXCAST_EXPORTS(X)                                                                      \
    X(uint32_t, dxcast_abi_version, (void), ())                                                \
    X(uint32_t, dxcast_buffer_ptr, (void), ())                                                 \
    X(uint32_t, dxcast_buffer_len, (void), ())                                                 \
    X(uint32_t, dxcast_heap_base, (void), ())                                                  \
    X(int32_t, dxcast_last_error, (dxcast_addr buf, uint32_t cap), (buf, cap))                 \
    X(int32_t, dxcast_last_error_code, (void), ())                                             \
    X(int32_t, dxcast_last_error_field, (dxcast_addr buf, uint32_t cap), (buf, cap))           \
    X(int32_t, dxcast_last_error_index, (void), ())                                            \
    X(int32_t, dxcast_describe, (uint32_t table, uint32_t code, dxcast_addr buf, uint32_t cap), \
      (table, code, buf, cap))                                                                 \
    X(int32_t, dxcast_date_from_ymd, (int32_t year, uint32_t month, uint32_t day, dxcast_addr out), \
      (year, month, day, out))                                                                 \
    X(int32_t, dxcast_date_parse, (dxcast_addr text, uint32_t len, dxcast_addr out), (text, len, out)) \
    X(int32_t, dxcast_date_parse_dmy, (dxcast_addr text, uint32_t len, dxcast_addr out),       \
      (text, len, out))                                                                        \
    X(int32_t, dxcast_date_format, (dxcast_day day, dxcast_addr buf, uint32_t cap), (day, buf, cap)) \
    X(int32_t, dxcast_period_parse, (dxcast_addr text, uint32_t len, dxcast_addr out),         \
      (text, len, out))                                                                        \
    X(int32_t, dxcast_parse_vi, (dxcast_addr text, uint32_t len, dxcast_addr out), (text, len, out)) \
    X(int32_t, dxcast_lstsq,                                                                   \
      (dxcast_addr x, uint32_t rows, uint32_t cols, dxcast_addr y, uint32_t intercept, dxcast_addr out), \
      (x, rows, cols, y, intercept, out))                                                      \
    X(int32_t, dxcast_fit, (dxcast_addr model, dxcast_addr series), (model, series))           \
    X(int32_t, dxcast_fitted_free, (dxcast_fitted fitted), (fitted))                           \
    X(int32_t, dxcast_fitted_live, (void), ())                                                 \
    X(int32_t, dxcast_fitted_summary, (dxcast_fitted fitted, dxcast_addr out), (fitted, out))  \
    X(int32_t, dxcast_fitted_values,                                                           \
      (dxcast_fitted fitted, dxcast_addr series, dxcast_addr out, uint32_t cap),               \
      (fitted, series, out, cap))                                                              \
    X(int32_t, dxcast_forecast,                                                                \
      (dxcast_fitted fitted, dxcast_addr scenario, dxcast_addr dates, uint32_t n, double level, \
       dxcast_addr out),                                                                       \
      (fitted, scenario, dates, n, level, out))                                                \
    X(int32_t, dxcast_horizon,                                                                 \
      (dxcast_day start, uint32_t step_kind, uint32_t step, uint32_t n, dxcast_addr out),      \
      (start, step_kind, step, n, out))                                                        \
    X(int32_t, dxcast_analyse,                                                                 \
      (dxcast_fitted fitted, dxcast_addr scenario, dxcast_addr target, dxcast_addr settings,   \
       dxcast_addr out, dxcast_addr explanations),                                             \
      (fitted, scenario, target, settings, out, explanations))                                 \
    X(int32_t, dxcast_choose, (dxcast_addr series, dxcast_addr out), (series, out))            \
    X(int32_t, dxcast_claim_check, (dxcast_addr claim, dxcast_addr out), (claim, out))         \
    X(int32_t, dxcast_run_rate, (double year_to_date, dxcast_day as_of, dxcast_addr out),      \
      (year_to_date, as_of, out))                                                              \
    X(int32_t, dxcast_extrapolate,                                                             \
      (double total, dxcast_day elapsed_start, dxcast_day elapsed_end, dxcast_day whole_start, \
       dxcast_day whole_end, dxcast_addr out),                                                 \
      (total, elapsed_start, elapsed_end, whole_start, whole_end, out))                        \
    X(int32_t, dxcast_daily_average, (double total, dxcast_day start, dxcast_day end, dxcast_addr out), \
      (total, start, end, out))                                                                \
    X(int32_t, dxcast_period_total, (double average, dxcast_day start, dxcast_day end, dxcast_addr out), \
      (average, start, end, out))                                                              \
    X(int32_t, dxcast_flow_between,                                                            \
      (dxcast_day d1, double v1, dxcast_day d2, double v2, dxcast_addr out), (d1, v1, d2, v2, out)) \
    X(int32_t, dxcast_flows,                                                                   \
      (dxcast_addr days, dxcast_addr values, uint32_t n, dxcast_addr out, uint32_t cap),       \
      (days, values, n, out, cap))                                                             \
    X(int32_t, dxcast_share_change, (double before, double after, dxcast_addr out), (before, after, out)) \
    X(int32_t, dxcast_readings_of_change, (double after, double change, dxcast_addr out),      \
      (after, change, out))                                                                    \
    X(int32_t, dxcast_change, (uint32_t kind, double before, double after, dxcast_addr out),   \
      (kind, before, after, out))                                                              \
    X(int32_t, dxcast_change_between,                                                          \
      (uint32_t kind, uint32_t rule, dxcast_addr earlier, double before, dxcast_addr later,    \
       double after, dxcast_addr out),                                                         \
      (kind, rule, earlier, before, later, after, out))                                        \
    X(int32_t, dxcast_cagr, (dxcast_day d1, double v1, dxcast_day d2, double v2, dxcast_addr out), \
      (d1, v1, d2, v2, out))                                                                   \
    X(int32_t, dxcast_points_from_observations,                                                \
      (uint32_t kind, dxcast_addr observations, uint32_t n, dxcast_addr out_days,              \
       dxcast_addr out_values, uint32_t cap),                                                  \
      (kind, observations, n, out_days, out_values, cap))                                      \
    X(int32_t, dxcast_evaluation,                                                              \
      (uint32_t kind, double value, dxcast_day deadline, uint32_t comparison, dxcast_addr out), \
      (kind, value, deadline, comparison, out))                                                \
    X(int32_t, dxcast_measure_quantity,                                                        \
      (dxcast_addr figures, uint32_t n, uint32_t rule, dxcast_addr points, uint32_t points_cap, \
       dxcast_addr conflicts, uint32_t conflicts_cap, dxcast_addr out),                        \
      (figures, n, rule, points, points_cap, conflicts, conflicts_cap, out))                   \
    X(int32_t, dxcast_quantity_evidence,                                                       \
      (dxcast_addr figures, uint32_t n, uint32_t rule, dxcast_addr target, dxcast_addr out),   \
      (figures, n, rule, target, out))                                                         \
    X(int32_t, dxcast_implausible_growth,                                                      \
      (dxcast_addr series, dxcast_day from, double rate, uint32_t per, dxcast_addr out),       \
      (series, from, rate, per, out))                                                          \
    X(int32_t, dxcast_extract_figures,                                                         \
      (dxcast_addr text, uint32_t len, uint32_t has_as_of, dxcast_day as_of, dxcast_addr out,  \
       uint32_t cap),                                                                          \
      (text, len, has_as_of, as_of, out, cap))

#define DXCAST_DECLARE(ret, name, params, args) ret name params;
DXCAST_EXPORTS(DXCAST_DECLARE)
#undef DXCAST_DECLARE

#ifdef __cplusplus
}
#endif

#endif /* DXCAST_H */
