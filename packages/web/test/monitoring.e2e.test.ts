// End-to-end: the monitoring inbox of a signed-in exporter. A small store is seeded through the
// adapters (two lists, a register whose subsidiaries are caught only through ownership, one run),
// then the real API server serves it and headless Chromium works the inbox as a user would.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CLI_SOURCE, MonitorService, openStore, ScreeningService, sharingStoreFor } from '@entente/adapters';
import { buildParty, DEFAULT_NAME_REFERENCE, type Party } from '@entente/core';
import { hasChromium, saveScreenshot } from './support/browser.ts';
import { startEntenteServer } from './support/entente-server.ts';
import { NO_MIRROR, useSeededApp } from './support/seeded-app.ts';

const ready = hasChromium();

const listed = (
  source: string,
  sourceId: string,
  name: string,
  schema: Party['schema'] = 'organization',
): Party =>
  buildParty({
    source,
    sourceId,
    schema,
    names: [{ full: name, quality: 'primary' }],
    programs: ['RUSSIA-EO14024'],
  });

const REGISTER = `id,name,aliases,type,countries,birth_date,imo,owners
C-1,Volgaholding Industrial Group JSC,,organisation,RU,,,
C-2,Northern Trading GmbH,,organisation,DE,,,C-1:60%
C-3,Kama Logistics BV,,organisation,NL,,,C-2:50%
C-4,Acme Tools GmbH,,organisation,DE,,,C-1:40%
C-5,Baltic Shipping Trust Ltd,,organisation,GB,,,
C-6,Riga Port Services SIA,,organisation,LV,,,C-5:controls
`;

async function seed(db: string): Promise<void> {
  const store = await openStore({ dataDir: db });
  await store.saveListVersion({
    source: 'us-ofac-sdn',
    publishedAt: '2026-11-27',
    format: 'custom-csv',
    files: ['sdn.csv'],
    parties: [
      listed('us-ofac-sdn', '101', 'Volgaholding Industrial Group JSC'),
      listed('us-ofac-sdn', '102', 'Unrelated Shipping Co'),
    ],
    warnings: [],
  });
  await store.saveListVersion({
    source: 'uk-ofsi',
    publishedAt: '2026-11-28',
    format: 'custom-csv',
    files: ['uk.csv'],
    parties: [listed('uk-ofsi', 'RUS9001', 'Baltic Shipping Trust Limited')],
    warnings: [],
  });
  await store.close();
  // The first start bootstraps the demo accounts; then the register is imported and monitored.
  const first = await startEntenteServer(NO_MIRROR, 120_000, { db, keepDb: true });
  await first.stop();
  const again = await openStore({ dataDir: db });
  const org = (await sharingStoreFor(again).orgs.listOrgs()).find((o) => o.kind === 'exporter')!;
  const screening = await ScreeningService.open(again, DEFAULT_NAME_REFERENCE);
  const monitor = new MonitorService(again, screening);
  await monitor.importRegister(org.id, 'register.csv', REGISTER, CLI_SOURCE);
  await monitor.run(org.id, { trigger: 'register' });
  // A week and a day later (the first run, a full one, is moved back), a list update is
  // followed by a delta: a full re-screen is due (seven days since the last).
  const weekAgo = new Date(Date.now() - 8 * 86_400_000).toISOString();
  await again.kysely.updateTable('monitor_runs').set({ started_at: weekAgo, finished_at: weekAgo }).execute();
  await again.saveListVersion({
    source: 'uk-ofsi',
    publishedAt: '2026-12-03',
    format: 'custom-csv',
    files: ['uk.csv'],
    parties: [
      listed('uk-ofsi', 'RUS9001', 'Baltic Shipping Trust Limited'),
      listed('uk-ofsi', 'RUS9002', 'Unrelated Aviation Ltd'),
    ],
    warnings: [],
  });
  await monitor.run(org.id, { trigger: 'list-version' });
  await monitor.close();
  await screening.close();
  await again.close();
}

