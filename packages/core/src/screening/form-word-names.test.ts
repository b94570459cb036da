import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import type { NameReference } from './name-reference.ts';
import { normalizeName } from './normalize-name.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { DEFAULT_SCREENING_THRESHOLD, screenParty } from './screen-party.ts';

/**
 * Issue 14, class 5: a short word the reference reads as a legal form, written in capitals as the
 * first word of an organisation name of generic words ("STG Group": "StG" is the stille
 * Gesellschaft), is the body's name, and a word written with a digit ("A1") is never the Arabic
 * article. The built-in reference lacks these forms, so they are added as the full reference
 * (rigour's `org_types.yml`) writes them, with its one confusable reading of "1".
 */
const REFERENCE: NameReference = {
  ...DEFAULT_NAME_REFERENCE,
  orgTypes: [
    ...DEFAULT_NAME_REFERENCE.orgTypes,
    { display: 'StG', aliases: ['stille Gesellschaft'] },
    { display: 'şb', aliases: ['şube'] },
    { generic: 'LLC', aliases: ['društveno preduzeće', 'дп'] },
    { display: 'ik', generic: 'SOE', aliases: ['individuālais komersants'] },
    { display: 'pt', generic: 'PT', aliases: ['perseroan terbatas'] },
  ],
  confusables: [
    ['0', 'o'],
    ['1', 'l'],
    ['5', 's'],
  ],
};

const score = (query: string, listed: string): number => {
  const party = buildParty({
    source: 't',
    sourceId: '1',
    schema: 'organization',
    names: [{ full: listed, quality: 'primary' }],
  });
  const index = buildScreeningIndex([{ party }], REFERENCE);
  return screenParty(index, { name: query, schema: 'organization' }, { threshold: 0 })[0]?.score ?? 0;
};

/** [query, listed, why]; invented names. */
const SHOULD_MATCH: [string, string, string][] = [
  ['STG Kompleks Group', 'STG Group', '"stg" names the listed body: a query adding a generic word holds it'],
  [
    'DP Shipping Group Ltd',
    'DP Shipping Limited',
    'the same with a form the reference writes only in Cyrillic',
  ],
  ['SB International Trading', 'SB International SARL', 'the same with a form the reference writes "şb"'],
];

const SHOULD_NOT_MATCH: [string, string, string][] = [
  ['Group Ltd', 'STG Group', 'only the generic word agrees; "STG" is the listed body\'s name'],
  ['Shipping Limited', 'DP Shipping Limited', 'the same: "DP" is not the body\'s legal form'],
  ['International SARL', 'SB International SARL', 'the same: "SB" is not the Turkish şb (a branch)'],
  ['Al Trading', 'A1 Trading LLC', '"A1" is a letter and a digit, not the article "al"'],
];

/** Real legal forms first in a name of generic words stay forms: matched as whole names as before. */
const STILL_A_MATCH: [string, string, string][] = [
  ['Center LLC', 'LLC Center', 'the reference writes "LLC" in capitals'],
  [
    'PT International Trading',
    'International Trading Ltd',
    'the reference writes "pt": a form in capitals too',
  ],
  ['IK Management', 'IK-Management LLC', '"ik" is written so by the reference: both read it as a form'],
];

describe('a legal-form abbreviation first in a name of generic words', () => {
  it.each(SHOULD_MATCH)('%s vs %s: a match (%s)', (query, listed) => {
    expect(score(query, listed)).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
  });

  it.each(SHOULD_NOT_MATCH)('%s vs %s: not a match (%s)', (query, listed) => {
    expect(score(query, listed)).toBeLessThan(DEFAULT_SCREENING_THRESHOLD);
  });

  it.each(STILL_A_MATCH)('%s vs %s: still a match (%s)', (query, listed) => {
    expect(score(query, listed)).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
  });

  it.each([
    ['STG Group', 'organization', ['stg', 'group'], []],
    ['STG Group', 'unknown', ['stg', 'group'], []],
    ['DP SHIPPING LIMITED', 'organization', ['dp', 'shipping'], ['LLC']],
    ['StG Group', 'organization', ['group'], ['STG']],
    ['Stg Group', 'organization', ['group'], ['STG']],
    ['STG Stroykompleks', 'organization', ['stroykompleks'], ['STG']],
    ['LLC Center', 'organization', ['center'], ['LLC']],
    ['PT International Trading', 'organization', ['international', 'trading'], ['PT']],
    ['IK Management', 'unknown', ['management'], ['SOE']],
    ['STG LLC', 'organization', ['stg', 'llc'], ['STG', 'LLC']],
  ] as const)('reads %s (%s) as %j with forms %j', (text, schema, tokens, forms) => {
    const name = normalizeName(text, REFERENCE, schema);
    expect(name.tokens).toEqual(tokens);
    expect(name.legalForms).toEqual(forms);
  });

  it('reads a digit in a word as a letter, unless that makes the article', () => {
    expect(normalizeName('OOO A1', REFERENCE, 'organization').tokens).toEqual(['a1']);
    expect(normalizeName('E1 Trading', REFERENCE, 'organization').tokens).toEqual(['e1', 'trading']);
    expect(normalizeName('0sama Trading', REFERENCE, 'organization').tokens).toEqual(['osama', 'trading']);
  });
});
