/**
 * Checks that a screening service opened over its snapshot's columns (`overColumns`) gives every
 * listed party as the index made into objects does, to the byte of its JSON: a monitoring run
 * stores `sha1(JSON.stringify(party))` with each hit (`partyHash`), and a delta compares it.
 *
 *   BENCH_DB=dir npx tsx bench/monitor-column-parties.ts
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  indexSnapshotFile,
  nameReferenceFor,
  openStore,
  ScreeningService,
} from '../packages/adapters/src/index.ts';
import { MIRROR } from './eval-screening-lists.ts';

async function main(): Promise<void> {
  const source = process.env.BENCH_DB;
  if (!source) throw new Error('set BENCH_DB to a PGlite store holding the mirror');
  const work = mkdtempSync(path.join(tmpdir(), 'entente-column-parties-'));
  const dataDir = path.join(work, 'db');
  cpSync(source, dataDir, { recursive: true });
  rmSync(path.join(dataDir, 'entente-cache'), { recursive: true, force: true });
  const store = await openStore({ dataDir });
  try {
    const reference = await nameReferenceFor(MIRROR, path.join(work, 'cache'));
    const snapshotFile = indexSnapshotFile(path.join(work, 'cache'), { dataDir });
    await (await ScreeningService.open(store, reference, { snapshotFile })).close();
    const objects = await ScreeningService.open(store, reference, { snapshotFile });
    const columns = await ScreeningService.open(store, reference, { snapshotFile, overColumns: true });
    const ids: string[] = [];
    for (const v of await store.latestVersions())
      for (const p of await store.partiesOfVersion(v.id)) ids.push(p.entityId);
    let differ = 0;
    let found = 0;
    const digest = { objects: createHash('sha1'), columns: createHash('sha1') };
    for (const id of ids) {
      const a = JSON.stringify(objects.index.get(id)?.party ?? null);
      if (a !== 'null') found++;
      const b = JSON.stringify(columns.index.get(id)?.party ?? null);
      digest.objects.update(a);
      digest.columns.update(b);
      if (a !== b && differ++ < 3) console.log(`differs: ${id}\n  objects ${a}\n  columns ${b}`);
    }
    console.log(
      `${ids.length} listed parties, ${found} found in the index: ${differ} differ; digest objects ${digest.objects.digest('hex').slice(0, 16)}, columns ${digest.columns.digest('hex').slice(0, 16)}`,
    );
    await objects.close();
    await columns.close();
  } finally {
    await store.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
