-- One live claim per exact span of a source, as before, but checkable at the end of a transaction.
-- Re-anchoring a corrected text moves a source's claims one row at a time: a claim moving onto the
-- span that another claim is about to leave was refused by the unique index, which PostgreSQL checks
-- row by row. A unique index cannot be deferred, an exclusion constraint can. lib/source-edit.ts
-- defers it inside the re-anchoring transaction only, everywhere else it is checked at once.
-- Existing rows already obey the rule (the old index enforced it), so nothing is rewritten.
DROP INDEX "Claim_live_span_key";
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_live_span_key"
  EXCLUDE USING btree ("sourceId" WITH =, "start" WITH =, "end" WITH =) WHERE ("deletedAt" IS NULL)
  DEFERRABLE INITIALLY IMMEDIATE;
