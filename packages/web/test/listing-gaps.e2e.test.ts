// End-to-end: the listing gaps page. A small store is seeded through the adapters (UN, Australian
// and EU lists that share one man and differ on two others) and resolved into subjects; the real
// API server serves it and headless Chromium reads the matrix and the subjects behind one number.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, saveScreenshot } from './support/browser.ts';
import { useSeededApp } from './support/seeded-app.ts';
import { seedSoleimaniWorld } from './support/soleimani-world.ts';

const ready = hasChromium();

let page: Page;

describe.skipIf(!ready)('listing gaps page end to end (headless Chromium)', () => {
  useSeededApp(
    {
      prefix: 'entente-e2e-gaps-',
      seed: seedSoleimaniWorld,
      route: '/listing-gaps?j=UN,AU,EU',
      heading: 'Listing gaps between allies',
    },
    600_000,
    (p) => (page = p),
  ); // builds the web app, seeds and starts a server: minutes on a loaded machine

  it('shows, per pair of allies, how many subjects one lists and the other does not', async () => {
    const matrix = page.getByRole('table', {
      name: "Subjects listed by the row's jurisdiction and not by the column's",
    });
    await matrix.waitFor();
    const cell = (x: string, y: string, n: number) =>
      matrix.getByRole('button', { name: `${n} subjects listed by ${x} and not by ${y}`, exact: true });
    // Yasin: UN, not AU nor the EU; Tehrani: AU alone; Soleimani (one subject, three listings): no gap.
    for (const [x, y, n] of [
      ['UN', 'AU', 1],
      ['UN', 'EU', 1],
      ['AU', 'UN', 1],
      ['AU', 'EU', 1],
      ['EU', 'UN', 0],
      ['EU', 'AU', 0],
    ] as const)
      expect(await cell(x, y, n).innerText()).toBe(String(n));
    const rows = await matrix.locator('tbody tr').allInnerTexts();
    // The last column: subjects each list carries now.
    expect(Object.fromEntries(rows.map((r) => [r.split(/\s+/)[0], r.split(/\s+/).at(-1)]))).toEqual({
      UN: '2',
      AU: '2',
      EU: '1',
    });
    await saveScreenshot(page, 'listing-gaps-matrix');
  });

  it('shows the subjects behind one number, with the kind of gap', async () => {
    await page.getByRole('button', { name: '1 subjects listed by UN and not by AU', exact: true }).click();
    await page.getByRole('heading', { name: 'Listed by UN, not by AU · 1 subjects' }).waitFor();
    const table = page.getByRole('table', { name: 'Subjects with a listing gap' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    const row = await table.locator('tbody tr').first().innerText();
    expect(row).toContain('Abdul Rahman Yasin');
    expect(row).toContain('UN listing not implemented');
    expect(row).toMatch(/AU\s+EU|AU EU/);
    expect(await table.innerText()).not.toContain('SOLEIMANI');
    expect(await table.innerText()).not.toContain('Tehrani');
    await saveScreenshot(page, 'listing-gaps-drilldown');
  });
});
