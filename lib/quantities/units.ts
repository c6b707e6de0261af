// What a figure counts: the unit word after it, and the family that makes synonyms compare equal.
import type { Core } from "./numbers";
import { glued, spaced, type Token } from "./tokenize";
import { KNOWN_UNITS, OF_DETERMINERS, PART_OF, SMALL_NUMBERS, STOP_WORDS, UNIT_FAMILIES, UNIT_SKIP_WORDS } from "./vocabulary";

export interface UnitGuess {
  unit: string | null;
  known: boolean;
  last: number; // last token index consumed
}

export function singular(w: string): string {
  if (w.endsWith("ies") && w.length > 4) return w.slice(0, -3) + "y";
  if (w.endsWith("men")) return w.slice(0, -3) + "man";
  if (w.endsWith("s") && !w.endsWith("ss") && w.length > 3) return w.slice(0, -1);
  return w;
}

function isKnownUnit(w: string): boolean {
  return KNOWN_UNITS.has(w) || KNOWN_UNITS.has(singular(w));
}

export function guessUnit(text: string, toks: Token[], core: Core): UnitGuess {
  const last = core.last;
  const next = toks[last + 1];
  if (core.compactUnit) return { unit: core.compactUnit, known: true, last };
  if (next && next.text === "%" && (glued(toks[last]!, next) || spaced(text, toks[last]!, next))) {
    return { unit: "percent", known: true, last: last + 1 };
  }
  if (next && spaced(text, toks[last]!, next)) {
    if (next.lower === "percent" || next.lower === "pct") return { unit: "percent", known: true, last: last + 1 };
    const after = toks[last + 2];
    if (next.lower === "per" && after?.lower === "cent" && spaced(text, next, after)) {
      return { unit: "percent", known: true, last: last + 2 };
    }
  }
  if (core.currency) return { unit: core.currency, known: true, last };
  // "four-day clash", "five-year period"
  const word = toks[last + 2];
  if (next && word && next.text === "-" && glued(toks[last]!, next) && glued(next, word) && word.kind === "word") {
    return { unit: word.lower, known: true, last: last + 2 };
  }

  // Walk a few words ahead: "2,500 of its troops", "two traditionally Nordic countries".
  let j = last + 1;
  const linked = (k: number) => toks[k] && spaced(text, toks[k - 1]!, toks[k]!);
  if (linked(j) && toks[j]!.lower === "of") {
    j++;
    if (linked(j) && OF_DETERMINERS.has(toks[j]!.lower)) j++;
  }
  // Without part-of-speech tags, modifiers are recognised by shape: capitalised ("Russian"),
  // adverbs (-ly), participles (-ing/-ed), hyphenated compounds ("post-Soviet") and a short list.
  let fallback: UnitGuess | null = null;
  for (let steps = 0; steps < 4 && linked(j); steps++, j++) {
    const t = toks[j]!;
    if (t.kind !== "word") break;
    if (isKnownUnit(t.lower)) return { unit: t.lower, known: true, last: j };
    if (STOP_WORDS.has(t.lower)) break;
    const dash = toks[j + 1];
    const compound = dash?.text === "-" && glued(t, dash) && toks[j + 2]?.kind === "word" && glued(dash, toks[j + 2]!);
    if (compound) {
      // "post-Soviet states": a modifier; "ushanka-hats,": the noun itself.
      if (toks[j + 3]?.kind === "word" && linked(j + 3)) {
        j += 2;
        continue;
      }
      return { unit: text.slice(t.start, toks[j + 2]!.end).toLowerCase(), known: false, last: j + 2 };
    }
    const modifier =
      /^\p{Lu}/u.test(t.text) || t.lower.endsWith("ly") || UNIT_SKIP_WORDS.has(t.lower) ||
      SMALL_NUMBERS[t.lower] !== undefined;
    if (modifier) continue;
    const participle = /(?:ing|ed)$/.test(t.lower) && t.lower.length > 4;
    if (participle) {
      fallback ??= { unit: t.lower, known: false, last: j };
      continue;
    }
    return { unit: t.lower, known: false, last: j };
  }
  return fallback ?? { unit: null, known: false, last };
}

/**
 * Canonical name for a unit so synonyms compare equal: "servicemen" and "paratroopers" are both
 * "troops", "%" and "per cent" are "percent". Unknown units fall back to their singular form.
 */
export function unitFamily(unit: string | null): string | null {
  if (unit === null) return null;
  const u = unit.trim().toLowerCase();
  if (u === "") return null;
  return UNIT_FAMILIES[u] ?? UNIT_FAMILIES[singular(u)] ?? singular(u);
}

/** Whether a researcher's unit is one the app can compare ("soldiers", "USD", "paratroopers"). */
export function isKnownUnitWord(unit: string): boolean {
  const w = unit.trim().toLowerCase();
  return isKnownUnit(w) || UNIT_FAMILIES[w] !== undefined || PART_OF[w] !== undefined || PART_OF[singular(w)] !== undefined;
}
