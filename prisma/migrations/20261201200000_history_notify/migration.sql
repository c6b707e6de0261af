-- Live updates (lib/server/live): every change the app records already writes a History row in
-- the same transaction, so History is the change log and a trigger announces it. One notice per
-- statement, not per row: an import that writes 10,000 History rows sends one notice naming the
-- range of ids it wrote ("first:last"). PostgreSQL delivers notices in commit order, only after
-- the writing transaction commits, to every process listening on the database.
CREATE FUNCTION "history_notify"() RETURNS trigger LANGUAGE plpgsql AS
E'DECLARE first_id integer\073 last_id integer\073 BEGIN SELECT min("id"), max("id") INTO first_id, last_id FROM inserted\073 IF first_id IS NOT NULL THEN PERFORM pg_notify(''cp_history'', first_id::text || '':'' || last_id::text)\073 END IF\073 RETURN NULL\073 END\073';

CREATE TRIGGER "History_notify"
  AFTER INSERT ON "History"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION "history_notify"();
