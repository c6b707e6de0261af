import { parse } from "csv-parse/sync";
import { expect, test } from "./support/fixtures";
import { claimInText, markClaim } from "./support/reader";

const ARTICLE = "Doubts grow over CSTO membership in wake of Russia's war in Ukraine";
const ARTICLE_AUTHOR = "Kanat Altynbayev";
const COMMENT = "Uzbekistan has all the power to protect itself";

test("a claim in the reader comments is cited as a reader comment, never under the article's author, in every export", async ({ page, request }) => {
  await page.goto("/");
  await page.getByRole("link", { name: ARTICLE }).first().click();
  await page.waitForURL(/\/sources\/[^/]+$/);
  const sourceId = new URL(page.url()).pathname.split("/").pop()!;
  const claimId = await markClaim(page, COMMENT, "Opinion");

  await claimInText(page, claimId).first().click();
  const editor = page.getByRole("region", { name: "Edit claim" });
  await expect(editor.getByText("A reader comment, not the author's claim.")).toBeVisible();
  await expect(editor.getByLabel("Attribution")).toHaveValue("READER_COMMENT");

  const get = async (format: string) => {
    const r = await request.get(`/api/export/${format}?sourceId=${sourceId}`);
    expect(r.status(), format).toBe(200);
    return r.text();
  };
  const csv = (parse(await get("csv"), { columns: true, bom: true }) as Record<string, string>[]).find((r) => r.id === claimId)!;
  expect([csv.author, csv.speaker, csv.attribution]).toEqual(["", "reader comment", "READER_COMMENT"]);
  const node = (parse(await get("gephi-nodes"), { columns: true }) as Record<string, string>[]).find((r) => r.Id === claimId)!;
  expect([node.speaker, node.attribution]).toEqual(["reader comment", "READER_COMMENT"]);
  const mdLine = (await get("markdown")).split("\n").find((l) => l.includes("Uzbekistan has all the power"))!;
  expect(mdLine).toContain("reader comment on");
  expect(mdLine).not.toContain(ARTICLE_AUTHOR);
  const item = new RegExp(`<li id="claim-${claimId}"[\\s\\S]*?</li>`).exec(await get("html"))![0];
  expect(item).toContain("reader comment on");
  expect(item).not.toContain(ARTICLE_AUTHOR);
  const annotation = JSON.parse(await get("w3c")).first.items.find((a: { id: string }) => a.id === `urn:claim:${claimId}`);
  expect(annotation["cp:attribution"]).toBe("READER_COMMENT");
  expect(annotation["prov:wasAttributedTo"]).toBeUndefined();
  const claimNode = JSON.parse(await get("claimreview"))["@graph"].find((n: { "@id": string }) => n["@id"] === `urn:claim:${claimId}`);
  expect(claimNode.author).toBeUndefined();
  expect(JSON.stringify(claimNode)).not.toContain(ARTICLE_AUTHOR);
  // CSL and BibTeX list the article itself (whose author he is) and name no claim's speaker.
  expect(await get("csl")).not.toContain(COMMENT);
  expect(await get("bibtex")).not.toContain(COMMENT);
  await page.screenshot({ path: "/tmp/prov2-editor.png", fullPage: false });
});

test("accept the suggested speaker and origin of an attribution phrase and see the chain", async ({ page, request }) => {
  const stamp = Date.now();
  const wire = await request.post("/api/sources", { data: { title: `TASS wire ${stamp}`, publisher: "TASS", body: "2,500 CSTO troops arrived in Almaty on 6 January 2022." } });
  expect(wire.status()).toBe(201);
  const QUOTE = "About 2,500 CSTO troops arrived in Almaty";
  const report = await request.post("/api/sources", {
    data: { title: `Almaty report ${stamp}`, author: "Dana Reporter", date: "2022-01-08", body: `Day one.\n\n${QUOTE}, according to TASS, the Russian news agency.\n\nEnd.` },
  });
  expect(report.status()).toBe(201);
  await page.goto(`/sources/${(await report.json()).source.id}`);
  const claimId = await markClaim(page, QUOTE, "Fact");
  await claimInText(page, claimId).first().click();
  const editor = page.getByRole("region", { name: "Edit claim" });
  await expect(editor.getByText(/Said by\s*Dana Reporter/)).toBeVisible();

  await editor.getByRole("button", { name: "Accept speaker: TASS" }).click();
  await expect(editor.getByText(/Said by\s*TASS/)).toBeVisible();
  await expect(editor.getByLabel("Attribution")).toHaveValue("REPORTED");
  await editor.getByRole("button", { name: `Accept origin: TASS wire ${stamp}` }).click();
  await expect(editor.getByRole("group", { name: "Rests on" })).toContainText(`Source: “TASS wire ${stamp}”`);
  await page.screenshot({ path: "/tmp/prov2-who-says-it.png", fullPage: true });

  await editor.getByRole("link", { name: "Provenance" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Provenance of a claim" })).toBeVisible();
  await expect(page.getByText("1 claim in 1 source resting on 1 independent origin").first()).toBeVisible();
  await expect(page.getByRole("img", { name: /Provenance graph/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Chains" }).getByRole("listitem")).toHaveText([new RegExp(`claim “${QUOTE}”.*→.*source “TASS wire ${stamp}”`)]);
  await page.screenshot({ path: "/tmp/prov2-provenance.png", fullPage: true });
});
