// The package's boundary: a catalogue of bad inputs, each of which must
// throw an `Error`, `TypeError` or `RangeError` with the kind and the field
// (and index) stated here, or return a result whose numbers are all finite.
// No case may trap the wasm instance (a `WebAssembly.RuntimeError`), and
// after every case the instance answers a fixed set of calls exactly as it
// did before the first.

import { test } from "node:test";
import assert from "node:assert/strict";
import { assertFiniteDeep, dx } from "./common.mjs";

const three = { dates: ["2022-01-01", "2023-01-01", "2024-01-01"], values: [1, 2, 4] };
const six = {
  dates: ["2022-01-01", "2022-04-01", "2022-07-01", "2022-10-01", "2023-01-01", "2023-04-01"],
  values: [10, 12, 15, 17, 20, 23],
};
const line = new dx.Model({ method: "linear" }).fit(three);
const holt = new dx.Model({ method: "holt", alpha: 0.5, beta: 0.3 }).fit(six);
const doubling = new dx.Model({ method: "logLinear" }).fit({
  dates: ["2020-12-31", "2021-12-31", "2022-12-31", "2023-12-31"],
  values: [1e6, 2e6, 4e6, 8e6],
});
const target = { value: 10, deadline: "2026-12-31", comparison: "atLeast" };
const today = { today: "2024-06-01" };
const lsX = [1, 0, 1, 1, 1, 2];
const lsY = [1, 3, 4];

/** Calls whose answers must not change: the instance stays whole. */
const fixed = () =>
  JSON.stringify([
    dx.parseVi("58.397.139"),
    dx.runRate(806e6, "2022-12-08").value,
    line.forecast(["2025-01-01", "2026-01-01"]),
    holt.analyse(target, today).projected,
    new dx.Model({ method: "dampedHolt", alpha: 0.5, beta: 0.1 }).spec,
    dx.leastSquares(lsX, 2, lsY, true).coefficients,
  ]);
const baseline = fixed();

const { Error: E } = globalThis;
const T = TypeError;
const R = RangeError;
const spec = (extra) => () => new dx.Model({ method: "holt", ...extra });
const fitSeries = (series, method = "linear") => () => new dx.Model({ method }).fit(series);
const claim = (inputs, extra = {}) => () => dx.checkClaim({ kind: "sum", inputs, ...extra });
const obs = (o) => ({ value: 1, period: "2022", status: "observed", ...o });
const flow = (f) => ({ kind: "flow", value: 1, period: "2022", ...f });
// NDXP transactions in 2022: a year-to-date total, a daily average over the
// same days, and a month's total (r001, r000).
const ndxp = [
  { kind: "flow", value: 58_397_139, period: "2022-09" },
  { kind: "yearToDate", value: 806e6, period: "2022-01-01/2022-12-08", qualifier: "about", precision: 1e6 },
  { kind: "dailyAverage", value: 2.1e6, period: "2022-01-01/2022-12-08", qualifier: "about", precision: 1e5 },
];

