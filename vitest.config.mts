import { defineConfig } from 'vitest/config'

// Two projects: everything on the embedded SQLite default, and the core's database-facing
// suites again on a throwaway PostgreSQL server (test/support/postgres-global-setup.ts), plus
// the tests that only make sense on a shared server.
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Most suites wait on servers they started (sshd, MariaDB, PostgreSQL, Mailman), not on
    // the CPU: two at a time on a two-core machine, where Vitest would otherwise run one.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: [
            'test/main/**/*.test.ts',
            'test/shared/**/*.test.ts',
            'test/renderer/**/*.test.ts',
            'test/scripts/**/*.test.ts',
          ],
          exclude: ['test/main/shared-database/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [
            'test/main/data/**/*.test.ts',
            'test/main/bridge/**/*.test.ts',
            'test/main/db/**/*.test.ts',
            'test/main/shared-database/**/*.test.ts',
            // The engine's database side (logs, claims, sweeps); SSH and scripts are the same.
            'test/main/orchestration/engine.test.ts',
            'test/main/orchestration/recovery.test.ts',
            'test/main/orchestration/bind9.test.ts',
            'test/main/sql/sql-data.test.ts',
            'test/main/sql/mysql-backends.test.ts',
            'test/main/mail/mail-data.test.ts',
            'test/main/mail/mail-backends.test.ts',
            // The rest of the catalogue: its data on PostgreSQL too; its backends' scripts read
            // the same rows through the same queries, so they run on SQLite only.
            'test/main/mailing-lists/mailing-list-data.test.ts',
            'test/main/orchestration/unix-users.test.ts',
            'test/main/breaking/refusals.test.ts',
            'test/main/certificates/certificate-data.test.ts',
            'test/main/other-services/*-data.test.ts',
            'test/main/websites/website-data.test.ts',
            'test/main/saas/saas-data.test.ts',
            'test/main/saas/saas-websites.test.ts',
            'test/main/webapps/webapp-data.test.ts',
            'test/main/webapps/served-webapps.test.ts',
          ],
          env: { ORCHESTRA_TEST_DIALECT: 'postgres' },
          globalSetup: ['test/support/postgres-global-setup.ts'],
        },
      },
    ],
  },
})
