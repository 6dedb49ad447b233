import type { FieldIssue } from '../../../src-shared/errors'

/** Dotted paths of a form's inputs: `username`, `contacts.0.email`... */
export function formPaths(values: object, prefix = ''): Set<string> {
  const paths = new Set<string>()
  for (const [key, value] of Object.entries(values)) {
    const path = prefix + key
    const isObjectList = Array.isArray(value) && value.some((item) => typeof item === 'object')
    if (isObjectList) {
      value.forEach((item, index) => {
        for (const inner of formPaths(item as object, `${path}.${index}.`)) paths.add(inner)
      })
    } else {
      paths.add(path)
    }
  }
  return paths
}

/** Issues no input can show (the whole request, a list, a field the form lacks). */
export function unplacedIssues(issues: FieldIssue[], values: object): FieldIssue[] {
  const paths = formPaths(values)
  return issues.filter((issue) => !paths.has(issue.field))
}

/** Moves the keyboard to the first input that reports an error, once it has rendered. */
export function focusFirstError(formId: string, framesLeft = 10) {
  // The errors render on a later frame than the one that set them: look for a few frames.
  requestAnimationFrame(() => {
    const form = document.getElementById(formId)
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]')
    if (invalid) invalid.focus()
    else if (framesLeft > 0) focusFirstError(formId, framesLeft - 1)
  })
}
