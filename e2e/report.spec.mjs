// Adding a report: the text pasted, every figure highlighted and listed
// with a suggested indicator, kind and qualifier; three confirmed, found on
// their indicators' charts; the derived figures checked at once; the draft
// and the confirmations kept through a reload, offline too. The expected
// suggestions and checks are the model crate's (app/examples/e2e_expected.rs).
// e2e/report-sample.txt is written in the reports' wording for a month no
// report of data/reports covers (May 2024), so that every figure is new.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { controlled, expect, test } from "./fixtures.mjs";
import { IndicatorPage, ReportPage } from "./pages.mjs";
import { TODAY, reportCase, typedDate } from "./expected.mjs";

const TEXT = readFileSync("e2e/report-sample.txt", "utf8");
const Q = `?today=${TODAY}`;

test("a pasted report's figures are suggested, corrected, confirmed and kept offline", async ({ page, context }) => {
  const r = new ReportPage(page);
  await r.open("#/", Q);
  await r.nav("report");
  await expect(page.getByTestId("report-page")).toBeVisible();
  await expect(page.getByTestId("nav-report")).toHaveAttribute("aria-current", "page");
  await r.paste(TEXT, typedDate(reportCase.date));

  // Every figure highlighted in the text and listed beside it.
  const figures = reportCase.figures;
  await expect(page.getByTestId("report-mark")).toHaveCount(figures.length);
  await expect(r.figures).toHaveCount(figures.length);
  for (const f of figures) {
    await expect(r.mark(f.index)).toContainText(f.text);
    const item = r.figure(f.index);
    await expect(item.getByTestId("report-figure-text")).toHaveText(f.text);
    await expect(item).toHaveAttribute("data-suggested", f.suggested);
    await expect(item.getByTestId("report-indicator")).toHaveValue(f.suggested);
    await expect(item.getByTestId("report-kind")).toHaveValue(f.kind);
    await expect(item.getByTestId("report-qualifier")).toHaveValue(f.qualifier);
    await expect(item.getByTestId("report-period")).toHaveValue(f.period);
  }
  // A figure no indicator measures is offered as a new indicator.
  const fresh = figures.find((f) => f.suggested === "");
  await expect(r.figure(fresh.index).getByTestId("report-new-indicator")).toBeVisible();

  // The derived figures are checked at once, as on the claims page.
  const checks = page.getByTestId("report-check");
  await expect(checks).toHaveCount(reportCase.checks.length);
  for (const c of reportCase.checks) {
    await expect(page.locator(`[data-testid="report-check"][data-figure="${c.figure}"]`)).toHaveAttribute("data-verdict", c.verdict);
  }
  await r.shots("report", "report-page");
  // The filled page, every explanation open, has nothing for axe to find.
  await page.locator("details").evaluateAll((els) => els.forEach((e) => (e.open = true)));
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

  // Three figures confirmed: the two NDXP figures as suggested, the share
  // after the analyst corrects its kind to an estimate and back.
  const confirmed = figures.filter((f) => f.row && f.kind === "observed").slice(0, 3);
  expect(confirmed).toHaveLength(3);
  const share = confirmed[2];
  await r.figure(share.index).getByTestId("report-kind").selectOption("estimate");
  await expect(r.figure(share.index).getByTestId("report-kind")).toHaveValue("estimate");
  await r.figure(share.index).getByTestId("report-kind").selectOption("observed");
  for (const f of confirmed) {
    await r.figure(f.index).getByTestId("report-confirm").click();
    await expect(r.figure(f.index)).toHaveAttribute("data-state", "confirmed");
    await expect(r.figure(f.index).getByTestId("report-confirmed")).toContainText(f.row);
    await expect(r.mark(f.index)).toHaveAttribute("data-state", "confirmed");
  }
  await expect(page.getByTestId("report-count")).toHaveText(`${figures.length} con số, 3 đã xác nhận`);
  // Half done: the target's qualifier changed, not yet confirmed.
  const target = figures.find((f) => f.kind === "target");
  await r.figure(target.index).getByTestId("report-qualifier").selectOption("at_least");
  await r.shots("report-confirmed", "report-figures");

  // Each confirmed figure is on its indicator's chart, with its quote and source.
  for (const f of confirmed) {
    await r.figure(f.index).getByTestId("report-see-chart").click();
    const p = new IndicatorPage(page);
    await expect(p.chart).toBeVisible();
    await expect(page.locator(`[data-testid="chart-point"][data-id="${f.row}"]`)).toHaveCount(1);
    await expect(p.observation(f.row).getByTestId("observation-quote")).toContainText(f.text);
    await expect(p.observation(f.row).getByTestId("observation-source")).toContainText(reportCase.report);
    await page.goBack();
    await expect(page.getByTestId("report-page")).toBeVisible();
  }

  // Offline, after a reload: the text, the date, the confirmations and the
  // half-done change are all still there, and so are the figures on the chart.
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("report-page")).toBeVisible();
  await expect(r.input).toHaveValue(TEXT);
  await expect(page.getByTestId("report-date")).toHaveValue(typedDate(reportCase.date));
  for (const f of confirmed) await expect(r.figure(f.index)).toHaveAttribute("data-state", "confirmed");
  await expect(r.figure(target.index).getByTestId("report-qualifier")).toHaveValue("at_least");
  await page.goto(`./${Q}#/i/${confirmed[0].indicator}`);
  await expect(page.locator(`[data-testid="chart-point"][data-id="${confirmed[0].row}"]`)).toHaveCount(1);
  await expect(page.locator(`[data-testid="chart-point"][data-id="${confirmed[1].row}"]`)).toHaveCount(
    confirmed[1].indicator.startsWith("ndxp_tx") ? 1 : 0,
  );
  await context.setOffline(false);
});

test("the report page in English, and a figure that needs a new indicator", async ({ page }) => {
  const r = new ReportPage(page);
  await r.open("#/report", Q);
  await r.switchLanguage("en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a report");
  await r.paste(TEXT, typedDate(reportCase.date, "en"));
  await expect(r.figures).toHaveCount(reportCase.figures.length);
  await r.shots("report-en", "report-page");
  const fresh = reportCase.figures.find((f) => f.suggested === "");
  const item = r.figure(fresh.index);
  // Confirming without an English name says what is missing.
  await item.getByTestId("report-confirm").click();
  await expect(item.getByTestId("report-errors")).toBeVisible();
  await item.getByTestId("report-new-id").fill("u_ndxp_growth");
  await item.getByTestId("report-new-name-en").fill("Month-on-month growth of NDXP transactions");
  await item.getByTestId("report-confirm").click();
  await expect(item).toHaveAttribute("data-state", "confirmed");
  await item.getByTestId("report-see-chart").click();
  await expect(page.getByTestId("indicator-title")).toHaveText("Month-on-month growth of NDXP transactions");
});
