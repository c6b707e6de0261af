// Lines → paragraphs → body text with a page map. A paragraph ends at a vertical gap larger than
// the usual line spacing, a change of font size, an indented first line, or a short line ending a
// sentence; across a column or page break it continues unless the previous line ended a sentence.
import { isEnglishWord } from "./dictionary";
import { endsHyphenated, joinHyphenated, wordSet } from "./hyphenation";
import type { PageRange, PdfLine } from "./types";

const PARAGRAPH_SEPARATOR = "\n\n";
const ENDS_SENTENCE = /[.!?:"”’)]$/;
const STARTS_SENTENCE = /^[\p{Lu}\p{N}"“‘(]/u;

/** Cost: O(lines + body length). `isWord` decides doubtful hyphens (see hyphenation.ts). */
export function reflow(lines: PdfLine[], isWord: (word: string) => boolean = isEnglishWord): { body: string; pageMap: PageRange[] } {
  const words = wordSet(lines.map((l) => (endsHyphenated(l.text) ? l.text.slice(0, -1) : l.text)));
  const step = usualLineStep(lines);
  const flows = flowExtents(lines);
  let body = "";
  const pageStarts: { page: number; start: number }[] = [];
  let paragraph = "";
  let paragraphStart = 0;
  const closeParagraph = () => {
    if (!paragraph) return;
    body += (body ? PARAGRAPH_SEPARATOR : "") + paragraph;
    paragraph = "";
  };
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (prev && breaksParagraph(prev, line, step, flows)) closeParagraph();
    if (!paragraph) paragraphStart = body.length + (body ? PARAGRAPH_SEPARATOR.length : 0);
    let textStart: number;
    if (!paragraph) {
      paragraph = line.text;
      textStart = paragraphStart;
    } else if (endsHyphenated(paragraph)) {
      const joined = joinHyphenated(paragraph, line.text, words, isWord);
      textStart = paragraphStart + joined.length - line.text.length;
      paragraph = joined;
    } else {
      // A line broken after a dash or slash ("2015—" + "according") joins without a space.
      if (!/[\p{L}\p{N}][—–/]$/u.test(paragraph)) paragraph += " ";
      textStart = paragraphStart + paragraph.length;
      paragraph += line.text;
    }
    if (pageStarts[pageStarts.length - 1]?.page !== line.page) pageStarts.push({ page: line.page, start: textStart });
  });
  closeParagraph();
  const pageMap = pageStarts.map(({ page }, i) => ({
    page,
    start: i === 0 ? 0 : pageStarts[i].start,
    end: i + 1 < pageStarts.length ? pageStarts[i + 1].start : body.length,
  }));
  return { body, pageMap };
}

function breaksParagraph(prev: PdfLine, line: PdfLine, step: number, flows: Map<string, { left: number; right: number }>): boolean {
  if (Math.abs(prev.size - line.size) > 0.15 * Math.max(prev.size, line.size)) return true;
  const newFlow = prev.page !== line.page || prev.flow !== line.flow;
  if (newFlow) return ENDS_SENTENCE.test(prev.text) && STARTS_SENTENCE.test(line.text);
  if (prev.y - line.y > 1.4 * step) return true;
  if (line.x > prev.x + 0.8 * line.size) return true;
  const flow = flows.get(flowKey(line))!;
  const shortLine = prev.xEnd < flow.right - 0.25 * (flow.right - flow.left);
  return shortLine && ENDS_SENTENCE.test(prev.text) && STARTS_SENTENCE.test(line.text);
}

/** The most common distance between consecutive baselines in one flow: the text's line spacing. */
function usualLineStep(lines: PdfLine[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1], lines[i]];
    if (a.page !== b.page || a.flow !== b.flow) continue;
    const step = Math.round((a.y - b.y) * 2) / 2;
    if (step > 0) counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [step, count] of counts) if (count > bestCount || (count === bestCount && step < best)) [best, bestCount] = [step, count];
  return best || 1.2 * Math.max(1, ...lines.map((l) => l.size));
}

const flowKey = (line: PdfLine) => `${line.page}:${line.flow}`;

function flowExtents(lines: PdfLine[]): Map<string, { left: number; right: number }> {
  const flows = new Map<string, { left: number; right: number }>();
  for (const line of lines) {
    const flow = flows.get(flowKey(line));
    if (!flow) flows.set(flowKey(line), { left: line.x, right: line.xEnd });
    else {
      flow.left = Math.min(flow.left, line.x);
      flow.right = Math.max(flow.right, line.xEnd);
    }
  }
  return flows;
}
