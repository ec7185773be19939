// The JavaScript package against the native core: every case of
// target/js-pkg/expected.json (written by `cargo run -p dxcast-js --example
// expected`) is run through the package and compared.
//
// Run by `cargo xtask test`; by hand, after it has built the package once:
//   node --test core/js/tests/

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { assertClose, assertExplanation, assertFiniteDeep, dx, expected, pkgDir } from "./common.mjs";

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
});

test("every method fits, forecasts and plays what-ifs as natively", () => {
  assert.ok(expected.fits.length >= 18);
  for (const c of expected.fits) {
    const model = new dx.Model(c.spec);
    assert.equal(model.method, c.spec.method);
    assert.deepEqual(model.spec, c.spec, c.name);
    const fit = model.fit(c.series);
    assert.equal(fit.method, c.expected.method, c.name);
    const s = fit.summary();
    assert.equal(s.method, c.expected.method, c.name);
    for (const k of ["params", "df", "points"]) assert.equal(s[k], c.expected[k], `${c.name} ${k}`);
    assertClose(s.sse, c.expected.sse, `${c.name} sse`);
    assertClose(s.residualSd, c.expected.residualSd, `${c.name} residualSd`);
    assertClose(s.fitted, c.expected.fitted, `${c.name} fitted`);
    assertClose(Array.from(fit.fitted()), c.expected.fitted, `${c.name} fitted()`);
    assertExplanation(s.explanation, c.expected.explanation, c.name);
    assertExplanation(fit.explain(), c.expected.explanation, `${c.name} explain()`);
    assert.deepEqual(s.subject, { kind: c.series.kind, unit: c.series.unit, bounds: c.series.bounds }, c.name);
    // The same series with typed-array values.
    const typed = model.fit({ ...c.series, values: Float64Array.from(c.series.values) });
    assertClose(typed.summary().sse, c.expected.sse, `${c.name} typed`);

    const f = fit.forecast(c.dates, 0.95);
    assertClose(f, c.expected.forecast, `${c.name} forecast`);
    for (const p of f) {
      if (p.lo !== null) assert.ok(p.lo <= p.point, c.name);
      if (p.hi !== null) assert.ok(p.point <= p.hi, c.name);
    }
    assertClose(fit.forecast(c.dates), c.expected.forecast, `${c.name} default level`);
    assertClose(fit.forecast(c.dates, 0.95, null), c.expected.forecast, `${c.name} null scenario`);
    assertClose(fit.forecast(c.dates, 0.95, c.scenario), c.expected.whatIf, `${c.name} what-if`);
    assertFiniteDeep([s, f]);
    fit.free();
  }
});

test("an exact line through two points: the spread is unknown, and every explanation says so", () => {
  const c = expected.fits.find((f) => f.name === "two points linear");
  const fit = new dx.Model(c.spec).fit(c.series);
  assert.equal(fit.summary().residualSd, null);
  assert.equal(fit.summary().df, 0);
  for (const p of fit.forecast(c.dates)) {
    assert.equal(p.prediction.se, null);
    assert.equal(p.lo, 0); // the count's lower bound
    assert.equal(p.hi, null); // no upper bound: unbounded
  }
  const e = expected.edges.exactLine;
  const a = fit.analyse({ value: 60, deadline: "2024-12-31", comparison: "atLeast" }, { today: "2023-01-01" });
  assertClose(a, e.analysis, "exact line");
  assert.equal(a.probability, null);
  for (const [q, x] of Object.entries(e.explanations)) assertExplanation(a.explanations[q], x, `exact line ${q}`);
  assert.equal(a.explanations.probability.unknown, "spread");
  assertFiniteDeep(a);
  const ls = dx.leastSquares([1, 0, 1, 1], 2, [1, 3], true);
  assertClose(ls, expected.edges.exactLeastSquares, "exact least squares");
});