let page: Page;

describe.skipIf(!ready)('monitoring inbox end to end (headless Chromium)', () => {
  useSeededApp(
    {
      prefix: 'entente-e2e-monitor-',
      seed,
      route: '/monitoring',
      heading: 'Monitoring',
    },
    300_000,
    (p) => (page = p),
  );

  it('lists the name hits and the counterparties caught only through ownership, and shows the path beside the counterparty', async () => {
    const table = page.getByTestId('alert-table');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(5);
    await page.getByLabel('Kind', { exact: true }).selectOption('ownership');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    await table.getByRole('button', { name: 'Kama Logistics BV' }).click();
    const detail = page.getByTestId('alert-detail');
    await expect.poll(() => detail.getByTestId('alert-counterparty').innerText()).toContain('C-2 50 %');
    const hit = await detail.getByTestId('alert-hit').innerText();
    expect(hit).toContain('Clear by name; caught by ownership under the US OFAC 50 Percent Rule');
    expect(await detail.getByTestId('ownership-paths').innerText()).toContain(
      'Volgaholding Industrial Group JSC owns 60 % of Northern Trading GmbH, Northern Trading GmbH owns 50 % of Kama Logistics BV (30 %)',
    );
    expect(hit).toContain('https://ofac.treasury.gov/faqs/401');
    // The 2014 guidance was read only in summaries: its citation carries the mark, the FAQs read do not.
    const citations = detail.getByTestId('alert-citations').locator('li');
    const guidance = citations.filter({ hasText: 'Revised Guidance on Entities Owned' });
    expect(await guidance.locator('.badge').innerText()).toMatch(/unverified/i);
    expect(await citations.filter({ hasText: 'OFAC FAQ 401' }).locator('.badge').count()).toBe(0);
    await saveScreenshot(page, 'monitoring-inbox');
  });

  it('filters by ally and moves several alerts to review at once', async () => {
    const table = page.getByTestId('alert-table');
    await page.getByLabel('Kind', { exact: true }).selectOption('');
    await page.getByLabel('Ally', { exact: true }).selectOption('UK');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    expect(await table.innerText()).toContain('Riga Port Services SIA');
    await page.getByLabel('Select all shown').check();
    await page.getByLabel('Move to').selectOption('in-review');
    await page.getByRole('button', { name: 'Apply' }).click();
    const bulk = page.getByRole('group', { name: 'Bulk actions' });
    await expect.poll(() => bulk.innerText()).toContain('2 of 2 moved to in-review');
    const state = await page.getByTestId('register-state').innerText();
    expect(state).toContain('Counterparties with open alerts');
  });

  it('shows the register by ally on the dashboard, for the signed-in organisation only', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const panel = page.getByTestId('register-state');
    await panel.waitFor();
    // Read until the panel is laid out: while the page is still settling, innerText can come back
    // as the bare text content, without the separators between the table's cells.
    await expect.poll(() => panel.innerText()).toMatch(/US\s+3\s+3/);
    expect(await panel.innerText()).toMatch(/UK\s+2\s+2/);
    await saveScreenshot(page, 'monitoring-dashboard');
  });

  it('says a full re-screen is due and why, and starts one from the inbox page', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitoring' }).click();
    const panel = page.getByTestId('full-run');
    await expect.poll(() => panel.innerText()).toContain('Full re-screen due');
    const text = await panel.innerText();
    expect(text).toContain('8 days since the last full run (a full run after 7)');
    expect(text).toContain('since then 1 update run(s) over 1 list version(s)');
    await saveScreenshot(page, 'monitoring-full-run-due');
    await panel.getByRole('button', { name: 'Start full re-screen' }).click();
    await expect.poll(() => panel.innerText(), { timeout: 90_000 }).toContain('Full re-screen not due');
    expect(await panel.innerText()).toContain('Full re-screen done');
  });
});
