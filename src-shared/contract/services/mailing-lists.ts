/** Mailing lists (spec 7): channels `mailingLists:*`. */
export const mailingListChannels = {} as const
