// Researcher names: how two names are judged "the same" and which names are refused as look-alikes.
// Pure functions: the browser may use them to explain a refusal before asking the server.

/** NFKC folds compatibility forms (full-width letters, ligatures, superscripts) into plain ones;
 *  runs of white space become one space. What is shown and stored as the name. */
export function normaliseName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/gu, " ").trim();
}

/** The key a name is unique by (database: "User_nameKey_key"): case-insensitive after NFKC.
 *  NFKC again after lower-casing, since lower-casing can produce a composable sequence. */
export function nameKey(name: string): string {
  return normaliseName(name).toLowerCase().normalize("NFKC");
}

// Scripts a name may be written in. Japanese mixes three scripts by nature: they count as one.
const SCRIPTS: [string, RegExp][] = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Armenian", /\p{Script=Armenian}/u],
  ["Georgian", /\p{Script=Georgian}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Devanagari", /\p{Script=Devanagari}/u],
  ["Thai", /\p{Script=Thai}/u],
  ["Hangul", /\p{Script=Hangul}/u],
  ["Japanese", /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
];

/**
 * Look-alikes are refused by script mixing (the "single script" rule of Unicode TS #39): every letter
 * of a name must come from one script, so "Аlice" with a Cyrillic А cannot pose as "Alice".
 * Digits, spaces and . _ ' - belong to no script. Returns the problem, or null for a fine name.
 */
export function mixedScriptProblem(name: string): string | null {
  const seen = new Set<string>();
  for (const ch of name) {
    if (!/\p{L}/u.test(ch)) continue;
    const script = SCRIPTS.find(([, re]) => re.test(ch))?.[0];
    if (!script) return `the letter "${ch}" is from a script names may not use`;
    seen.add(script);
  }
  return seen.size > 1 ? `mixes letters of ${[...seen].join(" and ")}: look-alike names are refused` : null;
}
