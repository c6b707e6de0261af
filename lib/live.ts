// Live updates, the part the browser shares with the server: what one change notice says, how
// an event stream frames it, and the sentence the quiet notice shows. Notices are invalidations
// ("claim c1 of source s1 changed"), never the new state: a page that hears one refetches what
// it shows, so a notice heard twice or out of order cannot leave a stale picture.

export const CHANGE_ENTITIES = ["CLAIM", "LINK", "CLUSTER", "SOURCE", "ROUND"] as const;
export type ChangeEntity = (typeof CHANGE_ENTITIES)[number];

export interface ChangeNotice {
  /** The History row's id: the event stream's id, increasing in the order rows were written. */
  id: number;
  /** The project the change belongs to (a page's stream relays its own project's only). */
  projectId: string | null;
  entity: ChangeEntity;
  entityId: string;
  action: string;
  /** The claim a change concerns (a link's change is one notice per end). */
  claimId: string | null;
  /** The source a change concerns: the claim's source, or the source itself. */
  sourceId: string | null;
  actorId: string | null;
  actorName: string | null;
  at: string;
}

/** What arrives on the stream: a change, or "too much happened while you were away: reload". */
export type LiveEvent = { type: "change"; notice: ChangeNotice } | { type: "resync"; id: number };

/** One server-sent event. `id` lets the browser's EventSource resume after the last one it saw. */
export function formatEvent(event: LiveEvent): string {
  const id = event.type === "change" ? event.notice.id : event.id;
  const data = event.type === "change" ? event.notice : { id: event.id };
  return `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

const ACTIONS: Record<string, string> = {
  created: "added",
  imported: "imported",
  uploaded: "uploaded",
  deleted: "deleted",
  restored: "restored",
  retagged: "changed the kind of",
  noted: "changed the note of",
  respanned: "moved",
  reattached: "re-attached",
  reanchored: "re-anchored",
  orphaned: "orphaned",
  linked: "linked",
  unlinked: "unlinked",
  "member added": "added a claim to",
  "member removed": "removed a claim from",
  "appearance-recorded": "recorded another appearance of",
  edited: "edited",
  "text-edited": "corrected the text of",
  // Rounds of independent annotation (lib/server/rounds.ts).
  "round opened": "opened",
  "round closed": "closed",
  "work marked done": "marked their work done in",
  "curation: accept": "curated a passage of",
  "curation: edit": "curated a passage of",
  "curation: reject": "curated a passage of",
};

const NOUNS: Record<ChangeEntity, string> = { CLAIM: "a claim", LINK: "two claims", CLUSTER: "a cluster", SOURCE: "a source", ROUND: "a round of independent annotation" };

/** "Bo added a claim", "Bo linked two claims": the quiet notice under the page's title. */
export function describeNotice(notice: Pick<ChangeNotice, "entity" | "action" | "actorName">): string {
  const who = notice.actorName ?? "Someone";
  const first = notice.action.split("+")[0]!;
  const verb = ACTIONS[first] ?? "changed";
  return `${who} ${verb} ${NOUNS[notice.entity]}`;
}

/** Remembers the ids a page has acted on, so a notice replayed after a reconnect is not applied
 *  twice. Bounded: the oldest ids are forgotten once `capacity` is reached (cost O(1) per id). */
export class SeenIds {
  private readonly ids = new Set<number>();
  constructor(private readonly capacity = 2_000) {}
  /** True the first time an id is offered. */
  add(id: number): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
}
