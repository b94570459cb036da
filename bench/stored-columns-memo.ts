/**
 * The bounded memo of an index over shared columns (`indexOverSnapshot`, what a screening worker
 * reads; `stored-columns.ts`): a monitoring run's distinct queries (the synthetic register's, as
 * `runMonitoring` screens them: every match at or above the threshold) screened over two indexes
 * over the same shared snapshot, one with the memo limit before (`--before`, 32k names, token
 * facts and entries each) and one with `--limit` (`MEMO_LIMIT` unless told), alternating chunks of queries on one thread so
 * that both see the same load; process CPU per index (no worker here), results compared (they
 * must be equal), and the heap each index holds once the queries are done.
 *
 * `--name-before N` / `--name-limit N`: the names' own limit on either side (`nameMemoLimit`; the
 * side's `--before` / `--limit` unless told), to weigh the names' memo alone.
 *
 *   BENCH_DB=dir npx tsx --expose-gc bench/stored-columns-memo.ts [--counterparties 20000]
 *     [--register adversarial|realistic] [--before 32768] [--limit 65536] [--chunk 200]
 *     [--name-before N] [--name-limit N]
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize } from 'node:v8';
import {
  counterpartyQueries,
  indexOverSnapshot,
  screenPartyOutcome,
  shareSnapshot,
  type ScreeningIndex,
  type ScreeningIndexSnapshot,
  type ScreeningQuery,
} from '../packages/core/src/index.ts';
import { MEMO_LIMIT } from '../packages/core/src/screening/stored-columns.ts';
import {
  indexSnapshotFile,
  nameReferenceFor,
  openStore,
  ScreeningService,
} from '../packages/adapters/src/index.ts';
import { MONITOR_MATCH_LIMIT } from '../packages/adapters/src/monitoring/run-monitoring.ts';
import { MIRROR } from './eval-screening-lists.ts';
import { registerKindArg, syntheticRegister } from './synthetic-register.ts';
import { numberArg } from './support/args.ts';

const N = numberArg('counterparties', 20_000);
/** The limit before 2026-12-05, and the one compared with it (`MEMO_LIMIT` unless told). */
const BEFORE = numberArg('before', 1 << 15);
const LIMIT = numberArg('limit', MEMO_LIMIT);
const CHUNK = numberArg('chunk', 200);
const NAME_BEFORE = numberArg('name-before', BEFORE);
const NAME_LIMIT = numberArg('name-limit', LIMIT);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const gc = (globalThis as { gc?: () => void }).gc;
const heapMiB = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const source = process.env.BENCH_DB;
if (!source) throw new Error('set BENCH_DB to a PGlite store holding the mirror');
const work = mkdtempSync(path.join(tmpdir(), 'entente-memo-'));
const dataDir = path.join(work, 'db');
cpSync(source, dataDir, { recursive: true });
rmSync(path.join(dataDir, 'entente-cache'), { recursive: true, force: true });
const store = await openStore({ dataDir });
try {
  const reference = await nameReferenceFor(MIRROR, path.join(work, 'cache'));
  const service = await ScreeningService.open(store, reference, {
    snapshotFile: indexSnapshotFile(path.join(work, 'cache'), { dataDir }),
  });
  const parties = [];
  for (const v of await store.latestVersions())
    for (const p of await store.partiesOfVersion(v.id)) parties.push(p.party);
  const shared = shareSnapshot(deserialize(service.snapshotPayload()) as ScreeningIndexSnapshot);
  await service.close();
  // The distinct queries of a full run, as `runMonitoring` groups them.
  const distinct = new Map<string, ScreeningQuery>();
  for (const c of syntheticRegister(parties, N, registerKindArg()))
    for (const q of counterpartyQueries(c)) distinct.set(`0${JSON.stringify(q)}`, q);
  const queries = [...distinct.values()];
  console.log(
    `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), Node ${process.version}; ${queries.length} distinct queries of ${N} counterparties; load ${load()}`,
  );
  // `--swap`: the new limit's index made first and screened in the first slot (an index over the
  // same columns made first was measured ~13 % slower than a second one of the same limit: quote
  // the geometric mean of both orders).
  const swap = process.argv.includes('--swap');
  const make = (limit: number, nameLimit: number, name: string) => ({
    name,
    index: indexOverSnapshot(shared, reference, { memoLimit: limit, nameMemoLimit: nameLimit }),
    cpu: 0,
  });
  const newer = () => make(LIMIT, NAME_LIMIT, `memo ${LIMIT}, names ${NAME_LIMIT}`);
  const older = () => make(BEFORE, NAME_BEFORE, `memo ${BEFORE}, names ${NAME_BEFORE} (before)`);
  const first = swap ? newer() : older();
  const second = swap ? older() : newer();
  const variants = [first, second];
  const [before, after] = swap ? [second, first] : [first, second];
  let differ = 0;
  const options = { limit: MONITOR_MATCH_LIMIT };
  for (let i = 0; i < queries.length; i += CHUNK) {
    const chunk = queries.slice(i, i + CHUNK);
    const results: string[][] = [];
    // Alternating which goes first, so that neither always follows the other.
    const order = (i / CHUNK) % 2 === 0 ? variants : [...variants].reverse();
    for (const v of order) {
      const c0 = cpu();
      const out = chunk.map((q) => screenPartyOutcome(v.index, q, options));
      v.cpu += cpu() - c0;
      results[variants.indexOf(v)] = out.map((o) => JSON.stringify(o));
    }
    for (let k = 0; k < chunk.length; k++) if (results[0]![k] !== results[1]![k]) differ++;
  }
  for (const v of variants) console.log(`${v.name}: ${v.cpu.toFixed(1)} s CPU`);
  console.log(
    `new ÷ before ${(after.cpu / before.cpu).toFixed(3)}${swap ? ' (swapped: the new one made first)' : ''}; ${differ} of ${queries.length} results differ; load ${load()}`,
  );
  // What each index holds once screened: the heap as each is let go (the other data is gone by now).
  const both = heapMiB();
  variants[1]!.index = undefined as unknown as ScreeningIndex;
  const onlyBefore = heapMiB();
  variants[0]!.index = undefined as unknown as ScreeningIndex;
  const none = heapMiB();
  console.log(
    `heap held once screened, as each index is let go: ${second.name}'s ${(both - onlyBefore).toFixed(0)} MiB, then ${first.name}'s ${(onlyBefore - none).toFixed(0)} MiB`,
  );
  if (differ > 0) process.exitCode = 1;
} finally {
  await store.close();
  rmSync(work, { recursive: true, force: true });
}
