// Claims from different sources that seem to speak of the same thing but give figures or dates
// that cannot both be true: candidate CONTRADICTS links for a person to accept or dismiss.
import { compareQuantities } from "../quantities/compare";
import type { DateMention } from "../quantities/dates";
import { extractNumbers, type Quantity } from "../quantities/scan";
import { countedThing } from "../quantities/intervals";
import { unitFamily } from "../quantities/units";

export interface ComparableClaim {
  id: string;
  sourceId: string;
  quote: string;
}

export interface FigureConflict {
  a: string;
  b: string;
}

export interface ContradictionSuggestion {
  /** Stable key of the unordered pair, used to remember a dismissal. */
  key: string;
  fromId: string;
  toId: string;
  conflicts: FigureConflict[];
  sharedWords: string[];
  /** Higher is more likely the same subject. */
  score: number;
}

const STOP_WORDS = new Set(
  ("about above after again against also among another because been before being between both could does during each " +
    "from further have having here into itself just more most much only other over same should since some such than that " +
    "their them then there these they this those through under until very were what when where which while will with " +
    "would your said says according into onto upon within without less least").split(" "),
);

/** Lower-case words of four letters or more that say what a sentence is about. */
export function significantWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/\p{L}[\p{L}’'-]*/gu) ?? [];
  return new Set(words.map((w) => w.replace(/[’']s$/, "")).filter((w) => w.length >= 4 && !STOP_WORDS.has(w)));
}

/** "more than 2,000 troops", as a reader would say it. */
export function formatQuantity(q: Quantity): string {
  const number = q.value.toLocaleString("en-US", { maximumFractionDigits: 6 });
  return [q.qualifier, number, q.unit].filter(Boolean).join(" ");
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function datesConflict(a: DateMention, b: DateMention): boolean {
  // Only dates of the same precision are compared: "2022" does not contradict "2022-01".
  return a.iso.length === b.iso.length && a.iso.startsWith("--") === b.iso.startsWith("--") && a.iso !== b.iso;
}

export interface Figures {
  quantities: Quantity[];
  dates: DateMention[];
  words: Set<string>;
}

/** Quotes read lately (about 1 KB each): a claim's quote seldom changes, and reading 3,000 quotes (chrono for the
 *  dates) took most of a suggestions request once the pairs were bucketed (~0.5 s). Bounded, so
 *  memory stays flat however many claims pass (oldest read forgotten first). */
const FIGURES_KEPT = 20_000;
const figuresRead = new Map<string, Figures>();

/** What a quote states that can conflict: its figures, dates and significant words. Cost: one
 *  scan of the quote (chrono for the dates), unless read lately. Callers must not change the result. */
export function figuresOf(quote: string): Figures {
  const known = figuresRead.get(quote);
  if (known) return known;
  const read = { ...extractNumbers(quote), words: significantWords(quote) };
  if (figuresRead.size >= FIGURES_KEPT) figuresRead.delete(figuresRead.keys().next().value!);
  figuresRead.set(quote, read);
  return read;
}

/** Figures with a unit in the same family whose ranges do not overlap ("2,500 troops" vs "about 3,000 paratroopers"). */
function quantityConflicts(a: Quantity[], b: Quantity[]): FigureConflict[] {
  const found: FigureConflict[] = [];
  for (const qa of a) {
    for (const qb of b) {
      // Unitless numbers share no subject worth trusting ("5" and "12" are everywhere).
      if (unitFamily(qa.unit) === null || compareQuantities(qa, qb) !== "conflicting") continue;
      found.push({ a: formatQuantity(qa), b: formatQuantity(qb) });
    }
  }
  return found;
}

/** The figures of two quotes that cannot both be true. */
export function conflictingQuantities(quoteA: string, quoteB: string): FigureConflict[] {
  return quantityConflicts(extractNumbers(quoteA).quantities, extractNumbers(quoteB).quantities);
}

/** Minimum shared significant words before two different dates are taken to be about the same event. */
export const MIN_SHARED_WORDS_FOR_DATES = 2;

function compare(a: Figures, b: Figures): { conflicts: FigureConflict[]; sharedWords: string[] } {
  const sharedWords = [...a.words].filter((w) => b.words.has(w)).sort();
  const conflicts = quantityConflicts(a.quantities, b.quantities);
  if (sharedWords.length >= MIN_SHARED_WORDS_FOR_DATES) {
    for (const da of a.dates) for (const db of b.dates) if (datesConflict(da, db)) conflicts.push({ a: da.raw, b: db.raw });
  }
  return { conflicts, sharedWords };
}

/** One pair compared outright, every figure against every figure (a read first), or null when
 *  nothing in their quotes conflicts: what the buckets below must find (tests/unit/suggestions/
 *  contradictions.test.ts compares the two on generated claims). */
export function contradictionOfPair(a: ComparableClaim, b: ComparableClaim, fa = figuresOf(a.quote), fb = figuresOf(b.quote)): ContradictionSuggestion | null {
  const { conflicts, sharedWords } = compare(fa, fb);
  if (!conflicts.length) return null;
  return { key: pairKey(a.id, b.id), fromId: a.id, toId: b.id, conflicts, sharedWords, score: conflicts.length + sharedWords.length };
}

/** What a claim's figures can conflict with. A figure with a unit conflicts only with one counting
 *  the same quantity (quantityConflicts, compareCounted); a date only with another date of the same
 *  precision (datesConflict). Keys: "q:<quantity>", "d:<precision>"; with each date key the ISO
 *  dates of that precision, since two claims stating one and the same date there agree. */
function conflictKeys(f: Figures): { quantities: Set<string>; dates: Map<string, Set<string>> } {
  const quantities = new Set<string>();
  for (const q of f.quantities) {
    if (!Number.isFinite(q.value) || unitFamily(q.unit) === null) continue;
    quantities.add(`q:${countedThing(q.unit).quantity}`);
  }
  const dates = new Map<string, Set<string>>();
  for (const d of f.dates) {
    const key = `d:${d.iso.length}:${d.iso.startsWith("--")}`;
    const isos = dates.get(key);
    if (isos) isos.add(d.iso);
    else dates.set(key, new Set([d.iso]));
  }
  return { quantities, dates };
}

/**
 * Pairs of claims in different sources with conflicting figures, best first. Pairs already
 * linked (in either direction, any relation) are left out: someone has judged them already.
 * Each pair reads in the claims' given order: the earlier claim is `fromId` and its figure `a`.
 * Only pairs that can conflict are compared: claims are put in buckets by the quantities their
 * figures count and the precisions of their dates (conflictKeys), and a pair is compared when it
 * shares a bucket (for dates, unless both state that bucket's one same date). Cost: O(n) figure
 * reads for n claims plus the pairs within buckets; comparing every pair was n² (4.5 million pairs
 * at 3,000 claims, seconds of the server's time).
 */
export function suggestContradictions(
  claims: ComparableClaim[],
  linkedPairs: { fromId: string; toId: string }[] = [],
): ContradictionSuggestion[] {
  const linked = new Set(linkedPairs.map((l) => pairKey(l.fromId, l.toId)));
  const figures = claims.map((c) => figuresOf(c.quote));
  // Claim indexes by bucket; a date bucket's members grouped by the one date they state there
  // ("" for claims stating several, which may conflict with anyone in the bucket).
  const byQuantity = new Map<string, number[]>();
  const byDate = new Map<string, Map<string, number[]>>();
  figures.forEach((f, i) => {
    const keys = conflictKeys(f);
    for (const key of keys.quantities) {
      const members = byQuantity.get(key);
      if (members) members.push(i);
      else byQuantity.set(key, [i]);
    }
    for (const [key, isos] of keys.dates) {
      const group = isos.size === 1 ? [...isos][0]! : "";
      let groups = byDate.get(key);
      if (!groups) byDate.set(key, (groups = new Map()));
      const members = groups.get(group);
      if (members) members.push(i);
      else groups.set(group, [i]);
    }
  });
  const compared = new Set<number>();
  const suggestions: ContradictionSuggestion[] = [];
  const consider = (x: number, y: number) => {
    const [i, j] = x < y ? [x, y] : [y, x];
    const a = claims[i]!;
    const b = claims[j]!;
    if (a.sourceId === b.sourceId) return;
    const pair = i * claims.length + j;
    if (compared.has(pair)) return;
    compared.add(pair);
    if (linked.has(pairKey(a.id, b.id))) return;
    const suggestion = contradictionOfPair(a, b, figures[i]!, figures[j]!);
    if (suggestion) suggestions.push(suggestion);
  };
  for (const members of byQuantity.values()) {
    for (let m = 0; m < members.length; m++) for (let k = m + 1; k < members.length; k++) consider(members[m]!, members[k]!);
  }
  for (const groups of byDate.values()) {
    const list = [...groups.entries()];
    for (let g = 0; g < list.length; g++) {
      const [iso, members] = list[g]!;
      // Within one date's group every pair states the same date: only claims with several may differ.
      if (iso === "") for (let m = 0; m < members.length; m++) for (let k = m + 1; k < members.length; k++) consider(members[m]!, members[k]!);
      for (let h = g + 1; h < list.length; h++) for (const x of members) for (const y of list[h]![1]) consider(x, y);
    }
  }
  return suggestions.sort((x, y) => y.score - x.score || x.key.localeCompare(y.key));
}
