-- Projects (lib/server/projects.ts): a body of sources with members in roles. Existing sources
-- and clusters move into one project, "csto" (the shipped corpus is its first content). Existing
-- researchers become its members: the first to have joined the app its owner, the others annotators,
-- so nobody loses what they could do before.
ALTER TYPE "HistoryEntity" ADD VALUE 'PROJECT';

CREATE TYPE "ProjectRole" AS ENUM ('OWNER', 'CURATOR', 'ANNOTATOR', 'VIEWER');

CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Project_slug_check" CHECK ("slug" ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
    CONSTRAINT "Project_name_check" CHECK (char_length(btrim("name")) BETWEEN 1 AND 100)
);

CREATE UNIQUE INDEX "Project_slug_key" ON "Project"("slug");

CREATE TABLE "ProjectMember" (
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "ProjectRole" NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectMember_pkey" PRIMARY KEY ("projectId", "userId")
);

CREATE INDEX "ProjectMember_userId_idx" ON "ProjectMember"("userId");

ALTER TABLE "ProjectMember" ADD CONSTRAINT "ProjectMember_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProjectMember" ADD CONSTRAINT "ProjectMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "Project" ("id", "slug", "name") VALUES ('p_csto', 'csto', 'CSTO corpus');

INSERT INTO "ProjectMember" ("projectId", "userId", "role")
SELECT 'p_csto', "id", CASE WHEN row_number() OVER (ORDER BY "createdAt", "id") = 1 THEN 'OWNER'::"ProjectRole" ELSE 'ANNOTATOR'::"ProjectRole" END
FROM "User";

-- Sources.
ALTER TABLE "Source" ADD COLUMN "projectId" TEXT;
UPDATE "Source" SET "projectId" = 'p_csto';
ALTER TABLE "Source" ALTER COLUMN "projectId" SET NOT NULL;
ALTER TABLE "Source" ADD CONSTRAINT "Source_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Source_projectId_createdAt_idx" ON "Source"("projectId", "createdAt");
-- The same text twice is refused within a project, while two projects may hold the same article.
DROP INDEX "Source_duplicateKey_key";
CREATE UNIQUE INDEX "Source_projectId_duplicateKey_key" ON "Source"("projectId", "duplicateKey");

-- Clusters: names are unique within a project.
ALTER TABLE "Cluster" ADD COLUMN "projectId" TEXT;
UPDATE "Cluster" SET "projectId" = 'p_csto';
ALTER TABLE "Cluster" ALTER COLUMN "projectId" SET NOT NULL;
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
DROP INDEX "Cluster_name_key";
CREATE UNIQUE INDEX "Cluster_projectId_name_key" ON "Cluster"("projectId", "name");

-- History: the project of each change, for live updates and the project's history.
ALTER TABLE "History" ADD COLUMN "projectId" TEXT;
CREATE INDEX "History_projectId_id_idx" ON "History"("projectId", "id");

-- History is append-only (a trigger refuses UPDATE): fill the existing rows with that trigger off.
ALTER TABLE "History" DISABLE TRIGGER USER;
UPDATE "History" SET "projectId" = 'p_csto';
ALTER TABLE "History" ENABLE TRIGGER USER;

-- A change's project, when its writer does not name it: from its claim, source, cluster or link.
-- One primary-key lookup per History row (an import of n claims: n lookups, all indexed).
CREATE FUNCTION "history_project"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN IF NEW."projectId" IS NULL THEN IF NEW."claimId" IS NOT NULL THEN SELECT s."projectId" INTO NEW."projectId" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."id" = NEW."claimId"\073 ELSIF NEW."entity" = ''SOURCE'' THEN SELECT "projectId" INTO NEW."projectId" FROM "Source" WHERE "id" = NEW."entityId"\073 ELSIF NEW."entity" = ''CLUSTER'' THEN SELECT "projectId" INTO NEW."projectId" FROM "Cluster" WHERE "id" = NEW."entityId"\073 ELSIF NEW."entity" = ''LINK'' THEN SELECT s."projectId" INTO NEW."projectId" FROM "ClaimLink" l JOIN "Claim" c ON c."id" = l."fromId" JOIN "Source" s ON s."id" = c."sourceId" WHERE l."id" = NEW."entityId"\073 ELSIF NEW."entity" = ''PROJECT'' THEN NEW."projectId" := NEW."entityId"\073 END IF\073 END IF\073 RETURN NEW\073 END\073';

CREATE TRIGGER "History_project"
  BEFORE INSERT ON "History"
  FOR EACH ROW EXECUTE FUNCTION "history_project"();

-- Nothing crosses a project's border: a link joins two claims of one project, a cluster holds
-- claims of its own project, a claim rests on a claim or source of its own project. Checked by
-- the database on every write (one or two primary-key lookups per row).
CREATE FUNCTION "claim_project"(claim_id TEXT) RETURNS TEXT LANGUAGE sql STABLE AS
E'SELECT s."projectId" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."id" = claim_id';

CREATE FUNCTION "link_within_project"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN IF "claim_project"(NEW."fromId") IS DISTINCT FROM "claim_project"(NEW."toId") THEN RAISE EXCEPTION ''a link joins claims of one project'' USING ERRCODE = ''23514'', CONSTRAINT = ''ClaimLink_project_check''\073 END IF\073 RETURN NEW\073 END\073';

CREATE TRIGGER "ClaimLink_project"
  BEFORE INSERT OR UPDATE OF "fromId", "toId" ON "ClaimLink"
  FOR EACH ROW EXECUTE FUNCTION "link_within_project"();

CREATE FUNCTION "member_within_project"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN IF "claim_project"(NEW."claimId") IS DISTINCT FROM (SELECT "projectId" FROM "Cluster" WHERE "id" = NEW."clusterId") THEN RAISE EXCEPTION ''a cluster holds claims of its own project'' USING ERRCODE = ''23514'', CONSTRAINT = ''ClusterMember_project_check''\073 END IF\073 RETURN NEW\073 END\073';

CREATE TRIGGER "ClusterMember_project"
  BEFORE INSERT OR UPDATE ON "ClusterMember"
  FOR EACH ROW EXECUTE FUNCTION "member_within_project"();

CREATE FUNCTION "rests_on_within_project"() RETURNS trigger LANGUAGE plpgsql AS
E'DECLARE own TEXT\073 BEGIN IF NEW."restsOnClaimId" IS NULL AND NEW."restsOnSourceId" IS NULL THEN RETURN NEW\073 END IF\073 SELECT "projectId" INTO own FROM "Source" WHERE "id" = NEW."sourceId"\073 IF NEW."restsOnClaimId" IS NOT NULL AND "claim_project"(NEW."restsOnClaimId") IS DISTINCT FROM own THEN RAISE EXCEPTION ''a claim rests on a claim of its own project'' USING ERRCODE = ''23514'', CONSTRAINT = ''Claim_rests_on_project_check''\073 END IF\073 IF NEW."restsOnSourceId" IS NOT NULL AND (SELECT "projectId" FROM "Source" WHERE "id" = NEW."restsOnSourceId") IS DISTINCT FROM own THEN RAISE EXCEPTION ''a claim rests on a source of its own project'' USING ERRCODE = ''23514'', CONSTRAINT = ''Claim_rests_on_project_check''\073 END IF\073 RETURN NEW\073 END\073';

CREATE TRIGGER "Claim_rests_on_project"
  BEFORE INSERT OR UPDATE OF "restsOnClaimId", "restsOnSourceId" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "rests_on_within_project"();
