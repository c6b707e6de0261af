// The one highlight painter: which claims cover each stretch of text (lib/highlights/runs: the
// shortest wins), how they stack (lib/highlights/levels) and the class names that show it. The
// reader's editor decorations, its first-paint static text and any static column paint with it.
import { stackLevels, type StackLevel } from "@/lib/highlights/levels";
import { highlightRuns, type HighlightRun } from "@/lib/highlights/runs";
import type { ClaimKind } from "@/lib/types";

export interface PaintClaim {
  id: string;
  start: number;
  end: number;
  kind: ClaimKind;
  /** An orphan's words are gone from the text: its stale offsets are never painted. */
  orphaned?: boolean;
}

export interface PaintFlags {
  selectedId?: string | null;
  flashId?: string | null;
  /** More state classes for one claim (Compare's "chosen for a cluster", several flashing at once). */
  stateClasses?: (id: string) => readonly string[];
}

export interface Painted {
  runs: HighlightRun[];
  /** Class names of each painted claim. */
  classOf: Map<string, string>;
  kindOf: Map<string, ClaimKind>;
  /** How each painted claim stacks: with kindOf, a claim's classes under other flags (claimClassName). */
  levelOf: Map<string, StackLevel>;
}

/** The class names of one claim; highlights.css styles them. */
export function claimClassName(kind: ClaimKind, level: number, nested: boolean, flags: PaintFlags = {}, id?: string): string {
  const classes = ["claim", `claim-${kind.toLowerCase()}`, `claim-level-${level}`];
  if (nested) classes.push("claim-nested");
  if (id !== undefined && id === flags.selectedId) classes.push("claim-selected");
  if (id !== undefined && id === flags.flashId) classes.push("claim-flash");
  if (id !== undefined && flags.stateClasses) classes.push(...flags.stateClasses(id));
  return classes.join(" ");
}

/** Cost: O(n log n) for n claims (runs and levels are both a sort and a sweep). */
export function paintClaims(length: number, claims: PaintClaim[], flags: PaintFlags = {}): Painted {
  const painted = claims.filter((c) => !c.orphaned);
  const levels = stackLevels(painted);
  const classOf = new Map<string, string>();
  const kindOf = new Map<string, ClaimKind>();
  // A claim no flag names has one of 24 class lists (kind × level × nested): built once each.
  const plain = new Map<string, string>();
  const flagged = (id: string) => id === flags.selectedId || id === flags.flashId || flags.stateClasses !== undefined;
  for (const c of painted) {
    const { level, nested } = levels.get(c.id)!;
    let name: string | undefined;
    if (flagged(c.id)) name = claimClassName(c.kind, level, nested, flags, c.id);
    else {
      const key = `${c.kind}${level}${nested ? "n" : ""}`;
      name = plain.get(key);
      if (name === undefined) plain.set(key, (name = claimClassName(c.kind, level, nested)));
    }
    classOf.set(c.id, name);
    kindOf.set(c.id, c.kind);
  }
  return { runs: highlightRuns(length, painted), classOf, kindOf, levelOf: levels };
}
