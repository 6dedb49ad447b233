/** Mail (spec 2): channels `mailboxes:*` and `mailAddresses:*`. */
export const mailChannels = {} as const
