// Cited claim list in Markdown, ready to paste into a paper draft: one section per source,
// each claim quoted with its kind, note and an inline citation, then a numbered reference list.
//
// All user text (quotes, notes, titles, bylines) goes through escapeMarkdown, and is collapsed
// to one line first, so it never starts a line and cannot open a heading, list or quote block.

import { citationDate } from "../types";
import { citedList, countLabel, isWebUrl, sentence, type CitedClaim, type CitedSource } from "./cited";
import { collapse, formatHumanDate, ORPHANED_NOTICE, shorten, type ExportBundle } from "./model";

export interface CitedListOptions {
  /** Heading for the document, e.g. the scope ("Kazakhstan deployment"). */
  title?: string;
}

// CommonMark inline syntax plus the extensions common renderers add: GFM tables (|),
// strikethrough (~), math ($, GitHub and Pandoc), Pandoc attributes ({ }) and superscript (^).
// `&` stops entity references, `#` stops a closing ATX sequence eating a title's end.
// "!" and "(" need no escape: they only mean something next to "[" or "]", which are escaped.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]<>#|~$^&]/g;

export function escapeMarkdown(text: string): string {
  return collapse(text).replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`);
}

/** (Author, *Title*, Publisher, Date, ¶N) with absent parts left out. */
export function markdownCitation(src: CitedSource, paragraph: number, readerComment = false): string {
  const c = src.citation;
  const parts = [
    readerComment ? `reader comment on *${escapeMarkdown(c.title)}*` : c.author && escapeMarkdown(c.author),
    !readerComment && `*${escapeMarkdown(c.title)}*`,
    c.publisher && escapeMarkdown(c.publisher),
    c.date && escapeMarkdown(c.date),
    `¶${paragraph}`,
  ].filter(Boolean);
  return `(${parts.join(", ")})`;
}

function claimLines(src: CitedSource, claim: CitedClaim): string[] {
  const lines = [
    `${claim.number}. **${claim.kind}.** “${escapeMarkdown(claim.quote)}” ${markdownCitation(src, claim.paragraph, claim.readerComment)}`,
  ];
  // Continuation lines are indented past "12. " so they stay inside the list item.
  const indent = " ".repeat(String(claim.number).length + 2);
  if (claim.orphaned) lines.push(`${indent}- *${ORPHANED_NOTICE}*`);
  if (claim.provenance) lines.push(`${indent}- ${escapeMarkdown(claim.provenance)}`);
  if (collapse(claim.note)) lines.push(`${indent}- Note: ${escapeMarkdown(claim.note)}`);
  for (const l of claim.links) {
    const target = l.other
      ? `claim ${l.other.number}: “${escapeMarkdown(shorten(l.other.quote, 120))}” (*${escapeMarkdown(l.other.title)}*, ¶${l.other.paragraph})`
      : `claim ${escapeMarkdown(l.otherClaimId)} (not in this export)`;
    const note = collapse(l.note) ? ` — ${escapeMarkdown(l.note)}` : "";
    lines.push(`${indent}- ${l.phrase} ${target}${note}`);
  }
  return lines;
}

function referenceLine(src: CitedSource): string {
  const s = src.source;
  const date = formatHumanDate(citationDate(s)) ?? "n.d.";
  const title = `*${sentence(escapeMarkdown(src.citation.title))}*`;
  const lead = src.referenceAuthors ? `${escapeMarkdown(src.referenceAuthors)} (${escapeMarkdown(date)}). ${title}` : `${title} (${escapeMarkdown(date)}).`;
  const publisher = src.citation.publisher ? ` ${sentence(escapeMarkdown(src.citation.publisher))}` : "";
  const url = isWebUrl(s.url) ? ` <${s.url!.trim()}>` : s.url?.trim() ? ` ${escapeMarkdown(s.url)}` : "";
  return `${src.number}. ${lead}${publisher}${url}`;
}

/** Markdown in pieces: header, one chunk per source, then the references. */
export function* markdownChunks(bundle: ExportBundle, options: CitedListOptions = {}): Generator<string> {
  const list = citedList(bundle);
  const claimCount = list.reduce((n, s) => n + s.claims.length, 0);
  const exported = formatHumanDate(bundle.generatedAt.slice(0, 10)) ?? bundle.generatedAt;
  yield `# ${escapeMarkdown(options.title?.trim() || "Cited claims")}\n\n` +
    `Exported ${escapeMarkdown(exported)}: ${countLabel(claimCount, "claim", "claims")} from ${countLabel(list.length, "source", "sources")}.\n`;

  for (const src of list) {
    const byline = [src.citation.author, src.citation.publisher, src.citation.date].filter((p): p is string => !!p);
    let out = `\n## [${src.number}] ${escapeMarkdown(src.citation.title)}\n\n`;
    if (byline.length > 0) out += `${byline.map(escapeMarkdown).join(" · ")}\n\n`;
    for (const claim of src.claims) out += `${claimLines(src, claim).join("\n")}\n`;
    yield out;
  }

  if (list.length > 0) yield `\n## References\n\n${list.map(referenceLine).join("\n")}\n`;
}

export function renderMarkdown(bundle: ExportBundle, options: CitedListOptions = {}): string {
  return [...markdownChunks(bundle, options)].join("");
}
