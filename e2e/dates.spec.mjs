// Dates are shown and typed in the app's language, not the browser's:
// Vietnamese day first as the reports write them ("30/6/2028"), English
// ISO ("2028-06-30"), which reads the same to those who put the month first
// and those who put the day first. A date that does not read is named, with
// its field, in the language's words. Links and storage keep ISO.
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures.mjs";
import { TODAY, typedDate } from "./expected.mjs";
import { DataPage, IndicatorPage, ReportPage } from "./pages.mjs";

const Q = `?today=${TODAY}`;

test("a what-if horizon typed in Vietnamese, then in English; the link keeps ISO", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx", Q);
  await expect(page.getByTestId("analytics")).toBeVisible();
  const horizon = p.field("wi-horizon");
  const error = page.getByTestId("wi-horizon-error");
  await expect(horizon).toHaveAttribute("type", "text");
  await expect(horizon).toHaveAttribute("placeholder", "ngày/tháng/năm");

  // The browser's own form, or the English one, does not read in Vietnamese.
  await horizon.fill("06/30/2028");
  await expect(error).toHaveText("Dự báo đến ngày: lịch không có ngày này");
  await expect(horizon).toHaveAttribute("aria-invalid", "true");
  await horizon.fill("2028/06/30");
  await expect(error).toHaveText("Dự báo đến ngày: cần một ngày dạng ngày/tháng/năm, như 31/12/2024");
  await p.shots("dates-whatif-error-vi", "wi-horizon");
  await horizon.fill("30/6/2028");
  await expect(error).toHaveText("");
  await expect(horizon).toHaveAttribute("aria-invalid", "false");
  await expect(page).toHaveURL(/[?&]h=2028-06-30/);
  // The projection's end, as the chart's CSV gives it.
  const last = (await p.chartCsv()).filter((r) => r.series === "projection").at(-1);
  expect(last.date).toBe("2028-06-30");
  await p.field("wi-shock").fill("-10");
  await p.shots("dates-whatif-vi", "whatif");

  // In English the same dates are written the English way.
  await p.switchLanguage("en");
  await expect(horizon).toHaveValue("2028-06-30");
  await expect(p.field("wi-from")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expect(horizon).toHaveAttribute("placeholder", "YYYY-MM-DD");
  await horizon.fill("6/30/2028");
  await expect(error).toHaveText("Project until: expected a date as YYYY-MM-DD, such as 2024-12-31");
  await p.shots("dates-whatif-error-en", "wi-horizon");
  await horizon.fill("2028-02-30");
  await expect(error).toHaveText("Project until: the calendar has no such day");
  await horizon.fill("2029-03-31");
  await expect(error).toHaveText("");
  await expect(page).toHaveURL(/[?&]h=2029-03-31/);
  await p.shots("dates-whatif-en", "whatif");
  // Back in Vietnamese.
  await p.switchLanguage("vi");
  await expect(horizon).toHaveValue("31/3/2029");
});

