// Projections, target analytics, what-if scenarios, saved and compared
// scenarios, and links to a view. Every expected number is computed by the
// app's model crate natively (e2e/expected.mjs, written by
// app/examples/e2e_expected.rs), and compared with what the app writes.
import { controlled, expect, test } from "./fixtures.mjs";
import { IndicatorPage, Dashboard } from "./pages.mjs";
import { AFTER_LAST_REPORT, TODAY, ndxp, ndxpCase, ndxpRun, readNumber, shownDate, shows, standings, typedDate, unfit } from "./expected.mjs";
import { table } from "./data.mjs";

const Q = `?today=${TODAY}`;

/** Asserts that a quantity box writes `expected` (read back with its precision). */
async function expectShown(p, index, name, which, expected, lang = "vi") {
  const text = await p.number(index, name, which);
  expect(shows(text, expected, lang), `${name} (${which}) shows “${text}”, the core computes ${expected}`).toBe(true);
}

/** The assessment the app's target at `index` must show, base or scenario. */
async function expectAnalysis(p, index, which, a, lang = "vi") {
  await expectShown(p, index, "projected", which, a.projected, lang);
  if (a.probability !== null) await expectShown(p, index, "probability", which, 100 * a.probability, lang);
  expect(await p.status(index, which)).toBe(a.standing);
}

/** Days from one ISO date to another. */
const daysBetween = (a, b) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
/** Days in the year of an ISO date. */
const yearDays = (iso) => {
  const y = Number(iso.slice(0, 4));
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365;
};

test("the NDXP page projects every figure of its quantity, each marked by its measure", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx", Q);
  await expect(page.getByTestId("analytics")).toBeVisible();
  // Every figure of the four NDXP transaction indicators in the data files.
  const ids = table("observations")
    .filter((o) => o.indicator.startsWith("ndxp_tx"))
    .map((o) => o.id)
    .sort();
  const marks = await p.points.evaluateAll((els) => els.map((e) => [e.dataset.id, e.dataset.measure, e.dataset.aside ?? null]));
  expect(marks.map((m) => m[0]).sort()).toEqual(ids);
  // Each as the model measures it; the projected series keeps the others.
  for (const point of ndxp.series) {
    expect(marks).toContainEqual([point.id, point.measure, point.aside]);
  }
  const kept = ndxp.series.filter((s) => s.aside === null).length;
  expect(kept).toBe(ndxpRun("base").points);
  await expect(page.getByTestId("series-uses")).toHaveText(`Chuỗi dùng ${kept} trong ${ids.length} số liệu.`);
  // April 2024's daily average, the newest figure, is in the series.
  expect(marks).toContainEqual(["r002-ndxp-daily", "daily_average", null]);
  // The year-to-date total and the daily average over the same days contradict each other.
  await expect(page.getByTestId("conflict")).toHaveCount(1);
  await expect(page.getByTestId("conflict")).toContainText("806 triệu");
  await expect(page.getByTestId("conflict")).toContainText("2,1 triệu");
  await expect(page.getByTestId("set-aside")).toHaveCount(ids.length - kept);

  // The methods with their back-test errors, as the model computes them.
  const run = ndxpRun("base");
  for (const m of run.methods) {
    const accuracy = page.locator(`[data-testid="method-item"][data-method="${m.method}"] [data-testid="method-accuracy"]`);
    if (m.few_points) {
      // Too short for this method's back test: how many it needs, and has.
      await expect(accuracy).toContainText(`cần ${m.few_points.needed} số liệu, có ${m.few_points.got}`);
    } else if (m.mape === null) {
      await expect(accuracy).toContainText("không kiểm tra ngược");
    } else {
      const text = (await accuracy.textContent()).match(/MAPE\) ([\d.,]+ %)/)[1];
      expect(shows(text, m.mape), `${m.method}: ${text} vs ${m.mape}`).toBe(true);
    }
  }
  await expect(page.getByTestId("method-reason")).toContainText("MAPE");

  // The rule is the analyst's: daily averages first keeps "2,1 triệu" and
  // sets the year-to-date total aside; the link says so.
  await page.getByTestId("rule-averages").check();
  await expect(page.locator('[data-testid="chart-point"][data-id="r001-ndxp-daily"]')).not.toHaveAttribute("data-aside");
  await expect(page.locator('[data-testid="chart-point"][data-id="r001-ndxp-ytd"]')).toHaveAttribute("data-aside", "rule");
  await expectAnalysis(p, 1, "base", ndxpCase("base under the averages rule")[1].base);
  await expect(page).toHaveURL(/r=averages/);
  await page.getByTestId("rule-totals").check();
  await expectAnalysis(p, 1, "base", ndxpCase("base")[1].base);

  // The 95 % band runs above the chart: the cut is marked, and said.
  await expect(page.getByTestId("chart-band-clipped").first()).toBeVisible();
  await expect(page.getByTestId("band-clipped-note")).toBeVisible();
  await p.shots("indicator-quantity", "chart");
  // The level of the bands: 80 % narrows the interval, as the model says.
  await page.getByTestId("level-80").check();
  await expect(page.getByTestId("legend")).toContainText("Khoảng dự báo 80 %");
  const at80 = ndxpCase("base at 80 %")[1].base;
  await p.settled();
  const sub = await p.quantity(1, "projected").getByTestId("q-sub").textContent();
  const [lo, hi] = sub.replace("khoảng 80 %: ", "").split(" – ");
  expect(shows(lo.trim(), at80.low) && shows(hi.trim(), at80.high), `${sub} vs ${at80.low}–${at80.high}`).toBe(true);
  await expect(page).toHaveURL(/l=80/);
  await p.shots("indicator-measures", "measures");
});

