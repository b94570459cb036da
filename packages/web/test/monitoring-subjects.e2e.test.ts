// End-to-end: monitoring alerts by subject. The seeded subject world (UN, Australian and EU
// listings of one man, resolved into one subject) plus a UK list that does not list him; a
// register with his name is monitored once; headless Chromium sees one alert for the subject,
// with its three listings and the list that lacks it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CLI_SOURCE, MonitorService, openStore, ScreeningService, sharingStoreFor } from '@entente/adapters';
import { buildParty, DEFAULT_NAME_REFERENCE } from '@entente/core';
import { hasChromium, saveScreenshot } from './support/browser.ts';
import { startEntenteServer } from './support/entente-server.ts';
import { NO_MIRROR, useSeededApp } from './support/seeded-app.ts';
import { seedSoleimaniWorld } from './support/soleimani-world.ts';

const ready = hasChromium();

async function seed(db: string): Promise<void> {
  await seedSoleimaniWorld(db);
  // The first start bootstraps the demo accounts; then the UK list, the register and one run.
  const first = await startEntenteServer(NO_MIRROR, 120_000, { db, keepDb: true });
  await first.stop();
  const store = await openStore({ dataDir: db });
  try {
    await store.saveListVersion({
      source: 'uk-ofsi',
      publishedAt: '2026-11-30',
      format: 'custom-csv',
      files: ['uk.csv'],
      parties: [
        buildParty({
          source: 'uk-ofsi',
          sourceId: 'RUS9001',
          schema: 'organization',
          names: [{ full: 'Baltic Shipping Trust Limited', quality: 'primary' }],
        }),
      ],
      warnings: [],
    });
    const org = (await sharingStoreFor(store).orgs.listOrgs()).find((o) => o.kind === 'exporter')!;
    const screening = await ScreeningService.open(store, DEFAULT_NAME_REFERENCE);
    const monitor = new MonitorService(store, screening);
    await monitor.importRegister(
      org.id,
      'register.csv',
      'id,name,type,countries,birth_date\nC-1,Qasem Soleimani,person,IR,1957-03-11\n',
      CLI_SOURCE,
    );
    await monitor.run(org.id, { trigger: 'register' });
    await monitor.close();
    await screening.close();
  } finally {
    await store.close();
  }
}

let page: Page;

describe.skipIf(!ready)('monitoring alerts by subject end to end (headless Chromium)', () => {
  useSeededApp(
    { prefix: 'entente-e2e-monitor-subject-', seed, route: '/monitoring', heading: 'Monitoring' },
    600_000,
    (p) => (page = p),
  ); // builds the web app, seeds, starts a server twice: minutes on a loaded machine

  it('shows one alert for the subject, with each of its listings and the list that lacks it', async () => {
    const table = page.getByTestId('alert-table');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.innerText()).toContain('3 listings');
    await table.getByRole('button', { name: 'Qasem Soleimani' }).click();
    const listings = page.getByTestId('alert-listings');
    await listings.waitFor();
    await expect.poll(() => listings.locator('tr').count()).toBe(3);
    const text = await listings.innerText();
    for (const id of ['un-sc:IRi.039', 'au-dfat:8490', 'eu-sanctions:EU.38']) expect(text).toContain(id);
    expect(await page.getByTestId('alert-not-listed-by').innerText()).toContain('uk-ofsi');
    await saveScreenshot(page, 'monitoring-alert-by-subject');
  });
});
