import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, SHARED_DATA, storeTargets } from '@entente/adapters/testing';
import { loadControlsInto } from './load-controls.ts';
import { runCli } from './run-cli.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

for (const target of storeTargets()) {
  describe.skipIf(!hasSharedData())(`entente supply on ${target.name}`, () => {
    const place = target.place();
    const env = { ...place.env, ENTENTE_MIRROR: SHARED_DATA };
    const cli = (...args: string[]) => runCli(args, env);

    beforeAll(() => loadControlsInto(place.config), 240_000);
    afterAll(place.drop);

    it('analyses the switch BOM towards Iran as JSON: 18% US content over the 10% E:1 level', async () => {
      const r = await cli(
        'supply',
        'analyse',
        fixture('bom-network-switch.json'),
        '--destination',
        'IR',
        '--json',
      );
      expect(r.code).toBe(0);
      const a = JSON.parse(r.stdout) as {
        products: {
          reach: {
            destination: string;
            us: { subjectToEar: boolean; deMinimis: { share: number; threshold: number } };
          }[];
        }[];
        dataVersions: { chpl: string };
      };
      expect(a.products[0]!.reach).toEqual([
        expect.objectContaining({
          destination: 'IR',
          us: expect.objectContaining({
            subjectToEar: true,
            deMinimis: expect.objectContaining({ share: 0.18, threshold: 0.1 }),
          }),
        }),
      ]);
      expect(a.dataVersions.chpl).toBe('2024-02-23');
    });

    it('prints the reach table, the findings and the scenario outcome as text', async () => {
      const r = await cli(
        'supply',
        'analyse',
        fixture('bom-quantum-cryostat.json'),
        '--scenario',
        'us-2024-09-quantum-cryogenic',
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^CN +YES +30\.0% +25\.0%/m);
      expect(r.stdout).toMatch(/^JP +no +20\.5% +25\.0%/m);
      expect(r.stdout).toContain('HHI 5008.9 over 2 jurisdiction(s)');
      expect(r.stdout).toContain('dr-500: 86000 at stake (20.5%)');
    });

    it('runs an inline scenario file and the DJI listing on the UAV CSV', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'entente-scenario-'));
      const file = path.join(dir, 'deny.json');
      writeFileSync(
        file,
        JSON.stringify({
          id: 'eu-deny-cn',
          title: 'EU denies China',
          kind: 'deny-exports',
          actor: 'EU',
          destinations: { include: ['CN'] },
        }),
      );
      const r = await cli(
        'supply',
        'analyse',
        fixture('bom-uav.csv'),
        '--scenario',
        `${file},us-2020-12-dji-entity-list`,
        '--json',
      );
      expect(r.code).toBe(0);
      const a = JSON.parse(r.stdout) as {
        scenarios: { scenario: { id: string }; totals: { valueAtStake: number } }[];
      };
      expect(a.scenarios.map((s) => [s.scenario.id, s.totals.valueAtStake])).toEqual([
        ['eu-deny-cn', 9418],
        ['us-2020-12-dji-entity-list', 1300],
      ]);
    });

    it('lists the scenario library', async () => {
      const r = await cli('supply', 'scenarios', '--json');
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { scenarios: unknown[] }).scenarios).toHaveLength(8);
    });

    it.each([
      [
        'a CSV fault naming file, row and column',
        'bad.csv',
        'product,product_made_in,part_id,description,quantity,unit_value,supplier,supplier_country,origin\nX,DE,P1,Part,1,ten,S,US,US\n',
        /bad\.csv row 2, unit_value: "ten" is not a number/,
      ],
      [
        'an unknown ECCN naming the row and column',
        'code.csv',
        'product,product_made_in,part_id,description,quantity,unit_value,us,supplier,supplier_country,origin\nX,DE,P1,Part,1,10,5A999,S,US,US\n',
        /code\.csv, column us: row 2, .*unknown US control entry "5A999"/,
      ],
    ])('exits 1 on %s', async (_, name, text, message) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'entente-bom-'));
      writeFileSync(path.join(dir, name), text);
      const r = await cli('supply', 'analyse', path.join(dir, name));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
    });

    it('exits 1 on an unknown scenario id and an unknown destination', async () => {
      const a = await cli('supply', 'analyse', fixture('bom-uav.csv'), '--scenario', 'no-such');
      expect(a.code).toBe(1);
      expect(a.stderr).toContain('no scenario "no-such"');
      const b = await cli('supply', 'analyse', fixture('bom-uav.csv'), '--destination', 'XX');
      expect(b.code).toBe(1);
      expect(b.stderr).toContain('unknown country "XX"');
    });
  });
}
