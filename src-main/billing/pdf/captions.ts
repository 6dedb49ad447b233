import type { BillType } from '../bill-document'

/** The printed bill's own words (spec: billing 8), in the account's language. */
export interface BillCaptions {
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
  months: readonly string[]
  longDate: (day: number, month: string, year: number) => string
}

const ENGLISH: BillCaptions = {
  types: {
    INVOICE: 'Invoice',
    AMENDMENTINVOICE: 'Amendment invoice',
    FEE: 'Fee',
    AMENDMENTFEE: 'Amendment fee',
    PROFORMA: 'Pro forma',
  },
  dueDate: 'DUE DATE',
  total: 'TOTAL',
  typeDate: (type) => `${type.toUpperCase()} DATE`,
  columns: {
    id: 'id',
    description: 'description',
    period: 'period',
    quantity: 'hrs/qty',
    rate: 'rate/price',
    subtotal: 'subtotal',
  },
  taxBase: (rate) => `subtotal ${rate}% VAT`,
  taxAmount: (rate) => `taxes ${rate}% VAT`,
  totalRow: 'total',
  vat: 'VAT',
  comments: 'COMMENTS',
  payment: 'PAYMENT',
  questions: 'QUESTIONS',
  bankTransfer: (type) =>
    `You can pay this ${type.toLowerCase()} by bank transfer. Please state your name and ` +
    `the ${type.toLowerCase()} number. Our bank account number is`,
  questionsText: (email) =>
    `If you have any question, please write to us at ${email}. ` +
    'We will reply as soon as we read your message.',
  page: (page, pages) => `Page ${page} of ${pages}`,
  logoPlaceholder: 'YOUR LOGO HERE',
  watermark: 'PRO FORMA / DRAFT',
  feeDueDate: (date) => `Due date ${date}`,
  feeBankAccount: (account) => `On ${account}`,
  feePeriod: (start, end) => `From ${start} to ${end}`,
  feeThanks: 'Thank you for your membership. Your support keeps our association going.',
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  longDate: (day, month, year) => `${month} ${day}, ${year}`,
}

const SPANISH: BillCaptions = {
  types: {
    INVOICE: 'Factura',
    AMENDMENTINVOICE: 'Factura rectificativa',
    FEE: 'Cuota',
    AMENDMENTFEE: 'Cuota rectificativa',
    PROFORMA: 'Proforma',
  },
  dueDate: 'VENCIMIENTO',
  total: 'TOTAL',
  typeDate: (type) => `FECHA DE ${type.toUpperCase()}`,
  columns: {
    id: 'id',
    description: 'descripción',
    period: 'periodo',
    quantity: 'h/cant.',
    rate: 'tarifa/precio',
    subtotal: 'subtotal',
  },
  taxBase: (rate) => `subtotal IVA ${rate}%`,
  taxAmount: (rate) => `impuestos IVA ${rate}%`,
  totalRow: 'total',
  vat: 'NIF',
  comments: 'COMENTARIOS',
  payment: 'PAGO',
  questions: 'PREGUNTAS',
  bankTransfer: (type) =>
    `Puede pagar esta ${type.toLowerCase()} por transferencia bancaria. Indique su nombre y ` +
    `el número de ${type.toLowerCase()}. Nuestra cuenta bancaria es`,
  questionsText: (email) =>
    `Si tiene alguna pregunta, escríbanos a ${email}. ` +
    'Le responderemos en cuanto leamos su mensaje.',
  page: (page, pages) => `Página ${page} de ${pages}`,
  logoPlaceholder: 'SU LOGO AQUÍ',
  watermark: 'PROFORMA / BORRADOR',
  feeDueDate: (date) => `Vencimiento ${date}`,
  feeBankAccount: (account) => `En ${account}`,
  feePeriod: (start, end) => `Del ${start} al ${end}`,
  feeThanks: 'Gracias por ser socio. Su apoyo mantiene viva nuestra asociación.',
  months: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  longDate: (day, month, year) => `${day} de ${month} de ${year}`,
}

const BY_LANGUAGE: Record<string, BillCaptions> = { en: ENGLISH, es: SPANISH }

/**
 * The captions for a language tag such as "es" or "en-GB". TODO(#7): only English and Spanish
 * are written; other languages print in English until their captions are translated.
 */
export function captionsFor(language: string): BillCaptions {
  return BY_LANGUAGE[language.toLowerCase().split(/[-_]/)[0] ?? ''] ?? ENGLISH
}

/** "2024-05-31" as "May 31, 2024"; text that is not such a date prints as it is. */
export function longDate(captions: BillCaptions, date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const month = match && captions.months[Number(match[2]) - 1]
  if (!match || !month) return date
  return captions.longDate(Number(match[3]), month, Number(match[1]))
}
