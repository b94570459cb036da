import { describe, expect, it } from 'vitest';
import { codeLineage, regimeOfCode, wassenaarCode } from './control-code.ts';
import { findEntry } from './find-entry.ts';
import type { ControlList } from './control-entry.ts';

describe('control codes', () => {
  it.each([
    ['3A001', 'WA'],
    ['1C111', 'MTCR'],
    ['3A225', 'NSG'],
    ['0B001', 'NSG'],
    ['1C350', 'AG'],
    ['1C450', 'CWC'],
    ['3A090', undefined],
    ['3A904', undefined],
    ['0A521', undefined],
    ['3A504', undefined],
  ])('reads the regime origin of %s as %s', (code, regime) => {
    expect(regimeOfCode(code)).toBe(regime);
  });

  it('derives the Wassenaar code of a Wassenaar-origin paragraph', () => {
    expect(wassenaarCode('3A001.a.1')).toBe('3.A.1.a.1');
    expect(wassenaarCode('5A002')).toBe('5.A.2');
    expect(wassenaarCode('1C111')).toBeUndefined();
  });

  it('lists a code and its ancestors nearest first', () => {
    expect(codeLineage('3A001.a.1.b')).toEqual(['3A001.a.1.b', '3A001.a.1', '3A001.a', '3A001']);
  });
});

describe('findEntry', () => {
  const source = { act: 'test', version: '1' };
  const list = (version: string, validFrom: string, validTo?: string): ControlList => ({
    id: 'EU',
    name: 'test',
    version,
    validFrom,
    ...(validTo ? { validTo } : {}),
    source,
    header: { sourceActs: [], builtHow: 'fixture', leftOut: [] },
    entries: [
      {
        list: 'EU',
        code: '3A001',
        heading: 'Electronic items',
        reasons: ['NS'],
        regimeRefs: ['WA'],
        validFrom,
        source,
        confidence: 'high',
        citation: { act: 'test act', provision: 'fixture', status: 'unverified' },
      },
      {
        list: 'EU',
        code: '3A001.a',
        parent: '3A001',
        heading: 'ICs',
        reasons: ['NS'],
        regimeRefs: ['WA'],
        validFrom,
        source,
        confidence: 'high',
        citation: { act: 'test act', provision: 'fixture', status: 'unverified' },
      },
    ],
  });
  const lists = [list('old', '2024-01-01', '2025-01-01'), list('new', '2025-01-01')];

  it('resolves a paragraph to its nearest listed ancestor', () => {
    expect(findEntry(lists, 'EU', '3A001.a.1.b')?.entry.code).toBe('3A001.a');
  });

  it('uses the version in force on the date asked', () => {
    expect(findEntry(lists, 'EU', '3A001', '2024-06-01')?.list.version).toBe('old');
    expect(findEntry(lists, 'EU', '3A001')?.list.version).toBe('new');
    expect(findEntry(lists, 'EU', '3A001', '2020-01-01')).toBeUndefined();
  });
});
