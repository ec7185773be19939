// The interface's words in both languages, from the catalogue itself:
// `cargo run -p dxcast-web --example e2e_catalogue` writes every pair as
// JSON (web/examples/e2e_catalogue.rs says what it walks), and
// `cargo xtask test` does so into target/e2e/catalogue.json before it runs
// Playwright. `foreignWords(lang)` finds, in the texts a page shows, the
// other language's words where this language's differ.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const file = path.resolve(process.env.DXCAST_E2E_CATALOGUE ?? "target/e2e/catalogue.json");
if (!existsSync(file)) {
  throw new Error(
    `the catalogue is missing at ${file}: run \`cargo run -p dxcast-web --example e2e_catalogue > ${file}\` (cargo xtask test does)`,
  );
}

const catalogue = JSON.parse(readFileSync(file, "utf8"));

/** Every pair: `{ key, vi, en }`, templates with `{0}`, `{1}`, … */
export const PAIRS = catalogue.pairs;

/** The explanations' symbols ("x", "min", "score"): notation, in both languages. */
export const NOTATION = new Set(catalogue.notation);

const PLACEHOLDER = /\{\d+\}/g;
const squash = (s) => s.replace(/\s+/g, " ").trim();
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The other language's texts a page in `lang` must not show: every pair
 * whose texts differ, minus the texts that are this language's own
 * somewhere else in the catalogue. Each is a whole-text pattern (its
 * placeholders match anything) and, for the words between placeholders
 * that are long enough to be unmistakable (two words or more, ten
 * characters or more), a fragment to find inside longer texts.
 */
function foreign(lang) {
  const other = lang === "vi" ? "en" : "vi";
  const own = new Set(PAIRS.map((p) => squash(p[lang])));
  const found = [];
  for (const p of PAIRS) {
    const mine = squash(p[lang]);
    const theirs = squash(p[other]);
    if (!theirs || theirs === mine || own.has(theirs)) continue;
    // A template whose words all appear in this language's text too
    // ("MAPE {0}" beside "sai số MAPE {0}") says nothing of the language.
    const words = (s) => s.replace(PLACEHOLDER, " ").match(/\p{L}+/gu) ?? [];
    const mineWords = new Set(words(mine));
    if (/\{\d+\}/.test(theirs) && words(theirs).every((w) => mineWords.has(w))) continue;
    const parts = theirs.split(PLACEHOLDER);
    const whole = new RegExp(`^${parts.map(escape).join(".+?")}$`, "u");
    const fragments = parts.map((s) => s.trim()).filter((s) => s.length >= 10 && s.includes(" ") && ![...own].some((o) => o.includes(s)));
    found.push({ key: p.key, text: theirs, whole, fragments });
  }
  return found;
}

const FOREIGN = { vi: foreign("vi"), en: foreign("en") };

/**
 * The texts among `texts` (`{ text, where, code }`) that are the other
 * language's catalogue words on a page in `lang`: `{ text, where, key,
 * catalogue }`. A symbol's notation in a `<code>` element (`code` true) is
 * notation, not words.
 */
export function foreignWords(lang, texts) {
  const hits = [];
  for (const { text, where, code } of texts) {
    const t = squash(text);
    if (!t || (code && NOTATION.has(t))) continue;
    for (const f of FOREIGN[lang]) {
      if (f.whole.test(t) || f.fragments.some((s) => t.includes(s))) {
        hits.push({ text: t, where, key: f.key, catalogue: f.text });
        break;
      }
    }
  }
  return hits;
}
