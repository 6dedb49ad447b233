import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Secret, sh, type ShellText } from '../../../src-main/core/escape'
import { defineBackend, type Backend } from '../../../src-main/orchestration/backend'
import { composeGroup } from '../../../src-main/orchestration/plan'
import {
  Commands,
  composeScript,
  FAILED_OPERATION,
  writeFileCommands,
  type ComposedScript,
} from '../../../src-main/orchestration/script'
import { hostileString } from '../../support/hostile'
import { checkScripts as checkScriptsIn, runBash } from '../../support/shell'

/** What the test backend is asked to write: a file, a failure or a secret. */
interface Note {
  name: string
  content?: string
  status?: number
}

const server = { id: 7, name: 'web1', address: '127.0.0.1' }

/** A backend that keeps one file per note under `dir`, with ways to fail on purpose. */
function noteBackend(dir: string, overrides: Partial<Backend<Note>> = {}): Backend<Note> {
  const fileOf = (note: Note) => `${dir}/${note.name}`
  return defineBackend<Note>({
    id: 'test-notes',
    label: 'Notes',
    description: 'Test notes',
    model: 'account',
    declaredActions: ['save', 'fail', 'secret', 'drain', 'nothing', 'delete'],
    defaultRouteMatch: 'true',
    executable: '/bin/bash',
    timeoutMs: 5_000,
    load: () => Promise.resolve(undefined),
    repr: (note) => note.name,
    matchFields: {},
    matchValues: () => ({}),
    prepare: (out) => void out.run(sh`install -d ${dir}`),
    actions: {
      save: (out, note) => writeFileCommands(out, fileOf(note), note.content ?? ''),
      fail(out, note) {
        out.run(sh`touch ${`${fileOf(note)}.started`}`)
        out.run(sh`(exit ${note.status ?? 1})`)
        out.run(sh`touch ${`${fileOf(note)}.never`}`)
      },
      secret: (out, note) =>
        void out.run(sh`printf '%s' ${new Secret(note.content ?? '')} > ${fileOf(note)}`),
      // Reads standard input, where the script itself arrives.
      drain: (out) => void out.run(sh`cat > /dev/null`),
      nothing: () => {},
      delete: (out, note) => void out.run(sh`rm -f ${fileOf(note)}`),
    },
    commit: (out) => void out.run(sh`touch ${`${dir}/committed`}`),
    ...overrides,
  })
}

type Operation = [action: string, note: Note]

/** The script of one backend on one server, put together the way the engine does. */
function scriptOf(backend: Backend<Note>, operations: Operation[]): ComposedScript {
  const head = new Commands()
  backend.prepare?.(head, server)
  const blocks = operations.map(([action, note], index) => {
    const commands = new Commands()
    backend.actions[action]!(commands, note, server)
    return { label: `${action} account #${index + 1}`, commands }
  })
  const tail = new Commands()
  backend.commit?.(tail, server)
  return composeScript({ title: 'Test script', head, blocks, tail })
}

/** A script of one block, for commands that no action of the test backend writes. */
function oneBlockScript(...commands: ShellText[]): ComposedScript {
  const block = { label: 'test block', commands: new Commands() }
  commands.forEach((command) => block.commands.run(command))
  return composeScript({
    title: 'Test',
    head: new Commands(),
    blocks: [block],
    tail: new Commands(),
  })
}

/** A here-document in a command's literal text, as a backend may well write one. */
const heredoc = (file: string) => sh`cat > ${file} <<'EOF'
  kept as it is
EOF`

let dir: string
let out: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orchestra-script-'))
  out = join(dir, 'out')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the script as the server would (`bash -s`, script on stdin), in the temp folder. */
const run = (script: string) => runBash(script, { cwd: dir })

const markers = (stderr: string) =>
  [...stderr.matchAll(new RegExp(FAILED_OPERATION.source, 'gm'))].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ])

