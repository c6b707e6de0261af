-- The rests-on cycle check also holds when two transactions each close half of a loop at the same
-- moment (A rests on B in one, B rests on A in the other): the trigger first takes one
-- transaction-level advisory lock, so writes that set "restsOnClaimId" run their check one at a
-- time, each seeing the other's committed chain (a volatile function takes a fresh snapshot per
-- query). Cost: such writes wait for each other, only while the writing transaction lasts.
-- Lock key 7231400013 is only used here. The body writes its semicolons as \073.
CREATE OR REPLACE FUNCTION "claim_rests_on_no_cycle"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM pg_advisory_xact_lock(7231400013)\073 IF EXISTS (WITH RECURSIVE chain(id) AS (SELECT NEW."restsOnClaimId" UNION SELECT c."restsOnClaimId" FROM "Claim" c JOIN chain ON c."id" = chain.id WHERE c."restsOnClaimId" IS NOT NULL) SELECT 1 FROM chain WHERE chain.id = NEW."id") THEN RAISE EXCEPTION ''Claim % would rest on itself through a chain of claims'', NEW."id" USING ERRCODE = ''check_violation'', CONSTRAINT = ''Claim_rests_on_cycle''\073 END IF\073 RETURN NEW\073 END\073';