test("a target of 0 has no attainment, and its explanation says why", () => {
  const c = expected.fits.find((f) => f.name === "two points linear");
  const fit = new dx.Model(c.spec).fit(c.series);
  const a = fit.analyse({ value: 0, deadline: "2024-12-31", comparison: "atLeast" }, { today: "2023-01-01" });
  assertClose(a, expected.edges.zeroTarget.analysis, "zero target");
  for (const [q, x] of Object.entries(expected.edges.zeroTarget.explanations)) {
    assertExplanation(a.explanations[q], x, `zero target ${q}`);
  }
  assert.equal(a.attainment, null);
  assert.equal(a.explanations.attainment.unknown, "zeroTarget");
  assertFiniteDeep(a);
});

test("results too large for a number are OVERFLOW errors, as natively", () => {
  const e = expected.edges;
  const fit = new dx.Model({ method: "logLinear" }).fit({
    dates: e.series.map((p) => p.date),
    values: e.series.map((p) => p.value),
  });
  const kind = (k) => (err) => err.kind === k;
  assert.throws(() => fit.forecast(["9999-12-31"]), (err) => err.kind === e.farForecast.kind && err.field === "dates" && err.index === 0);
  assert.throws(
    () => fit.analyse({ value: 1e7, deadline: "9999-12-31", comparison: "atLeast" }, { today: "2024-01-01" }),
    (err) => err.kind === e.farAnalysis.kind && err.field === "deadline",
  );
  assert.throws(() => dx.runRate(1e308, "2022-12-08"), (err) => kind(e.runRate.kind)(err) && err.field === "yearToDate");
  assert.throws(() => dx.periodTotal(1e308, "2022"), (err) => kind(e.periodTotal.kind)(err) && err.field === "average");
  const huge = dx.checkClaim({ kind: "sum", inputs: [{ value: 1e308 }, { value: 1e308 }] });
  assert.equal(huge.verdict, e.hugeSum.verdict);
  assert.deepEqual(huge.reason, { kind: e.hugeSum.reason, index: null });
  assertClose(huge.recomputed, e.hugeSum.recomputed, "huge sum");
  assertExplanation(huge.explanation, e.hugeSum.explanation, "huge sum");
  assertFiniteDeep(huge);
});

test("the built-in dataset's targets: quantity, evidence, ranking and analysis as natively", () => {
  // As the core's pipeline: 6 targets whose quantity has two points or more.
  assert.equal(expected.targets.length, 6);
  let decided = 0;
  for (const c of expected.targets) {
    const pts = dx.pointsFromObservations(c.kind, c.observations);
    assertClose(pts, c.expected.points, `${c.name} points`);
    assertClose(dx.evaluation(c.kind, c.target), c.expected.evaluation, `${c.name} evaluation`);

    // Every measure of the indicator's quantity, on one basis.
    const m = dx.measureQuantity(c.figures);
    assert.equal(m.basis, c.expected.measures.basis, c.name);
    assert.equal(m.definition, c.expected.measures.definition, c.name);
    assert.deepEqual(m.conflicts, c.expected.measures.conflicts, `${c.name} conflicts`);
    assert.equal(m.points.length, c.expected.measures.points.length, c.name);
    m.points.forEach((p, i) => {
      const { explanation, ...rest } = c.expected.measures.points[i];
      const { explanation: got, ...mine } = p;
      assertClose(mine, rest, `${c.name} point ${i}`);
      assertExplanation(got, explanation, `${c.name} point ${i}`);
    });
    assertClose(m.series, { dates: c.series.dates, values: c.series.values }, `${c.name} series`);
    const evidence = dx.quantityEvidence(c.figures, c.target);
    assertClose(evidence, c.expected.evidence, `${c.name} evidence`);
    decided += evidence.after !== null || evidence.before !== null;

    const choice = dx.choose(c.series);
    assert.equal(choice.criterion, c.expected.criterion, c.name);
    assert.equal(choice.reason.kind, c.expected.reason, c.name);
    assert.equal(choice.ranked.length, c.expected.ranked.length, c.name);
    choice.ranked.forEach((r, i) => {
      assert.deepEqual(r.spec, c.expected.ranked[i].spec, `${c.name} ranked ${i}`);
      assertClose(r.score, c.expected.ranked[i].score, `${c.name} score ${i}`);
      assertClose(r.backtest.mape, c.expected.ranked[i].mape, `${c.name} back test ${i}`);
      assert.equal(r.warnings.length, c.expected.ranked[i].warnings, `${c.name} warnings ${i}`);
    });
    assert.deepEqual(
      choice.unavailable.map((u) => [u.spec, u.kind]),
      c.expected.unavailable.map((u) => [u.spec, u.kind]),
      `${c.name} unavailable`,
    );
    assert.equal(choice.horizon, c.expected.horizon, `${c.name} horizon`);
    assertExplanation(choice.explanation, c.expected.choiceExplanation, `${c.name} choice`);

    // The best method, as the ranking gives it, judged by the quantity's evidence.
    const fit = new dx.Model(choice.ranked[0].spec).fit(c.series);
    const a = fit.analyse(c.target, { today: c.today, level: 0.95, evidence });
    assertClose(a, c.expected.analysis, c.name);
    for (const [q, e] of Object.entries(c.expected.explanations)) {
      assertExplanation(a.explanations[q], e, `${c.name} ${q}`);
    }
    assertFiniteDeep([pts, m, evidence, choice, a], c.name);
  }
  assert.ok(decided > 0, "a figure decides some target");
});

