// Memory over a long what-if session: 2,000 changes of the growth-rate
// slider on NDXP transactions' page, the tables under the chart redrawn
// every 40th change (they follow once the values rest). The wasm memory,
// which only ever grows, must stay within a few pages of where it was after
// a warm-up; the page must keep about its size. (It grew by about 56 kB a change
// when each redraw of the analyses left its language closures subscribed.)
import { expect, test } from "./fixtures.mjs";
import { TODAY } from "./expected.mjs";

const CHANGES = 2000;
/** How often the test lets the values rest, so that the tables are redrawn. */
const REST_EVERY = 40;
/** Four 64 KiB pages: room for the allocator's own growth, not for a leak (2,000 × 56 kB). */
const ALLOWED_GROWTH = 4 * 65536;

test("2,000 what-if changes leave the memory and the page the size they were", async ({ page }) => {
  test.setTimeout(240_000);
  await page.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => {
      window.__wasmMemory = e.detail.wasm.memory;
    });
  });
  await page.goto(`./?today=${TODAY}#/i/ndxp_tx`);
  await page.getByTestId("wi-rate-slider").waitFor();

  /** Moves the slider through `count` values from `from`, resting every REST_EVERY changes. */
  const session = (from, count) =>
    page.evaluate(
      async ({ from, count, rest }) => {
        const slider = document.querySelector('[data-testid="wi-rate-slider"]');
        const path = () => document.querySelector('[data-testid="chart-whatif"]')?.getAttribute("d") ?? "";
        const lo = Number(slider.min);
        const steps = Math.round((Number(slider.max) - lo) * 10);
        for (let i = from; i < from + count; i++) {
          const before = path();
          slider.value = (lo + ((i * 37) % steps) / 10 + 0.1).toFixed(1);
          slider.dispatchEvent(new Event("input", { bubbles: true }));
          const give_up = performance.now() + 5000;
          while (path() === before || path() === "") {
            if (performance.now() > give_up) throw new Error(`the chart did not change at change ${i}`);
            await new Promise((r) => setTimeout(r, 0));
          }
          if (i % rest === 0) await new Promise((r) => setTimeout(r, 250));
        }
      },
      { from, count, rest: REST_EVERY },
    );
  const measure = () =>
    page.evaluate(() => ({
      wasm: window.__wasmMemory.buffer.byteLength,
      nodes: document.getElementsByTagName("*").length,
      analyses: document.querySelectorAll('[data-testid="target-analysis"]').length,
    }));

  // Warm-up: the first scenario creates the what-if path and its tables.
  await session(0, 100);
  const start = await measure();
  expect(start.analyses).toBeGreaterThan(0);
  await session(100, CHANGES);
  // The last rest lets the tables follow the last change.
  await page.waitForTimeout(300);
  const end = await measure();
  expect(end.wasm - start.wasm, `wasm memory ${start.wasm} → ${end.wasm} bytes over ${CHANGES} changes`).toBeLessThanOrEqual(ALLOWED_GROWTH);
  // The elements vary a little with the rate (a warning, an outlook shown or
  // not); they must not pile up.
  expect(end.nodes, `elements on the page ${start.nodes} → ${end.nodes}`).toBeLessThanOrEqual(Math.ceil(start.nodes * 1.05));
  expect(end.analyses).toBe(start.analyses);
});
