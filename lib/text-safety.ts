// Text PostgreSQL cannot store: NUL characters (refused in text columns) and unpaired UTF-16
// surrogates, half of an emoji (refused by jsonb, where History keeps snapshots). Checked once at
// the edge for every body, query and path parameter, so no such value reaches the database.

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The problem with one string, or null. */
export function unstorableText(value: string): string | null {
  if (value.includes("\u0000")) return "contains a NUL character";
  if (UNPAIRED_SURROGATE.test(value)) return "contains half of a character (an unpaired UTF-16 surrogate)";
  return null;
}

/** The first unstorable string anywhere in a parsed JSON value (keys too), as "path: problem".
 *  Linear in the size of the value; iterative, so deep nesting cannot overflow the stack. */
export function unstorableTextIn(value: unknown, root = "body"): string | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      const problem = unstorableText(v);
      if (problem) return `${path}: ${problem}`;
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, `${path}[${i}]`]));
    } else if (v !== null && typeof v === "object") {
      for (const [key, item] of Object.entries(v)) {
        const problem = unstorableText(key);
        if (problem) return `${path}: a field name ${problem}`;
        stack.push([item, `${path}.${key}`]);
      }
    }
  }
  return null;
}

/** A claim's offsets must not cut a character in two: the quote would hold half of it. */
export function splitsCharacter(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
