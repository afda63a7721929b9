CREATE TABLE "application_record_versions" (
	"entity_id" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Every statement that writes application records moves its entities' versions on, once per
-- statement (not per row: a first reconcile inserts thousands of rows at once). Statement-level
-- triggers with transition tables need one trigger per event.
CREATE FUNCTION application_records_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO application_record_versions AS v (entity_id, version)
    SELECT DISTINCT entity_id, 1 FROM changed_rows
    ON CONFLICT (entity_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER application_records_version_insert
  AFTER INSERT ON application_records REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION application_records_bump_version();
--> statement-breakpoint
CREATE TRIGGER application_records_version_update
  AFTER UPDATE ON application_records REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION application_records_bump_version();
--> statement-breakpoint
CREATE TRIGGER application_records_version_delete
  AFTER DELETE ON application_records REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION application_records_bump_version();
