// Researchers in roles on the team server (accounts mode): the owner signed up by e2e/team/setup.ts
// adds each new researcher to the seeded project with the role a spec needs.
import { expect, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import { PROJECT } from "./project";

export { PROJECT };

export const OWNER = "Olga Owner";
export const PASSWORD = "a long enough password";
export type Role = "OWNER" | "CURATOR" | "ANNOTATOR" | "VIEWER";

/** A request context signed in as the owner. */
export async function ownerApi(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string | undefined): Promise<APIRequestContext> {
  const api = await playwright.request.newContext({ baseURL });
  const signedIn = await api.post("/api/auth/login", { data: { name: OWNER, password: PASSWORD } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  return api;
}

/** Signs `api` up as `name` and has the owner add them to the project with `role`; the new
 *  researcher's id. */
export async function join(api: APIRequestContext, owner: APIRequestContext, name: string, role: Role): Promise<string> {
  const registered = await api.post("/api/auth/register", { data: { name, password: PASSWORD } });
  expect(registered.status(), await registered.text()).toBe(201);
  const added = await owner.post(`/api/projects/${PROJECT}/members`, { data: { name, role } });
  expect(added.status(), await added.text()).toBe(201);
  return (await added.json()).member.userId as string;
}

/** A name no other test of this run uses. */
export const uniqueName = (first: string) => `${first} ${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
