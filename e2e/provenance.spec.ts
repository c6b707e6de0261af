import { parse } from "csv-parse/sync";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { claimCard, claimInText, markClaim, sourceText } from "./support/reader";
import { at, withProject } from "./support/project";

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
    const r = await request.get(withProject(`/api/export/${format}`, { sourceId }));
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
  const wire = await request.post(withProject("/api/sources"), { data: { title: `TASS wire ${stamp}`, publisher: "TASS", body: "2,500 CSTO troops arrived in Almaty on 6 January 2022." } });
  expect(wire.status()).toBe(201);
  const QUOTE = "About 2,500 CSTO troops arrived in Almaty";
  const report = await request.post(withProject("/api/sources"), {
    data: { title: `Almaty report ${stamp}`, author: "Dana Reporter", date: "2022-01-08", body: `Day one.\n\n${QUOTE}, according to TASS, the Russian news agency.\n\nEnd.` },
  });
  expect(report.status()).toBe(201);
  await page.goto(at(`/sources/${(await report.json()).source.id}`));
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

/** A source with three claims: one said by a speaker with an alias, reported, resting on an outside
 *  reference; one in the author's voice; one resting on the second. */
async function setUpAlmatyWeek(request: APIRequestContext) {
  const stamp = Date.now();
  // The stamp keeps each test's text apart: a text pasted twice is refused as a duplicate.
  const body = `Tokayev asked the CSTO for help on 5 January.\n\nThe troops left within two weeks.\n\nThe mission was a success.\n\nFiled ${stamp}.`;
  const created = await request.post(withProject("/api/sources"), { data: { title: `Almaty week ${stamp}`, author: "Dana Reporter", body } });
  expect(created.status()).toBe(201);
  const sourceId = (await created.json()).source.id as string;
  const speaker = await request.post("/api/speakers", { data: { name: `Kassym-Jomart Tokayev ${stamp}`, role: "President of Kazakhstan", aliases: ["Tokaev"] } });
  expect(speaker.status(), await speaker.text()).toBe(201);
  const speakerId = (await speaker.json()).speaker.id as string;
  const mark = async (phrase: string, change: Record<string, unknown> = {}) => {
    const start = body.indexOf(phrase);
    const r = await request.post("/api/claims", { data: { sourceId, start, end: start + phrase.length, kind: "FACT" } });
    expect(r.status()).toBe(201);
    const claim = (await r.json()).claim;
    if (Object.keys(change).length > 0) {
      const p = await request.patch(`/api/claims/${claim.id}`, { data: { version: claim.version, ...change } });
      expect(p.status(), await p.text()).toBe(200);
    }
    return claim.id as string;
  };
  const asked = await mark("Tokayev asked the CSTO for help on 5 January", {
    speakerId, attributionType: "REPORTED", restsOn: { kind: "newReference", reference: { title: "Akorda press release", publisher: "Akorda" } },
  });
  const left = await mark("The troops left within two weeks");
  await mark("The mission was a success", { restsOn: { kind: "claim", id: left } });
  return { stamp, sourceId, speakerId, asked, left };
}

test("the claims list shows each claim's speaker, attribution and origin, and filters by origin and attribution in the URL", async ({ page, request }) => {
  const { stamp, sourceId, left } = await setUpAlmatyWeek(request);
  await page.goto(at(`/claims?sourceId=${sourceId}`));
  const claims = page.getByRole("list", { name: "Claims" });
  await expect(claims.getByRole("listitem")).toHaveCount(3);
  const card = (quote: string) => claims.getByRole("listitem").filter({ has: page.getByRole("link", { name: quote, exact: true }) });
  const askedCard = card("Tokayev asked the CSTO for help on 5 January");
  await expect(askedCard.getByRole("definition").nth(1)).toHaveText(`Kassym-Jomart Tokayev ${stamp} (President of Kazakhstan)`);
  await expect(askedCard).toContainText("AttributionReported (according to …)");
  await expect(askedCard).toContainText("Originoutside: Akorda press release, Akorda");
  const successCard = card("The mission was a success");
  await expect(successCard).toContainText("SpeakerDana Reporter");
  await expect(successCard.getByRole("link", { name: "The troops left within two weeks" })).toHaveAttribute("href", at(`/sources/${sourceId}#claim-${left}`));
  await page.screenshot({ path: "/tmp/shots-prov/claims-list.png", fullPage: true });

  const filters = page.getByRole("search", { name: "Filter claims" });
  await filters.getByLabel("Origin").selectOption({ label: "Rests on an outside reference" });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]origin=reference(&|$)/);
  await expect(claims.getByRole("listitem")).toHaveText([/Tokayev asked the CSTO/]);

  await filters.getByLabel("Origin").selectOption({ label: "Any or none" });
  await filters.getByLabel("Attribution").selectOption({ label: "Source's own voice" });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]attribution=OWN_VOICE(&|$)/);
  await expect(claims.getByRole("listitem")).toHaveText([/The troops left/, /The mission was a success/]);
});

