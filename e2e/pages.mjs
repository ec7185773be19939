// Page objects: what a user sees and does on each page, by data-testid.
import { expect } from "@playwright/test";
import { SHOTS } from "./fixtures.mjs";

export class App {
  constructor(page) {
    this.page = page;
  }

  /// Opens a route ("#/claims") and waits for the app to render it.
  async open(route = "#/", query = "") {
    await this.page.goto(`./${query}${route}`);
    await expect(this.page.locator("main#main")).toBeVisible();
  }

  /// Follows a link in the header.
  async nav(name) {
    await this.page.getByTestId(`nav-${name}`).click();
  }

  async switchLanguage(code) {
    await this.page.getByTestId(`lang-${code}`).click();
    await expect(this.page.locator("html")).toHaveAttribute("lang", code);
  }

  /// Screenshots at desktop (1280×800) and phone (390×844) width: the
  /// first screen (or the screen that starts at the element with test id
  /// `at`), and the whole page.
  async shots(name, at = null) {
    const before = this.page.viewportSize();
    for (const [suffix, size] of [
      ["desktop", { width: 1280, height: 800 }],
      ["phone", { width: 390, height: 844 }],
    ]) {
      await this.page.setViewportSize(size);
      if (at) await this.page.getByTestId(at).first().evaluate((e) => e.scrollIntoView({ block: "start" }));
      else await this.page.evaluate(() => window.scrollTo(0, 0));
      await this.page.waitForTimeout(200);
      await this.page.screenshot({ path: `${SHOTS}/${name}-${suffix}.png` });
      await this.page.screenshot({ path: `${SHOTS}/${name}-${suffix}-full.png`, fullPage: true });
    }
    if (before) await this.page.setViewportSize(before);
  }
}

export class Dashboard extends App {
  get pillars() {
    return this.page.getByTestId("pillar");
  }

  get rows() {
    return this.page.getByTestId("indicator-row");
  }

  row(id) {
    return this.page.locator(`[data-testid="indicator-row"][data-id="${id}"]`);
  }

  async search(text) {
    await this.page.getByTestId("search").fill(text);
  }

  async filterPillar(code) {
    await this.page.getByTestId("filter-pillar").selectOption(code);
  }

  async filterStatus(code) {
    await this.page.getByTestId("filter-status").selectOption(code);
  }

  get count() {
    return this.page.getByTestId("shown-count");
  }
}

export class IndicatorPage extends App {
  get title() {
    return this.page.getByTestId("indicator-title");
  }

  get chart() {
    return this.page.getByTestId("chart");
  }

  get points() {
    return this.page.getByTestId("chart-point");
  }

  get chartTable() {
    return this.page.getByTestId("chart-table");
  }

  get observations() {
    return this.page.getByTestId("observation-row");
  }

  observation(id) {
    return this.page.locator(`[data-testid="observation-row"][data-id="${id}"]`);
  }

  /// The analysis of the target at `index` (staged targets in file order,
  /// then the scenario's own).
  analysis(index) {
    return this.page.locator(`[data-testid="target-analysis"][data-index="${index}"]`);
  }

  /// A quantity's box ("projected", "probability", "status", …) of a
  /// target's analysis, under the base projection or the scenario.
  quantity(index, name, which = "base") {
    return this.analysis(index).getByTestId(`q-${name}`).locator(`[data-which="${which}"]`);
  }

  /// Resolves once the comparison and the analyses under the chart show
  /// the last change (they follow it once the values rest).
  async settled() {
    await this.page.locator('[data-testid="analyses"][aria-busy="false"]').waitFor({ state: "attached" });
  }

  /// The number a quantity shows.
  async number(index, name, which = "base") {
    await this.settled();
    return (await this.quantity(index, name, which).getByTestId("q-number").textContent()).trim();
  }

  /// The status code a quantity box shows (`on_track`, …).
  async status(index, which = "base") {
    await this.settled();
    return this.quantity(index, "status", which).getByTestId("status").getAttribute("data-status");
  }

