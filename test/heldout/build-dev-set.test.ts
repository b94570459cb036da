import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMirrorLists, MIRROR } from '../../bench/eval-screening-lists.ts';
import { buildDevSet } from '../../bench/heldout/build-dev-set.ts';
import type { HeldoutCase } from '../../bench/heldout/heldout-case.ts';
import { splitOf } from '../../bench/heldout/split.ts';

// Like the adapters' hasSharedData(): the real mirror at ../shared/data (or ENTENTE_SHARED_DATA).
describe.skipIf(!existsSync(MIRROR))('held-out development set built from the real mirror', () => {
  let cases: HeldoutCase[] = [];
  beforeAll(async () => {
    cases = await buildDevSet(await loadMirrorLists(MIRROR, () => {}), MIRROR);
  }, 600_000);

  it('has cases in every set, and every class has should-match and should-not-match cases', () => {
    for (const set of ['a', 'b', 'c', 'd', 'e'] as const)
      expect(cases.filter((c) => c.set === set).length).toBeGreaterThan(20);
    for (let cls = 1; cls <= 8; cls++) {
      const of = cases.filter((c) => c.set === 'd' && c.cls === cls);
      expect(of.filter((c) => c.expect === 'match').length, `class ${cls} should-match`).toBeGreaterThan(20);
      expect(
        of.filter((c) => c.expect === 'no-match').length,
        `class ${cls} should-not-match`,
      ).toBeGreaterThan(20);
    }
  });

  it('puts each subject in one split, computed from the subject alone, with about half in tune', () => {
    const splitOfSubject = new Map<string, string>();
    for (const c of cases) {
      expect(c.split).toBe(splitOf(c.subject));
      const seen = splitOfSubject.get(c.subject);
      if (seen) expect(c.split).toBe(seen);
      splitOfSubject.set(c.subject, c.split);
    }
    const tune = cases.filter((c) => c.split === 'tune').length / cases.length;
    expect(tune).toBeGreaterThan(0.4);
    expect(tune).toBeLessThan(0.6);
  });

  it('gives every case a truth that fits what it expects', () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      if (c.set === 'b') expect(c.truth).toEqual([]);
      else expect(c.truth.length).toBeGreaterThan(0);
      if (c.set === 'a') expect(c.query.sources).toEqual(['un-sc']);
    }
  });
});
