import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** A fresh secret for each start; the printed URL hands it to the page. */
export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hasToken(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? ''
  const sent = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '')
  const expected = Buffer.from(token)
  return sent.length === expected.length && timingSafeEqual(sent, expected)
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']

/** The `host:port` values the bridge answers to. */
export function allowedHosts(boundHost: string, port: number): Set<string> {
  const bound = boundHost.includes(':') ? `[${boundHost}]` : boundHost
  return new Set([...LOOPBACK_NAMES, bound].map((name) => `${name}:${port}`))
}

/**
 * A page on another site can make the browser send requests here, and DNS rebinding can make
 * one look same-origin. Refuse any Host that is not ours, and any Origin that is not ours.
 */
export function checkOrigin(request: IncomingMessage, hosts: Set<string>): string | undefined {
  const host = request.headers.host ?? ''
  if (!hosts.has(host)) return `Host "${host}" is not this bridge`
  const origin = request.headers.origin
  if (origin === undefined) return undefined
  try {
    const url = new URL(origin)
    if (url.protocol === 'http:' && hosts.has(url.host)) return undefined
  } catch {
    // Fall through: an unparseable Origin is as foreign as any other.
  }
  return `Origin "${origin}" is not allowed`
}
