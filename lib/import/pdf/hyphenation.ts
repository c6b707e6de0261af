// Undoing hyphenation at line ends. Given "deploy-" at a line end and "ment" starting the next:
//  1. a soft hyphen (U+00AD) is always removed;
//  2. if "deployment" occurs elsewhere in the text, join without the hyphen;
//  3. else if "deploy-ment" occurs inside a line elsewhere, the hyphen is real: keep it;
//  4. else if the next line starts with a capital or a digit ("Franco-" + "Prussian", "COVID-" + "19"), keep it;
//  5. else if "deployment" is an English word, join; if it is not but both halves are ("two-" +
//     "decade"), the hyphen is real: keep it;
//  6. else (names, rare words) the hyphen was the line break's: join without it.
// Known cost of rule 5: a compound the dictionary also spells closed ("non-military") is closed up.

const WORD = /[\p{L}\p{N}]+(?:[-‐][\p{L}\p{N}]+)*/gu;

/** Lower-cased words of the text's line interiors (hyphenated compounds as one word); cost O(text). */
export function wordSet(lines: string[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) for (const match of line.matchAll(WORD)) words.add(match[0].toLowerCase());
  return words;
}

/** Whether `line` ends in a word broken by a hyphen (not a dash after a space). */
export function endsHyphenated(line: string): boolean {
  return /\p{L}[-‐\u00AD]$/u.test(line);
}

/** `prev` (ending hyphenated) joined with `next`, following the rules above. */
export function joinHyphenated(prev: string, next: string, textWords: Set<string>, isWord: (w: string) => boolean): string {
  const hyphen = prev[prev.length - 1];
  const head = prev.slice(0, -1);
  if (hyphen === "\u00AD") return head + next;
  const before = /[\p{L}\p{N}]+$/u.exec(head)?.[0] ?? "";
  const after = /^[\p{L}\p{N}]+/u.exec(next)?.[0] ?? "";
  if (!after) return prev + next;
  const joined = (before + after).toLowerCase();
  if (textWords.has(joined)) return head + next;
  if (textWords.has(`${before}-${after}`.toLowerCase())) return prev + next;
  if (/^[\p{Lu}\p{N}]/u.test(after)) return prev + next;
  if (isWord(joined)) return head + next;
  if (isWord(before) && isWord(after)) return prev + next;
  return head + next;
}
