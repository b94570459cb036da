import { describe, expect, it } from 'vitest';
import { buildParty, type Party } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { findCandidateNames, type CandidateCut } from './find-candidates.ts';
import { normalizeName } from './normalize-name.ts';
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
