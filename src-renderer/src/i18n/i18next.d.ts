import 'i18next'
import type { english } from './english'

// Typed keys: a misspelt key is a compile error rather than a raw key on screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof english }
  }
}
