/** Latency percentiles in milliseconds. */
export interface Summary {
  p50: number
  p95: number
  p99: number
  samples: number
}

/** Nearest-rank percentiles: every figure is a latency that was actually observed. */
export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
  return { p50: at(50), p95: at(95), p99: at(99), samples: sorted.length }
}

export interface PairSamples {
  ours: number[]
  floor: number[]
}

export interface PairPlan<Case> {
  cases: readonly Case[]
  ours: (item: Case) => Promise<unknown>
  floor: (item: Case) => unknown
  warmup: number
  rounds: number
}

/**
 * Times our path and the floor on the same cases, alternating which goes first each round, so
 * that a GC pause or a busy neighbour lands on both sides instead of skewing one ratio.
 */
export async function measurePairs<Case>(plan: PairPlan<Case>): Promise<Map<Case, PairSamples>> {
  const results = new Map(plan.cases.map((item) => [item, { ours: [], floor: [] } as PairSamples]))
  for (let round = 0; round < plan.warmup + plan.rounds; round++) {
    for (const item of plan.cases) {
      const oursFirst = round % 2 === 0
      const first = await timed(() => (oursFirst ? plan.ours(item) : plan.floor(item)))
      const second = await timed(() => (oursFirst ? plan.floor(item) : plan.ours(item)))
      if (round < plan.warmup) continue
      const samples = results.get(item)!
      samples.ours.push(oursFirst ? first : second)
      samples.floor.push(oursFirst ? second : first)
    }
  }
  return results
}

async function timed(work: () => unknown): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}

/** All cases' samples as one distribution: the mix an operator's searches would produce. */
export function pooled(samples: Iterable<PairSamples>): PairSamples {
  const all: PairSamples = { ours: [], floor: [] }
  for (const { ours, floor } of samples) {
    all.ours.push(...ours)
    all.floor.push(...floor)
  }
  return all
}
