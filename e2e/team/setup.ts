// The team server starts with no accounts: the first researcher to sign up owns the seeded
// project (lib/server/projects.ts adoptOwnerlessProjects). Every team spec adds its researchers
// as this owner (e2e/support/team.ts).
import { expect, test as setup } from "@playwright/test";
import { OWNER, PASSWORD } from "../support/team";

setup("the first researcher to sign up owns the seeded project", async ({ request }) => {
  const registered = await request.post("/api/auth/register", { data: { name: OWNER, password: PASSWORD } });
  expect(registered.status(), await registered.text()).toBe(201);
  const projects = (await (await request.get("/api/projects")).json()).projects as { slug: string; role: string }[];
  expect(projects).toEqual([expect.objectContaining({ slug: "csto", role: "OWNER" })]);
});
