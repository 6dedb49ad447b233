/** Web apps (spec 5): the area's settings. */
export const WEBAPP_SETTINGS = {} as const
