// What-if benchmark (prints figures; it is not a test): the built app
// (dist/) in Chromium, the NDXP transactions page, the growth-rate slider
// moved to a new value and the time from the input event to the first
// animation frame after the chart's what-if path has changed, i.e. to the
// repainted chart. Prints p50 / p95 / max over RUNS changes, then moves the
// slider CHANGES more times and prints, every quarter, the wasm memory, the
// JS heap after a forced garbage collection, the DOM nodes and the event
// listeners (all of them should level off, not grow with the changes).
//
// Usage: node e2e/bench-whatif.mjs [RUNS=50] [CHANGES=2000]
// (build first: cargo xtask build)
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";

const runs = Number(process.argv[2] ?? 50);
const changes = Number(process.argv[3] ?? 2000);
const port = Number(process.env.DXCAST_BENCH_PORT ?? 4179);
const base = `http://127.0.0.1:${port}/`;

const server = spawn("node", ["e2e/serve.mjs", "dist", String(port)], { stdio: "ignore" });
const stop = () => server.kill();
process.on("exit", stop);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no server on ${base}`);
}

/** Moves the slider to its `i`-th value and resolves with the milliseconds to the repainted chart. */
function change(page, i) {
  return page.evaluate(async (i) => {
    const slider = document.querySelector('[data-testid="wi-rate-slider"]');
    const path = () => document.querySelector('[data-testid="chart-whatif"]')?.getAttribute("d") ?? "";
    const lo = Number(slider.min);
    const hi = Number(slider.max);
    // Values that differ from one change to the next, within the slider's range.
    const steps = Math.round((hi - lo) * 10);
    const value = lo + ((i * 37) % steps) / 10 + 0.1;
    const before = path();
    const start = performance.now();
    slider.value = value.toFixed(1);
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((resolve, reject) => {
      const give_up = start + 5000;
      const check = () => {
        if (path() !== before && path() !== "") requestAnimationFrame(() => resolve());
        else if (performance.now() > give_up) reject(new Error(`the chart did not change for ${value}`));
        else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - start;
  }, i);
}

function quantile(sorted, q) {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

async function memory(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? NaN);
  return { wasm, heap: m.JSHeapUsedSize, nodes: m.Nodes, listeners: m.JSEventListeners };
}

await waitForServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
  const page = await context.newPage();
  // The wasm module's memory, from Trunk's start event.
  await page.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => {
      window.__wasmMemory = e.detail.wasm.memory;
    });
  });
  await page.goto(`${base}?today=2026-11-22#/i/ndxp_tx`);
  await page.getByTestId("wi-rate-slider").waitFor();
  // Warm up: the first scenario creates the what-if path.
  for (let i = 0; i < 5; i++) await change(page, i);

  const times = [];
  for (let i = 0; i < runs; i++) times.push(await change(page, 1000 + i));
  times.sort((a, b) => a - b);
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`what-if change to repainted chart, ${runs} changes: p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(times.at(-1))}`);

  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const rows = [["changes", "wasm memory", "JS heap", "DOM nodes", "listeners"]];
  const row = async (n) => {
    const m = await memory(page, cdp);
    rows.push([n, m.wasm, Math.round(m.heap), m.nodes, m.listeners].map(String));
  };
  await row(0);
  const quarter = Math.max(1, Math.floor(changes / 4));
  for (let i = 1; i <= changes; i++) {
    await change(page, 5000 + i);
    if (i % quarter === 0) await row(i);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((v, c) => v.padStart(widths[c])).join("  "));
} finally {
  await browser.close();
  stop();
}
