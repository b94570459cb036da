import { beforeAll, describe, expect, it } from 'vitest';
import { determine, isDomainError, type DeterminationData, type ListedEntry } from '@entente/core';
import { hasSharedData, SHARED_DATA } from '../test-support/shared-data.ts';
import { loadDeterminationData } from './load-determination-data.ts';

// Small inline EU/UK/JP entries until the control-list catalogue is plugged in.
const ENTRIES: Record<string, ListedEntry[]> = {
  EU: [
    {
      code: '3A001.a.1',
      heading: 'Radiation-hardened integrated circuits',
      reasons: [],
      regimeRefs: ['WA:3.A.1.a.1'],
    },
    { code: '5A002.a', heading: 'Information security', reasons: [], regimeRefs: ['WA:5.A.2.a'] },
    { code: '0C002', heading: 'Special fissile materials', reasons: [], regimeRefs: ['NSG:1.3'] },
  ],
  UK: [
    { code: '3A001.a.1', reasons: [], regimeRefs: ['WA:3.A.1.a.1'] },
    {
      code: 'PL9009',
      heading: 'UK national entry limited to one destination',
      reasons: ['national'],
      regimeRefs: [],
      destinations: ['IR'],
    },
  ],
  JP: [{ code: '3A001.a.1', reasons: [], regimeRefs: ['WA:3.A.1.a.1'] }],
};

let data: DeterminationData;
beforeAll(async () => {
  if (!hasSharedData()) return;
  data = await loadDeterminationData(SHARED_DATA, {
    lookup: (j, code) => ENTRIES[j]?.find((e) => e.code === code),
  });
});

function run(
  jurisdiction: string,
  item: string,
  to: string,
  extra: { from?: string; value?: number; endUse?: string; hsCode?: string } = {},
) {
  return determine(data, { jurisdiction, item, to, ...extra });
}

