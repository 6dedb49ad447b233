import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { english } from './english'

/**
 * One set of resource files per language, all with the shape of the English ones. Spanish and
 * Catalan are added by importing their files here and listing them in `resources`.
 */
export const resources = {
  en: { translation: english },
} as const

export type LanguageCode = keyof typeof resources

export const DEFAULT_LANGUAGE: LanguageCode = 'en'

export function initI18n(language: LanguageCode = DEFAULT_LANGUAGE) {
  return i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    // React escapes what it renders; escaping here too would show entities like &amp;.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
}

export { i18next }
