import { describe, expect, it } from 'vitest';
import { applyOwnershipRules, type OwnershipFinding } from './apply-ownership-rules.ts';
import { buildOwnershipGraph, type OwnershipGraphLink } from './ownership-graph.ts';
import { OWNERSHIP_RULE_IDS, OWNERSHIP_RULES, type OwnershipRuleId } from './ownership-rules.ts';

const link = (owner: string, owned: string, share?: number, controls?: boolean): OwnershipGraphLink => ({
  owner,
  owned,
  ...(share === undefined ? {} : { share }),
  ...(controls === undefined ? {} : { controls }),
});
const TODAY = '2026-12-03';

function judge(
  links: OwnershipGraphLink[],
  listed: string[],
  target: string,
  rule: OwnershipRuleId,
  onDate = TODAY,
): OwnershipFinding {
  const graph = buildOwnershipGraph(links);
  return applyOwnershipRules(graph, { [rule]: new Set(listed) }, target, onDate)[0]!;
}

describe('applyOwnershipRules: cases', () => {
  it.each([
    // OFAC FAQ 401 example 1: A is blocked by X's 50 %, so A's 50 % of B counts whole.
    {
      name: 'OFAC: chain through a blocked entity',
      links: [link('X', 'A', 50), link('A', 'B', 50)],
      listed: ['X'],
      target: 'B',
      rule: 'us-ofac-50',
      outcome: 'caught',
    },
    // OFAC FAQ 401 example 2.
    {
      name: 'OFAC: two blocked subsidiaries add up',
      links: [link('X', 'A', 50), link('X', 'B', 50), link('A', 'C', 25), link('B', 'C', 25)],
      listed: ['X'],
      target: 'C',
      rule: 'us-ofac-50',
      outcome: 'caught',
    },
    {
      name: 'OFAC: several blocked owners add up',
      links: [link('X', 'T', 25), link('Y', 'T', 25)],
      listed: ['X', 'Y'],
      target: 'T',
      rule: 'us-ofac-50',
      outcome: 'caught',
    },
    {
      name: 'OFAC: holdings of an entity owned below 50 % are disregarded',
      links: [link('X', 'A', 25), link('X', 'B', 25), link('A', 'C', 50), link('B', 'C', 50)],
      listed: ['X'],
      target: 'C',
      rule: 'us-ofac-50',
      outcome: 'clear',
    },
    {
      name: 'OFAC: control alone does not block (FAQ 398)',
      links: [link('X', 'T', 10, true)],
      listed: ['X'],
      target: 'T',
      rule: 'us-ofac-50',
      outcome: 'clear',
    },
    {
      name: 'EU: control without majority',
      links: [link('X', 'T', 10, true)],
      listed: ['X'],
      target: 'T',
      rule: 'eu-owned-or-controlled',
      outcome: 'caught',
    },
    {
      name: 'EU: control through an owned entity',
      links: [link('X', 'A', 60), link('A', 'T', undefined, true)],
      listed: ['X'],
      target: 'T',
      rule: 'eu-owned-or-controlled',
      outcome: 'caught',
    },
    {
      name: 'EU: several listed owners add up',
      links: [link('X', 'T', 30), link('Y', 'T', 25)],
      listed: ['X', 'Y'],
      target: 'T',
      rule: 'eu-owned-or-controlled',
      outcome: 'caught',
    },
    {
      name: 'UK: different designated persons do not add up (OFSI 4.14)',
      links: [link('X', 'T', 30), link('Y', 'T', 30)],
      listed: ['X', 'Y'],
      target: 'T',
      rule: 'uk-owned-or-controlled',
      outcome: 'clear',
    },
    {
      name: 'UK: one person directly and through its company',
      links: [link('X', 'A', 60), link('A', 'T', 30), link('X', 'T', 25)],
      listed: ['X'],
      target: 'T',
      rule: 'uk-owned-or-controlled',
      outcome: 'caught',
    },
    {
      name: 'UK: control without majority',
      links: [link('X', 'T', undefined, true)],
      listed: ['X'],
      target: 'T',
      rule: 'uk-owned-or-controlled',
      outcome: 'caught',
    },
    {
      name: 'cycle: blocked status goes round and stops',
      links: [link('X', 'A', 50), link('A', 'B', 60), link('B', 'A', 30), link('B', 'T', 50)],
      listed: ['X'],
      target: 'T',
      rule: 'us-ofac-50',
      outcome: 'caught',
    },
    {
      name: 'cycle without a listed majority stays clear',
      links: [link('A', 'B', 50), link('B', 'A', 50), link('X', 'A', 40), link('B', 'T', 100)],
      listed: ['X'],
      target: 'T',
      rule: 'us-ofac-50',
      outcome: 'clear',
    },
    {
      name: 'a listed target is reported as listed',
      links: [link('X', 'T', 10)],
      listed: ['T'],
      target: 'T',
      rule: 'us-ofac-50',
      outcome: 'listed',
    },
    {
      name: 'BIS: in force in its first weeks',
      links: [link('X', 'T', 50)],
      listed: ['X'],
      target: 'T',
      rule: 'us-bis-affiliates',
      onDate: '2025-10-15',
      outcome: 'caught',
    },
    {
      name: 'BIS: suspended for a year',
      links: [link('X', 'T', 50)],
      listed: ['X'],
      target: 'T',
      rule: 'us-bis-affiliates',
      onDate: '2026-01-15',
      outcome: 'suspended',
    },
    {
      name: 'BIS: not in force before 29 September 2025',
      links: [link('X', 'T', 50)],
      listed: ['X'],
      target: 'T',
      rule: 'us-bis-affiliates',
      onDate: '2025-09-28',
      outcome: 'not-in-force',
    },
    {
      name: 'BIS: reimposed from 10 November 2026 (unverified)',
      links: [link('X', 'T', 50)],
      listed: ['X'],
      target: 'T',
      rule: 'us-bis-affiliates',
      onDate: TODAY,
      outcome: 'caught',
    },
  ] as {
    name: string;
    links: OwnershipGraphLink[];
    listed: string[];
    target: string;
    rule: OwnershipRuleId;
    onDate?: string;
    outcome: string;
  }[])('$name', ({ links, listed, target, rule, onDate, outcome }) => {
    expect(judge(links, listed, target, rule, onDate).outcome).toBe(outcome);
  });
});

