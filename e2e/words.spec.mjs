// Every text a user reads is in the language chosen: on each page, in
// Vietnamese and in English, no text node and no attribute read aloud or
// shown (aria-label, title, placeholder, alt) is the other language's word
// from the catalogue (e2e/catalogue.mjs) where this language's differs.
// Texts in another language are marked as such (`lang="vi"` on the
// reports' quotes and the figures as stated, the indicator's other name, the
// language switch) and are data, not words of the interface: they are
// listed, not judged. The data's notes are not among them: each is shown in
// the page's language, unmarked, and one that reads as English on a
// Vietnamese page fails; a quote is exempt on an English page only inside a
// `lang="vi"` element, and is followed there by its English gloss.
import { writeFileSync } from "node:fs";
import { expect, test } from "./fixtures.mjs";
import { TODAY } from "./expected.mjs";
import { foreignWords, PAIRS } from "./catalogue.mjs";
import { App, IndicatorPage } from "./pages.mjs";

const Q = `?today=${TODAY}`;

/**
 * The texts of the page a user reads, each with where it is: text nodes
 * (those in closed parts too, which are opened first) and the attributes
 * aria-label, title, placeholder and alt, and the document's title. Texts
 * under an element whose `lang` is not the page's are returned apart, as
 * `marked`.
 */
async function pageTexts(page) {
  await page.locator("details").evaluateAll((els) => els.forEach((e) => (e.open = true)));
  await page.waitForTimeout(100);
  return page.evaluate(() => {
    const lang = document.documentElement.lang;
    const where = (el) => {
      const id = el.closest("[data-testid]");
      return `${el.tagName.toLowerCase()}${id ? ` in [data-testid=${id.dataset.testid}]` : ""}`;
    };
    const langOf = (el) => el.closest("[lang]")?.getAttribute("lang") ?? lang;
    const texts = [{ text: document.title, where: "document title" }];
    const marked = [];
    const add = (el, text, at, code = false) =>
      (langOf(el) === lang ? texts : marked).push({
        text,
        where: at,
        code,
        // The data's notes (and the quotes' glosses), and the reports' quotes.
        note: el.closest(".note, .gloss") !== null,
        quote: el.closest("blockquote.quote") !== null,
      });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest("script, style, template, noscript")) continue;
      if (n.textContent.trim()) add(el, n.textContent, where(el), el.closest("code") !== null);
    }
    for (const attr of ["aria-label", "title", "placeholder", "alt"]) {
      for (const el of document.body.querySelectorAll(`[${attr}]`)) add(el, el.getAttribute(attr), `${attr} of ${where(el)}`);
    }
    return { texts, marked };
  });
}

/**
 * English function words: two of them in a text outside «» (the report's
 * words a Vietnamese note quotes) make it read as English. None is a
 * Vietnamese word.
 */
const ENGLISH = /\b(the|of|and|is|are|was|not|from|by|for|with|which|this|that|its|but|only|than|same|given|stated)\b/gi;

function readsAsEnglish(text) {
  const own = text.replace(/«[^»]*»/g, " ");
  return new Set((own.match(ENGLISH) ?? []).map((w) => w.toLowerCase())).size >= 2;
}

/** Checks the page in `lang`; returns the marked texts of another language. */
async function check(page, lang, name) {
  const { texts, marked } = await pageTexts(page);
  expect(texts.length, `${name}: texts read`).toBeGreaterThan(20);
  const found = foreignWords(lang, texts).map((h) => `${name} (${lang}): “${h.text}” at ${h.where} is the other language's ${h.key} “${h.catalogue}”`);
  expect(found, `${name} in ${lang}: words of the other language`).toEqual([]);
  // The data's notes are in the page's language: none is marked as another
  // language, and on a Vietnamese page none reads as English.
  const say = (m, why) => `${name} (${lang}): “${m.text.trim()}” at ${m.where} ${why}`;
  const notes = [
    ...marked.filter((m) => m.note).map((m) => say(m, "is a note marked as another language")),
    ...(lang === "vi" ? texts.filter((m) => m.note && readsAsEnglish(m.text)).map((m) => say(m, "is a note in English")) : []),
  ];
  expect(notes, `${name} in ${lang}: notes in the other language`).toEqual([]);
  // The reports' quotes are marked as Vietnamese wherever they are shown.
  if (lang === "en") {
    const unmarked = texts.filter((m) => m.quote).map((m) => say(m, "is a quote not marked lang=vi"));
    expect(unmarked, `${name}: quotes not marked`).toEqual([]);
  }
  return marked;
}