test("verdicts follow from the numbers shown, before and after the 2025 deadline", async ({ page }) => {
  const p = new IndicatorPage(page);
  // The day after the last report: 2023 has passed without a figure of its
  // total; 2025 is ahead, and the trend through April 2024 meets it.
  await p.open("#/i/ndxp_tx", `?today=${AFTER_LAST_REPORT}`);
  await expect(page.getByTestId("analytics")).toBeVisible();
  const before = ndxpCase("base on 2024-05-01");
  for (const i of [0, 1, 2]) await expectAnalysis(p, i, "base", before[i].base);
  expect(before[1].base.standing).toBe("on_track");
  expect(before[0].base.standing).toBe("stale");
  // The stale 2023 verdict shows the projection's own beside it, and says
  // it is a projection of the past from figures up to the last one.
  const status0 = p.quantity(0, "status");
  await expect(status0.getByTestId("outlook")).toHaveAttribute("data-status", before[0].base.outlook);
  await expect(status0.getByTestId("verdict-why")).toContainText(`dự báo cho quá khứ, từ số liệu đến ${shownDate(ndxp.from)}`);
  // Its reach date agrees with its projection: after the deadline exactly
  // when the projection there misses the target.
  const a0 = before[0].base;
  expect(a0.reach_date === null || a0.reach_date > "2023-12-31").toBe(a0.projected <= 860e6);
  // Attainment and gap name the date of the figure they use.
  const a1 = before[1].base;
  await expect(p.analysis(1).getByTestId("q-attainment").getByTestId("q-label")).toHaveText(`Mức đạt tại ${shownDate(a1.figure_date)}`);
  await expect(p.analysis(1).getByTestId("q-gap").getByTestId("q-label")).toHaveText(`Còn thiếu tại ${shownDate(a1.figure_date)}`);
  await expectShown(p, 1, "attainment", "base", a1.attainment);
  // The reach date counts its days from the latest figure's date.
  await expect(p.quantity(1, "reach").getByTestId("q-sub")).toHaveText(
    `${daysBetween(a1.latest_date, a1.reach_date)} ngày kể từ ${shownDate(a1.latest_date)}`,
  );
  // The rule and its thresholds, in the status' explanation: the thresholds
  // the explanation lists are the ones the rule names.
  const explain = p.quantity(1, "status").getByTestId("explain");
  await explain.locator("summary").click();
  const thresholds = await explain.locator("tr", { hasText: "ngưỡng của quy tắc" }).locator("td.num").allTextContents();
  expect(thresholds).toHaveLength(3);
  for (const th of thresholds) await expect(explain.getByTestId("explain-note")).toContainText(th.trim());
  await p.shots("indicator-verdicts", "analytics");

  // On the tests' today the 2025 deadline has passed too: stale, with the
  // projection's own outlook beside it, on the page and the dashboard.
  await p.open("#/i/ndxp_tx", Q);
  const after = ndxpCase("base");
  await expectAnalysis(p, 1, "base", after[1].base);
  expect(after[1].base.standing).toBe("stale");
  await expect(p.quantity(1, "status").getByTestId("outlook")).toHaveAttribute("data-status", after[1].base.outlook);
  await expect(page.getByTestId("indicator-summary").getByTestId("status")).toHaveAttribute("data-status", standings.ndxp_tx);
});

