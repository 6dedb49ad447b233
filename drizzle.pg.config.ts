import { defineConfig } from 'drizzle-kit'

// The PostgreSQL migrations, written from the tables derived from the SQLite schema.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src-main/db/schema-pg.ts',
  out: './resources/migrations/postgres',
})
