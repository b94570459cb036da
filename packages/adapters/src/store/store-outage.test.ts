import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildParty, type NewListVersion } from '@entente/core';
import { openStore } from './open-store.ts';
import { eventually } from '../test-support/eventually.ts';
import { databaseTarget, startTcpProxy, type TcpProxy } from '../test-support/tcp-proxy.ts';
import type { TestStore } from '../test-support/store-targets.ts';

const url = process.env.DATABASE_URL;

function version(id: string, name: string): NewListVersion {
  const party = buildParty({
    source: 'outage-list',
    sourceId: id,
    schema: 'person',
    names: [{ full: name, quality: 'primary' }],
  });
  return {
    source: 'outage-list',
    publishedAt: '2024-01-01',
    format: 'custom-csv',
    files: ['x.csv'],
    parties: [party],
    warnings: [],
  };
}

// The shared PostgreSQL server is never restarted: a TCP proxy in front of it
// is stopped (every connection dropped, new ones refused) and started again.
describe.skipIf(!url)('a PostgreSQL store whose server restarts (needs DATABASE_URL)', () => {
  const schema = `outage_${randomBytes(5).toString('hex')}`;
  const logs: string[] = [];
  const uncaught: unknown[] = [];
  const onUncaught = (e: unknown) => uncaught.push(e);
  let proxy: TcpProxy;
  let store: TestStore;
  let direct: TestStore;

  beforeAll(async () => {
    process.on('uncaughtException', onUncaught);
    proxy = await startTcpProxy(databaseTarget(url!));
    store = await openStore(
      { databaseUrl: proxy.urlThrough(url!), dataDir: '', schema },
      { log: (l) => logs.push(l) },
    );
    direct = await openStore({ databaseUrl: url!, dataDir: '', schema });
  });

  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    await proxy.start().catch(() => undefined);
    await store.close();
    await direct.close();
    await proxy.close();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.end();
  });

  it('survives dropped connections, answers store-unavailable while down, reconnects when back', async () => {
    // Idle connections in the pool, as in a server that has served requests.
    await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(store.kysely)));
    await proxy.stop();
    await eventually(() => expect(logs.join('\n')).toContain('idle connection lost'));
    await expect(store.ping()).rejects.toMatchObject({ name: 'DomainError', code: 'store-unavailable' });
    await expect(store.latestVersions()).rejects.toMatchObject({ code: 'store-unavailable' });

    await proxy.start();
    await eventually(() => store.ping());
    await direct.saveListVersion(version('1', 'Alpha Person'));
    expect((await store.latestVersions()).map((v) => v.source)).toContain('outage-list');
    expect(uncaught).toEqual([]);
  });

  it('re-subscribes LISTEN after its connection drops and tells the watcher to refresh', async () => {
    let calls = 0;
    const stop = await store.watchListVersions(() => calls++);
    expect(store.connectionProblems?.()).toEqual([]);

    await proxy.stop();
    await eventually(() => expect(store.connectionProblems?.()).toHaveLength(1));
    await proxy.start();
    // Notifications sent during the outage are lost: the watcher hears it should re-read.
    await eventually(() => expect(calls).toBeGreaterThan(0));
    expect(store.connectionProblems?.()).toEqual([]);
    expect(logs.join('\n')).toContain('re-subscribed');

    const before = calls;
    await direct.saveListVersion(version('2', 'Bravo Person'));
    await eventually(() => expect(calls).toBeGreaterThan(before));
    await stop();
    expect(uncaught).toEqual([]);
  });

  it('subscribes LISTEN once the server is back when it was down at the subscription, and tells the watcher', async () => {
    await proxy.stop();
    let calls = 0;
    // A server's start subscribes after it listens: an outage then must not end the process.
    const stop = await store.watchListVersions(() => calls++);
    expect(store.connectionProblems?.()).toHaveLength(1);
    expect(logs.join('\n')).toContain('subscribing when it is back');

    await proxy.start();
    await eventually(() => expect(calls).toBeGreaterThan(0));
    expect(store.connectionProblems?.()).toEqual([]);

    const before = calls;
    await direct.saveListVersion(version('3', 'Charlie Person'));
    await eventually(() => expect(calls).toBeGreaterThan(before));
    await stop();
    expect(uncaught).toEqual([]);
  });
});
