import { describe, expect, it } from 'vitest';
import { buildParty, type Party, type PartySchema } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { nameScoreBound } from './name-score-bound.ts';
import { normalizeName } from './normalize-name.ts';
import { reachesFloor, reachesFloorAt } from './same-name-bounds.ts';
import { indexOverSnapshot, snapshotOfIndex } from './index-snapshot.ts';
import { isOrganisationPair } from './name-features.ts';
import { NOT_PLAIN, PLAIN_ORGANISATION } from './stored-columns.ts';
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

describe('reachesFloorAt (the bound memo looked up from the columns before a name is made)', () => {
  // Plain names listed as persons and organisations, names with a legal form or title (their
  // stored rest holds more than a schema) and names with original-script words, each twice.
  const listed = [
    ...NAMES.flatMap((n, i) => [party(`p${i}`, 'person', n), party(`o${i}`, 'organization', n)]),
    party('l1', 'organization', 'Noor Trading Company LLC'),
    party('t1', 'person', 'Dr Noor Trading'),
    party('a1', 'person', 'نور التجارة'),
    party('a2', 'organization', 'نور التجارة'),
    party('v1', 'vessel', 'Noor Star'),
    // No given kind: the legal form alone makes the first a body's name (an organisation pair).
    party('u1', 'unknown', 'Noor Trading LLC'),
    party('u2', 'unknown', 'Noor Trading'),
  ];
  const built = buildScreeningIndex(
    [...listed, ...listed.map((p) => ({ ...p, sourceId: `${p.sourceId}x` }))].map((p) => ({ party: p })),
    DEFAULT_NAME_REFERENCE,
  );
  const over = indexOverSnapshot(snapshotOfIndex(built), DEFAULT_NAME_REFERENCE);

  it('reads a name as plain only when its made name has no original-script words, with its organisation flag', () => {
    let plain = 0;
    let other = 0;
    for (let id = 0; id < over.nameSlots; id++) {
      const name = over.name(id);
      if (!name) continue;
      const kind = over.plainNameKind(id);
      if (kind === NOT_PLAIN) {
        other++;
        continue;
      }
      plain++;
      expect(name.normalized.originalTokens).toBeUndefined();
      expect(kind === PLAIN_ORGANISATION).toBe(isOrganisationPair({}, name.normalized));
    }
    expect(plain).toBeGreaterThan(0);
    expect(other).toBeGreaterThan(0);
  });

  it('answers as nameScoreBound does, names looked up from the columns and made mixed, in any order', () => {
    for (const index of [built, over]) {
      const weight = indexTokenWeight(index);
      const ids = [...Array(index.nameSlots).keys()].filter((id) => index.name(id));
      for (const text of [
        'Noor Trading',
        'Al Noor Company',
        'Noor Star Trading',
        'نور التجارة',
        'Noor Star',
        'Noor Trading Ltd',
      ])
        for (const floor of [0.85, 0.9, 0.95])
          for (const order of [ids, ids.slice().reverse()]) {
            const query = prepareQuery(index, normalizeName(text, index.reference), weight);
            order.forEach((id, k) => {
              const want = nameScoreBound(index, query, index.name(id)!, floor) >= floor;
              const got =
                k % 3 === 2
                  ? reachesFloor(index, query, index.name(id)!, floor)
                  : reachesFloorAt(index, query, id, floor);
              expect(got).toBe(want);
            });
          }
    }
  });
});
