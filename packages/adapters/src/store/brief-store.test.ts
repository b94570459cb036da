import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { BRIEF_SHARED_BUFFERS, openStore, type OpenedStore } from './open-store.ts';

const sharedBuffers = async (store: OpenedStore) =>
  (await sql<{ shared_buffers: string }>`show shared_buffers`.execute(store.kysely)).rows[0]!.shared_buffers;

describe('a brief process (one-name screen) on the embedded store', () => {
  it('starts PGlite with a small buffer pool, writes, and leaves the store as a normal open finds it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'entente-brief-'));
    try {
      const created = await openStore({ dataDir: dir });
      const normal = await sharedBuffers(created);
      await created.close();

      const brief = await openStore({ dataDir: dir }, { brief: true });
      try {
        expect(await sharedBuffers(brief)).toBe(BRIEF_SHARED_BUFFERS);
        expect(BRIEF_SHARED_BUFFERS).not.toBe(normal);
        await brief.recordScreening({ orgId: null, subjects: 1, hits: 1, channel: 'cli' });
      } finally {
        await brief.close();
      }

      const again = await openStore({ dataDir: dir });
      try {
        expect(await sharedBuffers(again)).toBe(normal);
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from screening_events`.execute(
          again.kysely,
        );
        expect(rows[0]!.n).toBeGreaterThan(0);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
