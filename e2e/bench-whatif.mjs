// What-if benchmark (prints figures; it is not a test): the built app
// (dist/) in Chromium, the NDXP transactions page, the growth-rate slider
// moved to a new value and the time from the input event to the chart's new
// what-if path in the document, and to the end of the frame that paints it. Prints p50 / p95 / max over RUNS changes, then moves the
// slider CHANGES more times and prints, every quarter, the wasm memory, the
// JS heap after a forced garbage collection, the DOM nodes and the event
// listeners (all of them should level off, not grow with the changes).
//
// Usage: node e2e/bench-whatif.mjs [RUNS=50] [CHANGES=2000]
// (build first: cargo xtask build)
//
// Frames: by default Chromium paints at most 60 frames a second, so a change
// waits for the next frame (up to 16.7 ms) before it is painted, whatever
// its cost. DXCAST_BENCH_FRAMES=unthrottled paints as soon as there is
// something to paint (--disable-frame-rate-limit --disable-gpu-vsync): the
// time to the painted frame is then the app's own work (script, style,
// layout, paint). The benchmark also times a trivial change (one
// attribute of the chart's box) to the painted frame, as the floor of the
// harness.
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium.mjs";

const runs = Number(process.argv[2] ?? 50);
const changes = Number(process.argv[3] ?? 2000);
const port = Number(process.env.DXCAST_BENCH_PORT ?? 4179);
const unthrottled = process.env.DXCAST_BENCH_FRAMES === "unthrottled";
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

/**
 * Moves the slider to its `i`-th value and resolves with [milliseconds to the chart's new what-if path in
 * the document, milliseconds to the painted frame that shows it]: the path's change is seen by a
 * MutationObserver as soon as the app writes it; the frame that paints it runs its animation-frame
 * callbacks before its paint, and a task posted from there runs after the paint.
 */
function change(page, i) {
  return page.evaluate(async (i) => {
    const slider = document.querySelector('[data-testid="wi-rate-slider"]');
    const chart = document.querySelector('[data-testid="chart-box"]');
    const path = () => document.querySelector('[data-testid="chart-whatif"]')?.getAttribute("d") ?? "";
    const lo = Number(slider.min);
    const hi = Number(slider.max);
    // Values that differ from one change to the next, within the slider's range.
    const steps = Math.round((hi - lo) * 10);
    const value = lo + ((i * 37) % steps) / 10 + 0.1;
    const before = path();
    const changed = new Promise((resolve, reject) => {
      const observer = new MutationObserver(() => {
        if (path() !== before && path() !== "") {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(chart, { subtree: true, childList: true, attributes: true, characterData: true });
      setTimeout(() => {
        observer.disconnect();
        reject(new Error(`the chart did not change for ${value}`));
      }, 5000);
    });
    const start = performance.now();
    slider.value = value.toFixed(1);
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    const written = await changed;
    await new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(0);
      }),
    );
    return [written - start, performance.now() - start];
  }, i);
}

/** Milliseconds from a trivial change (an attribute of the chart's box) to the painted frame. */
function trivial(page, i) {
  return page.evaluate(async (i) => {
    const box = document.querySelector('[data-testid="chart-box"]');
    const start = performance.now();
    box.setAttribute("data-bench", String(i));
    box.style.outlineColor = i % 2 ? "transparent" : "rgba(0, 0, 0, 0)";
    await new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(0);
      }),
    );
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
  executablePath: CHROMIUM,
  args: [...CHROMIUM_ARGS, ...(unthrottled ? ["--disable-frame-rate-limit", "--disable-gpu-vsync"] : [])],
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

  const written = [];
  const painted = [];
  const floor = [];
  for (let i = 0; i < runs; i++) {
    const [w, p] = await change(page, 1000 + i);
    written.push(w);
    painted.push(p);
    await page.waitForTimeout(150);
    floor.push(await trivial(page, i));
    // One change at a time: what follows a change once it is painted (the
    // tables under the chart, the address bar) is done before the next.
    await page.waitForTimeout(150);
  }
  const ms = (x) => `${x.toFixed(1)} ms`;
  const show = (what, times) => {
    times.sort((a, b) => a - b);
    console.log(`${what}, ${runs} changes: p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(times.at(-1))}`);
  };
  show("what-if change to the chart's new path in the document", written);
  show("what-if change to the painted frame that shows it", painted);
  show("trivial change (the harness's floor) to its painted frame", floor);
  console.log(`frames: ${unthrottled ? "unthrottled (the app's own work)" : "at most 60 a second (a change waits for the next)"}`);

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