for (const lang of ["vi", "en"]) {
  test(`an indicator's date and bounds typed in ${lang === "vi" ? "Vietnamese" : "English"} are kept in ISO and with a decimal point`, async ({ page }) => {
    const d = new DataPage(page);
    await d.open("#/data", Q);
    if (lang === "en") await d.switchLanguage("en");
    const since = page.getByTestId("ind-since");
    const max = page.getByTestId("ind-max");
    const typedMax = (l) => (l === "vi" ? "1.234,5" : "1,234.5");
    const shownMax = (l) => (l === "vi" ? "1234,5" : "1234.5");
    await page.getByTestId("ind-id").fill("u_launch");
    await page.getByTestId("ind-name_vi").fill("Giao dịch từ khi khai trương");
    await page.getByTestId("ind-name_en").fill("Transactions since launch");
    await page.getByTestId("ind-unit").selectOption("count");
    await page.getByTestId("ind-kind").selectOption("cumulative");
    await page.getByTestId("ind-pillar").selectOption("economy");
    // The other language's form does not read.
    await since.fill(lang === "vi" ? "2022-13-05" : "5/3/2022");
    await page.getByTestId("ind-save").click();
    await expect(page.getByTestId("ind-since-error")).toHaveText(
      lang === "vi" ? "Ngày bắt đầu tính luỹ kế: lịch không có ngày này" : "Running total counted since: expected a date as YYYY-MM-DD, such as 2024-12-31",
    );
    await d.shots(`dates-data-${lang}`, "ind-since");
    await since.fill(typedDate("2022-03-05", lang));
    await page.getByTestId("ind-min").fill("0");
    await max.fill(typedMax(lang));
    // A change of language rewrites the typed date and numbers in the
    // other's forms.
    const other = lang === "vi" ? "en" : "vi";
    await d.switchLanguage(other);
    await expect(since).toHaveValue(typedDate("2022-03-05", other));
    await expect(max).toHaveValue(shownMax(other));
    await d.switchLanguage(lang);
    await expect(since).toHaveValue(typedDate("2022-03-05", lang));
    await expect(max).toHaveValue(shownMax(lang));
    await page.getByTestId("ind-save").click();
    await expect(page.getByTestId("ind-since-error")).toHaveText("");
    await expect(page.locator('[data-testid="user-row"][data-id="u_launch"]')).toHaveCount(1);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-indicators").click()]);
    const line = readFileSync(await download.path(), "utf8")
      .split("\n")
      .find((l) => l.startsWith("u_launch,"));
    expect(line).toContain(",economy,0,1234.5,2022-03-05,");
  });
}

test("a report's date typed in either language is stored in ISO and shown in the language", async ({ page }) => {
  const r = new ReportPage(page);
  await r.open("#/report", Q);
  const date = page.getByTestId("report-date");
  const error = page.getByTestId("report-date-error");
  const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem("dxcast.report") ?? "{}").date);
  await date.fill("31-5-2024");
  await expect(error).toHaveText("Ngày báo cáo («đến nay» là ngày này): cần một ngày dạng ngày/tháng/năm, như 31/12/2024");
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await date.fill("31/5/2024");
  await expect(error).toHaveText("");
  await expect.poll(stored).toBe("2024-05-31");
  // The id the figures get follows the date.
  await expect(page.getByTestId("report-id")).toHaveAttribute("placeholder", "u20240531");
  await r.switchLanguage("en");
  await expect(date).toHaveValue("2024-05-31");
  await date.fill("2024-06-15");
  await expect.poll(stored).toBe("2024-06-15");
  await page.reload();
  await expect(date).toHaveValue("2024-06-15");
  await r.switchLanguage("vi");
  await expect(date).toHaveValue("15/6/2024");
});

// Numbers follow the language as dates do: "12,5" typed in Vietnamese is
// 12.5, and a change of language writes it "12.5", never reads it as 125.
test("what-if numbers typed in Vietnamese keep their value in English", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open("#/i/ndxp_tx", Q);
  await expect(page.getByTestId("analytics")).toBeVisible();
  const rate = p.field("wi-rate");
  const shock = p.field("wi-shock");
  await rate.fill("12,5");
  await shock.fill("-3,25");
  await expect(page).toHaveURL(/[?&]g=12\.5@/);
  await expect(page).toHaveURL(/[?&]k=-3\.25@/);
  const before = (await p.chartCsv()).filter((r) => r.series === "projection");
  const link = page.url();

  await p.switchLanguage("en");
  await expect(rate).toHaveValue("12.5");
  await expect(shock).toHaveValue("-3.25");
  await expect(page.getByTestId("wi-rate-error")).toHaveText("");
  await expect(page).toHaveURL(link);
  const after = (await p.chartCsv()).filter((r) => r.series === "projection");
  expect(after.map((r) => [r.date, r.value])).toEqual(before.map((r) => [r.date, r.value]));
  await p.shots("numbers-whatif-en", "whatif");

  await p.switchLanguage("vi");
  await expect(rate).toHaveValue("12,5");
  await expect(shock).toHaveValue("-3,25");
});
