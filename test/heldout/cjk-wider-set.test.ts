import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMirrorLists, MIRROR } from '../../bench/eval-screening-lists.ts';
import { buildDevSet, spellingOnlyParties } from '../../bench/heldout/build-dev-set.ts';
import { cjkWiderCases, halfOf, type CjkCase } from '../../bench/heldout/cjk-wider-set.ts';
import { listContext } from '../../bench/heldout/list-context.ts';
import { buildParty } from '@entente/core';

/**
 * The wider Han/Hangul/kana set as built from the mirror of 2026-12-07: a change to the lists,
 * the subject clusters, the held-out set or the syllable changes moves these counts. Every person
 * with such a name is in the held-out set's class 7 already, so the wider set holds organisations.
 */
const COUNTS: Record<string, number> = {
  'check hani-org-to-latin': 93,
  'check kana-org-syllable-changed': 338,
  'check kana-org-to-latin': 368,
  'tune hani-org-to-latin': 111,
  'tune kana-org-syllable-changed': 404,
  'tune kana-org-to-latin': 421,
};

describe.skipIf(!existsSync(MIRROR))('wider Han/Hangul/kana → Latin set built from the real mirror', () => {
  let cases: CjkCase[] = [];
  let heldout = new Set<string>();
  beforeAll(async () => {
    const lists = await loadMirrorLists(MIRROR, () => {});
    const dev = await buildDevSet(lists, MIRROR);
    heldout = new Set(dev.map((c) => c.subject));
    const indexed = lists.flatMap((l) => l.parties);
    // Subjects clustered as build-dev-set.ts clusters them (with the spelling-only parties).
    cases = cjkWiderCases(
      listContext(indexed, [...indexed, ...(await spellingOnlyParties(MIRROR))]),
      heldout,
    );
  }, 600_000);

  it('holds the counts of its halves and rules', () => {
    const counts: Record<string, number> = {};
    for (const c of cases) counts[`${c.half} ${c.rule}`] = (counts[`${c.half} ${c.rule}`] ?? 0) + 1;
    expect(counts).toEqual(COUNTS);
  });

  it('holds no subject of the held-out set, and puts each subject in one half by its key', () => {
    for (const c of cases) {
      expect(heldout.has(c.subject)).toBe(false);
      expect(c.half).toBe(halfOf(c.subject));
      expect(c.truth.length).toBeGreaterThan(0);
    }
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });
});

describe('wider Han/Hangul/kana set builder', () => {
  const party = buildParty({
    source: 'jp-meti',
    sourceId: 'X-1',
    schema: 'organization',
    names: [
      { full: 'Kaletova JSC', quality: 'primary' },
      { full: '株式会社カレトヴァ', quality: 'primary' },
    ],
  });
  const ctx = listContext([party]);
  const subject = [...ctx.subject.values()][0]!;

  it('makes a should-match case of the kana name and a should-not-match one with a syllable changed', () => {
    const cases = cjkWiderCases(ctx, new Set());
    expect(cases.map((c) => [c.expect, c.rule])).toEqual([
      ['no-match', 'kana-org-syllable-changed'],
      ['match', 'kana-org-to-latin'],
    ]);
    expect(cases[1]!.query.name).toBe('株式会社カレトヴァ');
    expect(cases[0]!.query.name).not.toBe('株式会社カレトヴァ');
  });

  it('leaves out the subjects of the held-out set', () => {
    expect(cjkWiderCases(ctx, new Set([subject]))).toEqual([]);
  });
});
