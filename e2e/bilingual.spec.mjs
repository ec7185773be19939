// The data's notes in the page's language, and the reports' quotes in
// Vietnamese, as the source, followed on English pages by their English
// gloss. The expected texts are the data files' own (e2e/data.mjs).
import { expect, test } from "./fixtures.mjs";
import { TODAY } from "./expected.mjs";
import { table } from "./data.mjs";
import { ClaimsPage, DataPage, IndicatorPage } from "./pages.mjs";

const Q = `?today=${TODAY}`;
const row = (name, id) => table(name).find((r) => r.id === id);
const ind = row("indicators", "dossiers_submitted_online_share");
const obs = row("observations", "r004-submitted-share");
const target = row("targets", "t-r004-submitted-2022");
const claim = row("claims", "c-r001-ndxp-daily");

test("an indicator's notes (its own, its figures', its targets') follow the language; its quotes stay Vietnamese, glossed on English pages", async ({ page }) => {
  const p = new IndicatorPage(page);
  await p.open(`#/i/${ind.id}`, Q);
  const definition = page.locator("section.definition p.note");
  const figure = p.observation(obs.id);
  const quote = figure.getByTestId("observation-quote");
  const targetNote = page.locator(`[data-testid="target-row"][data-id="${target.id}"] p.note`);
  await expect(definition).toHaveText(ind.note_vi);
  await expect(targetNote).toHaveText(target.note_vi);
  await expect(targetNote).not.toHaveAttribute("lang", /./);
  await expect(definition).not.toHaveAttribute("lang", /./);
  await expect(figure.locator("p.note")).toHaveText(obs.note_vi);
  await expect(quote).toHaveText(obs.quote);
  await expect(quote).toHaveAttribute("lang", "vi");
  await expect(page.getByTestId("quote-gloss")).toHaveCount(0);
  await p.shots("bilingual-indicator-vi", "observation-row");

  await p.switchLanguage("en");
  await expect(definition).toHaveText(ind.note);
  await expect(definition).not.toHaveAttribute("lang", /./);
  await expect(targetNote).toHaveText(target.note);
  await expect(figure.locator("p.note")).toHaveText(obs.note);
  await expect(quote).toHaveText(obs.quote);
  await expect(quote).toHaveAttribute("lang", "vi");
  await expect(figure.getByTestId("quote-gloss")).toHaveText(`In English: ${obs.quote_en}`);
  await p.shots("bilingual-indicator-en", "observation-row");
});

test("a claim's hand arithmetic follows the language; its quote is glossed on English pages", async ({ page }) => {
  const c = new ClaimsPage(page);
  await c.open("#/claims", Q);
  const daily = c.claim(claim.id);
  await daily.locator("details.note").evaluate((d) => (d.open = true));
  await expect(daily.locator("details.note p")).toHaveText(claim.note_vi);
  await expect(daily.locator("details.note p")).not.toHaveAttribute("lang", /./);
  await expect(daily.getByTestId("claim-quote")).toHaveText(claim.quote);
  await expect(daily.getByTestId("quote-gloss")).toHaveCount(0);
  await daily.evaluate((e) => e.scrollIntoView({ block: "start" }));
  await c.shots("bilingual-claims-vi", "claim");

  await c.switchLanguage("en");
  await daily.locator("details.note").evaluate((d) => (d.open = true));
  await expect(daily.locator("details.note p")).toHaveText(claim.note);
  await expect(daily.getByTestId("claim-quote")).toHaveAttribute("lang", "vi");
  await expect(daily.getByTestId("quote-gloss")).toHaveText(`In English: ${claim.quote_en}`);
  await c.shots("bilingual-claims-en", "claim");
});

// A user's indicator gets a note in each language, from the data page; its
// page shows the one of the page's language.
test("a note typed in each language on the data page is shown in that language", async ({ page }) => {
  const d = new DataPage(page);
  await d.open("#/data", Q);
  await page.getByTestId("ind-id").fill("u_bilingual");
  await page.getByTestId("ind-name_vi").fill("Chỉ tiêu hai thứ tiếng");
  await page.getByTestId("ind-name_en").fill("A bilingual indicator");
  await page.getByTestId("ind-unit").selectOption("count");
  await page.getByTestId("ind-kind").selectOption("stock");
  await page.getByTestId("ind-pillar").selectOption("economy");
  await page.getByTestId("ind-note_vi").fill("Ghi chú bằng tiếng Việt.");
  await page.getByTestId("ind-note").fill("A note in English.");
  await d.shots("bilingual-data-form", "ind-note_vi");
  await page.getByTestId("ind-save").click();
  await expect(page.locator('[data-testid="user-row"][data-id="u_bilingual"]')).toHaveCount(1);

  const p = new IndicatorPage(page);
  await p.open("#/i/u_bilingual", Q);
  const definition = page.locator("section.definition p.note");
  await expect(definition).toHaveText("Ghi chú bằng tiếng Việt.");
  await p.switchLanguage("en");
  await expect(definition).toHaveText("A note in English.");
});

// Editing a built-in figure shows its texts in both languages, so that an
// edit keeps them.
test("editing a figure shows its quote's gloss and both notes", async ({ page }) => {
  const d = new DataPage(page);
  await d.open(`#/data/o/${obs.id}`, Q);
  await expect(page.getByTestId("obs-quote")).toHaveValue(obs.quote);
  await expect(page.getByTestId("obs-quote_en")).toHaveValue(obs.quote_en);
  await expect(page.getByTestId("obs-note_vi")).toHaveValue(obs.note_vi);
  await expect(page.getByTestId("obs-note")).toHaveValue(obs.note);
});
