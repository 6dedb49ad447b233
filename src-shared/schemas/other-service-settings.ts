/** VPS and miscellaneous services (spec 9 and 10): the area's settings. */
export const OTHER_SERVICE_SETTINGS = {} as const