describe.skipIf(!hasSharedData())('determine on the real EAR tables', () => {
  it('loads the 633 ECCNs, 249 countries, Kosovo from the Country Chart, 4 Part 746 regions, and the 50 CHPL codes', () => {
    expect(data.us.eccns.size).toBe(633);
    expect(data.countries.size).toBe(254);
    expect(data.countries.get('XK')?.usChartMarks).toContain('NS2');
    expect(data.chpl.size).toBe(50);
    expect(data.chpl.get('854231')).toBe('1');
    expect([...data.chpl.values()]).toContain('4.A');
  });

  it.each([
    // public examples of the issue
    ['3A001.a.1.b', 'CN', {}, 'licence-required', ['NS2'], []],
    ['3A001.a.1.b', 'DE', {}, 'no-licence-required', [], []],
    ['3A001.a.1.a', 'DE', {}, 'licence-required', ['MT1'], []],
    ['5A992.c', 'IN', {}, 'no-licence-required', [], []],
    // MT Column 1 marks every destination except Canada (§742.5)
    ['3A001.a.1.a', 'CA', {}, 'no-licence-required', [], []],
    // Kosovo: a Country Chart row (Supp. No. 1 to Part 738) marked NS2, and Country Group B
    ['3A001.a.1.b', 'XK', {}, 'exception-available', ['NS2'], ['GBS']],
    // Hong Kong is governed by the China row (85 FR 83788)
    ['3A001.a.1.b', 'HK', {}, 'licence-required', ['NS2'], []],
    // GBS: NS-only licence requirement to a Country Group B destination
    ['3A001.a.1.b', 'BR', {}, 'exception-available', ['NS2'], ['GBS']],
    // LVS: $1500 for 3A001.c, Country Group B only
    ['3A001.c', 'BR', { value: 1000 }, 'exception-available', ['NS2'], ['LVS']],
    ['3A001.c', 'BR', { value: 2000 }, 'licence-required', ['NS2'], []],
    ['3A001.c', 'CN', { value: 100 }, 'licence-required', ['NS2'], []],
    // §740.2(a)(5): no exception for MT items even to a B country within the LVS value
    ['3A001.a.1.a', 'BR', { value: 10 }, 'licence-required', ['NS2', 'MT1'], []],
    // STA: A:5 destination with NS1; A:6 destination with NS only; excluded paragraphs
    ['9B005', 'DE', {}, 'exception-available', ['NS1'], ['STA']],
    ['9B005', 'IL', {}, 'exception-available', ['NS1'], ['STA']],
    ['9B005', 'CN', {}, 'licence-required', ['NS1'], []],
    ['3A001.b.2', 'DE', {}, 'licence-required', ['NS1', 'RS1'], []],
    // ENC: 5A002 (NS1 + EI) with License Exception ENC
    ['5A002.a', 'CN', {}, 'exception-available', ['NS1', 'EI'], ['ENC']],
    ['5A002.a', 'CA', {}, 'no-licence-required', [], []],
    // EAR99: NLR outside Part 746; embargoes reach it
    ['EAR99', 'DE', {}, 'no-licence-required', [], []],
    ['EAR99', 'CU', {}, 'licence-required', ['Cuba embargo'], []],
    ['EAR99', 'IR', {}, 'prohibited', ['Iran sanctions'], []],
    ['EAR99', 'KP', {}, 'licence-required', ['North Korea sanctions'], []],
    ['EAR99', 'SY', {}, 'licence-required', ['Syria controls'], []],
    ['EAR99', 'RU', {}, 'licence-required', ['Russia and Belarus sanctions'], []],
    ['EAR99', 'BY', {}, 'licence-required', ['Russia and Belarus sanctions'], []],
    ['EAR99', 'UA-43', {}, 'licence-required', ['Crimea, DNR and LNR regions of Ukraine'], []],
    ['EAR99', 'UA', {}, 'no-licence-required', [], []],
    // CCL items to embargoed rows: "no X" never means "no licence"
    ['5A992.c', 'CU', {}, 'licence-required', ['Cuba embargo'], []],
    ['9B005', 'RU', {}, 'licence-required', ['Russia and Belarus sanctions', 'NS1'], []],
    // Part 744 end use
    [
      'EAR99',
      'DE',
      { endUse: 'missile development programme' },
      'licence-required',
      ['WMD end use (§744.2–744.4)'],
      [],
    ],
    [
      'EAR99',
      'RU',
      { endUse: 'military aircraft maintenance' },
      'licence-required',
      ['Russia and Belarus sanctions', 'Military end use (§744.21)'],
      [],
    ],
  ])('US %s → %s %j: %s %j %j', (item, to, extra, outcome, reasons, exceptions) => {
    const d = run('US', item, to, extra);
    expect(d.outcome).toBe(outcome);
    expect(d.reasons).toEqual(reasons);
    expect(d.exceptions).toEqual(exceptions);
    expect(d.licenceRequired).toBe(outcome !== 'no-licence-required' && outcome !== 'not-controlled');
  });

  // 15 CFR 774 Supp. 1, 9A610 License Requirements: NS and RS apply "to entire entry except …
  // parts and components controlled in 9A610.x if being exported or reexported for use in an
  // aircraft controlled in 9A610.b": a conditional exclusion, which read as total had cleared
  // 9A610.x to every destination.
  it('9A610.x to China needs a licence (NS1, RS1) unless the 9A610.b condition is confirmed', () => {
    const d = run('US', '9A610.x', 'CN');
    expect(d.licenceRequired).toBe(true);
    expect(d.reasons).toEqual(expect.arrayContaining(['NS1', 'RS1']));
    expect(d.questions.join(' ')).toContain('if being exported or reexported for use in an aircraft');
  });

  it('gives the exact JSON shape of the issue for the first public example', () => {
    const d = run('US', '3A001.a.1.b', 'CN');
    expect(d).toMatchObject({
      jurisdiction: 'US',
      item: '3A001.a.1.b',
      destination: 'CN',
      licenceRequired: true,
      outcome: 'licence-required',
      reasons: ['NS2'],
      exceptions: [],
      generalAuthorisations: [],
      citations: ['15 CFR 774 Supp. 1 ECCN 3A001', '15 CFR 738 Supp. 1'],
    });
    expect(d.trace.find((t) => t.rule === 'NS2 row')?.result).toBe('applies');
  });

  it('asks for the value when LVS could apply', () => {
    const d = run('US', '3A001.c', 'BR');
    expect(d.toCheck.map((t) => t.id)).toContain('LVS');
    expect(d.outcome).toBe('licence-required');
  });

  it('asks for the HTS code of EAR99 items to Russia and confirms CHPL items', () => {
    expect(run('US', 'EAR99', 'RU').questions.some((q) => q.includes('HTS code'))).toBe(true);
    const chpl = run('US', 'EAR99', 'RU', { hsCode: '854231' });
    expect(chpl.trace.some((t) => t.rule === 'Common High Priority List')).toBe(true);
  });

  it('lists TMP, RPL and GOV as exceptions to check, never as available', () => {
    const d = run('US', '9B005', 'CN');
    expect(d.toCheck.map((t) => t.id)).toEqual(['TMP', 'RPL', 'GOV']);
  });

  it('asks to classify further when a row reaches only part of the code given', () => {
    const d = run('US', '3A001.a.1', 'DE');
    expect(d.reasons).toContain('MT1');
    expect(d.questions.some((q) => q.includes('classify to the paragraph level'))).toBe(true);
  });

  it('normalises the case of item and country codes', () => {
    expect(run('us', '3a001.A.1.B', 'cn').item).toBe('3A001.a.1.b');
  });
});

