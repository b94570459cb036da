import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountryFact, DeterminationData, UsEccn } from './determination-data.ts';
import { determine } from './determine.ts';
import type { UsOffChartRule } from './us-off-chart.ts';

const READ = { status: 'verified' as const, readIn: 'a test text', readOn: '2026-12-03' };

function country(iso2: string, chart: string[] | undefined): CountryFact {
  return {
    iso2,
    name: iso2,
    euMember: false,
    eu001: false,
    japanGroupA: false,
    regimes: { wassenaar: true, mtcr: true, nsg: true, australiaGroup: true },
    usGroups: ['A:1', 'B'],
    ...(chart ? { usChartMarks: chart } : {}),
    usChartFootnotes: [],
  };
}

function eccn(code: string, heading = 'an entry'): UsEccn {
  return { eccn: code, heading, reasons: [], rows: [], flags: {}, staExclusions: [] };
}

function rule(code: string, over: Partial<UsOffChartRule>): UsOffChartRule {
  return {
    code,
    kind: 'all-destinations',
    reason: 'CC',
    licence: 'required',
    exceptions: [],
    read: '15 CFR 738.3(a)(1)',
    detail: 'a licence for every destination',
    source: { citation: '15 CFR 738.3(a)(1)', ...READ },
    ...over,
  };
}

const RULES = [
  rule('0A983', {}),
  rule('5A980', { reason: 'SL', exceptions: ['GOV'], exceptionConditions: 'official use of a U.S. agency' }),
  rule('9A005', {
    kind: 'governed-elsewhere',
    reason: 'ITAR',
    licence: 'review',
    authority: '22 CFR 120–130',
  }),
  rule('1C980', { kind: 'short-supply', reason: 'SS', licence: 'review', read: '15 CFR 754.3' }),
];

function data(rules: UsOffChartRule[]): DeterminationData {
  const codes = ['0A983', '5A980', '9A005', '1C980', '0E001'];
  return {
    us: {
      eccns: new Map(codes.map((c) => [c, eccn(c)])),
      embargoes: [],
      exceptionSections: {},
      chartFootnotes: {},
      asOf: '2026-07-23',
      offChart: new Map(rules.map((r) => [r.code, r])),
    },
    eu: { generalAuthorisations: [], annexIv: [], annexIvSource: { citation: 'x', ...READ }, source: '' },
    uk: { openGeneralLicences: [], source: '' },
    jp: { bulkLicences: [], source: '' },
    countries: new Map([
      ['CA', country('CA', [])],
      ['DE', country('DE', ['NS2'])],
      ['XX', country('XX', undefined)],
    ]),
    lookup: () => undefined,
    chpl: new Map(),
  };
}

const us = (d: DeterminationData, item: string, to: string) => determine(d, { jurisdiction: 'US', item, to });

describe('US requirements stated off the Country Chart (15 CFR 738.3(a))', () => {
  it('requires a licence for 0A983 to Canada with no exception (§738.3(a)(1))', () => {
    const d = us(data(RULES), '0A983', 'CA');
    expect(d).toMatchObject({
      outcome: 'licence-required',
      licenceRequired: true,
      exceptions: [],
      toCheck: [],
    });
    expect(d.citations).toContain('15 CFR 738.3(a)(1)');
  });

  it('leaves only GOV to check for 5A980 (§738.3(a)(1))', () => {
    const d = us(data(RULES), '5A980', 'DE');
    expect(d.outcome).toBe('licence-required');
    expect(d.toCheck.map((t) => t.id)).toEqual(['GOV']);
  });

  it('answers an ITAR entry as governed elsewhere, naming 22 CFR 120–130, without Part 744 questions', () => {
    const d = us(data(RULES), '9A005', 'CA');
    expect(d.outcome).toBe('governed-elsewhere');
    expect(d.reasons.join(' ')).toContain('22 CFR 120–130');
    expect(d.questions.join(' ')).not.toMatch(/end use/);
  });

  it('sends a short-supply entry whose section was not read to review, naming part 754', () => {
    const d = us(data(RULES), '1C980', 'CA');
    expect(d.outcome).toBe('review-needed');
    expect(d.questions.join(' ')).toContain('15 CFR 754.3');
  });

  it('asks for review of an entry without chart rows and without any recorded rule', () => {
    const d = us(data(RULES), '0E001', 'CA');
    expect(d.outcome).toBe('review-needed');
    expect(d.questions.join(' ')).toContain('ECCN 0E001, License Requirements');
  });

  it('never answers NLR for an entry without chart rows, whatever rules are known (property)', () => {
    const codes = ['0A983', '5A980', '9A005', '1C980', '0E001'];
    fc.assert(
      fc.property(
        fc.subarray(RULES),
        fc.constantFrom(...codes),
        fc.constantFrom('CA', 'DE', 'XX'),
        (rules, item, to) => {
          const outcome = us(data(rules), item, to).outcome;
          expect(['no-licence-required', 'not-controlled', 'exception-available']).not.toContain(outcome);
        },
      ),
    );
  });
});
