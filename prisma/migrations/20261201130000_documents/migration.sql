-- Real documents: page maps of PDF-born sources, a duplicate key, the uploaded originals and
-- appearances of one document in several sources.
ALTER TABLE "Source" ADD COLUMN "pageMap" JSONB,
ADD COLUMN "duplicateKey" TEXT;

CREATE UNIQUE INDEX "Source_duplicateKey_key" ON "Source"("duplicateKey");

CREATE TABLE "SourceFile" (
    "sourceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceFile_pkey" PRIMARY KEY ("sourceId")
);

CREATE TABLE "Appearance" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "jaccard" DOUBLE PRECISION NOT NULL,
    "containment" DOUBLE PRECISION NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Appearance_pkey" PRIMARY KEY ("id"),
    -- A source is not an appearance of itself.
    CONSTRAINT "Appearance_distinct" CHECK ("documentId" <> "sourceId")
);

CREATE UNIQUE INDEX "Appearance_documentId_sourceId_key" ON "Appearance"("documentId", "sourceId");
CREATE INDEX "Appearance_sourceId_idx" ON "Appearance"("sourceId");

ALTER TABLE "SourceFile" ADD CONSTRAINT "SourceFile_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Appearance" ADD CONSTRAINT "Appearance_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Appearance" ADD CONSTRAINT "Appearance_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Appearance" ADD CONSTRAINT "Appearance_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
