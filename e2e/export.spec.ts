import { readFile } from "node:fs/promises";
import { claimInText, markClaim } from "./support/reader";
import { expect, test } from "./support/fixtures";
import { parse } from "csv-parse/sync";
import { at, withProject } from "./support/project";

const TITLE = `Field report ${Date.now()}`;
const QUOTE = "about 2,000 peacekeepers arrived in Almaty";
const TEXT = [
  "Day one of the mission.",
  `Officials said ${QUOTE} within 48 hours.`,
  "Residents were told to stay indoors.",
].join("\n\n");

test("add a source, mark a claim, filter the claims list to it and download it as CSV", async ({ page, request }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Add source" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a source" })).toBeVisible();
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Author").fill("Dana Reporter");
  await page.getByLabel("Publisher").fill("The Steppe Courier");
  await page.getByLabel("Date").fill("2022-01-08");
  await page.getByLabel("URL").fill("https://example.org/field-report");
  await page.getByLabel("Text", { exact: true }).fill(TEXT);
  await page.getByRole("button", { name: "Add source" }).click();

  await page.waitForURL(/\/sources\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  const sourceId = new URL(page.url()).pathname.split("/").pop()!;

  // Annotate it in the reader: select the quote, tag it, write a note.
  const claimId = await markClaim(page, QUOTE, "Fact");
  const claim = { id: claimId };
  await claimInText(page, claimId).first().click();
  const editor = page.getByRole("region", { name: "Edit claim" });
  await editor.getByLabel("Note").fill("first count");
  await editor.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Note saved/i })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Claims" }).click();
  await page.waitForURL(/\/claims/);
  await page.locator('select[name="sourceId"]').selectOption({ label: TITLE });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`sourceId=${sourceId}`));
  const claims = page.getByRole("list", { name: "Claims" }).getByRole("listitem");
  await expect(claims).toHaveCount(1);
  await expect(claims.first()).toContainText(QUOTE);
  await expect(claims.first()).toContainText("first count");
  await expect(claims.first().getByRole("link", { name: new RegExp(QUOTE) })).toHaveAttribute("href", at(`/sources/${sourceId}#claim-${claim.id}`));

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV", exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^claims-field-report-\d+-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parse(await readFile((await download.path())!, "utf8"), { columns: true, bom: true }) as Record<string, string>[];
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    id: claim.id, quote: QUOTE, kind: "FACT", note: "first count",
    source_title: TITLE, author: "Dana Reporter", publisher: "The Steppe Courier", date: "2022-01-08",
  });
});

test("a malformed file on the import page is refused with a clear message", async ({ page, expectFailure }) => {
  expectFailure({ status: 400, method: "POST", path: "/api/import" });
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
  await page.getByLabel("W3C JSON file exported by this app").setInputFiles({ name: "broken.jsonld", mimeType: "application/ld+json", buffer: Buffer.from('{"type": "AnnotationCollection", "items": [') });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Import refused: document: not valid JSON");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Nothing was imported.");
});

test("correcting a source's text moves its claims and orphans the one whose sentence is gone", async ({ page, request }) => {
  const body = ["First paragraph.", "The mission had 2,030 troops on the ground.", "Withdrawal began on 13 January."].join("\n\n");
  const added = await request.post(withProject("/api/sources"), { data: { body, title: `Correctable ${Date.now()}` } });
  expect(added.status()).toBe(201);
  const { source } = await added.json();
  for (const quote of ["2,030 troops on the ground", "Withdrawal began on 13 January."]) {
    const start = body.indexOf(quote);
    expect((await request.post("/api/claims", { data: { sourceId: source.id, start, end: start + quote.length, kind: "FACT" } })).status()).toBe(201);
  }

  await page.goto(at(`/sources/${source.id}/edit`));
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(source.title);
  await page.getByLabel("Text", { exact: true }).fill(["A new opening paragraph.", "First paragraph.", "The mission had 2,030 troops on the ground."].join("\n\n"));
  await page.getByLabel("Date", { exact: true }).fill("2022-01-19");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Saved. Text changed: 1 claim moved, 1 orphaned, 0 unchanged.");

  await page.goto(at(`/claims?sourceId=${source.id}&linked=orphaned`));
  const claims = page.getByRole("list", { name: "Claims" }).getByRole("listitem");
  await expect(claims).toHaveCount(1);
  await expect(claims.first()).toContainText("Withdrawal began on 13 January.");
  await expect(claims.first()).toContainText("Orphaned");
});

test("a W3C JSON download imports back: identical records are recognised, nothing duplicated", async ({ page }) => {
  await page.goto(at("/claims"));
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "W3C JSON", exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^claims-all-\d{4}-\d{2}-\d{2}-annotations\.jsonld$/);
  const file = await readFile((await download.path())!);
  const claimCount = (JSON.parse(file.toString("utf8")).first.items as { motivation: string }[]).filter((i) => i.motivation === "describing").length;
  expect(claimCount).toBeGreaterThan(0);

  await page.goto(at("/import"));
  await page.getByLabel("W3C JSON file exported by this app").setInputFiles({ name: download.suggestedFilename(), mimeType: "application/ld+json", buffer: file });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(`0 claims, 0 links and 0 new sources (already here: ${claimCount} claim`);
});
