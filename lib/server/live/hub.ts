// One per app process: hears that History rows were written and hands the notices to every open
// event stream of this process (app/api/events). Two ways to hear, chosen once:
// - "listen" (PostgreSQL): one dedicated connection LISTENs on cp_history. The trigger
//   History_notify sends "first:last" per statement after commit, in commit order, to every
//   process on the database, so several app processes behind one balancer all hear every change.
// - "poll" (CP_LIVE=poll, set for the embedded PGlite database): PGlite is one session and its
//   socket server hands a notice to the connection that committed, not to a listener (checked
//   with two pg clients over pglite-socket), so the hub reads History above its last id every
//   POLL_MS while streams are open. PGlite runs one transaction at a time, so ids commit in order.
// The hub only runs while at least one stream is open. Cost: one range read per notice (or per
// poll) for the whole process, however many streams are open; fan-out is O(streams) per notice.
import "server-only";
import pg from "pg";
import { db as processDb, type Db } from "../db";
import { SeenIds, type LiveEvent } from "../../live";
import { changesBetween, changesSince, lastChangeId } from "./changes";

const POLL_MS = 250;
/** More notices than this at once (a large import) reach pages as one "resync": reload. */
export const MAX_NOTICES_PER_BATCH = 200;
const RECONNECT_MS = [250, 500, 1_000, 2_000, 5_000];

type Listener = (event: LiveEvent) => void;

export interface HubOptions {
  db: Db;
  /** The database to LISTEN on (a dedicated connection). */
  url: string | undefined;
  mode: "listen" | "poll";
}

export class ChangeHub {
  constructor(private readonly options: HubOptions) {}

  private readonly listeners = new Set<Listener>();
  private lastId = -1;
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private failures = 0;
  /** Notices are read and delivered one batch after another, so order is kept. */
  private queue: Promise<void> = Promise.resolve();
  /** Ranges of concurrent statements can overlap: ids already delivered are dropped. */
  private readonly delivered = new SeenIds(5_000);
  private started: Promise<void> = Promise.resolve();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.running) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  get streams(): number {
    return this.listeners.size;
  }

  /** Resolves once the hub knows where the change log stands and (listen mode) is listening:
   *  changes written after that reach its subscribers. */
  ready(): Promise<void> {
    return this.started;
  }

  private start() {
    this.running = true;
    this.enqueue(async () => {
      if (this.lastId < 0) this.lastId = await lastChangeId(this.options.db);
    });
    const known = this.queue;
    if (this.options.mode === "poll") {
      this.started = known;
      this.poll();
    } else {
      this.started = Promise.all([known, this.listen()]).then(() => undefined);
    }
  }

  private stop() {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const client = this.client;
    this.client = null;
    client?.end().catch(() => {});
  }

  private enqueue(work: () => Promise<void>) {
    this.queue = this.queue.then(work).catch((err) => {
      console.error(`live updates: ${err instanceof Error ? err.message : err}`);
    });
  }

  private deliver(events: LiveEvent[]) {
    for (const event of events) for (const listener of this.listeners) listener(event);
  }

  /** Reads what the notice names and delivers the rows not delivered before (ranges of
   *  concurrent statements can overlap). */
  private readRange(first: number, last: number) {
    this.enqueue(async () => {
      if (last - first + 1 > MAX_NOTICES_PER_BATCH) {
        this.lastId = Math.max(this.lastId, last);
        this.deliver([{ type: "resync", id: last }]);
        return;
      }
      const notices = (await changesBetween(this.options.db, first, last, MAX_NOTICES_PER_BATCH)).filter((n) => this.delivered.add(n.id));
      for (const n of notices) this.lastId = Math.max(this.lastId, n.id);
      this.deliver(notices.map((notice) => ({ type: "change", notice })));
    });
  }

  /** On each poll: whatever was written above the last id seen. After a lost connection, also
   *  look a little below it, for transactions that committed out of id order meanwhile. */
  private catchUp(lookback = false) {
    this.enqueue(async () => {
      const notices = (await changesSince(this.options.db, this.lastId, MAX_NOTICES_PER_BATCH + 1, { lookback })).filter((n) => this.delivered.add(n.id));
      if (notices.length > MAX_NOTICES_PER_BATCH) {
        const last = await lastChangeId(this.options.db);
        this.lastId = last;
        this.deliver([{ type: "resync", id: last }]);
        return;
      }
      for (const n of notices) this.lastId = Math.max(this.lastId, n.id);
      this.deliver(notices.map((notice) => ({ type: "change", notice })));
    });
  }

  private poll() {
    if (!this.running) return;
    this.catchUp();
    this.enqueue(async () => {
      if (this.running) this.timer = setTimeout(() => this.poll(), POLL_MS);
    });
  }

  private async listen() {
    const client = new pg.Client({ connectionString: this.options.url, application_name: "cp-live-listener" });
    this.client = client;
    client.on("error", (err) => console.error(`live updates: connection lost: ${err.message}`));
    client.on("notification", (message) => {
      const [first, last] = (message.payload ?? "").split(":").map(Number);
      if (Number.isInteger(first) && Number.isInteger(last)) this.readRange(first!, last!);
    });
    client.on("end", () => {
      if (this.client !== client) return;
      this.retryListen();
    });
    try {
      await client.connect();
      await client.query("LISTEN cp_history");
      const reconnected = this.failures > 0;
      this.failures = 0;
      if (reconnected) this.catchUp(true);
    } catch (err) {
      // A hub stopped while connecting ended this client itself: nothing went wrong.
      if (this.client !== client) return;
      console.error(`live updates: cannot listen: ${err instanceof Error ? err.message : err}`);
      this.retryListen();
      client.end().catch(() => {});
    }
  }

  /** The database went away: listen again after a growing wait, then read what was written meanwhile. */
  private retryListen() {
    this.client = null;
    if (!this.running) return;
    const wait = RECONNECT_MS[Math.min(this.failures++, RECONNECT_MS.length - 1)]!;
    this.timer = setTimeout(() => void this.listen(), wait);
  }
}

const globalForHub = globalThis as unknown as { __changeHub?: ChangeHub };

/** The process's hub (kept on globalThis so dev-mode reloads do not open a second listener). */
export function changeHub(): ChangeHub {
  globalForHub.__changeHub ??= new ChangeHub({ db: processDb(), url: process.env.DATABASE_URL, mode: process.env.CP_LIVE === "poll" ? "poll" : "listen" });
  return globalForHub.__changeHub;
}