test("a what-if scenario with a changed target is analysed against that target", () => {
  const c = expected.targets.find((t) => t.name === "t-r001-ndxp-2023");
  const fit = new dx.Model({ method: "linear" }).fit(c.series);
  const scenario = {
    growth: { from: c.series.dates.at(-1), rate: 3, per: "month" },
    target: { value: 1.2e9, deadline: "2024-12-31", comparison: "atLeast" },
  };
  const a = fit.analyse(c.target, { today: c.today, level: 0.9 }, scenario);
  assert.equal(a.target.deadline, "2024-12-31");
  assert.equal(a.level, 0.9);
  // The daily rate grows 3 % a month from the trend at the latest date, times 2024's 366 days.
  const months = a.days / (365.2425 / 12);
  const byHand = fit.fitted().at(-1) * 1.03 ** months * 366;
  assert.ok(Math.abs(a.projected / byHand - 1) < 1e-9, `${a.projected} vs ${byHand}`);
});

test("every claim of the built-in dataset checks as natively", () => {
  // Every row of data/claims.csv.
  const rows = readFileSync(new URL("../../../data/claims.csv", import.meta.url), "utf8").trimEnd().split("\n");
  assert.equal(expected.claims.length, rows.length - 1);
  const seen = new Set();
  let atMost = 0;
  for (const c of expected.claims) {
    const r = dx.checkClaim(c.claim);
    assert.equal(r.verdict, c.expected.verdict, c.name);
    assert.equal(r.atStated, c.expected.atStated, `${c.name} at the stated values`);
    atMost += c.claim.kind === "atMost";
    assertClose(r.stated, c.expected.stated, `${c.name} stated`);
    assertClose(r.recomputed, c.expected.recomputed, `${c.name} recomputed`);
    assertExplanation(r.explanation, c.expected.explanation, c.name);
    assertFiniteDeep(r, c.name);
    seen.add(r.verdict);
  }
  assert.deepEqual([...seen].sort(), ["agree", "cannotCheck", "disagree"]);
  assert.ok(atMost > 0, "the atMost kind is exercised");
});

