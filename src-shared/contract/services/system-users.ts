/** System users (spec 3): channels `systemUsers:*`. */
export const systemUserChannels = {} as const
