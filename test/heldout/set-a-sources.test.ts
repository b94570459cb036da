import { existsSync } from 'node:fs';
import type { Party } from '@entente/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMirrorLists, MIRROR, type LoadedList } from '../../bench/eval-screening-lists.ts';
import { buildDevSet, spellingOnlyParties } from '../../bench/heldout/build-dev-set.ts';
import type { HeldoutCase } from '../../bench/heldout/heldout-case.ts';
import { SET_A_SOURCES, setASourceParties } from '../../bench/heldout/set-a-sources.ts';
import { tieToUn } from '../../bench/heldout/set-un-spellings.ts';

// The real mirror at ../shared/data (or ENTENTE_SHARED_DATA), read at run time.
describe.skipIf(!existsSync(MIRROR))('set (a) widened by the publications of set-a-sources.ts', () => {
  let lists: LoadedList[] = [];
  let extra: Party[] = [];
  let narrow: HeldoutCase[] = [];
  let wide: HeldoutCase[] = [];
  beforeAll(async () => {
    lists = await loadMirrorLists(MIRROR, () => {});
    extra = await setASourceParties(MIRROR);
    narrow = (await buildDevSet(lists, MIRROR, 'narrow')).filter((c) => c.set === 'a');
    wide = (await buildDevSet(lists, MIRROR, 'wide')).filter((c) => c.set === 'a');
  }, 600_000);

  it('reads every publication, each labelled as its own source', () => {
    const count = (label: string): number => extra.filter((p) => p.source === label).length;
    expect(count('us-ofac-sdn-2021-07')).toBe(8976);
    expect(count('us-csl-2022-05')).toBeGreaterThan(14_000);
    expect(count('us-csl-2023-11')).toBeGreaterThan(4_000);
    expect(count('ch-seco-fiaa')).toBeGreaterThan(50);
    expect(new Set(extra.map((p) => p.source))).toEqual(new Set(SET_A_SOURCES.map((s) => s.label)));
    // The 2021 set's aliases come from alt.csv: a party with several spellings.
    const davani = extra.find(
      (p) => p.source === 'us-ofac-sdn-2021-07' && p.names.some((n) => n.full === 'ABBASI-DAVANI, Fereidun'),
    );
    expect(davani?.names.length).toBeGreaterThan(2);
  });

  it('keeps every case of the narrow set, with its subject and split, and adds spellings of the old publications', () => {
    const byId = new Map(wide.map((c) => [c.id, c]));
    for (const c of narrow) {
      expect(byId.get(c.id)?.subject).toBe(c.subject);
      expect(byId.get(c.id)?.split).toBe(c.split);
    }
    const added = wide.filter((c) => !narrow.some((n) => n.id === c.id));
    expect(added.length).toBeGreaterThan(300);
    expect(new Set(added.map((c) => c.rule))).toEqual(
      new Set(['us-ofac-sdn-2021-07-spelling', 'us-csl-2022-05-spelling']),
    );
    const spelling = wide.find((c) => c.query.name === 'ABBASI-DAVANI, Fereidun');
    expect(spelling?.rule).toBe('us-ofac-sdn-2021-07-spelling');
    expect(spelling?.listed).toBe('FEREIDOUN ABBASI-DAVANI');
  });

  it('ties a UK entry to its UN reference whatever the letter case the UK wrote it in', async () => {
    const un = lists.flatMap((l) => l.parties).filter((p) => p.source === 'un-sc' && p.unReference);
    const uk = (await spellingOnlyParties(MIRROR)).find((p) => p.unReference === 'QDI.282');
    expect(uk).toBeDefined();
    expect(tieToUn(uk!, un, new Map())?.unReference).toBe('QDi.282');
  });
});