  field(id) {
    return this.page.getByTestId(id);
  }

  async setRate(text) {
    await this.field("wi-rate").fill(text);
  }

  async saveScenario(name) {
    await this.field("wi-name").fill(name);
    await this.page.getByTestId("save-scenario").click();
  }

  savedScenario(name) {
    return this.page.locator(`[data-testid="saved-scenario"][data-name="${name}"]`);
  }

  comparisonRow(name) {
    return this.page.locator(`[data-testid="comparison-row"][data-name="${name}"]`);
  }

  /// The chart's data as the CSV export gives it: one object per line,
  /// keyed by the header's columns.
  async chartCsv() {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByTestId("export-chart-csv").click()]);
    const { readFileSync } = await import("node:fs");
    const [header, ...lines] = readFileSync(await download.path(), "utf8").trim().split("\n");
    const cols = header.split(",");
    // No field of the projection's rows holds a comma.
    return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [cols[i], v])));
  }

  /// Every number and status the analytics show, in order, for comparing views.
  async analyticsText() {
    await this.settled();
    return this.page.getByTestId("analytics").evaluate((el) =>
      [...el.querySelectorAll('[data-testid="q-number"], [data-testid="q-sub"], [data-testid="status"]')].map(
        (e) => e.dataset.status ?? e.textContent.trim(),
      ),
    );
  }
}

export class ReportPage extends App {
  get input() {
    return this.page.getByTestId("report-input");
  }

  get figures() {
    return this.page.getByTestId("report-figure");
  }

  figure(index) {
    return this.page.locator(`[data-testid="report-figure"][data-index="${index}"]`);
  }

  mark(index) {
    return this.page.locator(`[data-testid="report-mark"][data-index="${index}"]`);
  }

  async paste(text, date) {
    await this.page.getByTestId("report-date").fill(date);
    await this.input.fill(text);
  }
}

export class ClaimsPage extends App {
  get claims() {
    return this.page.getByTestId("claim");
  }

  claim(id) {
    return this.page.locator(`[data-testid="claim"][data-id="${id}"]`);
  }

  async filterVerdict(code) {
    await this.page.getByTestId("filter-verdict").selectOption(code);
  }

  async filterReport(id) {
    await this.page.getByTestId("filter-report").selectOption(id);
  }
}

export class DataPage extends App {
  get notice() {
    return this.page.getByTestId("notice");
  }

  async importText(text) {
    await this.page.getByTestId("import-text").fill(text);
    await this.page.getByTestId("import-check").click();
  }

  get importErrors() {
    return this.page.getByTestId("import-errors");
  }

  async skipBadLines() {
    await this.page.getByTestId("import-skip").click();
  }

  get userRows() {
    return this.page.getByTestId("user-row");
  }

  /// Fills the figure form: { indicator, id, period, status, qualifier, stated, report, quote }.
  async fillObservation(fields) {
    const p = this.page;
    if (fields.indicator) await p.getByTestId("obs-indicator").selectOption(fields.indicator);
    if (fields.id !== undefined) await p.getByTestId("obs-id").fill(fields.id);
    if (fields.period !== undefined) await p.getByTestId("obs-period").fill(fields.period);
    if (fields.status) await p.getByTestId("obs-status").selectOption(fields.status);
    if (fields.qualifier) await p.getByTestId("obs-qualifier").selectOption(fields.qualifier);
    if (fields.stated !== undefined) await p.getByTestId("obs-stated").fill(fields.stated);
    if (fields.report !== undefined) await p.getByTestId("obs-report").fill(fields.report);
    if (fields.quote !== undefined) await p.getByTestId("obs-quote").fill(fields.quote);
  }

  async saveObservation() {
    await this.page.getByTestId("obs-save").click();
  }

  async download(testid) {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByTestId(testid).click()]);
    return download;
  }
}
