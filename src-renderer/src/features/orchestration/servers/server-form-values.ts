import type {
  Server,
  ServerCreateInput,
  ServerMethod,
} from '../../../../../src-shared/schemas/orchestration'

/** What the server form edits. Select and number inputs hold strings until they are sent. */
export interface ServerFormValues {
  name: string
  address: string
  description: string
  method: ServerMethod
  sshPort: number | string
  sshUser: string
  keyId: string | null
}

export function emptyServer(): ServerFormValues {
  return {
    name: '',
    address: '',
    description: '',
    method: 'ssh',
    sshPort: 22,
    sshUser: 'root',
    keyId: null,
  }
}

export function serverToForm(server: Server): ServerFormValues {
  const { name, address, description, method, sshPort, sshUser } = server
  const keyId = server.keyId === null ? null : String(server.keyId)
  return { name, address, description, method, sshPort, sshUser, keyId }
}

/** The request fields; an emptied port becomes NaN so the schema names the field. */
export function toServerRequest(values: ServerFormValues): Required<ServerCreateInput> {
  return {
    ...values,
    os: 'LINUX',
    sshPort: values.sshPort === '' ? Number.NaN : Number(values.sshPort),
    keyId: values.keyId ? Number(values.keyId) : null,
  }
}
