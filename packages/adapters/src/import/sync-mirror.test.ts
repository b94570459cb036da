import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_FORMATS } from '../ingest/formats.ts';
import { openStore } from '../store/open-store.ts';
import { hasSharedData, SHARED_DATA } from '../test-support/shared-data.ts';
import { syncMirror, type SyncReport } from './sync-mirror.ts';

/** A temporary mirror with copies of two real publications (OFAC legacy CSV set, UN XML), named by a relative path. */
function smallMirror(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-sync-'));
  for (const [country, folder] of [
    ['us', 'ofac-sdn-2021-07'],
    ['un', 'un-sc-2026-02-27'],
  ] as const) {
    cpSync(path.join(SHARED_DATA, 'lists', country, folder), path.join(dir, 'lists', country, folder), {
      recursive: true,
    });
  }
  return path.relative(process.cwd(), dir);
}

describe.skipIf(!hasSharedData())('sync --mirror', () => {
  let report: SyncReport;
  const store = openStore({ dataDir: 'memory://' });

  beforeAll(async () => {
    report = await syncMirror(await store, LIST_FORMATS, smallMirror());
  }, 120_000);
  afterAll(async () => (await store).close());

  it('imports every publication it finds and reports none of their files as unrecognised', () => {
    expect(report.imported.map((r) => `${r.source} ${r.records}`).sort()).toEqual([
      'un-sc 1003',
      'us-ofac-sdn 8976',
    ]);
    expect(report.skipped).toEqual([]);
  });
});
