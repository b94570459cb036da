import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildParty } from '@entente/core';
import { hashOrder, splitOf, SPLITS, unitHash } from '../../bench/heldout/split.ts';
import { subjectClusters } from '../../bench/heldout/subject-clusters.ts';
import { foldKey } from '../../bench/heldout/fold-name.ts';

describe('splitOf', () => {
  it('is a deterministic function of the subject', () => {
    expect(splitOf('un:QDi.001')).toBe(splitOf('un:QDi.001'));
    fc.assert(fc.property(fc.string(), (s) => splitOf(s) === splitOf(s) && SPLITS.includes(splitOf(s))));
  });

  it('puts about half the subjects in tune and a quarter in each other split', () => {
    const counts = { tune: 0, threshold: 0, report: 0 };
    for (let i = 0; i < 8000; i++) counts[splitOf(`party:x:${i}`)]++;
    expect(counts.tune / 8000).toBeGreaterThan(0.47);
    expect(counts.tune / 8000).toBeLessThan(0.53);
    expect(counts.threshold / 8000).toBeGreaterThan(0.22);
    expect(counts.report / 8000).toBeGreaterThan(0.22);
  });

  it('never puts one subject in two splits, whatever spellings its cases have', () => {
    const caseArb = fc.record({
      subject: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      spelling: fc.string(),
    });
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 60 }), (cases) => {
        const seen = new Map<string, string>();
        for (const c of cases) {
          const split = splitOf(c.subject);
          if (seen.has(c.subject) && seen.get(c.subject) !== split) return false;
          seen.set(c.subject, split);
        }
        return true;
      }),
    );
  });
});

describe('subjectClusters', () => {
  const words = ['omar', 'ali', 'hassan', 'karim', 'petrov', 'ivan', 'al'];
  const nameArb = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
  const partyArb = fc.record({
    names: fc.array(nameArb, { minLength: 1, maxLength: 3 }),
    schema: fc.constantFrom('person' as const, 'organization' as const),
    ref: fc.option(fc.constantFrom('QDi.001', 'QDi.002'), { nil: undefined }),
  });

  it('gives parties that share a spelling of two words or a UN reference one subject, hence one split', () => {
    fc.assert(
      fc.property(fc.array(partyArb, { minLength: 1, maxLength: 25 }), (specs) => {
        const parties = specs.map((s, i) => {
          const p = buildParty({
            source: i % 2 ? 'eu' : 'us',
            sourceId: String(i),
            schema: s.schema,
            names: s.names.map((full) => ({ full, quality: 'strong' as const })),
          });
          if (s.ref) p.unReference = s.ref;
          return p;
        });
        const subject = subjectClusters(parties);
        const key = (i: number): string => subject.get(`${parties[i]!.source}:${parties[i]!.sourceId}`)!;
        for (let i = 0; i < parties.length; i++)
          for (let j = i + 1; j < parties.length; j++) {
            const a = parties[i]!;
            const b = parties[j]!;
            const shared =
              a.schema === b.schema &&
              a.names.some(
                (n) =>
                  foldKey(n.full).includes(' ') && b.names.some((m) => foldKey(m.full) === foldKey(n.full)),
              );
            const sameRef = !!a.unReference && a.unReference === b.unReference;
            if ((shared || sameRef) && (key(i) !== key(j) || splitOf(key(i)) !== splitOf(key(j))))
              return false;
          }
        return true;
      }),
    );
  });

  it('keys a cluster by its UN reference when it has one', () => {
    const a = buildParty({
      source: 'un-sc',
      sourceId: 'QDi.9',
      schema: 'person',
      names: [{ full: 'Omar Ali', quality: 'primary' }],
    });
    a.unReference = 'QDi.9';
    const b = buildParty({
      source: 'eu',
      sourceId: '1',
      schema: 'person',
      names: [{ full: 'ALI, Omar', quality: 'primary' }],
    });
    const c = buildParty({
      source: 'eu',
      sourceId: '2',
      schema: 'person',
      names: [{ full: 'Omar Alli', quality: 'primary' }],
    });
    const s = subjectClusters([a, b, c]);
    expect(s.get('eu:1')).toBe('un:QDi.9');
    expect(s.get('eu:2')).toBe('party:eu:2');
  });
});

describe('hashOrder', () => {
  it('orders the same items the same way every time', () => {
    const items = Array.from({ length: 50 }, (_, i) => `n${i}`);
    expect(hashOrder(items, (x) => x)).toEqual(hashOrder([...items].reverse(), (x) => x));
    expect(unitHash('x')).toBeGreaterThanOrEqual(0);
    expect(unitHash('x')).toBeLessThan(1);
  });
});
