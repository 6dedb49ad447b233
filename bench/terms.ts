/** One search an operator might type, with why it is in the mix. */
export interface SearchTerm {
  label: string
  q: string
}

/**
 * The search mix, chosen against the generator's data (seed 1): terms that match thousands,
 * dozens or no accounts, terms too short for any substring index, a non-ASCII name that only
 * the contacts carry for organisations, and several words at once.
 */
export const SEARCH_MIX: readonly SearchTerm[] = [
  { label: 'common surname', q: 'puig' },
  { label: 'rare username fragment', q: 'casals12' },
  { label: "a contact's name", q: 'łukasz' },
  { label: 'no match', q: 'xylophone' },
  { label: '1 character', q: 'a' },
  { label: '2 characters', q: 'ri' },
  { label: 'two words', q: 'ana puig' },
]

export const PAGE_SIZE = 25
