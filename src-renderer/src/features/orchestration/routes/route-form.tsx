import { useState } from 'react'
import { Button, Grid, Group, Paper, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import {
  routeCreateSchema,
  routeUpdateSchema,
  type Route,
} from '../../../../../src-shared/schemas/orchestration'
import { schemaErrors } from '../../../api/errors'
import { useChannelMutation } from '../../../api/queries'
import { ConflictAlert } from '../../../components/conflict-alert'
import { FormIssuesAlert } from '../../../components/form-issues-alert'
import { Page } from '../../../components/page'
import { useSubmitErrors } from '../../../hooks/use-submit-errors'
import { notifySuccess } from '../../../lib/notify'
import { useBackendOptions } from '../common/use-options'
import { BackendHelp } from './backend-help'
import { DeleteRouteButton } from './delete-route-button'
import { RouteFields } from './route-fields'
import { emptyRoute, routeToForm, toRouteRequest, type RouteFormValues } from './route-form-values'

interface RouteFormProps {
  route?: Route
  serverId?: string | null
  /** Reloads the route after a conflict. */
  onReload?: () => void
}

/** Only the fields an update may change: the backend stays. */
function updateRequest(values: RouteFormValues, route: Route, version: number) {
  const { backend: _backend, ...fields } = toRouteRequest(values)
  return { ...fields, id: route.id, version }
}

export function RouteForm({ route, serverId = null, onReload }: RouteFormProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { backends } = useBackendOptions()
  const [version] = useState(route?.version ?? 1)
  const create = useChannelMutation('routes:create')
  const update = useChannelMutation('routes:update')
  const form = useForm<RouteFormValues>({
    initialValues: route ? routeToForm(route) : emptyRoute(serverId),
    validate: (values) =>
      route
        ? schemaErrors(routeUpdateSchema, updateRequest(values, route, version))
        : schemaErrors(routeCreateSchema, toRouteRequest(values)),
    // A new backend brings its default expression, unless the operator wrote their own.
    onValuesChange: (values, previous) => {
      if (values.backend === previous.backend) return
      const before = backends.find((backend) => backend.id === previous.backend)
      const after = backends.find((backend) => backend.id === values.backend)
      if (after && (!values.match || values.match === before?.defaultRouteMatch)) {
        form.setFieldValue('match', after.defaultRouteMatch)
      }
    },
  })
  const backend = backends.find((entry) => entry.id === form.values.backend)
  const title = route
    ? t('routeForm.editTitle', { backend: route.backendLabel, server: route.serverName })
    : t('routeForm.createTitle')
  const submitErrors = useSubmitErrors(form, title)

  const handleSaved = (saved: Route) => {
    const values = { backend: saved.backendLabel, server: saved.serverName }
    notifySuccess(route ? t('routeForm.saved', values) : t('routeForm.created', values))
    navigate('/routes')
  }

  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    const options = { onSuccess: handleSaved, onError: submitErrors.handleError }
    if (route)
      update.mutate(routeUpdateSchema.parse(updateRequest(values, route, version)), options)
    else create.mutate(routeCreateSchema.parse(toRouteRequest(values)), options)
  }, submitErrors.focusError)

  return (
    <Page
      title={title}
      description={t('routeForm.description')}
      crumbs={[{ label: t('routes.title'), to: '/routes' }]}
      actions={route && <DeleteRouteButton route={route} />}
    >
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <form id={submitErrors.formId} onSubmit={handleSubmit} noValidate aria-label={title}>
            <Stack gap="lg">
              {submitErrors.conflict && (
                <ConflictAlert
                  title={t('routeForm.conflictTitle')}
                  body={t('routeForm.conflictBody')}
                  action={
                    onReload && (
                      <Button size="xs" variant="white" color="orange" onClick={onReload}>
                        {t('accountForm.loadLatest')}
                      </Button>
                    )
                  }
                />
              )}
              <FormIssuesAlert issues={submitErrors.unplaced} />
              <Paper withBorder p="lg">
                <RouteFields form={form} backend={backend} editing={Boolean(route)} />
              </Paper>
              <Group justify="flex-end" gap="sm">
                <Button variant="default" component={Link} to="/routes">
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={create.isPending || update.isPending}>
                  {route ? t('common.save') : t('routeForm.submitCreate')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <BackendHelp backend={backend} />
        </Grid.Col>
      </Grid>
    </Page>
  )
}