// [what, call, expected]: expected is [class, kind, field, index?] for an
// error, or "finite" for a result.
const cases = [
  // Text parameters given something else.
  ["parseVi(5)", () => dx.parseVi(5), [T, "INVALID_TYPE", "text"]],
  ["parseVi(null)", () => dx.parseVi(null), [T, "INVALID_TYPE", "text"]],
  ["parseVi()", () => dx.parseVi(), [T, "INVALID_TYPE", "text"]],
  ["parseVi({})", () => dx.parseVi({}), [T, "INVALID_TYPE", "text"]],
  ["parseVi(['1'])", () => dx.parseVi(["1"]), [T, "INVALID_TYPE", "text"]],
  ["parseVi(Symbol())", () => dx.parseVi(Symbol("x")), [T, "INVALID_TYPE", "text"]],
  ["parseVi(10n)", () => dx.parseVi(10n), [T, "INVALID_TYPE", "text"]],
  ["parseVi(text over the limit)", () => dx.parseVi("1".repeat(100_000)), [R, "CAPACITY", "text"]],
  ["parseVi('khoảng')", () => dx.parseVi("khoảng"), [E, "PARSE", "text"]],
  ["dailyAverage(10, 2022)", () => dx.dailyAverage(10, 2022), [T, "INVALID_TYPE", "period"]],
  ["parsePeriod(2022)", () => dx.parsePeriod(2022), [T, "INVALID_TYPE", "text"]],
  ["parsePeriod('2022-Q5')", () => dx.parsePeriod("2022-Q5"), [E, "INVALID_ARGUMENT", "text"]],
  ["parseDate(20221208)", () => dx.parseDate(20221208), [T, "INVALID_TYPE", "text"]],
  ["parseDate('31/2/2023')", () => dx.parseDate("31/2/2023"), [E, "INVALID_DATE", "text"]],
  ["formatCompact(5, 5, 'vi')", () => dx.formatCompact(5, 5, "vi"), [T, "INVALID_TYPE", "unit"]],
  ["formatCompact(5, 'count', 5)", () => dx.formatCompact(5, "count", 5), [T, "INVALID_TYPE", "locale"]],
  ["formatCompact(5, 'furlong', 'vi')", () => dx.formatCompact(5, "furlong", "vi"), [T, "INVALID_CODE", "unit"]],
  ["formatGrouped(1, 0, null)", () => dx.formatGrouped(1, 0, null), [T, "INVALID_TYPE", "locale"]],
  ["formatGrouped(1, 0, 'fr')", () => dx.formatGrouped(1, 0, "fr"), [T, "INVALID_CODE", "locale"]],
  ["runRate(806e6, 20221208)", () => dx.runRate(806e6, 20221208), [T, "INVALID_TYPE", "asOf"]],
  ["runRate(806e6, '2022-12-32')", () => dx.runRate(806e6, "2022-12-32"), [E, "INVALID_DATE", "asOf"]],
  ["extrapolate(1, 2023, '2023-Q1')", () => dx.extrapolate(1, 2023, "2023-Q1"), [T, "INVALID_TYPE", "elapsed"]],
  ["extrapolate(1, '2023-Q1', null)", () => dx.extrapolate(1, "2023-Q1", null), [T, "INVALID_TYPE", "whole"]],
  ["periodTotal(1, {})", () => dx.periodTotal(1, {}), [T, "INVALID_TYPE", "period"]],
  ["change(1, 2, 3)", () => dx.change(1, 2, 3), [T, "INVALID_TYPE", "kind"]],
  ["change('sideways', 2, 3)", () => dx.change("sideways", 2, 3), [T, "INVALID_CODE", "kind"]],
  ["changeBetween(kind, 5, …)", () => dx.changeBetween("relative", 5, "2022", 1, "2023", 2), [T, "INVALID_TYPE", "rule"]],
  ["changeBetween(…, earlier 2022, …)", () => dx.changeBetween("relative", "yearOnYear", 2022, 1, "2023", 2), [T, "INVALID_TYPE", "earlier"]],
  ["pointsFromObservations(5, [])", () => dx.pointsFromObservations(5, []), [T, "INVALID_TYPE", "kind"]],
  ["evaluation(5, target)", () => dx.evaluation(5, target), [T, "INVALID_TYPE", "kind"]],

  // Number parameters given something else, or numbers out of reach.
  ["runRate('806', date)", () => dx.runRate("806", "2022-12-08"), [T, "INVALID_TYPE", "yearToDate"]],
  ["runRate(null, date)", () => dx.runRate(null, "2022-12-08"), [T, "INVALID_TYPE", "yearToDate"]],
  ["runRate(NaN, date)", () => dx.runRate(NaN, "2022-12-08"), [E, "NOT_FINITE", "yearToDate"]],
  ["runRate(1e308, date)", () => dx.runRate(1e308, "2022-12-08"), [E, "OVERFLOW", "yearToDate"]],
  ["periodTotal(1e308, '2022')", () => dx.periodTotal(1e308, "2022"), [E, "OVERFLOW", "average"]],
  ["dailyAverage('10', '2022-09')", () => dx.dailyAverage("10", "2022-09"), [T, "INVALID_TYPE", "total"]],
  ["dailyAverage(Infinity, '2022-09')", () => dx.dailyAverage(Infinity, "2022-09"), [E, "NOT_FINITE", "total"]],
  ["periodTotal(undefined, '2022')", () => dx.periodTotal(undefined, "2022"), [T, "INVALID_TYPE", "average"]],
  ["shareChange('50', 52)", () => dx.shareChange("50", 52), [T, "INVALID_TYPE", "before"]],
  ["shareChange(0, 10)", () => dx.shareChange(0, 10), "finite"],
  ["readingsOfChange(77, {})", () => dx.readingsOfChange(77, {}), [T, "INVALID_TYPE", "change"]],
  ["change('relative', 1n, 2)", () => dx.change("relative", 1n, 2), [T, "INVALID_TYPE", "before"]],
  ["change('relative', 0, 2)", () => dx.change("relative", 0, 2), [E, "NON_POSITIVE", "before"]],
  ["formatGrouped('1', 0, 'vi')", () => dx.formatGrouped("1", 0, "vi"), [T, "INVALID_TYPE", "value"]],
  ["formatGrouped(1, -1, 'vi')", () => dx.formatGrouped(1, -1, "vi"), [R, "INVALID_ARGUMENT", "decimals"]],
  ["formatGrouped(1, 1.5, 'vi')", () => dx.formatGrouped(1, 1.5, "vi"), [R, "INVALID_ARGUMENT", "decimals"]],
  ["formatGrouped(1, 10, 'vi')", () => dx.formatGrouped(1, 10, "vi"), [R, "INVALID_ARGUMENT", "decimals"]],
  ["formatGrouped(NaN, 0, 'vi')", () => dx.formatGrouped(NaN, 0, "vi"), "finite"],
  ["formatCompact(null, 'count', 'vi')", () => dx.formatCompact(null, "count", "vi"), [T, "INVALID_TYPE", "value"]],

  // Arrays.
  ["leastSquares('x', …)", () => dx.leastSquares("x", 2, lsY, true), [T, "INVALID_TYPE", "x"]],
  ["leastSquares(x with null, …)", () => dx.leastSquares([1, null, 1, 1, 1, 2], 2, lsY, true), [T, "INVALID_TYPE", "x", 1]],
  ["leastSquares(x with NaN, …)", () => dx.leastSquares([1, 0, 1, NaN, 1, 2], 2, lsY, true), [E, "NOT_FINITE", "x", 1]],
  ["leastSquares(…, cols 2.5, …)", () => dx.leastSquares(lsX, 2.5, lsY, true), [R, "INVALID_ARGUMENT", "cols"]],
  ["leastSquares(…, cols '2', …)", () => dx.leastSquares(lsX, "2", lsY, true), [T, "INVALID_TYPE", "cols"]],
  ["leastSquares(…, cols 12, …)", () => dx.leastSquares(lsX, 12, lsY, true), [E, "INVALID_ARGUMENT", "cols"]],
  ["leastSquares(…, intercept 'yes')", () => dx.leastSquares(lsX, 2, lsY, "yes"), [T, "INVALID_TYPE", "intercept"]],
  ["leastSquares(…, y with holes)", () => dx.leastSquares(lsX, 2, new Array(10_000), true), [T, "INVALID_TYPE", "y", 0]],
  ["leastSquares([1,2], 3, [1], true)", () => dx.leastSquares([1, 2], 3, [1], true), [E, "INVALID_ARGUMENT", "x"]],
  ["flows('2022', [1])", () => dx.flows("2022", [1]), [T, "INVALID_TYPE", "dates"]],
  ["flows([date], '1')", () => dx.flows(["2022-01-01"], "1"), [T, "INVALID_TYPE", "values"]],
  ["flows(2 dates, 1 value)", () => dx.flows(["2022-01-01", "2022-02-01"], [1]), [R, "INVALID_ARGUMENT", "values"]],
  ["flows([5], [1])", () => dx.flows([5], [1]), [T, "INVALID_TYPE", "dates", 0]],
  ["flows(['2022-02-30'], [1])", () => dx.flows(["2022-02-30"], [1]), [E, "INVALID_DATE", "dates", 0]],
  ["flows(dates over 2^28)", () => dx.flows(new Array(2 ** 28), []), [R, "CAPACITY", "dates"]],

  // Series.
  ["fit(null)", fitSeries(null), [T, "INVALID_TYPE", "series"]],
  ["fit('series')", fitSeries("series"), [T, "INVALID_TYPE", "series"]],
  ["fit({ values })", fitSeries({ values: [1] }), [T, "INVALID_TYPE", "dates"]],
  ["fit({ dates })", fitSeries({ dates: ["2022-01-01"] }), [T, "INVALID_TYPE", "values"]],
  ["fit(dates as a string)", fitSeries({ dates: "2022-01-01", values: [1] }), [T, "INVALID_TYPE", "dates"]],
  ["fit(values with NaN)", fitSeries({ ...three, values: [1, NaN, 3] }), [E, "NOT_FINITE", "values", 1]],
  ["fit(values with Infinity)", fitSeries({ ...three, values: [1, 2, -Infinity] }), [E, "NOT_FINITE", "values", 2]],
  ["fit(values with null)", fitSeries({ ...three, values: [1, null, 3] }), [T, "INVALID_TYPE", "values", 1]],
  ["fit(values with '2')", fitSeries({ ...three, values: [1, "2", 3] }), [T, "INVALID_TYPE", "values", 1]],
  ["fit(values with undefined)", fitSeries({ ...three, values: [1, undefined, 3] }), [T, "INVALID_TYPE", "values", 1]],
  ["fit(a negative count)", fitSeries({ ...three, values: [1, -5, 3] }), [E, "OUT_OF_BOUNDS", "values", 1]],
  ["fit(a share above 100)", fitSeries({ ...three, values: [50, 101, 90], kind: "share", unit: "percent" }), [E, "OUT_OF_BOUNDS", "values", 1]],
  ["fit(unsorted dates)", fitSeries({ ...three, dates: ["2022-01-01", "2021-01-01", "2024-01-01"] }), [E, "UNSORTED", "dates", 1]],
  ["fit(a repeated date)", fitSeries({ ...three, dates: ["2022-01-01", "2023-01-01", "2023-01-01"] }), [E, "DUPLICATE_DATE", "dates", 2]],
  ["fit(a date that does not exist)", fitSeries({ ...three, dates: ["2022-01-01", "2023-02-29", "2024-01-01"] }), [E, "INVALID_DATE", "dates", 1]],
  ["fit(a date in another form)", fitSeries({ ...three, dates: ["2022-01-01", "1/2/2023", "2024-01-01"] }), [E, "PARSE", "dates", 1]],
  ["fit(no points)", fitSeries({ dates: [], values: [] }), [E, "EMPTY", "series"]],
  ["fit(Holt on 3 points)", fitSeries(three, "holt"), [E, "TOO_FEW_POINTS", "series"]],
  ["fit(kind 'furlong')", fitSeries({ ...three, kind: "furlong" }), [T, "INVALID_CODE", "kind"]],
  ["fit(unit 5)", fitSeries({ ...three, unit: 5 }), [T, "INVALID_TYPE", "unit"]],
  ["fit(bounds min above max)", fitSeries({ ...three, bounds: { min: 5, max: 1 } }), [E, "INVALID_ARGUMENT", "bounds"]],
  ["fit(bounds 'x')", fitSeries({ ...three, bounds: "x" }), [T, "INVALID_TYPE", "bounds"]],
  ["fit(values over the limit)", fitSeries({ dates: [], values: new Float64Array(4_000_000) }), [R, "CAPACITY", "values"]],
  ["fit(unbounded values)", fitSeries({ ...three, values: [-1, -2, -4], bounds: {} }), "finite"],
  ["choose(null)", () => dx.choose(null), [T, "INVALID_TYPE", "series"]],
  ["choose(more values than dates)", () => dx.choose({ dates: ["2022-01-01"], values: [1, 2] }), [R, "INVALID_ARGUMENT", "values"]],

  // Method settings: read and checked by the core's ModelSpec.
  ["new Model(5)", () => new dx.Model(5), [T, "INVALID_TYPE", "spec"]],
  ["new Model([])", () => new dx.Model([]), [T, "INVALID_TYPE", "spec"]],
  ["new Model({})", () => new dx.Model({}), [T, "INVALID_TYPE", "method"]],
  ["new Model({ method: 5 })", () => new dx.Model({ method: 5 }), [T, "INVALID_TYPE", "method"]],
  ["new Model({ method: 'arima' })", () => new dx.Model({ method: "arima" }), [T, "INVALID_CODE", "method"]],
  ["holt with alpha only", spec({ alpha: 0.5 }), [E, "INVALID_ARGUMENT", "beta"]],
  ["holt with alpha '0.5'", spec({ alpha: "0.5", beta: 0.1 }), [T, "INVALID_TYPE", "alpha"]],
  ["holt with alpha NaN", spec({ alpha: NaN, beta: 0.1 }), [E, "NOT_FINITE", "alpha"]],
  ["holt with alpha 1.5", spec({ alpha: 1.5, beta: 0.1 }), [E, "INVALID_ARGUMENT", "alpha"]],
  ["holt with an initial level only", spec({ initialLevel: 1 }), [E, "INVALID_ARGUMENT", "initialTrend"]],
  ["holt with stepDays -1", spec({ stepDays: -1 }), [E, "INVALID_ARGUMENT", "stepDays"]],
  ["holt with phi", spec({ phi: 0.9 }), [E, "INVALID_ARGUMENT", "phi"]],
  ["dampedHolt with phi 0", () => new dx.Model({ method: "dampedHolt", phi: 0 }), [E, "INVALID_ARGUMENT", "phi"]],
  ["linear with a degree", () => new dx.Model({ method: "linear", degree: 2 }), [E, "INVALID_ARGUMENT", "degree"]],
  ["polynomial of degree 2.5", () => new dx.Model({ method: "polynomial", degree: 2.5 }), [E, "INVALID_ARGUMENT", "degree"]],
  ["logistic with cap 0", () => new dx.Model({ method: "logistic", cap: 0 }), [E, "INVALID_ARGUMENT", "cap"]],
  ["linear with gamma", () => new dx.Model({ method: "linear", gamma: 1 }), [E, "INVALID_ARGUMENT", "gamma"]],
  ["polynomial with degree null (left out)", () => new dx.Model({ method: "polynomial", degree: null }).spec, "finite"],

  // Forecasts.
  ["forecast('2025-01-01')", () => line.forecast("2025-01-01"), [T, "INVALID_TYPE", "dates"]],
  ["forecast([5])", () => line.forecast([5]), [T, "INVALID_TYPE", "dates", 0]],
  ["forecast(dates, '0.9')", () => line.forecast(["2025-01-01"], "0.9"), [T, "INVALID_TYPE", "level"]],
  ["forecast(dates, 1.5)", () => line.forecast(["2025-01-01"], 1.5), [E, "INVALID_ARGUMENT", "level"]],
  ["forecast(dates, NaN)", () => line.forecast(["2025-01-01"], NaN), [E, "INVALID_ARGUMENT", "level"]],
  ["forecast(dates, 0.9, 5)", () => line.forecast(["2025-01-01"], 0.9, 5), [T, "INVALID_TYPE", "scenario"]],
  ["forecast(scenario from 5)", () => line.forecast(["2025-01-01"], 0.9, { growth: { from: 5, rate: 1 } }), [T, "INVALID_TYPE", "from"]],
  ["forecast(scenario rate NaN)", () => line.forecast(["2025-01-01"], 0.9, { growth: { from: "2024-01-01", rate: NaN } }), [E, "NOT_FINITE", "rate"]],
  ["forecast(scenario shock 'big')", () => line.forecast(["2025-01-01"], 0.9, { shock: { at: "2024-06-01", size: "big" } }), [T, "INVALID_TYPE", "size"]],
  ["forecast(log-linear to 9999-12-31)", () => doubling.forecast(["9999-12-31"]), [E, "OVERFLOW", "dates", 0]],
  ["forecast(Holt before its last point)", () => holt.forecast(["2022-02-01"]), "finite"],
  ["forecast([])", () => line.forecast([]), "finite"],

  // Analyses.
  ["analyse(null, options)", () => line.analyse(null, today), [T, "INVALID_TYPE", "target"]],
  ["analyse(value '10')", () => line.analyse({ ...target, value: "10" }, today), [T, "INVALID_TYPE", "value"]],
  ["analyse(value NaN)", () => line.analyse({ ...target, value: NaN }, today), [E, "NOT_FINITE", "value"]],
  ["analyse(deadline 5)", () => line.analyse({ ...target, deadline: 5 }, today), [T, "INVALID_TYPE", "deadline"]],
  ["analyse(deadline 2026-02-30)", () => line.analyse({ ...target, deadline: "2026-02-30" }, today), [E, "INVALID_DATE", "deadline"]],
  ["analyse(comparison 'equal')", () => line.analyse({ ...target, comparison: "equal" }, today), [T, "INVALID_CODE", "comparison"]],
  ["analyse(target, null)", () => line.analyse(target, null), [T, "INVALID_TYPE", "options"]],
  ["analyse(target, { today: 5 })", () => line.analyse(target, { today: 5 }), [T, "INVALID_TYPE", "today"]],
  ["analyse(target, level 2)", () => line.analyse(target, { ...today, level: 2 }), [E, "INVALID_ARGUMENT", "level"]],
  ["analyse(log-linear, deadline 9999-12-31)", () => doubling.analyse({ value: 1e7, deadline: "9999-12-31", comparison: "atLeast" }, today), [E, "OVERFLOW", "deadline"]],
  ["analyse(target of 0)", () => line.analyse({ ...target, value: 0 }, today), "finite"],

  // Claims.
  ["checkClaim(5)", () => dx.checkClaim(5), [T, "INVALID_TYPE", "claim"]],
  ["checkClaim(kind 'guess')", () => dx.checkClaim({ kind: "guess", inputs: [] }), [T, "INVALID_CODE", "kind"]],
  ["checkClaim(inputs 'x')", claim("x"), [T, "INVALID_TYPE", "inputs"]],
  ["checkClaim(8 inputs)", claim(new Array(8).fill(null)), [R, "CAPACITY", "inputs"]],
  ["checkClaim(input text 5)", claim([{ text: 5 }]), [T, "INVALID_TYPE", "text", 0]],
  ["checkClaim(input {})", claim([null, {}]), [T, "INVALID_TYPE", "figure", 1]],
  ["checkClaim(input text and value)", claim([{ value: 1, text: "2" }]), [T, "INVALID_TYPE", "figure", 0]],
  ["checkClaim(input 'abc')", claim([{ text: "abc" }]), [E, "PARSE", "text", 0]],
  ["checkClaim(stated text over the limit)", claim([], { stated: { text: "9".repeat(5000) } }), [R, "CAPACITY", "text"]],
  ["checkClaim(input value NaN)", claim([{ value: NaN }]), [E, "NOT_FINITE", "value", 0]],
  ["checkClaim(1e308 + 1e308)", claim([{ value: 1e308 }, { value: 1e308 }]), "finite"],

  // Observations.
  ["pointsFromObservations(kind, 'x')", () => dx.pointsFromObservations("flow", "x"), [T, "INVALID_TYPE", "observations"]],
  ["pointsFromObservations(value '1')", () => dx.pointsFromObservations("flow", [obs({}), obs({ value: "1" })]), [T, "INVALID_TYPE", "value", 1]],
  ["pointsFromObservations(period 2022)", () => dx.pointsFromObservations("flow", [obs({ period: 2022 })]), [T, "INVALID_TYPE", "period", 0]],
  ["pointsFromObservations(period 2022-Q5)", () => dx.pointsFromObservations("flow", [obs({ period: "2022-Q5" })]), [E, "INVALID_ARGUMENT", "period", 0]],
  ["pointsFromObservations(status 'maybe')", () => dx.pointsFromObservations("flow", [obs({ status: "maybe" })]), [T, "INVALID_CODE", "status", 0]],
  ["pointsFromObservations(value NaN)", () => dx.pointsFromObservations("stock", [obs({}), obs({ value: NaN, period: "2023" })]), [E, "NOT_FINITE", "value", 1]],
  ["evaluation(kind, deadline 'x')", () => dx.evaluation("flow", { ...target, deadline: "x" }), [E, "PARSE", "deadline"]],
  ["flowBetween(null, point)", () => dx.flowBetween(null, { date: "2023-01-01", value: 1 }), [T, "INVALID_TYPE", "earlier"]],
  ["cagr(value 0)", () => dx.cagr({ date: "2021-12-31", value: 0 }, { date: "2023-12-31", value: 1 }), [E, "NON_POSITIVE", "start"]],
  // Quantities, evidence, implausible growth and the figure finder.
  ["measureQuantity(5)", () => dx.measureQuantity(5), [T, "INVALID_TYPE", "figures"]],
  ["measureQuantity(figures, 'most')", () => dx.measureQuantity([flow({})], "most"), [T, "INVALID_CODE", "rule"]],
  ["measureQuantity(kind 'furlong')", () => dx.measureQuantity([flow({ kind: "furlong" })]), [T, "INVALID_CODE", "kind", 0]],
  ["measureQuantity(value NaN)", () => dx.measureQuantity([flow({}), flow({ value: NaN, period: "2023" })]), [E, "NOT_FINITE", "value", 1]],
  ["measureQuantity(period '2022-13')", () => dx.measureQuantity([flow({ period: "2022-13" })]), [E, "INVALID_DATE", "period", 0]],
  ["measureQuantity(since 2022)", () => dx.measureQuantity([flow({ kind: "cumulative", since: 2022 })]), [T, "INVALID_TYPE", "since", 0]],
  ["measureQuantity(definition -1)", () => dx.measureQuantity([flow({ definition: -1 })]), [T, "INVALID_TYPE", "definition", 0]],
  ["measureQuantity(a level among totals)", () => dx.measureQuantity([flow({}), flow({ kind: "stock", period: "2023-12-31" })]), [E, "INVALID_ARGUMENT", "kind"]],
  ["measureQuantity(1025 figures)", () => dx.measureQuantity(Array.from({ length: 1025 }, () => flow({}))), [R, "CAPACITY", "figures"]],
  ["measureQuantity(three measures of 2022)", () => dx.measureQuantity(ndxp, "all"), "finite"],
  ["measureQuantity([])", () => dx.measureQuantity([]), "finite"],
  ["quantityEvidence(figures, deadline 'x')", () => dx.quantityEvidence(ndxp, { ...target, deadline: "x" }), [E, "PARSE", "deadline"]],
  ["quantityEvidence(figures, target, 5)", () => dx.quantityEvidence(ndxp, target, 5), [T, "INVALID_TYPE", "rule"]],
  ["quantityEvidence(NDXP, 2022)", () => dx.quantityEvidence(ndxp, { value: 1e9, deadline: "2022-12-31", comparison: "atLeast" }), "finite"],
  ["implausibleGrowth(series, rate NaN)", () => dx.implausibleGrowth(three, { from: "2024-01-01", rate: NaN }), [E, "NOT_FINITE", "rate"]],
  ["implausibleGrowth(series, per 'week')", () => dx.implausibleGrowth(three, { from: "2024-01-01", rate: 20, per: "week" }), [T, "INVALID_CODE", "per"]],
  ["implausibleGrowth(series, from '2024-02-30')", () => dx.implausibleGrowth(three, { from: "2024-02-30", rate: 20 }), [E, "INVALID_DATE", "from"]],
  ["implausibleGrowth(series, 1e300 a month)", () => dx.implausibleGrowth(three, { from: "2024-01-01", rate: 1e300, per: "month" }), "finite"],
  ["extractFigures(5)", () => dx.extractFigures(5), [T, "INVALID_TYPE", "text"]],
  ["extractFigures(text over the limit)", () => dx.extractFigures("1".repeat(2 ** 22 + 1)), [R, "CAPACITY", "text"]],
  ["extractFigures(text, 5)", () => dx.extractFigures("đạt 5%", 5), [T, "INVALID_TYPE", "options"]],
  ["extractFigures(asOf '2022-02-30')", () => dx.extractFigures("đạt 5%", { asOf: "2022-02-30" }), [E, "INVALID_DATE", "asOf"]],
  ["extractFigures(a lone surrogate)", () => dx.extractFigures("\uD800 đạt 58.397.139 giao dịch \uDC00"), "finite"],
  ["analyse(evidence value NaN)", () => line.analyse(target, { ...today, evidence: { after: { date: "2027-01-01", value: NaN } } }), [E, "NOT_FINITE", "value"]],
  ["analyse(evidence date 'x')", () => line.analyse(target, { ...today, evidence: { before: { date: "x", value: 1 } } }), [E, "PARSE", "before"]],
  ["analyse(evidence of a missed target)", () => line.analyse(target, { ...today, evidence: { after: { date: "2027-01-01", value: 3 } } }), "finite"],
  ["checkClaim(atMost of 84.346 within 119.498)", () => dx.checkClaim({ kind: "atMost", inputs: [{ text: "119.498" }, { text: "84.346" }] }), "finite"],
];

test(`the catalogue has at least 80 cases (${cases.length})`, () => {
  assert.ok(cases.length >= 80);
});

for (const [what, call, want] of cases) {
  test(what, () => {
    let result;
    let error;
    try {
      result = call();
    } catch (e) {
      error = e;
    }
    if (error !== undefined) {
      assert.ok(!(error instanceof WebAssembly.RuntimeError), `trapped: ${error}`);
      assert.notEqual(want, "finite", `threw ${error.constructor.name} ${error.kind} ${error.field}: ${error.message}`);
      const [cls, kind, field, index = null] = want;
      assert.ok(error instanceof cls, `${error.constructor.name} is not ${cls.name}: ${error.message}`);
      assert.equal(error.constructor, cls, `${error.constructor.name}: ${error.message}`);
      assert.equal(error.kind, kind, error.message);
      assert.equal(error.field, field, error.message);
      assert.equal(error.index, index, error.message);
      assert.equal(typeof error.message, "string");
    } else {
      assert.equal(want, "finite", `returned ${JSON.stringify(result)}`);
      assertFiniteDeep(result);
    }
    assert.equal(fixed(), baseline, "the instance answers differently after this case");
  });
}
