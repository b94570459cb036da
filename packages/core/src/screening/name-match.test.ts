import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { NAME_MATCH_CASES } from './name-match.cases.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { DEFAULT_SCREENING_THRESHOLD, screenParty } from './screen-party.ts';

describe('name matching quality', () => {
  it.each(NAME_MATCH_CASES)('$query vs $listed: match=$match ($why)', ({ query, listed, match, schema }) => {
    const party = buildParty({
      source: 'test',
      sourceId: '1',
      schema: schema ?? 'person',
      names: [{ full: listed, quality: 'primary' }],
    });
    const index = buildScreeningIndex([{ party }], DEFAULT_NAME_REFERENCE);
    const hits = screenParty(index, { name: query, schema: schema ?? 'person' }, { threshold: 0 });
    const score = hits[0]?.score ?? 0;
    if (match) expect(score).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
    else expect(score).toBeLessThan(DEFAULT_SCREENING_THRESHOLD);
  });
});