describe.skipIf(!hasSharedData())('determine under EU, UK and JP rules', () => {
  it.each([
    ['EU', '3A001.a.1', 'CN', {}, 'licence-required', []],
    ['EU', '3A001.a.1', 'CA', {}, 'general-authorisation-available', ['EU001']],
    ['EU', '3A001.a.1', 'CH', {}, 'general-authorisation-available', ['EU001']],
    ['EU', '3A001.a.1', 'DE', { from: 'FR' }, 'no-licence-required', []],
    ['EU', '0C002', 'FR', { from: 'DE' }, 'licence-required', []],
    ['EU', '0C002', 'US', { from: 'DE' }, 'licence-required', []],
    ['EU', '3A001.a.1', 'RU', {}, 'prohibited', []],
    ['EU', '3A001.a.1', 'CA', { endUse: 'nuclear weapon programme' }, 'licence-required', []],
    ['EU', 'none', 'CN', {}, 'not-controlled', []],
    ['EU', 'none', 'CN', { endUse: 'chemical weapon' }, 'licence-required', []],
    ['EU', '3A001.a.1', 'CN', { from: 'US' }, 'not-controlled', []],
    ['UK', '3A001.a.1', 'US', {}, 'licence-required', []],
    ['UK', '3A001.a.1', 'RU', {}, 'prohibited', []],
    ['UK', 'PL9009', 'IR', {}, 'licence-required', []],
    ['UK', 'PL9009', 'FR', {}, 'no-licence-required', []],
    ['JP', '3A001.a.1', 'DE', {}, 'licence-required', []],
    ['JP', '3A001.a.1', 'KR', {}, 'licence-required', []],
    ['JP', '3A001.a.1', 'CN', {}, 'licence-required', []],
    ['JP', '3A001.a.1', 'RU', {}, 'licence-required', []],
    ['JP', 'none', 'CN', { endUse: 'military' }, 'licence-required', []],
    ['JP', 'none', 'DE', { endUse: 'military' }, 'not-controlled', []],
  ])('%s %s → %s %j: %s %j', (j, item, to, extra, outcome, gas) => {
    const d = run(j, item, to, extra);
    expect(d.outcome).toBe(outcome);
    expect(d.generalAuthorisations).toEqual(gas);
  });

  it('offers the UK open general licences only as "may apply"', () => {
    const d = run('UK', '3A001.a.1', 'US');
    expect(d.toCheck.map((t) => t.id)).toContain('UK-GEA-EU001');
    expect(d.generalAuthorisations).toEqual([]);
  });

  it('raises the EU catch-all articles as questions when the end use is unknown', () => {
    const q = run('EU', 'none', 'CN').questions.join(' ');
    for (const art of ['Art. 4', 'Art. 5', 'Art. 9 and 10']) expect(q).toContain(art);
  });

  it('declares EU001 for exactly Australia, Canada, Iceland, Japan, New Zealand, Norway, Switzerland with Liechtenstein, the UK and the US', () => {
    const eu001 = data.eu.generalAuthorisations.find((g) => g.id === 'EU001');
    expect([...(eu001?.destinations ?? [])].sort()).toEqual([
      'AU',
      'CA',
      'CH',
      'GB',
      'IS',
      'JP',
      'LI',
      'NO',
      'NZ',
      'US',
    ]);
    const csv = [...data.countries.values()]
      .filter((c) => c.eu001)
      .map((c) => c.iso2)
      .sort();
    expect(csv).toEqual([...(eu001?.destinations ?? [])].sort());
  });

  it('keeps the JP general bulk licence destinations equal to Group A', () => {
    const bulk = data.jp.bulkLicences.find((g) => g.id === 'JP-GENERAL-BULK');
    const groupA = [...data.countries.values()]
      .filter((c) => c.japanGroupA)
      .map((c) => c.iso2)
      .sort();
    expect([...(bulk?.destinations ?? [])].sort()).toEqual(groupA);
  });
});

describe.skipIf(!hasSharedData())('determine rejects bad input', () => {
  function errorOf(fn: () => unknown) {
    try {
      fn();
    } catch (e) {
      if (isDomainError(e)) return e;
      throw e;
    }
    throw new Error('no error');
  }

  it.each([
    [() => run('FR', '3A001', 'CN'), 'unknown-jurisdiction', 'jurisdiction'],
    [() => run('US', '3A001.a.1.b', 'XX'), 'unknown-country', 'to'],
    [() => run('US', '3A001.a.1.b', 'CN', { from: 'QQ' }), 'unknown-country', 'from'],
    [() => run('US', '9Z999', 'CN'), 'unknown-control-entry', 'item'],
    [() => run('US', '3A001.a.1.b', 'CN', { value: -5 }), 'invalid-input', 'value'],
    [() => run('US', '3A001.a.1.b', 'US'), 'invalid-input', 'to'],
    [() => run('EU', '9Z999', 'CN'), 'unknown-control-entry', 'item'],
  ])('%#: throws %s naming field %s', (fn, code, field) => {
    const e = errorOf(fn);
    expect(e.code).toBe(code);
    expect(e.details['field']).toBe(field);
    expect(e.details['accepted']).toBeDefined();
  });

  it('suggests the crosswalk when a code exists in another jurisdiction', () => {
    const e = errorOf(() => run('EU', '9B005', 'CN'));
    expect(e.details['suggestions']).toEqual(['US:9B005']);
  });
});
