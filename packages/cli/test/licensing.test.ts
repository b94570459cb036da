import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, SHARED_DATA, storeTargets } from '@entente/adapters/testing';
import { loadControlsInto } from './load-controls.ts';
import { runCli } from './run-cli.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

for (const target of storeTargets()) {
  describe.skipIf(!hasSharedData())(`determine and assess on ${target.name}`, () => {
    const place = target.place();
    const env = { ...place.env, ENTENTE_MIRROR: SHARED_DATA };
    const cli = (...args: string[]) => runCli(args, env);

    beforeAll(() => loadControlsInto(place.config), 240_000);
    afterAll(place.drop);

    it.each([
      // The public examples.
      ['US', '3A001.a.1.b', 'CN', 'licence-required', ['NS2'], [], []],
      ['US', '3A001.a.1.b', 'DE', 'no-licence-required', [], [], []],
      ['US', '3A001.a.1.a', 'DE', 'licence-required', ['MT1'], [], []],
      ['US', '5A992.c', 'IN', 'no-licence-required', [], [], []],
      ['EU', '3A001.a.1', 'CN', 'licence-required', ['Annex I 3A001.a.1'], [], []],
      ['EU', '3A001.a.1', 'CA', 'general-authorisation-available', ['Annex I 3A001.a.1'], [], ['EU001']],
      // Japan's row-level list: a Wassenaar category 3 code falls in row 7.
      ['JP', '3A001.a.1', 'DE', 'licence-required', ['Appended Table 1 7'], [], []],
    ])('%s %s → %s: %s %j', async (jurisdiction, item, to, outcome, reasons, exceptions, gas) => {
      const r = await cli('determine', '--jurisdiction', jurisdiction, '--item', item, '--to', to, '--json');
      expect(r.code).toBe(0);
      const d = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(Object.keys(d)).toEqual(
        expect.arrayContaining([
          'jurisdiction',
          'item',
          'destination',
          'licenceRequired',
          'outcome',
          'reasons',
          'exceptions',
          'generalAuthorisations',
          'citations',
          'trace',
        ]),
      );
      expect(d).toMatchObject({
        jurisdiction,
        item,
        destination: to,
        outcome,
        reasons,
        exceptions,
        generalAuthorisations: gas,
        licenceRequired: outcome !== 'no-licence-required',
      });
    });

    it('shows each general authorisation offered or refused with its citation, and "unverified" where so', async () => {
      const eu = await cli('determine', '--jurisdiction', 'EU', '--item', '1C351', '--to', 'US');
      expect(eu.stdout.split('\n')[0]).toBe('EU 1C351 → US: LICENCE REQUIRED');
      expect(eu.stdout).toMatch(
        /^ {2}EU001 not available: 1C351 is excluded \[Regulation \(EU\) 2021\/821, Annex II Section I .*\(read in .*, 2026-12-03\)\]$/m,
      );
      const jp = await cli(
        'determine',
        '--jurisdiction',
        'JP',
        '--item',
        '3A001.a.1',
        '--to',
        'DE',
        '--json',
      );
      const d = JSON.parse(jp.stdout) as {
        authorisations: { id: string; result: string; why: string; status: string }[];
      };
      expect(d.authorisations.find((a) => a.id === 'JP-GENERAL-BULK')).toMatchObject({
        result: 'to-check',
        why: 'requires that the exporter holds this licence',
        status: 'unverified',
      });
    });

    it('prints a readable determination with the rule that fired', async () => {
      const r = await cli('determine', '--jurisdiction', 'US', '--item', '3A001.a.1.b', '--to', 'CN');
      expect(r.stdout.split('\n')[0]).toBe('US 3A001.a.1.b → CN: LICENCE REQUIRED');
      expect(r.stdout).toMatch(/applies +NS2 row: NS applies to entire entry → NS2 marked for China/);
    });

    it('accepts Kosovo (XK), a Commerce Country Chart destination (Supp. No. 1 to Part 738)', async () => {
      const r = await cli('determine', '--jurisdiction', 'US', '--item', '3A001.a.1.b', '--to', 'XK');
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toMatch(/^US 3A001.a.1.b → XK: /);
    });

    it.each([
      [
        ['--jurisdiction', 'EU', '--item', '3A904', '--to', 'CN'],
        'unknown-control-entry: Unknown EU control entry "3A904" (listed as EU:3A504, US:3A904; use the crosswalk); accepted: an entry code of the EU control list, or "none" for an unlisted item (field item)',
      ],
      [
        ['--jurisdiction', 'US', '--item', '3A001.a.1.b', '--to', 'XX'],
        'unknown-country: Unknown country code "XX" in to; accepted: one of 254 codes such as CN, DE, US (field to)',
      ],
      [
        ['--jurisdiction', 'FR', '--item', '3A001', '--to', 'CN'],
        'unknown-jurisdiction: Unknown jurisdiction "FR"; accepted: US, EU, UK, JP (field jurisdiction)',
      ],
    ])('exits 1 with one line naming the field and accepted values: %j', async (args, message) => {
      const r = await cli('determine', ...args);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(`entente: ${message}`);
    });

    it('assesses a multi-item, multi-party shipment into a readable report and a stored decision record', async () => {
      const r = await cli('assess', fixture('tx-german-components-via-turkey.json'));
      expect(r.code).toBe(0);
      const id = /decision record (dr_\S+)/.exec(r.stderr)?.[1];
      expect(id).toBeDefined();
      const lines = r.stdout.split('\n');
      expect(lines[0]).toBe(`Decision record ${id}  (transaction DE-EXP-2026-112)`);
      expect(r.stdout).toMatch(/EU +#1 Radiation-hardened integrat… +3A001\.a\.1 +prohibited/);
      expect(r.stdout).toMatch(
        /US +#1 Radiation-hardened integrat… +3A001\.a\.1\.b +licence-required +Russia and Belarus sanctions, NS2/,
      );
      expect(r.stdout).toContain(
        '#1 Radiation-hardened integrated circuits: EU: prohibited vs US: licence-required',
      );
      expect(r.stdout).toMatch(/high +embargoed-destination: RU/);
      expect(r.stdout).toMatch(/Risk score 1\.00 \(high\)/);
      expect(r.stdout).toContain(
        '"Cable assemblies": what share of its value is US-origin controlled content?',
      );

      const shown = await cli('assessments', 'show', id as string, '--json');
      const record = JSON.parse(shown.stdout) as {
        id: string;
        channel: string;
        retainUntil: string;
        createdAt: string;
        dataVersions: { controlLists: { list: string; version: string }[] };
        outputs: { assessment: { summary: { divergences: unknown[] } } };
      };
      expect(record).toMatchObject({ id, channel: 'cli' });
      expect(Number(record.retainUntil.slice(0, 4)) - Number(record.createdAt.slice(0, 4))).toBe(5);
      expect(record.dataVersions.controlLists).toEqual(
        expect.arrayContaining([{ list: 'EU', version: '2025-11-15', validFrom: '2025-11-15' }]),
      );
      expect(record.outputs.assessment.summary.divergences).toHaveLength(1);
    });

    it('lists the stored records and rejects an unknown one', async () => {
      const us = await cli('assess', fixture('tx-semiconductors-to-china.json'), '--json');
      const record = JSON.parse(us.stdout) as {
        id: string;
        outputs: { assessment: { summary: { items: { strictestOutcome: string }[] } } };
      };
      expect(record.outputs.assessment.summary.items.map((i) => i.strictestOutcome)).toEqual([
        'licence-required',
        'no-licence-required',
        'no-licence-required',
      ]);
      const list = JSON.parse((await cli('assessments', 'list', '--json')).stdout) as {
        records: { id: string; summary: { destination: string } }[];
      };
      expect(list.records[0]).toMatchObject({ id: record.id, summary: { destination: 'CN' } });
      expect(list.records).toHaveLength(2);
      const missing = await cli('assessments', 'show', 'dr_AAAAAAAAAAAAAAAA');
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('not-found');
    });

    it('names the field of a bad transaction', async () => {
      const r = await cli('assess', fixture('tx-bad-country.json'));
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        'entente: unknown-country: parties[1].country: unknown country "Atlantis"; accepted: one of 254 codes such as CN, DE, US (field parties[1].country)',
      );
    });
  });
}
