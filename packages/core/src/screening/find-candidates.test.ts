import { describe, expect, it } from 'vitest';
import { buildParty, type Party } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { expandToken } from './expand-token.ts';
import { findCandidateNames, POSTINGS_PER_REACHED_NAME, type CandidateCut } from './find-candidates.ts';
import { normalizeName } from './normalize-name.ts';
import { rejoinedKeys } from './rejoined-keys.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { indexTokenWeight } from './token-weight.ts';

const person = (i: number, full: string): Party =>
  buildParty({ source: 'test', sourceId: `p${i}`, schema: 'person', names: [{ full, quality: 'primary' }] });

describe('findCandidateNames across queries', () => {
  // Names that share words across queries, over more than one word of the reached-names bitmap.
  const first = ['Ivan', 'Olga', 'Pavel', 'Irina', 'Sergei'];
  const last = ['Petrov', 'Sidorova', 'Kuznetsov', 'Smirnova', 'Volkov', 'Orlova', 'Lebedev'];
  const parties = first.flatMap((f, i) => last.map((l, j) => person(i * last.length + j, `${f} ${l}`)));
  const index = buildScreeningIndex(
    parties.map((party) => ({ party })),
    DEFAULT_NAME_REFERENCE,
  );
  const weight = indexTokenWeight(index);
  const find = (name: string): string => {
    const cut: CandidateCut = { unscored: 0, atLeast: false, beyond: [] };
    const names = findCandidateNames(
      index,
      normalizeName(name, index.reference, 'person'),
      weight,
      5,
      0.2,
      0.5,
      cut,
    );
    return `${names.join()}|${cut.unscored}|${cut.atLeast}|${cut.beyond!.join()}`;
  };

  it('gives a query the same names, cut and names beyond whatever query came before', () => {
    const queries = [
      'Olga Petrova',
      'Ivan Petrov',
      'Irina Volkova',
      'Pavel Orlov',
      'Sergei Lebedev',
      'Petrov',
    ];
    const alone = queries.map((q) => {
      index.expansions.clear();
      return find(q);
    });
    expect(alone.every((r) => r.split('|')[0]!.length > 0)).toBe(true);
    // Each query after every other: the names the one before reached leave no trace.
    for (let a = 0; a < queries.length; a++)
      for (let b = 0; b < queries.length; b++) {
        find(queries[a]!);
        expect(find(queries[b]!)).toBe(alone[b]);
      }
  });
});

describe('findCandidateNames and a listed name of initials', () => {
  // Many other Smiths make "smith" a light word, so that "john" carries most of the query.
  const names = ['J R Smith', 'Jane Smith', 'Peter Smith', 'Mary Smith', 'Paul Smith', 'Anna Smith', 'Smith'];
  const index = buildScreeningIndex(
    names.map((full, i) => ({ party: person(i, full) })),
    DEFAULT_NAME_REFERENCE,
  );
  const weight = indexTokenWeight(index);
  const found = (query: string, minScore: number): string[] =>
    findCandidateNames(index, normalizeName(query, index.reference, 'person'), weight, 10, 0.2, minScore).map(
      (id) => index.name(id)!.normalized.tokens.join(' '),
    );

  it('keeps a name whose initial can stand for the query word it lacks, and none without', () => {
    // "j r smith" reaches the coverage needed only with its initials ("j" for "john"): the filter
    // must read the name's shape; "smith" and the other Smiths, without it, stay out.
    const kept = found('John Smith', 0.7);
    expect(kept).toEqual(['j r smith']);
  });
});

