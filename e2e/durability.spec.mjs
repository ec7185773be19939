// Hostile input and durable storage: files as Excel saves them, files over
// the limit, headers that name the wrong column, a browser storage that is
// full, another tab's saves, and links over the length limit.
import { expect, test } from "./fixtures.mjs";
import { DataPage, IndicatorPage } from "./pages.mjs";

const Q = "?today=2026-11-22";
const HEADER = "id,indicator,period,status,qualifier,value,stated,denominator,report,quote,note";

/// A figure row in dxcast's own CSV form.
const row = (id, indicator, period, value) => `${id},${indicator},${period},observed,exact,${value},${value},,mine,,`;

test("a file as Excel saves it in Vietnamese imports: byte-order mark, semicolons, decimal commas, CR LF", async ({ page }) => {
  const d = new DataPage(page);
  await d.open("#/data", Q);
  const excel =
    "\uFEFF" +
    [
      HEADER.replaceAll(",", ";"),
      'u-share-2024;dossiers_processed_online_share;2024-06-30;observed;exact;61,5;61,5%;;mine;"đạt 61,5%; cả nước";',
      "u-ndxp-2024;ndxp_tx;2024;estimate;about;1234567,5;1.234.567,5;;mine;;",
    ].join("\r\n") +
    "\r\n";
  await page.getByTestId("import-file").setInputFiles({ name: "excel.csv", mimeType: "text/csv", buffer: Buffer.from(excel) });
  await expect(d.notice).toHaveText("Đã đọc tệp «excel.csv».");
  await page.getByTestId("import-check").click();
  await expect(d.notice).toHaveText(
    "Đã đọc tệp với dấu chấm phẩy giữa các cột và dấu phẩy thập phân. Đã nhập 2 dòng vào bảng số liệu: 2 mới, 0 cập nhật.",
  );
  await expect(d.userRows).toHaveCount(2);
  // The decimal comma is the figure's decimal mark, and the quoted
  // semicolon stays in the quote.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("dxcast.user")));
  const cols = stored.observations.columns;
  const share = stored.observations.rows.find((r) => r[0] === "u-share-2024");
  expect(share[cols.indexOf("value")]).toBe("61.5");
  expect(share[cols.indexOf("quote")]).toBe("đạt 61,5%; cả nước");
  const ndxp = stored.observations.rows.find((r) => r[0] === "u-ndxp-2024");
  expect(ndxp[cols.indexOf("value")]).toBe("1234567.5");
});

test("a file over the size limit is not read, and says its size and the limit", async ({ page }) => {
  const d = new DataPage(page);
  await d.open("#/data", Q);
  // 2.5 MiB of figures: over the 2 MiB an import reads.
  const line = row("u-x", "cdt_teams", "2024", "1") + "\n";
  const big = HEADER + "\n" + line.repeat(Math.ceil((2.5 * 1024 * 1024) / line.length));
  await page.getByTestId("import-file").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(big) });
  const size = (Buffer.byteLength(big) / 1024 / 1024).toFixed(1).replace(".", ",");
  await expect(d.notice).toHaveText(
    `Tệp «big.csv» có ${size} MB, vượt giới hạn 2 MB của một lần nhập, nên chưa được đọc. Hãy chia thành nhiều tệp nhỏ hơn.`,
  );
  await expect(page.getByTestId("import-text")).toHaveValue("");
  await expect(d.userRows).toHaveCount(0);
});

test("a wrong header names the column, what it says and the columns expected, in both languages", async ({ page }) => {
  const d = new DataPage(page);
  await d.open("#/data", Q);
  const swapped = [HEADER.replace("period,status", "status,period"), row("u-a", "cdt_teams", "2024", "1")].join("\n");
  await d.importText(swapped);
  await expect(d.importErrors).toContainText("Dòng 1, cột 3: dòng tiêu đề ghi «status» ở chỗ cần «period».");
  await expect(d.importErrors).toContainText(
    "Dòng đầu tiên phải nêu các cột của bảng số liệu theo đúng thứ tự: id, indicator, period, status, qualifier, value, stated, denominator, report, quote, note, definition, quote_en, note_vi.",
  );
  await expect(d.notice).toHaveText("Chưa nhập gì: tệp không dùng được như hiện tại.");
  await expect(page.getByTestId("import-skip")).toHaveCount(0);
  await d.shots("data-import-header", "import");

  await d.switchLanguage("en");
  await expect(d.importErrors).toContainText("Line 1, column 3: the header says “status” where “period” is expected.");
  await d.importText([HEADER + ",definition,quote_en,note_vi,extra", row("u-a", "cdt_teams", "2024", "1")].join("\n"));
  await expect(d.importErrors).toContainText("Line 1, column 15: “extra” is not a column of the figures table.");
  await d.shots("data-import-header-en", "import");
  await expect(d.userRows).toHaveCount(0);
});

