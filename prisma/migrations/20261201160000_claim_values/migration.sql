-- Values a researcher states for a claim: corrections of the parsed figure (what is counted, unit,
-- value, bounds, the tolerance of "about") and the event its date is of, and the event a whole
-- cluster dates (prisma/schema.prisma, lib/quantities/claim-values.ts). A stored field wins over the parse.
-- adapter-pg runs this file split at every semicolon: none inside a statement or a comment.

-- CreateTable
CREATE TABLE "ClaimValue" (
    "claimId" TEXT NOT NULL,
    "quantity" TEXT,
    "unit" TEXT,
    "value" DOUBLE PRECISION,
    "lower" DOUBLE PRECISION,
    "upper" DOUBLE PRECISION,
    "lowerOpen" BOOLEAN NOT NULL DEFAULT false,
    "upperOpen" BOOLEAN NOT NULL DEFAULT false,
    "tolerance" DOUBLE PRECISION,
    "event" TEXT,
    "authorId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClaimValue_pkey" PRIMARY KEY ("claimId")
);

-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN "event" TEXT;

-- CreateIndex
CREATE INDEX "ClaimValue_authorId_idx" ON "ClaimValue"("authorId");

-- AddForeignKey
ALTER TABLE "ClaimValue" ADD CONSTRAINT "ClaimValue_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimValue" ADD CONSTRAINT "ClaimValue_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants Prisma's schema language cannot declare.
-- Numbers are finite and of a size a count or an amount can have (NaN and infinity are refused too).
ALTER TABLE "ClaimValue" ADD CONSTRAINT "ClaimValue_numbers_check" CHECK (
    ("value" IS NULL OR abs("value") <= 1e15)
    AND ("lower" IS NULL OR abs("lower") <= 1e15)
    AND ("upper" IS NULL OR abs("upper") <= 1e15)
);

-- The bounds enclose something, and the stated value lies within them.
ALTER TABLE "ClaimValue" ADD CONSTRAINT "ClaimValue_bounds_check" CHECK (
    ("lower" IS NULL OR "upper" IS NULL OR "lower" < "upper" OR ("lower" = "upper" AND NOT "lowerOpen" AND NOT "upperOpen"))
    AND ("value" IS NULL OR "lower" IS NULL OR "value" >= "lower")
    AND ("value" IS NULL OR "upper" IS NULL OR "value" <= "upper")
);

-- "about" means within 0 to 100 per cent of the value.
ALTER TABLE "ClaimValue" ADD CONSTRAINT "ClaimValue_tolerance_check" CHECK ("tolerance" IS NULL OR ("tolerance" >= 0 AND "tolerance" <= 1));

-- Names are either absent or say something.
ALTER TABLE "ClaimValue" ADD CONSTRAINT "ClaimValue_names_check" CHECK (
    ("quantity" IS NULL OR btrim("quantity") <> '') AND ("unit" IS NULL OR btrim("unit") <> '') AND ("event" IS NULL OR btrim("event") <> '')
);

ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_event_check" CHECK ("event" IS NULL OR btrim("event") <> '');