test("a what-if growth rate, typed and dragged, moves the projection and the status as the model says", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx", Q);
  await expect(page.getByTestId("analytics")).toBeVisible();
  expect(ndxp.recommended).toBe("linear");
  await expect(page.getByTestId("method-chooser")).toContainText("Đường thẳng");

  // Base: the first target (> 860 million in 2023), as the model assesses it.
  const base = ndxpCase("base")[0].base;
  await expectAnalysis(p, 0, "base", base);
  await expect(p.analysis(0).getByTestId("deadline-passed")).toHaveText(`Đã qua hạn; dự báo từ số liệu đến ${shownDate(ndxp.from)}`);
  await expect(p.quantity(0, "projected", "scenario")).toHaveCount(0);

  // Growth starts where the figures end, per year unless chosen otherwise.
  await expect(p.field("wi-from")).toHaveValue(typedDate(ndxp.from));
  await expect(p.field("wi-per-year")).toBeChecked();
  await p.setRate("20");
  // A changed target, still ahead on the tests' today: the status can move.
  await p.field("wi-target").fill("1,5 tỷ");
  await expect(page.getByTestId("chart-whatif-target")).toHaveCount(1);
  await expect(p.analysis(3)).toHaveAttribute("data-origin", "scenario");
  const typed = ndxpCase("growth 20, target");
  expect(typed[3].target).toEqual({ value: 1.5e9, deadline: "2026-12-31", comparison: ">" });
  await expectAnalysis(p, 3, "scenario", typed[3].scenario);
  await expectAnalysis(p, 3, "base", typed[3].base);
  await expectAnalysis(p, 1, "scenario", typed[1].scenario);
  await expect(page.getByTestId("chart-whatif")).toHaveCount(1);
  await expect(page.getByTestId("chart-whatif-band")).toHaveCount(1);

  // The slider follows, and moves by keyboard: two steps of 0.1.
  const slider = p.field("wi-rate-slider");
  await expect(slider).toHaveValue("20");
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(p.field("wi-rate")).toHaveValue("20,2");
  await expectAnalysis(p, 3, "scenario", ndxpCase("growth 20.2, target")[3].scenario);
  // Down to the slider's end: the scenario's status changes.
  await page.keyboard.press("Home");
  await expect(p.field("wi-rate")).toHaveValue("-50");
  const low = ndxpCase("growth -50, target")[3].scenario;
  await expectAnalysis(p, 3, "scenario", low);
  expect(low.standing).not.toBe(typed[3].scenario.standing);

  // A shock as well.
  await p.setRate("10");
  await p.field("wi-shock").fill("-10");
  await expect(p.field("wi-shock-at")).toHaveValue(typedDate("2025-01-01"));
  const shocked = ndxpCase("growth 10, shock -10, target");
  await expectAnalysis(p, 1, "scenario", shocked[1].scenario);
  await expectAnalysis(p, 3, "scenario", shocked[3].scenario);
  await p.shots("indicator-whatif", "chart");

  // In English, the same numbers written the English way.
  await p.switchLanguage("en");
  await expectAnalysis(p, 1, "scenario", shocked[1].scenario, "en");
});

