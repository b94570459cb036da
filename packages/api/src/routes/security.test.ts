import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '@entente/adapters/testing';
import {
  ADMIN_PASSWORD,
  openSharingApp,
  sampleDenial,
  type Caller,
  type SharingApp,
} from './sharing-fixture.ts';

const INJECTIONS = [
  "' or '1'='1",
  "'; drop table denials; --",
  '" or ""="',
  '1; select pg_sleep(0)',
  '$1',
  '\\x00',
  '%27%20or%201=1',
  "den_000000000000000000' union select * from users --",
];
const ALLOWED = new Set([200, 201, 204, 400, 401, 403, 404, 409, 413]);

const application = {
  applicant: 'Halbleiter GmbH',
  items: [{ code: '3A001.a.1', description: 'ICs' }],
  parties: [{ role: 'end-user', name: 'Kaliningrad Instrument Works', country: 'RU' }],
  destination: 'RU',
  endUse: 'x',
};

/** A valid body for each route, so a refusal can only come from authorisation. */
const BODIES: Record<string, unknown> = {
  'POST /denials': sampleDenial(),
  'POST /denials/import': { csv: 'reference\n', scope: { regimes: ['WA'] } },
  'POST /denials/{id}/amend': { endUse: 'changed' },
  'POST /denials/{id}/revoke': { reason: 'r' },
  'POST /applications': application,
  'POST /applications/{id}/decision': { decision: 'approve' },
  'POST /consultations/{id}/messages': { body: 'hello' },
  'POST /consultations/{id}/close': { decision: 'deny' },
};

