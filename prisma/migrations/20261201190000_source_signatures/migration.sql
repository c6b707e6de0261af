-- Near-duplicate lookup by signature instead of reading every stored text: a MinHash signature
-- per source (lib/import/minhash.ts, 128 values) and its 64 LSH band keys in an indexed table.
-- Signatures are computed in the app (the same code that signs new sources), so existing sources
-- start unsigned (minhash NULL) and are signed lazily by the first paste or upload after this
-- migration. The partial index finds the unsigned ones without reading the signed.
-- The original file's SHA-256, so an export can reference the original without carrying its bytes.
ALTER TABLE "Source" ADD COLUMN "minhash" INTEGER[];

CREATE INDEX "Source_unsigned_idx" ON "Source"("id") WHERE "minhash" IS NULL;

CREATE TABLE "SourceBand" (
    "sourceId" TEXT NOT NULL,
    "band" INTEGER NOT NULL,
    "key" BIGINT NOT NULL,

    CONSTRAINT "SourceBand_pkey" PRIMARY KEY ("sourceId","band")
);

CREATE INDEX "SourceBand_band_key_idx" ON "SourceBand"("band", "key");

ALTER TABLE "SourceBand" ADD CONSTRAINT "SourceBand_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "SourceFile" ADD COLUMN "sha256" TEXT;

UPDATE "SourceFile" SET "sha256" = encode(sha256("bytes"), 'hex');

ALTER TABLE "SourceFile" ALTER COLUMN "sha256" SET NOT NULL;
