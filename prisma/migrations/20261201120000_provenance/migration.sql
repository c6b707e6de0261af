-- Provenance: speakers, outside references, and on every claim its speaker, its attribution type,
-- what it rests on and the date it is about (prisma/schema.prisma, lib/provenance/).
-- adapter-pg runs this file split at every semicolon: none inside a statement or a comment.

-- CreateEnum
CREATE TYPE "AttributionType" AS ENUM ('OWN_VOICE', 'DIRECT_QUOTE', 'PARAPHRASE', 'REPORTED', 'ANONYMOUS', 'READER_COMMENT');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateTable
CREATE TABLE "Speaker" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Speaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalReference" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "url" TEXT,
    "date" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalReference_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "speakerId" TEXT,
ADD COLUMN     "attributionType" "AttributionType" NOT NULL DEFAULT 'OWN_VOICE',
ADD COLUMN     "restsOnClaimId" TEXT,
ADD COLUMN     "restsOnSourceId" TEXT,
ADD COLUMN     "restsOnReferenceId" TEXT,
ADD COLUMN     "claimDateStart" DATE,
ADD COLUMN     "claimDateEnd" DATE,
ADD COLUMN     "claimDatePrecision" "DatePrecision";

-- CreateIndex
CREATE INDEX "Claim_speakerId_idx" ON "Claim"("speakerId");

-- CreateIndex
CREATE INDEX "Claim_restsOnClaimId_idx" ON "Claim"("restsOnClaimId");

-- CreateIndex
CREATE INDEX "Claim_restsOnSourceId_idx" ON "Claim"("restsOnSourceId");

-- CreateIndex
CREATE INDEX "Claim_restsOnReferenceId_idx" ON "Claim"("restsOnReferenceId");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_restsOnClaimId_fkey" FOREIGN KEY ("restsOnClaimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_restsOnSourceId_fkey" FOREIGN KEY ("restsOnSourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_restsOnReferenceId_fkey" FOREIGN KEY ("restsOnReferenceId") REFERENCES "ExternalReference"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Invariants Prisma's schema language cannot declare (see the notes in schema.prisma).
-- One speaker per name whatever its case.
CREATE UNIQUE INDEX "Speaker_name_lower_key" ON "Speaker" (lower("name"));

ALTER TABLE "Speaker" ADD CONSTRAINT "Speaker_name_check" CHECK (btrim("name") <> '');

ALTER TABLE "ExternalReference" ADD CONSTRAINT "ExternalReference_title_check" CHECK (btrim("title") <> '');

-- A claim rests on at most one thing: a claim, a source or an outside reference.
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_rests_on_one_check" CHECK (num_nonnulls("restsOnClaimId", "restsOnSourceId", "restsOnReferenceId") <= 1);

-- No chain of rests-on leads back to the claim (A rests on B rests on A, A rests on A). The app
-- says so first (lib/provenance/origins.ts wouldCreateCycle), this refuses what slips past it.
-- Cost: the length of the chain, only on writes that set "restsOnClaimId". Two transactions each
-- closing half of a loop at the same moment are not caught (no lock is taken). The body writes
-- its semicolons as \073 (see History_append_only in the first migration).
CREATE FUNCTION "claim_rests_on_no_cycle"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN IF EXISTS (WITH RECURSIVE chain(id) AS (SELECT NEW."restsOnClaimId" UNION SELECT c."restsOnClaimId" FROM "Claim" c JOIN chain ON c."id" = chain.id WHERE c."restsOnClaimId" IS NOT NULL) SELECT 1 FROM chain WHERE chain.id = NEW."id") THEN RAISE EXCEPTION ''Claim % would rest on itself through a chain of claims'', NEW."id" USING ERRCODE = ''check_violation'', CONSTRAINT = ''Claim_rests_on_cycle''\073 END IF\073 RETURN NEW\073 END\073';

CREATE TRIGGER "Claim_rests_on_no_cycle"
  BEFORE INSERT OR UPDATE OF "restsOnClaimId" ON "Claim"
  FOR EACH ROW WHEN (NEW."restsOnClaimId" IS NOT NULL) EXECUTE FUNCTION "claim_rests_on_no_cycle"();

-- A claim date is a whole period (first day, last day, precision) or nothing.
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_claim_date_check" CHECK (
    ("claimDateStart" IS NULL AND "claimDateEnd" IS NULL AND "claimDatePrecision" IS NULL)
    OR ("claimDateStart" IS NOT NULL AND "claimDateEnd" IS NOT NULL AND "claimDatePrecision" IS NOT NULL AND "claimDateStart" <= "claimDateEnd")
);


-- Backfill: existing claims get the default a new claim gets (lib/provenance/attribution.ts
-- defaultAttribution). The column default made them all OWN_VOICE, and a claim starting inside a
-- flagged comments section of its source ("sections": [{kind, start, end, label}]) is a reader comment.
UPDATE "Claim" AS c SET "attributionType" = 'READER_COMMENT'
FROM "Source" AS s
WHERE s."id" = c."sourceId"
  AND EXISTS (
    SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(s."sections") = 'array' THEN s."sections" ELSE '[]'::jsonb END) AS sec
    WHERE sec->>'kind' = 'comments' AND c."start" >= (sec->>'start')::int AND c."start" < (sec->>'end')::int
  );

-- The source's author (else its publisher) becomes a speaker, one per name whatever its case,
-- spelt as in the earliest source that names it.
INSERT INTO "Speaker" ("id", "name")
SELECT DISTINCT ON (lower(n."name")) 'speaker_' || md5(lower(n."name")), n."name"
FROM (
    SELECT coalesce(nullif(btrim(s."author"), ''), nullif(btrim(s."publisher"), '')) AS "name", s."createdAt"
    FROM "Source" AS s
    WHERE EXISTS (SELECT 1 FROM "Claim" AS c WHERE c."sourceId" = s."id" AND c."attributionType" = 'OWN_VOICE')
) AS n
WHERE n."name" IS NOT NULL
ORDER BY lower(n."name"), n."createdAt", n."name";

-- ... and the speaker of every claim in the source's own voice.
UPDATE "Claim" AS c SET "speakerId" = sp."id"
FROM "Source" AS s, "Speaker" AS sp
WHERE s."id" = c."sourceId"
  AND c."attributionType" = 'OWN_VOICE'
  AND lower(sp."name") = lower(coalesce(nullif(btrim(s."author"), ''), nullif(btrim(s."publisher"), '')));
