// The indicator page: chart with estimates and targets, its table, the
// figures with their sources, exports, and an unknown id. NDXP transactions'
// page shows every figure of its quantity (the four indicators that measure
// it), as the data files list them and the model crate measures them.
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures.mjs";
import { IndicatorPage } from "./pages.mjs";
import { table } from "./data.mjs";
import { ndxp, ndxpCase } from "./expected.mjs";

/** Every figure of NDXP transactions' quantity in the data files. */
const NDXP = table("observations").filter((o) => o.indicator.startsWith("ndxp_tx"));

test("chart, table and sources of NDXP transactions", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx", "?today=2026-11-22");
  await expect(p.title).toHaveText("Số giao dịch qua NDXP");
  await expect(p.chart).toBeVisible();
  await expect(p.points).toHaveCount(NDXP.length);
  await expect(page.locator('[data-testid="chart-point"][data-estimate="true"]')).toHaveCount(
    NDXP.filter((o) => o.status === "estimate").length,
  );
  await expect(page.getByTestId("chart-target")).toHaveCount(3);
  await expect(page.getByTestId("chart-today")).toHaveCount(1);
  // Ticks are written the Vietnamese way, on a scale of yearly totals: a
  // month's and a quarter's totals are annualised.
  await expect(p.chart.locator("text", { hasText: "500 triệu" })).toHaveCount(1);
  await expect(p.chart.locator("text", { hasText: "số lượng — mỗi năm, quy đổi theo năm" })).toHaveCount(1);
  await expect(page.getByTestId("annualised-note")).toBeVisible();
  // The projection: fitted trend, dashed path, band; the legend says so.
  await expect(page.getByTestId("chart-projection")).toHaveCount(1);
  await expect(page.getByTestId("chart-band")).toHaveCount(1);
  await expect(page.getByTestId("legend")).toContainText("Khoảng dự báo 95 %");

  await page.getByTestId("chart-table-toggle").click();
  await expect(p.chartTable.locator("tbody tr")).toHaveCount(NDXP.length);
  await expect(p.chartTable).toContainText("tháng 9/2022");
  await expect(p.chartTable).toContainText("58.397.139");
  // September's total, annualised: 58 397 139 / 30 × 365.
  await expect(p.chartTable).toContainText("710,5 triệu");

  await expect(page.getByTestId("targets-table").locator("tbody tr")).toHaveCount(3);
  await expect(p.observations).toHaveCount(NDXP.length);
  const est = p.observation("r001-ndxp-2022");
  await expect(est.getByTestId("observation-value")).toHaveText("860 triệu");
  await expect(est).toContainText("Ước tính");
  await expect(est.getByTestId("observation-source")).toHaveText("Báo cáo r001, tháng 12/2022");
  await expect(est.getByTestId("observation-quote")).toContainText("860 triệu");
  await expect(p.observation("r004-ndxp-2021").getByTestId("observation-value")).toHaveText("khoảng 180 triệu");
  await p.shots("indicator");
  await p.shots("indicator-projection", "chart");
});

test("exports the chart as SVG and PNG and its data as CSV", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx", "?today=2026-11-22");
  await expect(p.points).toHaveCount(NDXP.length);
  const save = async (testid) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  };
  const svg = await save("export-svg");
  expect(svg.name).toBe("dxcast-ndxp_tx.svg");
  const text = svg.bytes.toString("utf8");
  expect(text).toMatch(/^<\?xml/);
  expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect((text.match(/data-testid="chart-point"/g) ?? []).length).toBe(NDXP.length);
  expect(text).toContain('data-testid="chart-projection"');

  const png = await save("export-png");
  expect(png.name).toBe("dxcast-ndxp_tx.png");
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.length).toBeGreaterThan(5000);

  const csv = await save("export-chart-csv");
  const lines = csv.bytes.toString("utf8").trim().split("\n");
  expect(lines[0]).toBe("series,id,period,date,value,status,stated,report,scenario,lo,hi,annualised,measure,set_aside");
  // Every figure of the quantity, the targets, the fitted trend at the
  // series' dates, and the monthly path from the last point to 31/12/2026.
  const base = ndxpCase("base");
  expect(lines).toHaveLength(1 + NDXP.length + 3 + ndxp.cases.base.points + ndxp.cases.base.base_path.length);
  expect(base).toHaveLength(3);
  expect(lines).toContain("target,t-r001-ndxp-2023,2023,2023-12-31,860000000,>,860 triệu,r001,,,,false,,");
  // Each figure says how it was measured and whether the series keeps it.
  for (const point of ndxp.series) {
    const row = lines.find((l) => l.startsWith(`observation,${point.id},`)).split(",");
    expect(row.slice(-2)).toEqual([point.measure, point.aside ?? ""]);
  }
  const last = lines.at(-1).split(",");
  expect(last.slice(0, 4)).toEqual(["projection", "", "", "2026-12-31"]);
  expect(last.slice(8, 12)).toEqual(["base", last[9], last[10], "true"]);
  expect(Number(last[9])).toBeLessThan(Number(last[4]));
  expect(Number(last[4])).toBeLessThan(Number(last[10]));
});

test("an unknown indicator shows a message and a way back", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/nope");
  await expect(page.getByTestId("page-error")).toContainText("Không có chỉ tiêu mã «nope».");
  await page.getByTestId("error-back").click();
  await expect(page.getByTestId("dashboard")).toBeVisible();
  await p.open("#/somewhere");
  await expect(page.getByTestId("page-error")).toBeVisible();
});
