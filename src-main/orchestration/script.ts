import { sh, ShellText } from '../core/escape'

/**
 * One script per (server, backend): a prepare head, one block per operation and a commit
 * tail. Every block runs in its own subshell with `set -e`, and its exit status is checked
 * after it as a plain statement: bash ignores `set -e` inside anything tested by `if`, `||` or
 * `&&`, so `( … ) || …` would silently run a failing block to its end. A failing block marks
 * its operation failed and the script goes on with the next one; the final exit reports it.
 *
 * The script reaches bash on its standard input (`bash -s`), so every part runs with stdin
 * from /dev/null: a command that reads stdin would otherwise eat the rest of the script, and
 * the operations after it would be reported done without ever running.
 */

/** Where a backend writes during one phase of the script. */
export class Commands {
  readonly items: ShellText[] = []

  run(command: ShellText): this {
    this.items.push(command)
    return this
  }

  get empty(): boolean {
    return this.items.length === 0
  }
}

export interface OperationBlock {
  /** What the block does, in ids only: comments must never carry user data. */
  label: string
  commands: Commands
}

export interface ScriptParts {
  title: string
  head: Commands
  blocks: OperationBlock[]
  tail: Commands
}

export interface ComposedScript {
  /** What runs on the server. */
  text: string
  /** The same with every secret replaced by `'***'`: what is stored and shown. */
  redacted: string
  /** Whether anything would run at all (a backend may have nothing to say). */
  empty: boolean
}

/** The marker a failing block prints on stderr, read back to mark its operation. */
export const FAILED_OPERATION = /^\[orchestra\] operation (\d+) failed with exit code (\d+)$/m

/**
 * Indents the first line of each command only: its later lines may be inside quotes or a
 * here-document, where added spaces would change the data or hide the closing word.
 */
function indent(commands: readonly ShellText[], pick: (c: ShellText) => string): string[] {
  return commands.map((command) => `  ${pick(command)}`)
}

/** A comment stays one line whatever it is given: a line break would end it and run the rest. */
function comment(text: string): string {
  return `# ${text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ')}`
}

/** What runs in a subshell of its own, reading nothing from the script's stdin. */
function subshell(commands: readonly ShellText[], pick: (c: ShellText) => string): string[] {
  return ['(', '  set -e', ...indent(commands, pick), ') </dev/null', 'status=$?']
}

function assemble(parts: ScriptParts, pick: (c: ShellText) => string): string {
  // Values are single-quoted data, so a typographic quote in one (a name like O’Neil) is meant.
  const lines = ['#!/bin/bash', comment(parts.title), '# shellcheck disable=SC1112']
  lines.push('set -uo pipefail', 'exit_code=0')
  if (!parts.head.empty) {
    // In the script's own shell, so that what it sets is there for every block.
    lines.push('# prepare', 'set -e', '{', ...indent(parts.head.items, pick), '} </dev/null')
    lines.push('set +e')
  }
  parts.blocks.forEach((block, index) => {
    const number = index + 1
    lines.push(comment(`${number}/${parts.blocks.length} ${block.label}`))
    lines.push(...subshell(block.commands.items, pick))
    lines.push(
      'if [ "$status" -ne 0 ]; then',
      `  echo "[orchestra] operation ${number} failed with exit code $status" >&2`,
      '  exit_code=$status',
      'fi',
    )
  })
  if (!parts.tail.empty) {
    lines.push('# commit', ...subshell(parts.tail.items, pick))
    lines.push(
      'if [ "$status" -ne 0 ]; then',
      '  echo "[orchestra] commit failed with exit code $status" >&2',
      '  exit_code=$status',
      'fi',
    )
  }
  lines.push('exit "$exit_code"', '')
  return lines.join('\n')
}

export function composeScript(parts: ScriptParts): ComposedScript {
  const empty = parts.blocks.every((block) => block.commands.empty)
  return {
    text: assemble(parts, (command) => command.text),
    redacted: assemble(parts, (command) => command.redacted),
    empty,
  }
}

/** Writes a whole file atomically: a temporary file beside it, then a rename. */
export function writeFileCommands(
  out: Commands,
  path: string,
  content: string,
  { mode = '0644' }: { mode?: string } = {},
): void {
  const temporary = `${path}.orchestra-tmp`
  out.run(sh`printf '%s' ${content} > ${temporary}`)
  out.run(sh`chmod ${mode} ${temporary}`)
  out.run(sh`mv -f ${temporary} ${path}`)
}
