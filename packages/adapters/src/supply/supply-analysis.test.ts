import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyseSupply,
  deriveCorrespondences,
  isDomainError,
  type DeterminationData,
  type SupplyAnalysis,
  type SupplyData,
  type SupplyScenario,
} from '@entente/core';
import { ControlCatalogue } from '../controls/control-catalogue.ts';
import { catalogueLookup, catalogueSuggest } from '../controls/catalogue-entry-lookup.ts';
import { latestVersions, readAllControlLists } from '../controls/load-control-lists.ts';
import { loadDeterminationData } from '../licensing-data/load-determination-data.ts';
import { hasSharedData, REPO_ROOT, SHARED_DATA } from '../test-support/shared-data.ts';
import { buildSupplyData, readChplDate } from './build-supply-data.ts';
import { loadSupplyScenarios, selectScenarios, type ScenarioLibrary } from './load-supply-scenarios.ts';
import { locateBomError, readBom, readBomFile, validateBomFile } from './read-bom.ts';

const fixture = (name: string) => path.join(REPO_ROOT, 'packages/cli/test/fixtures', name);
let data: DeterminationData;
let supply: SupplyData;
let library: ScenarioLibrary;

beforeAll(async () => {
  if (!hasSharedData()) return;
  const lists = latestVersions(await readAllControlLists(SHARED_DATA));
  const catalogue = new ControlCatalogue(lists, deriveCorrespondences(lists));
  data = await loadDeterminationData(SHARED_DATA, {
    lookup: catalogueLookup(catalogue),
    suggest: catalogueSuggest(catalogue),
  });
  library = await loadSupplyScenarios(data);
  supply = buildSupplyData(catalogue, data, {
    chplDate: (await readChplDate(SHARED_DATA)) as string,
    scenarioLibrary: library.version,
  });
}, 60_000);

async function analyse(
  file: string,
  options: { destinations?: string[]; scenarios?: SupplyScenario[] } = {},
): Promise<SupplyAnalysis> {
  return analyseSupply(supply, await readBom(data, fixture(file)), options);
}

const reach = (a: SupplyAnalysis, destination: string) =>
  a.products[0]!.reach.find((r) => r.destination === destination)!.us;
const scenario = (id: string) => library.scenarios.find((s) => s.id === id)!;

