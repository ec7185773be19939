// The page is never blank: an app that cannot start, or stops on a trap (a
// panic stops the app at once, as a WebAssembly.RuntimeError), says so,
// keeps the user's data and offers a reload (www/fatal.js).
//
// These tests raise errors on purpose, so they use Playwright's own `test`
// rather than the fixture that fails on any uncaught error.
import { expect, test } from "@playwright/test";
import { DataPage } from "./pages.mjs";

const HEADING = "Ứng dụng gặp lỗi và đã dừng — The app stopped on an error";

test("a module that does not compile shows the message instead of a blank page", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.name));
  await page.route(/_bg\.wasm$/, (route) =>
    route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from("\0asm\x01\0\0\0garbage") }),
  );
  await page.goto("./#/");
  const fatal = page.getByTestId("fatal");
  await expect(fatal).toBeVisible();
  await expect(fatal.getByRole("heading", { level: 1 })).toHaveText(HEADING);
  await expect(fatal.locator("pre")).toContainText("CompileError");
  await expect(fatal.getByRole("link")).toHaveAttribute("href", "./");
  expect(errors).toContain("CompileError");
  await page.screenshot({ path: "artifacts/screenshots/fatal-compile.png" });
});

test("a trap after the start shows the message above the app; the data stays; another error does not", async ({ page }) => {
  // The app's module, as the page's loader announces it.
  await page.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => {
      window.__dxcastWasm = e.detail.wasm;
    });
  });
  const d = new DataPage(page);
  await d.open("#/data");
  await d.fillObservation({ indicator: "cdt_teams", id: "u-fatal", period: "2024-06-30", stated: "80.000" });
  await d.saveObservation();
  await expect(d.notice).toHaveText("Đã lưu «u-fatal».");

  // An ordinary script error (an extension's, say) does not stop the app.
  await page.evaluate(() => setTimeout(() => { throw new TypeError("not the app's"); }));
  await page.waitForTimeout(100);
  await expect(page.getByTestId("fatal")).toHaveCount(0);

  // A trap does. This one is real: the module's allocator, asked for an
  // impossible alignment, aborts.
  await page.evaluate(() => setTimeout(() => window.__dxcastWasm.__wbindgen_malloc(8, 3)));
  const fatal = page.getByTestId("fatal");
  await expect(fatal).toBeVisible();
  await expect(fatal.locator("pre")).toHaveText("RuntimeError: unreachable");
  // In view, though the page was scrolled to the form.
  await expect(fatal).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await expect(page.getByTestId("fatal")).toHaveCount(1);
  // Shown once, whatever follows (here a trap in a promise).
  await page.evaluate(() => {
    Promise.reject(new WebAssembly.RuntimeError("again"));
  });
  await page.waitForTimeout(100);
  await expect(page.getByTestId("fatal")).toHaveCount(1);
  await page.screenshot({ path: "artifacts/screenshots/fatal-trap.png" });

  // The link reloads the app, and what the user saved is there.
  await fatal.getByRole("link").click();
  await expect(page.locator("main#main")).toBeVisible();
  await expect(page.getByTestId("fatal")).toHaveCount(0);
  await d.open("#/data");
  await expect(page.locator('[data-testid="user-row"][data-id="u-fatal"]')).toBeVisible();
});
