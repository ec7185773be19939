// The indicator page: chart with estimates and targets, its table, the
// figures with their sources, exports, and an unknown id.
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures.mjs";
import { IndicatorPage } from "./pages.mjs";

test("chart, table and sources of NDXP transactions", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx", "?today=2026-11-22");
  await expect(p.title).toHaveText("Số giao dịch qua NDXP");
  await expect(p.chart).toBeVisible();
  await expect(p.points).toHaveCount(5);
  await expect(page.locator('[data-testid="chart-point"][data-estimate="true"]')).toHaveCount(2);
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
  await expect(p.chartTable.locator("tbody tr")).toHaveCount(5);
  await expect(p.chartTable).toContainText("tháng 9/2022");
  await expect(p.chartTable).toContainText("58.397.139");
  // September's total, annualised: 58 397 139 / 30 × 365.
  await expect(p.chartTable).toContainText("710,5 triệu");

  await expect(page.getByTestId("targets-table").locator("tbody tr")).toHaveCount(3);
  await expect(p.observations).toHaveCount(5);
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
  await expect(p.points).toHaveCount(5);
  const save = async (testid) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  };
  const svg = await save("export-svg");
  expect(svg.name).toBe("dxcast-ndxp_tx.svg");
  const text = svg.bytes.toString("utf8");
  expect(text).toMatch(/^<\?xml/);
  expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect((text.match(/data-testid="chart-point"/g) ?? []).length).toBe(5);
  expect(text).toContain('data-testid="chart-projection"');

  const png = await save("export-png");
  expect(png.name).toBe("dxcast-ndxp_tx.png");
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.length).toBeGreaterThan(5000);

  const csv = await save("export-chart-csv");
  const lines = csv.bytes.toString("utf8").trim().split("\n");
  expect(lines[0]).toBe("series,id,period,date,value,status,stated,report,scenario,lo,hi,annualised");
  // Figures, targets, the fitted trend at the 4 dates of the series, and the
  // monthly path from 14/2/2023 to 31/12/2026.
  expect(lines).toHaveLength(1 + 5 + 3 + 4 + 47);
  expect(lines).toContain("target,t-r001-ndxp-2023,2023,2023-12-31,860000000,>,860 triệu,r001,,,,false");
  const last = lines.at(-1).split(",");
  expect(last.slice(0, 4)).toEqual(["projection", "", "", "2026-12-31"]);
  expect(last.slice(8)).toEqual(["base", last[9], last[10], "true"]);
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
