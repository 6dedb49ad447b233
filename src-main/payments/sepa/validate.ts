import { readFileSync } from 'node:fs'
import { validateXML } from 'xmllint-wasm'
import { resourcePath } from '../../core/paths'

/**
 * Every SEPA file is checked against the official ISO 20022 schema before it is saved (spec:
 * billing 9.4). The check is libxml2's own, compiled to WebAssembly and shipped as a package,
 * so it runs on every workstation whether or not `xmllint` is installed there.
 */

export const SEPA_SCHEMAS = {
  pain008: 'pain.008.001.02.xsd',
  pain001: 'pain.001.001.03.xsd',
} as const
export type SepaSchema = keyof typeof SEPA_SCHEMAS

const schemaTexts = new Map<SepaSchema, string>()

function schemaText(schema: SepaSchema): string {
  let text = schemaTexts.get(schema)
  if (text === undefined) {
    text = readFileSync(resourcePath('sepa', SEPA_SCHEMAS[schema]), 'utf8')
    schemaTexts.set(schema, text)
  }
  return text
}

/** The schema's complaints about `xml`, one line each ("line 12: …"); none when it is valid. */
export async function sepaSchemaErrors(schema: SepaSchema, xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'file.xml', contents: xml }],
    schema: [{ fileName: SEPA_SCHEMAS[schema], contents: schemaText(schema) }],
  })
  if (result.valid) return []
  return result.errors.map((error) =>
    error.loc ? `line ${error.loc.lineNumber}: ${error.message}` : error.message,
  )
}

/**
 * Throws when the file breaks its schema. The builders check every value first, so this is a
 * fault of ours, never of the operator's data: the file is not saved and the error says why.
 */
export async function assertSepaValid(schema: SepaSchema, xml: string): Promise<void> {
  const errors = await sepaSchemaErrors(schema, xml)
  if (errors.length > 0) {
    throw new Error(`The SEPA file breaks ${SEPA_SCHEMAS[schema]}: ${errors.join('; ')}`)
  }
}