test("a what-if at 0 % is flat from the base's value where it starts, with no jump", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx", Q);
  await expect(page.getByTestId("analytics")).toBeVisible();
  await p.setRate("0");
  const run = ndxpRun("growth 0");
  const [start, level] = run.start;
  expect(start).toBe(ndxp.from);
  await expect(page.getByTestId("wi-start")).toContainText(`ngày ${shownDate(start)}`);
  await expectAnalysis(p, 1, "scenario", ndxpCase("growth 0")[1].scenario);
  const rows = await p.chartCsv();
  const base = rows.filter((r) => r.series === "projection" && r.scenario === "base");
  const whatIf = rows.filter((r) => r.series === "projection" && r.scenario === "what-if");
  expect(whatIf.map((r) => r.date)).toEqual(base.map((r) => r.date));
  // Up to its start the scenario is the base; from there the daily rate
  // stays at the base's on that day (shown per year: times the days of each year).
  const perDay = level / yearDays(start);
  for (const [b, w] of base.map((b, i) => [b, whatIf[i]])) {
    if (w.date <= start) {
      expect(Number(w.value)).toBe(Number(b.value));
    } else {
      expect(Math.abs(Number(w.value) / yearDays(w.date) - perDay) / perDay).toBeLessThan(1e-9);
    }
  }
  // The model's own path, point for point.
  run.what_if_path.forEach(([date, value], i) => {
    expect(whatIf[i].date).toBe(date);
    expect(Math.abs(Number(whatIf[i].value) - value) / value).toBeLessThan(1e-12);
  });
  // On the chart, the scenario leaves from where the base does.
  const [whatIfStart, baseStart] = await Promise.all(
    ["chart-whatif", "chart-projection"].map((id) => page.getByTestId(id).getAttribute("d").then((d) => d.split(" ")[0])),
  );
  expect(whatIfStart).toBe(baseStart);
});

test("growth of 20 is a year's unless said otherwise; 20 a month is flagged before it is applied", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx", Q);
  await expect(page.getByTestId("analytics")).toBeVisible();
  await p.setRate("20");
  const yearly = ndxpRun("growth 20");
  const a = ndxpCase("growth 20")[1].scenario;
  await expectAnalysis(p, 1, "scenario", a);
  // 2025's value is the start's daily rate grown 20 % a year to the middle
  // of 2025, times 2025's days.
  const [start, level] = yearly.start;
  const years = daysBetween(start, "2025-07-02") / 365.2425;
  const expected = (level / yearDays(start)) * 1.2 ** years * 365;
  expect(Math.abs(a.projected - expected) / expected).toBeLessThan(1e-9);
  expect(yearly.implausible).toBeNull();
  await expect(page.getByTestId("wi-implausible")).toHaveCount(0);

  // Per month, 20 is 791 % a year: flagged, and not applied until confirmed.
  await p.field("wi-per-month").check();
  const monthly = ndxpRun("growth 20 a month");
  expect(monthly.implausible.per_year).toBeGreaterThan(monthly.implausible.limit);
  const flag = page.getByTestId("wi-implausible");
  await expect(flag).toBeVisible();
  const perYear = readNumber(flag.textContent ? (await flag.textContent()).match(/bằng ([\d.,]+ %)/)[1] : "", "vi");
  expect(Math.abs(perYear.value - monthly.implausible.per_year)).toBeLessThanOrEqual(perYear.precision / 2);
  await expect(page.getByTestId("chart-whatif")).toHaveCount(0);
  await expect(p.quantity(1, "projected", "scenario")).toHaveCount(0);
  await p.shots("indicator-implausible", "whatif");
  await page.getByTestId("wi-apply-anyway").click();
  await expect(page.getByTestId("wi-implausible-applied")).toBeVisible();
  await expectAnalysis(p, 1, "scenario", ndxpCase("growth 20 a month")[1].scenario);
  await expect(page.getByTestId("chart-whatif")).toHaveCount(1);
  await expect(page).toHaveURL(new RegExp(`g=20@${ndxp.from}@m`));
});

