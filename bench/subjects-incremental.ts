/**
 * Subjects across lists: re-resolution after one new list version, on the
 * whole mirror's latest lists in a fresh PGlite store (or PostgreSQL with
 * DATABASE_URL). One full resolution first (in the screening workers); then
 * new EU versions, each one listing respelled and one added, each followed by
 * `resolve('incremental')`:
 *   - in the same service (it keeps the last run's listings, index and rows):
 *     the first after a full run in the workers builds the index in process;
 *     the next ones patch it (the steady state of a server);
 *   - baseline, in the same process: a fresh service (what the old code did on
 *     every incremental run: read every source, build the index, rewrite both tables).
 *
 * Run: npx tsx bench/subjects-incremental.ts [--rounds 3]
 * (ENTENTE_BENCH_FORMATS=un-sc-xml,eu-journal-csv,… limits the lists, as in bench/eval-screening-lists.ts).
 */
import { execSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Party } from '@entente/core';
import { openStore, subjectServiceFor, type ResolutionReport } from '@entente/adapters';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR, saveMirrorLists } from './eval-screening-lists.ts';

const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Number(process.argv[roundsArg + 1]) : 3;
const load = () =>
  execSync('uptime')
    .toString()
    .trim()
    .replace(/.*load average: /, 'load ');
const dir = await mkdtemp(path.join(os.tmpdir(), 'entente-subjects-'));
const store = await openStore(
  process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL, dataDir: '' } : { dataDir: dir },
);
const reference = await loadNameReference(MIRROR);
const lists = await loadMirrorLists(MIRROR, () => {});
await saveMirrorLists(store, lists);
const eu = lists.find((l) => l.source === 'eu-sanctions')!;
let day = 1;
/** A new EU version: one listing respelled, one new listing. */
async function newEuVersion(): Promise<void> {
  day++;
  const first = eu.parties[day]!;
  const respelled: Party = {
    ...first,
    names: [{ ...first.names[0]!, full: `${first.names[0]!.full} X${day}` }],
  };
  const added: Party = {
    ...first,
    sourceId: `bench-${day}`,
    names: [{ full: `Bench Person ${day}`, quality: 'primary' }],
  };
  await store.saveListVersion({
    source: 'eu-sanctions',
    publishedAt: `2026-12-${String(day).padStart(2, '0')}`,
    format: eu.format,
    files: eu.files,
    parties: [...eu.parties.filter((p) => p !== first), respelled, added],
    warnings: [],
  });
}
const line = (what: string, r: ResolutionReport) =>
  console.log(
    `${what}: ${r.seconds.total.toFixed(2)} s (load ${r.seconds.load.toFixed(2)}, names ${r.seconds.names.toFixed(2)}, resolve ${r.seconds.resolve.toFixed(2)}, save ${r.seconds.save.toFixed(2)}); ${r.screened} screened, ${r.written} rows written; ${load()}`,
  );
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const service = subjectServiceFor(store, reference);
console.log(
  `machine: ${os.cpus().length} vCPU ${os.cpus()[0]?.model ?? ''}, node ${process.version}; ${load()}`,
);
line('full resolution (screening workers)', await service.resolve('full'));
await newEuVersion();
line('incremental, first in the process (builds the index)', await service.resolve('incremental'));
const steady: number[] = [];
const baseline: number[] = [];
for (let i = 0; i < rounds; i++) {
  await newEuVersion();
  const r = await service.resolve('incremental');
  steady.push(r.seconds.total);
  line(`incremental, kept index (round ${i + 1})`, r);
  await newEuVersion();
  const b = await subjectServiceFor(store, reference, undefined, { workers: 0 }).resolve('incremental');
  baseline.push(b.seconds.total);
  line(`baseline: incremental in a fresh service (round ${i + 1})`, b);
  // The next kept-index round follows a run of another service: it reads that run's rows and links once.
  await service.resolve('incremental');
}
console.log(
  `median: kept index ${median(steady).toFixed(2)} s, fresh service ${median(baseline).toFixed(2)} s = ${(median(baseline) / median(steady)).toFixed(1)}x`,
);
await store.close();
await rm(dir, { recursive: true, force: true });