test("the claims list filters by the source a claim rests on and by speaker, and its search finds a speaker by alias", async ({ page, request }) => {
  const { stamp, sourceId, speakerId, asked } = await setUpAlmatyWeek(request);
  await page.goto(at(`/claims?sourceId=${sourceId}`));
  const claims = page.getByRole("list", { name: "Claims" });
  const filters = page.getByRole("search", { name: "Filter claims" });
  await filters.getByLabel("Rests on source").selectOption({ label: `Almaty week ${stamp}` });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]originSourceId=${sourceId}(&|$)`));
  await expect(claims.getByRole("listitem")).toHaveText([/The mission was a success/]);

  await filters.getByLabel("Rests on source").selectOption({ label: "Any source" });
  await filters.getByRole("combobox", { name: "Speaker", exact: true }).selectOption({ label: `Kassym-Jomart Tokayev ${stamp} (President of Kazakhstan)` });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]speakerId=${speakerId}(&|$)`));
  await expect(claims.getByRole("listitem")).toHaveText([/Tokayev asked the CSTO/]);
  // The filter travels with the export links.
  await expect(page.getByRole("link", { name: "CSV", exact: true })).toHaveAttribute("href", new RegExp(`speakerId=${speakerId}`));

  // Search by the speaker's alias: the quote does not hold it.
  await filters.getByRole("combobox", { name: "Speaker", exact: true }).selectOption({ label: "Anyone" });
  await filters.getByLabel(/^Search/).fill("Tokaev");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]q=Tokaev(&|$)/);
  await expect(claims.getByRole("listitem")).toHaveText([/Tokayev asked the CSTO/]);
  await expect(claims.getByRole("listitem").first().getByRole("link").first()).toHaveAttribute("href", at(`/sources/${sourceId}#claim-${asked}`));
});

/** Two sources: a wire claim with a named speaker, a reported attribution and an outside origin,
 *  and a report's claim in its author's voice resting on the wire claim. */
async function setUpStory(request: APIRequestContext) {
  const stamp = Date.now();
  const newSource = async (title: string, author: string, body: string) => {
    const r = await request.post(withProject("/api/sources"), { data: { title, author, body } });
    expect(r.status()).toBe(201);
    return (await r.json()).source.id as string;
  };
  const mark = async (sourceId: string, body: string, phrase: string, change: Record<string, unknown> = {}) => {
    const start = body.indexOf(phrase);
    const r = await request.post("/api/claims", { data: { sourceId, start, end: start + phrase.length, kind: "FACT" } });
    expect(r.status()).toBe(201);
    const claim = (await r.json()).claim;
    if (Object.keys(change).length > 0) expect((await request.patch(`/api/claims/${claim.id}`, { data: { version: claim.version, ...change } })).status()).toBe(200);
    return claim.id as string;
  };
  const speaker = `Kassym-Jomart Tokayev ${stamp}`;
  const wireBody = `Tokayev said 2,030 troops had come to restore order.\n\nThe mission would end within days.\n\nFiled ${stamp}.`;
  const reportBody = `About 2,000 foreign troops were in the country.\n\nThey left by 19 January.\n\nFiled ${stamp}.`;
  const wire = await newSource(`Akorda wire ${stamp}`, "Akorda press office", wireBody);
  const report = await newSource(`Steppe report ${stamp}`, "Dana Reporter", reportBody);
  const said = await mark(wire, wireBody, "2,030 troops had come to restore order", {
    speakerName: speaker, speakerRole: "President of Kazakhstan", attributionType: "REPORTED",
    restsOn: { kind: "newReference", reference: { title: "Address to the nation", publisher: "Akorda" } },
  });
  const repeated = await mark(report, reportBody, "About 2,000 foreign troops were in the country", { restsOn: { kind: "claim", id: said } });
  return { stamp, speaker, wire, report, said, repeated };
}

