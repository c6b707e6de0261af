-- The home page's source list (lib/server/sources.ts listSourcesPage): a page of a project's
-- sources in the corpus order is one range of this index, read from where the last page stopped.
CREATE INDEX "Source_projectId_seedKey_createdAt_id_idx" ON "Source"("projectId", "seedKey", "createdAt", "id");

-- Live claims per source (a GROUP BY "sourceId" over the sources of a page): an index-only scan
-- of the page's entries, where counting through "Claim_sourceId_start_idx" read each claim's row
-- for "deletedAt" (6,000 pages of a 100,000-claim table for one page of 100 sources).
CREATE INDEX "Claim_live_sourceId_idx" ON "Claim"("sourceId") WHERE "deletedAt" IS NULL;
