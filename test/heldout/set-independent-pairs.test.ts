import { describe, expect, it } from 'vitest';
import { DEFAULT_NAME_REFERENCE } from '@entente/core';
import { NAME_BENCH_QUALITY, NAME_BENCH_ROWS } from '../../bench/heldout/name-bench-pairs.ts';
import { buildIndexes, indexFor, screenCases } from '../../bench/heldout/screen-cases.ts';
import {
  INDEPENDENT_PAIRS,
  independentPairCases,
  nameBenchSelection,
  pairCandidates,
  schemaOf,
} from '../../bench/heldout/set-independent-pairs.ts';
import { splitOf } from '../../bench/heldout/split.ts';

const key = (query: string, candidate: string, schema: string): string => `${query}|${candidate}|${schema}`;

describe('set (e): independent labelled pairs', () => {
  it('loads every row of the three groups of cases.csv taken (226, 82 and 5 rows)', () => {
    expect(NAME_BENCH_ROWS.nk_checks).toHaveLength(226);
    expect(NAME_BENCH_ROWS.nk_unit_tests).toHaveLength(82);
    expect(NAME_BENCH_ROWS.cust_cases).toHaveLength(5);
    for (const rows of Object.values(NAME_BENCH_ROWS))
      for (const [query, candidate, match, , cls] of rows) {
        expect(query.trim()).not.toBe('');
        expect(candidate.trim()).not.toBe('');
        expect(typeof match).toBe('boolean');
        if (cls !== undefined) expect(cls >= 1 && cls <= 8).toBe(true);
      }
  });

  it("marks quality only on rows of the file, and only where our label is the file's", () => {
    const rows = Object.values(NAME_BENCH_ROWS).flat();
    for (const q of ['strong', 'weak'] as const)
      for (const [query, candidate] of NAME_BENCH_QUALITY[q])
        expect(rows.some(([a, b]) => a === query && b === candidate)).toBe(true);
    const { pairs } = nameBenchSelection();
    const michel = pairs.find((p) => p.query === 'Michel Obama')!;
    expect([michel.match, michel.quality]).toEqual([false, undefined]);
    expect(pairs.filter((p) => p.quality === 'weak')).toHaveLength(23);
  });

  it('has no duplicate pair, and every pair names a person, organisation or unknown schema', () => {
    const { pairs } = nameBenchSelection();
    const keys = pairs.map((p) => key(p.query, p.candidate, p.schema));
    expect(new Set(keys).size).toBe(pairs.length);
    for (const p of pairs) expect(['person', 'organization', 'unknown']).toContain(p.schema);
    for (const c of independentPairCases()) expect(c.query.schema).toBeDefined();
  });

  it('drops only vessels, repeats of a pair taken (same label) and label conflicts, each for its reason', () => {
    const { pairs, dropped } = nameBenchSelection();
    const taken = new Map(pairs.map((p) => [key(p.query, p.candidate, p.schema), p.match]));
    const rows = Object.values(NAME_BENCH_ROWS).flat();
    expect(pairs.length - INDEPENDENT_PAIRS.length + dropped.length).toBe(rows.length);
    for (const d of dropped) {
      const [, , match, ftm] = NAME_BENCH_ROWS[d.group][d.row - 1]!;
      expect(NAME_BENCH_ROWS[d.group][d.row - 1]!.slice(0, 2)).toEqual([d.query, d.candidate]);
      const schema = schemaOf(ftm);
      if (d.reason === 'vessel') expect(ftm).toBe('Vessel');
      else
        expect(taken.get(key(d.query, d.candidate, schema!))).toBe(d.reason === 'duplicate' ? match : !match);
    }
    expect(dropped.filter((d) => d.reason === 'vessel')).toHaveLength(
      rows.filter(([, , , ftm]) => ftm === 'Vessel').length,
    );
  });

  it('keeps the first 44 pairs, their ids and their splits as they were', () => {
    const cases = independentPairCases();
    INDEPENDENT_PAIRS.forEach(([query, candidate, match], i) => {
      const c = cases[i]!;
      expect(c.id).toBe(`e:${i + 1}`);
      expect(c.rule).toBe('nomenklatura-checks');
      expect([c.query.name, c.listed, c.expect]).toEqual([query, candidate, match ? 'match' : 'no-match']);
      expect(c.split).toBe(splitOf(`pair:${candidate}`));
    });
    const old = cases.slice(0, INDEPENDENT_PAIRS.length);
    const count = (split: string) => old.filter((c) => c.split === split).length;
    expect([count('tune'), count('threshold'), count('report')]).toEqual([18, 17, 9]);
  });

  it('puts all pairs of one candidate in one split, and points each case at its own candidate', () => {
    const cases = independentPairCases();
    const splits = new Map<string, string>();
    for (const c of cases) {
      expect(splits.get(c.subject) ?? c.split).toBe(c.split);
      splits.set(c.subject, c.split);
    }
    const byId = new Map(pairCandidates().map((p) => [`heldout-pairs:${p.sourceId}`, p]));
    expect(byId.size).toBe(pairCandidates().length);
    for (const c of cases) {
      expect(c.truth).toHaveLength(1);
      const candidate = byId.get(c.truth[0]!)!;
      expect([candidate.name, candidate.schema]).toEqual([c.listed, c.query.schema]);
    }
  });

  it('screens each pair against its own candidate alone', () => {
    const cases = independentPairCases();
    const indexes = buildIndexes([], DEFAULT_NAME_REFERENCE, cases);
    expect(indexes.pairs.size).toBe(pairCandidates().length);
    for (const c of cases) expect(indexFor(indexes, c)).toBe(indexes.pairs.get(c.truth[0]!));
    for (const o of screenCases(indexes, cases)) {
      // Whatever the score, the only party a pair can find is its own candidate.
      if (o.top > 0) expect(o.topIsTruth).toBe(true);
      expect(o.top).toBe(o.truthScore);
    }
  });
});
