// Expected values for the end-to-end tests, computed independently of the
// app: the built-in data files are read here, and every number comes from
// the JS/TS package built from the same core (`target/js-pkg/node`, built by
// `cargo xtask embed`, which `cargo xtask test` runs before Playwright).
// The tests then read the app's displayed numbers back from their
// Vietnamese or English writing and compare.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const pkgDir = path.resolve(process.env.DXCAST_JS_PKG ?? "target/js-pkg/node");
if (!existsSync(path.join(pkgDir, "dxcast_js.js"))) {
  throw new Error(`the JS package is missing at ${pkgDir}: run \`cargo xtask embed\` first`);
}
export const dx = createRequire(import.meta.url)(pkgDir);

/** Today as the tests open the app (`?today=`). */
export const TODAY = "2026-11-22";

/** The rows of a CSV file (RFC 4180: quoted fields, doubled quotes), as objects by header. */
export function readCsv(file) {
  const text = readFileSync(file, "utf8");
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      if (row.some((f) => f !== "")) rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

const camel = (code) => code.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
const KINDS = { ytd: "yearToDate" };
const COMPARISONS = { ">=": "atLeast", ">": "greaterThan", "<=": "atMost", "<": "lessThan" };

/** A status of the package ("onTrack") as the app's code ("on_track"). */
export const statusCode = (s) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** An indicator's series, choice, targets and a fit, from the data files through the package. */
export function reference(id) {
  const indicators = readCsv("data/indicators.csv");
  const reports = readCsv("data/reports.csv");
  const published = Object.fromEntries(reports.map((r) => [r.id, r.published]));
  const ind = indicators.find((i) => i.id === id);
  const kind = KINDS[ind.kind] ?? camel(ind.kind);
  // Oldest report first, as the core's series builder expects.
  const observations = readCsv("data/observations.csv")
    .filter((o) => o.indicator === id)
    .map((o, i) => ({ o, i }))
    .sort((a, b) => (published[a.o.report] ?? "9999").localeCompare(published[b.o.report] ?? "9999") || a.i - b.i)
    .map(({ o }) => ({ value: Number(o.value), period: o.period, status: o.status, qualifier: camel(o.qualifier), precision: 0 }));
  const points = dx.pointsFromObservations(kind, observations);
  const bounds = { min: ind.min === "" ? null : Number(ind.min), max: ind.max === "" ? null : Number(ind.max) };
  const series = { dates: points.dates, values: Float64Array.from(points.values), bounds, kind, unit: ind.unit };
  const targets = readCsv("data/targets.csv")
    .filter((t) => t.indicator === id)
    .map((t) => ({ value: Number(t.value), deadline: dx.parsePeriod(t.period).end, comparison: COMPARISONS[t.comparison] }));
  const choice = points.dates.length >= 2 ? dx.choose(series) : null;
  const fit = (spec = choice.ranked[0].spec) => new dx.Model(spec).fit(series);
  const analyse = (target, scenario = null, spec = undefined) => fit(spec).analyse(target, { today: TODAY }, scenario);
  return { ind, kind, series, targets, choice, fit, analyse };
}

/** The target the app shows for a row: the next one after today, else the last (first of equal deadlines). */
export function shownTarget(targets) {
  const next = targets.filter((t) => t.deadline >= TODAY).sort((a, b) => a.deadline.localeCompare(b.deadline))[0];
  if (next) return next;
  return targets.reduce((best, t) => (best === null || t.deadline > best.deadline ? t : best), null);
}

const SCALES_EN = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * A number as the app writes it, read back with the precision of its last
 * digit: Vietnamese through the package's own reader ("1,281 tỷ", "45,16 %"),
 * English here ("1.281 billion", "45.16%").
 */
export function readNumber(text, lang = "vi") {
  const t = text.trim();
  if (lang === "vi") {
    const s = dx.parseVi(t.replace(/^[−-]/, ""));
    const sign = /^[−-]/.test(t) ? -1 : 1;
    return { value: sign * s.value, precision: s.precision };
  }
  const m = t.match(/^([−-]?)([\d,]+)(?:\.(\d+))?\s*(thousand|million|billion|trillion)?\s*%?$/);
  if (!m) throw new Error(`not an English number: ${text}`);
  const scale = SCALES_EN[m[4]] ?? 1;
  const decimals = m[3] ?? "";
  const value = Number(`${m[2].replaceAll(",", "")}.${decimals || "0"}`) * scale * (m[1] ? -1 : 1);
  return { value, precision: 10 ** -decimals.length * scale };
}

/** Whether `expected` rounds to the number written as `text`. */
export function shows(text, expected, lang = "vi") {
  const { value, precision } = readNumber(text, lang);
  return Math.abs(value - expected) <= precision / 2 + Math.abs(expected) * 1e-12;
}
