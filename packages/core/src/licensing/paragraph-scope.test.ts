import { describe, expect, it } from 'vitest';
import { extractParagraphRefs, matchParagraphScope, parseParagraphScope } from './paragraph-scope.ts';
import { interpretDestinationRule, isDestinationInRule } from './interpret-destination-rule.ts';
import { classifyEndUse } from './classify-end-use.ts';

describe('parseParagraphScope', () => {
  it.each([
    ['NS applies to entire entry', '3A001', '3A001.a.1.b', 'yes'],
    ['NS applies to entire entry except 0A501.y', '0A501', '0A501.y.1', 'no'],
    ['NS applies to entire entry except 0A501.y', '0A501', '0A501.c', 'yes'],
    [
      'MT applies to 3A001.a.1.a when usable in “missiles”; and to 3A001.a.5.a when …; and 3A001.z.2',
      '3A001',
      '3A001.a.1.a',
      'yes',
    ],
    [
      'MT applies to 3A001.a.1.a when usable in “missiles”; and to 3A001.a.5.a when …; and 3A001.z.2',
      '3A001',
      '3A001.z.2',
      'yes',
    ],
    [
      'MT applies to 3A001.a.1.a when usable in “missiles”; and to 3A001.a.5.a when …; and 3A001.z.2',
      '3A001',
      '3A001.a.1.b',
      'no',
    ],
    ['MT applies to 3A001.a.1.a when usable in “missiles”', '3A001', '3A001.a', 'partly'],
    ['RS applies to 3A001.z.1.a, z.2.a, z.3.a, z.4.a', '3A001', '3A001.z.3.a', 'yes'],
    [
      'EI applies to “software” in 5D002.a.1, a.3, .b, c.1 and c.3, for commodities controlled in ECCN 5A002, 5A004 or 5D002',
      '5D002',
      '5D002.c.3',
      'yes',
    ],
    [
      'EI applies to “software” in 5D002.a.1, a.3, .b, c.1 and c.3, for commodities controlled in ECCN 5A002, 5A004 or 5D002',
      '5D002',
      '5D002.a.2',
      'no',
    ],
  ])('%s (%s) reaches %s: %s', (text, eccn, code, expected) => {
    expect(matchParagraphScope(parseParagraphScope(text, eccn), code)).toBe(expected);
  });

  // 15 CFR 774 Supp. 1, 9A610 and 1B001 (License Requirements), as the mirror's rows give them.
  const NS_9A610 =
    'NS applies to entire entry except: 9A610.b; parts and components controlled in 9A610.x if being exported or reexported for use in an aircraft controlled in 9A610.b; and 9A610.y';
  const MT_1B001 =
    'MT applies to entire entry, except 1B001.d.4, e and f. Note: MT applies to equipment in 1B001.d that meet or exceed the parameters of 1B101';
  it.each([
    [NS_9A610, '9A610', '9A610.x', 'yes'],
    [NS_9A610, '9A610', '9A610.b', 'no'],
    [NS_9A610, '9A610', '9A610.y.1', 'no'],
    [MT_1B001, '1B001', '1B001.d.1', 'yes'],
    [MT_1B001, '1B001', '1B001.d.4', 'no'],
  ])(
    'an exclusion that holds only under a condition excludes nothing by itself: %s (%s) reaches %s: %s',
    (text, eccn, code, expected) => {
      expect(matchParagraphScope(parseParagraphScope(text, eccn), code)).toBe(expected);
    },
  );

  it("carries a conditional exclusion as the row's condition, so the determination asks", () => {
    expect(parseParagraphScope(NS_9A610, '9A610').condition).toContain('if being exported');
    expect(
      parseParagraphScope('NS applies to entire entry except 0A501.y', '0A501').condition,
    ).toBeUndefined();
  });

  it('keeps the condition of a conditional row for the trace', () => {
    expect(
      parseParagraphScope('MT applies to 3A001.a.1.a when usable in missiles', '3A001').condition,
    ).toContain('when usable');
  });

  it('ignores references to other ECCNs', () => {
    expect(extractParagraphRefs('NP applies to 3A001.e.2 that meet 3A201.a and 3A201.b', '3A001')).toEqual([
      '3A001.e.2',
    ]);
  });
});

describe('interpretDestinationRule', () => {
  it.each([
    ['To or within any destination worldwide. See § 742.6(a)(6)(iii)(A) of the EAR.', 'DE', [], true],
    [
      'To or within the United Arab Emirates or destinations specified in Country Groups D:1, D:4, and D:5 of supplement no. 1 to part 740 of the EAR, excluding any destination also specified in Country Groups A:5 or A:6.',
      'AE',
      [],
      true,
    ],
    [
      'To or within the United Arab Emirates or destinations specified in Country Groups D:1, D:4, and D:5, excluding any destination also specified in Country Groups A:5 or A:6.',
      'CN',
      ['D:1', 'D:4', 'D:5'],
      true,
    ],
    ['To or within Macau or a destination specified in Country Group D:5', 'MO', [], true],
    ['To or within Macau or a destination specified in Country Group D:5', 'DE', ['A:5'], false],
    ['China, Russia, or Venezuela (see § 742.6(a)(7)).', 'VE', [], true],
    ['Refer to § 742.15 of the EAR.', 'CA', [], false],
    ['Refer to § 742.15 of the EAR.', 'FR', [], true],
  ])('%s reaches %s %j: %s', (text, iso, groups, expected) => {
    expect(isDestinationInRule(interpretDestinationRule(text), iso, groups)).toBe(expected);
  });

  it('leaves rules it cannot read unresolved', () => {
    expect(interpretDestinationRule('See § 746.1(b) for UN controls.').kind).toBe('unresolved');
  });
});

describe('classifyEndUse', () => {
  it.each([
    [undefined, 'unknown'],
    ['unknown', 'unknown'],
    ['civil telecommunications network', 'civil'],
    ['ballistic missile guidance', 'wmd'],
    ['lawful interception platform', 'surveillance'],
    ['army logistics', 'military'],
  ])('%s → %s', (text, kind) => {
    expect(classifyEndUse(text)).toBe(kind);
  });
});
