import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, SHARED_DATA, storeTargets } from '@entente/adapters/testing';
import { loadControlsInto } from './load-controls.ts';
import { runCli } from './run-cli.ts';

for (const target of storeTargets()) {
  describe.skipIf(!hasSharedData())(`control-list commands on ${target.name}`, () => {
    const place = target.place();
    const env = { ...place.env, ENTENTE_MIRROR: SHARED_DATA };
    const cli = (...args: string[]) => runCli(args, env);
    const json = async <T>(...args: string[]): Promise<T> => {
      const r = await cli(...args, '--json');
      expect(r.stderr).not.toContain('entente:');
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as T;
    };

    beforeAll(() => loadControlsInto(place.config), 240_000);
    afterAll(place.drop);

    it('lists every control list version and the crosswalk size', async () => {
      const out = await json<{
        versions: { listId: string; version: string; entryCount: number }[];
        correspondences: number;
      }>('controls', 'lists');
      expect(out.versions.map((v) => `${v.listId}@${v.version}`)).toEqual(
        expect.arrayContaining(['US@2026-07-23', 'EU@2024-11-15', 'EU@2025-11-15', 'WA@2024-12', 'JP@2025']),
      );
      expect(out.versions).toHaveLength(10);
      expect(out.correspondences).toBe(1808);
    });

    it('shows an entry with its reasons, text, versions and counterparts, and the version in force on a date', async () => {
      const r = await cli('controls', 'show', 'EU:3A001.a.1');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        /^EU:3A001\.a\.1 {2}Integrated circuits designed or rated as radiation hardened/,
      );
      expect(r.stdout).toMatch(/2024-11-15 +2024-11-15–2025-11-15 +present/);
      expect(r.stdout).toContain('counterparts: WA:3.A.1.a.1 (same), US:3A001.a.1 (same)');
      const old = await json<{ list: { version: string } }>(
        'controls',
        'show',
        'EU:3A001.a.1',
        '--at',
        '2025-06-01',
      );
      expect(old.list.version).toBe('2024-11-15');
      const us = await json<{ entry: { reasons: string[] }; exact: boolean }>(
        'controls',
        'show',
        'US:5A992.c',
      );
      expect(us).toMatchObject({ exact: true, entry: { reasons: ['AT'] } });
    });

    it('diffs two versions of a list: the 2025 EU additions', async () => {
      const diff = await json<{ added: { code: string }[]; removed: unknown[] }>(
        'controls',
        'diff',
        'EU',
        '--from',
        '2024-11-15',
        '--to',
        '2025-11-15',
      );
      expect(diff.added.map((a) => a.code)).toEqual(expect.arrayContaining(['3A501', '4A506', '2B510']));
      expect(diff.added.filter((a) => !a.code.includes('.'))).toHaveLength(16);
      expect(diff.added).toHaveLength(24);
      expect(diff.removed).toEqual([]);
    });

    it('cross-walks US:3A001 to EU:3A001 and WA:3.A.1 as the same entry', async () => {
      const out = await json<{ counterparts: { id: string; type: string; basis: string }[] }>(
        'crosswalk',
        'US:3A001',
      );
      expect(out.counterparts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'EU:3A001', type: 'same', basis: 'shared-regime-code' }),
          expect.objectContaining({ id: 'WA:3.A.1', type: 'same', basis: 'regime-origin' }),
          expect.objectContaining({ id: 'JP:7', type: 'overlaps', basis: 'curated-japan-row' }),
        ]),
      );
      const back = await json<{ counterparts: { id: string; type: string }[] }>('crosswalk', 'WA:3.A.1');
      expect(back.counterparts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'US:3A001', type: 'same' }),
          expect.objectContaining({ id: 'EU:3A001', type: 'same' }),
        ]),
      );
    });

    it('finds US:0A521 as a US-unilateral gap and US:3A090 as plurilateral, with a summary per category and pair', async () => {
      const out = await json<{
        gaps: { entry: string; category: string; lackingIn: string }[];
        summary: Record<string, Record<string, number>>;
        notes: string[];
      }>('gaps', '--jurisdictions', 'US,EU,UK,JP');
      const of = (entry: string) =>
        out.gaps.filter((g) => g.entry === entry).map((g) => `${g.category} ${g.lackingIn}`);
      expect(of('US:0A521')).toEqual(['unilateral EU', 'unilateral UK']);
      // EU 3A501.a.16 (TPP of 6 000 or more) lies within US 3A090.a.1: only the UK lacks it.
      expect(of('US:3A090')).toEqual(['plurilateral UK']);
      // 247 before munitions, Category 0 and renumbered links were followed, 154 before US 3D901/3E901 were linked to EU 3D001/3E001, 152 before US 3A090/4A090 to EU 3A501/4A507.
      expect(out.summary.unilateral).toMatchObject({ 'US→EU': 150, 'US→UK': 150 });
      expect(out.notes[0]).toContain('JP left out');
      const csv = await cli('gaps', '--jurisdictions', 'US,EU', '--category', '3', '--csv');
      expect(csv.stdout.split('\n')[0]).toBe('entry,category,controlledBy,lackingIn,heading,note,evidence');
      expect(csv.stdout).toMatch(/^US:3[A-E]\d{3}[^,]*,unilateral,US,EU,/m);
      expect(csv.stdout).not.toContain('US:3A090,');
      expect(csv.stdout).not.toContain('US:0A521');
    });

    it('prints where a curated renumbered link was read, and UNVERIFIED for one not read', async () => {
      const us = await cli('crosswalk', 'US:3E901');
      expect(us.code).toBe(0);
      expect(us.stdout).toMatch(
        /source of the link to EU:3E001: 15 CFR 774 Supp\. 1 ECCN 3E901;.*\(read in .*2026-12-03\)/,
      );
      const uk = await cli('crosswalk', 'UK:PL9014');
      expect(uk.stdout).toMatch(/EU:4A506 +overlaps, UNVERIFIED/);
      expect(uk.stdout).toContain('(unverified)');
    });

    it('lists the cleared pairs only with --include-cleared', async () => {
      type Out = { gaps: unknown[]; clearedCount: number; cleared?: { entry: string; status: string }[] };
      const plain = await json<Out>('gaps', '--jurisdictions', 'US,EU', '--category', '0');
      expect(plain.cleared).toBeUndefined();
      expect(plain.clearedCount).toBeGreaterThan(0);
      const all = await json<Out>('gaps', '--jurisdictions', 'US,EU', '--category', '0', '--include-cleared');
      expect(all.gaps).toEqual(plain.gaps);
      expect(all.cleared).toHaveLength(plain.clearedCount);
      const text = await cli(
        'gaps',
        '--jurisdictions',
        'US,EU',
        '--category',
        '0',
        '--include-cleared',
        '--limit',
        '500',
      );
      expect(text.stdout).toMatch(/EU:0A001 +US +implemented/);
      const short = await cli('gaps', '--jurisdictions', 'US,EU', '--category', '0');
      expect(short.stdout).toContain('(list them with --include-cleared)');
      expect(short.stdout).not.toContain('cleared entry');
    });

    it.each([
      ['radiation-hardened integrated circuit', /^(US|EU|UK):3A001|^WA:3\.A\.1/, /^US:3A001/],
      ['encryption module', /^(US|EU|UK):5A002|^WA:5\.A\.2/, /^US:5A002/],
    ])('classifies "%s" under its entry in every list and in the US list', async (text, any, us) => {
      const all = await json<{ candidates: { id: string }[] }>('classify', text, '--limit', '3');
      expect(all.candidates[0]?.id).toMatch(any);
      const inUs = await json<{ candidates: { id: string }[] }>(
        'classify',
        text,
        '--jurisdiction',
        'US',
        '--limit',
        '3',
      );
      expect(inUs.candidates[0]?.id).toMatch(us);
    });

    it("prints each entry's citation, and UNVERIFIED for an entry whose text could not be read", async () => {
      const pl = await cli('controls', 'show', 'UK:PL9014');
      expect(pl.code).toBe(0);
      expect(pl.stdout).toMatch(/^UK:PL9014 .*\[UNVERIFIED\]$/m);
      expect(pl.stdout).toContain(
        'citation:    Export Control Order 2008 (SI 2008/3231), Schedule 3 (UK controlled dual-use goods, software and technology), entry PL9014',
      );
      expect(pl.stdout).toMatch(/^ +UNVERIFIED: The Order's Schedule 3 text of this entry was not found/m);
      const eu = await cli('controls', 'show', 'EU:1C450.a.1');
      expect(eu.stdout).toContain(
        'citation:    Regulation (EU) 2021/821 Annex I as amended by Delegated Regulation (EU) 2025/2003, entry 1C450.a.1',
      );
      expect(eu.stdout).toMatch(
        /read from github\.com\/dkmcustoms-web\/dual-use-v1, data\/annex_i_en_2025-11\.json .*\(2026-12-03\)/,
      );
      expect(eu.stdout).not.toContain('UNVERIFIED');
      const uk = await json<{ entry: { citation: { act: string; status: string } } }>(
        'controls',
        'show',
        'UK:3A001',
      );
      expect(uk.entry.citation.act).toMatch(/^Council Regulation \(EC\) No 428\/2009, Annex I/);
      const det = await json<{ outcome: string; questions: string[] }>(
        'determine',
        '--jurisdiction',
        'UK',
        '--item',
        'PL9014',
        '--to',
        'FR',
      );
      expect(det.outcome).toBe('licence-required');
      expect(det.questions.join(' ')).toContain('UNVERIFIED');
    }, 300_000);

    it('exits 1 naming the field and the accepted values on bad input', async () => {
      const bad = await cli('controls', 'show', 'XX:3A001');
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(
        /invalid-input: .*accepted: LIST:code with LIST one of US, USML, EU.*\(field entry\)/,
      );
      const jur = await cli('gaps', '--jurisdictions', 'US,FR');
      expect(jur.code).toBe(1);
      expect(jur.stderr).toContain(
        'unknown-jurisdiction: Unknown jurisdiction "FR"; accepted: US, EU, UK, JP (field jurisdictions)',
      );
      const version = await cli('controls', 'diff', 'EU', '--from', '2023-01-01');
      expect(version.code).toBe(1);
      expect(version.stderr).toContain('accepted: 2024-11-15, 2025-11-15 (field from)');
    });
  });
}
