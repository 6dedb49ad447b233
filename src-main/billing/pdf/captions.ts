import type { Language } from '../../../src-shared/schemas/accounts'
import type { BillType } from '../bill-document'
import { longDateText, periodInSentence } from '../bill-text'
import { billText, languageOfTag, type BillTextKey, type BillTextValues } from '../bill-texts'

/**
 * The printed bill's own words (spec: billing 8), in the account's language, from the bill
 * catalogue (bill-texts.ts).
 */
export interface BillCaptions {
  language: Language
  /** Title case, as the title prints it. */
  types: Record<BillType, string>
  dueDate: string
  total: string
  /** The third summary box: "INVOICE DATE", "FEE DATE"... */
  typeDate: (typeTitle: string) => string
  columns: {
    id: string
    description: string
    period: string
    quantity: string
    rate: string
    subtotal: string
  }
  taxBase: (rate: string) => string
  taxAmount: (rate: string) => string
  totalRow: string
  vat: string
  comments: string
  payment: string
  questions: string
  bankTransfer: (typeTitle: string) => string
  questionsText: (email: string) => string
  page: (page: number, pages: number) => string
  logoPlaceholder: string
  watermark: string
  feeDueDate: (date: string) => string
  feeBankAccount: (account: string) => string
  feePeriod: (start: string, end: string) => string
  feeThanks: string
}

const BILL_TYPES: readonly BillType[] = [
  'INVOICE',
  'AMENDMENTINVOICE',
  'FEE',
  'AMENDMENTFEE',
  'PROFORMA',
]

const COLUMNS = ['id', 'description', 'period', 'quantity', 'rate', 'subtotal'] as const

function buildCaptions(language: Language): BillCaptions {
  const t = (key: BillTextKey, values?: BillTextValues) => billText(language, key, values)
  return {
    language,
    types: Object.fromEntries(BILL_TYPES.map((type) => [type, t(`billType.${type}`)])) as Record<
      BillType,
      string
    >,
    dueDate: t('pdf.dueDate'),
    total: t('pdf.total'),
    typeDate: (type) => t('pdf.typeDate', { type: type.toUpperCase() }),
    columns: Object.fromEntries(
      COLUMNS.map((column) => [column, t(`pdf.columns.${column}`)]),
    ) as BillCaptions['columns'],
    taxBase: (rate) => t('pdf.taxBase', { rate }),
    taxAmount: (rate) => t('pdf.taxAmount', { rate }),
    totalRow: t('pdf.totalRow'),
    vat: t('pdf.vat'),
    comments: t('pdf.comments'),
    payment: t('pdf.payment'),
    questions: t('pdf.questions'),
    bankTransfer: (type) => t('pdf.bankTransfer', { type: type.toLowerCase() }),
    questionsText: (email) => t('pdf.questionsText', { email }),
    page: (page, pages) => t('pdf.page', { page, pages }),
    logoPlaceholder: t('pdf.logoPlaceholder'),
    watermark: t('pdf.watermark'),
    feeDueDate: (date) => t('pdf.feeDueDate', { date }),
    feeBankAccount: (account) => t('pdf.feeBankAccount', { account }),
    feePeriod: (start, end) =>
      t('pdf.feePeriod', { start: periodInSentence(start, language), end }),
    feeThanks: t('pdf.feeThanks'),
  }
}

// Built once per language: a bill reads its captions hundreds of times while it is laid out.
const BY_LANGUAGE = new Map<Language, BillCaptions>()

/**
 * The captions for a language tag such as "es" or "en-GB" (a bill document keeps the tag);
 * a language the catalogue does not have prints in English.
 */
export function captionsFor(tag: string): BillCaptions {
  const language = languageOfTag(tag)
  let captions = BY_LANGUAGE.get(language)
  if (!captions) BY_LANGUAGE.set(language, (captions = buildCaptions(language)))
  return captions
}

/** "2024-05-31" as "May 31, 2024"; text that is not such a date prints as it is. */
export function longDate(captions: BillCaptions, date: string): string {
  return longDateText(date, captions.language)
}
