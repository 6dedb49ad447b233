-- History is an audit trail: nothing may rewrite or remove it, not even a bug in the app.
CREATE TRIGGER `history_entries_no_update` BEFORE UPDATE ON `history_entries`
BEGIN
  SELECT RAISE(ABORT, 'history entries are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `history_entries_no_delete` BEFORE DELETE ON `history_entries`
BEGIN
  SELECT RAISE(ABORT, 'history entries are append-only');
END;
