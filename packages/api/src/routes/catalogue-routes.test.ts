import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadControlLists, PostgresControlStore } from '@entente/adapters';
import { hasSharedData, SHARED_DATA, storeTargets, type TestStore } from '@entente/adapters/testing';
import type { createApp } from '../create-app.ts';
import { createTestApp } from '../test-support/create-test-app.ts';
import { CLI_SOURCE, SharingStore } from '@entente/adapters';

const shipment = JSON.parse(
  readFileSync(
    new URL('../../../cli/test/fixtures/tx-german-components-via-turkey.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown>;

describe.skipIf(!hasSharedData()).each(storeTargets())(
  'control, determination and assessment routes on $name',
  (target) => {
    let store: TestStore;
    let app: ReturnType<typeof createApp>;
    const tokens: Record<'exporter' | 'other', string> = { exporter: '', other: '' };

    beforeAll(async () => {
      store = await target.open();
      await loadControlLists(new PostgresControlStore(store.kysely), { mirrorDir: SHARED_DATA });
      const sharing = new SharingStore(store.kysely);
      for (const who of ['exporter', 'other'] as const) {
        const org = await sharing.orgs.createOrg(
          { name: `${who} Ltd`, kind: 'exporter', jurisdiction: 'DE' },
          CLI_SOURCE,
        );
        const user = await sharing.orgs.createUser(
          { orgId: org.id, email: `${who}@example.com`, role: 'compliance-officer' },
          CLI_SOURCE,
        );
        tokens[who] = (await sharing.credentials.createToken(user.id, CLI_SOURCE)).token;
      }
      app = createTestApp(store, { config: { mirrorDir: SHARED_DATA }, sharing });
    }, 240_000);
    afterAll(() => store?.close());

    const call = async (path: string, body?: unknown, who: keyof typeof tokens | null = 'exporter') => {
      const res = await app.request(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as any };
    };

    it('refuses a caller without a token', async () => {
      expect((await call('/controls', undefined, null)).status).toBe(401);
    });

    it('lists the control lists and shows one entry with its counterparts', async () => {
      const lists = await call('/controls');
      expect(lists.status).toBe(200);
      expect(lists.body.versions).toHaveLength(10);
      const entry = await call('/controls/EU/3A001.a.1?at=2025-06-01');
      expect(entry.body).toMatchObject({ id: 'EU:3A001.a.1', exact: true, list: { version: '2024-11-15' } });
      expect(entry.body.counterparts.map((c: { id: string }) => c.id)).toEqual(
        expect.arrayContaining(['US:3A001.a.1', 'WA:3.A.1.a.1']),
      );
    });

    it('lists the entries of one control list for browsing as a tree', async () => {
      const { status, body } = await call('/controls/us');
      expect(status).toBe(200);
      expect(body.list.id).toBe('US');
      const codes = (body.entries as { code: string; parent?: string }[]).map((e) => e.code);
      expect(codes).toContain('3A001');
      expect(
        (body.entries as { code: string; parent?: string }[]).find((e) => e.code === '3A001.a')?.parent,
      ).toBe('3A001');
      const missing = await call('/controls/XX');
      expect(missing.status).toBe(404);
      expect(missing.body.details.accepted).toContain('EU');
    });

    it('returns each entry with its citation, and marks unverified entries', async () => {
      const eu = await call('/controls/EU/9A004.e.3');
      expect(eu.status).toBe(200);
      expect(eu.body.entry).toMatchObject({
        parent: '9A004.e',
        citation: {
          act: 'Regulation (EU) 2021/821 Annex I as amended by Delegated Regulation (EU) 2025/2003',
          provision: 'entry 9A004.e.3',
          readOn: '2026-12-03',
          status: 'verified',
        },
      });
      const pl = await call('/controls/UK/PL9005');
      expect(pl.body.entry).toMatchObject({
        destinations: ['IR'],
        citation: { provision: 'entry PL9005', status: 'unverified' },
      });
      expect(pl.body.entry.citation.act).toMatch(/Export Control Order 2008 .*Schedule 3/);
      const tree = await call('/controls/UK');
      const heads = tree.body.entries as { code: string; unverified?: boolean }[];
      expect(heads.find((e) => e.code === 'PL9014')?.unverified).toBe(true);
      expect(heads.find((e) => e.code === 'ML1')?.unverified).toBeUndefined();
    });

    it('cross-walks US:3A001 ↔ EU:3A001 ↔ WA:3.A.1 as the same entry', async () => {
      const { body } = await call('/crosswalk/US/3A001');
      expect(body.counterparts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'EU:3A001', type: 'same' }),
          expect.objectContaining({ id: 'WA:3.A.1', type: 'same' }),
        ]),
      );
    });

    it('returns the citation of a curated renumbered link, stored and read back, and marks a link not read', async () => {
      const us = await call('/crosswalk/US/3E901');
      const eu = us.body.counterparts.find((p: { id: string }) => p.id === 'EU:3E001');
      expect(eu).toMatchObject({ type: 'narrower', basis: 'curated-renumbered' });
      expect(eu.source).toMatchObject({ status: 'verified', readOn: '2026-12-03' });
      expect(eu.source.citation).toContain('ECCN 3E901');
      expect(eu.source.readIn).toContain('dkmcustoms-web/dual-use-v1');
      const uk = await call('/crosswalk/UK/PL9014');
      const quantum = uk.body.counterparts.find((p: { id: string }) => p.id === 'EU:4A506');
      expect(quantum.source.status).toBe('unverified');
      expect(quantum.warning).toMatch(/^unverified: /);
    });

    it('finds the US-unilateral gap 0A521, not 3A090 (EU 3A501.a.16), and filters by category', async () => {
      const all = await call('/gaps?jurisdictions=US,EU');
      const unilateral = all.body.gaps
        .filter((g: { category: string }) => g.category === 'unilateral')
        .map((g: { entry: string }) => g.entry);
      expect(unilateral).toEqual(expect.arrayContaining(['US:0A521']));
      expect(unilateral).not.toContain('US:3A090');
      const cat3 = await call('/gaps?jurisdictions=US,EU&category=3');
      expect(cat3.body.gaps.map((g: { entry: string }) => g.entry)).not.toContain('US:0A521');
      // 27 before the 600 series were compared through the WA ML (3x611 are not-compared with the EU); 23 before US 3D901/3E901 were linked to EU 3D001/3E001; 21 before US 3A090 was linked to EU 3A501.
      expect(cat3.body.summary.unilateral['US→EU']).toBe(20);
      expect(cat3.body.gaps[0].evidence.length).toBeGreaterThan(0);
    });

    it('answers only the real gaps by default and lists the cleared pairs with include=cleared', async () => {
      const plain = await call('/gaps?jurisdictions=US,EU&category=0');
      expect(plain.status).toBe(200);
      expect(plain.body.cleared).toBeUndefined();
      expect(plain.body.clearedCount).toBeGreaterThan(0);
      const withCleared = await call('/gaps?jurisdictions=US,EU&category=0&include=cleared');
      expect(withCleared.body.gaps).toEqual(plain.body.gaps);
      expect(withCleared.body.cleared).toHaveLength(plain.body.clearedCount);
      // EU 0A001 (nuclear reactors) is implemented in the US by 10 CFR 110 Appendix A, not a gap.
      expect(withCleared.body.cleared).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ entry: 'EU:0A001', other: 'US', status: 'implemented' }),
        ]),
      );
      const bad = await call('/gaps?jurisdictions=US,EU&include=everything');
      expect(bad.status).toBe(400);
      expect(bad.body.error).toBe('invalid-input');
    });

    it.each([
      ['radiation-hardened integrated circuit', /^US:3A001/],
      ['encryption module', /^US:5A002/],
    ])('classifies "%s"', async (q, expected) => {
      const { body } = await call(`/classify?q=${encodeURIComponent(q)}&jurisdiction=US&limit=3`);
      expect(body.candidates[0].id).toMatch(expected);
    });

    it.each([
      [{ jurisdiction: 'US', item: '3A001.a.1.b', to: 'CN' }, 'licence-required', ['NS2'], []],
      [{ jurisdiction: 'US', item: '3A001.a.1.b', to: 'DE' }, 'no-licence-required', [], []],
      [{ jurisdiction: 'US', item: '3A001.a.1.a', to: 'DE' }, 'licence-required', ['MT1'], []],
      [{ jurisdiction: 'US', item: '5A992.c', to: 'IN' }, 'no-licence-required', [], []],
      [{ jurisdiction: 'EU', item: '3A001.a.1', to: 'CN' }, 'licence-required', ['Annex I 3A001.a.1'], []],
      [
        { jurisdiction: 'EU', item: '3A001.a.1', to: 'CA' },
        'general-authorisation-available',
        ['Annex I 3A001.a.1'],
        ['EU001'],
      ],
    ])('determines %j: %s', async (request, outcome, reasons, gas) => {
      const { status, body } = await call('/determine', request);
      expect(status).toBe(200);
      expect(body).toMatchObject({ outcome, reasons, exceptions: [], generalAuthorisations: gas });
    });

    it.each([
      // 15 CFR 738.3(a)(1): 0A983 needs a licence to every destination, no exception
      [{ jurisdiction: 'US', item: '0A983', to: 'CA' }, 'licence-required', 'CC'],
      // ECCN 9A005's heading: "subject to the ITAR", so not subject to the EAR
      [{ jurisdiction: 'US', item: '9A005', to: 'CA' }, 'governed-elsewhere', '22 CFR parts 120–130'],
      // 15 CFR 754.3(a): 1C980 (NPR products) needs a licence to every destination, Canada included
      [{ jurisdiction: 'US', item: '1C980', to: 'CA' }, 'licence-required', 'SS'],
      // 15 CFR 754.1(b)(1)(iii): 1C988 is short supply, see §754.4 (not read)
      [{ jurisdiction: 'US', item: '1C988', to: 'CA' }, 'review-needed', undefined],
    ])('never answers NLR off the Country Chart: %j → %s', async (request, outcome, reason) => {
      const { status, body } = await call('/determine', request);
      expect(status).toBe(200);
      expect(body.outcome).toBe(outcome);
      expect(body.licenceRequired).toBe(true);
      if (reason) expect(body.reasons.join(' ')).toContain(reason);
    });

    it('returns each general authorisation refused with its citation and where it was read', async () => {
      const { status, body } = await call('/determine', { jurisdiction: 'EU', item: '7A117', to: 'US' });
      expect(status).toBe(200);
      expect(body.outcome).toBe('licence-required');
      const eu001 = body.authorisations.find((a: { id: string }) => a.id === 'EU001');
      expect(eu001).toMatchObject({ result: 'not-available', status: 'verified' });
      expect(eu001.why).toContain('Annex IV');
      expect(eu001.citations.join(' ')).toMatch(/Annex IV Part I, entry 7A117 \(read in .*, 2026-12-03\)/);
    });

    it('refuses EU003 for 1A002.a with the paragraph read, and leaves 1A002.b to check (Annex II Section C Part 1)', async () => {
      const eu003 = async (item: string) =>
        (await call('/determine', { jurisdiction: 'EU', item, to: 'CN' })).body.authorisations.find(
          (a: { id: string }) => a.id === 'EU003',
        );
      const refused = await eu003('1A002.a');
      expect(refused).toMatchObject({
        result: 'not-available',
        status: 'verified',
        why: '1A002.a is excluded',
      });
      expect(refused.citations.join(' ')).toMatch(
        /Annex II Section C \(EU003\).*\(read in eksportkontrol\.erhvervsstyrelsen\.dk\/udfoerselstilladelse-eu003.*2026-12-03\)/,
      );
      expect(await eu003('1A002.b')).toMatchObject({ result: 'to-check', status: 'unverified' });
    });

    it.each([
      [
        { jurisdiction: 'EU', item: '3A904', to: 'CN' },
        'unknown-control-entry',
        'item',
        ['EU:3A504', 'US:3A904'],
      ],
      [{ jurisdiction: 'US', item: '3A001.a.1.b', to: 'XX' }, 'unknown-country', 'to', undefined],
      [
        { jurisdiction: 'US', item: '3A001.a.1.b', to: 'CN', value: 'lots' },
        'invalid-input',
        'value',
        undefined,
      ],
    ])('answers 400 naming the field for %j', async (request, error, field, suggestions) => {
      const { status, body } = await call('/determine', request);
      expect(status).toBe(400);
      expect(body).toMatchObject({ error, details: { field } });
      if (suggestions) expect(body.details.suggestions).toEqual(suggestions);
    });

    it("stores each assessment as a decision record of the caller's organisation", async () => {
      const created = await call('/assess', shipment);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        channel: 'api',
        summary: { destination: 'RU', strictestOutcome: 'prohibited' },
      });
      expect(created.body.outputs.assessment.summary.divergences[0].note).toBe(
        'EU: prohibited vs US: licence-required',
      );
      const id = created.body.id as string;
      expect((await call(`/assessments/${id}`)).body.id).toBe(id);
      expect((await call('/assessments')).body.records.map((r: { id: string }) => r.id)).toEqual([id]);
      expect((await call(`/assessments/${id}`, undefined, 'other')).status).toBe(404);
      expect((await call('/assessments', undefined, 'other')).body.records).toEqual([]);
    });

    it('rejects a transaction with an unknown country, naming the field', async () => {
      const bad = { ...shipment, route: ['TR', 'Atlantis'] };
      const { status, body } = await call('/assess', bad);
      expect(status).toBe(400);
      expect(body).toMatchObject({ error: 'unknown-country', details: { field: 'route[1]' } });
    });

    it('raises the risk of an assessment whose item the ITAR governs, naming the other regulations (ECCN 9A005 heading, 15 CFR 738.3(a))', async () => {
      const itar = {
        items: [{ description: 'rocket propulsion', classifications: { US: '9A005' }, origin: 'US' }],
        parties: [
          { role: 'exporter', name: 'A', country: 'US' },
          { role: 'end-user', name: 'B', country: 'CA' },
        ],
        endUse: 'civil research',
      };
      const { status, body } = await call('/assess', itar);
      expect(status).toBe(201);
      const { risk } = body.outputs.assessment;
      expect(body.outputs.assessment.summary.items[0].strictestOutcome).toBe('governed-elsewhere');
      expect(risk.level).toBe('medium');
      expect(risk.factors).toEqual([
        expect.objectContaining({
          id: 'governed-elsewhere',
          detail: '9A005 (US: 22 CFR parts 120–130 (ITAR))',
        }),
      ]);
    });
  },
);
