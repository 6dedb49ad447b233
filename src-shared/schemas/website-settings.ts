/** Websites (spec 6): the area's settings. */
export const WEBSITE_SETTINGS = {} as const
