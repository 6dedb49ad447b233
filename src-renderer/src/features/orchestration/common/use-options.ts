import { useChannelQuery } from '../../../api/queries'

/** Servers as Select options, by id. */
export function useServerOptions() {
  const query = useChannelQuery('servers:list', {})
  const options = (query.data ?? []).map((server) => ({
    value: String(server.id),
    label: server.name,
  }))
  return { options, servers: query.data ?? [], loading: query.isPending }
}

/** Installed backends as Select options, by id. */
export function useBackendOptions() {
  const query = useChannelQuery('backends:list', {})
  const backends = query.data ?? []
  const options = backends.map((backend) => ({ value: backend.id, label: backend.label }))
  return { options, backends, loading: query.isPending }
}

/** The backend's label when it is installed, else its id (a route may outlive its backend). */
export function useBackendLabel() {
  const { backends } = useBackendOptions()
  return (id: string) => backends.find((backend) => backend.id === id)?.label ?? id
}
