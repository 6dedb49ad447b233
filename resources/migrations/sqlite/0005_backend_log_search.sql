-- Auditors search the scripts and output of backend logs for any substring (a path, a user
-- name, an error text). An external-content FTS5 index with the trigram tokenizer answers
-- that without reading every log; the triggers keep it in step inside the writing
-- transaction. Case-insensitive, as an auditor would expect.
CREATE VIRTUAL TABLE `backend_logs_search` USING fts5(
  script,
  stdout,
  stderr,
  content='backend_logs',
  content_rowid='id',
  tokenize='trigram'
);
--> statement-breakpoint
CREATE TRIGGER `backend_logs_search_after_insert` AFTER INSERT ON `backend_logs`
BEGIN
  INSERT INTO `backend_logs_search` (rowid, script, stdout, stderr)
  VALUES (new.id, new.script, new.stdout, new.stderr);
END;
--> statement-breakpoint
CREATE TRIGGER `backend_logs_search_after_delete` AFTER DELETE ON `backend_logs`
BEGIN
  INSERT INTO `backend_logs_search` (`backend_logs_search`, rowid, script, stdout, stderr)
  VALUES ('delete', old.id, old.script, old.stdout, old.stderr);
END;
--> statement-breakpoint
CREATE TRIGGER `backend_logs_search_after_update` AFTER UPDATE OF script, stdout, stderr ON `backend_logs`
BEGIN
  INSERT INTO `backend_logs_search` (`backend_logs_search`, rowid, script, stdout, stderr)
  VALUES ('delete', old.id, old.script, old.stdout, old.stderr);
  INSERT INTO `backend_logs_search` (rowid, script, stdout, stderr)
  VALUES (new.id, new.script, new.stdout, new.stderr);
END;
