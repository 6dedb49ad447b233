/** Websites (spec 6): channels `websites:*`. */
export const websiteChannels = {} as const
