import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildParty, type Party, type PartySchema } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { findCandidateNames, findRestrictedCandidateNames } from './find-candidates.ts';
import { normalizeName } from './normalize-name.ts';
import { restrictedPostingsFor } from './restricted-postings.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { screenParty } from './screen-party.ts';
import { indexTokenWeight } from './token-weight.ts';

/**
 * Words that parties share often (so that a small candidate cap is met), near spellings of each
 * other (so that one key reaches a name through two of its expansion's tokens), and initials.
 */
const WORDS = [
  'ali',
  'aly',
  'hassan',
  'hasan',
  'mohammed',
  'muhammad',
  'mohamed',
  'ivan',
  'petrov',
  'petroff',
  'orion',
  'marine',
  'maritime',
  'trading',
  'global',
  'holdings',
  'ocean',
  'star',
  'rashid',
  'rasheed',
  'al',
  'kim',
  'jong',
  'novator',
  'group',
  'logistics',
  'sergey',
  'sergei',
  'a',
  'm',
];

const nameOf = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 })
  .map((words) => words.join(' '));
const partyOf = fc.record({
  schema: fc.constantFrom<PartySchema>('person', 'organization'),
  names: fc.array(nameOf, { minLength: 1, maxLength: 3 }),
});
const world = fc.record({
  parties: fc.array(partyOf, { minLength: 5, maxLength: 40 }),
  /** Per party, whether it is among the restricted ones. */
  chosen: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  queries: fc.array(nameOf, { minLength: 1, maxLength: 6 }),
  cap: fc.constantFrom(1, 2, 3, 5, 150),
  threshold: fc.constantFrom(0.5, 0.7, 0.86),
});

function indexOf(parties: { schema: PartySchema; names: string[] }[]) {
  const built: Party[] = parties.map((p, i) =>
    buildParty({
      source: 'test',
      sourceId: String(i),
      schema: p.schema,
      names: p.names.map((full, k) => ({ full, quality: k === 0 ? 'primary' : 'strong' })),
    }),
  );
  return buildScreeningIndex(
    built.map((party) => ({ party })),
    DEFAULT_NAME_REFERENCE,
  );
}

const chosenOf = (n: number, chosen: boolean[]) =>
  new Set(
    Array.from({ length: n }, (_, i) => i)
      .filter((i) => chosen[i])
      .map((i) => `test:${i}`),
  );

describe('a screening restricted to a few parties', () => {
  it('returns what an unrestricted screening finds of those parties, with the same scores', () => {
    fc.assert(
      fc.property(world, ({ parties, chosen, queries, cap, threshold }) => {
        const index = indexOf(parties);
        const only = chosenOf(parties.length, chosen);
        for (const name of queries) {
          const options = { threshold, candidateCap: cap, limit: Number.POSITIVE_INFINITY };
          const all = screenParty(index, { name }, options);
          expect(screenParty(index, { name }, { ...options, entities: only })).toEqual(
            all.filter((m) => only.has(m.entityId)),
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it('finds among their names what the whole search finds of them, in its order when it cannot meet its cap', () => {
    const seen = { uncapped: 0, capped: 0, twice: 0 };
    fc.assert(
      fc.property(world, ({ parties, chosen, queries, cap }) => {
        const index = indexOf(parties);
        const only = chosenOf(parties.length, chosen);
        const postings = restrictedPostingsFor(index, only);
        const theirs = new Set<number>();
        for (const id of only) for (const nameId of index.get(id)?.names ?? []) theirs.add(nameId);
        const weight = indexTokenWeight(index);
        for (const name of queries) {
          const query = normalizeName(name, index.reference);
          const whole = findCandidateNames(index, query, weight, cap, 0.2, 0.4).filter((id) =>
            theirs.has(id),
          );
          const found = findRestrictedCandidateNames(index, query, weight, cap, 0.2, 0.4, postings);
          if (!found) {
            seen.twice++;
            continue;
          }
          if (found.uncapped) {
            seen.uncapped++;
            expect(found.names).toEqual(whole);
          } else {
            seen.capped++;
            for (const id of whole) expect(found.names).toContain(id);
          }
        }
      }),
      { numRuns: 150 },
    );
    // Both ways out were taken (the property would hold vacuously otherwise).
    expect(seen.uncapped).toBeGreaterThan(0);
    expect(seen.capped).toBeGreaterThan(0);
  });

  it('searches the postings of the parties given, made again when the index changes', () => {
    const index = indexOf([
      { schema: 'organization', names: ['orion marine trading'] },
      { schema: 'organization', names: ['ocean star'] },
    ]);
    const only = new Set(['test:0']);
    const before = restrictedPostingsFor(index, only);
    expect(restrictedPostingsFor(index, new Set(only))).toBe(before);
    const orion = index.vocabulary.get('orion')!;
    expect(before.get(orion)!.length).toBeGreaterThan(0);
    for (const nameId of before.get(orion)!) expect(index.get('test:0')!.names).toContain(nameId);
    expect(before.has(index.vocabulary.get('ocean')!)).toBe(false);
    index.remove('test:0');
    expect(restrictedPostingsFor(index, only).size).toBe(0);
  });
});
