-- Independent annotation, agreement and curation (lib/server/rounds.ts). An owner opens a round
-- on a source for chosen members, and their claims on it carry the round's id. The span invariant
-- becomes: one live claim per span among claims outside rounds (the curated set, ordinary work),
-- and one per span per annotator within a round, so two annotators can mark the same words.
ALTER TYPE "HistoryEntity" ADD VALUE 'ROUND';

CREATE TYPE "RoundState" AS ENUM ('OPEN', 'CLOSED');
CREATE TYPE "CurationVerdict" AS ENUM ('ACCEPT', 'EDIT', 'REJECT');

-- A round's project is its source's project: a composite foreign key on (sourceId, projectId).
CREATE UNIQUE INDEX "Source_id_projectId_key" ON "Source"("id", "projectId");

CREATE TABLE "AnnotationRound" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "state" "RoundState" NOT NULL DEFAULT 'OPEN',
    "openedById" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedById" TEXT,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "AnnotationRound_pkey" PRIMARY KEY ("id"),
    -- Closed exactly when it has a closing time.
    CONSTRAINT "AnnotationRound_closed_check" CHECK (("state" = 'CLOSED') = ("closedAt" IS NOT NULL))
);

-- At most one open round per source: two owners opening one at once, one wins.
CREATE UNIQUE INDEX "AnnotationRound_open_source_key" ON "AnnotationRound"("sourceId") WHERE "state" = 'OPEN';
CREATE INDEX "AnnotationRound_projectId_openedAt_idx" ON "AnnotationRound"("projectId", "openedAt");
-- The target of Claim's composite key: a round claim lies on its round's source.
CREATE UNIQUE INDEX "AnnotationRound_id_sourceId_key" ON "AnnotationRound"("id", "sourceId");

ALTER TABLE "AnnotationRound" ADD CONSTRAINT "AnnotationRound_source_fkey" FOREIGN KEY ("sourceId", "projectId") REFERENCES "Source"("id", "projectId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AnnotationRound" ADD CONSTRAINT "AnnotationRound_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AnnotationRound" ADD CONSTRAINT "AnnotationRound_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AnnotationRound" ADD CONSTRAINT "AnnotationRound_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "RoundAnnotator" (
    "roundId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "RoundAnnotator_pkey" PRIMARY KEY ("roundId", "userId")
);

-- The visibility rule reads a researcher's rounds by userId.
CREATE INDEX "RoundAnnotator_userId_idx" ON "RoundAnnotator"("userId");
ALTER TABLE "RoundAnnotator" ADD CONSTRAINT "RoundAnnotator_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "AnnotationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RoundAnnotator" ADD CONSTRAINT "RoundAnnotator_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Claims made within a round.
ALTER TABLE "Claim" ADD COLUMN "roundId" TEXT;
-- NO ACTION (checked at the statement's end): deleting a source removes its claims and rounds together.
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_round_fkey" FOREIGN KEY ("roundId", "sourceId") REFERENCES "AnnotationRound"("id", "sourceId") ON DELETE NO ACTION ON UPDATE NO ACTION;
CREATE INDEX "Claim_roundId_idx" ON "Claim"("roundId") WHERE "roundId" IS NOT NULL;
DROP INDEX "Claim_live_span_key";
CREATE UNIQUE INDEX "Claim_live_span_key" ON "Claim" ("sourceId", "start", "end") WHERE "deletedAt" IS NULL AND "roundId" IS NULL;
CREATE UNIQUE INDEX "Claim_round_span_key" ON "Claim" ("roundId", "authorId", "start", "end") WHERE "deletedAt" IS NULL AND "roundId" IS NOT NULL;

-- A curator's decision on one unit of a round (a group of round claims on the same words):
-- accept one version, edit one, or reject all. Accept and edit name the resulting claim of the
-- curated set (a claim outside the round), reject names none.
CREATE TABLE "CurationDecision" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "decision" "CurationVerdict" NOT NULL,
    "resultClaimId" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CurationDecision_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "CurationDecision_result_check" CHECK (("decision" = 'REJECT') = ("resultClaimId" IS NULL))
);

CREATE INDEX "CurationDecision_roundId_idx" ON "CurationDecision"("roundId");
CREATE INDEX "CurationDecision_resultClaimId_idx" ON "CurationDecision"("resultClaimId");
ALTER TABLE "CurationDecision" ADD CONSTRAINT "CurationDecision_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "AnnotationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CurationDecision" ADD CONSTRAINT "CurationDecision_resultClaimId_fkey" FOREIGN KEY ("resultClaimId") REFERENCES "Claim"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "CurationDecision" ADD CONSTRAINT "CurationDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The round claims a decision settles. The primary key on the claim is the invariant: a round
-- claim is decided once, so two curators deciding the same unit at once leave one decision.
CREATE TABLE "CurationDecisionClaim" (
    "claimId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,

    CONSTRAINT "CurationDecisionClaim_pkey" PRIMARY KEY ("claimId")
);

CREATE INDEX "CurationDecisionClaim_decisionId_idx" ON "CurationDecisionClaim"("decisionId");
ALTER TABLE "CurationDecisionClaim" ADD CONSTRAINT "CurationDecisionClaim_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CurationDecisionClaim" ADD CONSTRAINT "CurationDecisionClaim_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "CurationDecision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
