-- Substring search over the scripts and output of backend logs (ILIKE '%text%'), answered by
-- a trigram index where pg_trgm exists (see 0002); elsewhere by reading the logs.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX "backend_logs_text_trgm_idx" ON "backend_logs"
      USING gin ((script || ' ' || stdout || ' ' || stderr) gin_trgm_ops);
  END IF;
END;
$$;