describe('composeScript', () => {
  it('writes the prepare once, one block per operation and the commit once', () => {
    const notes: Operation[] = [1, 2, 3].map((n) => ['save', { name: `n${n}`, content: 'x' }])
    const { text } = scriptOf(noteBackend(out), notes)
    const lines = text.split('\n')

    expect(lines[0]).toBe('#!/bin/bash')
    expect(lines.filter((line) => ['set -uo pipefail', 'exit_code=0'].includes(line))).toEqual([
      'set -uo pipefail',
      'exit_code=0',
    ])
    expect(text.indexOf('exit_code=0')).toBeLessThan(text.indexOf('# prepare'))
    expect(lines.filter((line) => line === '# prepare')).toHaveLength(1)
    expect(lines.filter((line) => line.includes(`install -d ${out}`))).toHaveLength(1)
    expect(lines.filter((line) => /^# \d+\/3 save account #\d+$/.test(line))).toEqual([
      '# 1/3 save account #1',
      '# 2/3 save account #2',
      '# 3/3 save account #3',
    ])
    expect(lines.filter((line) => line === '# commit')).toHaveLength(1)
    expect(lines.filter((line) => line === 'status=$?')).toHaveLength(4)
    expect(text.endsWith('\nexit "$exit_code"\n')).toBe(true)
    expect(text.indexOf('# prepare')).toBeLessThan(text.indexOf('# 1/3'))
    expect(text.indexOf('# 3/3')).toBeLessThan(text.indexOf('# commit'))
  })

  it('leaves out the prepare and the commit when the backend has none', () => {
    const backend = noteBackend(out, { prepare: undefined, commit: undefined })
    const { text } = scriptOf(backend, [['save', { name: 'a' }]])
    expect(text).not.toContain('# prepare')
    expect(text).not.toContain('# commit')
    expect(text).toContain('# 1/1 save account #1')
  })

  it('counts a script whose blocks say nothing as empty', () => {
    const backend = noteBackend(out)
    expect(scriptOf(backend, [['nothing', { name: 'a' }]]).empty).toBe(true)
    expect(scriptOf(backend, []).empty).toBe(true)
    expect(
      scriptOf(backend, [
        ['nothing', { name: 'a' }],
        ['save', { name: 'b' }],
      ]).empty,
    ).toBe(false)
  })
})

// Static checks

const checkScripts = (scripts: Record<string, string>) => checkScriptsIn(dir, scripts)

describe('generated scripts', () => {
  it('pass bash -n and shellcheck in every shape', () => {
    const backend = noteBackend(out)
    const bare = noteBackend(out, { prepare: undefined, commit: undefined })
    const withSecret = scriptOf(backend, [['secret', { name: 's', content: "p'w $(x)" }]])
    const scripts = {
      nothing: scriptOf(bare, []).text,
      'empty-blocks': scriptOf(backend, [
        ['nothing', { name: 'a' }],
        ['nothing', { name: 'b' }],
      ]).text,
      'no-prepare-no-commit': scriptOf(bare, [['save', { name: 'a', content: 'x' }]]).text,
      'prepare-only': scriptOf(noteBackend(out, { commit: undefined }), [['delete', { name: 'a' }]])
        .text,
      full: scriptOf(backend, [
        ['save', { name: 'a', content: 'one\ntwo\n' }],
        ['fail', { name: 'b', status: 4 }],
        ['delete', { name: 'c' }],
      ]).text,
      'secret-text': withSecret.text,
      'secret-redacted': withSecret.redacted,
      'here-document': oneBlockScript(heredoc(join(out, 'h'))).text,
    }
    expect(checkScripts(scripts)).toEqual([])
  })

  it('pass bash -n and shellcheck with hostile values in names, contents and secrets', () => {
    // shellcheck takes seconds for a script of hundreds of blocks: many small ones instead.
    const note = fc.record({ name: hostileString('./'), content: hostileString('./') })
    const script = fc.array(note, { minLength: 10, maxLength: 10 }).map((notes) =>
      scriptOf(
        noteBackend(out),
        notes.flatMap((n): Operation[] => [
          ['save', n],
          ['secret', n],
          ['delete', n],
        ]),
      ),
    )
    const property = fc.property(fc.array(script, { minLength: 10, maxLength: 10 }), (scripts) => {
      const texts = scripts.flatMap(({ text, redacted }, i) => [
        [`text-${i}`, text],
        [`redacted-${i}`, redacted],
      ])
      expect(checkScripts(Object.fromEntries(texts))).toEqual([])
    })
    fc.assert(property, { numRuns: 1, endOnFailure: true })
  })
})

// Running them

