import { useState } from 'react'
import { Button, Group, Paper, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import {
  serverCreateSchema,
  serverUpdateSchema,
  type Server,
} from '../../../../../src-shared/schemas/orchestration'
import { useApi } from '../../../api/client-context'
import { schemaErrors } from '../../../api/errors'
import { useChannelMutation } from '../../../api/queries'
import { ConflictAlert } from '../../../components/conflict-alert'
import { FormIssuesAlert } from '../../../components/form-issues-alert'
import { Page } from '../../../components/page'
import { useSubmitErrors } from '../../../hooks/use-submit-errors'
import { notifyFailure, notifySuccess } from '../../../lib/notify'
import { ServerFields } from './server-fields'
import {
  emptyServer,
  serverToForm,
  toServerRequest,
  type ServerFormValues,
} from './server-form-values'

/** A new server, or an edit of one; the shared schemas check both here and in main. */
export function ServerForm({ server }: { server?: Server }) {
  const { t } = useTranslation()
  const api = useApi()
  const navigate = useNavigate()
  const [version, setVersion] = useState(server?.version ?? 1)
  const create = useChannelMutation('servers:create')
  const update = useChannelMutation('servers:update')
  const identity = server ? { id: server.id, version } : {}
  const schema = server ? serverUpdateSchema : serverCreateSchema
  const form = useForm<ServerFormValues>({
    initialValues: server ? serverToForm(server) : emptyServer(),
    validate: (values) => schemaErrors(schema, { ...toServerRequest(values), ...identity }),
  })
  const title = server
    ? t('serverForm.editTitle', { name: server.name })
    : t('serverForm.createTitle')
  const submitErrors = useSubmitErrors(form, title)

  const handleSaved = (saved: Server) => {
    const key = server ? 'serverForm.saved' : 'serverForm.created'
    notifySuccess(t(key, { name: saved.name }))
    navigate(`/servers/${saved.id}`)
  }

  const handleLoadLatest = async () => {
    if (!server) return
    try {
      const latest = await api['servers:get']({ id: server.id })
      form.setValues(serverToForm(latest))
      setVersion(latest.version)
      submitErrors.clear()
    } catch (error) {
      notifyFailure(t('accountForm.loadLatest'), error)
    }
  }

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    const request = toServerRequest(values)
    const options = { onSuccess: handleSaved, onError: submitErrors.handleError }
    if (server) update.mutate(serverUpdateSchema.parse({ ...request, ...identity }), options)
    else create.mutate(serverCreateSchema.parse(request), options)
  }, submitErrors.focusError)

  return (
    <Page
      title={title}
      description={server ? undefined : t('serverForm.createDescription')}
      crumbs={[{ label: t('servers.title'), to: '/servers' }]}
    >
      <form id={submitErrors.formId} onSubmit={handleSubmit} noValidate aria-label={title}>
        <Stack gap="lg" maw={880}>
          {submitErrors.conflict && (
            <ConflictAlert
              title={t('serverForm.conflictTitle')}
              body={t('serverForm.conflictBody')}
              action={
                <Button size="xs" variant="white" color="orange" onClick={handleLoadLatest}>
                  {t('accountForm.loadLatest')}
                </Button>
              }
            />
          )}
          <FormIssuesAlert issues={submitErrors.unplaced} />
          <Paper withBorder p="lg">
            <ServerFields form={form} />
          </Paper>
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              component={Link}
              to={server ? `/servers/${server.id}` : '/servers'}
            >
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {server ? t('common.save') : t('serverForm.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  )
}
