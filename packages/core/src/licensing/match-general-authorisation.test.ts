import { describe, expect, it } from 'vitest';
import type { GeneralAuthorisation } from './determination-data.ts';
import type { CodeFact, FactSource } from './fact-citation.ts';
import { fitGeneralAuthorisation, matchCodeFact } from './match-general-authorisation.ts';

const read: FactSource = { citation: 'Annex II', status: 'verified', readIn: 'a text', readOn: '2026-12-03' };
const notRead: FactSource = { citation: 'Annex II', status: 'unverified', note: 'not read' };
const code = (c: string, extra: Partial<CodeFact> = {}): CodeFact => ({ code: c, source: read, ...extra });

function ga(over: Partial<GeneralAuthorisation> = {}): GeneralAuthorisation {
  return {
    id: 'GA',
    title: 'test',
    legalBasis: 'Annex II',
    source: read,
    destinations: ['US'],
    destinationsSource: read,
    itemScope: null,
    itemScopeSource: read,
    excludedItems: [code('1C450.a.1')],
    exclusionsSource: read,
    excludeAnnexIv: true,
    conditions: [],
    use: 'determined',
    holderOnly: false,
    confidence: 'high',
    ...over,
  };
}

describe('matchCodeFact', () => {
  it.each([
    ['1C450.a.1', '1C450.a.1', 'yes'],
    ['1C450.a.1.x', '1C450.a.1', 'yes'],
    ['1C450.b', '1C450.a.1', 'no'],
    ['1C450.a.10', '1C450.a.1', 'no'],
    ['1C450', '1C450.a.1', 'partly'],
    ['1C4501', '1C450', 'no'],
    ['16', '1', 'no'],
  ])('%s against %s: %s', (item, c, expected) => {
    expect(matchCodeFact(item, code(c))).toBe(expected);
  });

  it('reads a whole-category entry with the codes it leaves out', () => {
    const cat0 = code('0', { wholeCategory: true, except: ['0C001'] });
    expect(matchCodeFact('0B001.a', cat0)).toBe('yes');
    expect(matchCodeFact('0C001', cat0)).toBe('no');
    expect(matchCodeFact('0C001.a', cat0)).toBe('no');
  });
});

describe('fitGeneralAuthorisation', () => {
  const none = { match: 'no' as const };

  it('is available only when every fact is verified', () => {
    expect(fitGeneralAuthorisation(ga(), '1C450.b', 'US', none).fit).toBe('available');
    expect(fitGeneralAuthorisation(ga({ exclusionsSource: notRead }), '1C450.b', 'US', none)).toMatchObject({
      fit: 'to-check',
    });
  });

  it('refuses an excluded paragraph and asks to classify a broader code', () => {
    expect(fitGeneralAuthorisation(ga(), '1C450.a.1', 'US', none)).toMatchObject({
      fit: 'no',
      why: '1C450.a.1 is excluded',
    });
    expect(fitGeneralAuthorisation(ga(), '1C450', 'US', none).fit).toBe('to-check');
  });

  it('refuses Annex IV items and asks for codes broader than an Annex IV paragraph', () => {
    expect(fitGeneralAuthorisation(ga(), '9A106.c', 'US', { match: 'yes', code: '9A106.c' }).fit).toBe('no');
    expect(fitGeneralAuthorisation(ga(), '9A106', 'US', { match: 'partly', code: '9A106.c' }).fit).toBe(
      'to-check',
    );
  });

  it('offers a licence only its holder may use as a question', () => {
    expect(fitGeneralAuthorisation(ga({ holderOnly: true }), '1C450.b', 'US', none)).toMatchObject({
      fit: 'to-check',
      why: 'requires that the exporter holds this licence',
    });
  });
});

describe('an item scope of whole sections (software and technology only)', () => {
  const scoped = ga({ itemScope: ['3D', '3E'], excludedItems: [] });
  it.each([
    ['3D001', 'available'],
    ['3E001.a', 'available'],
    ['3A001', 'no'],
    ['3D', 'available'],
    ['13D001', 'no'],
  ])('%s: %s', (item, fit) => {
    expect(fitGeneralAuthorisation(scoped, item, 'US', { match: 'no' }).fit).toBe(fit);
  });

  it('refuses a whole excluded section by its wholeCategory fact, not its sibling section', () => {
    const excl = ga({ excludedItems: [code('5E', { wholeCategory: true })] });
    expect(fitGeneralAuthorisation(excl, '5E001.a', 'US', { match: 'no' })).toMatchObject({ fit: 'no' });
    expect(fitGeneralAuthorisation(excl, '5D001', 'US', { match: 'no' }).fit).toBe('available');
  });
});
