import { describe, expect, it } from 'vitest'
import { bindPeers } from '../../../src-main/orchestration/backends/bind9'

function routed(...pairs: [backend: string, address: string][]) {
  return pairs.map(([backend, address]) => ({ backend, address }))
}

describe('BIND masters and slaves (spec 14.17)', () => {
  it('transfers to nobody without a slave route or setting', () => {
    const peers = bindPeers(routed(['bind9-master', '10.0.0.1']), { masters: [], slaves: [] })
    expect(peers).toEqual({ masters: ['10.0.0.1'], slaves: [] })
  })

  it('lists the servers routed for the slave backend, and the master for the slaves', () => {
    const routes = routed(['bind9-master', '10.0.0.1'], ['bind9-slave', '10.0.0.2'])
    expect(bindPeers(routes, { masters: [], slaves: [] })).toEqual({
      masters: ['10.0.0.1'],
      slaves: ['10.0.0.2'],
    })
  })

  it('prefers DOMAINS_MASTERS, merges DOMAINS_SLAVES and never lists a master as a slave', () => {
    const routes = routed(
      ['bind9-master', '10.0.0.1'],
      ['bind9-slave', '10.0.0.9'],
      ['bind9-slave', '10.0.0.3'],
      ['bind9-slave', '192.0.2.1'],
    )
    expect(
      bindPeers(routes, { masters: ['192.0.2.1'], slaves: ['10.0.0.3', '2001:db8::53'] }),
    ).toEqual({ masters: ['192.0.2.1'], slaves: ['10.0.0.3', '10.0.0.9', '2001:db8::53'] })
  })

  it('leaves out servers known by host name only: BIND lists take addresses', () => {
    const routes = routed(['bind9-master', ''], ['bind9-slave', 'ns2.example.net'])
    expect(bindPeers(routes, { masters: [], slaves: [] })).toEqual({ masters: [], slaves: [] })
  })
})