test("the chart takes its box's width on every route, after a page not found too", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/nope", Q);
  await expect(page.getByTestId("page-error")).toBeVisible();
  await page.evaluate(() => {
    location.hash = "#/i/ndxp_tx";
  });
  await expect(p.chart).toBeVisible();
  const widths = async () => [
    Number(await p.chart.getAttribute("width")),
    await page.getByTestId("chart-box").evaluate((e) => e.clientWidth),
  ];
  await expect.poll(widths).toEqual([expect.any(Number), expect.any(Number)]);
  let [svg, box] = await widths();
  expect(svg).toBe(box);
  expect(svg).toBeGreaterThan(600);
  await page.goBack();
  await expect(page.getByTestId("page-error")).toBeVisible();
  await page.goForward();
  await expect(p.chart).toBeVisible();
  [svg, box] = await widths();
  expect(svg).toBe(box);
  expect(svg).toBeGreaterThan(600);
});

test("a share link reproduces the view, in a fresh browser and offline", async ({ page, context, browser }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx", Q);
  await expect(page.getByTestId("analytics")).toBeVisible();
  await page.getByTestId("method-option").and(page.locator('[value="log_linear"]')).check();
  await p.setRate("15");
  await p.field("wi-shock").fill("-5");
  await p.field("wi-horizon").fill(typedDate("2028-06-30"));
  await p.field("wi-name").fill("Tăng tốc & mở rộng?");
  await p.saveScenario("Tăng tốc & mở rộng?");
  await page.getByTestId("compare-toggle").check();
  await expect(page.getByTestId("chart-compared")).toHaveCount(1);

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByTestId("copy-link").click();
  await expect(page.getByTestId("copy-message")).toHaveText("Đã sao chép liên kết.");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(await p.field("share-link").inputValue());
  expect(link).toContain(`#/i/ndxp_tx?m=log_linear&g=15@${ndxp.from}@y&k=-5@2025-01-01&h=2028-06-30`);
  // The address bar follows the view.
  await expect(page).toHaveURL(link);

  const numbers = await p.analyticsText();
  const chart = await page.getByTestId("chart").evaluate((svg) => [...svg.querySelectorAll("path")].map((e) => e.getAttribute("d")));
  await expectAnalysis(p, 1, "scenario", ndxpCase("log_linear: growth 15, shock -5")[1].scenario);

  // A fresh browser: no stored data, no service worker.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.setViewportSize(page.viewportSize());
  await other.goto(link);
  const q = new IndicatorPage(other);
  await expect(other.getByTestId("analytics")).toBeVisible();
  await expect(other.locator('[data-testid="method-option"][value="log_linear"]')).toBeChecked();
  await expect(q.field("wi-rate")).toHaveValue("15");
  await expect(q.field("wi-per-year")).toBeChecked();
  await expect(q.field("wi-name")).toHaveValue("Tăng tốc & mở rộng?");
  await expect(other.getByTestId("chart-compared")).toHaveCount(1);
  await expect(q.savedScenario("Tăng tốc & mở rộng?")).toContainText("từ liên kết");
  expect(await q.analyticsText()).toEqual(numbers);
  expect(await other.getByTestId("chart").evaluate((svg) => [...svg.querySelectorAll("path")].map((e) => e.getAttribute("d")))).toEqual(chart);
  await fresh.close();

  // Offline, from the service worker's copy.
  await controlled(page);
  await context.setOffline(true);
  const offline = await context.newPage();
  await offline.setViewportSize(page.viewportSize());
  await offline.goto(link);
  const r = new IndicatorPage(offline);
  await expect(offline.getByTestId("analytics")).toBeVisible();
  expect(await r.analyticsText()).toEqual(numbers);
  await offline.close();
  await context.setOffline(false);
});

