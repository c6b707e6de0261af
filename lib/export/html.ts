// Cited claim list as a standalone HTML page: opens in any browser and pastes into a word
// processor with italics and numbering intact. Same content as the Markdown list.
//
// Every piece of user text goes through escapeHtml, attributes included, and only http(s)
// URLs become links, so a note holding <script> or a javascript: URL stays inert text.

import { citationDate } from "../types";
import { citedList, countLabel, isWebUrl, sentence, type CitedClaim, type CitedSource } from "./cited";
import { collapse, formatHumanDate, ORPHANED_NOTICE, shorten, type ExportBundle } from "./model";
import type { CitedListOptions } from "./markdown";

export type { CitedListOptions };

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

const text = (s: string) => escapeHtml(collapse(s));

const STYLE = `
  body { font: 16px/1.5 Georgia, "Times New Roman", serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
  h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
  h2 { font-size: 1.2rem; margin-top: 2rem; }
  .meta, .byline { color: #555; }
  ol.claims > li { margin-bottom: 1rem; }
  .kind { font: 600 0.75rem/1 system-ui, sans-serif; letter-spacing: 0.04em; padding: 0.1rem 0.35rem; border: 1px solid currentColor; border-radius: 3px; margin-right: 0.35rem; }
  .kind-FACT { color: #1d5f99; } .kind-OPINION { color: #8a4b00; } .kind-PREDICTION { color: #6b2f8f; }
  .claim-details { margin: 0.25rem 0 0; padding-left: 1.2rem; color: #333; }
  .references li { margin-bottom: 0.4rem; }
  @media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`;

function claimAnchor(id: string): string {
  return `claim-${id}`;
}

/** (Author, <i>Title</i>, Publisher, Date, ¶N) with absent parts left out. */
export function htmlCitation(src: CitedSource, paragraph: number, readerComment = false): string {
  const c = src.citation;
  const parts = [readerComment ? `reader comment on <i>${text(c.title)}</i>` : c.author && text(c.author), !readerComment && `<i>${text(c.title)}</i>`, c.publisher && text(c.publisher), c.date && text(c.date), `¶${paragraph}`];
  return `<span class="citation">(${parts.filter(Boolean).join(", ")})</span>`;
}

function claimItem(src: CitedSource, claim: CitedClaim): string {
  const details: string[] = [];
  if (claim.orphaned) details.push(`<li><em>${ORPHANED_NOTICE}</em></li>`);
  if (claim.provenance) details.push(`<li class="provenance">${text(claim.provenance)}</li>`);
  if (collapse(claim.note)) details.push(`<li>Note: ${text(claim.note)}</li>`);
  for (const l of claim.links) {
    const target = l.other
      ? `<a href="#${escapeHtml(claimAnchor(l.otherClaimId))}">claim ${l.other.number}</a>: “${text(shorten(l.other.quote, 120))}” (<i>${text(l.other.title)}</i>, ¶${l.other.paragraph})`
      : `claim ${text(l.otherClaimId)} (not in this export)`;
    const note = collapse(l.note) ? ` — ${text(l.note)}` : "";
    details.push(`<li>${escapeHtml(l.phrase)} ${target}${note}</li>`);
  }
  return (
    `<li id="${escapeHtml(claimAnchor(claim.id))}" value="${claim.number}">` +
    `<span class="kind kind-${claim.kind}">${claim.kind}</span>` +
    `<q>${text(claim.quote)}</q> ${htmlCitation(src, claim.paragraph, claim.readerComment)}` +
    (details.length ? `\n<ul class="claim-details">${details.join("")}</ul>` : "") +
    `</li>\n`
  );
}

function referenceItem(src: CitedSource): string {
  const s = src.source;
  const date = text(formatHumanDate(citationDate(s)) ?? "n.d.");
  const title = `<i>${sentence(text(src.citation.title))}</i>`;
  const lead = src.referenceAuthors ? `${text(src.referenceAuthors)} (${date}). ${title}` : `${title} (${date}).`;
  const publisher = src.citation.publisher ? ` ${sentence(text(src.citation.publisher))}` : "";
  const url = isWebUrl(s.url)
    ? ` <a href="${escapeHtml(s.url!.trim())}">${escapeHtml(s.url!.trim())}</a>`
    : s.url?.trim() ? ` ${text(s.url)}` : "";
  return `<li id="ref-${src.number}">${lead}${publisher}${url}</li>\n`;
}

/** HTML in pieces: head and heading, one chunk per source, then references and the close. */
export function* htmlChunks(bundle: ExportBundle, options: CitedListOptions = {}): Generator<string> {
  const list = citedList(bundle);
  const heading = options.title?.trim() || "Cited claims";
  const claimCount = list.reduce((n, s) => n + s.claims.length, 0);
  const exported = formatHumanDate(bundle.generatedAt.slice(0, 10)) ?? bundle.generatedAt;
  yield `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(heading)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${text(heading)}</h1>
<p class="meta">Exported <time datetime="${escapeHtml(bundle.generatedAt)}">${text(exported)}</time>: ${countLabel(claimCount, "claim", "claims")} from ${countLabel(list.length, "source", "sources")}.</p>
`;

  for (const src of list) {
    const byline = [src.citation.author, src.citation.publisher, src.citation.date].filter((p): p is string => !!p);
    let out = `<section>\n<h2><a href="#ref-${src.number}">[${src.number}]</a> ${text(src.citation.title)}</h2>\n`;
    if (byline.length > 0) out += `<p class="byline">${byline.map(text).join(" · ")}</p>\n`;
    out += `<ol class="claims">\n${src.claims.map((c) => claimItem(src, c)).join("")}</ol>\n</section>\n`;
    yield out;
  }

  if (list.length > 0) {
    yield `<section>\n<h2>References</h2>\n<ol class="references">\n${list.map(referenceItem).join("")}</ol>\n</section>\n`;
  }
  yield `</main>\n</body>\n</html>\n`;
}

export function renderHtml(bundle: ExportBundle, options: CitedListOptions = {}): string {
  return [...htmlChunks(bundle, options)].join("");
}
