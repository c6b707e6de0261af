// Sources as CSL-JSON (for Zotero, Pandoc, citeproc) and BibTeX (through citation-js).
//
// CSL type: "article-newspaper" when the publisher is known, with the publisher as both
// container-title (the outlet the piece ran in, which is what styles print in italics) and
// publisher. Without a publisher the piece is "webpage" when it has a URL, else "document".
// The corpus is news and commentary, and "article" would turn into a BibTeX @article that
// demands a journal we do not have; webpage/document become @misc instead.
//
// Citation keys look like altynbayev2022doubts: first author's family name (else the
// publisher, else "anon"), year (else "nd"), first significant title word, all ASCII. They
// depend only on the source's own metadata, so re-exporting gives the same keys. When two
// sources in one export share a key, each gets "_" plus a short hash of its id, which does not
// depend on export order either.

import { Cite } from "@citation-js/core";
// Registers the BibTeX input/output formats with citation-js's plugin registry.
import "@citation-js/plugin-bibtex";
import { citationDate, displayTitle, type SourceMeta } from "../types";

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  "non-dropping-particle"?: string;
  suffix?: string;
}

export type CslType = "article-newspaper" | "webpage" | "document";

export interface CslItem {
  id: string;
  "citation-key": string;
  type: CslType;
  title: string;
  author?: CslName[];
  "container-title"?: string;
  publisher?: string;
  issued?: { "date-parts": [number[]] };
  URL?: string;
  /** The pages the exported claims cite (PDF-born sources). */
  page?: string;
}

const PARTICLES = new Set([
  "van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le",
  "bin", "ibn", "al", "el", "ten", "ter", "dos", "das", "do", "st.",
]);
const SUFFIXES = new Set(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"]);
// Bylines that name a desk or an organisation: citing them as "Staff, Reuters" would be wrong.
const ORGANISATION_WORDS =
  /\b(staff|news|agency|press|service|editorial|board|team|desk|bureau|reporters|correspondents?|institute|cent(er|re)|foundation|group|committee|council|association|network|times|post|media|ltd|inc|llc)\b/i;

function personName(raw: string): CslName | null {
  const name = raw.trim().replace(/\s+/g, " ");
  if (!name) return null;
  const words = name.split(" ");
  if (words.length < 2 || ORGANISATION_WORDS.test(name)) return { literal: name };
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIXES.has(words[words.length - 1]!.toLowerCase())) suffix = words.pop();
  let familyStart = words.length - 1;
  while (familyStart > 1 && PARTICLES.has(words[familyStart - 1]!.toLowerCase())) familyStart--;
  const particle = words.slice(familyStart, words.length - 1).join(" ");
  const out: CslName = { family: words[words.length - 1]!, given: words.slice(0, familyStart).join(" ") };
  if (particle) out["non-dropping-particle"] = particle;
  if (suffix) out.suffix = suffix;
  return out;
}

function isFamilyLike(part: string): boolean {
  const words = part.split(/\s+/);
  return words.slice(0, -1).every((w) => PARTICLES.has(w.toLowerCase()));
}

function invertedParts(familyPart: string, given: string): CslName {
  const words = familyPart.split(/\s+/);
  const out: CslName = { family: words[words.length - 1]!, given };
  if (words.length > 1) out["non-dropping-particle"] = words.slice(0, -1).join(" ");
  return out;
}

function withSuffix(n: CslName, suffix: string | undefined): CslName {
  return suffix && !n.literal ? { ...n, suffix } : n;
}

/**
 * Free-text bylines → CSL names. Handles "Given Family", "Family, Given", lists joined by
 * "and", "&", ";" or commas, a leading "By", particles (van der, al) and Jr./III suffixes.
 * Organisations and single words stay literal.
 */
export function parseAuthorNames(raw: string | null): CslName[] {
  if (!raw) return [];
  const byline = raw.trim().replace(/^by\s+/i, "");
  const names: CslName[] = [];
  for (const piece of byline.split(/\s*(?:;|&|\band\b)\s*/i)) {
    const parts = piece.split(",").map((p) => p.trim()).filter(Boolean);
    // "John Smith, Jr." and "Smith, Jr.": the suffix belongs to the name before it.
    let suffix: string | undefined;
    if (parts.length > 1 && SUFFIXES.has(parts[parts.length - 1]!.toLowerCase())) suffix = parts.pop();
    if (parts.length === 0) continue;
    if (parts.length === 2 && isFamilyLike(parts[0]!) && !ORGANISATION_WORDS.test(piece)) {
      names.push(withSuffix(invertedParts(parts[0]!, parts[1]!), suffix));
      continue;
    }
    parts.forEach((p, i) => {
      const n = personName(p);
      if (n) names.push(i === parts.length - 1 ? withSuffix(n, suffix) : n);
    });
  }
  return names;
}