describe('applyOwnershipRules: thresholds', () => {
  it.each([
    { rule: 'us-ofac-50', onDate: TODAY, expected: ['clear', 'caught', 'caught'] },
    { rule: 'us-bis-affiliates', onDate: '2025-10-15', expected: ['clear', 'caught', 'caught'] },
    { rule: 'eu-owned-or-controlled', onDate: TODAY, expected: ['clear', 'caught', 'caught'] },
    { rule: 'eu-owned-or-controlled', onDate: '2024-07-02', expected: ['clear', 'clear', 'caught'] },
    { rule: 'uk-owned-or-controlled', onDate: TODAY, expected: ['clear', 'clear', 'caught'] },
  ] as { rule: OwnershipRuleId; onDate: string; expected: string[] }[])(
    '$rule on $onDate: 49.9 / 50 / 50.1 %',
    ({ rule, onDate, expected }) => {
      const outcomes = [49.9, 50, 50.1].map(
        (share) => judge([link('X', 'T', share)], ['X'], 'T', rule, onDate).outcome,
      );
      expect(outcomes).toEqual(expected);
    },
  );

  it('adds up 33.3 % and 16.7 % to 50 % despite floating point', () => {
    expect(judge([link('X', 'T', 33.3), link('Y', 'T', 16.7)], ['X', 'Y'], 'T', 'us-ofac-50').outcome).toBe(
      'caught',
    );
  });
});

describe('applyOwnershipRules: explanation and citations', () => {
  it('shows the path owners first, the share and the threshold', () => {
    const f = judge(
      [link('X', 'A', 50), link('Y', 'A', 10), link('A', 'B', 60)],
      ['X', 'Y'],
      'B',
      'us-ofac-50',
    );
    expect(f.steps).toEqual([
      { owner: 'X', owned: 'A', share: 50 },
      { owner: 'Y', owned: 'A', share: 10 },
      { owner: 'A', owned: 'B', share: 60 },
    ]);
    expect(f.explanation).toEqual([
      'A: X (listed) owns 50 %; Y (listed) owns 10 % → 60 % ≥ 50 %',
      'B: A (owned by listed parties) owns 60 % → 60 % ≥ 50 %',
    ]);
    expect(f.share).toBeCloseTo(60, 9);
  });

  it('says when control alone decides', () => {
    const f = judge([link('X', 'T', 10, true)], ['X'], 'T', 'eu-owned-or-controlled');
    expect(f.byControl).toBe(true);
    expect(f.explanation).toEqual(['T: X (listed) owns 10 % and controls it → controlled']);
  });

  it('cites every period with where it was read, and marks secondary readings unverified', () => {
    for (const id of OWNERSHIP_RULE_IDS) {
      for (const period of OWNERSHIP_RULES[id].periods) {
        expect(period.sources.length).toBeGreaterThan(0);
        for (const source of period.sources) {
          expect(source.readIn).toMatch(/^https:\/\//);
          expect(source.readOn).toBe('2026-12-03');
        }
      }
    }
    expect(judge([link('X', 'T', 50)], ['X'], 'T', 'us-bis-affiliates').verified).toBe(false);
    expect(judge([link('X', 'T', 50)], ['X'], 'T', 'us-bis-affiliates').note).toMatch(/unverified/);
  });
});
