// Expected values for the end-to-end tests, computed by the app's model crate
// natively: `cargo run -p dxcast-app --example e2e_expected` writes them as
// JSON (app/examples/e2e_expected.rs says what each case is), and
// `cargo xtask test` does so into target/e2e/expected.json before it runs
// Playwright. The tests read the app's displayed numbers back from their
// Vietnamese or English writing and compare them with these.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const file = path.resolve(process.env.DXCAST_E2E_EXPECTED ?? "target/e2e/expected.json");
if (!existsSync(file)) {
  throw new Error(
    `the expected values are missing at ${file}: run \`cargo run -p dxcast-app --example e2e_expected > ${file}\` (cargo xtask test does)`,
  );
}
const expected = JSON.parse(readFileSync(file, "utf8"));

/** Today as the tests open the app (`?today=`). */
export const TODAY = expected.today;

/** NDXP transactions: the recommended method, the staged targets, and each case's assessments. */
export const ndxp = expected.ndxp_tx;

/**
 * The assessments of NDXP transactions' targets under a case of
 * app/examples/e2e_expected.rs: `case(name)[i].base` and `.scenario`.
 */
export function ndxpCase(name) {
  const c = ndxp.cases[name];
  if (!c) throw new Error(`no expected case “${name}” (see app/examples/e2e_expected.rs)`);
  return c.targets;
}

/** The whole of a case: its method, methods, paths, scenario start, flag. */
export function ndxpRun(name) {
  const c = ndxp.cases[name];
  if (!c) throw new Error(`no expected case “${name}” (see app/examples/e2e_expected.rs)`);
  return c;
}

/** The day after the last report, for verdicts before the 2025 deadline. */
export const AFTER_LAST_REPORT = expected.after_last_report;

/** A date (YYYY-MM-DD) as the app writes it: "30/4/2024" or "30 Apr 2024". */
export function shownDate(iso, lang = "vi") {
  const [y, m, d] = iso.split("-").map(Number);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return lang === "vi" ? `${d}/${m}/${y}` : `${d} ${months[m - 1]} ${y}`;
}

/**
 * A date as a date field shows it and takes it in `lang`: Vietnamese day
 * first ("30/4/2024"), English ISO ("2024-04-30"); links and storage keep ISO.
 */
export function typedDate(iso, lang = "vi") {
  const [y, m, d] = iso.split("-").map(Number);
  return lang === "vi" ? `${d}/${m}/${y}` : iso;
}

/** The report page's case: e2e/report-sample.txt pasted with its date. */
export const reportCase = expected.report;

/** Every indicator's targets assessed as its page shows them on TODAY: `verdicts[id][i].base`. */
export const verdicts = expected.verdicts;

/** Every indicator's candidate methods that do not fit its series: `unfit[id]`, method codes. */
export const unfit = expected.unfit;

/** Every indicator's standing on the dashboard. */
export const standings = expected.standings;

const SCALES = {
  "nghìn tỷ": 1e12,
  "ngàn tỷ": 1e12,
  tỷ: 1e9,
  triệu: 1e6,
  nghìn: 1e3,
  ngàn: 1e3,
  trillion: 1e12,
  billion: 1e9,
  million: 1e6,
  thousand: 1e3,
};

/**
 * A number as the app writes it, read back with the precision of its last
 * digit: "1,281 tỷ", "45,16 %", "58.397.139" in Vietnamese; "1.281 billion",
 * "45.16%", "58,397,139" in English.
 */
export function readNumber(text, lang = "vi") {
  const [group, decimal] = lang === "vi" ? [".", ","] : [",", "."];
  const m = text.trim().match(/^([−-]?)([\d.,]+)\s*([^\d%]*?)\s*%?$/u);
  if (!m) throw new Error(`not a number as the app writes it: ${text}`);
  const word = m[3].trim();
  const scale = word === "" ? 1 : SCALES[word];
  if (scale === undefined) throw new Error(`unknown scale word “${word}” in ${text}`);
  const [int, frac = "", ...rest] = m[2].split(decimal);
  const grouped = new RegExp(`^(\\d{1,3}(\\${group}\\d{3})*|\\d+)$`);
  if (rest.length > 0 || !/^\d*$/.test(frac) || !grouped.test(int)) {
    throw new Error(`misplaced separators in ${text}`);
  }
  const value = Number(`${int.replaceAll(group, "")}.${frac || "0"}`) * scale * (m[1] ? -1 : 1);
  return { value, precision: 10 ** -frac.length * scale };
}

/** Whether `expected` rounds to the number written as `text`. */
export function shows(text, expected, lang = "vi") {
  const { value, precision } = readNumber(text, lang);
  return Math.abs(value - expected) <= precision / 2 + Math.abs(expected) * 1e-12;
}

/** The user's rows the dashboard test stores, and NDXP's standing with them. */
export const userFigure = expected.user_figure;
