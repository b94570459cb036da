/**
 * Subjects across lists: what grouping matches by subject adds to one screening (issue 19,
 * goal ≤ 10 %). The whole mirror's latest lists in a fresh in-memory PGlite store, one full
 * resolution, then the same names screened, per name interleaved (order alternating):
 *   - baseline: `ScreeningService.screen` for an organisation (its clearance snapshot read),
 *     what `POST /screen` did before subjects;
 *   - grouped: what `POST /screen` does now: the listing → subject directory, the screening
 *     with subject clearances judged against it, each match named with its subject, and
 *     `groupBySubject`.
 * Reports the median latency of each and their ratio.
 *
 * Run: npx tsx bench/subjects-grouping.ts [--names 400] [--rounds 3]
 * (ENTENTE_BENCH_FORMATS=un-sc-xml,eu-journal-csv,… limits the lists, as in bench/eval-screening-lists.ts).
 */
import os from 'node:os';
import { groupBySubject, type ScreeningQuery } from '@entente/core';
import {
  CLI_SOURCE,
  openStore,
  ScreeningService,
  sharingStoreFor,
  subjectServiceFor,
} from '@entente/adapters';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR, saveMirrorLists } from './eval-screening-lists.ts';
import { numberArg } from './support/args.ts';

const NAMES = numberArg('names', 400);
const ROUNDS = numberArg('rounds', 3);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(
  `machine: ${os.cpus().length} vCPU ${os.cpus()[0]?.model ?? ''}, node ${process.version}; load ${load()}`,
);
const store = await openStore({ dataDir: 'memory://' });
const reference = await loadNameReference(MIRROR);
const lists = await loadMirrorLists(MIRROR, () => {});
await saveMirrorLists(store, lists);
const orgId = (
  await sharingStoreFor(store).orgs.createOrg({ name: 'Bench Exports', kind: 'exporter' }, CLI_SOURCE)
).id;
const subjects = subjectServiceFor(store, reference);
const report = await subjects.resolve('full');
console.log(`${report.listings} listings, ${report.subjects} subjects; load ${load()}`);
const screening = await ScreeningService.open(store, reference);

// Names as users type them: every n-th listed primary name across the lists (they match, so grouping has work).
const all = lists.flatMap((l) => l.parties.map((p) => p.names[0]?.full).filter((n): n is string => !!n));
const step = Math.max(1, Math.floor(all.length / NAMES));
const queries: ScreeningQuery[] = all
  .filter((_, i) => i % step === 0)
  .slice(0, NAMES)
  .map((name) => ({ name }));
const options = { limit: 25 };

async function baseline(q: ScreeningQuery): Promise<number> {
  return (await screening.screen(q, options, orgId)).length;
}
async function grouped(q: ScreeningQuery): Promise<number> {
  const directory = await subjects.directory();
  const matches = (await screening.screen(q, options, orgId, (id) => directory.get(id)?.id)).map((m) => ({
    ...m,
    subjectId: directory.get(m.entityId)?.id ?? m.entityId,
  }));
  return groupBySubject(matches, (id) => directory.get(id)).length + matches.length;
}

// Warm both paths (index look-up structures, clearance snapshot, directory).
for (const q of queries.slice(0, 20)) {
  await baseline(q);
  await grouped(q);
}
const times = { baseline: [] as number[], grouped: [] as number[] };
let matched = 0;
for (let r = 0; r < ROUNDS; r++) {
  for (const [i, q] of queries.entries()) {
    const order = (i + r) % 2 === 0 ? (['baseline', 'grouped'] as const) : (['grouped', 'baseline'] as const);
    for (const which of order) {
      const t0 = performance.now();
      const n = which === 'baseline' ? await baseline(q) : await grouped(q);
      times[which].push(performance.now() - t0);
      if (which === 'baseline' && n > 0) matched++;
    }
  }
}
const b = median(times.baseline);
const g = median(times.grouped);
console.log(
  `${queries.length} names × ${ROUNDS} rounds (${matched} screenings with matches): median baseline ${b.toFixed(3)} ms, grouped ${g.toFixed(3)} ms = ${((g / b - 1) * 100).toFixed(1)} % added (goal ≤ 10 %); load ${load()}`,
);
await screening.close();
await subjects.close();
await store.close();
