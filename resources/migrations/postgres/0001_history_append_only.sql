-- History is an audit trail: nothing may rewrite or remove it, not even a bug in the app or a
-- colleague's script on the shared server.
CREATE FUNCTION "history_entries_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'history entries are append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "history_entries_no_update" BEFORE UPDATE ON "history_entries"
FOR EACH ROW EXECUTE FUNCTION "history_entries_append_only"();
--> statement-breakpoint
CREATE TRIGGER "history_entries_no_delete" BEFORE DELETE ON "history_entries"
FOR EACH ROW EXECUTE FUNCTION "history_entries_append_only"();
--> statement-breakpoint
CREATE TRIGGER "history_entries_no_truncate" BEFORE TRUNCATE ON "history_entries"
FOR EACH STATEMENT EXECUTE FUNCTION "history_entries_append_only"();
