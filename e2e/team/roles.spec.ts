// Researchers in roles on one project (accounts mode): an owner manages the members, and every
// change is in the project's history; a viewer reads and exports but is offered nothing to change,
// and the API refuses their writes; a researcher who is not a member does not see the project.
import { expect, test } from "../support/fixtures";
import { addClaim } from "../support/api";
import { claimInText, selectPhrase, sourceText } from "../support/reader";
import { PASSWORD, PROJECT, join, newApi, ownerApi, uniqueName } from "../support/team";

const CARAVANSERAI = "Doubts grow over CSTO membership in wake of Russia's war in Ukraine";

test("an owner adds a researcher with a role, changes the role and removes them; the history says each", async ({ page, playwright, baseURL }) => {
  const signedIn = await page.request.post("/api/auth/login", { data: { name: "Olga Owner", password: PASSWORD } });
  expect(signedIn.status()).toBe(200);
  const newcomer = uniqueName("Nia");
  const other = await newApi(playwright, baseURL);
  expect((await other.post("/api/auth/register", { data: { name: newcomer, password: PASSWORD } })).status()).toBe(201);

  await page.goto(`/p/${PROJECT}/members`);
  await expect(page.getByRole("heading", { name: "Members of CSTO corpus" })).toBeVisible();
  await page.getByLabel("Researcher's name").fill(newcomer);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Viewer" });
  await page.getByRole("button", { name: "Add member" }).click();
  const row = page.getByRole("row", { name: new RegExp(newcomer) });
  await expect(row.getByLabel(`Role of ${newcomer}`)).toHaveValue("VIEWER");
  const history = page.getByRole("list", { name: "Membership history" });
  await expect(history.getByRole("listitem").first()).toContainText(`Olga Owner added ${newcomer} as viewer`);
  // The newcomer now sees the project.
  expect((await (await other.get("/api/projects")).json()).projects).toEqual([expect.objectContaining({ slug: PROJECT, role: "VIEWER" })]);

  await row.getByLabel(`Role of ${newcomer}`).selectOption({ label: "Curator" });
  await expect(history.getByRole("listitem").first()).toContainText(`Olga Owner changed ${newcomer}'s role from viewer to curator`);
  expect((await (await other.get("/api/projects")).json()).projects).toEqual([expect.objectContaining({ slug: PROJECT, role: "CURATOR" })]);

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Remove ${newcomer}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(newcomer) })).toHaveCount(0);
  await expect(history.getByRole("listitem").first()).toContainText(`Olga Owner removed ${newcomer} (curator)`);
  expect((await (await other.get("/api/projects")).json()).projects).toEqual([]);
  await page.screenshot({ path: "e2e/output/team-members.png", fullPage: true });
  await other.dispose();
});

test("the last owner cannot be demoted: the page says why and nothing changes", async ({ page, expectFailure }) => {
  expect((await page.request.post("/api/auth/login", { data: { name: "Olga Owner", password: PASSWORD } })).status()).toBe(200);
  await page.goto(`/p/${PROJECT}/members`);
  const mine = page.getByRole("row", { name: /Olga Owner \(you\)/ });
  await mine.getByLabel("Role of Olga Owner").selectOption({ label: "Annotator" });
  await expect(page.locator("#main").getByRole("alert")).toHaveText("A project keeps at least one owner: make another member an owner first");
  await page.reload();
  await expect(page.getByRole("row", { name: /Olga Owner \(you\)/ }).getByLabel("Role of Olga Owner")).toHaveValue("OWNER");
  expectFailure({ status: 409, method: "PATCH", path: /\/api\/projects\/csto\/members\// });
});

test("a viewer reads and exports, is offered nothing to change, and the API refuses their writes", async ({ page, playwright, baseURL, expectFailure }) => {
  const owner = await ownerApi(playwright, baseURL);
  const annotatorApi = await newApi(playwright, baseURL);
  await join(annotatorApi, owner, uniqueName("Ann"), "ANNOTATOR");
  await join(page.request, owner, uniqueName("Vic"), "VIEWER");
  await owner.dispose();

  await page.goto("/");
  await page.getByRole("link", { name: CARAVANSERAI }).click();
  await expect(sourceText(page)).toBeVisible();
  const sourceId = page.url().split("/sources/")[1]!;
  const { body } = (await (await page.request.get(`/api/sources/${sourceId}`)).json()).source as { body: string };
  const phrase = "the Collective Security Treaty Organisation";
  const claimId = await addClaim(annotatorApi, sourceId, body, body.includes(phrase) ? phrase : body.slice(100, 140).trim());
  // The annotator's claim appears live; the viewer opens it read-only, with the reason.
  await claimInText(page, claimId).first().click();
  const editor = page.getByRole("region", { name: "Claim", exact: true });
  await expect(editor.getByRole("note")).toHaveText("You are a viewer of this project: you can read and export its claims, not change or link them.");
  await expect(editor.getByLabel("Kind")).toBeDisabled();
  await expect(editor.getByRole("button", { name: "Add link" })).toBeDisabled();
  // Selecting words offers no tagging toolbar; the tagging key says why; the page says the role.
  await expect(page.getByRole("status", { name: "Your role" })).toContainText("Viewer. You can read and export this project's claims");
  await page.keyboard.press("Escape");
  await selectPhrase(page, "Kazakhstan", { toolbar: false });
  await page.keyboard.press("f");
  await expect(page.locator(".reader-messages")).toHaveText("You can read and export this project's claims; marking them is for its annotators.");
  await expect(page.getByRole("toolbar", { name: "Tag the selection as" })).toHaveCount(0);

  // The API, asked directly: 403 and nothing written.
  const before = (await (await page.request.get(`/api/sources/${sourceId}/claims`)).json()).claims.length as number;
  const refused = await page.request.post("/api/claims", { data: { sourceId, start: 10, end: 30, kind: "FACT" } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toBe("As a viewer of this project you cannot mark claims");
  const retag = await page.request.patch(`/api/claims/${claimId}`, { data: { version: 1, kind: "OPINION" } });
  expect(retag.status()).toBe(403);
  expect((await (await page.request.get(`/api/sources/${sourceId}/claims`)).json()).claims.length).toBe(before);
  expect((await (await page.request.get(`/api/claims/${claimId}`)).json()).claim.kind).toBe("FACT");
  // Export is reading: allowed.
  const csv = await page.request.get(`/api/export/csv?project=${PROJECT}`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(claimId);
  await annotatorApi.dispose();
  expectFailure({ status: 403, path: "/api/claims" });
});

test("a researcher who is not a member does not see the project", async ({ page, expectFailure }) => {
  const registered = await page.request.post("/api/auth/register", { data: { name: uniqueName("Stranger"), password: PASSWORD } });
  expect(registered.status()).toBe(201);
  await page.goto("/");
  await expect(page.getByText("You are not a member of any project yet")).toBeVisible();
  const response = await page.goto(`/p/${PROJECT}`);
  expect(response?.status()).toBe(404);
  const sources = await page.request.get(`/api/sources?project=${PROJECT}`);
  expect(sources.status()).toBe(404);
  expectFailure({ status: 404, path: `/p/${PROJECT}` });
});
