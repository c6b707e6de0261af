-- The overview computed in SQL (lib/server/suggested-spans.ts, lib/server/stats.ts).
--
-- Suggested claim sentences are stored per source, computed by the app when a text is written
-- (lib/suggestions/sentences.ts suggestSourceClaims), one row a sentence. "suggestionsHash" is the
-- contentHash of the text they were computed from: spans count only while it equals the source's
-- contentHash, so a text changed by any path is never counted against stale spans. Sources from
-- before this migration start with NULL and are scanned a few at a time by overview loads.
ALTER TABLE "Source" ADD COLUMN "suggestionsHash" TEXT;

CREATE TABLE "SuggestedSpan" (
    "sourceId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "SuggestedSpan_pkey" PRIMARY KEY ("sourceId","start")
);

ALTER TABLE "SuggestedSpan" ADD CONSTRAINT "SuggestedSpan_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Live claims by source with every column the overview groups on: its counts per kind, the spans
-- claims cover and the claim count are index-only scans (a few MB at 100,000 claims) instead of
-- reads of the whole Claim table (quotes, contexts and search vectors, about 50 MB).
CREATE INDEX "Claim_live_source_idx" ON "Claim"("sourceId", "start") INCLUDE ("end", "kind", "orphaned") WHERE "deletedAt" IS NULL;

-- A live claim's source by its id: the links' source × source matrices and the graph's ranking
-- join both ends of every live link to their source without reading the Claim table.
CREATE INDEX "Claim_live_id_idx" ON "Claim"("id") INCLUDE ("sourceId") WHERE "deletedAt" IS NULL;
