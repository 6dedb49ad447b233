import type { TestProject } from 'vitest/node'
import { startPostgres } from './postgres-server'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway server's `postgres` database, as its superuser. */
    postgresUrl: string
    /** The CA file that signed the throwaway server's certificate. */
    postgresCaFile: string
  }
}

/** One throwaway PostgreSQL server for the whole run of the `postgres` project. */
export default async function setup(project: TestProject) {
  const server = await startPostgres()
  project.provide('postgresUrl', server.url)
  project.provide('postgresCaFile', server.caFile)
  return () => server.stop()
}
