// Projections, target analytics, what-if scenarios, saved and compared
// scenarios, and links to a view. Every expected number is computed by the
// app's model crate natively (e2e/expected.mjs, written by
// app/examples/e2e_expected.rs), and compared with what the app writes.
import { controlled, expect, test } from "./fixtures.mjs";
import { IndicatorPage, Dashboard } from "./pages.mjs";
import { TODAY, ndxp, ndxpCase, shows, standings } from "./expected.mjs";

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

test("a what-if growth rate, typed and dragged, moves the projection and the status as the model says", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx", Q);
  await expect(page.getByTestId("analytics")).toBeVisible();
  // The core's recommendation, with its reason in words.
  await expect(page.getByTestId("method-chooser")).toContainText("Đường thẳng");
  await expect(page.getByTestId("method-reason")).toHaveText(
    "Chỉ có 4 số liệu: đường thẳng, cách ngoại suy thận trọng nhất; tăng trưởng hàm mũ là phương án thay thế",
  );
  expect(ndxp.recommended).toBe("linear");

  // Base: the first target (> 860 million in 2023), as the model assesses it.
  const base = ndxpCase("base")[0].base;
  await expectAnalysis(p, 0, "base", base);
  await expect(p.analysis(0).getByTestId("deadline-passed")).toHaveText("Đã qua hạn; dự báo từ số liệu đến 31/3/2023");
  await expect(p.quantity(0, "projected", "scenario")).toHaveCount(0);

  // Growth starts where the figures end.
  await expect(p.field("wi-from")).toHaveValue("2023-03-31");
  await p.setRate("6");
  const typed = ndxpCase("growth 6")[0].scenario;
  await expectAnalysis(p, 0, "scenario", typed);
  expect(typed.standing).not.toBe(base.standing);
  // The base stays as it was; the chart draws the scenario's path.
  await expectAnalysis(p, 0, "base", base);
  await expect(page.getByTestId("chart-whatif")).toHaveCount(1);

  // The slider follows, and moves by keyboard: two steps of 0.1.
  const slider = p.field("wi-rate-slider");
  await expect(slider).toHaveValue("6");
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(p.field("wi-rate")).toHaveValue("6,2");
  const dragged = ndxpCase("growth 6.2")[0].scenario;
  await expectAnalysis(p, 0, "scenario", dragged);
  // Lower it until the status changes back, by keyboard: the app follows every step.
  await page.keyboard.press("Home");
  await expect(p.field("wi-rate")).toHaveValue("-20");
  const low = ndxpCase("growth -20")[0].scenario;
  await expectAnalysis(p, 0, "scenario", low);
  expect(low.standing).toBe("off_track");

  // Another target, and the 2025 target under a shock as well.
  await p.setRate("3,5");
  await p.field("wi-shock").fill("-10");
  await expect(p.field("wi-shock-at")).toHaveValue("2024-01-01");
  const shocked = ndxpCase("growth 3.5, shock -10");
  await expectAnalysis(p, 1, "scenario", shocked[1].scenario);
  await p.field("wi-target").fill("1,5 tỷ");
  await expect(page.getByTestId("chart-whatif-target")).toHaveCount(1);
  await expect(p.analysis(3)).toHaveAttribute("data-origin", "scenario");
  const own = ndxpCase("growth 3.5, shock -10, target")[3];
  expect(own.target).toEqual({ value: 1.5e9, deadline: "2026-12-31", comparison: ">" });
  await expectAnalysis(p, 3, "scenario", own.scenario);
  await expectAnalysis(p, 3, "base", own.base);
  await p.shots("indicator-whatif", "chart");

  // In English, the same numbers written the English way.
  await p.switchLanguage("en");
  await expectAnalysis(p, 1, "scenario", shocked[1].scenario, "en");
});

test("a share link reproduces the view, in a fresh browser and offline", async ({ page, context, browser }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx", Q);
  await expect(page.getByTestId("analytics")).toBeVisible();
  await page.getByTestId("method-option").and(page.locator('[value="log_linear"]')).check();
  await p.setRate("2,5");
  await p.field("wi-shock").fill("-5");
  await p.field("wi-horizon").fill("2028-06-30");
  await p.field("wi-name").fill("Tăng tốc & mở rộng?");
  await p.saveScenario("Tăng tốc & mở rộng?");
  await page.getByTestId("compare-toggle").check();
  await expect(page.getByTestId("chart-compared")).toHaveCount(1);

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByTestId("copy-link").click();
  await expect(page.getByTestId("copy-message")).toHaveText("Đã sao chép liên kết.");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(await p.field("share-link").inputValue());
  expect(link).toContain("#/i/ndxp_tx?m=log_linear&g=2.5@2023-03-31&k=-5@2024-01-01&h=2028-06-30");
  // The address bar follows the view.
  expect(page.url()).toBe(link);

  const numbers = await p.analyticsText();
  const chart = await page.getByTestId("chart").evaluate((svg) => [...svg.querySelectorAll("path")].map((e) => e.getAttribute("d")));
  await expectAnalysis(p, 1, "scenario", ndxpCase("log_linear: growth 2.5, shock -5")[1].scenario);

  // A fresh browser: no stored data, no service worker.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.setViewportSize(page.viewportSize());
  await other.goto(link);
  const q = new IndicatorPage(other);
  await expect(other.getByTestId("analytics")).toBeVisible();
  await expect(other.locator('[data-testid="method-option"][value="log_linear"]')).toBeChecked();
  await expect(q.field("wi-rate")).toHaveValue("2,5");
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

test("a link with bad parameters says so and shows the defaults, never a blank page", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx?m=arima&g=fast@2023-01-01&h=soon&zz=1", Q);
  const problems = page.getByTestId("link-problems");
  await expect(problems).toBeVisible();
  await expect(problems).toContainText("«m=arima»: cần mã phương pháp");
  await expect(problems).toContainText("«g=fast@2023-01-01»: cần tốc độ@ngày, như 2.5@2023-04-01");
  await expect(problems).toContainText("«h=soon»: cần một ngày dạng YYYY-MM-DD");
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
  await p.setRate("1");
  await p.saveScenario("Chậm");
  await expect(page.getByTestId("scenario-message")).toHaveText("Đã lưu kịch bản «Chậm».");
  await p.setRate("4");
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
  await expect(p.field("wi-rate")).toHaveValue("4");
  await expect(p.field("wi-shock")).toHaveValue("-8");
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
  // What was read is saved again in good order.
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("dxcast.scenarios")));
  expect(stored.scenarios.map((s) => s.name)).toEqual(["Tốt"]);
  await expect(page.getByTestId("analytics")).toBeVisible();
});
