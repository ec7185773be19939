// The dashboard: every pillar with its indicators' latest figures, targets,
// sparklines and statuses; filters and search.
import { expect, test } from "./fixtures.mjs";
import { INDICATORS } from "./data.mjs";
import { Dashboard } from "./pages.mjs";
import { standings, userFigure } from "./expected.mjs";

const PILLARS = ["government", "economy", "society", "infrastructure", "awareness", "security"];

test("every pillar is shown with its indicators' latest figures and targets", async ({ page }) => {
  const d = new Dashboard(page);
  await d.open("#/");
  await expect(d.pillars).toHaveCount(6);
  const pillars = await d.pillars.evaluateAll((els) => els.map((e) => e.dataset.pillar));
  expect(pillars).toEqual(PILLARS);
  await expect(d.rows).toHaveCount(INDICATORS);
  await expect(d.count).toHaveText(`Hiển thị ${INDICATORS}/${INDICATORS} chỉ tiêu`);
  for (const p of PILLARS) {
    expect(await page.locator(`[data-pillar="${p}"] [data-testid="indicator-row"]`).count()).toBeGreaterThan(0);
  }

  const ytd = d.row("ndxp_tx_ytd");
  await expect(ytd.getByTestId("latest-value")).toHaveText("khoảng 806 triệu");
  await expect(ytd.getByTestId("latest-period")).toHaveText("1/1/2022 – 8/12/2022");
  await expect(ytd.getByTestId("status")).toHaveAttribute("data-status", "no_target");
  await expect(ytd.getByTestId("sparkline")).toBeVisible();
  await expect(d.row("ndxp_tx_cumulative").getByTestId("latest-value")).toHaveText("hơn 1,276 tỷ");
  await expect(d.row("dvctt_level4_share").getByTestId("latest-value")).toHaveText("97,3 %");

  // Today is after every deadline: the last target shows as passed.
  const ndxp = d.row("ndxp_tx");
  await expect(ndxp.getByTestId("target-value")).toHaveText("> 860 triệu");
  await expect(ndxp.getByTestId("target-due")).toHaveText("đã qua hạn 31/12/2025");
  // The analytics of the last target: its deadline has passed and no figure
  // says whether it was met (projection.spec.mjs checks every row against
  // the model crate).
  await expect(ndxp.getByTestId("status")).toHaveAttribute("data-status", "stale");
  await expect(d.row("dvctt_full_process_share").getByTestId("status")).toHaveAttribute("data-status", "not_enough_data");
  await d.shots("dashboard");
});

test("the built-in data's standings need no projection code; a figure the user added is projected in the browser", async ({ page }) => {
  const wasm = [];
  page.on("request", (r) => {
    if (r.url().endsWith(".wasm")) wasm.push(new URL(r.url()).pathname.split("/").pop());
  });
  const d = new Dashboard(page);
  await d.open("#/");
  await expect(d.row("ndxp_tx").getByTestId("status")).toHaveAttribute("data-status", standings.ndxp_tx);
  expect(wasm).toEqual([expect.stringMatching(/^dxcast-web-[0-9a-f]+_bg\.wasm$/)]);

  // The same dashboard with a 2025 figure of the user's: that row's standing
  // is worked out by the projection code, fetched for it; the others still
  // come from the schedule.
  await page.evaluate((stored) => localStorage.setItem("dxcast.user", stored), userFigure.stored);
  await page.reload();
  await expect(d.row("ndxp_tx").getByTestId("status")).toHaveAttribute("data-status", userFigure.standing);
  expect(userFigure.standing).not.toBe(standings.ndxp_tx);
  await expect(page.getByTestId("status-pending")).toHaveCount(0);
  expect(wasm.some((name) => /^split_standings-[0-9a-f]+\.wasm$/.test(name))).toBe(true);
  await expect(d.row("dvctt_full_process_share").getByTestId("status")).toHaveAttribute("data-status", standings.dvctt_full_process_share);
});

test("the next target is relative to today's date", async ({ page }) => {
  const d = new Dashboard(page);
  await d.open("#/", "?today=2023-06-01");
  const ndxp = d.row("ndxp_tx");
  await expect(ndxp.getByTestId("target-value")).toHaveText("> 860 triệu");
  await expect(ndxp.getByTestId("target-due")).toHaveText("hạn 31/12/2023");
  await expect(d.row("dossiers_full_process_share").getByTestId("target-value")).toHaveText("≥ 60 %");
});

test("filters by pillar and status, and searches with or without diacritics and in English", async ({ page }) => {
  const d = new Dashboard(page);
  await d.open("#/");
  await d.filterPillar("security");
  await expect(d.pillars).toHaveCount(1);
  await expect(d.pillars.first()).toHaveAttribute("data-pillar", "security");
  await expect(d.count).toHaveText(`Hiển thị 3/${INDICATORS} chỉ tiêu`);
  await d.filterPillar("");
  await d.filterStatus("not_enough_data");
  // As many as the model finds too short to project (whatever the day).
  await expect(d.rows).toHaveCount(Object.values(standings).filter((s) => s === "not_enough_data").length);
  const statuses = await page.locator('[data-testid="indicator-row"] [data-testid="status"]').evaluateAll((els) => els.map((e) => e.dataset.status));
  expect(new Set(statuses)).toEqual(new Set(["not_enough_data"]));
  await d.filterStatus("");

  await d.search("giao dịch NDXP");
  const withMarks = await d.rows.count();
  expect(withMarks).toBeGreaterThanOrEqual(4);
  await expect(d.row("ndxp_tx")).toBeVisible();
  await d.search("giao dich ndxp");
  await expect(d.rows).toHaveCount(withMarks);
  await d.search("transactions NDXP");
  await expect(d.row("ndxp_tx")).toBeVisible();
  await d.search("tổ công nghệ số");
  await expect(d.row("cdt_teams")).toBeVisible();
  await d.search("zzzz");
  await expect(page.getByTestId("no-match")).toBeVisible();
  await d.search("");
  await expect(d.rows).toHaveCount(INDICATORS);

  await d.row("ndxp_tx").getByTestId("indicator-link").click();
  await expect(page).toHaveURL(/#\/i\/ndxp_tx$/);
  await expect(page.getByTestId("indicator-title")).toHaveText("Số giao dịch qua NDXP");
});
