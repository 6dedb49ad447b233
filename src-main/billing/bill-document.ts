/**
 * Everything a printed bill shows (spec: billing 8), already computed and formatted as text
 * where the numbers are concerned: the document renderer decides layout only, never amounts.
 * The same value renders the same bytes.
 */

export type BillType = 'INVOICE' | 'AMENDMENTINVOICE' | 'FEE' | 'AMENDMENTFEE' | 'PROFORMA'

export interface BillParty {
  name: string
  vat: string
  address: string
  zipcode: string
  city: string
  /** The country's name in the document's language, e.g. "Spain". */
  country: string
}

export interface SellerDetails extends BillParty {
  phone: string
  email: string
  website: string
  bankAccount: string
  /** PNG or JPEG bytes; none prints the "YOUR LOGO HERE" placeholder. */
  logo?: Uint8Array
}

export interface BillDocumentSubline {
  description: string
  /** Signed cents as text, e.g. "-5.00". */
  total: string
}

export interface BillDocumentLine {
  /** The order id, or "L<line id>" for a line without an order. */
  id: string
  description: string
  /** The period text of spec 7.8, e.g. "Jan. '24 / Dec. '24". */
  period: string
  quantity: string
  /** Empty when the rate is zero or absent. */
  rate: string
  subtotal: string
  sublines: BillDocumentSubline[]
}

export interface BillDocumentTax {
  /** Percent as printed, e.g. "21" or "10.5". */
  rate: string
  base: string
  tax: string
}

export interface BillDocument {
  type: BillType
  number: string
  /** Open bills and pro formas print a "pro forma / draft" watermark. */
  draft: boolean
  /** Labels come translated in the account's language; keys are the layout's captions. */
  language: string
  /** e.g. "2024-05-31", as printed in the boxes. */
  dueOn: string
  billDate: string
  seller: SellerDetails
  buyer: BillParty
  lines: BillDocumentLine[]
  taxes: BillDocumentTax[]
  total: string
  /** The symbol printed after amounts, e.g. "€". */
  currency: string
  comments: string
  /** The payment method's message; empty prints the bank transfer instruction. */
  paymentMessage: string
  /** A legal mention such as the reverse-charge statement; printed under the totals. */
  taxNote: string
  /** Fixed dates keep the bytes reproducible. */
  createdAt: Date
}
