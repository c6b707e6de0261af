// Live updates: what one researcher writes reaches every app process's hub, in order, once,
// through lost connections; the event stream replays what a page missed.
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim, updateClaim } from "@/lib/server/claims";
import { createLink } from "@/lib/server/links";
import { ChangeHub } from "@/lib/server/live/hub";
import { seedCorpus } from "@/lib/server/seed";
import type { Actor } from "@/lib/server/users";
import { member } from "../helpers/members";
import type { LiveEvent } from "@/lib/live";
import { createTestDatabase, SERVER_URL, type TestDatabase } from "../helpers/testdb";

const CORPUS = path.resolve(__dirname, "../../data/corpus");

/** Everything a hub delivers, and a way to wait (without timers) for the one that matters. */
function record(hub: ChangeHub) {
  const events: LiveEvent[] = [];
  const waiting: { match: (e: LiveEvent) => boolean; resolve: (e: LiveEvent) => void }[] = [];
  const unsubscribe = hub.subscribe((event) => {
    events.push(event);
    for (const w of [...waiting]) if (w.match(event)) { waiting.splice(waiting.indexOf(w), 1); w.resolve(event); }
  });
  return {
    events,
    unsubscribe,
    next(match: (e: LiveEvent) => boolean): Promise<LiveEvent> {
      const found = events.find(match);
      return found ? Promise.resolve(found) : new Promise((resolve) => waiting.push({ match, resolve }));
    },
  };
}

const change = (e: LiveEvent) => (e.type === "change" ? e.notice : null);

describe("live updates", () => {
  let t: TestDatabase;
  let ana: Actor;
  let bo: Actor;
  let sourceId: string;
  let otherSourceId: string;
  let body: string;

  beforeAll(async () => {
    t = await createTestDatabase("live");
    await seedCorpus(t.db, CORPUS);
    ana = await member(t.db, "ana");
    bo = await member(t.db, "bo");
    const sources = await t.db.source.findMany({ orderBy: { seedKey: "asc" }, select: { id: true, body: true } });
    sourceId = sources[0]!.id;
    body = sources[0]!.body;
    otherSourceId = sources[1]!.id;
  });
  afterAll(async () => t?.drop());

  let next = 0;
  /** A new claim on the first source, at a fresh sentence-sized span. */
  async function newClaim(actor: Actor, onSource = sourceId) {
    const text = onSource === sourceId ? body : (await t.db.source.findUniqueOrThrow({ where: { id: onSource } })).body;
    const start = 40 * next++;
    return createClaim(t.db, actor, { sourceId: onSource, start, end: start + 30, kind: "FACT", quote: text.slice(start, start + 30) });
  }

  it("reaches the hubs of two app processes: a new claim, its kind, and a link, in order and once", async () => {
    const hubs = [new ChangeHub({ db: t.db, url: t.url, mode: "listen" }), new ChangeHub({ db: t.db, url: t.url, mode: "listen" })];
    const seen = hubs.map(record);
    // Both listening before anything is written: a notice is only sent to listeners already there.
    await waitForListeners(t.url, 2);
    const claim = await newClaim(ana);
    await updateClaim(t.db, ana, claim.id, { version: 1, kind: "OPINION" });
    const other = await newClaim(bo, otherSourceId);
    await createLink(t.db, bo, { fromId: claim.id, toId: other.id, relation: "CONTRADICTS" });
    for (const s of seen) {
      await s.next((e) => change(e)?.entity === "LINK" && change(e)?.claimId === other.id);
      const notices = s.events.map(change).filter((n) => n !== null);
      expect(notices.map((n) => [n.entity, n.action, n.actorName, n.sourceId])).toEqual([
        ["CLAIM", "created", "ana", sourceId],
        ["CLAIM", "retagged", "ana", sourceId],
        ["CLAIM", "created", "bo", otherSourceId],
        ["LINK", "linked", "bo", sourceId],
        ["LINK", "linked", "bo", otherSourceId],
      ]);
      const ids = notices.map((n) => n.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
      s.unsubscribe();
    }
  });

  it("listens again after its connection is killed and delivers what was written meanwhile, once", async () => {
    const hub = new ChangeHub({ db: t.db, url: t.url, mode: "listen" });
    const seen = record(hub);
    await waitForListeners(t.url, 1);
    const admin = new pg.Client({ connectionString: `${SERVER_URL}/postgres` });
    await admin.connect();
    try {
      const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'cp-live-listener'`, [dbName(t.url)]);
      expect(killed.rowCount).toBe(1);
      const written = await newClaim(bo);
      const heard = await seen.next((e) => change(e)?.entityId === written.id);
      expect(change(heard)).toMatchObject({ entity: "CLAIM", action: "created", actorName: "bo", sourceId });
      // Listening again (the catch-up happened), and a later change arrives through the new connection.
      await waitForListeners(t.url, 1);
      const later = await newClaim(ana);
      await seen.next((e) => change(e)?.entityId === later.id);
      const ids = seen.events.map((e) => change(e)?.id);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      seen.unsubscribe();
      await admin.end();
    }
  });

  it("turns a statement that writes more than 200 changes into one resync", async () => {
    const hub = new ChangeHub({ db: t.db, url: t.url, mode: "listen" });
    const seen = record(hub);
    await waitForListeners(t.url, 1);
    await t.db.$executeRaw`INSERT INTO "History" ("entity", "entityId", "action", "actorId") SELECT 'SOURCE', 'bulk' || g, 'imported', ${ana.id} FROM generate_series(1, 250) g`;
    const resync = await seen.next((e) => e.type === "resync");
    const [{ max }] = await t.db.$queryRaw<{ max: number }[]>`SELECT max("id") AS max FROM "History"`;
    expect(resync).toEqual({ type: "resync", id: max });
    expect(seen.events.filter((e) => e.type === "change")).toEqual([]);
    seen.unsubscribe();
  });

  it("works by reading the change log where NOTIFY does not reach (embedded database)", async () => {
    const hub = new ChangeHub({ db: t.db, url: t.url, mode: "poll" });
    const seen = record(hub);
    await hub.ready();
    const claim = await newClaim(ana);
    await updateClaim(t.db, bo.id === claim.authorId ? bo : ana, claim.id, { version: 1, note: "checked against the TASS wire" });
    await seen.next((e) => change(e)?.action === "noted");
    expect(seen.events.map(change).map((n) => [n?.entityId, n?.action])).toEqual([[claim.id, "created"], [claim.id, "noted"]]);
    seen.unsubscribe();
  });
});

function dbName(url: string): string {
  return new URL(url).pathname.slice(1);
}

/** Resolves once `count` live listeners are LISTENing on the database (a state, not a delay). */
async function waitForListeners(url: string, count: number): Promise<void> {
  const admin = new pg.Client({ connectionString: `${SERVER_URL}/postgres` });
  await admin.connect();
  try {
    for (;;) {
      const { rows } = await admin.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'cp-live-listener' AND state = 'idle' AND query = 'LISTEN cp_history'`,
        [dbName(url)],
      );
      if (rows[0].n >= count) return;
    }
  } finally {
    await admin.end();
  }
}
