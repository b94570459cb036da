import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { determine, isDomainError, type DeterminationData } from '@entente/core';
import type { UsCountryTables } from '../controls/ear/ear-tables-source.ts';
import { readUsCountryTables } from '../controls/ear/read-us-country-tables.ts';
import {
  chartFromMirrorJson,
  exceptionsFromMirrorJson,
  groupsFromMirrorJson,
} from '../controls/ear/read-mirror-ear-tables.ts';
import { hasSharedData, sharedDataPath } from '../test-support/shared-data.ts';
import { loadCountryFacts } from './load-country-facts.ts';
import { loadDeterminationData } from './load-determination-data.ts';

const FIXTURES = {
  'title-15_part-738.xml': new URL('../controls/ear/fixtures/title-15_part-738.xml', import.meta.url),
  'title-15_part-740.xml': new URL('../controls/ear/fixtures/title-15_part-740.xml', import.meta.url),
  'title-15_part-774.xml': new URL('../controls/ccl/fixtures/title-15_part-774.xml', import.meta.url),
};

let sourcesDir: string;
let data: DeterminationData;
let fixture: UsCountryTables;
beforeAll(async () => {
  sourcesDir = await mkdtemp(path.join(os.tmpdir(), 'entente-ecfr-'));
  const ecfr = path.join(sourcesDir, 'controls', 'us', 'ecfr');
  await mkdir(ecfr, { recursive: true });
  for (const [name, url] of Object.entries(FIXTURES)) await copyFile(url, path.join(ecfr, name));
  fixture = await readUsCountryTables([path.join(sourcesDir, 'controls', 'us')]);
  data = await loadDeterminationData(undefined, { sourcesDir });
});
afterAll(() => rm(sourcesDir, { recursive: true, force: true }));

