// End-to-end: the web assessment shows a US determination that is neither "no licence required"
// nor a licence requirement: an ECCN "subject to the ITAR" (15 CFR 774 Supp. 1, ECCN 9A005) is not
// subject to the EAR, and the page says so, names 22 CFR parts 120–130 and raises the risk for it.
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, launchChromium, saveScreenshot } from './support/browser.ts';
import {
  buildWebApp,
  hasSharedData,
  SHARED_DATA,
  startEntenteServer,
  TEST_PASSWORD,
  type EntenteServer,
} from './support/entente-server.ts';

const ready = hasSharedData() && existsSync(CHROMIUM_PATH);

let server: EntenteServer;
let browser: Browser;
let page: Page;

describe.skipIf(!ready)('determination outcomes off the Country Chart (headless Chromium)', () => {
  beforeAll(async () => {
    buildWebApp();
    [server, browser] = await Promise.all([startEntenteServer(SHARED_DATA), launchChromium()]);
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows an ITAR entry as not subject to the EAR, never as "No licence required"', async () => {
    await page.goto(`${server.url}/#/transactions`);
    await page.getByLabel('Email').fill('officer@exporter.example');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Transactions' }).waitFor();
    await page.getByLabel('Description').fill('liquid rocket propulsion system');
    await page.getByLabel('US entry').fill('9A005');
    await page.getByLabel('Origin country').fill('US');
    await page.getByLabel('Value (USD)').fill('50000');
    await page.getByLabel('US-origin content (%)').fill('100');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: /Step 2 of 4/ }).waitFor();
    await page.locator('[name=party-1-name]').fill('Demo Exporter Inc');
    await page.locator('[name=party-1-country]').fill('US');
    await page.locator('[name=party-2-name]').fill('Maple Aerospace Ltd');
    await page.locator('[name=party-2-country]').fill('CA');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel(/^Route/).fill('US, CA');
    await page.getByLabel('Declared end use').fill('Launch vehicle integration');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: /Step 4 of 4: Review/ }).waitFor();
    await page.getByRole('button', { name: 'Assess transaction' }).click();
    await page.getByRole('heading', { level: 1, name: /Decision record dr_/ }).waitFor();
    const us = page.getByRole('region', { name: 'US determinations' });
    await us.getByText('Not subject: another authority').waitFor();
    expect(await us.textContent()).toContain('Not subject to the EAR: 22 CFR parts 120–130 (ITAR)');
    expect(await us.getByText('No licence required').count()).toBe(0);
    await page.getByRole('heading', { name: 'Questions still open' }).waitFor();
    expect(await page.getByText(/Read 22 CFR parts 120–130 \(ITAR\)/).count()).toBeGreaterThan(0);
    // The risk is raised with a stated reason, never left low as if the item had been determined.
    const breakdown = page.getByRole('table', { name: 'Risk score breakdown' });
    expect(await breakdown.textContent()).toContain(
      "An item is governed by another authority's regulations (e.g. the ITAR)",
    );
    expect(await breakdown.textContent()).toContain('9A005 (US: 22 CFR parts 120–130 (ITAR))');
    expect(await page.locator('#h-risk .risk-level').textContent()).not.toBe('low');
    await saveScreenshot(page, '20-determination-governed-elsewhere');
  });
});