/** "Family, Given" for reference lists; literal names as they are. */
export function invertedName(n: CslName): string {
  if (n.literal) return n.literal;
  const family = [n["non-dropping-particle"], n.family].filter(Boolean).join(" ");
  const given = n.given ? `, ${n.given}` : "";
  return `${family}${given}${n.suffix ? `, ${n.suffix}` : ""}`;
}

/** "2022-05-16" → [[2022, 5, 16]]; partial dates keep only the parts they have. */
export function dateParts(iso: string | null): [number[]] | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso.trim());
  if (!m) return null;
  const parts = [Number(m[1])];
  const month = m[2] ? Number(m[2]) : 0;
  if (month >= 1 && month <= 12) {
    parts.push(month);
    const day = m[3] ? Number(m[3]) : 0;
    if (day >= 1 && day <= 31) parts.push(day);
  }
  return [parts];
}

function asciiWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const STOP_WORDS = new Set(["the", "a", "an"]);

function baseKey(s: SourceMeta): string {
  const first = parseAuthorNames(s.author)[0];
  const who = asciiWords(first?.family ?? first?.literal ?? s.publisher ?? "")[0] ?? "anon";
  const year = dateParts(citationDate(s))?.[0][0] ?? "nd";
  const word = asciiWords(displayTitle(s).replace(/['’]/g, "")).find((w) => !STOP_WORDS.has(w)) ?? "";
  return `${who}${year}${word}`;
}

function shortHash(text: string): string {
  // FNV-1a: a stable, dependency-free disambiguator, not a security measure.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, "0").slice(0, 5);
}

/** Source id → citation key, unique within the given sources. */
export function citationKeys(sources: readonly SourceMeta[]): Map<string, string> {
  const bases = new Map<string, string>();
  const count = new Map<string, number>();
  for (const s of sources) {
    if (bases.has(s.id)) continue;
    const b = baseKey(s);
    bases.set(s.id, b);
    count.set(b, (count.get(b) ?? 0) + 1);
  }
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const [id, b] of bases) {
    let key = (count.get(b) ?? 0) > 1 ? `${b}_${shortHash(id)}` : b;
    // Only reachable on a hash collision between two ids that also share a base key.
    for (let n = 2; used.has(key); n++) key = `${b}_${shortHash(id)}${n}`;
    used.add(key);
    keys.set(id, key);
  }
  return keys;
}

export function sourceToCsl(s: SourceMeta, citationKey: string): CslItem {
  const publisher = s.publisher?.trim() || null;
  const url = s.url?.trim() || null;
  const item: CslItem = {
    id: s.id,
    "citation-key": citationKey,
    type: publisher ? "article-newspaper" : url ? "webpage" : "document",
    title: displayTitle(s),
  };
  const authors = parseAuthorNames(s.author);
  if (authors.length > 0) item.author = authors;
  if (publisher) {
    item["container-title"] = publisher;
    item.publisher = publisher;
  }
  const issued = dateParts(citationDate(s));
  if (issued) item.issued = { "date-parts": issued };
  if (url) item.URL = url;
  return item;
}

/** Duplicate source ids are written once. */
export function sourcesToCsl(sources: readonly SourceMeta[], citedPages: ReadonlyMap<string, string> = new Map()): CslItem[] {
  const keys = citationKeys(sources);
  const seen = new Set<string>();
  const items: CslItem[] = [];
  for (const s of sources) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    const item = sourceToCsl(s, keys.get(s.id)!);
    const page = citedPages.get(s.id);
    items.push(page ? { ...item, page } : item);
  }
  return items;
}

export function renderCslJson(sources: readonly SourceMeta[], citedPages?: ReadonlyMap<string, string>): string {
  return `${JSON.stringify(sourcesToCsl(sources, citedPages), null, 2)}\n`;
}

/** citation-js escapes braces in text fields but writes url verbatim, so an unbalanced brace in an
 *  address would end the field early and break the file: braces and backslashes are %-encoded,
 *  which leaves the address the same for a browser. */
const bibtexSafeUrl = (url: string) => url.replace(/[{}\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function sourcesToBibtex(sources: readonly SourceMeta[], citedPages?: ReadonlyMap<string, string>): string {
  const items = sourcesToCsl(sources, citedPages).map((item) => (item.URL ? { ...item, URL: bibtexSafeUrl(item.URL) } : item));
  if (items.length === 0) return "";
  return new Cite(items).format("bibtex", { format: "text" });
}
