import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { legalKindsConflict } from './legal-form-kinds.ts';
import { normalizeName } from './normalize-name.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { DEFAULT_SCREENING_THRESHOLD, screenParty } from './screen-party.ts';

/** The default reference with a legal form whose abbreviation is a word ("ОФ", romanised "of"), as the full reference has. */
const reference = {
  ...DEFAULT_NAME_REFERENCE,
  orgTypes: [...DEFAULT_NAME_REFERENCE.orgTypes, { display: 'ОФ', generic: 'NGO', aliases: ['ОФ', 'OF'] }],
};

function scoreOf(query: string, listed: string): number {
  const party = buildParty({
    source: 'test',
    sourceId: '1',
    schema: 'organization',
    names: [{ full: listed, quality: 'primary' }],
  });
  const index = buildScreeningIndex([{ party }], reference);
  return screenParty(index, { name: query, schema: 'organization' }, { threshold: 0 })[0]?.score ?? 0;
}

describe('legal forms of two kinds', () => {
  it('tells a non-profit body from a company, either way round', () => {
    expect(legalKindsConflict(['NGO'], ['LLC'])).toBe(true);
    expect(legalKindsConflict(['JSC'], ['REL'])).toBe(true);
  });

  it('does not set two company forms, or a state enterprise, against each other', () => {
    expect(legalKindsConflict(['JSC'], ['LLC'])).toBe(false);
    expect(legalKindsConflict(['SOE'], ['NGO'])).toBe(false);
    expect(legalKindsConflict(['NGO', 'LLC'], ['LLC'])).toBe(false);
  });

  it('reads a legal form only at the start or the end of a name', () => {
    expect(normalizeName('OF Tarnholm Relief', reference, 'organization').legalForms).toEqual(['NGO']);
    expect(normalizeName('Front of Tarnholm Relief', reference, 'organization').legalForms).toEqual([]);
  });

  it('matches a company whose name holds a word the reference also reads as a legal form', () => {
    expect(scoreOf('Tarnholm Front of Relief', 'Tarnholm Front Relief LLC')).toBeGreaterThanOrEqual(
      DEFAULT_SCREENING_THRESHOLD,
    );
  });

  it('does not match a non-profit body with a company of the same name', () => {
    expect(scoreOf('OF Tarnholm Relief', 'Tarnholm Relief LLC')).toBeLessThan(DEFAULT_SCREENING_THRESHOLD);
  });
});
