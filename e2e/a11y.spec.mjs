// Accessibility: axe finds nothing on any page at desktop or phone width;
// the keyboard reaches everything with a visible focus; nothing is wider
// than a phone.
import AxeBuilder from "@axe-core/playwright";
import { DESKTOP, PHONE, expect, test } from "./fixtures.mjs";
import { App } from "./pages.mjs";

const ROUTES = ["#/", "#/i/ndxp_tx", "#/claims", "#/report", "#/data", "#/i/nope"];

for (const [label, size] of [
  ["desktop", DESKTOP],
  ["phone", PHONE],
]) {
  test(`axe finds no violations, ${label}`, async ({ page }) => {
    // Every explanation opened on every route: axe takes its time.
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    const app = new App(page);
    for (const route of ROUTES) {
      await app.open(route);
      await page.waitForTimeout(200);
      // Open the closed parts so that they are checked too.
      await page.locator("details").evaluateAll((els) => els.forEach((e) => (e.open = true)));
      const results = await new AxeBuilder({ page }).analyze();
      const found = results.violations.map((v) => `${route} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      expect(found, route).toEqual([]);
      if (label === "phone") {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${route} fits a phone`).toBeLessThanOrEqual(size.width);
      }
    }
  });
}

test("the keyboard reaches the navigation and the language switch, with a visible focus", async ({ page }) => {
  const app = new App(page);
  await app.open("#/");
  await page.keyboard.press("Tab");
  const skip = page.locator(".skip-link");
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  await page.reload();
  await expect(page.getByTestId("dashboard")).toBeVisible();
  const reached = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { testid: el.dataset.testid ?? el.className, outline: style.outlineStyle, width: style.outlineWidth };
    });
    reached.push(info.testid);
    if (info.testid.startsWith("nav-") || info.testid.startsWith("lang-")) {
      expect(info.outline, info.testid).not.toBe("none");
    }
  }
  for (const id of ["nav-dashboard", "nav-claims", "nav-data", "lang-vi", "lang-en"]) expect(reached).toContain(id);

  // The language switch works from the keyboard.
  await page.getByTestId("lang-en").focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // So does a filter.
  await page.getByTestId("search").focus();
  await page.keyboard.type("broadband");
  await expect(page.getByTestId("indicator-row").first()).toBeVisible();
});
