// End-to-end: a first start with no mirror and no network. The server starts anyway (with the control
// lists Entente ships, and nothing else), and each page of the web app says what it lacks and how
// to load it, instead of empty tables.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@entente/adapters/testing';
import { hasChromium, launchChromium, saveScreenshot } from './support/browser.ts';
import {
  buildWebApp,
  startEntenteServer,
  TEST_PASSWORD,
  type EntenteServer,
} from './support/entente-server.ts';

const ready = hasChromium();

describe.skipIf(!ready)('web app with nothing downloaded (no mirror, no network)', () => {
  let server: EntenteServer;
  let browser: Browser;
  let page: Page;
  let sourcesDir: string;

  beforeAll(async () => {
    buildWebApp();
    sourcesDir = mkdtempSync(path.join(tmpdir(), 'entente-e2e-sources-'));
    // A port nobody listens on: every download fails at once, as with no network.
    const closed = await freePort();
    [server, browser] = await Promise.all([
      startEntenteServer(path.join(tmpdir(), 'entente-e2e-no-mirror'), 280_000, {
        env: {
          ENTENTE_OFFLINE: '',
          ENTENTE_SOURCES_BASE_URL: `http://127.0.0.1:${closed}/`,
          ENTENTE_SOURCES_DIR: sourcesDir,
        },
      }),
      launchChromium(),
    ]);
    page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/#/screening`);
    await page.getByLabel('Email').fill('officer@exporter.example');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (sourcesDir) rmSync(sourcesDir, { recursive: true, force: true });
  });

  const noticeOn = async (section: string, label: string) => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: label, exact: true })
      .click();
    const notice = page.getByTestId('missing-data');
    await notice.waitFor();
    await saveScreenshot(page, `missing-data-${section}`);
    return notice.innerText();
  };

  it('says on the Screening page that no list is loaded and how to load the lists', async () => {
    const text = await noticeOn('screening', 'Screening');
    expect(text).toContain('No restricted-party list is loaded');
    expect(text).toContain('entente sync');
    expect(text).toContain('ENTENTE_MIRROR');
  });

  it('says on the List updates page that no list is loaded', async () => {
    expect(await noticeOn('lists', 'List updates')).toContain('No restricted-party list is loaded');
  });

  it('shows the shipped control lists, and says the US list and the mirror-only lists are missing', async () => {
    const text = await noticeOn('controls', 'Control lists');
    expect(text).toContain('Control lists not loaded: US.');
    expect(text).toContain('Only a mirror provides USML, MTCR, NSG');
    expect(text).not.toContain('No control list is loaded');
  });

  it('says on the Transactions page why US determinations cannot be made', async () => {
    const text = await noticeOn('transactions', 'Transactions');
    expect(text).toContain('US determinations cannot be made');
    expect(text).toContain('No text of 15 CFR part 738');
  });
});