test("a link written when growth was monthly keeps its meaning", async ({ page }) => {
  const p = new IndicatorPage(page);
  // The earlier link format had no period: its rates were per month.
  await p.open("#/i/ndxp_tx?g=20@2024-04-30", Q);
  await expect(page.getByTestId("analytics")).toBeVisible();
  await expect(p.field("wi-per-month")).toBeChecked();
  await expect(p.field("wi-rate")).toHaveValue("20");
  // A linked scenario was meant: applied, and flagged.
  await expect(page.getByTestId("wi-implausible-applied")).toBeVisible();
  await expectAnalysis(p, 1, "scenario", ndxpCase("growth 20 a month")[1].scenario);
  await expect(page).toHaveURL(/g=20@2024-04-30@m/);
});

test("a link with bad parameters says so and shows the defaults, never a blank page", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx?m=arima&g=fast@2023-01-01&h=soon&l=99&zz=1", Q);
  const problems = page.getByTestId("link-problems");
  await expect(problems).toBeVisible();
  await expect(problems).toContainText("«m=arima»: cần mã phương pháp");
  await expect(problems).toContainText("«g=fast@2023-01-01»: cần tốc độ@ngày@y hoặc @m (mỗi năm, mỗi tháng), như 20@2024-04-30@y");
  await expect(problems).toContainText("«h=soon»: cần một ngày dạng YYYY-MM-DD");
  await expect(problems).toContainText("«l=99»: cần 80 hoặc 95");
  await expect(problems).toContainText("«zz»: không phải tham số của dxcast");
  await expect(page.getByTestId("analytics")).toBeVisible();
  await expect(p.field("wi-rate")).toHaveValue("");
  await expect(page.locator('[data-testid="method-option"][value="linear"]')).toBeChecked();
  // The address is the default view's.
  await expect(page).toHaveURL(/#\/i\/ndxp_tx$/);
});

test("two saved scenarios are compared on one chart and survive a reload", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx", Q);
  await expect(page.getByTestId("no-saved")).toBeVisible();
  await p.setRate("5");
  await p.saveScenario("Chậm");
  await expect(page.getByTestId("scenario-message")).toHaveText("Đã lưu kịch bản «Chậm».");
  await p.setRate("40");
  await p.field("wi-shock").fill("-8");
  await p.saveScenario("Nhanh");
  await expect(page.getByTestId("saved-scenario")).toHaveCount(2);
  await page.getByTestId("clear-scenario").click();
  await expect(p.field("wi-rate")).toHaveValue("");

  await p.savedScenario("Chậm").getByTestId("compare-toggle").check();
  await p.savedScenario("Nhanh").getByTestId("compare-toggle").check();
  await expect(page.getByTestId("chart-compared")).toHaveCount(2);
  await expect(page.getByTestId("legend-compared")).toHaveText(["Chậm", "Nhanh"]);
  const check = async () => {
    for (const name of ["Chậm", "Nhanh"]) {
      const row = p.comparisonRow(name);
      const cell = row.locator("td").nth(1);
      const a = ndxpCase(name)[1].scenario;
      const projected = (await cell.getByTestId("cmp-projected").textContent()).trim();
      expect(shows(projected, a.projected), `${name}: ${projected} vs ${a.projected}`).toBe(true);
      const probability = (await cell.getByTestId("cmp-probability").textContent()).trim();
      expect(shows(probability, 100 * a.probability), `${name}: ${probability}`).toBe(true);
      await expect(cell.getByTestId("status")).toHaveAttribute("data-status", a.standing);
    }
    const base = ndxpCase("base")[1].base;
    const baseCell = p.comparisonRow("").locator("td").nth(1);
    expect(shows((await baseCell.getByTestId("cmp-projected").textContent()).trim(), base.projected)).toBe(true);
  };
  await check();
  await p.shots("indicator-compare", "chart");

  await page.reload();
  await expect(page.getByTestId("saved-scenario")).toHaveCount(2);
  await expect(p.savedScenario("Chậm").getByTestId("compare-toggle")).toBeChecked();
  await expect(page.getByTestId("chart-compared")).toHaveCount(2);
  await check();

  // Opening a saved scenario fills the fields; deleting one removes it from the chart.
  await p.savedScenario("Nhanh").getByTestId("open-scenario").click();
  await expect(p.field("wi-rate")).toHaveValue("40");
  await expect(p.field("wi-shock")).toHaveValue("-8");
  await expect(p.field("wi-per-year")).toBeChecked();
  await p.savedScenario("Chậm").getByTestId("delete-scenario").click();
  await expect(page.getByTestId("saved-scenario")).toHaveCount(1);
  await expect(page.getByTestId("chart-compared")).toHaveCount(1);
});

