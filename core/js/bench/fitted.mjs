// Benchmark: a fitted model is kept, not fitted again. Damped Holt is fitted
// once to 20,000 daily points (α, β and φ by Nelder–Mead), then asked for
// forecasts and target analyses; each later call must cost at most 1/20 of
// the fit. Prints the figures; exits with 1 when a call costs more. The
// package's code is compiled first, on a short series (see below).
//
//   node core/js/bench/fitted.mjs            (after the package is built:
//                                             cargo xtask embed)
// DXCAST_JS_PKG overrides the package folder (default target/js-pkg/node);
// DXCAST_BENCH_POINTS the number of points (default 20,000).

import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { performance } from "node:perf_hooks";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const pkgDir = path.resolve(process.env.DXCAST_JS_PKG ?? path.join(root, "target/js-pkg/node"));
const dx = createRequire(import.meta.url)(pkgDir);

const N = Number(process.env.DXCAST_BENCH_POINTS ?? 20_000);
const REPEATS = 5;

// A trending daily series with noise from a fixed linear congruential generator.
let seed = 12345;
const noise = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31 - 0.5;
};
const day = 86_400_000;
const start = Date.UTC(1970, 0, 1);
const dates = [];
const values = new Float64Array(N);
let level = 1_000;
for (let i = 0; i < N; i++) {
  dates.push(new Date(start + i * day).toISOString().slice(0, 10));
  level += 0.5 + 5 * noise();
  values[i] = level + 20 * noise();
}
const series = { dates, values, kind: "stock", unit: "count" };
const last = dates.at(-1);
const ahead = Array.from({ length: 12 }, (_, k) => new Date(start + (N - 1 + 30 * (k + 1)) * day).toISOString().slice(0, 10));
const target = { value: 1.2 * values[N - 1], deadline: ahead.at(-1), comparison: "atLeast" };

const time = (f) => {
  const t = performance.now();
  const r = f();
  return [performance.now() - t, r];
};

// V8 compiles a wasm function when it is first called: one fit, forecast and
// analysis of a short series first, so that the figures below are the
// fitted model's work rather than that one-time compilation.
{
  const short = { dates: dates.slice(0, 60), values: values.slice(0, 60), kind: "stock", unit: "count" };
  const warm = new dx.Model({ method: "dampedHolt" }).fit(short);
  for (let k = 0; k < 5; k++) {
    warm.forecast(ahead, 0.95);
    warm.analyse(target, { today: last, level: 0.95 });
  }
  warm.summary();
}

const model = new dx.Model({ method: "dampedHolt" });
const [fitMs, fitted] = time(() => model.fit(series));
const s = fitted.summary();
const rows = [["fit", fitMs]];
for (let k = 0; k < REPEATS; k++) {
  rows.push([`forecast #${k + 1} (12 dates)`, time(() => fitted.forecast(ahead, 0.95))[0]]);
  rows.push([`analyse #${k + 1}`, time(() => fitted.analyse(target, { today: last, level: 0.95 }))[0]]);
}
rows.push(["summary (in-sample values)", time(() => fitted.summary())[0]]);

console.log(`damped Holt on ${N} daily points: α = ${s.explanation.terms.find((t) => t.symbol === "alpha")?.value}, ` +
  `β = ${s.explanation.terms.find((t) => t.symbol === "beta")?.value}, φ = ${s.explanation.terms.find((t) => t.symbol === "phi")?.value}`);
console.log(`${"call".padEnd(30)} ${"ms".padStart(10)} ${"/ fit".padStart(8)}`);
let worst = 0;
for (const [name, ms] of rows) {
  const share = ms / fitMs;
  // The limit is for forecasts and analyses; the summary's in-sample values
  // are one per point, printed for comparison.
  if (name.startsWith("forecast") || name.startsWith("analyse")) worst = Math.max(worst, share);
  console.log(`${name.padEnd(30)} ${ms.toFixed(3).padStart(10)} ${share.toFixed(5).padStart(8)}`);
}
const ok = worst <= 1 / 20;
console.log(`largest forecast or analysis: ${(worst * 100).toFixed(3)} % of the fit (limit 5 %): ${ok ? "ok" : "TOO SLOW"}`);
process.exitCode = ok ? 0 : 1;
