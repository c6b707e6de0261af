-- The project guards (20261202100000_projects) compared a project with NULL when one end was
-- missing, and refused with 23514 (a 409): a member added while its cluster was deleted got
-- that 409 instead of the foreign key's 404
-- "The cluster does not exist or was just deleted" (tests/integration/races.test.ts). A guard now
-- speaks only when both projects are known, and a missing row is the foreign key's to refuse.
-- Each refusal's message names its rule as PostgreSQL names a CHECK's ('violates check constraint
-- "…"'): adapter-pg passes a trigger's message but not its CONSTRAINT field, and lib/db-errors.ts
-- reads the name from the message to say the rule (without it the answer was the generic 409).
-- No semicolon may appear in a comment here: adapter-pg runs a script split at each one.
CREATE OR REPLACE FUNCTION "link_within_project"() RETURNS trigger LANGUAGE plpgsql AS
E'DECLARE a TEXT\073 b TEXT\073 BEGIN a := "claim_project"(NEW."fromId")\073 b := "claim_project"(NEW."toId")\073 IF a IS NOT NULL AND b IS NOT NULL AND a <> b THEN RAISE EXCEPTION ''new row violates check constraint "ClaimLink_project_check" (a link joins claims of one project)'' USING ERRCODE = ''23514'', CONSTRAINT = ''ClaimLink_project_check''\073 END IF\073 RETURN NEW\073 END\073';

CREATE OR REPLACE FUNCTION "member_within_project"() RETURNS trigger LANGUAGE plpgsql AS
E'DECLARE c TEXT\073 k TEXT\073 BEGIN c := "claim_project"(NEW."claimId")\073 SELECT "projectId" INTO k FROM "Cluster" WHERE "id" = NEW."clusterId"\073 IF c IS NOT NULL AND k IS NOT NULL AND c <> k THEN RAISE EXCEPTION ''new row violates check constraint "ClusterMember_project_check" (a cluster holds claims of its own project)'' USING ERRCODE = ''23514'', CONSTRAINT = ''ClusterMember_project_check''\073 END IF\073 RETURN NEW\073 END\073';

CREATE OR REPLACE FUNCTION "rests_on_within_project"() RETURNS trigger LANGUAGE plpgsql AS
E'DECLARE own TEXT\073 other TEXT\073 BEGIN IF NEW."restsOnClaimId" IS NULL AND NEW."restsOnSourceId" IS NULL THEN RETURN NEW\073 END IF\073 SELECT "projectId" INTO own FROM "Source" WHERE "id" = NEW."sourceId"\073 IF NEW."restsOnClaimId" IS NOT NULL THEN other := "claim_project"(NEW."restsOnClaimId")\073 IF own IS NOT NULL AND other IS NOT NULL AND own <> other THEN RAISE EXCEPTION ''new row violates check constraint "Claim_rests_on_project_check" (a claim rests on a claim of its own project)'' USING ERRCODE = ''23514'', CONSTRAINT = ''Claim_rests_on_project_check''\073 END IF\073 END IF\073 IF NEW."restsOnSourceId" IS NOT NULL THEN SELECT "projectId" INTO other FROM "Source" WHERE "id" = NEW."restsOnSourceId"\073 IF own IS NOT NULL AND other IS NOT NULL AND own <> other THEN RAISE EXCEPTION ''new row violates check constraint "Claim_rests_on_project_check" (a claim rests on a source of its own project)'' USING ERRCODE = ''23514'', CONSTRAINT = ''Claim_rests_on_project_check''\073 END IF\073 END IF\073 RETURN NEW\073 END\073';
