import { Checkbox, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { FormSection } from '../../components/form-section'
import { requiredInput } from '../../components/required'
import type { BillingSettings } from './billing-settings'
import type { ServiceFormValues } from './service-form-values'
import { billingPointOptions, fromSelect, serviceOptions, toSelect } from './service-options'

type Form = UseFormReturnType<ServiceFormValues>
type Field = keyof ServiceFormValues

interface FieldsProps {
  form: Form
  settings: BillingSettings
}

/** A choice whose blank value Mantine cannot hold as such: it goes through `BLANK`. */
function choiceProps(form: Form, field: Field) {
  const input = form.getInputProps(field)
  return {
    ...input,
    value: toSelect(String(form.values[field])),
    onChange: (value: string | null) => form.setFieldValue(field, fromSelect(value) as never),
    allowDeselect: false,
  }
}

function Expression(props: { form: Form; field: 'match' | 'metric' | 'orderDescription' }) {
  const { t } = useTranslation()
  return (
    <Textarea
      label={t(`billing.services.fields.${props.field}`)}
      description={t(`billing.services.hints.${props.field}`)}
      autosize
      minRows={1}
      maxRows={6}
      // Only the typed expression is code; the label and hint stay in the text face.
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      spellCheck={false}
      autoComplete="off"
      {...props.form.getInputProps(props.field)}
    />
  )
}

function Flag({ form, field }: { form: Form; field: Field }) {
  const { t } = useTranslation()
  return (
    <Checkbox
      label={t(`billing.services.fields.${field}` as never)}
      {...form.getInputProps(field, { type: 'checkbox' })}
    />
  )
}

/** What is billed: the kind of object, which of them, and whether the service is in use. */
export function ServiceWhatFields({ form, settings }: FieldsProps) {
  const { t } = useTranslation()
  const options = serviceOptions(t, settings)
  return (
    <FormSection title={t('billing.services.form.sectionWhat')}>
      <TextInput
        label={t('billing.services.fields.description')}
        autoComplete="off"
        {...requiredInput}
        {...form.getInputProps('description')}
      />
      <Select
        label={t('billing.services.fields.contentType')}
        data={options.contentType}
        searchable
        {...requiredInput}
        {...choiceProps(form, 'contentType')}
      />
      <Expression form={form} field="match" />
      <Select
        label={t('billing.services.fields.handlerType')}
        data={[{ value: '-', label: t('billing.services.defaultHandler') }]}
        value="-"
        disabled
      />
      <Flag form={form} field="isActive" />
      <Flag form={form} field="ignoreSuperusers" />
      <Flag form={form} field="periodicUpdate" />
    </FormSection>
  )
}

/** When and how it is billed: period, anchor, trial, cancellation. */
export function ServiceWhenFields({ form, settings }: FieldsProps) {
  const { t } = useTranslation()
  const options = serviceOptions(t, settings)
  const points = billingPointOptions(t, form.values.billingPeriod, settings)
  return (
    <FormSection title={t('billing.services.form.sectionWhen')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('billing.services.fields.billingPeriod')}
          data={options.billingPeriod}
          {...choiceProps(form, 'billingPeriod')}
        />
        <Select
          label={t('billing.services.fields.billingPoint')}
          data={points}
          {...choiceProps(form, 'billingPoint')}
        />
        <Select
          label={t('billing.services.fields.paymentStyle')}
          data={options.paymentStyle}
          {...choiceProps(form, 'paymentStyle')}
        />
        <Select
          label={t('billing.services.fields.ignorePeriod')}
          description={t('billing.services.hints.ignorePeriod')}
          data={options.ignorePeriod}
          {...choiceProps(form, 'ignorePeriod')}
        />
      </SimpleGrid>
      <Select
        label={t('billing.services.fields.onCancel')}
        description={t('billing.services.hints.onCancel')}
        data={options.onCancel}
        {...choiceProps(form, 'onCancel')}
      />
      <Flag form={form} field="isFee" />
    </FormSection>
  )
}

/** What it costs: metric, price, tax and rating. */
export function ServicePriceFields({ form, settings }: FieldsProps) {
  const { t } = useTranslation()
  const options = serviceOptions(t, settings)
  return (
    <FormSection title={t('billing.services.form.sectionPrice')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('billing.services.fields.nominalPrice')}
          description={t('billing.services.hints.nominalPrice')}
          inputMode="decimal"
          autoComplete="off"
          {...requiredInput}
          {...form.getInputProps('nominalPrice')}
        />
        <Select
          label={t('billing.services.fields.tax')}
          data={options.tax}
          {...choiceProps(form, 'tax')}
        />
        <Select
          label={t('billing.services.fields.pricingPeriod')}
          data={options.pricingPeriod}
          {...choiceProps(form, 'pricingPeriod')}
        />
        <Select
          label={t('billing.services.fields.rateAlgorithm')}
          data={options.rateAlgorithm}
          {...choiceProps(form, 'rateAlgorithm')}
        />
      </SimpleGrid>
      <Expression form={form} field="metric" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('billing.services.fields.metricThreshold')}
          description={t('billing.services.hints.metricThreshold')}
          inputMode="decimal"
          autoComplete="off"
          {...form.getInputProps('metricThreshold')}
        />
        <Flag form={form} field="metricThresholdRelative" />
      </SimpleGrid>
      <Expression form={form} field="orderDescription" />
    </FormSection>
  )
}
