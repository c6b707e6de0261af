// Words, numbers and punctuation with their offsets, and how two of them touch.

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: "num" | "word" | "punct";
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /\d+(?:[.,]\d+)*|\p{L}+|\S/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const t = m[0];
    const kind = /^\d/.test(t) ? "num" : /^\p{L}/u.test(t) ? "word" : "punct";
    out.push({ text: t, lower: t.toLowerCase(), start: m.index, end: m.index + t.length, kind });
  }
  return out;
}

export const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);
export const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";

/** Tokens b follows a with nothing but spaces/tabs in between (never across a line break). */
export function spaced(text: string, a: Token, b: Token): boolean {
  return /^[ \t\u00A0]+$/.test(text.slice(a.end, b.start));
}
export function glued(a: Token, b: Token): boolean {
  return a.end === b.start;
}
