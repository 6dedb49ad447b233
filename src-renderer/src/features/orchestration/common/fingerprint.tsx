import { Code } from '@mantine/core'

/**
 * A key fingerprint in monospace, kept on one line: a fingerprint broken in two is easy to
 * misread when compared character by character. It scrolls where it does not fit.
 */
export function Fingerprint({ value, color }: { value: string; color?: string }) {
  return (
    <Code
      c={color}
      fz="xs"
      maw="100%"
      style={{ whiteSpace: 'nowrap', overflowX: 'auto', display: 'inline-block' }}
    >
      {value}
    </Code>
  )
}
