-- Account search matches any substring of accounts.search_text, which LIKE '%word%' can only
-- find by reading every row. This trigram index answers words of two characters or more.
-- Contentless (nothing stored twice) and case-sensitive: search text and words are both lower
-- case, so a phrase of trigrams matches exactly what LIKE would. Each text is indexed with a
-- trailing space so that every two characters, even the last two, start a trigram: a
-- two-character word is then found through the trigrams that begin with it (the vocabulary
-- table below). SQLite only; PostgreSQL gets the same from a pg_trgm index.
CREATE VIRTUAL TABLE `accounts_search` USING fts5(
  search_text,
  content='',
  contentless_delete=1,
  tokenize='trigram case_sensitive 1'
);
--> statement-breakpoint
INSERT INTO `accounts_search` (rowid, search_text) SELECT id, search_text || ' ' FROM `accounts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `accounts_search_terms` USING fts5vocab(`accounts_search`, 'row');
--> statement-breakpoint
-- The index keeps no copy of the text, so these triggers give it every change, inside the
-- writing transaction.
CREATE TRIGGER `accounts_search_after_insert` AFTER INSERT ON `accounts`
BEGIN
  INSERT INTO `accounts_search` (rowid, search_text) VALUES (new.id, new.search_text || ' ');
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_search_after_delete` AFTER DELETE ON `accounts`
BEGIN
  DELETE FROM `accounts_search` WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_search_after_update` AFTER UPDATE OF search_text ON `accounts`
BEGIN
  DELETE FROM `accounts_search` WHERE rowid = old.id;
  INSERT INTO `accounts_search` (rowid, search_text) VALUES (new.id, new.search_text || ' ');
END;
