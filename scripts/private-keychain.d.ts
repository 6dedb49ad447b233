export interface PrivateKeychainSession {
  /**
   * DBUS_SESSION_BUS_ADDRESS, XDG_DATA_HOME, XDG_RUNTIME_DIR, GNOME_KEYRING_CONTROL and the
   * marker, for a child's environment.
   */
  env: Record<string, string | undefined>
  stop(): void
}
export function startPrivateKeychain(): PrivateKeychainSession
export function keychainToolsMissing(): string | undefined
/** The pids of the bus and keyring daemons of the keychain with that runtime folder. */
export function keychainDaemons(runtimeDir: string): number[]
export const PRIVATE_KEYCHAIN_MARKER: string
