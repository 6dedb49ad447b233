-- List search matches any substring of search_text (LIKE '%word%'). A trigram index answers
-- that without reading every row. pg_trgm ships with PostgreSQL and is a trusted extension, so
-- the database's owner may create it; where it cannot be created, search still works, by
-- reading the table, and the server log says why.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE WARNING 'pg_trgm is not available (%): searches will read whole tables', SQLERRM;
END;
$$;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX "accounts_search_trgm_idx" ON "accounts" USING gin ("search_text" gin_trgm_ops);
    CREATE INDEX "contacts_search_trgm_idx" ON "contacts" USING gin ("search_text" gin_trgm_ops);
  END IF;
END;
$$;
