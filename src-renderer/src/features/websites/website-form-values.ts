import { randomId } from '@mantine/hooks'
import type { DirectiveName } from '../../../../src-shared/schemas/website-directives'
import type {
  WebsiteCreateInput,
  WebsiteDetail,
  WebsiteProtocol,
  WebsiteUpdateInput,
} from '../../../../src-shared/schemas/websites'

/** A row of the contents editor; `formKey` keeps React's rows apart while they move. */
export interface ContentDraft {
  formKey: string
  webappId: string | null
  path: string
}

export interface DirectiveDraft {
  formKey: string
  name: DirectiveName
  value: string
}

/** The form's values; field names follow the request's, so errors land on their inputs. */
export interface WebsiteValues {
  accountId: string | null
  name: string
  protocol: WebsiteProtocol | null
  isActive: boolean
  domainIds: string[]
  contents: ContentDraft[]
  directives: DirectiveDraft[]
}

export const emptyContent = (): ContentDraft => ({ formKey: randomId(), webappId: null, path: '' })

export const emptyDirective = (): DirectiveDraft => ({
  formKey: randomId(),
  name: 'redirect',
  value: '',
})

export function emptyWebsite(accountId: string | null): WebsiteValues {
  return {
    accountId,
    name: '',
    protocol: null,
    isActive: true,
    domainIds: [],
    contents: [],
    directives: [],
  }
}

export function detailToValues(detail: WebsiteDetail): WebsiteValues {
  const { website } = detail
  return {
    accountId: String(website.accountId),
    name: website.name,
    protocol: website.protocol,
    isActive: website.isActive,
    domainIds: detail.domains.map((domain) => String(domain.id)),
    contents: detail.contents.map((content) => ({
      formKey: randomId(),
      webappId: String(content.webappId),
      path: content.path,
    })),
    directives: detail.directives.map((directive) => ({ formKey: randomId(), ...directive })),
  }
}

function parts(values: WebsiteValues) {
  return {
    isActive: values.isActive,
    domainIds: values.domainIds.map(Number),
    contents: values.contents.map((content) => ({
      webappId: Number(content.webappId) || 0,
      path: content.path,
    })),
    directives: values.directives.map(({ name, value }) => ({ name, value })),
  }
}

export function toCreateRequest(values: WebsiteValues): WebsiteCreateInput {
  return {
    accountId: Number(values.accountId) || 0,
    name: values.name,
    ...(values.protocol && { protocol: values.protocol }),
    ...parts(values),
  }
}

export function toUpdateRequest(values: WebsiteValues, detail: WebsiteDetail): WebsiteUpdateInput {
  return {
    id: detail.website.id,
    version: detail.website.version,
    ...(values.protocol && { protocol: values.protocol }),
    ...parts(values),
  }
}
