import { beforeAll, describe, expect, it } from 'vitest';
import {
  assessTransaction,
  isDomainError,
  validateTransaction,
  type DeterminationData,
  type ListedEntry,
  type ScreeningHit,
} from '@entente/core';
import { hasSharedData, SHARED_DATA } from '../test-support/shared-data.ts';
import { loadDeterminationData } from './load-determination-data.ts';

const ENTRIES: Record<string, ListedEntry[]> = {
  EU: [{ code: '3A001.a.1', reasons: [], regimeRefs: ['WA:3.A.1.a.1'] }],
};

let data: DeterminationData;
beforeAll(async () => {
  if (!hasSharedData()) return;
  data = await loadDeterminationData(SHARED_DATA, {
    lookup: (j, code) => ENTRIES[j]?.find((e) => e.code === code),
  });
});

const germanChips = {
  id: 'tx-1',
  items: [
    {
      description: 'rad-hard ICs',
      classifications: { EU: '3A001.a.1', US: '3A001.a.1.b' },
      hsCode: '854231',
      value: 20000,
      origin: 'DE',
      usContentShare: 0.3,
    },
    { description: 'cables', code: 'EAR99', value: 500, origin: 'DE', usContentShare: 0.05 },
  ],
  parties: [
    { role: 'exporter', name: 'Muster GmbH', country: 'DE' },
    { role: 'consignee', name: 'Trade FZE', country: 'AE' },
    { role: 'end-user', name: 'Kazan Works', country: 'RU' },
  ],
  route: ['TR'],
  endUse: 'industrial control',
  indicators: ['cash-payment'],
};

describe.skipIf(!hasSharedData())('assessTransaction', () => {
  it('finds the jurisdictions: EU as exporting state, US above de minimis only', () => {
    const a = assessTransaction(data, validateTransaction(data, germanChips));
    const us = a.jurisdictions.find((j) => j.jurisdiction === 'US');
    const eu = a.jurisdictions.find((j) => j.jurisdiction === 'EU');
    expect(eu?.determinations.map((d) => d.itemIndex)).toEqual([0]);
    expect(us?.determinations.map((d) => d.itemIndex)).toEqual([0]);
    expect(us?.determinations[0]?.basis).toContain('de minimis');
    expect(a.questions.some((q) => q.includes('Classify "cables" under the EU'))).toBe(true);
  });

  it('takes the strictest outcome per item and names the divergence between allies', () => {
    const a = assessTransaction(data, validateTransaction(data, germanChips));
    expect(a.summary.items[0]?.strictestOutcome).toBe('prohibited');
    expect(a.summary.items[0]?.byJurisdiction).toEqual({ EU: 'prohibited', US: 'licence-required' });
    expect(a.summary.divergences[0]?.note).toBe('EU: prohibited vs US: licence-required');
  });

  it('raises CHPL, diversion-hub and KYC red flags and scores the risk high', () => {
    const a = assessTransaction(data, validateTransaction(data, germanChips));
    const ids = a.redFlags.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'kyc:cash-payment',
        'embargoed-destination',
        'diversion-hub:TR',
        'chpl:0',
        'consignee-end-user-countries-differ',
      ]),
    );
    expect(a.risk.level).toBe('high');
    expect(a.risk.factors.map((f) => f.id)).toContain('chpl-to-russia-belarus');
  });

  it('applies the 10% de minimis level towards Country Group E:1', () => {
    const tx = {
      ...germanChips,
      items: [{ ...germanChips.items[0], usContentShare: 0.15 }],
      parties: [germanChips.parties[0], { role: 'consignee', name: 'X', country: 'SY' }],
    };
    const a = assessTransaction(data, validateTransaction(data, tx));
    expect(a.jurisdictions.map((j) => j.jurisdiction).sort()).toEqual(['EU', 'US']);
  });

  it('imposes the Entity List licence requirement on every US determination', () => {
    const tx = {
      ...germanChips,
      parties: [germanChips.parties[0], { role: 'consignee', name: 'Huawei Technologies', country: 'CN' }],
      route: [],
      indicators: [],
    };
    const screen = (p: { name: string }): ScreeningHit[] =>
      p.name.startsWith('Huawei')
        ? [
            {
              source: 'Entity List (EL) - Bureau of Industry and Security',
              name: 'Huawei Technologies Co., Ltd.',
              score: 0.97,
              licenceRequirement: 'For all items subject to the EAR',
              licencePolicy: 'Presumption of denial',
            },
          ]
        : [];
    const a = assessTransaction(data, validateTransaction(data, tx), { screen });
    const det = a.jurisdictions.find((j) => j.jurisdiction === 'US')?.determinations[0]?.determination;
    expect(det?.outcome).toBe('licence-required');
    expect(det?.licencePolicy).toBe('Presumption of denial');
    expect(det?.reasons.some((r) => r.includes('Huawei'))).toBe(true);
    expect(a.risk.factors.map((f) => f.id)).toContain('entity-list-hit');
  });

  it('treats an export from the US as reaching every item under the EAR', () => {
    const tx = {
      items: [{ description: 'ICs', code: '3A001.a.1.b', origin: 'US' }],
      parties: [
        { role: 'exporter', name: 'A', country: 'US' },
        { role: 'end-user', name: 'B', country: 'DE' },
      ],
    };
    const a = assessTransaction(data, validateTransaction(data, tx));
    expect(a.jurisdictions.map((j) => j.jurisdiction)).toEqual(['US']);
    expect(a.summary.items[0]?.strictestOutcome).toBe('no-licence-required');
    expect(a.risk.level).toBe('low');
  });
});

