import { describe, expect, it } from 'vitest';
import { buildParty, type Party } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { mayMatchNames, screenParty } from './screen-party.ts';

const person = (sourceId: string, full: string): Party =>
  buildParty({ source: 'test-list', sourceId, schema: 'person', names: [{ full, quality: 'primary' }] });

const org = (sourceId: string, full: string): Party =>
  buildParty({
    source: 'test-list',
    sourceId,
    schema: 'organization',
    names: [{ full, quality: 'primary' }],
  });

// A query object screened again (a monitoring delta bounds, then screens, the same objects; the
// next delta screens them after a refresh): what is kept of it per index state must be dropped
// when the index changes.
describe('a query object screened again after the index changed', () => {
  it('scores as a fresh query object does (the token weights moved)', () => {
    const index = buildScreeningIndex(
      [org('1', 'Ocean Star Shipping'), org('2', 'Northern Lights Trading')].map((party) => ({ party })),
      DEFAULT_NAME_REFERENCE,
    );
    const query = { name: 'Ocean Star Marine', schema: 'organization' as const };
    const options = { threshold: 0.3 };
    const before = screenParty(index, query, options);
    const nameIds = index.get('test-list:1')!.names;
    expect(mayMatchNames(index, query, nameIds, 0.3)).toBe(true);
    // "ocean" and "star" become common words: their weight, and the query's scores, fall.
    for (let k = 0; k < 60; k++) index.add(org(`x${k}`, `Ocean Star ${k}`));
    const again = screenParty(index, query, options);
    const fresh = screenParty(index, { ...query }, options);
    expect(again).toEqual(fresh);
    const score = (ms: typeof before) => ms.find((m) => m.entityId === 'test-list:1')?.score;
    expect(score(again)).not.toBe(score(before));
  });

  it('restricted to a set of parties, finds a party of the set indexed again (a new entry)', () => {
    const index = buildScreeningIndex(
      [org('1', 'Ocean Star Shipping'), org('2', 'Ocean Star Logistics')].map((party) => ({ party })),
      DEFAULT_NAME_REFERENCE,
    );
    const entities = new Set(['test-list:2']);
    const query = { name: 'Ocean Star Logistics', schema: 'organization' as const };
    const first = screenParty(index, query, { entities });
    expect(first.map((m) => m.entityId)).toEqual(['test-list:2']);
    // A refresh's changed party: removed and added again, under another entry id.
    index.add(org('2', 'Ocean Star Logistics Ltd'));
    const again = screenParty(index, query, { entities });
    expect(again.map((m) => m.entityId)).toEqual(['test-list:2']);
    expect(again).toEqual(screenParty(index, { ...query }, { entities: new Set(entities) }));
  });

  // The two cases above pass with the memo kept across changes too (what they compare is read
  // live at scoring); this one reads what only the preparation reads: a transcribed name's Latin
  // spellings, taken from the index's vocabulary when the query's variants are made.
  it('reads a transcribed name under a Latin spelling the index came to hold', () => {
    const index = buildScreeningIndex([{ party: person('1', 'Ivan Petrov') }], DEFAULT_NAME_REFERENCE);
    const query = { name: 'ウラジーミル・プーチン', schema: 'person' as const };
    expect(screenParty(index, query)).toEqual([]);
    index.add(person('2', 'Vladimir Putin'));
    expect(mayMatchNames(index, query, index.get('test-list:2')!.names)).toBe(true);
    const again = screenParty(index, query);
    expect(again.map((m) => m.entityId)).toEqual(['test-list:2']);
    expect(again).toEqual(screenParty(index, { ...query }));
  });
});
