/** Let's Encrypt certificates (spec 11): the area's settings. */
export const CERTIFICATE_SETTINGS = {} as const