test("the 806 million claims, from the report's text", () => {
  const ytd = "2022-01-01/2022-12-08";
  const total = { text: "806 triệu", qualifier: "about", period: ytd };
  const runRate = dx.checkClaim({ kind: "runRate", period: "2022", stated: { text: "860 triệu" }, inputs: [total] });
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
  assert.equal(missing.explanation.terms.find((t) => t.code === "b").value, null);
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

test("errors carry the core's kind, the field and the index, and the core's message", () => {
  const is = (cls, kind, field, index = null) => (e) => {
    assert.ok(e instanceof cls, `${e.constructor.name} is not ${cls.name}`);
    assert.equal(e.kind, kind);
    assert.equal(e.field, field);
    assert.equal(e.index, index);
    return true;
  };
  assert.throws(() => dx.parseVi("khoảng"), is(Error, "PARSE", "text"));
  assert.throws(() => dx.parseVi("khoảng"), /expected a Vietnamese number/);
  assert.throws(() => dx.parseDate("2023-02-30"), is(Error, "INVALID_DATE", "text"));
  assert.throws(() => dx.parseDate("2023-02-30"), /2023-02-30 is not a valid calendar date/);
  const dup = { dates: ["2022-01-01", "2022-01-01"], values: [1, 2] };
  assert.throws(() => new dx.Model({ method: "linear" }).fit(dup), is(Error, "DUPLICATE_DATE", "dates", 1));
  assert.throws(() => new dx.Model({ method: "linear" }).fit(dup), /repeats the date before it/);
  const three = { dates: ["2022-01-01", "2022-02-01", "2022-03-01"], values: [1, 2, 3] };
  assert.throws(() => new dx.Model({ method: "holt" }).fit(three), is(Error, "TOO_FEW_POINTS", "series"));
  assert.throws(() => new dx.Model({ method: "holt", alpha: 0.5 }), is(Error, "INVALID_ARGUMENT", "beta"));
  assert.throws(() => new dx.Model({ method: "holt", alpha: 0.5 }), /alpha and beta both given/);
  assert.throws(() => new dx.Model({ method: "arima" }), is(TypeError, "INVALID_CODE", "method"));
  assert.throws(() => dx.choose({ dates: ["2022-01-01"], values: [1, 2] }), is(RangeError, "INVALID_ARGUMENT", "values"));
  const nan = { dates: ["2022-01-01", "2022-02-01", "2022-03-01", "2022-04-01"], values: [1, 2, 3, NaN] };
  assert.throws(() => new dx.Model({ method: "linear" }).fit(nan), is(Error, "NOT_FINITE", "values", 3));
  const fit = new dx.Model({ method: "linear" }).fit(three);
  assert.throws(() => fit.forecast(["2025-01-01"], 1.5), is(Error, "INVALID_ARGUMENT", "level"));
  assert.throws(() => fit.forecast(["2025-13-01"], 0.9), is(Error, "INVALID_DATE", "dates", 0));
  assert.throws(() => dx.formatCompact(1, "furlong", "vi"), is(TypeError, "INVALID_CODE", "unit"));
});

test("a fitted model answers from what it keeps: the points passed to fit may change afterwards", () => {
  const dates = ["2022-01-01", "2022-02-01", "2022-03-01"];
  const values = [1, 2, 4];
  const fit = new dx.Model({ method: "linear" }).fit({ dates, values });
  const before = fit.forecast(["2022-06-01"]);
  values[2] = 400;
  dates.reverse();
  assert.deepEqual(fit.forecast(["2022-06-01"]), before);
  assert.deepEqual(Array.from(fit.fitted()), fit.summary().fitted);
});

test("the web build loads with initSync and gives the same results", async () => {
  const web = path.join(path.dirname(pkgDir), "web");
  const mod = await import(path.join(web, "dxcast_js.js"));
  mod.initSync({ module: readFileSync(path.join(web, "dxcast_js_bg.wasm")) });
  for (const c of expected.numbers.parseVi) assertClose(mod.parseVi(c.text), c.expected, c.text);
  const c = expected.fits[0];
  const f = new mod.Model(c.spec).fit(c.series).forecast(c.dates, 0.95);
  assertClose(f, c.expected.forecast, "web forecast");
  assert.throws(() => mod.parseVi(5), (e) => e instanceof TypeError && e.kind === "INVALID_TYPE" && e.field === "text");
});

test("the figures of the five reports and of text outside the BMP, with UTF-16 offsets, as natively", () => {
  assert.equal(expected.figures.length, 11);
  let total = 0;
  for (const c of expected.figures) {
    const found = dx.extractFigures(c.text, c.asOf === null ? undefined : { asOf: c.asOf });
    assert.equal(found.length, c.figures.length, c.name);
    found.forEach((f, i) => {
      const want = c.figures[i];
      // The offsets count UTF-16 code units: the slice is the quote.
      assert.equal(c.text.slice(f.start, f.end), f.quote, `${c.name} #${i}`);
      assert.equal(f.quote, want.quote, `${c.name} #${i}`);
      assert.deepEqual([f.start, f.end], [want.start, want.end], `${c.name} #${i} offsets`);
      assertClose([f.value, f.precision, f.denominator], [want.value, want.precision, want.denominator], `${c.name} #${i}`);
      assert.deepEqual(
        [f.unit, f.qualifier, f.period, f.cue, f.derived?.kind ?? null],
        [want.unit, want.qualifier, want.period, want.cue, want.derived],
        `${c.name} #${i}`,
      );
    });
    assertFiniteDeep(found, c.name);
    total += found.length;
  }
  assert.ok(total > 100, `${total} figures`);
  // Outside the BMP, UTF-16 offsets differ from code points and bytes.
  const bmp = expected.figures.at(-1);
  const first = dx.extractFigures(bmp.text, { asOf: bmp.asOf })[0];
  assert.equal(first.quote, "1,6 triệu");
  assert.equal(first.value, 1_600_000);
  assert.equal(first.start, bmp.text.indexOf("1,6"));
  assert.notEqual(first.start, [...bmp.text.slice(0, first.start)].length);
});

test("implausible growth: a monthly rate typed for a yearly one", () => {
  // Community digital technology teams: 59 600 (30/9/2022) to 71 836 (31/3/2023).
  const teams = { dates: ["2022-09-30", "2023-03-31"], values: [59_600, 71_836], kind: "stock", unit: "count" };
  assert.equal(dx.implausibleGrowth(teams, { from: "2023-04-01", rate: 20 }), null);
  const flag = dx.implausibleGrowth(teams, { from: "2023-04-01", rate: 20, per: "month" });
  // 1.2^(12) − 1 = 791.6 % a year (365.2425 / 12-day months compound to the same).
  assert.ok(Math.abs(flag.perYear - (1.2 ** 12 - 1) * 100) < 1e-6, `${flag.perYear}`);
  // Between the two figures, 182 days apart: (71 836 / 59 600)^(365.2425/182) − 1 = 45.5 % a
  // year; the limit is one and a half times that, above the floor of 50 %.
  const fastest = ((71_836 / 59_600) ** (365.2425 / 182) - 1) * 100;
  assert.ok(Math.abs(flag.fastest - fastest) < 1e-9, `${flag.fastest} vs ${fastest}`);
  assert.ok(Math.abs(flag.limit - 1.5 * fastest) < 1e-9, `${flag.limit}`);
});

test("measureQuantity: every pair of measures that disagree is a conflict, however many", () => {
  // r001's "khoảng 806 triệu" from 1 January to 8 December 2022 is [805.5; 806.5] million over
  // 342 days, 2.355–2.358 million a day; its "khoảng 2,1 triệu" a day over the same days admits at
  // most 2.15 million. Ten copies of each: every one of the 10 × 10 pairs across the measures
  // conflicts, none within a measure.
  const ytd = { kind: "yearToDate", value: 806e6, period: "2022-01-01/2022-12-08", qualifier: "about", precision: 1e6 };
  const daily = { kind: "dailyAverage", value: 2.1e6, period: "2022-01-01/2022-12-08", qualifier: "about", precision: 1e5 };
  const figures = [...Array(10).fill(ytd), ...Array(10).fill(daily)];
  for (const rule of ["totals", "averages", "all"]) {
    const m = dx.measureQuantity(figures, rule);
    assert.equal(m.points.length, 20, rule);
    assert.equal(m.conflicts.length, 100, rule);
    for (const { a, b } of m.conflicts) {
      assert.notEqual(m.points[a].measure, m.points[b].measure, rule);
    }
    // One date keeps one point, whatever the rule.
    assert.equal(m.series.values.length, 1, rule);
  }
});
