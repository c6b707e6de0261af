// An element's text as blocks: paragraphs, headings, block quotes and list items, each one line.

import type { BlockKind } from "./types";

export interface TextBlock {
  kind: BlockKind;
  text: string;
}

const HEADING = /^H[1-6]$/;
const LEAF_BLOCKS = new Set(["P", "LI", "PRE", "FIGCAPTION", "DT", "DD", "TD", "TH", "CAPTION", "ADDRESS"]);
const CONTAINERS = new Set(["DIV", "SECTION", "ARTICLE", "MAIN", "BLOCKQUOTE", "UL", "OL", "DL", "TABLE", "THEAD", "TBODY", "TR", "FIGURE", "ASIDE", "HEADER", "FOOTER", "FORM", "BODY"]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "BUTTON", "INPUT", "TEXTAREA", "SELECT", "IFRAME"]);

const clean = (text: string) => text.replace(/\s+/g, " ").trim();

function textOf(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? "";
  if (node.nodeType !== 1) return "";
  const el = node as Element;
  if (SKIP.has(el.tagName)) return "";
  if (el.tagName === "BR") return " ";
  return Array.from(el.childNodes).map(textOf).join("");
}

/**
 * The blocks of `root` in document order. A container's loose text (text beside its blocks)
 * becomes a paragraph of its own. Cost: O(nodes).
 */
export function blocksOf(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  const walk = (el: Element, inQuote: boolean) => {
    let loose = "";
    const flushLoose = () => {
      const text = clean(loose);
      if (text) blocks.push({ kind: inQuote ? "quote" : "paragraph", text });
      loose = "";
    };
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType !== 1) {
        loose += textOf(child);
        continue;
      }
      const tag = (child as Element).tagName;
      if (SKIP.has(tag)) continue;
      const isBlock = HEADING.test(tag) || LEAF_BLOCKS.has(tag) || CONTAINERS.has(tag);
      if (!isBlock) {
        loose += textOf(child);
        continue;
      }
      flushLoose();
      if (CONTAINERS.has(tag)) walk(child as Element, inQuote || tag === "BLOCKQUOTE");
      else {
        const text = clean(textOf(child));
        const kind: BlockKind = HEADING.test(tag) ? "heading" : inQuote ? "quote" : tag === "LI" ? "list-item" : "paragraph";
        if (text) blocks.push({ kind, text });
      }
    }
    flushLoose();
  };
  walk(root, root.tagName === "BLOCKQUOTE");
  return blocks;
}
