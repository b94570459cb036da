import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadControlLists, PostgresControlStore } from '@entente/adapters';
import { hasSharedData, SHARED_DATA, storeTargets } from '@entente/adapters/testing';
import type { createApp } from '../create-app.ts';
import { createTestApp } from '../test-support/create-test-app.ts';
import { openSharingApp, type SharingApp } from './sharing-fixture.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../cli/test/fixtures/${name}`, import.meta.url), 'utf8');
const bom = (name: string) => JSON.parse(fixture(name)) as Record<string, unknown>;

describe.skipIf(!hasSharedData())('supply analysis over HTTP', () => {
  let t: SharingApp;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await openSharingApp(storeTargets()[0]!);
    await loadControlLists(new PostgresControlStore(t.store.kysely), { mirrorDir: SHARED_DATA });
    // The sharing fixture's app has no mirror; the supply routes read the EAR tables from one.
    app = createTestApp(t.store, { config: { mirrorDir: SHARED_DATA }, sharing: t.world.sharing });
  }, 240_000);
  afterAll(async () => t?.close());

  const call = async (method: string, path: string, body?: unknown, who: 'exporter' | null = 'exporter') => {
    const res = await app.request(path, {
      method,
      headers: {
        ...(who ? { authorization: `Bearer ${t.tokens[who]}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('needs authentication', async () => {
    expect(
      (await call('POST', '/supply/analyse', { bom: bom('bom-network-switch.json') }, null)).status,
    ).toBe(401);
    expect((await call('GET', '/supply/scenarios', undefined, null)).status).toBe(401);
  });

  it('lists the 8 library scenarios with the library version', async () => {
    const { status, body } = await call('GET', '/supply/scenarios');
    expect(status).toBe(200);
    expect(body.scenarios).toHaveLength(8);
    expect(body.version).toMatch(/^8 scenarios, [0-9a-f]{12}$/);
  });

  it('analyses the cryostat with a library scenario and an inline one', async () => {
    const inline = {
      id: 'uk-adopts',
      title: 'UK adopts 3A904',
      kind: 'add-control',
      actor: 'UK',
      entry: 'UK:3A904',
      match: { codes: ['US:3A904'] },
    };
    const { status, body } = await call('POST', '/supply/analyse', {
      bom: bom('bom-quantum-cryostat.json'),
      destination: ['CN', 'JP'],
      scenarios: ['us-2024-09-quantum-cryogenic', inline],
    });
    expect(status).toBe(200);
    const p = body.products[0];
    expect(
      p.reach.map((r: any) => [r.destination, r.us.subjectToEar, r.us.deMinimis.usControlledValue]),
    ).toEqual([
      ['CN', true, 126000],
      ['JP', false, 86000],
    ]);
    expect(p.concentration.hhi).toBe(5008.9);
    expect(body.scenarios.map((s: any) => [s.scenario.id, s.totals.valueAtStake])).toEqual([
      ['us-2024-09-quantum-cryogenic', 86000],
      ['uk-adopts', 0],
    ]);
    expect(body.dataVersions.catalogueStamp).toBeTruthy();
  });

  it("analyses a BOM sent as CSV text, with each component's row", async () => {
    const { status, body } = await call('POST', '/supply/analyse', {
      bomCsv: fixture('bom-uav.csv'),
      file: 'bom-uav.csv',
      destination: 'CN',
    });
    expect(status).toBe(200);
    const p = body.products[0];
    expect(p.id).toBe('uav-x8');
    expect(p.components).toHaveLength(12);
    expect(p.components.find((c: any) => c.partId === 'RAD-11')).toMatchObject({
      row: 12,
      origin: 'US',
      controlled: true,
    });
    expect(p.reach.map((r: any) => r.destination)).toEqual(['CN']);
  });

  it.each([
    // Unreadable CSV content is file-rejected (422); a readable value the BOM rules refuse is invalid (400).
    [
      'quantity',
      422,
      'uav-x8,PL,X-1,Part,lots,5,S,DE,DE',
      'quantity',
      /row 2, quantity: "lots" is not a number/,
    ],
    [
      'supplier country',
      400,
      'uav-x8,PL,X-1,Part,1,5,S,ZZ,DE',
      'supplier_country',
      /column supplier_country/,
    ],
  ])(
    'rejects a CSV with a bad %s naming the file, row and column',
    async (_, status, line, field, message) => {
      const csv = `product,product_made_in,part_id,description,quantity,unit_value,supplier,supplier_country,origin\n${line}\n`;
      const res = await call('POST', '/supply/analyse', { bomCsv: csv, file: 'bad.csv' });
      expect(res.status).toBe(status);
      expect(res.body.details).toMatchObject({ file: 'bad.csv', row: 2, field });
      expect(res.body.message).toMatch(/^bad\.csv/);
      expect(res.body.message).toMatch(message);
    },
  );

  it('takes the BOM as JSON or CSV, not both nor neither', async () => {
    for (const body of [{}, { bom: bom('bom-network-switch.json'), bomCsv: 'product\n' }]) {
      const res = await call('POST', '/supply/analyse', body);
      expect(res.status).toBe(400);
      expect(res.body.details.field).toBe('bom');
    }
  });

  it.each([
    [
      {
        bom: {
          products: [
            {
              id: 'x',
              madeIn: 'DE',
              components: [
                {
                  partId: 'a',
                  description: 'A',
                  quantity: 1,
                  unitValue: 1,
                  supplier: 'S',
                  supplierCountry: 'ZZ',
                  origin: 'US',
                },
              ],
            },
          ],
        },
      },
      'products[0].components[0].supplierCountry',
    ],
    [{ bom: bom('bom-network-switch.json'), destination: 'XX' }, 'destinations[0]'],
    [{ bom: bom('bom-network-switch.json'), scenarios: ['no-such'] }, 'scenarios[0]'],
    [
      {
        bom: bom('bom-network-switch.json'),
        scenarios: [{ id: 'b', title: 'B', kind: 'deny-exports', actor: 'US' }],
      },
      'scenarios[0].destinations',
    ],
  ])('rejects %j naming the field', async (body, field) => {
    const res = await call('POST', '/supply/analyse', body);
    expect(res.status).toBe(400);
    expect(res.body.details.field).toBe(field);
  });
});
