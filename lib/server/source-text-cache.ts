// Source texts kept in memory for the marking hot path, so creating a claim costs one SQL
// statement instead of two. An entry can be stale (another process corrected the text), so a
// writer must check the entry's contentHash against the database in the statement that writes,
// and reload the text when that check fails.
import "server-only";
import type { SourceSection } from "../types";

export interface SourceText {
  body: string;
  contentHash: string;
  /** Flagged sections (reader comments…): recomputed with the body, so the hash covers them too. */
  sections: SourceSection[];
}

// A few hundred sources of up to a few hundred KiB each: bounded memory, and the corpus a team
// works on at once fits.
const MAX_ENTRIES = 256;
const texts = new Map<string, SourceText>();

export function cachedSourceText(sourceId: string): SourceText | undefined {
  return texts.get(sourceId);
}

export function rememberSourceText(sourceId: string, text: SourceText): void {
  texts.delete(sourceId); // re-inserting moves it to the newest end, so eviction drops the least recent
  texts.set(sourceId, text);
  if (texts.size > MAX_ENTRIES) texts.delete(texts.keys().next().value!);
}

export function forgetSourceText(sourceId: string): void {
  texts.delete(sourceId);
}
