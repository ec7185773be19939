// The app works offline after the first load, keeping the user's data, and
// offers a new version when one is waiting.
import { readFileSync, writeFileSync } from "node:fs";
import { controlled, expect, test } from "./fixtures.mjs";
import { CLAIMS, INDICATORS } from "./data.mjs";
import { ClaimsPage, DataPage, Dashboard, IndicatorPage, ReportPage } from "./pages.mjs";

test("an offline reload keeps the app and the user's data", async ({ page, context }) => {
  const d = new DataPage(page);
  await d.open("#/data");
  await d.fillObservation({ indicator: "cdt_teams", id: "u-offline", period: "2024-06-30", stated: "80.000" });
  await d.saveObservation();
  await expect(d.notice).toHaveText("Đã lưu «u-offline».");
  await controlled(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("user-row")).toHaveCount(1);
  await expect(page.locator('[data-testid="user-row"][data-id="u-offline"]')).toBeVisible();
  const dash = new Dashboard(page);
  await dash.nav("dashboard");
  await expect(dash.rows).toHaveCount(INDICATORS);
  await expect(dash.row("cdt_teams").getByTestId("latest-value")).toHaveText("80.000");
  await dash.nav("claims");
  await expect(page.getByTestId("claim")).toHaveCount(CLAIMS.length);
  await page.screenshot({ path: "artifacts/screenshots/offline-claims.png" });
  await context.setOffline(false);
});

test("a first visit fetches no page's part of the module; offline, every page loads its part from the service worker", async ({
  page,
  context,
}) => {
  const parts = [];
  page.on("response", (r) => {
    if (r.url().endsWith(".wasm")) parts.push({ name: new URL(r.url()).pathname.split("/").pop(), cached: r.fromServiceWorker() });
  });
  const dash = new Dashboard(page);
  await dash.open("#/");
  await expect(dash.rows).toHaveCount(INDICATORS);
  expect(parts.map((p) => p.name)).toEqual([expect.stringMatching(/^dxcast-web-[0-9a-f]+_bg\.wasm$/)]);
  await controlled(page);

  await context.setOffline(true);
  await page.evaluate(() => (location.hash = "#/i/ndxp_tx"));
  await expect(new IndicatorPage(page).title).toHaveText("Số giao dịch qua NDXP");
  await page.evaluate(() => (location.hash = "#/claims"));
  await expect(new ClaimsPage(page).claims).toHaveCount(CLAIMS.length);
  await page.evaluate(() => (location.hash = "#/data"));
  await expect(page.getByTestId("data-page")).toBeVisible();
  await page.evaluate(() => (location.hash = "#/report"));
  await expect(new ReportPage(page).input).toBeVisible();
  await expect(page.getByTestId("fatal")).toHaveCount(0);
  const later = parts.slice(1);
  // The four pages' parts, and the parts they share.
  expect(later.length).toBeGreaterThanOrEqual(4);
  for (const name of ["indicator", "claims", "data", "report"]) {
    expect(later.some((p) => p.name.startsWith(`split_${name}_page-`))).toBe(true);
  }
  expect(later.filter((p) => !p.cached)).toEqual([]);
  await context.setOffline(false);
});

test.describe("without a service worker", () => {
  test.use({ serviceWorkers: "block" });

  test("a page whose part cannot be fetched says so in the page's words, and opening it again loads it", async ({ page }) => {
    let refused = 0;
    await page.route(/\/split_claims_page-[0-9a-f]+\.wasm$/, (route) => {
      refused += 1;
      return route.abort("internetdisconnected");
    });
    const dash = new Dashboard(page);
    await dash.open("#/");
    await dash.nav("claims");
    await expect(page.getByTestId("page-error")).toContainText(
      "Không tải được phần mã của trang này. Hãy kiểm tra kết nối mạng rồi mở lại trang.",
    );
    await expect(page.getByTestId("fatal")).toHaveCount(0);
    expect(refused).toBe(1);
    await page.screenshot({ path: "artifacts/screenshots/page-not-loaded.png" });

    await page.unroute(/\/split_claims_page-[0-9a-f]+\.wasm$/);
    await dash.nav("dashboard");
    await expect(dash.rows).toHaveCount(INDICATORS);
    await dash.nav("claims");
    await expect(new ClaimsPage(page).claims).toHaveCount(CLAIMS.length);
    await expect(page.getByTestId("page-error")).toHaveCount(0);
  });
});

test("a waiting service worker shows the update banner, which applies it", async ({ page }) => {
  const d = new Dashboard(page);
  await d.open("#/");
  await controlled(page);
  await expect(page.getByTestId("update-banner")).toHaveCount(0);
  const sw = "dist/sw.js";
  const original = readFileSync(sw, "utf8");
  try {
    writeFileSync(sw, `${original}\n// a new version\n`);
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg.update();
    });
    await expect(page.getByTestId("update-banner")).toBeVisible();
    await page.screenshot({ path: "artifacts/screenshots/update-banner.png" });
    await Promise.all([page.waitForEvent("load"), page.getByTestId("update-apply").click()]);
    await expect(page.getByTestId("dashboard")).toBeVisible();
    await expect(page.getByTestId("update-banner")).toHaveCount(0);
  } finally {
    writeFileSync(sw, original);
  }
});
