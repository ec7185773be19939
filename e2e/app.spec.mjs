import { expect, test } from "@playwright/test";

test("the app renders, computes with the core, and works offline after the first load", async ({ page, context }) => {
  await page.goto("./");
  const result = page.getByTestId("result");
  await expect(result).toHaveText("806 triệu trong 342 ngày");

  await page.getByTestId("figure").fill("1,276 tỷ");
  await page.getByTestId("as-of").fill("2023-03-31");
  await expect(result).toHaveText("1,276 tỷ trong 90 ngày");
  await page.screenshot({ path: "artifacts/screenshots/app-online.png", fullPage: true });

  // Wait until the service worker controls the page, then cut the network and reload.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await expect(result).toHaveText("806 triệu trong 342 ngày");
  await page.getByTestId("figure").fill("58.397.139");
  await expect(result).toHaveText("58,4 triệu trong 342 ngày");
  await page.screenshot({ path: "artifacts/screenshots/app-offline.png", fullPage: true });
  await context.setOffline(false);
});
