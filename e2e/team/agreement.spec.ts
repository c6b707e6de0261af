// Issue 17, end to end on the team server: the owner opens a round of independent annotation on a
// source for two researchers; each tags it in the reader without seeing the other's claims; the
// owner closes the round, reads the agreement table and the confusion matrix, curates one
// disagreement and downloads the curated set as CSV.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test } from "../support/fixtures";
import { claimInText, markClaim, sourceText } from "../support/reader";
import { join, ownerApi, PROJECT, PASSWORD, OWNER, uniqueName } from "../support/team";

const S1 = "The alliance held joint drills near Bishkek in September.";
const S2 = "Its members will leave the alliance within five years.";
const S3 = "Officials in Astana denied any plan to withdraw.";
const SHOTS = "/work/shots-agree";

test("two researchers annotate one source independently; the owner sees their agreement, curates a disagreement and exports the curated set", async ({ page, browser, playwright, baseURL }) => {
  // Three researchers' pages in one test: about 40 s on a quiet machine, so more than the default minute.
  test.setTimeout(180_000);
  const owner = await ownerApi(playwright, baseURL);
  const title = `Round source ${uniqueName("s")}`;
  const added = await owner.post(`/api/sources?project=${PROJECT}`, { data: { title, body: `${S1} ${S2}\n\n${S3}` } });
  expect(added.status(), await added.text()).toBe(201);
  const sourceId = (await added.json()).source.id as string;
  const annName = uniqueName("Ann");
  const boName = uniqueName("Bo");
  await join(page.request, owner, annName, "ANNOTATOR");
  const boContext = await browser.newContext({ baseURL });
  const boPage = await boContext.newPage();
  await join(boPage.request, owner, boName, "ANNOTATOR");
  await owner.dispose();

  // The owner opens the round on the rounds page, choosing the two researchers.
  const ownerContext = await browser.newContext({ baseURL });
  const ownerPage = await ownerContext.newPage();
  expect((await ownerPage.request.post("/api/auth/login", { data: { name: OWNER, password: PASSWORD } })).status()).toBe(200);
  await ownerPage.goto(`/p/${PROJECT}/rounds`);
  const form = ownerPage.getByRole("form", { name: "Open a round" });
  await form.getByLabel("Source").selectOption({ label: title });
  await form.getByRole("checkbox", { name: annName }).check();
  await form.getByRole("checkbox", { name: boName }).check();
  await form.getByRole("button", { name: "Open round" }).click();
  await expect(ownerPage.getByRole("heading", { name: `Round on “${title}”` })).toBeVisible();
  const roundUrl = ownerPage.url();

  // Ann tags two sentences; the reader tells her others' claims are hidden.
  await page.goto(`/p/${PROJECT}/sources/${sourceId}`);
  await expect(page.getByRole("status").filter({ hasText: "Independent annotation: others' claims are hidden until you mark your work done." })).toBeVisible();
  await expect(sourceText(page)).toBeVisible();
  const annS1 = await markClaim(page, S1, "Fact");
  await markClaim(page, S2, "Opinion");
  await page.screenshot({ path: `${SHOTS}/reader-banner.png` });

  // Bo tags the same first sentence, the second as a prediction, and a third one; he sees only his own.
  await boPage.goto(`/p/${PROJECT}/sources/${sourceId}`);
  await expect(sourceText(boPage)).toBeVisible();
  await expect(claimInText(boPage)).toHaveCount(0);
  await markClaim(boPage, S1, "Fact");
  await markClaim(boPage, S2, "Prediction");
  await markClaim(boPage, S3, "Fact");
  // Ann, reloading, still sees her own claims only: Bo's third sentence is not painted.
  await page.reload();
  await expect(claimInText(page, annS1).first()).toBeVisible();
  await expect(claimInText(page).filter({ hasText: S3 })).toHaveCount(0);

  // Ann marks her work done on the round page; the owner closes the round.
  await page.goto(roundUrl);
  await expect(page.getByText("agreement and the others' claims show once you mark your work done")).toBeVisible();
  await page.getByRole("button", { name: "Mark my work done" }).click();
  await expect(page.getByRole("row", { name: new RegExp(`${annName} \\(you\\)`) })).toContainText("Done");
  await ownerPage.reload();
  await ownerPage.screenshot({ path: `${SHOTS}/round-open.png`, fullPage: true });
  ownerPage.once("dialog", (dialog) => void dialog.accept());
  await ownerPage.getByRole("button", { name: "Close round" }).click();
  await expect(ownerPage.getByText("Closed", { exact: true })).toBeVisible();
  await ownerPage.getByRole("link", { name: "All rounds" }).click();
  await expect(ownerPage.getByRole("table", { name: `Rounds of ${"CSTO corpus"}` }).getByRole("row", { name: new RegExp(title) })).toContainText("Closed");
  await ownerPage.screenshot({ path: `${SHOTS}/rounds-list.png`, fullPage: true });
  await ownerPage.goto(roundUrl);

  // Agreement, worked out by hand: Ann (reference) marked S1, S2; Bo S1, S2, S3. Matched 2:
  // precision 2/3 = 0.67, recall 2/2 = 1.00, F1 = 2·2/(2+3) = 0.80. Kinds over the matched pairs
  // (Fact, Fact), (Opinion, Prediction): po = 1/2, pe = ½·½ = 1/4, κ = (½ − ¼)/(¾) = 0.33.
  // α over units (F,F), (O,P), (–,F): n = 4, Σo_cc = 2, n_F = 2, n_O = n_P = 1:
  // α = 1 − 3·2/(16 − 4 − 1 − 1) = 0.40. F1 per kind: facts, Ann 1 and Bo 2, 1 matched:
  // 2·1/(1 + 2) = 0.67; opinions (Ann 1, Bo 0) and predictions (Ann 0, Bo 1) share none: 0.
  const table = ownerPage.getByRole("table", { name: "Agreement per pair of annotators" });
  const row = table.getByRole("row", { name: new RegExp(`${annName} – ${boName}`) });
  await expect(row.getByRole("cell")).toHaveText(["0.80", "0.67", "1.00", "0.80", "0.33", "0.67", "0.00", "0.00"]);
  await expect(ownerPage.getByText("Krippendorff's α = 0.40")).toBeVisible();
  const matrix = ownerPage.getByRole("table", { name: /Confusion matrix/ });
  await expect(matrix.getByRole("row", { name: `${annName}: Opinion` }).getByRole("cell")).toHaveText(["0", "0", "1"]);
  await expect(ownerPage.getByText("How passages are matched: Two annotators' spans are taken as the same unit when they overlap by at least half of the shorter span")).toBeVisible();
  await ownerPage.getByRole("heading", { name: "Agreement" }).scrollIntoViewIfNeeded();
  await ownerPage.screenshot({ path: `${SHOTS}/agreement.png`, fullPage: true });

  // Curation: S2 was tagged differently, S3 marked by Bo only. Accept Ann's version of S2.
  const disagreements = ownerPage.getByRole("list", { name: "Disagreements" });
  await expect(disagreements.getByRole("listitem")).toHaveCount(2);
  const s2 = disagreements.getByRole("listitem").filter({ hasText: "the same words tagged differently" });
  await expect(s2.getByLabel(`${annName}'s version`)).toContainText("Opinion");
  await expect(s2.getByLabel(`${boName}'s version`)).toContainText("Prediction");
  await ownerPage.getByRole("heading", { name: "Curation" }).scrollIntoViewIfNeeded();
  await ownerPage.screenshot({ path: `${SHOTS}/curation-before.png`, fullPage: true });
  await s2.getByRole("button", { name: `Accept ${annName}'s version` }).click();
  await expect(s2.getByRole("status")).toContainText(`Accepted by ${OWNER}`);
  await expect(s2.getByRole("status")).toContainText(`curated as opinion, “${S2}”`);
  await ownerPage.screenshot({ path: `${SHOTS}/curation-after.png`, fullPage: true });

  // The curated set, downloaded as CSV: one row, the accepted sentence, tagged as Ann had it.
  const download = ownerPage.waitForEvent("download");
  await ownerPage.getByRole("link", { name: "Curated set of this source (CSV)" }).click();
  const rows = parse(await readFile(await (await download).path()), { columns: true, bom: true }) as Record<string, string>[];
  expect(rows.map((r) => [r.quote, r.kind])).toEqual([[S2, "OPINION"]]);

  await boContext.close();
  await ownerContext.close();
});
