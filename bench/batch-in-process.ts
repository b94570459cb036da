/**
 * The screening batch's subjects (the 2,683 speed subjects twice, as `screening-speed.ts`'s
 * `BATCH_ONLY` batch) screened on the main thread over the same shared columns a pool worker
 * reads, after WARM listed names (default 3,000; as `ScreeningPool`'s `warmUp`), REPS times:
 * the CPU a subject one isolate pays, to set against the pool's two workers.
 * Run: `[WARM=n] [REPS=n] [CLEAR=1] [PROF=prefix] npx tsx bench/batch-in-process.ts`.
 * CLEAR=1 empties the expansion memo before each pass; PROF=prefix writes each pass's CPU
 * profile to `prefix.<pass>.cpuprofile`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { parse } from 'csv-parse/sync';
import {
  buildScreeningIndex,
  shareSnapshot,
  snapshotOfIndex,
  type ScreeningIndexSnapshot,
} from '@entente/core';
import { indexOverSnapshot, screenParty, screenPartyOutcome } from '@entente/core/screening-worker';
import { snapshotPayload } from '../packages/adapters/src/screening/snapshot-file.ts';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';

const rows = (file: string): Record<string, string>[] =>
  parse(readFileSync(path.join(MIRROR, 'eval', file), 'utf8'), { columns: true, skip_empty_lines: true });
const queries = [...rows('negatives_us_1k.csv'), ...rows('negatives_global_1k.csv')]
  .map((r) => r.full_name!)
  .concat(rows('yente_un_treated_vs_untreated_pairs.csv').map((p) => p.query_name!));
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const reference = await loadNameReference(MIRROR);
const lists = await loadMirrorLists(MIRROR, () => {});
const built = buildScreeningIndex(
  lists.flatMap((l) => l.parties.map((party) => ({ party }))),
  reference,
);
// The columns as a pool worker reads them (`ScreeningPool.start`).
const shared = shareSnapshot(deserialize(snapshotPayload(snapshotOfIndex(built))) as ScreeningIndexSnapshot);
const index = indexOverSnapshot(shared, reference);
// The pool's warm-up: an even spread of listed names, the two screening functions in turn.
const warm = Number(process.env.WARM ?? 3000);
const stride = Math.max(1, Math.floor(index.nameSlots / Math.max(1, warm)));
let warmed = 0;
for (let at = 0; at < index.nameSlots && warmed < warm; at += stride) {
  const text = index.name(at)?.text;
  if (!text) continue;
  if (warmed++ % 2 === 0) screenParty(index, { name: text });
  else screenPartyOutcome(index, { name: text });
}
const subjects = [...queries, ...queries];
const session = new Session();
session.connect();
for (let pass = 0; pass < Number(process.env.REPS ?? 1); pass++) {
  if (process.env.CLEAR) index.clearExpansions();
  if (process.env.PROF) {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  }
  const c0 = cpuMs();
  const t0 = performance.now();
  for (const name of subjects) screenParty(index, { name }, { limit: 10 });
  const wall = performance.now() - t0;
  const cpu = cpuMs() - c0;
  if (process.env.PROF) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${process.env.PROF}.${pass}.cpuprofile`, JSON.stringify(profile));
  }
  console.log(
    `pass ${pass + 1} after ${warmed} warm-up names: ${subjects.length} subjects, ${(wall / subjects.length).toFixed(3)} ms wall, ${(cpu / subjects.length).toFixed(3)} ms CPU a subject (all threads)`,
  );
}
session.disconnect();
