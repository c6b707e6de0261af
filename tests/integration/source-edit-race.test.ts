// Issue 12 item 2: claims made while the source's text was being corrected kept offsets into the
// old text. Texts alternate between two versions (a paragraph inserted at the top and removed
// again, so every offset moves) while researchers keep marking words of the text they last saw.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim } from "@/lib/server/claims";
import { DomainError } from "@/lib/errors";
import { createSource, updateSource } from "@/lib/server/source-edit";
import type { Actor } from "@/lib/server/users";
import { CSTO, member } from "../helpers/members";
import { createTestDatabase, type TestDatabase } from "../helpers/testdb";

// A real article: a text of repeated sentences would let two claims' quotes match one place.
const BASE = readFileSync(path.resolve(__dirname, "../../data/corpus/002_98b48e446e185cb4.txt"), "utf8");
const INSERTED = "An editor's note added at the top moves every offset that follows it.\n\n";
const TEXTS = [BASE, INSERTED + BASE];
const EDITS = 10;
const MARKERS = 5;

describe("marking claims while the text is being corrected", () => {
  let t: TestDatabase;
  let actor: Actor;

  beforeAll(async () => {
    t = await createTestDatabase("source_edit_race");
    actor = await member(t.db, "researcher");
  });
  afterAll(async () => t?.drop());

  it("anchors every claim to the text it was made on, or re-anchors it: none points at the wrong words", async () => {
    const { source } = await createSource(t.db, actor, CSTO, { body: BASE, title: "Race" });
    let editing = true;
    let wordIndex = 0;
    let attempts = 0;
    let attempted: () => void = () => {};

    /** Resolves once the markers have made `n` more attempts, so edits and marks keep overlapping
     *  (back-to-back edits would hold the source's lock nearly all the time). */
    async function markersTried(n: number) {
      const target = attempts + n;
      while (attempts < target) await new Promise<void>((resolve) => { attempted = resolve; });
    }

    async function edit() {
      try {
        for (let i = 1; i <= EDITS; i++) {
          await markersTried(MARKERS);
          await updateSource(t.db, actor, source.id, { version: i, body: TEXTS[i % 2] });
        }
      } finally {
        editing = false;
      }
    }

    /** Marks the next word of the text as last read, until the editing stops. */
    async function mark() {
      let made = 0;
      while (editing) {
        const { body } = await t.db.source.findUniqueOrThrow({ where: { id: source.id }, select: { body: true } });
        // Words of the article only: the note's words would be orphaned at every other edit, and
        // fuzzy-searching orphans makes each re-anchoring slow.
        const from = body.startsWith(INSERTED) ? INSERTED.length : 0;
        const words = [...body.slice(from).matchAll(/[a-z]{4,}/g)].map((m) => ({ index: from + m.index, length: m[0].length }));
        const word = words[wordIndex++ % words.length];
        try {
          await createClaim(t.db, actor, { sourceId: source.id, start: word.index, end: word.index + word.length, kind: "FACT" });
          made++;
        } catch (err) {
          // The same span already claimed, or offsets that no longer fit: refused, nothing written.
          if (!(err instanceof DomainError) || ![400, 409].includes(err.status)) throw err;
        }
        attempts++;
        attempted();
      }
      return made;
    }

    const [, ...made] = await Promise.all([edit(), ...Array.from({ length: MARKERS }, mark)]);
    expect(made.reduce((a, b) => a + b, 0)).toBeGreaterThan(30);

    const { body } = await t.db.source.findUniqueOrThrow({ where: { id: source.id } });
    const claims = await t.db.claim.findMany({ where: { sourceId: source.id } });
    const misanchored = claims.filter((c) => !c.orphaned && body.slice(c.start, c.end) !== c.quote);
    expect(misanchored.map((c) => `${c.start}-${c.end} "${c.quote}" but the text says "${body.slice(c.start, c.end)}"`)).toEqual([]);
  }, 120_000);

  it("lets two claims trade places when a correction swaps their sentences", async () => {
    const first = "The troops arrived on Monday.";
    const second = "The talks stopped on Fridays.";
    const { source } = await createSource(t.db, actor, CSTO, { body: `${first}\n\n${second}`, title: "Swap" });
    const a = await createClaim(t.db, actor, { sourceId: source.id, start: 0, end: first.length, kind: "FACT" });
    const b = await createClaim(t.db, actor, { sourceId: source.id, start: first.length + 2, end: first.length + 2 + second.length, kind: "FACT" });
    const result = await updateSource(t.db, actor, source.id, { version: 1, body: `${second}\n\n${first}` });
    expect(result.reanchor).toMatchObject({ moved: 2, orphaned: 0 });
    const moved = await t.db.claim.findMany({ where: { id: { in: [a.id, b.id] } }, orderBy: { start: "asc" } });
    expect(moved.map((c) => [c.id, c.start, c.quote])).toEqual([[b.id, 0, second], [a.id, second.length + 2, first]]);
  });
});