describe.skipIf(!hasSharedData())('supply analysis on the real control lists', () => {
  it('reads the UAV CSV: one product, 12 components with their CSV rows, value summed from the lines', async () => {
    const bom = await readBom(data, fixture('bom-uav.csv'));
    expect(bom.products).toHaveLength(1);
    const p = bom.products[0]!;
    expect(p).toMatchObject({ id: 'uav-x8', madeIn: 'PL', destinations: ['DE', 'CN', 'RU', 'IR'] });
    expect(p.components.map((c) => c.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(p.components[3]).toMatchObject({
      partId: 'THM-04',
      alternates: [{ supplier: 'Wuhan Infrared Tech Co., Ltd.', country: 'CN' }],
    });
  });

  it.each([
    // Hand-computed: US-origin controlled content / product value against 25% (10% for E:1).
    ['bom-uav.csv', 'DE', 1800, 9418, 0.25, false], // only the 5A002.a radio needs a licence exception (ENC)
    ['bom-uav.csv', 'CN', 1800, 9418, 0.25, false], // AT-only parts need no licence to China
    ['bom-uav.csv', 'RU', 6200, 9418, 0.25, true], // every CCL item needs a licence to Russia
    ['bom-uav.csv', 'IR', 6200, 9418, 0.1, true],
    ['bom-network-switch.json', 'CN', 240, 4000, 0.25, false], // MACsec PHYs (ENC) only: 6%
    ['bom-network-switch.json', 'IR', 720, 4000, 0.1, true], // E:1: 240 + 150 + 30 + 300 = 18% > 10% (would be under 25%)
    ['bom-quantum-cryostat.json', 'CN', 126000, 420000, 0.25, true], // 3A904 + 4A906 + He-3 (NP1) = 30%
    ['bom-quantum-cryostat.json', 'JP', 86000, 420000, 0.25, false], // worldwide 3A904/4A906 only: 20.48%
  ])(
    '%s to %s: US controlled content %d of %d against %d → subject %s',
    async (file, destination, usValue, value, threshold, subject) => {
      const us = reach(await analyse(file, { destinations: [destination] }), destination);
      expect(us.deMinimis).toMatchObject({
        usControlledValue: usValue,
        productValue: value,
        threshold,
        subjectToEar: subject,
      });
      expect(us.deMinimis!.share).toBeCloseTo(usValue / value, 12);
      expect(us.subjectToEar).toBe(subject);
    },
  );

  it('does not count GBS-eligible, no-licence or unclassified US content, and says why', async () => {
    const us = reach(await analyse('bom-network-switch.json', { destinations: ['CN'] }), 'CN');
    const lines = Object.fromEntries(us.deMinimis!.lines.map((l) => [l.partId, l]));
    expect(lines['PHY-2']).toMatchObject({ counted: true, outcome: 'exception-available' });
    expect(lines['CPU-3']).toMatchObject({ counted: false, outcome: 'no-licence-required' });
    expect(lines['PMIC-4']?.counted).toBe(false);
  });

  it('lists each ally controlling a component and infers regime-numbered codes for the others', async () => {
    const phy = (await analyse('bom-network-switch.json')).products[0]!.components.find(
      (c) => c.partId === 'PHY-2',
    )!;
    expect(phy.controlledBy).toEqual(['US', 'EU', 'UK', 'JP']);
    expect(phy.controls.find((c) => c.jurisdiction === 'UK')).toMatchObject({
      status: 'controlled',
      inferred: true,
      code: '5A002.a',
    });
    expect(phy.supplyLeg.laws).toEqual([
      expect.objectContaining({ jurisdiction: 'US', outcome: 'exception-available' }),
    ]);
  });

  it('finds single-source, CHPL and divergent components of the switch', async () => {
    const p = (await analyse('bom-network-switch.json')).products[0]!;
    expect(p.summary.singleSource).toEqual(['PHY-2', 'CPU-3', 'NOS-11']);
    expect(p.summary.chpl).toEqual([
      'ASIC-1',
      'PHY-2',
      'CPU-3',
      'PMIC-4',
      'DRAM-5',
      'NAND-6',
      'TPM-7',
      'PSU-9',
    ]);
    expect(p.components.find((c) => c.partId === 'ASIC-1')!.dependencies.chplTier).toBe('1');
    expect(p.summary.divergent).toEqual(['CPU-3', 'NOS-11']);
    expect(p.components.find((c) => c.partId === 'CPU-3')!.dependencies.divergences[0]).toMatchObject({
      source: 'gap',
      entry: 'US:5A992',
      category: 'unilateral',
      lackingIn: 'EU',
    });
  });

  it('measures the concentration of the cryostat controlled value by origin: HHI 5008.9 (US 52.1%, EU 47.9%)', async () => {
    const c = (await analyse('bom-quantum-cryostat.json')).products[0]!.concentration;
    expect(c).toMatchObject({ hhi: 5008.9, level: 'high', total: 241800 });
    expect(c.shares.map((s) => [s.key, s.value])).toEqual([
      ['US', 126000],
      ['EU', 115800],
    ]);
  });

  it('flags the cryostat components the EU and US control but the UK does not (2025 EU additions)', async () => {
    const p = (await analyse('bom-quantum-cryostat.json')).products[0]!;
    expect(p.summary.divergent).toEqual(['PT-1', 'DU-3', 'LNA-4', 'TWPA-5']);
    expect(
      p.components
        .find((c) => c.partId === 'TWPA-5')!
        .dependencies.divergences.map((d) => `${d.controlledBy}>${d.lackingIn}`),
    ).toEqual(['US>UK', 'EU>UK']);
  });

  it('ships a library of 8 scenarios, each with a dated source', () => {
    expect(library.scenarios.map((s) => s.id)).toEqual([
      'cn-2024-12-gallium-germanium-to-us',
      'eu-2022-russia-export-ban',
      'fr-2024-quantum',
      'jp-2023-07-semiconductor-equipment',
      'nl-2023-09-advanced-lithography',
      'uk-2024-04-quantum',
      'us-2020-12-dji-entity-list',
      'us-2024-09-quantum-cryogenic',
    ]);
    expect(library.scenarios.every((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.source?.date ?? ''))).toBe(true);
  });

  it('the 2024 US quantum controls put the cryocooler and the parametric amplifiers under licence; the UK alternate is not controlled', async () => {
    const [r] = (
      await analyse('bom-quantum-cryostat.json', { scenarios: [scenario('us-2024-09-quantum-cryogenic')] })
    ).scenarios;
    expect(r!.totals).toEqual({
      productsAffected: 1,
      componentsAffected: 2,
      unmitigated: 0,
      valueAtStake: 86000,
    });
    const twpa = r!.products[0]!.components.find((c) => c.partId === 'TWPA-5')!;
    expect(twpa.alternatesRemaining).toEqual([
      expect.objectContaining({ country: 'GB', jurisdiction: 'UK', status: 'unclassified' }),
    ]);
    expect(r!.products[0]!.shareAtStake).toBeCloseTo(86000 / 420000, 12);
  });

  it('the DJI listing cuts the gimbal camera, with a Vietnamese alternate left', async () => {
    const [r] = (await analyse('bom-uav.csv', { scenarios: [scenario('us-2020-12-dji-entity-list')] }))
      .scenarios;
    expect(r!.products[0]!.components).toEqual([
      expect.objectContaining({
        partId: 'GMB-06',
        value: 1300,
        unmitigated: false,
        alternatesRemaining: [expect.objectContaining({ country: 'VN', status: 'not-modelled' })],
      }),
    ]);
  });

  it('the EU ban on exports to Russia stops the Polish UAV going to Russia: the whole value is at stake', async () => {
    const [r] = (await analyse('bom-uav.csv', { scenarios: [scenario('eu-2022-russia-export-ban')] }))
      .scenarios;
    expect(r!.products[0]).toMatchObject({
      valueAtStake: 9418,
      shareAtStake: 1,
      exports: [expect.objectContaining({ destination: 'RU' })],
    });
  });

  it('a new US control on thermal cameras to China would bring the UAV under the EAR through its US content', async () => {
    const inline = selectScenarios(data, library, [
      {
        id: 'x',
        title: 'US controls 6A993 cameras to China',
        kind: 'add-control',
        actor: 'US',
        entry: 'US:6A993',
        match: { codes: ['US:6A993'] },
        destinations: { include: ['CN'] },
      },
    ]);
    const [r] = (await analyse('bom-uav.csv', { scenarios: inline })).scenarios;
    const change = r!.products[0]!.reachChanges.find((c) => c.destination === 'CN')!;
    expect(change).toMatchObject({ subjectBefore: false, subjectAfter: true });
    expect(change.shareAfter).toBeCloseTo((1800 + 2400) / 9418, 12);
    // The scope is China: the camera's own shipment from the US to Poland stays free.
    expect(r!.products[0]!.components).toEqual([]);
    expect(r!.products[0]!.exports.map((e) => e.destination)).toEqual(['CN']);
  });

  it('a US denial to Iran stops the Taiwanese switch there, because its US content exceeds 10%', async () => {
    const inline = selectScenarios(data, library, [
      {
        id: 'x',
        title: 'US denies Iran',
        kind: 'deny-exports',
        actor: 'US',
        destinations: { include: ['E:1'] },
      },
    ]);
    const [r] = (await analyse('bom-network-switch.json', { scenarios: inline })).scenarios;
    expect(r!.products[0]!.exports.map((e) => e.destination)).toEqual(['IR']);
  });

  it('names the data versions read', async () => {
    const v = (await analyse('bom-uav.csv')).dataVersions;
    expect(v).toMatchObject({
      earTablesAsOf: '2026-07-23',
      chpl: '2024-02-23',
      scenarioLibrary: library.version,
    });
    expect(v.controlLists.map((l) => l.list)).toEqual(expect.arrayContaining(['US', 'EU', 'UK', 'JP']));
  });

  it('rejects an unknown scenario id naming its position and the accepted ids', () => {
    expect(() => selectScenarios(data, library, ['us-2024-09-quantum-cryogenic', 'no-such'])).toThrow(
      /scenarios\[1\]: no scenario "no-such"/,
    );
  });
});

describe.skipIf(!hasSharedData())('BOM files with faults', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-bom-'));
  const head =
    'product,product_made_in,part_id,description,quantity,unit_value,us,supplier,supplier_country,origin,alternates';
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  async function faultOf(file: string, analyseToo = false): Promise<Record<string, unknown>> {
    const { raw, format } = await readBomFile(file);
    try {
      const bom = validateBomFile(data, raw, file, format);
      if (analyseToo) analyseSupply(supply, bom);
    } catch (error) {
      const located = locateBomError(error, raw, file, format);
      if (isDomainError(located)) return { code: located.code, message: located.message, ...located.details };
    }
    throw new Error('expected an error');
  }
  async function readFault(file: string): Promise<Record<string, unknown>> {
    try {
      await readBomFile(file);
    } catch (e) {
      if (isDomainError(e)) return { code: e.code, message: e.message, ...e.details };
    }
    throw new Error('expected an error');
  }

  it.each([
    ['unknown column', `${head},colour\nX,DE,P1,Part,1,10,EAR99,S,US,US,,red\n`, 1, 'colour'],
    ['missing column', 'product,part_id\nX,P1\n', 1, 'product_made_in'],
    [
      'not a number',
      `${head}\nX,DE,P1,Part,1,10,EAR99,S,US,US,\nX,DE,P2,Part,two,10,EAR99,S,US,US,\n`,
      3,
      'quantity',
    ],
    [
      'conflicting product value',
      `${head}\nX,DE,P1,Part,1,10,EAR99,S,US,US,\nX,FR,P2,Part,1,10,EAR99,S,US,US,\n`,
      3,
      'product_made_in',
    ],
    ['bad alternate', `${head}\nX,DE,P1,Part,1,10,EAR99,S,US,US,Acme Japan\n`, 2, 'alternates'],
  ])('rejects a CSV with a %s naming file, row and column', async (_, text, row, field) => {
    const file = write('bad.csv', text);
    expect(await readFault(file)).toMatchObject({ code: 'file-rejected', file, row, field });
  });

  it('names file, row and column of an unknown country', async () => {
    const file = write(
      'country.csv',
      `${head}\nX,DE,P1,Part,1,10,EAR99,S,US,US,\nX,DE,P2,Part,1,10,EAR99,S,ZZ,US,\n`,
    );
    const f = await faultOf(file);
    expect(f).toMatchObject({ code: 'unknown-country', file, row: 3, field: 'supplier_country' });
    expect(f['message']).toMatch(/country\.csv, column supplier_country: row 3, /);
  });

  it('names file, row and column of an unknown control entry found by the analysis', async () => {
    const file = write('code.csv', `${head}\nX,DE,P1,Part,1,10,5A999,S,US,US,\n`);
    expect(await faultOf(file, true)).toMatchObject({
      code: 'unknown-control-entry',
      file,
      row: 2,
      field: 'us',
    });
  });

  it('names the row of a product-level fault', async () => {
    const file = write('made.csv', `${head}\nX,QQ,P1,Part,1,10,EAR99,S,US,US,\n`);
    expect(await faultOf(file)).toMatchObject({ code: 'unknown-country', row: 2, field: 'product_made_in' });
  });

  it('rejects a JSON BOM that is not JSON, and a file of another type', async () => {
    expect(await readFault(write('bad.json', '{"products": ['))).toMatchObject({
      code: 'file-rejected',
      field: 'bom',
    });
    expect(await readFault(write('bom.xlsx', 'x'))).toMatchObject({ code: 'unknown-format' });
  });

  it('rejects an invalid scenario file naming the file and field', async () => {
    const sdir = mkdtempSync(path.join(tmpdir(), 'entente-scen-'));
    writeFileSync(
      path.join(sdir, 'bad.json'),
      JSON.stringify({
        id: 'b',
        title: 'B',
        kind: 'add-control',
        actor: 'US',
        entry: 'US:1',
        match: { codes: ['4A906'] },
      }),
    );
    await expect(loadSupplyScenarios(data, sdir)).rejects.toMatchObject({
      code: 'file-rejected',
      details: { file: 'bad.json', field: 'scenario.match.codes' },
    });
  });
});
