import i18next from 'i18next'
import { LANGUAGES, type Language } from '../../src-shared/schemas/accounts'
import catalan from './texts/ca.json'
import english from './texts/en.json'
import spanish from './texts/es.json'

/**
 * The words a bill prints (spec: billing 7.2, 7.7, 7.8, 8 and 8.4) in the account's language,
 * from one catalogue per language in texts/. Every text is one whole template with its values
 * as {{placeholders}}, so each language keeps its own word order; a text that differs by bill
 * type is one key per type rather than a type name glued into a sentence.
 */

type Catalogue = typeof english

/** The dotted keys of the catalogue's texts, e.g. "pdf.columns.period". */
type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeysOf<T[K], `${Prefix}${K}.`>
}[keyof T & string]

export type BillTextKey = KeysOf<Catalogue>

export type BillTextValues = Record<string, string | number>

// The Spanish and Catalan files must have the English one's shape: a missing key fails here.
const CATALOGUES: Record<Language, Catalogue> = { EN: english, ES: spanish, CA: catalan }

const instance = i18next.createInstance()
void instance.init({
  resources: Object.fromEntries(
    LANGUAGES.map((language) => [language.toLowerCase(), { bill: CATALOGUES[language] }]),
  ),
  lng: 'en',
  fallbackLng: 'en',
  ns: ['bill'],
  defaultNS: 'bill',
  // Resources are in memory: init completes before it returns, so texts are there at import.
  initAsync: false,
  // The texts go to PDF, plain-text mail and stored columns, never into HTML as they are;
  // whatever renders them as HTML escapes them there (core/escape.ts).
  interpolation: { escapeValue: false, skipOnVariables: true },
  returnNull: false,
})

/** A catalogue text in `language`, its placeholders filled with `values` as they are. */
export function billText(language: Language, key: BillTextKey, values?: BillTextValues): string {
  return instance.t(key, { ...values, lng: language.toLowerCase() })
}

/** The account language of a language tag such as "es" or "en-GB"; English for any other. */
export function languageOfTag(tag: string): Language {
  const code = tag.toUpperCase().split(/[-_]/)[0]
  return LANGUAGES.find((language) => language === code) ?? 'EN'
}

/** The language's locale for Intl (dates, month names). */
export function localeOf(language: Language): string {
  return language.toLowerCase()
}