test("the reader's claim card says who says a claim, with role, how, and what it rests on", async ({ page, request }) => {
  const { speaker, wire, report, said, repeated } = await setUpStory(request);
  await page.goto(at(`/sources/${wire}`));
  await expect(sourceText(page)).toBeVisible();
  await claimInText(page, said).first().hover();
  await expect(claimCard(page)).toContainText(`Said by ${speaker}, President of Kazakhstan · Reported (according to …)`);
  await expect(claimCard(page)).toContainText("Rests on Address to the nation, Akorda");
  await page.screenshot({ path: "/tmp/shots-prov/reader-card.png" });
  await page.goto(at(`/sources/${report}`));
  await expect(sourceText(page)).toBeVisible();
  await claimInText(page, repeated).first().hover();
  await expect(claimCard(page)).toContainText("Said by Dana Reporter · Source's own voice");
  await expect(claimCard(page)).toContainText("Rests on a claim: “2,030 troops had come to restore order”");
});

test("compare says who says each claim: highlight tooltips, the selected claim and the claims to group", async ({ page, request }) => {
  const { speaker, wire, report, said, repeated } = await setUpStory(request);
  await page.goto(at(`/compare?ids=${wire},${report}`));
  const inColumns = (id: string) => page.getByRole("group", { name: "Sources side by side" }).locator(`[data-claim-id="${id}"]`).first();
  await expect(inColumns(said)).toHaveAttribute("title", `fact · 0 links · said by ${speaker} (President of Kazakhstan), reported (according to …)`);
  await inColumns(repeated).click();
  const selected = page.getByRole("region", { name: "Selected claim" });
  await expect(selected).toContainText("Said by Dana Reporter · Source's own voice · rests on claim 2,030 troops had come to restore order");
  await page.getByLabel("Include in the claims to group").check();
  await inColumns(said).click();
  await expect(selected).toContainText(`Said by ${speaker} (President of Kazakhstan) · Reported (according to …) · rests on outside: Address to the nation, Akorda`);
  await page.getByLabel("Include in the claims to group").check();
  const toGroup = page.getByRole("list", { name: "Claims to group" }).getByRole("listitem");
  await expect(toGroup).toHaveCount(2);
  await expect(toGroup.nth(1)).toContainText(`Said by ${speaker}`);
  await page.getByRole("region", { name: "Group into cluster" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/shots-prov/compare.png" });
});

test("the cluster's table says who says each member: speaker, attribution and origin", async ({ page, request }) => {
  const { stamp, speaker, wire, said, repeated } = await setUpStory(request);
  const cluster = await request.post(withProject("/api/clusters"), { data: { name: `Troop count ${stamp}`, claimIds: [said, repeated] } });
  expect(cluster.status()).toBe(201);
  await page.goto(at(`/clusters/${(await cluster.json()).cluster.id}`));
  const table = page.getByRole("table", { name: "Claims in this cluster" });
  await expect(table.getByRole("columnheader")).toContainText(["Source", "Quote", "Who says it", "Values"]);
  const row = (quote: string) => table.getByRole("row").filter({ hasText: quote });
  // The repeating member names the said one as its origin, so the said row is the one without it.
  const saidRow = row("2,030 troops had come").filter({ hasNotText: "About 2,000 foreign troops" });
  // One cell, one labelled line each: speaker, attribution, origin.
  await expect(saidRow.getByRole("term")).toHaveText(["Speaker", "Attribution", "Origin"]);
  await expect(saidRow.getByRole("definition")).toHaveText([`${speaker} (President of Kazakhstan)`, "Reported (according to …)", "outside: Address to the nation, Akorda"]);
  // The article's author is its speaker too: named under the source and as the speaker.
  await expect(row("About 2,000 foreign troops").getByText("by Dana Reporter", { exact: true })).toBeVisible();
  await expect(row("About 2,000 foreign troops").getByRole("definition").first()).toHaveText("Dana Reporter");
  await expect(row("About 2,000 foreign troops").getByRole("link", { name: "2,030 troops had come to restore order" })).toHaveAttribute("href", at(`/sources/${wire}#claim-${said}`));
  await page.screenshot({ path: "/tmp/shots-prov/cluster-table.png", fullPage: true });
});
