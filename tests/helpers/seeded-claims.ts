// A test database with the corpus and three claims of the local researcher in the first source:
// the fixture of the request-fuzzing tests.
import path from "node:path";
import { createClaim } from "@/lib/server/claims";
import { seedCorpus } from "@/lib/server/seed";
import type { Actor } from "@/lib/server/users";
import { member } from "./members";
import type { TestDatabase } from "./testdb";

export interface SeededClaims {
  actor: Actor;
  source: { id: string; body: string; version: number };
  claimA: string;
  claimB: string;
  claimC: string;
}

export async function seedWithClaims(t: TestDatabase): Promise<SeededClaims> {
  await seedCorpus(t.db, path.resolve(__dirname, "../../data/corpus"));
  const actor = await member(t.db, "researcher");
  const source = await t.db.source.findUniqueOrThrow({ where: { seedKey: "001_368f92058b86ed85.txt" } });
  const mark = async (phrase: string) => {
    const start = source.body.indexOf(phrase);
    return (await createClaim(t.db, actor, { sourceId: source.id, start, end: start + phrase.length, kind: "FACT" })).id;
  };
  return {
    actor, source: { id: source.id, body: source.body, version: source.version },
    claimA: await mark("more than 2,000 troops"), claimB: await mark("Sweden and Finland"), claimC: await mark("Victory Day parade"),
  };
}
