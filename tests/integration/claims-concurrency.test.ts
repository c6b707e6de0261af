import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim } from "@/lib/server/claims";
import { DomainError } from "@/lib/errors";
import { seedCorpus } from "@/lib/server/seed";
import { member } from "../helpers/members";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

describe("two researchers marking the same words at the same moment", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("claims_concurrency");
    await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
  });
  afterAll(async () => t?.drop());

  it("one claim is made; every other attempt gets a 409 naming it, and one History row exists", async () => {
    const source = await t.db.source.findUniqueOrThrow({ where: { seedKey: "002_98b48e446e185cb4.txt" } });
    const phrase = "the organization still has the resources to resume its activities";
    const start = source.body.indexOf(phrase);
    const people = await Promise.all(["ana", "ben", "cy", "dee", "eve", "fay"].map((n) => member(t.db, n)));
    const results = await Promise.allSettled(people.map((p) => createClaim(t.db, p, { sourceId: source.id, start, end: start + phrase.length, kind: "FACT" })));
    const made = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(made).toHaveLength(1);
    const winner = (made[0] as PromiseFulfilledResult<{ id: string }>).value.id;
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(DomainError);
      expect((r.reason as DomainError).status).toBe(409);
      expect((r.reason as DomainError).message).toContain(winner);
    }
    expect(await t.db.claim.count({ where: { sourceId: source.id } })).toBe(1);
    expect(await t.db.history.count({ where: { claimId: winner } })).toBe(1);
  });
});
