import { existsSync } from 'node:fs';
import { buildParty, partyEntityId, type Party } from '@entente/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMirrorLists, MIRROR } from '../../bench/eval-screening-lists.ts';
import { buildDevSet } from '../../bench/heldout/build-dev-set.ts';
import { scriptOf } from '../../bench/heldout/fold-name.ts';
import { listContext } from '../../bench/heldout/list-context.ts';
import {
  arabicHalfOf,
  arabicLatinCases,
  buildArabicLatinSet,
  heldoutSubjects,
  type ArabicLatinCase,
} from '../../bench/heldout/set-arabic-latin.ts';

const person = (source: string, sourceId: string, names: string[], unReference?: string): Party =>
  buildParty({
    source,
    sourceId,
    schema: 'person',
    names: names.map((full) => ({ full, quality: 'primary' as const })),
    ...(unReference ? { unReference } : {}),
  });

describe('the Arabic-script → Latin set from a few parties', () => {
  const un = person('un-sc', '1', ['Zaid Harun Qadir'], 'QDi.901');
  const eu = person('eu', '2', ['زيد هارون قادر', 'Zayd Haroun'], 'QDi.901');
  const alone = person('eu', '3', ['نورا سليم']);
  const mixed = person('eu', '4', ['NAJI كريم بن ناجي الحسيني', 'Karim NAJI']);
  const held = person('uk', '5', ['سامي فؤاد', 'Sami Fouad']);
  const ctx = listContext([un, eu, alone, mixed, held]);
  const excluded = new Set([ctx.subject.get(partyEntityId(held))!]);
  const cases = arabicLatinCases(ctx, excluded);

  it('makes one case per Arabic spelling of a subject with a Latin name, its truth every party of the subject', () => {
    expect(cases.map((c) => c.query.name)).toEqual(['زيد هارون قادر']);
    expect(cases[0]!.truth).toEqual([partyEntityId(un), partyEntityId(eu)].sort());
    expect(cases[0]!.subject).toBe('un:QDi.901');
    expect(cases[0]!.half).toBe(arabicHalfOf('un:QDi.901'));
  });

  it('leaves out held-out subjects, subjects without a Latin name and cells mixing Latin words in', () => {
    const ids = cases.map((c) => c.id).join(' ');
    for (const name of ['سامي', 'نورا', 'كريم']) expect(ids).not.toContain(name);
  });

  it('splits by subject into two halves of about equal size', () => {
    const halves = Array.from({ length: 400 }, (_, i) => arabicHalfOf(`party:${i}`));
    const tune = halves.filter((h) => h === 'tune').length;
    expect(tune).toBeGreaterThan(160);
    expect(tune).toBeLessThan(240);
  });
});

// The real mirror at ../shared/data (or ENTENTE_SHARED_DATA), read at run time.
describe.skipIf(!existsSync(MIRROR))('the Arabic-script → Latin set built from the real mirror', () => {
  let cases: ArabicLatinCase[] = [];
  let heldout = new Set<string>();
  beforeAll(async () => {
    const lists = await loadMirrorLists(MIRROR, () => {});
    ({ cases } = await buildArabicLatinSet(lists, MIRROR));
    heldout = heldoutSubjects(await buildDevSet(lists, MIRROR));
  }, 600_000);

  it('holds the counted cases and subjects in each half', () => {
    const count = (half: string) => cases.filter((c) => c.half === half);
    const subjects = (half: string) => new Set(count(half).map((c) => c.subject)).size;
    expect([cases.length, count('tune').length, count('check').length]).toEqual([277, 145, 132]);
    expect([subjects('tune'), subjects('check')]).toEqual([134, 128]);
  });

  it('shares no subject with the held-out sets, and puts each subject in one half', () => {
    for (const c of cases) {
      expect(heldout.has(c.subject)).toBe(false);
      expect(c.half).toBe(arabicHalfOf(c.subject));
    }
  });

  it('queries Arabic-script spellings of persons, each with a Latin-named truth', () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      expect(scriptOf(c.query.name)).toBe('Arab');
      expect(c.query.schema).toBe('person');
      expect(c.truth.length).toBeGreaterThan(0);
      expect(c.latin.length).toBeGreaterThan(0);
    }
  });
});
