// The data page: import with a bad line, the form, exports, reset, and a
// stored state that cannot be read.
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures.mjs";
import { CLAIMS, header, INDICATORS, OBSERVATIONS, TARGETS } from "./data.mjs";
import { DataPage, IndicatorPage } from "./pages.mjs";

// A file written before the optional `definition` column, as users may have.
const HEADER = "id,indicator,period,status,qualifier,value,stated,denominator,report,quote,note";
const IMPORT = [
  HEADER,
  'u-cdt-2024,cdt_teams,2024-06-30,observed,about,80000,80.000,,mine,"khoảng 80.000 tổ, toàn quốc",',
  "u-bad,cdt_teams,2024-13,observed,exact,1,1,,mine,,",
  "u-ndxp-2024,ndxp_tx,2024,estimate,exact,1000000000,1 tỷ,,mine,,",
].join("\n");

test("a bad line blocks the import until the user skips it", async ({ page }) => {
  const d = new DataPage(page);
  await d.open("#/data");
  await d.importText(IMPORT);
  await expect(d.importErrors).toContainText("Dòng 3, cột «period»: một ngày có thật");
  await expect(d.notice).toHaveText("1 dòng có lỗi, chưa nhập gì.");
  await expect(page.getByTestId("user-counts")).toHaveText("Bạn đã thêm hoặc sửa 0 chỉ tiêu, 0 số liệu và 0 mục tiêu.");
  // What was typed stays.
  await expect(page.getByTestId("import-text")).toHaveValue(IMPORT);
  await d.shots("data-import-errors");

  await d.skipBadLines();
  await expect(d.notice).toHaveText("Đã nhập 2 dòng vào bảng số liệu: 2 mới, 0 cập nhật. Đã bỏ qua các dòng 3.");
  await expect(d.userRows).toHaveCount(2);
  await expect(page.getByTestId("import-errors")).toHaveCount(0);

  // The imported figure is on its indicator's page, and survives a reload.
  await page.reload();
  const ind = new IndicatorPage(page);
  await ind.open("#/i/cdt_teams");
  await expect(ind.observation("u-cdt-2024").getByTestId("observation-value")).toHaveText("khoảng 80.000");
  await expect(ind.observation("u-cdt-2024").getByTestId("observation-source")).toHaveText("Bạn nhập (nguồn «mine»)");
});

test("a file chosen for import fills the text; a wrong header names the column", async ({ page }) => {
  const d = new DataPage(page);
  await d.open("#/data");
  const swapped = IMPORT.replace("period,status", "status,period");
  await page.getByTestId("import-file").setInputFiles({ name: "mine.csv", mimeType: "text/csv", buffer: Buffer.from(swapped) });
  await expect(page.getByTestId("import-text")).toHaveValue(swapped);
  await expect(d.notice).toHaveText("Đã đọc tệp «mine.csv».");
  await page.getByTestId("import-check").click();
  await expect(d.importErrors).toContainText("Dòng 1, cột 3: dòng tiêu đề ghi «status» ở chỗ cần «period».");
  await expect(page.getByTestId("import-skip")).toHaveCount(0);
  await expect(d.userRows).toHaveCount(0);
});

test("the figure form names the wrong fields and keeps what was typed", async ({ page }) => {
  const d = new DataPage(page);
  await d.open("#/data");
  await d.saveObservation();
  await expect(d.notice).toHaveText("Chưa lưu, hãy sửa: Mã, Chỉ tiêu, Kỳ, Số liệu như báo cáo viết.");
  await expect(page.getByTestId("obs-id-error")).toHaveText("Mã: cần điền");
  await expect(page.getByTestId("obs-stated-error")).toHaveText("Số liệu như báo cáo viết: cần con số như báo cáo viết");
  await expect(page.getByTestId("obs-id")).toHaveAttribute("aria-invalid", "true");

  await d.fillObservation({ indicator: "ndxp_tx_daily", id: "u-daily-2024", period: "2024", qualifier: "about", stated: "2,8 trieu", quote: "khoảng 2,8 triệu" });
  await d.saveObservation();
  await expect(page.getByTestId("obs-stated-error")).toHaveText(/^Số liệu như báo cáo viết: một con số viết kiểu Việt Nam/);
  await expect(page.getByTestId("obs-id-error")).toHaveText("");
  await expect(page.getByTestId("obs-stated")).toHaveValue("2,8 trieu");
  await expect(page.getByTestId("obs-quote")).toHaveValue("khoảng 2,8 triệu");
  await expect(page.getByTestId("obs-stated")).toBeFocused();

  await d.fillObservation({ stated: "2,8 triệu", period: "2024-13" });
  await d.saveObservation();
  await expect(page.getByTestId("obs-period-error")).toHaveText("Kỳ: một ngày có thật");

  await d.fillObservation({ period: "2024" });
  await d.saveObservation();
  await expect(d.notice).toHaveText("Đã lưu «u-daily-2024».");
  await expect(d.userRows).toHaveCount(1);
  await d.shots("data");

  // A new figure from an indicator's page starts with that indicator.
  await d.open("#/i/cdt_teams");
  await page.getByTestId("add-observation").click();
  await expect(page.getByTestId("obs-indicator")).toHaveValue("cdt_teams");
  await expect(page.getByTestId("obs-id")).toHaveValue("");

  // Editing a built-in figure makes an edit, which the claims use.
  await d.open("#/data/o/r001-ndxp-ytd");
  await expect(page.getByTestId("obs-id")).toHaveValue("r001-ndxp-ytd");
  await expect(page.getByTestId("obs-stated")).toHaveValue("806 triệu");
  await d.fillObservation({ stated: "718 triệu" });
  await d.saveObservation();
  await expect(d.notice).toHaveText("Đã lưu «r001-ndxp-ytd».");
  await expect(page.locator('[data-testid="user-row"][data-id="r001-ndxp-ytd"]')).toContainText("Bản sửa");
  await d.open("#/claims");
  await expect(page.locator('[data-testid="claim"][data-id="c-r001-ndxp-daily"]')).toHaveAttribute("data-verdict", "agree");
});

