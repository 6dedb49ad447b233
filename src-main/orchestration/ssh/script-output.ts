import { StringDecoder } from 'node:string_decoder'

/** Decodes chunks as they come without splitting a UTF-8 character across two callbacks. */
export function textCollector(onText?: (text: string) => void) {
  const decoder = new StringDecoder('utf8')
  let text = ''
  const push = (part: string) => {
    if (!part) return
    text += part
    onText?.(part)
  }
  return {
    write: (chunk: Buffer) => push(decoder.write(chunk)),
    end: () => {
      push(decoder.end())
      return text
    },
  }
}

/** How far into the output the wrapper's line is looked for, past login shell noise. */
const MAX_HEAD_BYTES = 64 * 1024

/**
 * Takes the wrapper's `<marker><pgid>` line off standard output and hands everything else on
 * unchanged. Only what the login shell printed itself (a chatty .bashrc) can come before it.
 * Without the line (a login shell that is not sh-like) all output is passed on as it is.
 */
export function pgidSplitter(
  marker: string,
  onOutput: (chunk: Buffer) => void,
  onPgid: (pgid: number) => void,
) {
  const pattern = new RegExp(`(?:^|\\n)${marker}(\\d+)\\n`)
  let head: Buffer | null = Buffer.alloc(0)
  const release = (output: Buffer) => {
    head = null
    if (output.length > 0) onOutput(output)
  }

  const write = (chunk: Buffer) => {
    if (head === null) return onOutput(chunk)
    head = Buffer.concat([head, chunk])
    const match = pattern.exec(head.toString('latin1'))
    if (!match) return head.length >= MAX_HEAD_BYTES ? release(head) : undefined

    onPgid(Number(match[1]))
    // latin1 maps bytes 1:1 to characters, so string offsets are byte offsets.
    const start = match.index + (match[0].startsWith('\n') ? 1 : 0)
    const end = match.index + match[0].length
    release(Buffer.concat([head.subarray(0, start), head.subarray(end)]))
  }
  /** Passes on whatever was held back waiting for a marker that never came. */
  const end = () => {
    if (head !== null) release(head)
  }
  return { write, end }
}
