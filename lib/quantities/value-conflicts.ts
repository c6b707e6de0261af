// Which claims' values cannot both be true, and which of those the researcher's links settle.
import { datesOverlap, formatDateInterval } from "./date-intervals";
import type { ClaimValues } from "./claim-values";
import { compareCounted } from "./intervals";

export interface ValuedClaim {
  id: string;
  values: ClaimValues;
}

export interface ValueConflict {
  aId: string;
  bId: string;
  /** "figure": the counts cannot overlap; "date": the same event is dated to periods that cannot overlap. */
  kind: "figure" | "date";
  /** What each claim says, as a reader would say it. */
  a: string;
  b: string;
}

const sameEvent = (a: string | null, b: string | null) => a !== null && b !== null && a.toLowerCase() === b.toLowerCase();

/** Conflicts between two claims' values: figures of one quantity, dates of one named event. */
export function conflictsBetween(a: ValuedClaim, b: ValuedClaim): ValueConflict[] {
  const found: ValueConflict[] = [];
  const fa = a.values.figure;
  const fb = b.values.figure;
  if (fa && fb && fa.quantity !== null && compareCounted(fa, fb) === "conflicting") {
    found.push({ aId: a.id, bId: b.id, kind: "figure", a: fa.label, b: fb.label });
  }
  const da = a.values.date;
  const db = b.values.date;
  if (da && db && sameEvent(a.values.event, b.values.event) && !datesOverlap(da, db)) {
    found.push({ aId: a.id, bId: b.id, kind: "date", a: formatDateInterval(da), b: formatDateInterval(db) });
  }
  return found;
}

/** Every pair's conflicts. Cost: pairs of claims, so n²/2 comparisons for n claims. */
export function valueConflicts(claims: ValuedClaim[]): ValueConflict[] {
  const found: ValueConflict[] = [];
  for (let i = 0; i < claims.length; i++) for (let j = i + 1; j < claims.length; j++) found.push(...conflictsBetween(claims[i]!, claims[j]!));
  return found;
}

export interface JudgingLink {
  fromId: string;
  toId: string;
  relation: "CONTRADICTS" | "SUPPORTS" | "REFINES";
  authorName: string;
}

export interface SettledConflict extends ValueConflict {
  /** The link that settles it: the researcher judged the two compatible. */
  link: JudgingLink;
}

/**
 * The researcher's links decide over the machine: a SUPPORTS or REFINES link between two claims
 * settles their conflicts; the rest stay open.
 */
export function judgeConflicts(conflicts: ValueConflict[], links: JudgingLink[]): { open: ValueConflict[]; settled: SettledConflict[] } {
  const open: ValueConflict[] = [];
  const settled: SettledConflict[] = [];
  for (const c of conflicts) {
    const link = links.find((l) => l.relation !== "CONTRADICTS" && ((l.fromId === c.aId && l.toId === c.bId) || (l.fromId === c.bId && l.toId === c.aId)));
    if (link) settled.push({ ...c, link });
    else open.push(c);
  }
  return { open, settled };
}
