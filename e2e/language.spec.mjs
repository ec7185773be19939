// Switching language changes the words and the number and date formats,
// and is remembered across a reload.
import { expect, test } from "./fixtures.mjs";
import { INDICATORS } from "./data.mjs";
import { ClaimsPage, Dashboard } from "./pages.mjs";

test("English and Vietnamese, with their number formats, remembered", async ({ page }) => {
  const d = new Dashboard(page);
  await d.open("#/");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByTestId("nav-dashboard")).toHaveText("Tổng quan");
  await expect(d.row("ndxp_tx_ytd").getByTestId("latest-value")).toHaveText("khoảng 806 triệu");

  await d.switchLanguage("en");
  await expect(page.getByTestId("nav-dashboard")).toHaveText("Dashboard");
  await expect(page.getByTestId("lang-en")).toHaveAttribute("aria-pressed", "true");
  await expect(d.count).toHaveText(`Showing ${INDICATORS} of ${INDICATORS} indicators`);
  await expect(d.row("ndxp_tx_ytd").getByTestId("latest-value")).toHaveText("about 806 million");
  await expect(d.row("ndxp_tx_ytd").getByTestId("latest-period")).toHaveText("1 Jan 2022 – 8 Dec 2022");
  await expect(d.row("ndxp_tx_cumulative").getByTestId("latest-value")).toHaveText("more than 1.276 billion");
  await expect(d.row("dvctt_level4_share").getByTestId("latest-value")).toHaveText("97.3%");
  await expect(d.row("ndxp_tx").getByTestId("indicator-link")).toHaveText("Transactions through NDXP in a period");
  await d.shots("dashboard-en");

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("nav-claims")).toHaveText("Claim checks");
  const c = new ClaimsPage(page);
  await c.open("#/claims");
  const daily = c.claim("c-r001-ndxp-daily");
  await expect(daily.getByTestId("claim-stated")).toHaveText("about 2.1 million");
  await expect(daily.getByTestId("claim-recomputed")).toHaveText("2.355 million – 2.358 million");
  await expect(daily.getByTestId("verdict")).toHaveText("Disagrees");
  await expect(c.claim("c-r001-processed-vs-plan-points").getByTestId("claim-recomputed")).toHaveText("2.75 points – 2.85 points");
  await page.goto("./?today=2026-11-22#/i/ndxp_tx");
  await expect(page.getByTestId("chart").locator("text", { hasText: "500 million" })).toHaveCount(1);
  await expect(page.getByTestId("observation-source").first()).toContainText("Report r00");

  await c.switchLanguage("vi");
  await expect(page.getByTestId("nav-claims")).toHaveText("Kiểm tra số liệu");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
});
