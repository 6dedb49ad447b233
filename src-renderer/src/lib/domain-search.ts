/**
 * Names are stored in their `xn--` form, so a search typed in Unicode (`bäckerei`) is sent
 * word by word in that form; words the URL parser refuses go as typed.
 */
export function searchForName(q: string): string {
  return q
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      if (/^[\x21-\x7e]*$/.test(word)) return word
      try {
        return new URL(`http://${word}/`).hostname
      } catch {
        return word
      }
    })
    .join(' ')
}
