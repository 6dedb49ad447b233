import { Alert, List } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { FieldIssue } from '../../../src-shared/errors'
import { issueMessage } from '../api/errors'
import { i18next } from '../i18n'
import { translateOr } from '../i18n/translate'

// `contacts.1.email` reads as "Email (Contact 2)".
function fieldLabel(field: string): string {
  const [head = field, index, leaf] = field.split('.')
  if (head === 'contacts' && leaf && index !== undefined) {
    const contact = i18next.t('contactForm.legend', { index: Number(index) + 1 })
    return `${translateOr(`fields.${leaf}`, leaf)} (${contact})`
  }
  return translateOr(`fields.${head}`, head)
}

/** Errors that belong to no single input, listed above the form. */
export function FormIssuesAlert({ issues }: { issues: FieldIssue[] }) {
  const { t } = useTranslation()
  if (issues.length === 0) return null

  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={t('accountForm.fixErrors')} role="alert">
      <List size="sm">
        {issues.map((issue) => (
          <List.Item key={`${issue.field}:${issue.rule}`}>
            {issue.field === '(request)'
              ? issueMessage(issue)
              : `${fieldLabel(issue.field)}: ${issueMessage(issue)}`}
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}
