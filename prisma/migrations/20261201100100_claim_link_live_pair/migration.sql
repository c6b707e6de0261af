-- At most one live link between two claims, whichever way it points: two researchers linking A to B
-- and B to A at the same moment both succeeded before, as the check was made by reading first.
-- Pairs already linked both ways keep their oldest live link. The later ones are soft-deleted
-- (never restored with a claim, as their deletedAt is not a claim's) and the removal is recorded on
-- both claims' histories.
WITH ranked AS (
  SELECT "id", row_number() OVER (PARTITION BY least("fromId", "toId"), greatest("fromId", "toId") ORDER BY "createdAt", "id") AS n
  FROM "ClaimLink" WHERE "deletedAt" IS NULL
), removed AS (
  UPDATE "ClaimLink" l SET "deletedAt" = now() FROM ranked r WHERE l."id" = r."id" AND r.n > 1
  RETURNING l."id", l."fromId", l."toId", l."relation", l."note"
)
INSERT INTO "History" ("entity", "entityId", "claimId", "action", "before")
SELECT 'LINK'::"HistoryEntity", d."id", ends.claim_id, 'unlinked',
       jsonb_build_object('fromId', d."fromId", 'toId', d."toId", 'relation', d."relation", 'note', d."note",
                          'reason', 'a second link between the same two claims')
FROM removed d CROSS JOIN LATERAL (VALUES (d."fromId"), (d."toId")) AS ends(claim_id);

CREATE UNIQUE INDEX "ClaimLink_live_pair_key" ON "ClaimLink" (least("fromId", "toId"), greatest("fromId", "toId")) WHERE "deletedAt" IS NULL;
