// Pull comparable numbers ("more than 2,000 troops") and dates out of claim quotes so that
// claims from different sources can be checked against each other.
// Offsets are UTF-16 code units into the input, end exclusive, like everywhere else in lib/.
import { dateMentions, type DateMention } from "./dates";
import { isLabelled, matchQualifier, parseDigitCore, parseWordCore, type Core } from "./numbers";
import { glued, tokenize, type Token } from "./tokenize";
import { guessUnit, type UnitGuess } from "./units";
import type { Qualifier } from "./vocabulary";

export interface Quantity {
  value: number;
  qualifier: Qualifier | null;
  /** Lower-cased unit word as written ("paratroopers"), "percent", or a currency code ("USD"). */
  unit: string | null;
  /** The matched text: qualifier, number and unit as they appear in the input. */
  raw: string;
  start: number;
  end: number;
}

/** Bare four-digit integers in this range are read as years unless a qualifier or unit says otherwise. */
export const YEAR_MIN = 1800;
export const YEAR_MAX = 2099;

/** Looks like a year unless a recognised unit follows ("2000 troops"). */
function yearCandidate(core: Core, qual: unknown): boolean {
  return core.yearLike && !qual && !core.currency && core.value >= YEAR_MIN && core.value <= YEAR_MAX;
}

interface Scanned {
  quantities: Quantity[];
  dates: DateMention[];
}

function scan(text: string): Scanned {
  const dates = dateMentions(text);
  const inDate = (t: Token) => dates.some((d) => t.start < d.end && d.start < t.end);
  const toks = tokenize(text);

  interface Draft {
    core: Core;
    qual: { qualifier: Qualifier; index: number } | null;
    unit: UnitGuess;
    startTok: number;
  }
  const drafts: Draft[] = [];

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (inDate(t)) continue;
    let core: Core | null = null;
    if (t.kind === "num") core = parseDigitCore(text, toks, i);
    else if (t.kind === "word") core = parseWordCore(text, toks, i);
    if (!core) continue;
    if (toks.slice(core.first, core.last + 1).some(inDate)) continue;
    i = core.last; // never re-read "million" in "six million" as a number of its own

    let startTok = core.first;
    if (core.currency) {
      startTok = core.first - 1;
      if (toks[startTok - 1]?.text === "US" && glued(toks[startTok - 1]!, toks[startTok]!)) startTok--;
    }
    if (isLabelled(text, toks, startTok)) continue;
    const qual = matchQualifier(text, toks, startTok) ?? (core.vague ? { qualifier: "at least" as const, index: startTok } : null);
    if (core.wordOnlyOne && !qual) continue; // "one member", "no one": a pronoun, not a count
    const unit = guessUnit(text, toks, core);
    drafts.push({ core, qual, unit, startTok: qual ? qual.index : startTok });
  }

  // "between 2,000 and 3,000 troops", "2,000 to 3,000 troops", "2,000-3,000 troops":
  // the first figure borrows the unit and the pair becomes a closed range.
  for (let k = 0; k + 1 < drafts.length; k++) {
    const a = drafts[k]!;
    const b = drafts[k + 1]!;
    if (a.unit.unit !== null || b.unit.unit === null) continue;
    const joiner = text.slice(toks[a.unit.last]!.end, toks[b.startTok]!.start).trim().toLowerCase();
    const between = toks[a.startTok - 1]?.lower === "between";
    const isRange = joiner === "to" || joiner === "-" || joiner === "\u2013" || (joiner === "and" && between);
    if (!isRange || (yearCandidate(a.core, a.qual) && yearCandidate(b.core, b.qual))) continue;
    a.unit = { unit: b.unit.unit, known: b.unit.known, last: a.unit.last };
    if (!a.qual) a.qual = { qualifier: "at least", index: a.startTok };
    if (!b.qual) b.qual = { qualifier: "at most", index: b.startTok };
  }

  const quantities: Quantity[] = [];
  for (const d of drafts) {
    const { core, qual, unit } = d;
    const countable = unit.known && unit.unit !== null;
    // A year is no count; the dates chrono read are already in `dates` ("Rubezh-2021" is neither).
    if (yearCandidate(core, qual) && !countable) continue;
    // Only stretch raw over the unit word when a unit was actually recognised.
    const endTok = unit.unit !== null ? Math.max(unit.last, core.last) : core.last;
    const start = toks[d.startTok]!.start;
    const end = toks[endTok]!.end;
    quantities.push({
      value: core.value,
      qualifier: qual?.qualifier ?? null,
      unit: unit.unit,
      raw: text.slice(start, end),
      start,
      end,
    });
  }
  quantities.sort((x, y) => x.start - y.start);
  return { quantities, dates };
}

export function extractQuantities(text: string): Quantity[] {
  return scan(text).quantities;
}

export function extractDates(text: string): DateMention[] {
  return scan(text).dates;
}

/** Both lists from one pass, for callers that need both. */
export function extractNumbers(text: string): { quantities: Quantity[]; dates: DateMention[] } {
  return scan(text);
}
