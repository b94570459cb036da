import { describe, expect, it } from 'vitest';
import {
  buildParty,
  buildScreeningIndex,
  DEFAULT_NAME_REFERENCE,
  partyEntityId,
  type PartySchema,
} from '@entente/core';
import type { HeldoutCase } from '../../bench/heldout/heldout-case.ts';
import { causeTable, setEOutcomes } from '../../bench/heldout/set-e-causes.ts';

// Invented pairs, each screened as set (e) screens one (its listed name alone in its index).
// Should-match rows the engine misses and should-not-match rows it flags, each with the cause the
// counter must give it; and rows the engine gets right, which get no cause.
const ROWS: [
  query: string,
  listed: string,
  match: boolean,
  schema: PartySchema,
  cause: string | undefined,
][] = [
  ['Marco Rossi', 'Марко Росси Фабрицио Альберто', true, 'person', 'cross-script'],
  ['Quentin Oyelaran', 'Marco Rossi', true, 'person', 'nothing-in-common'],
  ['Marcorossi Dunkelheim', 'Marco Rossi Fabbri', true, 'person', 'joined/split word'],
  ['Olga Dunkel', 'Olga Petrova', true, 'person', 'other word'],
  ['Olga Petrovskaya', 'Olga Petrova', true, 'person', 'not-proposed'],
  ['Olga Petrenko', 'Olga Petrova', true, 'person', 'same start, other ending'],
  ['Oleg Rossi', 'Marco Rossi Fabbri', false, 'person', undefined],
  ['Rossi Marco', 'Marco Rossi', false, 'person', 'same words, other order'],
  ['Northern Star Trading Company', 'Northern Star', false, 'organization', 'name contained'],
  ['Marco Rossi', 'Marco Rossi', true, 'person', undefined],
];

const cases: HeldoutCase[] = ROWS.map(([query, listed, match, schema], i) => ({
  id: `t:${i}`,
  set: 'e',
  rule: 'test',
  script: 'Latn',
  subject: `pair:${listed}`,
  split: 'tune',
  expect: match ? 'match' : 'no-match',
  query: { name: query, schema },
  truth: [],
  index: 'pairs',
  listed,
}));
const indexes = cases.map((c) => {
  const party = buildParty({
    source: 'test',
    sourceId: c.id,
    schema: c.query.schema,
    names: [{ full: c.listed!, quality: 'primary' }],
  });
  c.truth = [partyEntityId(party)];
  return buildScreeningIndex([{ party }], DEFAULT_NAME_REFERENCE);
});
const rows = setEOutcomes(cases, (c) => indexes[cases.indexOf(c)]!);

describe('set (e) miss causes', () => {
  it.each(ROWS.map((r, i) => [i, ...r] as const))(
    'row %i: "%s" / "%s" (match %s, %s) is counted as %s',
    (i, _q, _l, _m, _s, cause) => {
      expect(rows[i]!.cause).toBe(cause);
      expect(rows[i]!.passed).toBe(cause === undefined);
    },
  );

  it('prints counts only, never a pair', () => {
    const table = causeTable('tune', rows);
    expect(table).toContain('| cross-script | 1 |');
    for (const [query, listed] of ROWS) {
      expect(table).not.toContain(query);
      expect(table).not.toContain(listed);
    }
  });
});
