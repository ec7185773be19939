// Hostile input: markup where text belongs, impossible figures, and what-if
// input faster than the chart repaints.
import { expect, test } from "./fixtures.mjs";
import { DataPage, IndicatorPage } from "./pages.mjs";

const INDICATOR_HEADER = "id,name_vi,name_en,unit,kind,pillar,min,max,since,note,quantity";
const OBSERVATION_HEADER = "id,indicator,period,status,qualifier,value,stated,denominator,report,quote,note,definition";

// Each payload would set window.__pwned if it ran.
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = "<script>window.__pwned=2</script>";

test("markup in names, quotes, notes and links is shown as text and runs nothing", async ({ page }) => {
  const d = new DataPage(page);
  await d.open("#/data");
  await d.importText(
    [INDICATOR_HEADER, `u_x,"${IMG.replaceAll('"', '""')} Tên",${SCRIPT} Name,count,stock,government,0,,,"<b onmouseover=""window.__pwned=3"">note</b>",`].join("\n"),
  );
  await expect(d.notice).toContainText("1");
  await d.importText(
    [
      OBSERVATION_HEADER,
      `u-x-1,u_x,2023-06-30,observed,exact,5,5,,mine,"${IMG.replaceAll('"', '""')} năm",${SCRIPT},`,
      "u-x-2,u_x,2024-06-30,observed,exact,7,7,,mine,,,",
    ].join("\n"),
  );
  await expect(d.userRows).toHaveCount(3);

  const ind = new IndicatorPage(page);
  await ind.open("#/i/u_x");
  await expect(ind.title).toContainText(`${IMG} Tên`);
  await expect(ind.observation("u-x-1").getByTestId("observation-quote")).toHaveText(`${IMG} năm`);
  await expect(ind.observation("u-x-1")).toContainText(SCRIPT);
  // A link's scenario name is text too.
  await ind.open(`#/i/u_x?n=${encodeURIComponent(IMG)}`);
  await expect(ind.field("wi-name")).toHaveValue(IMG);
  await ind.switchLanguage("en");
  await expect(ind.title).toContainText(`${SCRIPT} Name`);
  // Nothing ran, and no element came from the payloads.
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator("b[onmouseover]").count()).toBe(0);
  await ind.shots("hostile-markup");
});

test("an impossible date, a negative count and a share above 100 % are refused by line and field", async ({ page }) => {
  const d = new DataPage(page);
  await d.open("#/data");
  await d.importText(
    [
      OBSERVATION_HEADER,
      "u-a,cdt_teams,2023-02-30,observed,exact,5,5,,mine,,,",
      "u-b,cdt_teams,2024-06-30,observed,exact,-5,5,,mine,,,",
      "u-c,dvctt_full_process_share,2024-06-30,observed,exact,150,150%,,mine,,,",
      "u-d,cdt_teams,2024-06-30,observed,exact,80000,80.000,,mine,,,",
    ].join("\n"),
  );
  const errors = d.importErrors;
  await expect(errors).toContainText("Dòng 2, cột «period»");
  await expect(errors).toContainText("Dòng 3, cột «value»");
  await expect(errors).toContainText("Dòng 4, cột «value»");
  await expect(errors).not.toContainText("Dòng 5");
  // Nothing was imported, and nothing saved before is lost.
  await expect(d.userRows).toHaveCount(0);
  await d.skipBadLines();
  await expect(d.userRows).toHaveCount(1);
  await page.reload();
  await expect(new DataPage(page).userRows).toHaveCount(1);
});

test("what-if input typed faster than the chart repaints leaves the chart of the last value", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx");
  // The chart for 7 % a year, drawn from a quiet page.
  await p.setRate("7");
  await expect(p.chart.getByTestId("chart-whatif")).toHaveCount(1);
  const settled = await p.chart.getByTestId("chart-whatif").getAttribute("d");
  await p.setRate("");
  // Many values without waiting, ending on 7.
  const rate = p.field("wi-rate");
  for (const v of ["1", "90", "-40", "3", "250", "0", "12", "7"]) {
    await rate.fill(v, { noWaitAfter: true });
  }
  await expect(rate).toHaveValue("7");
  await expect(p.chart.getByTestId("chart-whatif")).toHaveAttribute("d", settled);
});
