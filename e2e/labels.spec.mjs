// The chart's target labels never overlap and stay inside the chart, on a
// phone (390 × 844) in both languages, on every indicator the reports give
// several targets (data/targets.csv), on the page and in the exported SVG.
// web/src/chart.rs checks the same geometry natively
// (`target_labels_never_overlap_and_stay_inside`); here the browser's own
// text boxes are measured, with its fonts.
import { readFileSync } from "node:fs";
import { PHONE, expect, test } from "./fixtures.mjs";
import { table } from "./data.mjs";
import { IndicatorPage } from "./pages.mjs";

const Q = "?today=2026-11-22";

/** The indicators with two targets or more, and how many each has. */
const SEVERAL = Object.entries(
  table("targets").reduce((n, t) => ({ ...n, [t.indicator]: (n[t.indicator] ?? 0) + 1 }), {}),
).filter(([, n]) => n >= 2);

/** `a` and `b` ({ x, y, width, height }) share some area. */
const intersect = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** `inner` lies within `outer`, to half a pixel. */
const inside = (inner, outer) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

/** The labels' boxes and the svg's box, in `root` (a page or a frame). */
async function boxes(svg) {
  return svg.evaluate((s) => {
    const r = (e) => {
      const b = e.getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height, text: e.textContent };
    };
    return { svg: r(s), labels: [...s.querySelectorAll('[data-testid="chart-target-label"]')].map(r) };
  });
}

/** Fails, naming the labels, when two overlap or one leaves the svg. */
function expectApart({ svg, labels }, where) {
  for (const [i, a] of labels.entries()) {
    expect(a.width * a.height, `${where}: “${a.text}” is drawn`).toBeGreaterThan(0);
    expect(inside(a, svg), `${where}: “${a.text}” ${JSON.stringify(a)} inside the svg ${JSON.stringify(svg)}`).toBe(true);
    for (const b of labels.slice(i + 1)) {
      expect(intersect(a, b), `${where}: “${a.text}” ${JSON.stringify(a)} and “${b.text}” ${JSON.stringify(b)} overlap`).toBe(false);
    }
  }
}

test("the indicators with several targets are found in the data", () => {
  expect(Object.fromEntries(SEVERAL).ndxp_tx).toBe(3);
  expect(SEVERAL.length).toBeGreaterThan(1);
});

for (const lang of ["vi", "en"]) {
  test(`target labels at 390 px, apart and inside the chart, in ${lang}, on the page and in the SVG export`, async ({ page, browser }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(PHONE);
    const p = new IndicatorPage(page);
    await p.open("#/", Q);
    if (lang === "en") await p.switchLanguage("en");
    for (const [id, count] of SEVERAL) {
      await p.open(`#/i/${id}`, Q);
      await expect(p.chart).toBeVisible();
      await expect(page.getByTestId("chart-target")).toHaveCount(count);
      const shown = await boxes(p.chart);
      // NDXP transactions' three targets have two labels: the two for 2023
      // (> and ≥ 860 million, reports r001 and r003) share one.
      expect(shown.labels.length, `${id}: labels`).toBeGreaterThanOrEqual(id === "ndxp_tx" ? 2 : 1);
      expect(shown.svg.width).toBeLessThanOrEqual(PHONE.width);
      expectApart(shown, `${id} (${lang}) on the page`);
      if (id === "ndxp_tx") await p.shots(`labels-${id}-${lang}`, "chart");

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-svg").click()]);
      const svg = readFileSync(await download.path(), "utf8");
      const context = await browser.newContext({ viewport: { width: 1200, height: 675 } });
      const viewer = await context.newPage();
      await viewer.setContent(`<!DOCTYPE html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>\s*/, "")}</body>`);
      const exported = await boxes(viewer.locator("#export-chart"));
      expect(exported.labels.map((l) => l.text), `${id}: the export's labels`).toEqual(shown.labels.map((l) => l.text));
      expectApart(exported, `${id} (${lang}) in the SVG export`);
      await context.close();
    }
  });
}
