-- One live claim per exact span of a source: the database refuses a twin even when two
-- researchers mark the same words at the same moment (lib/claims.ts answers 409 with its id).
-- A partial index, which Prisma's schema language cannot declare (see the note on Claim).
CREATE UNIQUE INDEX "Claim_live_span_key" ON "Claim" ("sourceId", "start", "end") WHERE "deletedAt" IS NULL;
