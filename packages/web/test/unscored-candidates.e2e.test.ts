// End-to-end: the Screening page says when the candidate cap left names unscored. A store is
// seeded with 300 listed companies that carry every word of the query but another number (they
// pass the bound and score below the threshold) and the respelt true match, which ranks beyond
// the default 150 by bound; the real API server serves it and headless Chromium screens the name,
// reads the note, and screens again with every candidate from the note's button.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openStore } from '@entente/adapters';
import { buildParty } from '@entente/core';
import { hasChromium } from './support/browser.ts';
import { useSeededApp } from './support/seeded-app.ts';

const company = (sourceId: string, name: string) =>
  buildParty({
    source: 'un-sc',
    sourceId,
    schema: 'organization',
    names: [{ full: name, quality: 'primary' }],
  });

async function seedCrowdedName(db: string): Promise<void> {
  const store = await openStore({ dataDir: db });
  try {
    await store.saveListVersion({
      source: 'un-sc',
      publishedAt: '2026-11-30',
      format: 'custom-csv',
      files: ['un-sc.csv'],
      parties: [
        // Two-digit numbers (several decoys share one) and a truth respelt in three words, as in
        // core's candidate-cut test: the cap ranks a name by its own words' share too.
        ...Array.from({ length: 300 }, (_, i) =>
          company(`D${i}`, `Varkolin Dremisov Tarkhanov ${(i % 80) + 20}`),
        ),
        company('TRUTH', 'Varkolyn Dremisof Tarkhanof 1'),
      ],
      warnings: [],
    });
  } finally {
    await store.close();
  }
}

let page: Page;

describe.skipIf(!hasChromium())(
  'the screening page reports unscored candidate names (headless Chromium)',
  () => {
    useSeededApp(
      { prefix: 'entente-e2e-unscored-', seed: seedCrowdedName, route: '/screening', heading: 'Screening' },
      600_000,
      (p) => (page = p),
    ); // builds the web app, seeds and starts a server: minutes on a loaded machine

    it('says how many names were not scored, and scores them from the note', async () => {
      const form = page.getByRole('form', { name: 'Screen a name' });
      await form.getByLabel('Name').fill('Varkolin Dremisov Tarkhanov 1');
      await form.getByRole('button', { name: 'Screen' }).click();
      const note = page.getByText(/\d+ more candidate names could reach the threshold and were not scored/);
      await note.waitFor();
      const results = page.getByRole('region', { name: 'Screening results' });
      expect(await results.innerText()).toContain('No match');
      await page.getByRole('button', { name: 'Score up to 10,000 candidates' }).click();
      await page.getByRole('region', { name: 'Subject Varkolyn Dremisof Tarkhanof 1' }).waitFor();
      expect(await note.count()).toBe(0);
    });
  },
);
