// The JavaScript package against the native core: every case of
// target/js-pkg/expected.json (written by `cargo run -p dxcast-js --example
// expected`) is run through the package and compared.
//
// Run by `cargo xtask test`; by hand, after it has built the package once:
//   node --test core/js/tests/
// DXCAST_JS_PKG (the package folder) and DXCAST_JS_EXPECTED (the JSON file)
// override the default paths under target/js-pkg/.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const pkgDir = path.resolve(process.env.DXCAST_JS_PKG ?? path.join(root, "target/js-pkg/node"));
const expectedPath = path.resolve(process.env.DXCAST_JS_EXPECTED ?? path.join(root, "target/js-pkg/expected.json"));
const dx = createRequire(import.meta.url)(pkgDir);
const expected = JSON.parse(readFileSync(expectedPath, "utf8"));

/** Relative tolerance: the package runs the core's code compiled to wasm32. */
const TOL = 1e-12;

/**
 * `actual` matches `expected` as JSON wrote it: numbers within TOL, and
 * non-finite numbers (NaN, ±Infinity), which JSON writes as null, as null.
 * Only the keys of `expected` are compared.
 */
function assertClose(actual, expected, where = "") {
  if (expected === null) {
    const ok = actual === null || actual === undefined || (typeof actual === "number" && !Number.isFinite(actual));
    assert.ok(ok, `${where}: expected null (or a non-finite number), got ${actual}`);
    return;
  }
  if (typeof expected === "number") {
    assert.equal(typeof actual, "number", `${where}: not a number: ${actual}`);
    const diff = Math.abs(actual - expected);
    assert.ok(
      diff <= TOL * Math.max(Math.abs(expected), Math.abs(actual)) || diff === 0,
      `${where}: ${actual} vs native ${expected}`,
    );
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual) || ArrayBuffer.isView(actual), `${where}: not an array`);
    assert.equal(actual.length, expected.length, `${where}: length`);
    expected.forEach((e, i) => assertClose(actual[i], e, `${where}[${i}]`));
    return;
  }
  if (typeof expected === "object") {
    assert.ok(actual !== null && typeof actual === "object", `${where}: not an object: ${actual}`);
    for (const k of Object.keys(expected)) assertClose(actual[k], expected[k], `${where}.${k}`);
    return;
  }
  assert.equal(actual, expected, where);
}

/** An explanation of the package against the generator's {expression, result, terms[{code, value}]}. */
function assertExplanation(actual, exp, where) {
  assert.equal(actual.expression, exp.expression, `${where}: expression`);
  assertClose(actual.result, exp.result, `${where}: result`);
  assert.equal(actual.terms.length, exp.terms.length, `${where}: terms`);
  exp.terms.forEach((t, i) => {
    assert.equal(actual.terms[i].code, t.code, `${where}: term ${i}`);
    assertClose(actual.terms[i].value, t.value, `${where}: term ${i} (${t.code})`);
    assert.equal(typeof actual.terms[i].notation, "string");
  });
}

test("least squares on NIST Longley equals the native fit, from arrays and typed arrays", () => {
  const c = expected.leastSquares;
  for (const [x, y] of [
    [c.x, c.y],
    [Float64Array.from(c.x), Float64Array.from(c.y)],
  ]) {
    const r = dx.leastSquares(x, c.cols, y, true);
    assertClose(r, c.expected, "Longley");
    assert.equal(r.intercept, true);
  }
  assert.throws(() => dx.leastSquares([1, 2], 3, [1], true), /argument `cols`|x|design/);
});

test("every method fits, forecasts and plays what-ifs as natively", () => {
  assert.ok(expected.fits.length >= 17);
  for (const c of expected.fits) {
    const model = new dx.Model(c.spec);
    assert.equal(model.method, c.spec.method);
    const fit = model.fit(c.series);
    const s = fit.summary();
    assert.equal(s.method, c.expected.method, c.name);
    assert.equal(s.params, c.expected.params, c.name);
    assertClose(s.sse, c.expected.sse, `${c.name} sse`);
    assertClose(s.fitted, c.expected.fitted, `${c.name} fitted`);
    assertClose(Array.from(fit.fitted()), c.expected.fitted, `${c.name} fitted()`);
    assertExplanation(s.explanation, c.expected.explanation, c.name);
    // The same series with typed-array values.
    const typed = model.fit({ ...c.series, values: Float64Array.from(c.series.values) });
    assertClose(typed.summary().sse, c.expected.sse, `${c.name} typed`);

    const f = fit.forecast(c.dates, 0.95);
    assertClose(f, c.expected.forecast, `${c.name} forecast`);
    for (const p of f) assert.ok(p.lo <= p.point && p.point <= p.hi, c.name);
    assertClose(fit.forecast(c.dates, 0.95, null), c.expected.forecast, `${c.name} null scenario`);
    assertClose(fit.forecast(c.dates, 0.95, c.scenario), c.expected.whatIf, `${c.name} what-if`);
    fit.free();
  }
});

