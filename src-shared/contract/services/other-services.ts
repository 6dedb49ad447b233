/** VPS and miscellaneous services (spec 9 and 10): channels `vps:*`. */
export const otherServiceChannels = {} as const
