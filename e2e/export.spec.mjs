// The chart's picture exports: a 1200 × 675 frame whatever the screen, with
// the indicator's name, a subtitle, the legend, the chart, the source line
// (the reports and the quoted rows, from the data files) and the scenario
// with the view's date. Each export is opened: the SVG's text is read and
// drawn in the browser, the PNG's header gives its size.
import { readFileSync, writeFileSync } from "node:fs";
import { DESKTOP, PHONE, SHOTS, expect, test } from "./fixtures.mjs";
import { table } from "./data.mjs";
import { IndicatorPage } from "./pages.mjs";

const ID = "ndxp_tx";
const TODAY = "?today=2026-11-22";
const indicator = table("indicators").find((r) => r.id === ID);
const rows = [...table("observations"), ...table("targets")].filter((r) => r.indicator === ID);
const reports = [...new Set(rows.map((r) => r.report))].sort();
const quoted = rows.filter((r) => r.quote !== "").map((r) => r.id);
// Every figure of the quantity NDXP transactions measure, as the chart draws them.
const FIGURES = table("observations").filter((o) => o.indicator.startsWith("ndxp_tx")).length;

/** The texts of the SVG's `<text class="cls">` elements, unescaped. */
function texts(svg, cls) {
  const re = new RegExp(`<text[^>]*class="${cls}"[^>]*>([^<]*)</text>`, "g");
  return [...svg.matchAll(re)].map((m) =>
    m[1].replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&apos;", "'").replaceAll("&amp;", "&"),
  );
}

/** The texts of the legend group. */
function legend(svg) {
  const group = svg.match(/<g class="export-legend">([\s\S]*?)<\/g>/)?.[1] ?? "";
  return [...group.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function save(page, testid) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** Draws the SVG in a page of its own (outside the app) and keeps a screenshot. */
async function look(browser, svg, name) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 675 } });
  const viewer = await context.newPage();
  await viewer.setContent(`<!DOCTYPE html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>\s*/, "")}</body>`);
  const box = await viewer.locator("body > svg").boundingBox();
  await viewer.screenshot({ path: `${SHOTS}/${name}-svg.png` });
  await context.close();
  return box;
}

/** The chart's own `<svg>` inside the picture: its width and height. */
function innerChart(svg) {
  const m = svg.match(/<svg[^>]*id="export-chart"[^>]*>/)?.[0] ?? "";
  return { width: Number(m.match(/ width="([\d.]+)"/)?.[1]), height: Number(m.match(/ height="([\d.]+)"/)?.[1]) };
}

test("the chart's SVG and PNG carry title, subtitle, legend, source and scenario at 1200 × 675", async ({ page, browser }) => {
  await page.setViewportSize(DESKTOP);
  const p = new IndicatorPage(page);
  await p.open(`#/i/${ID}`, TODAY);
  await expect(p.points).toHaveCount(FIGURES);
  await expect(page.getByTestId("chart-projection")).toHaveCount(1);

  const file = await save(page, "export-svg");
  expect(file.name).toBe(`dxcast-${ID}.svg`);
  const svg = file.bytes.toString("utf8");
  writeFileSync(`${SHOTS}/export-vi.svg`, svg);
  expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="675" viewBox="0 0 1200 675"/);
  expect(texts(svg, "export-title").join(" ")).toBe(indicator.name_vi);
  const subtitle = texts(svg, "export-subtitle").join(" ");
  expect(subtitle).toContain(ID);
  expect(subtitle).toContain("mỗi năm, quy đổi theo năm");
  expect(legend(svg)).toEqual(["Thực tế", "Ước tính", "Xu hướng khớp", "Dự báo", "Khoảng dự báo 95 %", "Mục tiêu", "Hôm nay"]);
  const source = texts(svg, "export-source").join(" ");
  expect(source).toMatch(/^Nguồn: báo cáo /);
  for (const id of [...reports, ...quoted]) expect(source).toContain(id);
  expect(texts(svg, "export-scenario")).toEqual(["Kịch bản: dự báo cơ sở · ngày 22/11/2026"]);
  // The chart itself, as on the page: its figures, targets and projection.
  expect((svg.match(/data-testid="chart-point"/g) ?? []).length).toBe(FIGURES);
  expect((svg.match(/data-testid="chart-target"/g) ?? []).length).toBe(3);
  expect(svg).toContain('data-testid="chart-band"');
  const drawn = await look(browser, svg, "export-vi");
  expect(drawn).toEqual({ x: 0, y: 0, width: 1200, height: 675 });

  const png = await save(page, "export-png");
  expect(png.name).toBe(`dxcast-${ID}.png`);
  writeFileSync(`${SHOTS}/export-vi.png`, png.bytes);
  expect(pngSize(png.bytes)).toEqual({ width: 1200, height: 675 });
});

test("on a phone, in English, with a named what-if, the exports keep their size and say the scenario", async ({ page, browser }) => {
  await page.setViewportSize(DESKTOP);
  const p = new IndicatorPage(page);
  await p.open(`#/i/${ID}`, TODAY);
  await p.switchLanguage("en");
  await expect(p.points).toHaveCount(FIGURES);
  const wide = innerChart((await save(page, "export-svg")).bytes.toString("utf8"));

  await page.setViewportSize(PHONE);
  await p.open(`#/i/${ID}?g=3@2023-04-01&n=Fast%20growth`, TODAY);
  await expect(page.getByTestId("chart-whatif")).toHaveCount(1);
  const svg = (await save(page, "export-svg")).bytes.toString("utf8");
  writeFileSync(`${SHOTS}/export-en.svg`, svg);
  expect(svg).toContain('width="1200" height="675" viewBox="0 0 1200 675"');
  // The chart is laid out for the picture, not for the screen.
  expect(innerChart(svg)).toEqual(wide);
  expect(wide.width).toBeGreaterThan(800);
  expect(texts(svg, "export-title").join(" ")).toBe(indicator.name_en);
  expect(legend(svg)).toContain("What-if scenario");
  expect(legend(svg)).toContain("Observed");
  expect(legend(svg)).toContain("Target");
  const source = texts(svg, "export-source").join(" ");
  expect(source).toMatch(/^Source: reports /);
  for (const id of [...reports, ...quoted]) expect(source).toContain(id);
  expect(texts(svg, "export-scenario")).toEqual(["Scenario: Fast growth · as of 22 Nov 2026"]);
  expect(svg).toContain('data-testid="chart-whatif"');
  await look(browser, svg, "export-en");

  const png = await save(page, "export-png");
  writeFileSync(`${SHOTS}/export-en.png`, png.bytes);
  expect(pngSize(png.bytes)).toEqual({ width: 1200, height: 675 });
});
