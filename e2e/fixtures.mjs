// Shared fixtures: every test's page is watched for Content-Security-Policy
// violations and for requests that leave the origin; both must stay empty.
import { test as base, expect } from "@playwright/test";
import { mkdirSync } from "node:fs";

export const SHOTS = "artifacts/screenshots";
mkdirSync(SHOTS, { recursive: true });

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export const test = base.extend({
  page: async ({ page, context, baseURL }, use) => {
    const origin = new URL(baseURL).origin;
    const external = [];
    context.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:")) external.push(url);
    });
    const refused = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => {
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await use(page);
    const violations = await page.evaluate(() => window.__violations ?? []).catch(() => []);
    // No inline style attributes (the policy forbids them; classes only). The
    // browser itself leaves an empty one on a form field after a screenshot.
    const styled = await page
      .evaluate(() => [...document.querySelectorAll("[style]")].filter((e) => e.getAttribute("style").trim() !== "").map((e) => e.outerHTML.slice(0, 200)))
      .catch(() => []);
    expect(styled, "elements with a style attribute").toEqual([]);
    expect(violations, "securitypolicyviolation events").toEqual([]);
    expect(refused, "CSP messages in the console").toEqual([]);
    expect(external, "requests that left the origin").toEqual([]);
    expect(errors, "uncaught page errors").toEqual([]);
  },
});

export { expect };

/// Waits until the service worker controls the page.
export async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
}
