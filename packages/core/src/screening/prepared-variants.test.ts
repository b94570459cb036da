import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildParty, type Party } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { nameScoreBound } from './name-score-bound.ts';
import { normalizeName } from './normalize-name.ts';
import { prepareQuery, reweightQuery, scoreIndexedName } from './score-indexed-name.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { mayMatchNames, preparedQueryCounts, queryVariants, screenParty } from './screen-party.ts';
import { indexTokenWeight } from './token-weight.ts';

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

// After an index change a kept query is re-weighted rather than prepared again (`reweightQuery`):
// the same variants and token facts under the weights the index gives now. Shown equal to a
// preparation made fresh after the change, on the bound and the score of every listed name, and
// through `mayMatchNames` and `screenParty` on the kept query object and on a fresh copy.
describe('a query prepared once and re-weighted after index changes', () => {
  const words = [
    'ocean',
    'oceon',
    'star',
    'starr',
    'shipping',
    'trading',
    'petrov',
    'petrova',
    'ivan',
    'iwan',
    'mohammed',
    'muhammad',
    'al',
    'hassan',
    'hasan',
    'global',
    'logistics',
    'kim',
    'yong',
    'chol',
    'vanderhoven',
    'van',
    'der',
    'hoven',
    'bin',
    'omar',
    'umar',
    'abdul',
    'rahman',
    'gmbh',
    'ltd',
  ];
  const nameOf = fc
    .array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 })
    .map((ws) => ws.join(' '));
  const schemaOf = fc.constantFrom('person' as const, 'organization' as const, 'unknown' as const);
  const listed = (prefix: string) =>
    fc.array(fc.tuple(nameOf, schemaOf), { minLength: 1, maxLength: 12 }).map((ps) =>
      ps.map(([full, schema], k) =>
        buildParty({
          source: 'test-list',
          sourceId: `${prefix}${k}`,
          schema,
          names: [{ full, quality: 'primary' }],
        }),
      ),
    );

  it('gives the bound and the score of a fresh preparation, and the same screenings', () => {
    fc.assert(
      fc.property(
        listed('a'),
        listed('b'),
        fc.array(fc.tuple(nameOf, schemaOf), { minLength: 1, maxLength: 6 }),
        fc.nat({ max: 11 }),
        fc.constantFrom(...words),
        (before, added, queries, removed, common) => {
          const index = buildScreeningIndex(
            before.map((party) => ({ party })),
            DEFAULT_NAME_REFERENCE,
          );
          const qs = queries.map(([name, schema]) => ({ name, schema }));
          const kept = qs.map((q) => {
            const normalized = normalizeName(q.name, index.reference, q.schema);
            return queryVariants(index, q, normalized).map((v) =>
              prepareQuery(index, v, indexTokenWeight(index)),
            );
          });
          const allIds = () =>
            before.concat(added).flatMap((p) => index.get(`test-list:${p.sourceId}`)?.names ?? []);
          // The kept query objects screened and bounded before the change.
          for (const q of qs) {
            screenParty(index, q, { threshold: 0.3 });
            mayMatchNames(index, q, allIds(), 0.3);
          }
          const counted = preparedQueryCounts.reweighted;
          for (const p of added) index.add(p);
          // A word becomes common (past 50 names its weight falls): the weights move.
          for (let k = 0; k < 60; k++)
            index.add(
              buildParty({
                source: 'test-list',
                sourceId: `c${k}`,
                schema: 'organization',
                names: [{ full: `${common} ${words[k % words.length]!}`, quality: 'primary' }],
              }),
            );
          index.remove(`test-list:a${removed % before.length}`);
          const weight = indexTokenWeight(index);
          const ids = allIds();
          for (const [k, q] of qs.entries()) {
            const normalized = normalizeName(q.name, index.reference, q.schema);
            const variants = queryVariants(index, q, normalized);
            for (const [v, variant] of variants.entries()) {
              const fresh = prepareQuery(index, variant, weight);
              const again = reweightQuery(index, kept[k]![v]!, weight);
              expect(again.weights).toEqual(fresh.weights);
              expect(again.facts).toEqual(fresh.facts);
              for (const id of ids) {
                const name = index.name(id)!;
                expect(nameScoreBound(index, again, name, 0.3)).toBe(nameScoreBound(index, fresh, name, 0.3));
                expect(scoreIndexedName(index, again, name)).toBe(scoreIndexedName(index, fresh, name));
              }
            }
            for (const threshold of [0.3, 0.7])
              expect(mayMatchNames(index, q, ids, threshold)).toBe(
                mayMatchNames(index, { ...q }, ids, threshold),
              );
            expect(screenParty(index, q, { threshold: 0.3 })).toEqual(
              screenParty(index, { ...q }, { threshold: 0.3 }),
            );
          }
          // The kept query objects were re-weighted, not prepared again.
          expect(preparedQueryCounts.reweighted).toBeGreaterThan(counted);
        },
      ),
      { numRuns: 40 },
    );
  });
});
