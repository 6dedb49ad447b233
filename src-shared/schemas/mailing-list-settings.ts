/** Mailing lists (spec 7): the area's settings. */
export const MAILING_LIST_SETTINGS = {} as const