for (const target of storeTargets()) {
  describe(`security on ${target.name}`, () => {
    let t: SharingApp;
    let ids: Record<string, string>;
    let routes: { method: string; path: string; public: boolean }[];
    beforeAll(async () => {
      t = await openSharingApp(target);
      const denial = (await (await t.call('uk', 'POST', '/denials', sampleDenial())).json()) as {
        id: string;
      };
      const recorded = (await (await t.call('de', 'POST', '/applications', application)).json()) as {
        application: { id: string };
        consultations: { id: string }[];
      };
      ids = {
        denials: denial.id,
        applications: recorded.application.id,
        consultations: recorded.consultations[0]!.id,
      };
      routes = t.app.openAPIRegistry.definitions.flatMap((d) =>
        d.type === 'route'
          ? [
              {
                method: d.route.method.toUpperCase(),
                path: d.route.path,
                public: 'public' in ((d.route as Record<string, unknown>)['x-policy'] as object),
              },
            ]
          : [],
      );
    });
    afterAll(() => t.close());

    const fill = (path: string) => path.replace('{id}', ids[path.split('/')[1]!] ?? 'none');
    const refusals = async () =>
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*)::int as n from audit_log where action = 'access.refused'`.execute(t.store.kysely)
        ).rows[0]!.n,
      );

    it('refuses the exporter on every shared-data route, and audits each refusal', async () => {
      const shared = routes.filter(
        (r) =>
          !r.public &&
          !r.path.startsWith('/auth/') &&
          r.path !== '/health' &&
          /^\/(denials|applications|consultations|audit)/.test(r.path),
      );
      expect(shared.length).toBe(17);
      const before = await refusals();
      for (const r of shared) {
        const res = await t.call('exporter', r.method, fill(r.path), BODIES[`${r.method} ${r.path}`]);
        expect([r.path, res.status]).toEqual([r.path, 403]);
      }
      expect((await refusals()) - before).toBe(shared.length);
    });

    /** Every route with an id, and the agency from another organisation that tries it. */
    const CROSS: [string, Caller, number][] = [
      ['GET /denials/{id}', 'af', 404],
      ['POST /denials/{id}/amend', 'de', 403],
      ['POST /denials/{id}/amend', 'af', 404],
      ['POST /denials/{id}/revoke', 'de', 403],
      ['GET /applications/{id}', 'uk', 404],
      ['POST /applications/{id}/decision', 'uk', 404],
      ['GET /consultations/{id}', 'af', 404],
      ['POST /consultations/{id}/messages', 'af', 404],
      ['POST /consultations/{id}/close', 'af', 404],
      ['POST /consultations/{id}/close', 'uk', 403],
      ['GET /audit', 'uk', 403],
    ];

    it('covers every sharing route that addresses one record in the cross-organisation table', () => {
      const covered = new Set(CROSS.map(([k]) => k));
      expect(
        routes
          .filter((r) => r.path.includes('{id}') && /^\/(denials|applications|consultations)\//.test(r.path))
          .map((r) => `${r.method} ${r.path}`)
          .filter((k) => !covered.has(k)),
      ).toEqual([]);
    });

    it.each(CROSS)('refuses %s by another organisation (%s) with %i, audited', async (key, who, status) => {
      const [method, path] = key.split(' ') as [string, string];
      const before = await refusals();
      const res = await t.call(who, method, fill(path), BODIES[key]);
      expect(res.status).toBe(status);
      expect((await refusals()) - before).toBe(1);
    });

    it('refuses every non-public route without credentials', async () => {
      for (const r of routes.filter((x) => !x.public)) {
        expect([
          r.path,
          (await t.call(null, r.method, fill(r.path), BODIES[`${r.method} ${r.path}`])).status,
        ]).toEqual([r.path, 401]);
      }
    });

    it('answers hostile ids, names and queries with a 4xx, never a 500, and keeps the data', async () => {
      const hostile = fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.constantFrom(...INJECTIONS),
        fc.string({ minLength: 600, maxLength: 3000 }),
      );
      const idRoutes = routes.filter((r) => /^\/(denials|applications|consultations)\/\{id\}/.test(r.path));
      await fc.assert(
        fc.asyncProperty(hostile, fc.constantFrom(...idRoutes), async (s, r) => {
          const res = await t.call(
            'uk',
            r.method,
            r.path.replace('{id}', encodeURIComponent(s) || 'x'),
            BODIES[`${r.method} ${r.path}`],
          );
          return ALLOWED.has(res.status);
        }),
        { numRuns: 25 },
      );
      await fc.assert(
        fc.asyncProperty(
          hostile,
          fc.constantFrom('applicant', 'name', 'code', 'destination', 'endUse'),
          async (s, field) => {
            const body = {
              ...application,
              ...(field === 'applicant' || field === 'destination' || field === 'endUse'
                ? { [field]: s }
                : {}),
              items: [{ code: field === 'code' ? s : '1A001', description: '' }],
              parties: [{ role: 'end-user', name: field === 'name' ? s : 'N' }],
            };
            const res = await t.call('de', 'POST', '/applications', body);
            return res.status === 201 || res.status === 400;
          },
        ),
        { numRuns: 25 },
      );
      await fc.assert(
        fc.asyncProperty(hostile, async (s) => {
          const q = await t.call('uk', 'GET', `/consultations?box=${encodeURIComponent(s)}`);
          const a = await t.call(
            'ukAdmin',
            'GET',
            `/audit?limit=${encodeURIComponent(s)}&before=${encodeURIComponent(s)}`,
          );
          const l = await t.call(null, 'POST', '/auth/login', { email: s, password: s });
          return [q, a, l].every((r) => ALLOWED.has(r.status) || r.status === 429);
        }),
        { numRuns: 15 },
      );
      expect(
        ((await (await t.call('de', 'GET', '/denials')).json()) as { id: string }[]).map((d) => d.id),
      ).toContain(ids.denials);
    });

    it('refuses oversized bodies on every write route', async () => {
      const huge = JSON.stringify({ pad: 'x'.repeat(3 * 1024 * 1024) });
      for (const r of routes.filter((x) => x.method === 'POST')) {
        expect([r.path, (await t.call('uk', 'POST', fill(r.path), huge)).status]).toEqual([r.path, 413]);
      }
      const long = await t.call('uk', 'POST', '/denials', sampleDenial({ endUse: 'x'.repeat(5000) }));
      expect(long.status).toBe(400);
    });

    it('never shows a token, password or secret hash in a response, a log line or the audit log', async () => {
      await t.call(null, 'POST', '/auth/login', { email: 'admin@ecju.example', password: ADMIN_PASSWORD });
      await t.call(null, 'POST', '/auth/login', {
        email: 'admin@ecju.example',
        password: 'wrong password here',
      });
      const hashes = await sql<{
        h: string;
      }>`select secret_hash as h from credentials union all select password_hash from users where password_hash is not null`.execute(
        t.store.kysely,
      );
      const audit = await sql<{ row: unknown }>`select row_to_json(a) as row from audit_log a`.execute(
        t.store.kysely,
      );
      const seen = [...t.bodies, ...t.logs, JSON.stringify(audit.rows)].join('\n');
      const secrets = [
        ...Object.values(t.tokens),
        ...Object.values(t.tokens).map((k) => k.slice(24)),
        ADMIN_PASSWORD,
        ...hashes.rows.flatMap((r) => r.h.split('$')),
      ];
      expect(secrets.length).toBeGreaterThan(10);
      expect(secrets.filter((s) => s.length >= 16 && seen.includes(s))).toEqual([]);
    });
  });
}