describe('findCandidateNames over more names than its first table of places holds', () => {
  // 3,000 names share "ivan" and 1,200 "petrov": a query makes thousands of names, so the table
  // of the reached names' places grows while the posting loop runs, and a later posting of a
  // name must still add to that name's share, not another's.
  const surnames = Array.from({ length: 3000 }, (_, i) => `Zx${i.toString(36)}q`);
  const parties = [
    ...surnames.map((s, i) => person(i, `Ivan ${s}`)),
    ...surnames.slice(0, 1200).map((s, i) => person(3000 + i, `Petrov ${s}`)),
    ...surnames.slice(0, 700).map((s, i) => person(4200 + i, `Ivan Petrov ${s}`)),
  ];
  const index = buildScreeningIndex(
    parties.map((party) => ({ party })),
    DEFAULT_NAME_REFERENCE,
  );
  const weight = indexTokenWeight(index);

  /** Each name's share of the query, summed directly over its keys (as `addToTouched` reads them). */
  const direct = (query: string): Map<number, number> => {
    const normalized = normalizeName(query, index.reference, 'person');
    const tokens = normalized.tokens;
    let total = 0;
    for (const t of tokens) total += weight(t);
    const words = [...new Set(tokens)].map((t) => ({
      expansion: expandToken(index, t),
      share: (weight(t) * tokens.filter((x) => x === t).length) / total,
    }));
    const parts: {
      expansion: { ids: ArrayLike<number>; similarities: ArrayLike<number> };
      share: number;
      pair?: number;
      unless?: number;
    }[] = words;
    if (tokens.length > 1) parts.push({ expansion: expandToken(index, tokens.join('')), share: 1 });
    for (const key of rejoinedKeys(index, tokens, weight))
      parts.push({ ...key, expansion: { ids: [key.id], similarities: [1] } });
    const shares = new Map<number, number>();
    for (let nameId = 0; nameId < index.nameSlots; nameId++) {
      const keys = index.nameKeyIds(nameId);
      if (!keys) continue;
      let sum = 0;
      for (const { expansion, share, pair, unless } of parts)
        for (const key of keys) {
          if (pair !== undefined && !keys.includes(pair)) continue;
          if (unless !== undefined && keys.includes(unless)) continue;
          const k = Array.prototype.indexOf.call(expansion.ids, key);
          if (k >= 0) sum += expansion.similarities[k]! * share;
        }
      if (sum > 0) shares.set(nameId, sum);
    }
    return shares;
  };

  it('ranks every name reached by its own share of the query', () => {
    for (const query of ['Ivan Petrov', 'Petrov Ivan', 'Ivan', 'Ivan Petrov Zx1q']) {
      index.expansions.clear();
      const shares = direct(query);
      const found = findCandidateNames(
        index,
        normalizeName(query, index.reference, 'person'),
        weight,
        10_000,
        0.2,
        0,
      );
      const expected = [...shares].filter(([, s]) => s >= 0.2 + 1e-9).map(([id]) => id);
      expect(found.length).toBeGreaterThan(600);
      // Every name the direct sum keeps is found; none found is below the floor by it.
      expect(new Set(found)).toEqual(
        new Set([...expected, ...found.filter((id) => Math.abs(shares.get(id)! - 0.2) <= 1e-9)]),
      );
      // Best first by the direct share (sums in another order: equal to rounding).
      for (let i = 1; i < found.length; i++)
        expect(shares.get(found[i]!)!).toBeLessThanOrEqual(shares.get(found[i - 1]!)! + 1e-9);
    }
  });
});

describe('findCandidateNames adding a frequent word once no new name is made', () => {
  // "ivan" is on 2,000 names and too common to make one reach the share floor alone, so it is read
  // after the search stops making names, only adding to the "quorvex" names already reached:
  // by reading each reached name's keys when they are few for its postings, by walking its
  // postings when they are many. Either way the five names with both words must rank first.
  const common = 2000;
  const both = 5;
  /**
   * A word for `i` of letters "ivan" and "quorvex" lack (digits would be words of their own, and
   * "quorvex" joined to a word ending like "ivan" is near the joined query).
   */
  const letters = 'bcdfghjklmpstwyz';
  const word = (i: number): string =>
    i
      .toString(letters.length)
      .split('')
      .map((d) => letters[parseInt(d, letters.length)]!)
      .join('');
  const layout = (rare: number): { index: ReturnType<typeof buildScreeningIndex>; both: Set<number> } => {
    const parties = [
      ...Array.from({ length: common }, (_, i) => person(i, `Ivan Zx${word(i)}q`)),
      ...Array.from({ length: rare }, (_, i) => person(common + i, `Quorvex Wy${word(i)}k`)),
      // Reached last, so that a share left out would not be hidden by the order of reaching.
      ...Array.from({ length: both }, (_, i) => person(common + rare + i, `Quorvex Ivan Vu${word(i)}j`)),
    ];
    const index = buildScreeningIndex(
      parties.map((party) => ({ party })),
      DEFAULT_NAME_REFERENCE,
    );
    const ids = new Set<number>();
    for (let nameId = 0; nameId < index.nameSlots; nameId++)
      if (index.nameEntry(nameId) >= common + rare) ids.add(nameId);
    return { index, both: ids };
  };

  it.each([
    ['few', 4],
    ['many', Math.ceil((2 * common) / POSTINGS_PER_REACHED_NAME)],
  ])('adds it to every name reached, %s rare names', (_, rare) => {
    const { index, both: withBoth } = layout(rare);
    // The route this layout is meant to take (see `POSTINGS_PER_REACHED_NAME`).
    const keysRead = (rare + both) * POSTINGS_PER_REACHED_NAME < common + both;
    expect(keysRead).toBe(rare === 4);
    const weight = indexTokenWeight(index);
    const query = normalizeName('Quorvex Ivan', index.reference, 'person');
    // A floor above what "ivan" is worth, below what "quorvex" is.
    const floor = 0.4;
    expect(weight('ivan') / (weight('ivan') + weight('quorvex'))).toBeLessThan(floor);
    expect(weight('quorvex') / (weight('ivan') + weight('quorvex'))).toBeGreaterThan(floor);
    const found = findCandidateNames(index, query, weight, 10_000, floor, 0);
    // The "ivan" names without "quorvex" are not reached; every "quorvex" name is.
    expect(found).toHaveLength(rare + both);
    expect(new Set(found.slice(0, both))).toEqual(withBoth);
  });
});
