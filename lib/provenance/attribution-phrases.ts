// Attribution phrases around a claim ("according to X", "X said", "officials said", a quotation,
// a photo credit), offered as one-click suggestions for the claim's speaker and origin.
// Heuristics on English news prose: a suggestion, never a decision; the researcher's choice wins.
import { paragraphs } from "../anchoring/paragraphs";
import type { AttributionSuggestion } from "../types";

export type { AttributionSuggestion };
import { paragraphAt, sentenceRange, type Range } from "./text-window";

// A capitalised word (a period only inside, as in "U.S", and no apostrophe: "Sweden's" is a name
// and a possessive), and a run of them joined by the small words of organisation names, with an
// optional acronym: "Geneva Centre for Democratic Security Sector Governance (DCAF)".
const CAP = String.raw`\p{Lu}(?:[\p{L}\p{M}-]|\.(?=\p{L}))*`;
const NAME = String.raw`${CAP}(?:\s+(?:(?:of|for|the|and|de|van|von|al)\s+)*${CAP})*(?:\s+\(\p{Lu}{2,}\))?`;
// "Sweden's ruling party", "Russia's foreign ministry": the possessive phrase is the speaker.
const SUBJECT = String.raw`${NAME}(?:['’]s(?:\s+\p{Ll}[\p{L}-]*){1,3})?`;
const VERB = String.raw`said|says|told|tells|added|adds|stated|states|announced|announces|declared|declares|confirmed|confirms|concluded|concludes|commented|noted|reported|reports`;
const ADVERB = String.raw`(?:also|officially|clearly|publicly|later|then|again|repeatedly|first|\p{Ll}+ly)`;
const GROUP = String.raw`officials|experts|analysts|sources|observers|diplomats|witnesses|residents|critics|insiders`;
const PRONOUN = String.raw`[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Tt]he (?:study|report|statement|ministry|organi[sz]ation)`;
// A role after a name: ", a professor at …", ", the Kyiv-based Danish journalist", ", one of …".
const ROLE_AFTER = String.raw`,\s+((?:an?|the|one of)\s+[^,.;:—–"“”«»]{2,80})`;
// Words that begin an appositive which is not a role: "said Andersen, who has covered …".
const NOT_A_ROLE = /^(?:who|which|whose|where|when|\p{Ll}+ing)\b/u;
// Titles written before a name: "President Tokayev", "Russian Deputy Prime Minister Yury Borisov".
const PERSON_TITLE = "President|Minister|Secretary|Chairman|Spokesman|Spokeswoman|Ambassador|Senator|Governor|General";
const TITLE = new RegExp(String.raw`^((?:(?:Russian|Belarusian|Kazakh|Kyrgyz|Tajik|Uzbek|Armenian|Acting|Former|Deputy|Prime|Foreign|Defen[cs]e|${PERSON_TITLE})\s+)*(?:${PERSON_TITLE})\s+)(.+)$`, "u");

// Capitalised words that open a sentence, not a name: "But Moscow said" is Moscow speaking.
const OPENER = /^(?:(?:the|but|and|so|yet|however|still|then|now|in|on|at|this|that)\s+)+/i;

interface Pattern {
  regex: RegExp;
  read(m: RegExpExecArray): Omit<AttributionSuggestion, "evidence"> & { pronoun?: boolean };
}

function speaker(raw: string, role?: string): { speakerName: string; role?: string } {
  const name = raw.replace(OPENER, "").trim();
  const titled = TITLE.exec(name);
  const cleanRole = role?.replace(/^(?:an?|the)\s+/i, "").trim();
  if (titled && !titled[2].includes("'") && !titled[2].includes("’")) {
    const title = titled[1].trim();
    return { speakerName: titled[2], role: cleanRole ? `${title}, ${cleanRole}` : title };
  }
  return cleanRole ? { speakerName: name, role: cleanRole } : { speakerName: name };
}

function isReporting(verb: string): boolean {
  return /^report/.test(verb);
}

