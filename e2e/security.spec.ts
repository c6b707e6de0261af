import { expect, test } from "./support/fixtures";
import { claimInText } from "./support/reader";
import { at, withProject } from "./support/project";

const PAYLOAD = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;

test("notes and metadata holding HTML show as text and never run", async ({ page, request }) => {
  const title = `Hostile ${Date.now()} ${PAYLOAD}`;
  const body = "The mission had 1,000 troops. Everything else is calm.";
  const added = await request.post(withProject("/api/sources"), { data: { body, title, author: PAYLOAD, publisher: "<b>bold?</b>" } });
  expect(added.status()).toBe(201);
  const { source } = await added.json();
  const created = await request.post("/api/claims", { data: { sourceId: source.id, start: 0, end: 29, kind: "FACT", note: PAYLOAD } });
  expect(created.status()).toBe(201);
  const { claim } = await created.json();

  // The source list shows 50 a page, oldest first: the hostile title is found by the title search.
  await page.goto(`${at("")}?title=${encodeURIComponent(title)}`);
  await expect(page.getByRole("list", { name: "Sources" }).getByText(title)).toBeVisible();
  await page.goto(at(`/sources/${source.id}`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText(PAYLOAD).first()).toBeVisible();
  await claimInText(page, claim.id).first().click();
  await expect(page.getByRole("region", { name: "Edit claim" }).getByLabel("Note")).toHaveValue(PAYLOAD);
  await page.goto(at(`/claims?sourceId=${source.id}`));
  await expect(page.getByRole("list", { name: "Claims" }).getByText(`Note: ${PAYLOAD}`)).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator("img[src=x]")).toHaveCount(0);
});

test("pages carry security headers", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("pages allow only their own nonce's scripts, and every page still works under that policy", async ({ page, request }) => {
  const policies = await Promise.all([request.get("/"), request.get("/")].map(async (r) => (await r).headers()["content-security-policy"]));
  for (const policy of policies) {
    const scripts = policy.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scripts).not.toContain("'unsafe-inline'");
  }
  expect(policies[0]).not.toBe(policies[1]);

  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const [path, heading] of [["/", "Sources"], [at("/claims"), "Claims"], [at("/compare"), "Compare sources"], [at("/clusters"), "Clusters"], [at("/stats"), "Overview"], [at("/import"), "Import"], ["/signin", "Sign in"], [at("/sources/new"), "Add a source"]] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
  }
  // The keyboard help is React's doing: it opens only if the page's scripts ran.
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(violations).toEqual([]);
});

test("odd paths get a 4xx, never a 500", async ({ request }) => {
  for (const path of ["/api/claims/%E0%A4%A", "/api/claims/%00", `/api/claims/${"x".repeat(5000)}`, "/api/sources/%ZZ/claims", "/api/claims?q=%00"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBeGreaterThanOrEqual(400);
    expect(response.status(), path).toBeLessThan(500);
  }
});

test("a write from another site is refused", async ({ request }) => {
  const response = await request.post(withProject("/api/clusters"), {
    data: { name: "forged" },
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.message).toMatch(/writes must come from this app/);
  const { clusters } = await (await request.get(withProject("/api/clusters"))).json();
  expect(clusters.map((c: { name: string }) => c.name)).not.toContain("forged");
});

test("single-user mode has no accounts: the sign-in page says so, and signing up is refused", async ({ page, request }) => {
  await page.goto("/signin");
  await expect(page.getByText("This app runs in single-user mode: one person on their own machine, with no accounts.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create account" })).toHaveCount(0);
  await expect(page.getByTestId("current-user")).toHaveText("researcher");
  await expect(page.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  const refused = await request.post("/api/auth/register", { data: { name: `Someone ${Date.now()}`, password: "a long enough password" } });
  expect(refused.status()).toBe(404);
  expect((await refused.json()).error.message).toBe("This app runs in single-user mode: it has no accounts. Start it with CP_AUTH=accounts for a team.");
});
