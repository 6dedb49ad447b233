/** Web apps (spec 5): channels `webapps:*`. */
export const webappChannels = {} as const
