import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@entente/adapters';
import { runCli } from '../../test/run-cli.ts';
import { sharingStoreFor, type SharingStore } from '@entente/adapters';
import { storeTargets } from '@entente/adapters/testing';

for (const target of storeTargets()) {
  describe(`sharing commands on ${target.name}`, () => {
    const place = target.place();
    const cli = async (args: string[], input?: string) => {
      const r = await runCli([...args, '--json'], place.env, input);
      if (r.code !== 0 && !args.includes('verify'))
        throw new Error(`entente ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
      return { ...r, json: r.stdout ? (JSON.parse(r.stdout) as Record<string, unknown>) : {} };
    };
    const ids: Record<string, string> = {};
    afterAll(place.drop);

    // Nine CLI processes in a row: on a loaded machine this outlasts the default 60 s, and a timed-out
    // test would leave its last command holding the store (the next tests would then meet store-locked).
    it('creates two allied agencies and an exporter, their users and tokens', async () => {
      const gb = await cli([
        'orgs',
        'create',
        '--name',
        'Export Control Joint Unit',
        '--kind',
        'agency',
        '--jurisdiction',
        'GB',
      ]);
      expect(gb.json).toMatchObject({
        kind: 'agency',
        jurisdiction: 'GB',
        regimes: ['WA', 'MTCR', 'NSG', 'AG'],
      });
      const de = await cli(['orgs', 'create', '--name', 'BAFA', '--kind', 'agency', '--jurisdiction', 'DE']);
      expect(de.json.regimes).toEqual(['EU', 'WA', 'MTCR', 'NSG', 'AG']);
      const ex = await cli(['orgs', 'create', '--name', 'Widget Exports Ltd', '--kind', 'exporter']);
      Object.assign(ids, { gb: gb.json.id, de: de.json.id, ex: ex.json.id });
      const gbUser = await cli(
        [
          'users',
          'create',
          '--org',
          ids.gb!,
          '--email',
          'officer@ecju.example',
          '--role',
          'licensing-officer',
          '--password-stdin',
        ],
        'a long enough password\n',
      );
      const deUser = await cli([
        'users',
        'create',
        '--org',
        ids.de!,
        '--email',
        'officer@bafa.example',
        '--role',
        'licensing-officer',
      ]);
      const exUser = await cli([
        'users',
        'create',
        '--org',
        ids.ex!,
        '--email',
        'c@widgets.example',
        '--role',
        'compliance-officer',
      ]);
      Object.assign(ids, { gbUser: gbUser.json.id, deUser: deUser.json.id, exUser: exUser.json.id });
      const token = await cli(['tokens', 'create', '--user', ids.deUser!]);
      expect(token.json.token).toMatch(/^ent_[0-9a-f]{18}_[\w-]{43}$/);
      ids.token = token.json.token as string;
      const bad = await runCli(
        ['users', 'create', '--org', ids.ex!, '--email', 'x@y.example', '--role', 'licensing-officer'],
        place.env,
      );
      expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('invalid-input')]);
    }, 300_000);

    it('shares a denial with the ally, hides it from the exporter, and opens a consultation', async () => {
      const store = await openStore(place.config);
      try {
        const sharing: SharingStore = sharingStoreFor(store);
        const deUser = await sharing.credentials.authenticateToken(ids.token!);
        const gb = {
          userId: ids.gbUser!,
          orgId: ids.gb!,
          orgKind: 'agency' as const,
          role: 'licensing-officer' as const,
        };
        const de = { ...deUser, ip: 'test' };
        const ex = {
          userId: ids.exUser!,
          orgId: ids.ex!,
          orgKind: 'exporter' as const,
          role: 'compliance-officer' as const,
        };
        const [denial] = await sharing.denials.createMany(gb, [
          {
            deniedOn: '2026-01-10',
            items: [{ code: 'UK:3A001.a.1', description: 'ICs' }],
            parties: [{ role: 'end-user', name: 'Kaliningrad Instrument Works JSC', country: 'RU' }],
            destination: 'RU',
            endUse: 'Guidance',
            reason: 'WA criterion',
            scope: { regimes: ['WA'], agencies: [] },
          },
        ]);
        expect((await sharing.denials.list(de)).map((d) => d.id)).toEqual([denial!.id]);
        expect(await sharing.denials.list(ex)).toEqual([]);
        await sharing.applications.record(de, {
          applicant: 'Halbleiter GmbH',
          items: [{ code: '3A001.a.1', description: '' }],
          parties: [{ role: 'end-user', name: 'Kaliningrad Instrument Works', country: 'RU' }],
          destination: 'RU',
          endUse: 'x',
        });
        expect((await sharing.consultations.list(gb)).map((c) => c.denialId)).toEqual([denial!.id]);
      } finally {
        await store.close();
      }
    });

    it('verifies the audit chain, and fails once a row is altered in the database', async () => {
      const ok = await cli(['audit', 'verify']);
      expect([ok.code, ok.json.ok]).toEqual([0, true]);
      const store = await openStore(place.config);
      try {
        await sql`alter table audit_log disable trigger audit_log_append_only`.execute(store.kysely);
        await sql`update audit_log set actor_user_id = 'someone-else' where seq = 2`.execute(store.kysely);
      } finally {
        await store.close();
      }
      const broken = await cli(['audit', 'verify']);
      expect([broken.code, broken.json.ok, broken.json.firstBroken]).toEqual([
        1,
        false,
        { seq: 2, reason: 'hash-mismatch' },
      ]);
    });

    it('prints the head to publish, and verify --expect-head finds a log rolled back with its head', async () => {
      const head = (await cli(['audit', 'head'])).json as { count: number; lastHash: string };
      expect(head).toMatchObject({
        count: expect.any(Number),
        lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const published = path.join(mkdtempSync(path.join(tmpdir(), 'entente-head-')), 'head.json');
      writeFileSync(published, JSON.stringify(head));
      const reasons = (r: { json: Record<string, unknown> }) =>
        (r.json.problems as { reason: string }[]).map((p) => p.reason);
      expect(
        reasons(await cli(['audit', 'verify', '--expect-head', `${head.count}:${head.lastHash}`])),
      ).toEqual([]);
      const store = await openStore(place.config);
      try {
        await sql`alter table audit_log disable trigger user`.execute(store.kysely);
        await sql`alter table audit_head disable trigger user`.execute(store.kysely);
        const keep = head.count - 2;
        await sql`delete from audit_log where seq > ${keep}`.execute(store.kysely);
        await sql`update audit_head set count = ${keep}, last_hash = (select hash from audit_log where seq = ${keep})`.execute(
          store.kysely,
        );
      } finally {
        await store.close();
      }
      const rolledBack = await cli(['audit', 'verify', '--expect-head', published]);
      expect([rolledBack.code, rolledBack.json.ok, reasons(rolledBack)]).toEqual([
        1,
        false,
        ['behind-published-head'],
      ]);
    });
  });
}
