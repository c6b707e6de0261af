// Normalisation: sources get re-pasted with different typography (curly vs straight quotes,
// guillemets, non-breaking spaces, reflowed whitespace). Those differences should neither count
// as fuzzy errors nor prevent an otherwise exact match.

const CHAR_FOLDS: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u201A": "'", "\u201B": "'", "\u2032": "'", "`": "'",
  "\u201C": '"', "\u201D": '"', "\u201E": '"', "\u201F": '"', "\u2033": '"',
  "\u00AB": '"', "\u00BB": '"', "\u2039": "'", "\u203A": "'",
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
  "\u2026": "...",
};
// Invisible characters that copy/paste adds or drops at will.
const DROPPED = new Set(["\u00AD", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"]);

export interface Normalized {
  text: string;
  /** For each normalised char, the [start, end) of the original chars it stands for. */
  origStart: number[];
  origEnd: number[];
}

/** Folds typography and collapses whitespace runs to one space, remembering where each char came from. */
export function normalize(text: string): Normalized {
  let out = "";
  const origStart: number[] = [];
  const origEnd: number[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      out += " ";
      origStart.push(i);
      origEnd.push(j);
      i = j;
      continue;
    }
    if (DROPPED.has(ch)) {
      i++;
      continue;
    }
    const folded = CHAR_FOLDS[ch] ?? ch;
    for (const f of folded) {
      out += f;
      origStart.push(i);
      origEnd.push(i + 1);
    }
    i++;
  }
  return { text: out, origStart, origEnd };
}

export function normalizeString(s: string): string {
  return normalize(s).text;
}
