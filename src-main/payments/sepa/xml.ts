import { xmlText } from '../../core/escape'

/** One element of a document we write: our own name and attributes' names, any text. */
export interface XmlElement {
  name: string
  attributes?: Record<string, string>
  content: string | readonly XmlElement[]
}

export function el(
  name: string,
  content: string | readonly XmlElement[],
  attributes?: Record<string, string>,
): XmlElement {
  return { name, content, ...(attributes && { attributes }) }
}

function renderElement(element: XmlElement, depth: number): string {
  const indent = '  '.repeat(depth)
  const attributes = Object.entries(element.attributes ?? {})
    .map(([name, value]) => ` ${name}="${xmlText(value)}"`)
    .join('')
  const open = `${indent}<${element.name}${attributes}>`
  if (typeof element.content === 'string') {
    return `${open}${xmlText(element.content)}</${element.name}>\n`
  }
  const children = element.content.map((child) => renderElement(child, depth + 1)).join('')
  return `${open}\n${children}${indent}</${element.name}>\n`
}

/**
 * A whole document as UTF-8 text with its declaration, two spaces per level, one element per
 * line. Every text and attribute value goes through `xmlText`, so no value can add markup.
 */
export function renderXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderElement(root, 0)}`
}
