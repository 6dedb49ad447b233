// The `punycode` package ships no types; the trailing slash picks it over Node's deprecated
// built-in module of the same name.
declare module 'punycode/' {
  export function toUnicode(domain: string): string
  export function toASCII(domain: string): string
}
