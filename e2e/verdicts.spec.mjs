// Verdicts decided by a figure: every target of the data whose verdict a
// figure at or before its deadline decides, as the model crate assesses it
// (app/examples/e2e_expected.rs), shows its status, the deciding figure with
// its date and status, and the projection's own outlook beside it. The
// deciding figure is one of the data files' rows.
import { expect, test } from "./fixtures.mjs";
import { IndicatorPage } from "./pages.mjs";
import { TODAY, shownDate, shows, verdicts } from "./expected.mjs";
import { table } from "./data.mjs";

const Q = `?today=${TODAY}`;
const STATUS = {
  vi: { observed: "Thực tế", estimate: "Ước tính" },
  en: { observed: "Observed", estimate: "Estimate" },
};
const DECIDED = {
  vi: /^Quyết định bởi số liệu (.+) ngày (\S+) \((.+)\)\.$/,
  en: /^Decided by the figure (.+) on (.+) \((.+)\)\.$/,
};

const decided = Object.entries(verdicts).flatMap(([id, rows]) =>
  rows.map((row, index) => ({ id, index, ...row })).filter((r) => r.base.deciding),
);

test("targets decided by a figure show it, in both languages, with the projection's outlook", async ({ page }) => {
  expect(decided.length).toBeGreaterThan(0);
  const observations = table("observations");
  const p = new IndicatorPage(page);
  for (const { id, index, base } of decided) {
    const d = base.deciding;
    // A figure of the data files, of this indicator, dated as the verdict
    // says: of two for one date, the later report's (the later row).
    const row = observations.findLast(
      (o) => o.indicator === id && (o.period === d.date || o.period.endsWith(`/${d.date}`)) && o.status === d.status,
    );
    expect(row, `${id}: a ${d.status} figure on ${d.date} in data/observations.csv`).toBeTruthy();
    expect(Number(row.value)).toBe(d.value);

    await p.open(`#/i/${id}`, Q);
    await expect(page.getByTestId("analytics")).toBeVisible();
    expect(await p.status(index)).toBe(base.standing);
    const status = p.quantity(index, "status");
    for (const lang of ["vi", "en"]) {
      if (lang === "en") await p.switchLanguage("en");
      const why = (await status.getByTestId("verdict-why").textContent()).trim();
      const m = why.match(DECIDED[lang]);
      expect(m, `${id}: “${why}”`).not.toBeNull();
      expect(shows(m[1], d.value, lang), `${id}: ${m[1]} vs ${d.value}`).toBe(true);
      expect(m[2]).toBe(shownDate(d.date, lang));
      expect(m[3]).toBe(STATUS[lang][d.status]);
      // The projection alone may say otherwise; it is shown when it does.
      const outlook = status.getByTestId("outlook");
      if (base.outlook !== base.standing && base.standing !== "unreachable") {
        await expect(outlook).toHaveAttribute("data-status", base.outlook);
      } else {
        await expect(outlook).toHaveCount(0);
      }
    }
    await p.switchLanguage("vi");
  }
  await p.shots("indicator-decided", "analytics");
});