test("every number explains itself: formula and named inputs, in the language", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx", Q);
  const box = p.quantity(0, "projected", "base");
  const explain = box.getByTestId("explain");
  await explain.locator("summary").click();
  const e = explain.getByTestId("explanation");
  await expect(e).toContainText("Khoảng dự báo");
  await expect(e.locator("code").first()).toHaveText("g⁻¹(g(ŷ) ± t_ν(1 − α/2)·se)");
  await expect(e).toContainText("giá trị dự báo");
  await expect(e).toContainText("bậc tự do");
  await expect(e).toContainText("số ngày của cả kỳ");
  // The inputs are the core's: degrees of freedom and the days of 2023.
  const a = ndxpCase("base")[0].base;
  await expect(e.locator("tr", { hasText: "bậc tự do" }).locator("td.num")).toHaveText(String(a.degrees_of_freedom));
  await expect(e.locator("tr", { hasText: "số ngày của cả kỳ" }).locator("td.num")).toHaveText("365");
  const result = (await e.getByTestId("explanation-result").textContent()).trim();
  expect(shows(result, a.projected)).toBe(true);

  // Every quantity of every box has one.
  for (const name of ["attainment", "gap", "required", "reach", "probability", "status"]) {
    const ex = p.quantity(0, name, "base").getByTestId("explain");
    await ex.locator("summary").click();
    await expect(ex.getByTestId("explanation").locator("tbody tr").first()).toBeVisible();
  }
  const gap = p.quantity(0, "gap", "base").getByTestId("explanation");
  await expect(gap).toContainText("Khoảng cách đến mục tiêu");
  await expect(gap).toContainText("G = T − x");
  await expect(gap).toContainText("giá trị mới nhất");
  // The reach date's days are counted from a date the explanation names.
  const reach = p.quantity(0, "reach", "base").getByTestId("explanation");
  await expect(reach.locator("tr", { hasText: "tính từ ngày" }).locator("td.num")).toHaveText(shownDate(a.latest_date));

  // The method's choice and fit.
  const method = page.getByTestId("method-chooser").getByTestId("explain");
  await method.locator("summary").click();
  await expect(method).toContainText("Xu hướng tuyến tính");
  await expect(method).toContainText("số điểm");

  // In English.
  await p.switchLanguage("en");
  const en = p.quantity(0, "gap", "base").getByTestId("explain");
  await en.locator("summary").click();
  await expect(en).toContainText("Gap to the target");
  await expect(en).toContainText("latest value");
});

