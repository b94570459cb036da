import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './open-store.ts';

const url = process.env.DATABASE_URL;

// Several API nodes started together on an empty database all find the schema
// missing; CI once lost a node to `pg_namespace_nspname_index` this way.
describe.skipIf(!url)('opening a store on a schema that does not exist yet (needs DATABASE_URL)', () => {
  const schema = `fresh_${randomBytes(5).toString('hex')}`;

  afterAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.end();
  });

  it('lets six processes open it at once: one creates it, the others wait and use it', async () => {
    const opened = await Promise.allSettled(
      Array.from({ length: 6 }, () => openStore({ databaseUrl: url!, dataDir: '', schema })),
    );
    const failures = opened.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
    for (const o of opened) if (o.status === 'fulfilled') await o.value.close();
    expect(failures).toEqual([]);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const found = await admin.query('select 1 from pg_namespace where nspname = $1', [schema]);
      expect(found.rowCount).toBe(1);
    } finally {
      await admin.end();
    }
  });
});