describe('US determinations from the fetched eCFR texts alone (no mirror)', () => {
  it.each([
    // NS Column 2 is marked for China and Kosovo, not Canada (Supp. 1 to part 738)
    ['3A001.a.1.b', 'CN', {}, 'licence-required', ['NS2'], []],
    ['3A001.a.1.b', 'XK', {}, 'licence-required', ['NS2'], []],
    ['3A001.a.1.b', 'CA', {}, 'no-licence-required', [], []],
    // LVS $1500 for 3A001.c (the ECCN's text) to Kosovo, a Country Group B destination (Supp. 1 to part 740)
    ['3A001.c', 'XK', { value: 1000 }, 'exception-available', ['NS2'], ['LVS']],
    ['3A001.c', 'CN', { value: 1000 }, 'licence-required', ['NS2'], []],
    // A row that points to Part 746: "no X" never means "no licence"
    ['EAR99', 'IR', {}, 'prohibited', ['Iran sanctions'], []],
  ])('US %s → %s %j: %s %j %j', (item, to, extra, outcome, reasons, exceptions) => {
    const d = determine(data, { jurisdiction: 'US', item, to, ...extra });
    expect(d.outcome).toBe(outcome);
    expect(d.reasons).toEqual(reasons);
    expect(d.exceptions).toEqual(exceptions);
  });

  it('gives the EU and Japan country facts from the dataset shipped with Entente', () => {
    expect(data.countries.get('DE')).toMatchObject({ euMember: true, eu001: false, japanGroupA: true });
    expect(data.countries.get('HR')).toMatchObject({ euMember: true, eu001: false, japanGroupA: false });
    expect(data.countries.get('NO')).toMatchObject({ euMember: false, eu001: true, japanGroupA: true });
    expect(data.countries.get('GB')).toMatchObject({ euMember: false, eu001: true, japanGroupA: true });
    expect(data.countries.get('KR')).toMatchObject({ euMember: false, eu001: false, japanGroupA: true });
    expect(data.countries.get('CN')).toMatchObject({ euMember: false, eu001: false, japanGroupA: false });
  });

  it('applies Japan’s catch-all to a military end use outside Group A only (no mirror)', () => {
    const to = (iso2: string) =>
      determine(data, { jurisdiction: 'JP', item: 'EAR99', to: iso2, endUse: 'military aircraft' });
    expect(to('KR').outcome).toBe('not-controlled');
    expect(to('KR').reasons).not.toContain('Catch-all control (row 16)');
    expect(to('CN').outcome).toBe('licence-required');
    expect(to('CN').reasons).toContain('Catch-all control (row 16)');
  });

  it('knows every chart destination, Kosovo included, with its Country Groups and the part 740 sections', () => {
    expect(data.countries.get('XK')).toMatchObject({ name: 'Kosovo', usGroups: ['B'] });
    expect(data.countries.get('GB')?.regimes).toEqual({
      wassenaar: true,
      mtcr: true,
      australiaGroup: true,
      nsg: true,
    });
    expect(data.us.exceptionSections['LVS']).toEqual({
      section: '15 C.F.R. § 740.3',
      title: 'Shipments of limited value (LVS)',
    });
    expect(data.us.chartFootnotes['5']).toMatch(/Liechtenstein/);
  });

  it('says how to get the texts when there is neither a fetch nor a mirror', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'entente-empty-'));
    try {
      await loadDeterminationData(undefined, { sourcesDir: empty });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('invalid-input');
      expect((error as Error).message).toMatch(/entente sync --online.*ENTENTE_MIRROR/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!hasSharedData())('the eCFR readers give the mirror’s facts', () => {
  const mirror = async () => ({
    chart: chartFromMirrorJson(await readFile(sharedDataPath('controls/us/country-chart.json'), 'utf8')),
    groups: groupsFromMirrorJson(await readFile(sharedDataPath('controls/us/country-groups.json'), 'utf8')),
    exceptions: exceptionsFromMirrorJson(
      await readFile(sharedDataPath('controls/us/license-exception-catalog.json'), 'utf8'),
    ),
  });
  const strip = <T extends { source: unknown }>({ source: _s, ...fact }: T): Omit<T, 'source'> => fact;

  it('for every chart row, footnote, group member and exception of the fixtures', async () => {
    const m = await mirror();
    for (const row of fixture.chart.rows) {
      expect(strip(row), row.name).toEqual(strip(m.chart.rows.find((r) => r.name === row.name)!));
    }
    for (const [n, text] of Object.entries(fixture.chart.footnotes)) expect(text).toBe(m.chart.footnotes[n]);
    const named = new Set(Object.values(fixture.groups.groups).flat());
    for (const [group, members] of Object.entries(fixture.groups.groups)) {
      expect(members, group).toEqual(
        m.groups.groups[group]!.filter((n) => named.has(n) && members.includes(n)),
      );
      // A destination the fixture's table lists is in the group exactly when the mirror says so.
      const table =
        group === 'B'
          ? fixture.groups.groups.B!
          : Object.entries(fixture.groups.groups)
              .filter(([g]) => g[0] === group[0])
              .flatMap(([, names]) => names);
      for (const name of new Set(table))
        expect(members.includes(name), `${name} ${group}`).toBe(m.groups.groups[group]!.includes(name));
    }
    for (const x of fixture.exceptions.exceptions) {
      const { source: _s, ...mirrorFact } = m.exceptions.exceptions.find(
        (y) => y.sectionNumber === x.sectionNumber,
      )!;
      expect(strip(x)).toEqual(mirrorFact);
    }
  });

  it('gives the same US country facts as the mirror for the fixtures’ destinations', async () => {
    const fromEcfr = (await loadCountryFacts(undefined, fixture)).countries;
    const fromMirror = (await loadCountryFacts(sharedDataPath('controls'))).countries;
    for (const code of ['AF', 'AL', 'AU', 'CA', 'CN', 'CU', 'IR', 'KP', 'XK', 'LI', 'RU', 'SC', 'GB', 'CI']) {
      const pick = (f = fromEcfr.get(code)) => ({
        marks: f?.usChartMarks,
        footnotes: f?.usChartFootnotes,
        pointer: f?.usEmbargoPointer,
      });
      expect(pick(), code).toEqual(pick(fromMirror.get(code)));
    }
    for (const code of ['CA', 'XK', 'GB', 'CN', 'CU', 'IR'])
      expect(fromEcfr.get(code)?.usGroups.sort(), code).toEqual(fromMirror.get(code)?.usGroups.sort());
  });

  const fetched = [process.env.ENTENTE_SOURCES_DIR, sharedDataPath()]
    .filter((d): d is string => !!d)
    .map((d) => path.join(d, 'controls', 'us'))
    .find(
      (d) =>
        existsSync(path.join(d, 'ecfr', 'title-15_part-738.xml')) &&
        existsSync(path.join(d, 'ecfr', 'title-15_part-740.xml')),
    );
  it.skipIf(!fetched)(
    'for the whole chart, groups and exceptions where a real eCFR download is at hand',
    async () => {
      const m = await mirror();
      const real = await readUsCountryTables([fetched!]);
      expect(real.chart.rows.map(strip)).toEqual(expect.arrayContaining(m.chart.rows.map(strip)));
      expect(real.chart.footnotes).toEqual(m.chart.footnotes);
      for (const [g, names] of Object.entries(m.groups.groups))
        expect([...real.groups.groups[g]!].sort(), g).toEqual([...names].sort());
      expect(real.exceptions.exceptions.map(strip)).toEqual(
        m.exceptions.exceptions.map(({ source: _s, ...x }) => x),
      );
    },
  );
});
