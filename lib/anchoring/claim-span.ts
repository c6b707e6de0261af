// A claim's span as stored: the offsets checked against the text (and the quote, if the client
// sent one), white space at either end left out, and the quote selector with its context.
// Refusals are 400s a researcher can act on.
import { AnchoringError } from "./errors";
import { describeSpan, verifyQuote } from "./selectors";
import { trimSpan } from "./trim-span";
import { badRequest } from "../errors";
import { MAX_SPAN_LENGTH } from "../schemas";

/** The span's selectors, with white space at either end left out (offsets and quote together).
 *  Marking, re-spanning and curation's edited span (lib/server/claims.ts, rounds.ts) all use it. */
export function anchorClaimSpan(body: string, start: number, end: number, quote?: string) {
  if (end - start > MAX_SPAN_LENGTH) throw badRequest(`A claim may span at most ${MAX_SPAN_LENGTH} characters`);
  try {
    const selectors = describeSpan(body, start, end);
    if (quote !== undefined && !verifyQuote(body, start, end, quote)) {
      throw badRequest(`The quote does not match the source text at ${start}–${end}`, { expected: selectors.quote.exact });
    }
    const trimmed = trimSpan(body, start, end);
    if (!trimmed) throw badRequest("A claim cannot be only white space: select some words");
    return { start: trimmed.start, end: trimmed.end, ...describeSpan(body, trimmed.start, trimmed.end).quote };
  } catch (err) {
    if (err instanceof AnchoringError) throw badRequest(err.message);
    throw err;
  }
}
