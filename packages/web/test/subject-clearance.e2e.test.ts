// End-to-end: clearing a whole subject from the Screening page. A small store is seeded through the
// adapters (UN, Australian and EU listings of one man) and resolved into subjects; the real API
// server serves it and headless Chromium screens the name, clears the subject from its row, and
// sees every listing under it shown as cleared.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, subjectServiceFor } from '@entente/adapters';
import { buildParty, DEFAULT_NAME_REFERENCE, type Party } from '@entente/core';
import { CHROMIUM_PATH, launchChromium, saveScreenshot } from './support/browser.ts';
import {
  buildWebApp,
  startEntenteServer,
  TEST_PASSWORD,
  type EntenteServer,
} from './support/entente-server.ts';

const ready = existsSync(CHROMIUM_PATH);
/** No mirror: the seeded lists are all the server has, so it starts in seconds. */
const NO_MIRROR = path.join(tmpdir(), 'entente-e2e-no-mirror');

const person = (source: string, sourceId: string, name: string, extra: Partial<Party> = {}): Party =>
  buildParty({
    source,
    sourceId,
    schema: 'person',
    names: [{ full: name, quality: 'primary' }],
    programs: ['IRAN'],
    ...extra,
  });
const born = (value: string) => ({ birthDates: [{ value, precision: 'day' as const }] });

/** Soleimani is listed by all three (one subject, three listings); Yasin and Tehrani are other subjects. */
const LISTS: [string, Party[]][] = [
  [
    'un-sc',
    [
      person('un-sc', 'IRi.039', 'QASEM SOLEIMANI', { unReference: 'IRi.039', ...born('1957-03-11') }),
      person('un-sc', 'QDi.100', 'Abdul Rahman Yasin', { unReference: 'QDi.100', ...born('1960-04-10') }),
    ],
  ],
  [
    'au-dfat',
    [
      person('au-dfat', '8490', 'Qasem SOLEIMANI', { unReference: 'IRi.039' }),
      person('au-dfat', '9001', 'Hamid Reza Tehrani', born('1970-01-01')),
    ],
  ],
  ['eu-sanctions', [person('eu-sanctions', 'EU.38', 'Qasem Soleimani', born('1957-03-11'))]],
];

async function seed(db: string): Promise<void> {
  const store = await openStore({ dataDir: db });
  for (const [source, parties] of LISTS)
    await store.saveListVersion({
      source,
      publishedAt: '2026-11-30',
      format: 'custom-csv',
      files: [`${source}.csv`],
      parties,
      warnings: [],
    });
  await subjectServiceFor(store, DEFAULT_NAME_REFERENCE, undefined, { workers: 0 }).resolve('full');
  await store.close();
}

let db: string;
let server: EntenteServer;
let browser: Browser;
let page: Page;

describe.skipIf(!ready)('clearing a subject on the screening page end to end (headless Chromium)', () => {
  beforeAll(async () => {
    buildWebApp();
    db = mkdtempSync(path.join(tmpdir(), 'entente-e2e-subject-clear-'));
    await seed(db);
    [server, browser] = await Promise.all([startEntenteServer(NO_MIRROR, 120_000, { db }), launchChromium()]);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/#/screening`);
    await page.getByLabel('Email').fill('officer@exporter.example');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('form', { name: 'Screen a name' }).waitFor();
  }, 600_000); // builds the web app, seeds and starts a server: minutes on a loaded machine

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (db) rmSync(db, { recursive: true, force: true });
  });

  it('clears every listing of a subject from its row, with the reason shown on each', async () => {
    const form = page.getByRole('form', { name: 'Screen a name' });
    await form.getByLabel('Name').fill('Qasem Soleimani');
    await form.getByRole('button', { name: 'Screen' }).click();
    const subject = page.getByRole('region', { name: 'Subject QASEM SOLEIMANI' });
    await subject.waitFor();
    await expect.poll(() => subject.locator('li.match').count()).toBe(3);
    await subject.getByRole('button', { name: 'Clear subject' }).click();
    const clear = page.getByRole('form', { name: 'Clear QASEM SOLEIMANI as a false positive' });
    expect(await clear.innerText()).toContain('every listing the subject has now');
    await clear.getByLabel('Reason').fill('Our customer is a namesake born 1990');
    await clear.getByRole('button', { name: 'Record clearance' }).click();
    await subject.getByText('Subject cleared').waitFor();
    await expect.poll(() => subject.locator('li.match.cleared').count()).toBe(3);
    expect(await subject.innerText()).toContain('Cleared: Our customer is a namesake born 1990');
    expect(await subject.getByRole('button', { name: 'Clear subject' }).count()).toBe(0);
    await saveScreenshot(page, 'screening-subject-cleared');
  });
});
