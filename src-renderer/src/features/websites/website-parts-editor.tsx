import { ActionIcon, Button, Group, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import {
  DIRECTIVE_NAMES,
  DIRECTIVES,
  type DirectiveName,
} from '../../../../src-shared/schemas/website-directives'
import { emptyContent, emptyDirective, type WebsiteValues } from './website-form-values'

type Form = UseFormReturnType<WebsiteValues>
type ListPath = 'contents' | 'directives'
/** Mantine's path typing cannot follow a field chosen at run time inside a list item. */
type LoosePath = Parameters<Form['setFieldValue']>[0]

function RemoveButton({ form, path, index }: { form: Form; path: ListPath; index: number }) {
  const { t } = useTranslation()
  const label = t(
    path === 'contents' ? 'websites.form.removeContent' : 'websites.form.removeDirective',
    {
      index: index + 1,
    },
  )
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="subtle"
        color="red"
        size="lg"
        aria-label={label}
        onClick={() => form.removeListItem(path, index)}
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Tooltip>
  )
}

function ContentRow(props: {
  form: Form
  index: number
  webapps: { value: string; label: string }[]
}) {
  const { form, index } = props
  const { t } = useTranslation()
  const content = form.getValues().contents[index]!
  const prefix = `contents.${index}.`
  return (
    <Group
      role="group"
      aria-label={t('websites.form.contentLegend', { index: index + 1 })}
      gap="xs"
      align="flex-start"
      wrap="nowrap"
    >
      <TextInput
        aria-label={t('websites.form.path')}
        placeholder="/"
        value={content.path}
        onChange={(event) =>
          form.setFieldValue(`${prefix}path` as LoosePath, event.currentTarget.value as never)
        }
        error={form.errors[`${prefix}path`]}
        autoComplete="off"
        spellCheck={false}
        w={200}
      />
      <Select
        aria-label={t('websites.form.webapp')}
        data={props.webapps}
        value={content.webappId}
        onChange={(value) => form.setFieldValue(`${prefix}webappId` as LoosePath, value as never)}
        error={form.errors[`${prefix}webappId`]}
        searchable
        style={{ flex: 1 }}
      />
      <RemoveButton form={form} path="contents" index={index} />
    </Group>
  )
}

const DIRECTIVE_OPTIONS = DIRECTIVE_NAMES.map((name) => ({ value: name, label: name }))

function DirectiveRow({ form, index }: { form: Form; index: number }) {
  const { t } = useTranslation()
  const directive = form.getValues().directives[index]!
  const prefix = `directives.${index}.`
  return (
    <Group
      role="group"
      aria-label={t('websites.form.directiveLegend', { index: index + 1 })}
      gap="xs"
      align="flex-start"
      wrap="nowrap"
    >
      <Select
        aria-label={t('websites.form.directive')}
        data={DIRECTIVE_OPTIONS}
        value={directive.name}
        onChange={(value) =>
          value && form.setFieldValue(`${prefix}name` as LoosePath, value as DirectiveName as never)
        }
        allowDeselect={false}
        w={170}
      />
      <TextInput
        aria-label={t('websites.form.value')}
        placeholder={DIRECTIVES[directive.name].syntax}
        value={directive.value}
        onChange={(event) =>
          form.setFieldValue(`${prefix}value` as LoosePath, event.currentTarget.value as never)
        }
        error={form.errors[`${prefix}value`]}
        autoComplete="off"
        spellCheck={false}
        style={{ flex: 1 }}
      />
      <RemoveButton form={form} path="directives" index={index} />
    </Group>
  )
}

/** The web apps mounted on the site, as rows of path and app. */
export function ContentsEditor({
  form,
  webapps,
}: {
  form: Form
  webapps: { value: string; label: string }[]
}) {
  const { t } = useTranslation()
  const contents = form.getValues().contents
  return (
    <Stack gap="sm">
      {contents.length === 0 && <Text size="sm">{t('websites.form.noContents')}</Text>}
      {contents.map((content, index) => (
        <ContentRow key={content.formKey} form={form} index={index} webapps={webapps} />
      ))}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => form.insertListItem('contents', emptyContent())}
        >
          {t('websites.form.addContent')}
        </Button>
      </Group>
    </Stack>
  )
}

/** The directives, each value's help following its directive. */
export function DirectivesEditor({ form }: { form: Form }) {
  const { t } = useTranslation()
  const directives = form.getValues().directives
  return (
    <Stack gap="sm">
      {directives.length === 0 && <Text size="sm">{t('websites.form.noDirectives')}</Text>}
      {directives.map((directive, index) => (
        <DirectiveRow key={directive.formKey} form={form} index={index} />
      ))}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => form.insertListItem('directives', emptyDirective())}
        >
          {t('websites.form.addDirective')}
        </Button>
      </Group>
    </Stack>
  )
}