describe('running a composed script', () => {
  it('goes on after a failing block, marks it on stderr and exits with its status', () => {
    const { text } = scriptOf(noteBackend(out), [
      ['save', { name: 'a', content: 'a' }],
      ['fail', { name: 'b', status: 7 }],
      ['save', { name: 'c', content: 'c' }],
      ['fail', { name: 'd', status: 3 }],
      ['save', { name: 'e', content: 'e' }],
    ])
    const result = run(text)

    expect(result.status).toBe(3)
    expect(markers(result.stderr)).toEqual([
      [2, 7],
      [4, 3],
    ])
    expect(result.stderr).toContain('[orchestra] operation 2 failed with exit code 7\n')
    expect(readdirSync(out).sort()).toEqual(['a', 'b.started', 'c', 'committed', 'd.started', 'e'])
  })

  it('stops a block at its first failing command', () => {
    run(scriptOf(noteBackend(out), [['fail', { name: 'b', status: 5 }]]).text)
    expect(existsSync(join(out, 'b.started'))).toBe(true)
    expect(existsSync(join(out, 'b.never'))).toBe(false)
  })

  it('exits 0 with nothing on stderr when every block succeeds', () => {
    const result = run(scriptOf(noteBackend(out), [['save', { name: 'a', content: 'a' }]]).text)
    expect(result).toMatchObject({ status: 0, stderr: '' })
  })

  it('runs no block when the prepare fails', () => {
    writeFileSync(out, 'a file where the folder should be')
    const result = run(scriptOf(noteBackend(out), [['save', { name: 'a', content: 'a' }]]).text)
    expect(result.status).not.toBe(0)
    expect(markers(result.stderr)).toEqual([])
    expect(readFileSync(out, 'utf8')).toBe('a file where the folder should be')
  })

  it('reports a failing commit after running every block', () => {
    const failingCommit = noteBackend(out, { commit: (tail) => void tail.run(sh`(exit 9)`) })
    const result = run(scriptOf(failingCommit, [['save', { name: 'a', content: 'a' }]]).text)
    expect(result.status).toBe(9)
    expect(result.stderr).toBe('[orchestra] commit failed with exit code 9\n')
    expect(readFileSync(join(out, 'a'), 'utf8')).toBe('a')
  })

  it('writes a multi-line value exactly, without indenting its lines', () => {
    const content = 'line 1\n  line 2\n\n\tEOF\n# not a comment\n'
    run(scriptOf(noteBackend(out), [['save', { name: 'a', content }]]).text)
    expect(readFileSync(join(out, 'a'), 'utf8')).toBe(content)
  })

  it('runs a here-document in a block as written', () => {
    const script = oneBlockScript(sh`install -d ${out}`, heredoc(join(out, 'h')))
    expect(run(script.text)).toMatchObject({ status: 0, stderr: '' })
    expect(readFileSync(join(out, 'h'), 'utf8')).toBe('  kept as it is\n')
  })

  it('runs every block even when commands read standard input', () => {
    const drain = sh`cat > /dev/null`
    const backend = noteBackend(out, {
      prepare: (head) => void head.run(sh`install -d ${out}`).run(drain),
      commit: (tail) => void tail.run(drain).run(sh`touch ${join(out, 'committed')}`),
    })
    const save = (name: string): Operation => ['save', { name, content: name }]
    const script = scriptOf(backend, [save('a'), ['drain', { name: 'x' }], save('b')])

    expect(run(script.text)).toMatchObject({ status: 0, stderr: '' })
    expect(readdirSync(out).sort()).toEqual(['a', 'b', 'committed'])
  })
})

describe('script comments', () => {
  it('keep a title or label with line breaks on one comment line', () => {
    const commands = new Commands().run(sh`true`)
    const script = composeScript({
      title: 'title\ntouch ./pwned1',
      head: new Commands(),
      blocks: [{ label: 'label\r\ntouch ./pwned2\n#', commands }],
      tail: new Commands(),
    })
    expect(run(script.text)).toMatchObject({ status: 0, stderr: '' })
    expect(readdirSync(dir)).toEqual([])
    expect(checkScripts({ comments: script.text })).toEqual([])
  })

  it('name operations by action, type and id only, whatever the objects hold', () => {
    const hostile = 'web\n$(touch ./pwned)\n'
    const backend = noteBackend(out)
    const operations = ['save', 'delete'].map((action, index) => ({
      op: { backend, action, objectType: 'account', objectId: 11 + index },
      object: { name: hostile, content: hostile },
      repr: hostile,
    }))
    const route = { server: { id: 7, name: hostile, address: hostile }, route: {} }
    const { text } = composeGroup({ route, backend, isAsync: false, operations } as never)

    const comments = text.split('\n').filter((line, i, lines) => {
      return line.startsWith('# ') && (i === 1 || lines[i + 1] === '(' || lines[i + 1] === 'set -e')
    })
    expect(comments).toEqual([
      '# Orchestra Desktop: test-notes on server #7, 2 operation(s)',
      '# prepare',
      '# 1/2 save account #11',
      '# 2/2 delete account #12',
      '# commit',
    ])
  })
})
