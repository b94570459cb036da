import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { buildColumnIndex } from './build-snapshot.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { NAME_CLASS_CASES } from './name-match-classes.cases.ts';
import { NAME_MATCH_CASES } from './name-match.cases.ts';
import { nameScoreBound } from './name-score-bound.ts';
import { normalizeName } from './normalize-name.ts';
import { prepareQuery } from './score-indexed-name.ts';
import type { ScreeningIndexInput } from './screening-index.ts';
import { indexTokenWeight } from './token-weight.ts';

const cases = [...NAME_MATCH_CASES, ...NAME_CLASS_CASES];
const SCHEMAS = ['person', 'organization', 'vessel', 'aircraft', 'unknown'] as const;

// The listed names of the matching cases under every schema, some with legal forms and titles
// (a rest other than the schema alone), some in other scripts.
const inputs: ScreeningIndexInput[] = cases.map((c, i) => ({
  party: buildParty({
    source: 'un-sc',
    sourceId: String(i),
    schema: c.schema ?? SCHEMAS[i % SCHEMAS.length]!,
    names: [
      { full: c.listed, quality: 'primary' },
      { full: `${c.listed} LLC`, quality: 'strong' },
      { full: `Dr. ${c.listed}`, quality: 'weak' },
    ],
  }),
}));

describe('the name the bound reads, made from the columns (ScreeningIndex.boundName)', () => {
  const index = buildColumnIndex(inputs, DEFAULT_NAME_REFERENCE);
  const ids = [...Array(index.nameSlots).keys()].filter((id) => index.nameEntry(id) >= 0);

  it('holds what the bound reads of the name, for names made or not', () => {
    let light = 0;
    for (const id of ids) {
      // Read before the name is made (from the columns), then after (the name itself).
      const bound = index.boundName(id)!;
      const name = index.name(id)!;
      if (bound !== name) light++;
      expect([...bound.tokenIds], name.text).toEqual([...name.tokenIds]);
      expect(bound.normalized.tokens, name.text).toEqual(name.normalized.tokens);
      expect(bound.normalized.schema, name.text).toBe(name.normalized.schema);
      expect(bound.normalized.originalTokens, name.text).toEqual(name.normalized.originalTokens);
      expect(bound.joined, name.text).toBe(name.joined);
      expect(index.boundName(id)).toBe(name);
    }
    // Most names are read without being made: those with original-script words are made.
    expect(light).toBeGreaterThan(ids.length / 2);
    expect(light).toBeLessThan(ids.length);
  });

  it('bounds every name as the name itself does', () => {
    const fresh = buildColumnIndex(inputs, DEFAULT_NAME_REFERENCE);
    const weight = indexTokenWeight(fresh);
    for (const c of cases.slice(0, 60)) {
      const query = prepareQuery(fresh, normalizeName(c.query, fresh.reference), weight);
      for (const id of ids) {
        const bound = fresh.boundName(id)!;
        const name = index.name(id)!;
        expect(nameScoreBound(fresh, query, bound, 0.8), `${c.query} / ${name.text}`).toBe(
          nameScoreBound(fresh, query, name, 0.8),
        );
      }
    }
  });
});