const PATTERNS: Pattern[] = [
  {
    // "according to experts" — a group, nobody named
    regex: new RegExp(String.raw`\b[Aa]ccording to (?:(?:some|many|several|unnamed|local|western|russian)\s+)?(${GROUP})\b`, "gu"),
    read: (m) => ({ speakerName: null, role: m[1], attributionType: "ANONYMOUS" }),
  },
  {
    // "according to Michael Andersen, a Danish journalist based in Kyiv"
    regex: new RegExp(String.raw`\b[Aa]ccording to (?:the\s+)?(${SUBJECT})(?:${ROLE_AFTER})?`, "gu"),
    read: (m) => {
      const s = speaker(m[1], m[2]);
      return { ...s, attributionType: "REPORTED", originHint: s.speakerName };
    },
  },
  {
    // "officials said", "analysts say"
    regex: new RegExp(String.raw`\b(${GROUP})\s+(?:${ADVERB}\s+)?(?:say|said|told|believe|believed|reported|claim|claimed)\b`, "gu"),
    read: (m) => ({ speakerName: null, role: m[1], attributionType: "ANONYMOUS" }),
  },
  {
    // "said Erica Marat, a professor at National Defence University in Washington"
    regex: new RegExp(String.raw`\b(said|says|added|reported|stated)\s+(?:the\s+)?(${NAME})(?:${ROLE_AFTER})?`, "gu"),
    read: (m) => ({ ...speaker(m[2], m[3]), attributionType: isReporting(m[1]) ? "REPORTED" : "PARAPHRASE" }),
  },
  {
    // "he said", "it said", "the study added": resolved to the speaker named just before
    regex: new RegExp(String.raw`\b(${PRONOUN})\s+(?:${ADVERB}\s+)?(${VERB})\b`, "gu"),
    read: (m) => ({ speakerName: null, attributionType: isReporting(m[2]) ? "REPORTED" : "PARAPHRASE", pronoun: true }),
  },
  {
    // "Sattarov said", "Erbol Sultanbaev, a spokesman for …, said", "Sweden's ruling party said"
    regex: new RegExp(String.raw`(${SUBJECT})(?:,\s+([^,.;:—–"“”«»]{2,80}),)?\s+(?:${ADVERB}\s+)?(${VERB})\b`, "gu"),
    read: (m) => {
      const role = m[2] && !NOT_A_ROLE.test(m[2]) ? m[2] : undefined;
      return { ...speaker(m[1], role), attributionType: isReporting(m[3]) ? "REPORTED" : "PARAPHRASE" };
    },
  },
  {
    // a photo credit closing a caption: "[Genya Savilov/AFP]"
    regex: /\[([^\]/]{2,60})\/(\p{Lu}[\p{L}]{1,20})\]/gu,
    read: (m) => ({ speakerName: m[2], role: `photo: ${m[1].trim()}`, attributionType: "REPORTED", originHint: m[2] }),
  },
];

type Found = AttributionSuggestion & { pronoun?: boolean };

/** Every attribution phrase inside `range`, in text order; a phrase already claimed by an earlier
 *  pattern is not read again. Cost: the patterns run once over the range. */
function findPhrases(body: string, range: Range): Found[] {
  const text = body.slice(range.start, range.end);
  const found: Found[] = [];
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(text); m; m = pattern.regex.exec(text)) {
      const evidence = { start: range.start + m.index, end: range.start + m.index + m[0].length };
      if (found.some((f) => f.evidence.start < evidence.end && evidence.start < f.evidence.end)) continue;
      found.push({ ...pattern.read(m), evidence });
    }
  }
  return found.sort((a, b) => a.evidence.start - b.evidence.start);
}

/** "he said" names whoever was named last, in this paragraph before it or in the two before. */
function resolvePronoun(body: string, at: number): string | null {
  const paras = paragraphs(body);
  const here = paras.findIndex((p) => p.start <= at && at <= p.end);
  for (let k = here; k >= 0 && k >= here - 2; k--) {
    const range = { start: paras[k].start, end: k === here ? at : paras[k].end };
    const named = findPhrases(body, range).filter((f) => !f.pronoun && f.speakerName && f.attributionType !== "ANONYMOUS");
    if (named.length) return named[named.length - 1].speakerName;
  }
  return null;
}

/** The quotation (between "…", “…” or «…») of the paragraph that holds [start, end), if any. */
function enclosingQuotation(body: string, start: number, end: number): Range | null {
  const paragraph = paragraphAt(body, start);
  const text = body.slice(paragraph.start, paragraph.end);
  const open: Record<string, string> = { '"': '"', "“": "”", "«": "»" };
  for (let i = 0; i < text.length; i++) {
    const close = open[text[i]];
    if (!close) continue;
    const j = text.indexOf(close, i + 1);
    if (j < 0) break;
    const quoted = { start: paragraph.start + i, end: paragraph.start + j + 1 };
    if (quoted.start <= start && end <= quoted.end && end - start > 0) return quoted;
    i = j;
  }
  return null;
}

/** Suggestions for the speaker and origin of the claim at [start, end): the phrases in its sentence,
 *  else in its paragraph, nearest first. Inside a quotation, said-verbs become DIRECT_QUOTE. */
export function suggestAttribution(body: string, start: number, end: number): AttributionSuggestion[] {
  const sentence = sentenceRange(body, start, end);
  let found = findPhrases(body, { start: Math.min(sentence.start, start), end: Math.max(sentence.end, end) });
  if (!found.length) found = findPhrases(body, paragraphAt(body, start));
  const quotation = enclosingQuotation(body, start, end);
  const suggestions: AttributionSuggestion[] = found.map(({ pronoun, ...f }) => {
    const speakerName = pronoun ? resolvePronoun(body, f.evidence.start) : f.speakerName;
    const quoted = quotation && (f.attributionType === "PARAPHRASE" || f.attributionType === "REPORTED") && !f.originHint;
    return { ...f, speakerName, attributionType: quoted ? "DIRECT_QUOTE" : f.attributionType };
  });
  if (quotation && !suggestions.some((s) => s.attributionType === "DIRECT_QUOTE")) {
    suggestions.push({ speakerName: null, attributionType: "DIRECT_QUOTE", evidence: quotation });
  }
  const distance = (r: Range) => (r.end <= start ? start - r.end : r.start >= end ? r.start - end : 0);
  const seen = new Set<string>();
  return suggestions
    .sort((a, b) => distance(a.evidence) - distance(b.evidence))
    .filter((s) => {
      const key = `${s.speakerName ?? ""}|${s.attributionType}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
