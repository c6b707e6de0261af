import { expect, type APIRequestContext } from "@playwright/test";
import { withProject } from "./project";

/** Adds a source through the API; returns its id. */
export async function addSource(request: APIRequestContext, title: string, body: string): Promise<string> {
  const response = await request.post(withProject("/api/sources"), { data: { title, body } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).source.id as string;
}

/** Marks the first occurrence of `phrase` in `body` as a claim; returns its id. */
export async function addClaim(request: APIRequestContext, sourceId: string, body: string, phrase: string, kind = "FACT"): Promise<string> {
  const start = body.indexOf(phrase);
  expect(start, `"${phrase}" is in the text`).toBeGreaterThanOrEqual(0);
  const response = await request.post("/api/claims", { data: { sourceId, start, end: start + phrase.length, kind } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).claim.id as string;
}

/** Links two claims; returns the link's id. */
export async function addLink(request: APIRequestContext, fromId: string, toId: string, relation: "CONTRADICTS" | "SUPPORTS" | "REFINES"): Promise<string> {
  const response = await request.post("/api/links", { data: { fromId, toId, relation } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).link.id as string;
}
