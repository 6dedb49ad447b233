/** Databases and their users (spec 4): channels `sqlDatabases:*` and `sqlUsers:*`. */
export const sqlDatabaseChannels = {} as const
