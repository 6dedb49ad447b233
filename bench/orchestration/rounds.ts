import type { Fleet } from './fleet'
import { createAccount, loginCount, successfulLogs } from './fleet'
import type { References } from './references'

/** Wall times in ms and the logins sshd counted during each run, for one way of pushing. */
export interface Series {
  ms: number[]
  logins: number[]
}

export interface PushSamples {
  /** A change with the pool emptied first: each server connected and logged into again. */
  cold: Series
  /** A change right after another one, over the connections the pool kept. */
  warm: Series
  floor: Series
  /** The floor with OpenSSH's default key exchange. */
  floorOpenSshKex: Series
  ansible: Series
  /** A second Ansible command over the ControlPersist masters the first one left. */
  ansibleWarm: Series
}

const series = (): Series => ({ ms: [], logins: [] })

/** Times `work` and counts the logins it caused on every server. */
async function sample<T>(fleet: Fleet, into: Series | undefined, work: () => Promise<T>) {
  const before = loginCount(fleet.ssh)
  const start = performance.now()
  const result = await work()
  const ms = performance.now() - start
  into?.ms.push(ms)
  into?.logins.push(loginCount(fleet.ssh) - before)
  return result
}

/** One change through the dispatcher, checked afterwards: a SUCCESS log on every server. */
async function change(fleet: Fleet, into?: Series): Promise<number> {
  const id = await sample(fleet, into, () => createAccount(fleet.core))
  await successfulLogs(fleet.core, id, fleet.servers.length)
  return id
}

/** Twice: a change on an emptied pool, then one over the connections it left. */
async function ours(fleet: Fleet, samples: PushSamples) {
  for (let i = 0; i < 2; i++) {
    await fleet.core.orchestrator.connections.close()
    await change(fleet, samples.cold)
    await change(fleet, samples.warm)
  }
}

async function ansible(fleet: Fleet, references: References, samples: PushSamples) {
  const session = await sample(fleet, samples.ansible, () => references.ansible())
  try {
    await sample(fleet, samples.ansibleWarm, () => session.run())
  } finally {
    await session.close()
  }
}

/** The text the app ran for a change, as its log on the first server stored it. */
async function scriptOf(fleet: Fleet, accountId: number): Promise<string> {
  const logs = await successfulLogs(fleet.core, accountId, fleet.servers.length)
  const first = logs.find((row) => row.serverId === fleet.servers[0]!.id)!
  const detail = await fleet.core.dispatcher.dispatch('logs:get', { id: first.id })
  // A stored script has its secrets replaced; the account-file backend's have none.
  if (!detail.retryable) throw new Error('The stored script is not the text that ran')
  return detail.script
}

/**
 * One untimed change first: it compiles the app's code paths (the references' programs come
 * compiled) and gives the script that the references run. Then `rounds` rounds of: ours (cold,
 * then warm), the floor (both key exchanges), Ansible (cold, then masters kept), the order
 * rotated each round so that no side always runs first or right after another's clean-up.
 */
export async function measurePushes(
  fleet: Fleet,
  references: References,
  rounds: number,
  progress: (line: string) => void,
): Promise<PushSamples> {
  await fleet.core.orchestrator.connections.close()
  const firstChange = await change(fleet)
  references.useScript(await scriptOf(fleet, firstChange))

  const samples: PushSamples = {
    cold: series(),
    warm: series(),
    floor: series(),
    floorOpenSshKex: series(),
    ansible: series(),
    ansibleWarm: series(),
  }
  const sides = [
    () => ours(fleet, samples),
    async () => {
      await sample(fleet, samples.floor, () => references.floor())
      await sample(fleet, samples.floorOpenSshKex, () => references.floor({ openSshKex: true }))
    },
    () => ansible(fleet, references, samples),
  ]
  for (let round = 0; round < rounds; round++) {
    progress(`Round ${round + 1} of ${rounds}`)
    for (let i = 0; i < sides.length; i++) await sides[(round + i) % sides.length]!()
  }
  return samples
}
