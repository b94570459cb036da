import { describe, expect, it } from 'vitest';
import { buildParty, type Party, type PartySchema } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { nameScoreBound } from './name-score-bound.ts';
import { normalizeName } from './normalize-name.ts';
import { reachesFloor } from './same-name-bounds.ts';
import { prepareQuery } from './score-indexed-name.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { indexTokenWeight } from './token-weight.ts';

const party = (sourceId: string, schema: PartySchema, full: string): Party =>
  buildParty({ source: 'test', sourceId, schema, names: [{ full, quality: 'primary' }] });

const NAMES = [
  'Noor Trading Company',
  'Alnoor Trading Est',
  'Noor Group Holding Company',
  'Trading Company Noor Star',
  'The Noor Company',
];

describe('reachesFloor (one bound per distinct name of a query reading)', () => {
  // Each name listed four times: twice as a person, twice as an organisation.
  const index = buildScreeningIndex(
    NAMES.flatMap((n, i) => [
      party(`p${i}`, 'person', n),
      party(`o${i}`, 'organization', n),
      party(`q${i}`, 'person', n),
      party(`r${i}`, 'organization', n),
    ]).map((p) => ({ party: p })),
    DEFAULT_NAME_REFERENCE,
  );
  const weight = indexTokenWeight(index);
  const ids = [...Array(index.nameSlots).keys()].filter((id) => index.name(id));

  it('answers as nameScoreBound does, for names listed again, as persons and as organisations', () => {
    expect(ids).toHaveLength(NAMES.length * 4);
    let differ = 0;
    for (const text of ['Noor Trading', 'Al Noor Company', 'Noor Star Trading', 'Noor Group'])
      for (const floor of [0.85, 0.9, 0.95]) {
        const query = prepareQuery(index, normalizeName(text, index.reference), weight);
        for (const id of ids) {
          const name = index.name(id)!;
          const want = nameScoreBound(index, query, name, floor) >= floor;
          expect(reachesFloor(index, query, name, floor)).toBe(want);
        }
        // A name listed as a person and as an organisation may bound differently (legal forms and
        // generic words): the memo must not answer for one with the other.
        for (let i = 0; i < ids.length; i += 4) {
          const person = nameScoreBound(index, query, index.name(ids[i]!)!, floor) >= floor;
          const organisation = nameScoreBound(index, query, index.name(ids[i + 1]!)!, floor) >= floor;
          if (person !== organisation) differ++;
        }
      }
    // Such a case occurs ("Al Noor Company" against "The Noor Company" at 0.95).
    expect(differ).toBeGreaterThan(0);
  });
});
