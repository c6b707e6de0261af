// HTML (a saved page or pasted markup) → source body, blocks, flagged comments and metadata, with
// Mozilla's Readability over linkedom's DOM. Errors come back as typed results, never thrown.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { MAX_DOCUMENT_BYTES } from "../limits";
import { blocksOf, type TextBlock } from "./blocks";
import { takeComments } from "./comments";
import { canonicalUrl, cleanByline, cleanText, fallbackDate, isoDate } from "./metadata";
import type { HtmlBlock, HtmlResult } from "./types";

export type { BlockKind, HtmlBlock, HtmlErrorCode, HtmlExtraction, HtmlMetadata, HtmlResult } from "./types";

export const COMMENTS_LABEL = "Reader comments (not the author's claims)";
/** Fewer characters than this is not an article (a navigation page, a sign-in form). */
const MIN_ARTICLE_CHARS = 200;

export function extractHtml(html: string, options: { url?: string } = {}): HtmlResult {
  if (new TextEncoder().encode(html).byteLength > MAX_DOCUMENT_BYTES) {
    return { ok: false, error: { code: "TOO_LARGE", message: "This page is larger than 50 MB." } };
  }
  // Pasted markup is often a fragment; linkedom gives a fragment no document element, which Readability needs.
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(page);
  const comments = takeComments(document);
  const canonical = canonicalUrl(document, options.url);
  const dateFallback = fallbackDate(document);
  // The serializer hands back the article's element itself, so its blocks are read without re-parsing.
  const article = new Readability<Element>(document, { serializer: (node) => node as Element }).parse();
  const articleBlocks = article?.content ? blocksOf(article.content) : [];
  if (articleBlocks.reduce((n, b) => n + b.text.length, 0) < MIN_ARTICLE_CHARS) {
    return { ok: false, error: { code: "NO_ARTICLE", message: "No article was found in this page (it has too little running text)." } };
  }
  const title = cleanText(article?.title);
  // Readability drops a heading that repeats the title; the body keeps the headline, as the corpus texts do.
  if (title && articleBlocks[0]?.text !== title) articleBlocks.unshift({ kind: "heading", text: title });

  const { body, blocks, commentsStart } = assemble(articleBlocks, comments);
  return {
    ok: true,
    value: {
      body,
      blocks,
      sections: commentsStart === null ? [] : [{ kind: "comments", start: commentsStart, end: body.length, label: COMMENTS_LABEL }],
      metadata: {
        title,
        author: cleanByline(article?.byline),
        publisher: cleanText(article?.siteName),
        date: isoDate(article?.publishedTime) ?? isoDate(dateFallback),
        canonicalUrl: canonical,
      },
    },
  };
}

function assemble(article: TextBlock[], comments: TextBlock[]): { body: string; blocks: HtmlBlock[]; commentsStart: number | null } {
  let body = "";
  const blocks: HtmlBlock[] = [];
  let commentsStart: number | null = null;
  [...article, ...comments].forEach((block, i) => {
    if (body) body += "\n\n";
    if (i === article.length) commentsStart = body.length;
    blocks.push({ kind: block.kind, start: body.length, end: body.length + block.text.length });
    body += block.text;
  });
  return { body, blocks, commentsStart };
}
