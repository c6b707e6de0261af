// Claims from different sources that seem to speak of the same thing but give figures or dates
// that cannot both be true: candidate CONTRADICTS links for a person to accept or dismiss.
import { compareQuantities } from "../quantities/compare";
import type { DateMention } from "../quantities/dates";
import { extractNumbers, type Quantity } from "../quantities/scan";
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

interface Figures {
  quantities: Quantity[];
  dates: DateMention[];
  words: Set<string>;
}

function figuresOf(quote: string): Figures {
  return { ...extractNumbers(quote), words: significantWords(quote) };
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

/**
 * Pairs of claims in different sources with conflicting figures, best first. Pairs already
 * linked (in either direction, any relation) are left out: someone has judged them already.
 * Each pair reads in the claims' given order: the earlier claim is `fromId` and its figure `a`.
 */
export function suggestContradictions(
  claims: ComparableClaim[],
  linkedPairs: { fromId: string; toId: string }[] = [],
): ContradictionSuggestion[] {
  const linked = new Set(linkedPairs.map((l) => pairKey(l.fromId, l.toId)));
  const figures = new Map(claims.map((c) => [c.id, figuresOf(c.quote)]));
  const suggestions: ContradictionSuggestion[] = [];
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const a = claims[i];
      const b = claims[j];
      if (a.sourceId === b.sourceId || linked.has(pairKey(a.id, b.id))) continue;
      const { conflicts, sharedWords } = compare(figures.get(a.id)!, figures.get(b.id)!);
      if (!conflicts.length) continue;
      suggestions.push({ key: pairKey(a.id, b.id), fromId: a.id, toId: b.id, conflicts, sharedWords, score: conflicts.length + sharedWords.length });
    }
  }
  return suggestions.sort((x, y) => y.score - x.score || x.key.localeCompare(y.key));
}
