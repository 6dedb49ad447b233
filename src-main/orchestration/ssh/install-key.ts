import { utils } from 'ssh2'
import { AppError } from '../../../src-shared/errors'
import { openClient } from './connect'
import { describeServer, SshError } from './errors'
import { fingerprintOfKeyBlob } from './keys'
import { shellQuote } from '../../core/escape'
import { runOnChannel } from './run-script'

export interface InstallKeyRequest {
  /** For messages; the address is used when omitted. */
  name?: string
  address: string
  port: number
  user: string
  /** Used for this one login and then dropped: never stored, never logged. */
  password: string
  /** The pinned host key: a password is only ever sent to the server that was accepted. */
  hostKeyFingerprint: string
  publicKeyLine: string
  connectTimeoutMs?: number
}

export interface InstallKeyResult {
  /** False when the line was there already. */
  added: boolean
  fingerprint: string
}

/**
 * Appends the line on stdin to ~/.ssh/authorized_keys unless it is there already. The script
 * is fixed text and the key only ever arrives on stdin, so no value becomes shell code. The
 * newline check keeps a file without a final newline from gluing two keys into one line.
 */
const INSTALL_SCRIPT = `set -e
umask 077
IFS= read -r line
mkdir -p "$HOME/.ssh"
chmod 700 "$HOME/.ssh"
file="$HOME/.ssh/authorized_keys"
touch "$file"
chmod 600 "$file"
if grep -qxF -- "$line" "$file"; then echo present; exit 0; fi
if [ -s "$file" ] && [ -n "$(tail -c 1 "$file")" ]; then echo >> "$file"; fi
printf '%s\\n' "$line" >> "$file"
echo added
`
const INSTALL_TIMEOUT_MS = 30_000

/** One public key on one line, so nothing else can ride along into authorized_keys. */
function checkedKeyLine(line: string): { line: string; fingerprint: string } {
  const trimmed = line.trim()
  const parsed = /[\r\n]/.test(trimmed) ? undefined : utils.parseKey(trimmed)
  if (!parsed || parsed instanceof Error || Array.isArray(parsed) || parsed.isPrivateKey()) {
    throw AppError.validation([
      { field: 'publicKeyLine', rule: 'format', message: 'Expected one SSH public key line' },
    ])
  }
  return { line: trimmed, fingerprint: fingerprintOfKeyBlob(parsed.getPublicSSH()) }
}

/** Logs in once with the password and authorizes the key, so later logins use the key. */
export async function installAuthorizedKey(request: InstallKeyRequest): Promise<InstallKeyResult> {
  const { line, fingerprint } = checkedKeyLine(request.publicKeyLine)
  const client = await openClient(request, { kind: 'password', password: request.password })
  try {
    const result = await runOnChannel(client, {
      command: `/bin/sh -c ${shellQuote(INSTALL_SCRIPT)}`,
      input: `${line}\n`,
      timeoutMs: INSTALL_TIMEOUT_MS,
    })
    const outcome = result.stdout.trim()
    if (result.exitCode === 0 && (outcome === 'added' || outcome === 'present')) {
      return { added: outcome === 'added', fingerprint }
    }
    const server = request.name ?? describeServer(request)
    const why = result.timedOut
      ? 'it took too long'
      : result.stderr.trim() || `exit code ${result.exitCode}`
    const file = `~/.ssh/authorized_keys of ${request.user}`
    const message = `Server ${server} could not add the key to ${file}: ${why}`
    throw new SshError({ code: 'COMMAND_FAILED', server, message })
  } finally {
    client.end()
  }
}