test("exports everything as CSV and JSON, then resets to the built-in data", async ({ page }) => {
  const d = new DataPage(page);
  await d.open("#/data");
  await d.importText(IMPORT.split("\n").filter((l) => !l.startsWith("u-bad")).join("\n"));
  await expect(d.userRows).toHaveCount(2);

  const csv = await d.download("export-observations");
  expect(csv.suggestedFilename()).toBe("dxcast-observations.csv");
  const text = readFileSync(await csv.path(), "utf8").replace(/^\uFEFF/, "");
  const lines = text.trim().split("\n");
  expect(lines[0]).toBe(header("observations"));
  expect(lines).toHaveLength(1 + OBSERVATIONS + 2);
  expect(text).toContain('u-cdt-2024,cdt_teams,2024-06-30,observed,about,80000,80.000,,mine,"khoảng 80.000 tổ, toàn quốc",');

  const ind = await d.download("export-indicators");
  expect(readFileSync(await ind.path(), "utf8").trim().split("\n")).toHaveLength(1 + INDICATORS);

  const json = await d.download("export-json");
  expect(json.suggestedFilename()).toBe("dxcast-data.json");
  const doc = JSON.parse(readFileSync(await json.path(), "utf8"));
  expect(doc.format).toBe("dxcast");
  expect(doc.observations).toHaveLength(OBSERVATIONS + 2);
  expect(doc.indicators).toHaveLength(INDICATORS);
  expect(doc.targets).toHaveLength(TARGETS);
  expect(doc.claims).toHaveLength(CLAIMS.length);
  expect(doc.observations.find((o) => o.id === "u-ndxp-2024").stated).toBe("1 tỷ");

  await page.getByTestId("reset-start").click();
  await expect(page.getByRole("alertdialog")).toContainText("Xoá 2 mục");
  await page.getByTestId("reset-cancel").click();
  await expect(d.userRows).toHaveCount(2);
  await page.getByTestId("reset-start").click();
  await page.getByTestId("reset-confirm").click();
  await expect(d.notice).toHaveText("Đã khôi phục dữ liệu gốc.");
  await expect(d.userRows).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("no-user-rows")).toBeVisible();
});

test("stored data that cannot be read is kept and explained, and the app works", async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("dxcast.user", "{\"schema\":\"dxcast.user\",\"version\":1,\"observations\":[{\"id\":");
      sessionStorage.setItem("seeded", "1");
    }
  });
  const d = new DataPage(page);
  await d.open("#/");
  const banner = page.getByTestId("recovery-banner");
  await expect(banner).toContainText("Không đọc được dữ liệu đã lưu");
  await expect(banner).toContainText("không phải JSON hợp lệ");
  await expect(page.getByTestId("indicator-row")).toHaveCount(INDICATORS);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("dxcast.user.backup."))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual(['{"schema":"dxcast.user","version":1,"observations":[{"id":']);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("recovery-download").click()]);
  expect(readFileSync(await download.path(), "utf8")).toBe('{"schema":"dxcast.user","version":1,"observations":[{"id":');
  await d.shots("recovery");
  await page.reload();
  await expect(page.getByTestId("recovery-banner")).toHaveCount(0);
});
