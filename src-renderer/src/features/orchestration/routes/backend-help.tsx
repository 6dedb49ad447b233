import type { ReactNode } from 'react'
import { Badge, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { Trans, useTranslation } from 'react-i18next'
import type { BackendInfo } from '../../../../../src-shared/schemas/orchestration'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {title}
      </Text>
      {children}
    </Stack>
  )
}

function Tags({ values }: { values: string[] }) {
  const { t } = useTranslation()
  if (values.length === 0) return <Text size="sm">{t('common.none')}</Text>
  return (
    <Group gap={4}>
      {values.map((value) => (
        <Badge key={value} variant="outline" color="gray" tt="none">
          {value}
        </Badge>
      ))}
    </Group>
  )
}

/** A short expression on the backend's own fields, so the syntax is seen at work. */
function exampleMatch(backend: BackendInfo): string | undefined {
  const model = backend.model.toLowerCase()
  const fields = Object.entries(backend.matchFields)
  const text = fields.find(([, type]) => type === 'string')?.[0]
  const flag = fields.find(([, type]) => type === 'bool')?.[0]
  if (text && flag) return `${model}.${flag} && ${model}.${text}.startsWith("a")`
  if (text) return `${model}.${text}.startsWith("a")`
  return flag && `${model}.${flag}`
}

function MatchFields({ backend }: { backend: BackendInfo }) {
  const { t } = useTranslation()
  const model = backend.model.toLowerCase()
  const example = exampleMatch(backend)
  return (
    <Section title={t('routeForm.help.fields')}>
      <Text size="sm">
        <Trans
          i18nKey="routeForm.help.fieldsIntro"
          values={{ model }}
          components={{ code: <Code /> }}
        />
      </Text>
      <Table withTableBorder verticalSpacing={4} fz="sm">
        <Table.Tbody>
          {Object.entries(backend.matchFields).map(([name, type]) => (
            <Table.Tr key={name}>
              <Table.Td>
                <Code>{`${model}.${name}`}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {type}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {example && (
        <Text size="xs" c="dimmed">
          {t('routeForm.help.example')} <Code>{example}</Code>
        </Text>
      )}
    </Section>
  )
}

/** What the chosen backend does, and what its match expression can look at. */
export function BackendHelp({ backend }: { backend?: BackendInfo }) {
  const { t } = useTranslation()

  return (
    <Paper withBorder p="lg" component="aside" aria-label={t('routeForm.help.title')}>
      {!backend ? (
        <Group gap="xs" c="dimmed" wrap="nowrap">
          <IconInfoCircle size={18} />
          <Text size="sm">{t('routeForm.help.choose')}</Text>
        </Group>
      ) : (
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={4}>{backend.label}</Title>
            <Text size="sm">{backend.description}</Text>
          </Stack>
          <Section title={t('routeForm.help.model')}>
            <Tags values={[backend.model]} />
          </Section>
          <Section title={t('routeForm.help.related')}>
            <Tags values={backend.relatedModels} />
          </Section>
          <Section title={t('routeForm.help.actions')}>
            <Tags values={backend.actions} />
          </Section>
          <Section title={t('routeForm.help.defaultMatch')}>
            <Code>{backend.defaultRouteMatch}</Code>
          </Section>
          <MatchFields backend={backend} />
        </Stack>
      )}
    </Paper>
  )
}