test("a full storage changes nothing and says so; what was saved before is intact", async ({ page }) => {
  const d = new DataPage(page);
  await d.open("#/data", Q);
  await d.importText([HEADER, row("u-first", "cdt_teams", "2024", "80000")].join("\n"));
  await expect(d.userRows).toHaveCount(1);
  const before = await page.evaluate(() => localStorage.getItem("dxcast.user"));

  // Fill the rest of the origin's storage, as other data would.
  await page.evaluate(() => {
    let size = 1 << 20;
    for (let i = 0; size >= 1; ) {
      try {
        localStorage.setItem(`filler.${i}`, "x".repeat(size));
        i += 1;
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
  await d.importText([HEADER, row("u-second", "cdt_teams", "2025", "90000")].join("\n"));
  await expect(d.notice).toHaveText(
    /^Chưa lưu: Bộ nhớ của trình duyệt dành cho ứng dụng này đã đầy: (\d+ byte|[\d,]+ KB) dữ liệu không lưu vừa\. Không có gì bị thay đổi, những gì đã lưu trước đó vẫn còn nguyên\./,
  );
  const banner = page.getByTestId("save-error");
  await expect(banner).toHaveAttribute("data-doc", "user");
  await expect(banner).toContainText("Dữ liệu của bạn chưa được lưu");
  await expect(d.userRows).toHaveCount(1);
  expect(await page.evaluate(() => localStorage.getItem("dxcast.user"))).toBe(before);
  await d.shots("data-storage-full");

  // With room again, the same import goes through.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith("filler.")) localStorage.removeItem(k);
  });
  await page.getByTestId("import-check").click();
  await expect(d.notice).toHaveText("Đã nhập 1 dòng vào bảng số liệu: 1 mới, 0 cập nhật.");
  await page.reload();
  await expect(d.userRows).toHaveCount(2);
});

test("another tab's save is shown here and built on, never saved over", async ({ page, context }) => {
  const here = new DataPage(page);
  await here.open("#/data", Q);
  const otherPage = await context.newPage();
  const other = new DataPage(otherPage);
  await other.open("#/data", Q);

  // The other tab saves: this one shows its rows and says so.
  await other.importText([HEADER, row("u-other", "cdt_teams", "2024", "80000")].join("\n"));
  await expect(other.userRows).toHaveCount(1);
  await expect(page.getByTestId("other-tab")).toHaveText(/Dữ liệu của bạn vừa được thay đổi ở một thẻ khác/);
  await expect(here.userRows).toHaveCount(1);

  // A save this tab has not been told of (written under it, as a tab
  // whose event is still on its way): the import is made on top of it.
  await page.evaluate(() => {
    const doc = JSON.parse(localStorage.getItem("dxcast.user"));
    const cols = doc.observations.columns;
    const r = cols.map(() => "");
    for (const [c, v] of Object.entries({ id: "u-unseen", indicator: "cdt_teams", period: "2025", status: "observed", qualifier: "exact", value: "85000", stated: "85000", report: "mine" })) {
      r[cols.indexOf(c)] = v;
    }
    doc.observations.rows.push(r);
    localStorage.setItem("dxcast.user", JSON.stringify(doc));
  });
  await here.importText([HEADER, row("u-here", "cdt_teams", "2026", "90000")].join("\n"));
  await expect(here.notice).toHaveText(
    "Đã nhập 1 dòng vào bảng số liệu: 1 mới, 0 cập nhật. Một thẻ khác đã lưu dữ liệu của bạn trong lúc này; các dòng được thêm vào trên đó, không ghi đè.",
  );
  await expect(here.userRows).toHaveCount(3);
  await expect(other.userRows).toHaveCount(3);
  const ids = await page.evaluate(() => JSON.parse(localStorage.getItem("dxcast.user")).observations.rows.map((r) => r[0]));
  expect(ids).toEqual(["u-other", "u-unseen", "u-here"]);
  await otherPage.close();
});

test("a link over the length limit is refused whole, with its length, and shows the default view", async ({ page }) => {
  const p = new IndicatorPage(page);
  const query = `n=${"a".repeat(33000)}&g=3@2023-04-01`;
  await p.open(`#/i/ndxp_tx?${query}`, Q);
  const problems = page.getByTestId("link-problems");
  await expect(problems).toContainText(
    `Liên kết dài ${query.length.toLocaleString("de-DE")} ký tự, quá giới hạn 32.768 ký tự: không đọc liên kết này, trang hiển thị khung nhìn mặc định.`,
  );
  await expect(p.field("wi-rate")).toHaveValue("");
  await expect(page.locator('[data-testid="method-option"][value="linear"]')).toBeChecked();
  await expect(page).toHaveURL(/#\/i\/ndxp_tx$/);
});