test("the dashboard's statuses come from the target analytics", async ({ page }) => {
  const d = new Dashboard(page);
  await d.open("#/", Q);
  for (const id of ["ndxp_tx", "dvctt_level4_share", "dossiers_processed_online_share", "dossiers_submitted_online_share"]) {
    await expect(d.row(id).getByTestId("status")).toHaveAttribute("data-status", standings[id]);
  }
  // Seen on the tests' today, NDXP's last deadline (2025) has passed with no
  // figure for the year: a projection of the past.
  expect(standings.ndxp_tx).toBe("stale");
  // Every row shows the model's standing.
  const shownAll = await page
    .locator('[data-testid="indicator-row"]')
    .evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.dataset.id, r.querySelector('[data-testid="status"]')?.dataset.status ?? null])));
  expect(shownAll).toEqual(standings);
  // Filtering by a status finds these rows.
  await d.filterStatus("stale");
  await expect(d.row("ndxp_tx")).toBeVisible();
  const shown = await page.locator('[data-testid="indicator-row"] [data-testid="status"]').evaluateAll((els) => els.map((e) => e.dataset.status));
  expect(new Set(shown)).toEqual(new Set(["stale"]));
  await d.filterStatus("achieved");
  await expect(d.row("dossiers_processed_online_share")).toBeVisible();
  await expect(d.row("ndxp_tx")).toHaveCount(0);
});

test("saved scenarios that cannot be read are kept aside and explained; the rest are used", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx", Q);
  // Stored as the app stored scenarios before rates had a period (version 1).
  const raw = JSON.stringify({
    schema: "dxcast.scenarios",
    version: 1,
    scenarios: [
      { indicator: "ndxp_tx", name: "Tốt", growth: { from: "2023-03-31", rate: 2 } },
      { indicator: "ndxp_tx", name: "Hỏng", growth: { from: "someday", rate: 2 } },
    ],
  });
  await page.evaluate((text) => localStorage.setItem("dxcast.scenarios", text), raw);
  await page.reload();
  const notice = page.getByTestId("scenario-recovery");
  await expect(notice).toContainText("1 kịch bản hỏng đã được tách ra.");
  await expect(notice).toContainText("dxcast.scenarios.backup.");
  await expect(page.getByTestId("saved-scenario")).toHaveCount(1);
  await expect(p.savedScenario("Tốt")).toBeVisible();
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("dxcast.scenarios.backup."))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual([raw]);
  // What was read is saved again in good order, its rate still per month.
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("dxcast.scenarios")));
  expect(stored.version).toBe(2);
  expect(stored.scenarios).toEqual([{ indicator: "ndxp_tx", name: "Tốt", growth: { from: "2023-03-31", rate: 2, per: "month" } }]);
  await p.savedScenario("Tốt").getByTestId("open-scenario").click();
  await expect(p.field("wi-per-month")).toBeChecked();
  await expect(p.field("wi-rate")).toHaveValue("2");
  await expect(page.getByTestId("analytics")).toBeVisible();
});

test("methods that cannot fit a short series are listed with why, and cannot be chosen", async ({ page }) => {
  // A share of a few figures: the growth curves need more than it has.
  const [id, methods] = Object.entries(unfit).find(([, m]) => m.includes("logistic"));
  const p = new IndicatorPage(page);
  await p.open(`#/i/${id}`, Q);
  await expect(page.getByTestId("method-chooser")).toBeVisible();
  await expect(page.getByTestId("method-unfit")).toHaveCount(methods.length);
  for (const m of methods) {
    const item = page.locator(`[data-testid="method-unfit"][data-method="${m}"]`);
    await expect(item.getByTestId("method-unfit-why")).toContainText("không dùng được cho chuỗi này: ");
    await expect(item.locator("input")).toHaveCount(0);
    await expect(page.locator(`[data-testid="method-item"][data-method="${m}"]`)).toHaveCount(0);
  }
  await p.switchLanguage("en");
  await expect(page.getByTestId("method-unfit-why").first()).toContainText("cannot be used on this series: ");
  await p.shots("indicator-unfit", "method-chooser");
});
