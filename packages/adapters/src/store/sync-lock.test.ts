import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { LIST_FORMATS } from '../ingest/formats.ts';
import { syncMirror } from '../import/sync-mirror.ts';
import { syncFromPublishers } from '../sync/sync-from-publishers.ts';
import { openStore } from './open-store.ts';
import { withSyncLock } from './sync-lock.ts';

/** A gate the first sync waits at, so the second one surely starts while the first runs. */
function gate(): { open: () => void; passed: Promise<void> } {
  let open!: () => void;
  const passed = new Promise<void>((resolve) => (open = resolve));
  return { open, passed };
}

const url = process.env.DATABASE_URL;

/** Sessions waiting for the sync lock, as PostgreSQL reports them. */
async function waitingSyncs(store: Awaited<ReturnType<typeof openStore>>): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from pg_locks
    where locktype = 'advisory' and not granted and classid = 7331002`.execute(store.kysely);
  return r.rows[0]!.n;
}

describe.skipIf(!url)('sync on PostgreSQL runs one at a time', () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  // Two stores on one schema with pools of their own: two processes, as far as PostgreSQL can tell.
  const first = openStore({ databaseUrl: url!, dataDir: '', schema }, { command: 'first sync' });
  const second = first.then(() =>
    openStore({ databaseUrl: url!, dataDir: '', schema }, { command: 'second' }),
  );
  afterAll(async () => {
    await (await first).close();
    await (await second).close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop schema if exists "${schema}" cascade`);
    await c.end();
  });

  it('refuses a second sync while one runs, naming the first, and lets it run afterwards', async () => {
    const [a, b] = [await first, await second];
    const hold = gate();
    const holding = gate();
    const running = withSyncLock(a, () => {
      holding.open();
      return hold.passed;
    });
    // Only once the first holds the lock: a second tried earlier would take it first.
    await holding.passed;
    await expect
      .poll(() => withSyncLock(b, async () => 'ran').catch((e: Error) => e.message))
      .toMatch(/Another sync is running on this store \(entente pid \d+: first sync/);
    await expect(syncMirror(b, LIST_FORMATS, '/nonexistent-mirror')).rejects.toMatchObject({
      code: 'store-locked',
    });
    await expect(syncFromPublishers(b, LIST_FORMATS, { only: ['none'] })).rejects.toMatchObject({
      code: 'store-locked',
    });
    hold.open();
    await running;
    expect(await withSyncLock(b, async () => 'ran')).toBe('ran');
  });

  it('with wait, starts the second sync only when the first has finished', async () => {
    const [a, b] = [await first, await second];
    const events: string[] = [];
    const hold = gate();
    const running = withSyncLock(a, async () => {
      events.push('first started');
      await hold.passed;
      events.push('first finished');
    });
    await expect.poll(() => events).toContain('first started');
    const waiting = withSyncLock(b, async () => void events.push('second ran'), { wait: true });
    // The second sync's session is queued on the lock (not merely not yet started) before the first goes on.
    await expect.poll(() => waitingSyncs(a)).toBe(1);
    hold.open();
    await Promise.all([running, waiting]);
    expect(events).toEqual(['first started', 'first finished', 'second ran']);
  });
});

describe('sync in one process', () => {
  it('refuses a second sync of the same store while one runs', async () => {
    const store = await openStore({ dataDir: 'memory://' });
    const hold = gate();
    const running = withSyncLock(store, () => hold.passed);
    await expect(withSyncLock(store, async () => 'ran')).rejects.toMatchObject({ code: 'store-locked' });
    hold.open();
    await running;
    expect(await withSyncLock(store, async () => 'ran')).toBe('ran');
    await store.close();
  });
});
