import type {
  WebappChoices,
  WebappCreate,
  WebappDetail,
  WebappType,
  WebappUpdate,
} from '../../../../src-shared/schemas/webapps'
import { checkOption, WEBAPP_TYPES } from '../../../../src-shared/schemas/webapps'
import { versionNumber } from '../../../../src-shared/schemas/webapp-settings'

export interface WebappFormValues {
  accountId: string | null
  name: string
  type: WebappType
  runtime: string
  linkTarget: string
  options: { name: string; value: string }[]
}

export const emptyWebapp = (accountId: string | null): WebappFormValues => ({
  accountId,
  name: '',
  type: 'php',
  runtime: '',
  linkTarget: '',
  options: [],
})

export const valuesOf = (detail: WebappDetail): WebappFormValues => ({
  accountId: String(detail.webapp.accountId),
  name: detail.webapp.name,
  type: detail.webapp.type,
  runtime: detail.webapp.runtime,
  linkTarget: detail.webapp.linkTarget,
  options: detail.webapp.options.map((option) => ({ ...option })),
})

/** The versions a type may choose from, and the one a new app starts with. */
export function runtimeChoices(type: WebappType, choices: WebappChoices | undefined) {
  const kind = WEBAPP_TYPES[type].runtime
  if (!choices || kind === 'none') return { versions: [], fallback: '' }
  return kind === 'php'
    ? { versions: choices.phpVersions, fallback: choices.defaultPhpVersion }
    : { versions: choices.pythonVersions, fallback: choices.defaultPythonVersion }
}

const options = (values: WebappFormValues) =>
  values.options.map((option) => ({ name: option.name, value: option.value.trim() }))

export const toCreateRequest = (values: WebappFormValues): WebappCreate => ({
  accountId: Number(values.accountId) || 0,
  name: values.name.trim(),
  type: values.type,
  ...(WEBAPP_TYPES[values.type].runtime !== 'none' && values.runtime
    ? { runtime: values.runtime }
    : {}),
  linkTarget: values.type === 'symbolic-link' ? values.linkTarget.trim() : '',
  options: options(values),
})

export const toUpdateRequest = (
  values: WebappFormValues,
  id: number,
  version: number,
): WebappUpdate => ({
  id,
  version,
  ...(values.runtime ? { runtime: values.runtime } : {}),
  options: options(values),
})

/** Each option by its own rule, as the server checks it: errors land on the value's field. */
export function optionErrors(values: WebappFormValues): Record<string, string> {
  const kind = WEBAPP_TYPES[values.type].runtime
  const php = kind === 'php' && values.runtime ? versionNumber(values.runtime) : ''
  const errors: Record<string, string> = {}
  values.options.forEach((option, index) => {
    if (!option.name) errors[`options.${index}.name`] = 'Choose an option'
    else {
      const problem = checkOption(option.name, option.value.trim(), php)
      if (problem) errors[`options.${index}.value`] = problem.message
    }
  })
  return errors
}