test("the built-in dataset's targets: series, ranking and analysis as natively", () => {
  assert.equal(expected.targets.length, 6);
  for (const c of expected.targets) {
    const pts = dx.pointsFromObservations(c.kind, c.observations);
    assertClose(pts, c.expected.points, `${c.name} points`);
    assertClose(dx.evaluation(c.kind, c.target), c.expected.evaluation, `${c.name} evaluation`);

    const choice = dx.choose(c.series);
    assert.equal(choice.criterion, c.expected.criterion, c.name);
    assert.equal(choice.reason.kind, c.expected.reason, c.name);
    assert.equal(choice.ranked.length, c.expected.ranked.length, c.name);
    choice.ranked.forEach((r, i) => {
      assert.deepEqual(r.spec, c.expected.ranked[i].spec, `${c.name} ranked ${i}`);
      assertClose(r.score, c.expected.ranked[i].score, `${c.name} score ${i}`);
    });
    assertExplanation(choice.explanation, c.expected.choiceExplanation, `${c.name} choice`);

    // The best method, as the ranking gives it.
    const fit = new dx.Model(choice.ranked[0].spec).fit(c.series);
    const a = fit.analyse(c.target, { today: c.today, level: 0.95 });
    assertClose(a, c.expected.analysis, c.name);
    for (const [q, e] of Object.entries(c.expected.explanations)) {
      assertExplanation(a.explanations[q], e, `${c.name} ${q}`);
    }
    assert.ok(["achieved", "onTrack", "needsAcceleration", "offTrack"].includes(a.status));
  }
});

test("a what-if scenario with a changed target is analysed against that target", () => {
  const c = expected.targets.find((t) => t.name === "t-r001-ndxp-2023");
  const fit = new dx.Model({ method: "linear" }).fit(c.series);
  const scenario = {
    growth: { from: c.series.dates.at(-1), rate: 3 },
    target: { value: 1.2e9, deadline: "2024-12-31", comparison: "atLeast" },
  };
  const a = fit.analyse(c.target, { today: c.today, level: 0.9 }, scenario);
  assert.equal(a.target.deadline, "2024-12-31");
  assert.equal(a.level, 0.9);
  // The daily rate grows 3 % a month from the latest one, times 2024's 366 days.
  const months = a.days / (365.2425 / 12);
  const byHand = a.latestPoint.value * 1.03 ** months * 366;
  assert.ok(Math.abs(a.projected / byHand - 1) < 1e-9, `${a.projected} vs ${byHand}`);
});

test("every claim of the built-in dataset checks as natively", () => {
  assert.equal(expected.claims.length, 42);
  const seen = new Set();
  for (const c of expected.claims) {
    const r = dx.checkClaim(c.claim);
    assert.equal(r.verdict, c.expected.verdict, c.name);
    assertClose(r.stated, c.expected.stated, `${c.name} stated`);
    assertClose(r.recomputed, c.expected.recomputed, `${c.name} recomputed`);
    assertExplanation(r.explanation, c.expected.explanation, c.name);
    seen.add(r.verdict);
  }
  assert.deepEqual([...seen].sort(), ["agree", "cannotCheck", "disagree"]);
});

test("the 806 million claims, from the report's text", () => {
  const ytd = "2022-01-01/2022-12-08";
  const total = { text: "806 triệu", qualifier: "about", period: ytd };
  const runRate = dx.checkClaim({
    kind: "runRate",
    period: "2022",
    stated: { text: "860 triệu" },
    inputs: [total],
  });
  assert.equal(runRate.verdict, "agree");
  assert.ok(Math.abs(runRate.explanation.result - 860.2e6) < 0.1e6);
  const daily = dx.checkClaim({
    kind: "dailyAverage",
    period: ytd,
    stated: { text: "2,1 triệu", qualifier: "about" },
    inputs: [total],
  });
  assert.equal(daily.verdict, "disagree");
  assert.ok(daily.recomputed.lo > 2.355e6 && daily.recomputed.hi < 2.359e6);
  const missing = dx.checkClaim({ kind: "multiple", stated: { text: "2,2" }, inputs: [{ text: "8,2 triệu" }, null] });
  assert.equal(missing.verdict, "cannotCheck");
  assert.deepEqual(missing.reason, { kind: "missingInput", index: 1 });
});

