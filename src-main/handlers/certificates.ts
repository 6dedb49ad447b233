import type { Channels } from '../../src-shared/contract/channels'
import * as reads from '../data/certificates'
import * as writes from '../data/certificate-writes'
import type { HandlerTable } from './types'

type CertificateChannels = Extract<keyof Channels, `certificates:${string}`>

export const certificateHandlers: HandlerTable<CertificateChannels> = {
  'certificates:list': (request, { tx }) => reads.listCertificates(tx, request),
  'certificates:get': ({ id }, { tx }) => reads.getCertificateDetail(tx, id),
  'certificates:forWebsite': ({ websiteId }, { tx }) => reads.websiteCertificate(tx, websiteId),
  'certificates:issue': (request, { core }) => writes.issueCertificate(core, request),
  'certificates:renew': (request, { core }) => writes.renewCertificates(core, request),
  'certificates:delete': async ({ id }, scope) => {
    await reads.getCertificateDetail(scope.tx, id)
    return { deleted: await writes.deleteCertificates(scope, [id]) }
  },
}