describe.skipIf(!hasSharedData())('the risk of items Entente cannot determine', () => {
  const shipment = (code: string) => ({
    items: [{ description: 'item', classifications: { US: code }, origin: 'US' }],
    parties: [
      { role: 'exporter', name: 'A', country: 'US' },
      { role: 'end-user', name: 'B', country: 'CA' },
    ],
    endUse: 'civil research',
  });

  it('raises it to medium for an item the ITAR governs, naming the regulations (ECCN 9A005 heading, 15 CFR 738.3(a))', () => {
    const a = assessTransaction(data, validateTransaction(data, shipment('9A005')));
    expect(a.summary.items[0]?.strictestOutcome).toBe('governed-elsewhere');
    expect(a.risk.level).toBe('medium');
    expect(a.risk.factors).toEqual([
      expect.objectContaining({
        id: 'governed-elsewhere',
        detail: '9A005 (US: 22 CFR parts 120–130 (ITAR))',
      }),
    ]);
  });

  it('raises it to medium when a requirement needs review (1C988: §754.4 not read)', () => {
    const a = assessTransaction(data, validateTransaction(data, shipment('1C988')));
    expect(a.summary.items[0]?.strictestOutcome).toBe('review-needed');
    expect(a.risk.level).toBe('medium');
    expect(a.risk.factors.map((f) => [f.id, f.detail])).toEqual([['review-needed', '1C988 (US)']]);
  });

  it('leaves a determined, licence-free item low', () => {
    const a = assessTransaction(data, validateTransaction(data, shipment('3A001.a.1.b')));
    expect(a.risk).toMatchObject({ level: 'low', factors: [] });
  });
});

describe.skipIf(!hasSharedData())('validateTransaction', () => {
  it.each([
    [null, 'invalid-input', 'transaction'],
    [{ items: [], parties: [] }, 'invalid-input', 'items'],
    [
      { ...germanChips, items: [{ description: 'x', origin: 'DE' }] },
      'invalid-input',
      'items[0].classifications',
    ],
    [
      { ...germanChips, items: [{ ...germanChips.items[0], origin: 'ZZ' }] },
      'unknown-country',
      'items[0].origin',
    ],
    [
      { ...germanChips, items: [{ ...germanChips.items[0], usContentShare: 2 }] },
      'invalid-input',
      'items[0].usContentShare',
    ],
    [
      { ...germanChips, items: [{ ...germanChips.items[0], classifications: { FR: 'x' } }] },
      'unknown-jurisdiction',
      'items[0].classifications.FR',
    ],
    [
      { ...germanChips, parties: [{ role: 'buyer', name: 'x', country: 'DE' }] },
      'invalid-input',
      'parties[0].role',
    ],
    [{ ...germanChips, parties: [germanChips.parties[1]] }, 'invalid-input', 'parties'],
    [{ ...germanChips, route: ['TR', 'Atlantis'] }, 'unknown-country', 'route[1]'],
    [{ ...germanChips, indicators: ['looks-shady'] }, 'invalid-input', 'indicators[0]'],
  ])('%#: rejects with %s on %s', (raw, code, field) => {
    let error: unknown;
    try {
      validateTransaction(data, raw);
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error)).toBe(true);
    if (!isDomainError(error)) return;
    expect(error.code).toBe(code);
    expect(error.details['field']).toBe(field);
    expect(error.details['accepted']).toBeDefined();
  });

  it('names the item field when a classification is unknown', () => {
    const tx = { ...germanChips, items: [{ ...germanChips.items[0], classifications: { US: '9Z999' } }] };
    try {
      assessTransaction(data, validateTransaction(data, tx));
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e) && e.details['field']).toBe('items[0].classifications.US');
    }
  });
});
