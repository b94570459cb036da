/**
 * Measures single determinations per second in process, against a naive
 * baseline that re-reads and re-parses the tables on every call (what a CLI
 * without a warm cache would do). Run: `npx tsx bench/determine-speed.ts [mirrorDir]`.
 */
import { determine, type DeterminationRequest } from '@entente/core';
import { loadDeterminationData } from '@entente/adapters';
import { SHARED_DATA } from '../packages/adapters/src/test-support/shared-data.ts';

const mirror = process.argv[2] ?? SHARED_DATA;

// A mix of the determinations users ask for: chart rows, exceptions, embargoes, EAR99.
const REQUESTS: DeterminationRequest[] = [
  { jurisdiction: 'US', item: '3A001.a.1.b', to: 'CN' },
  { jurisdiction: 'US', item: '3A001.a.1.b', to: 'DE' },
  { jurisdiction: 'US', item: '3A001.a.1.a', to: 'DE' },
  { jurisdiction: 'US', item: '5A992.c', to: 'IN' },
  { jurisdiction: 'US', item: '3A001.c', to: 'BR', value: 1000 },
  { jurisdiction: 'US', item: '9B005', to: 'DE' },
  { jurisdiction: 'US', item: '5A002.a', to: 'CN' },
  { jurisdiction: 'US', item: 'EAR99', to: 'RU' },
  { jurisdiction: 'US', item: 'EAR99', to: 'FR' },
  { jurisdiction: 'EU', item: 'none', to: 'CN' },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function main(): Promise<void> {
  const data = await loadDeterminationData(mirror);
  // Warm up the JIT before timing.
  for (let i = 0; i < 2000; i++) determine(data, REQUESTS[i % REQUESTS.length] as DeterminationRequest);

  const runs: number[] = [];
  const perRun = 20_000;
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    for (let i = 0; i < perRun; i++) determine(data, REQUESTS[i % REQUESTS.length] as DeterminationRequest);
    runs.push((performance.now() - t0) / perRun);
  }
  const naive: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const fresh = await loadDeterminationData(mirror);
    determine(fresh, REQUESTS[i % REQUESTS.length] as DeterminationRequest);
    naive.push(performance.now() - t0);
  }
  const fast = median(runs);
  const slow = median(naive);
  console.log(
    `engine: median ${(fast * 1000).toFixed(2)} µs per determination = ${Math.round(1000 / fast).toLocaleString('en')} per second (7 runs × ${perRun})`,
  );
  console.log(
    `naive (re-read tables per call): median ${slow.toFixed(1)} ms per determination = ${(1000 / slow).toFixed(1)} per second (20 calls)`,
  );
  console.log(`ratio: ${Math.round(slow / fast).toLocaleString('en')}× faster`);
}

await main();
