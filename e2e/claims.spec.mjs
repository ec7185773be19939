// The claims page: every derived figure checked, disagreements first, with
// the recomputed ranges and explanations.
import { expect, test } from "./fixtures.mjs";
import { CLAIMS } from "./data.mjs";

const by = (verdict) => CLAIMS.filter((r) => r.expected === verdict).length;
import { ClaimsPage } from "./pages.mjs";

test("disagreements come first, with the recomputed ranges", async ({ page }) => {
  const c = new ClaimsPage(page);
  await c.open("#/claims");
  await expect(c.claims).toHaveCount(CLAIMS.length);
  await expect(page.getByTestId("claims-count")).toHaveText(`${by("disagree")} không khớp · ${by("cannot_check")} không kiểm tra được · ${by("agree")} khớp`);
  const verdicts = await c.claims.evaluateAll((els) => els.map((e) => e.dataset.verdict));
  expect(verdicts).toEqual([
    ...Array(by("disagree")).fill("disagree"),
    ...Array(by("cannot_check")).fill("cannot_check"),
    ...Array(by("agree")).fill("agree"),
  ]);

  // "khoảng 2,1 triệu" a day: 806 million / 342 days is 2,355–2,358 million.
  const daily = c.claim("c-r001-ndxp-daily");
  await expect(daily).toHaveAttribute("data-verdict", "disagree");
  await expect(daily.getByTestId("claim-stated")).toHaveText("khoảng 2,1 triệu");
  await expect(daily.getByTestId("claim-stated-range")).toHaveText("2,05 triệu – 2,15 triệu");
  await expect(daily.getByTestId("claim-recomputed")).toHaveText("2,355 triệu – 2,358 triệu");
  await expect(daily.getByTestId("claim-gap")).toHaveText(/^lệch ít nhất 205\.26\d$/);
  await expect(daily.getByTestId("claim-quote")).toContainText("2,1 triệu");
  await expect(daily.getByTestId("explanation")).toContainText("x̄ = X / d");
  await expect(daily.getByTestId("explanation")).toContainText("342");

  // 806 million × 365 / 342 ≈ 860 million: agrees.
  const rate = c.claim("c-r001-ndxp-run-rate");
  await expect(rate).toHaveAttribute("data-verdict", "agree");
  await expect(rate.getByTestId("claim-stated")).toHaveText("860 triệu");
  await expect(rate.getByTestId("claim-recomputed")).toHaveText("859,7 triệu – 860,7 triệu");
  await expect(rate.getByTestId("explanation-result")).toHaveText("860,2 triệu");
  await expect(rate.getByTestId("explanation")).toContainText("x̂ = x_ytd × D / d");

  // 11.923 / 13.506 = 88,28 %, not the 91,32 % stated.
  const cccd = c.claim("c-r004-cccd-share");
  await expect(cccd.getByTestId("claim-recomputed")).toHaveText("88,28 %");
  await expect(cccd.getByTestId("claim-stated")).toHaveText("91,32 %");
  await c.shots("claims");
});

test("filters by verdict and by report", async ({ page }) => {
  const c = new ClaimsPage(page);
  await c.open("#/claims");
  await c.filterVerdict("agree");
  await expect(c.claims).toHaveCount(CLAIMS.filter((r) => r.expected === "agree").length);
  await c.filterVerdict("disagree");
  await c.filterReport("r001");
  const ids = await c.claims.evaluateAll((els) => els.map((e) => e.dataset.id));
  expect(ids).toEqual(CLAIMS.filter((r) => r.expected === "disagree" && r.report === "r001").map((r) => r.id));
  await c.filterVerdict("");
  const reports = await c.claims.locator(".meta").allInnerTexts();
  expect(reports.every((r) => r.startsWith("Báo cáo r001"))).toBe(true);
});
