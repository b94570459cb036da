import { describe, expect, it } from 'vitest';
import { DeterminationBuilder } from './determination.ts';
import { applyUsExceptionRestrictions, type UsExceptionRestriction } from './us-exception-restrictions.ts';

const source = { citation: 'x', status: 'verified' as const, readIn: 'a text', readOn: '2026-12-04' };
const D5: UsExceptionRestriction = {
  id: '15 CFR 740.2(a)(12)',
  series: ['9x515', '600-series'],
  whenGroups: ['D:5'],
  orOrigin: true,
  allowed: ['GOV'],
  alsoAllowed: [{ codes: ['1A613.c'], exceptions: ['TMP'] }],
  detail: 'GOV only',
  source,
};
const MT_STA: UsExceptionRestriction = {
  id: '15 CFR 740.2(a)(13)',
  series: ['600-series'],
  whenReasons: ['MT'],
  forbidden: ['STA'],
  detail: 'no STA',
  source,
};
const CODES: UsExceptionRestriction = {
  id: '15 CFR 740.2(a)(13)',
  codes: ['9E619.b'],
  allowed: ['GOV'],
  detail: 'GOV only',
  source,
};
const ASK: UsExceptionRestriction = { ...CODES, id: '15 CFR 740.2(a)(7)', condition: 'Is it for IRFPAs?' };

/** A builder holding the exceptions a chart step offered, as the engine leaves them. */
function offered(): DeterminationBuilder {
  const out = new DeterminationBuilder();
  out.add('exceptions', 'LVS', 'STA');
  for (const id of ['TMP', 'RPL', 'GOV']) out.addToCheck({ id, citation: 'c', conditions: 'k' });
  return out;
}

function run(
  r: UsExceptionRestriction,
  item: string,
  dest: string[],
  origin: string[] = [],
  reasons = ['NS1'],
) {
  const out = offered();
  applyUsExceptionRestrictions([r], { item, reasons, destinationGroups: dest, originGroups: origin }, out);
  return { exceptions: out.exceptions, toCheck: out.toCheck.map((t) => t.id), out };
}

describe('applyUsExceptionRestrictions', () => {
  it('leaves only GOV to a 600-series or 9x515 item destined to D:5', () => {
    expect(run(D5, '3A611.x', ['D:5'])).toMatchObject({ exceptions: [], toCheck: ['GOV'] });
    expect(run(D5, '9B515', ['D:1', 'D:5'])).toMatchObject({ exceptions: [], toCheck: ['GOV'] });
  });

  it('applies when the item is shipped from D:5, and not otherwise', () => {
    expect(run(D5, '3A611.x', ['A:5'], ['D:5'])).toMatchObject({ exceptions: [], toCheck: ['GOV'] });
    expect(run(D5, '3A611.x', ['A:5'], ['A:1'])).toMatchObject({ exceptions: ['LVS', 'STA'] });
  });

  it('keeps the exceptions the text adds for a named paragraph (1A613.c: TMP)', () => {
    expect(run(D5, '1A613.c.1', ['D:5']).toCheck).toEqual(['TMP', 'GOV']);
    expect(run(D5, '1A613.a', ['D:5']).toCheck).toEqual(['GOV']);
  });

  it('reaches the 600 series and leaves other items alone (3A001)', () => {
    expect(run(D5, '3A001.a', ['D:5']).exceptions).toEqual(['LVS', 'STA']);
    expect(run(D5, '9A610.a', ['D:5']).exceptions).toEqual([]);
  });

  it('withdraws only the exceptions it forbids, and only when its reason fired', () => {
    expect(run(MT_STA, '9A610.u', ['A:5'], [], ['MT1']).exceptions).toEqual(['LVS']);
    expect(run(MT_STA, '9A610.u', ['A:5'], [], ['NS1']).exceptions).toEqual(['LVS', 'STA']);
  });

  it('withdraws from an item only partly covered and asks to classify it', () => {
    const r = run(CODES, '9E619', ['A:5']);
    expect(r).toMatchObject({ exceptions: [], toCheck: ['GOV'] });
    expect(r.out.questions.join(' ')).toContain('classify to the paragraph level');
    expect(run(CODES, '9E619.a', ['A:5']).exceptions).toEqual(['LVS', 'STA']);
  });

  it('asks instead of withdrawing when the paragraph turns on a fact the data lacks, citing it', () => {
    const r = run(ASK, '9E619.b', ['A:5']);
    expect(r.exceptions).toEqual(['LVS', 'STA']);
    expect(r.out.questions).toEqual(['Is it for IRFPAs? (15 CFR 740.2(a)(7))']);
    expect(r.out.citations).toEqual(['15 CFR 740.2(a)(7)']);
    expect(r.out.trace[0]).toMatchObject({ rule: '§740.2(a)(7) restriction', result: 'question' });
  });
});
