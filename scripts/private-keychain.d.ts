export interface PrivateKeychainSession {
  /** DBUS_SESSION_BUS_ADDRESS, XDG_DATA_HOME and the marker, for a child's environment. */
  env: Record<string, string | undefined>
  stop(): void
}
export function startPrivateKeychain(): PrivateKeychainSession
export function keychainToolsMissing(): string | undefined
export const PRIVATE_KEYCHAIN_MARKER: string