test("conversions and growth as natively", () => {
  const e = expected.conversions;
  const r = dx.runRate(806e6, "2022-12-08");
  assertClose(r, { value: e.runRate.value, daysElapsed: 342, daysInPeriod: 365 }, "runRate");
  assertExplanation(r.explanation, e.runRate.explanation, "runRate");
  const x = dx.extrapolate(111e6, "2023-01-01/2023-02-21", "2023-Q1");
  assertClose(x.value, e.extrapolate.value, "extrapolate");
  assertExplanation(x.explanation, e.extrapolate.explanation, "extrapolate");
  const da = dx.dailyAverage(58_397_139, "2022-09");
  assertClose(da.value, e.dailyAverage.value, "dailyAverage");
  assert.equal(da.days, 30);
  assertExplanation(da.explanation, e.dailyAverage.explanation, "dailyAverage");
  const pt = dx.periodTotal(2.1e6, "2022");
  assertClose(pt.value, e.periodTotal.value, "periodTotal");
  assertExplanation(pt.explanation, e.periodTotal.explanation, "periodTotal");
  const f = dx.flowBetween({ date: "2022-09-30", value: 661e6 }, { date: "2023-03-31", value: 1_276e6 });
  assertClose(f.value, e.flowBetween.value, "flowBetween");
  assert.equal(f.period, e.flowBetween.period);
  assertExplanation(f.explanation, e.flowBetween.explanation, "flowBetween");
  const fl = dx.flows(["2022-09-30", "2022-12-31", "2023-03-31"], Float64Array.of(661e6, 1_084e6, 1_276e6));
  assertClose(fl, e.flows, "flows");
  const sc = dx.shareChange(50, 52.8);
  assertClose(sc, { points: e.shareChange.points, relative: e.shareChange.relative }, "shareChange");
  assertExplanation(sc.explanations.points, e.shareChange.explainPoints, "shareChange points");
  assertExplanation(sc.explanations.relative, e.shareChange.explainRelative, "shareChange relative");
  assertClose(dx.readingsOfChange(77.1, 35.65), e.readingsOfChange, "readingsOfChange");
  for (const c of e.change) {
    const got = dx.change(c.kind, 180e6, 860e6);
    assertClose(got.value, c.value, `change ${c.kind}`);
    assertExplanation(got.explanation, c.explanation, `change ${c.kind}`);
  }
  const pop = dx.changeBetween("relative", "periodOverPeriod", "2022-Q4", 423e6, "2023-Q1", 192e6);
  assertExplanation(pop.explanation, e.periodOverPeriod.explanation, "periodOverPeriod");
  const yoy = dx.changeBetween("relative", "yearOnYear", "2023-Q1", 3_446, "2024-Q1", 2_323);
  assertClose(yoy.value, e.yearOnYear.value, "yearOnYear");
  assert.throws(() => dx.changeBetween("relative", "yearOnYear", "2022-Q4", 1, "2023-Q1", 2), /one year apart/);
  const g = dx.cagr({ date: "2021-12-31", value: 180e6 }, { date: "2023-12-31", value: 860e6 });
  assertClose(g, { percentPerYear: e.cagr.percentPerYear, pointsPerYear: e.cagr.pointsPerYear, years: e.cagr.years }, "cagr");
  assertExplanation(g.explanations.cagr, e.cagr.explanation, "cagr");
});

test("number parsing and formatting, periods and dates as natively", () => {
  const n = expected.numbers;
  for (const c of n.parseVi) assertClose(dx.parseVi(c.text), c.expected, c.text);
  for (const c of n.grouped) assert.equal(dx.formatGrouped(c.value, c.decimals, c.locale), c.expected);
  for (const c of n.compact) assert.equal(dx.formatCompact(c.value, c.unit, c.locale), c.expected);
  for (const c of n.periods) {
    const p = dx.parsePeriod(c.text);
    assert.equal(p.start, c.start);
    assert.equal(p.end, c.end);
    assert.equal(p.kind, c.kind);
    assert.equal(p.days, c.days);
  }
  for (const [text, iso] of n.parseDate) assert.equal(dx.parseDate(text), iso);
});

test("errors throw the core's message", () => {
  assert.throws(() => dx.parseVi("khoảng"), /field `number`: expected a Vietnamese number/);
  assert.throws(() => dx.parseDate("2023-02-30"), /2023-02-30 is not a valid calendar date/);
  const series = { dates: ["2022-01-01", "2022-01-01"], values: [1, 2] };
  assert.throws(() => new dx.Model({ method: "linear" }).fit(series), /repeats the date before it/);
  assert.throws(
    () => new dx.Model({ method: "holt" }).fit({ dates: ["2022-01-01", "2022-02-01", "2022-03-01"], values: [1, 2, 3] }),
    /needs at least/,
  );
  assert.throws(() => new dx.Model({ method: "holt", alpha: 0.5 }), /alpha and beta both given/);
  assert.throws(() => new dx.Model({ method: "arima" }), /spec:/);
  assert.throws(() => dx.choose({ dates: ["2022-01-01"], values: [1, 2] }), /as many values as dates/);
  const fit = new dx.Model({ method: "linear" }).fit({ dates: ["2022-01-01", "2023-01-01", "2024-01-01"], values: [1, 2, 4] });
  assert.throws(() => fit.forecast(["2025-01-01"], 1.5), /level/);
  assert.throws(() => fit.forecast(["2025-13-01"], 0.9), /dates:/);
  assert.throws(() => dx.formatCompact(1, "furlong", "vi"), /unit:/);
});

test("the web build loads with initSync and gives the same results", async () => {
  const web = path.join(path.dirname(pkgDir), "web");
  const mod = await import(path.join(web, "dxcast_js.js"));
  mod.initSync({ module: readFileSync(path.join(web, "dxcast_js_bg.wasm")) });
  for (const c of expected.numbers.parseVi) assertClose(mod.parseVi(c.text), c.expected, c.text);
  const c = expected.fits[0];
  const f = new mod.Model(c.spec).fit(c.series).forecast(c.dates, 0.95);
  assertClose(f, c.expected.forecast, "web forecast");
});
