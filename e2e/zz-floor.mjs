import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
const server = spawn("node", ["e2e/serve.mjs", "dist", "4183"], { stdio: "ignore" });
process.on("exit", () => server.kill());
await new Promise(r => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" })).newPage();
await page.goto("http://127.0.0.1:4183/?today=2026-11-22#/i/ndxp_tx");
await page.getByTestId("wi-rate-slider").waitFor();
const t = await page.evaluate(async () => {
  const out = [];
  const el = document.querySelector('[data-testid="chart-box"]');
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    el.setAttribute("data-x", String(i));
    await new Promise(r => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); }));
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
});
console.log("trivial change to painted frame: p50", t[25].toFixed(1), "p95", t[47].toFixed(1), "min", t[0].toFixed(1));
await browser.close();