test("the catalogue is read: both languages, differing where words are involved", async () => {
  expect(PAIRS.length).toBeGreaterThan(500);
  const same = PAIRS.filter((p) => p.vi === p.en).map((p) => p.key);
  // Symbols, notation and codes are the same in both languages; words are not.
  expect(same.filter((k) => k.startsWith("K::"))).toEqual(["K::FieldError"]);
});

for (const lang of ["vi", "en"]) {
  test(`every page shows only ${lang === "vi" ? "Vietnamese" : "English"} words of the interface`, async ({ page }) => {
    test.setTimeout(120_000);
    const app = new App(page);
    await app.open("#/", Q);
    if (lang === "en") await app.switchLanguage("en");
    const marked = [];
    await expect(page.getByTestId("dashboard")).toBeVisible();
    marked.push(...(await check(page, lang, "dashboard")));

    // An indicator with a what-if scenario typed, saved and compared.
    const p = new IndicatorPage(page);
    await p.open("#/i/ndxp_tx", Q);
    await expect(page.getByTestId("analytics")).toBeVisible();
    await p.setRate("20");
    await p.field("wi-shock").fill("-10");
    await p.field("wi-target").fill("1500000000");
    await expect(page.getByTestId("chart-whatif-target")).toHaveCount(1);
    await p.saveScenario("A1");
    await page.getByTestId("compare-toggle").check();
    await expect(page.getByTestId("chart-compared")).toHaveCount(1);
    marked.push(...(await check(page, lang, "indicator ndxp_tx with a what-if")));
    // On an English page each quote is followed by its English gloss; on a
    // Vietnamese page there is none.
    const quotes = page.getByTestId("observation-quote");
    const glossed = page.locator("[data-testid=observation-quote] + [data-testid=quote-gloss]");
    expect(await quotes.count()).toBeGreaterThan(0);
    if (lang === "en") {
      await expect(glossed).toHaveCount(await quotes.count());
      await expect(glossed.first()).toContainText("In English:");
      await expect(glossed.first()).not.toHaveAttribute("lang", /./);
    } else {
      await expect(page.getByTestId("quote-gloss")).toHaveCount(0);
    }
    // Values that do not read: their errors are in the language too.
    await p.field("wi-shock").fill("x");
    await p.field("wi-horizon").fill("30.6.2028");
    await expect(page.getByTestId("wi-horizon-error")).not.toBeEmpty();
    marked.push(...(await check(page, lang, "indicator ndxp_tx with a bad what-if field")));

    for (const [route, testid, name] of [
      ["#/claims", "claims-page", "claims"],
      ["#/data", "data-page", "data"],
      ["#/report", "report-page", "report"],
    ]) {
      await app.open(route, Q);
      await expect(page.getByTestId(testid)).toBeVisible();
      marked.push(...(await check(page, lang, name)));
    }

    // The texts of another language, marked as such: the reports' quotes and
    // stated figures, the other name of the indicator, the language switch.
    // They are listed in artifacts/ for reading.
    const seen = [...new Set(marked.map((m) => `${m.where}: ${m.text.replace(/\s+/g, " ").trim()}`))];
    expect(seen.length).toBeGreaterThan(0);
    writeFileSync(`artifacts/words-marked-${lang}.txt`, `${seen.join("\n")}\n`);
  });
}
