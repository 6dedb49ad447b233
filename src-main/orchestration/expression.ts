import { Environment } from '@marcbachmann/cel-js'
import type { FieldIssue } from '../../src-shared/errors'
import type { AnyBackend, MatchFieldType } from './backend'

/**
 * Route match expressions are CEL (Common Expression Language): attribute paths, comparison,
 * boolean logic and string functions such as `endsWith`, and nothing that can reach the
 * process. Each is type-checked at save time against the fields the backend declares, so a
 * misspelt field is a field error then, never a failed save later.
 *
 * The object is bound to three names, as in the original: `instance`, `obj` and the model
 * name (`account`).
 */

export type CompiledMatch = (values: Record<string, unknown>) => boolean

/** A blank match means every object. */
export function normaliseMatch(match: string | undefined | null): string {
  const trimmed = (match ?? '').trim()
  return trimmed === '' ? 'true' : trimmed
}

function environmentFor(backend: AnyBackend): Environment {
  const schema = Object.fromEntries(
    Object.entries(backend.matchFields as Record<string, MatchFieldType>),
  )
  const env = new Environment({ limits: { maxAstNodes: 500, maxDepth: 32 } })
  for (const name of new Set(['instance', 'obj', backend.model.toLowerCase()])) {
    env.registerVariable({ name, schema })
  }
  return env
}

const environments = new WeakMap<AnyBackend, Environment>()

function cachedEnvironment(backend: AnyBackend): Environment {
  let env = environments.get(backend)
  if (!env) environments.set(backend, (env = environmentFor(backend)))
  return env
}

/** The first line of a CEL error, with its kind: "TypeError: No such key: nonexistent". */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const first = error.message.split('\n')[0]?.trim() ?? ''
  return `${error.name}: ${first}`
}

/** Checks an expression; returns the field issue that explains what is wrong, if anything. */
export function checkMatch(backend: AnyBackend, match: string): FieldIssue | undefined {
  const result = cachedEnvironment(backend).check(normaliseMatch(match))
  if (!result.valid) {
    return { field: 'match', rule: 'expression', message: describeError(result.error) }
  }
  if (result.type !== 'bool') {
    return {
      field: 'match',
      rule: 'expression',
      message: `must be true or false, not ${result.type}`,
    }
  }
  return undefined
}

/** CEL integers are BigInts; everything else passes as it is. */
function toCel(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : value,
    ]),
  )
}

export function compileMatch(backend: AnyBackend, match: string): CompiledMatch {
  const evaluate = cachedEnvironment(backend).parse(normaliseMatch(match))
  return (values) => {
    const object = toCel(values)
    const names = ['instance', 'obj', backend.model.toLowerCase()]
    return evaluate(Object.fromEntries(names.map((name) => [name, object]))) === true
  }
}

export { describeError as describeMatchError }
