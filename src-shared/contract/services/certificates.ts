/** Let's Encrypt certificates (spec 11): channels `certificates:*`. */
export const certificateChannels = {} as const
