// End-to-end: clearing a whole subject from the Screening page. A small store is seeded through the
// adapters (UN, Australian and EU listings of one man) and resolved into subjects; the real API
// server serves it and headless Chromium screens the name, clears the subject from its row, and
// sees every listing under it shown as cleared.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, saveScreenshot } from './support/browser.ts';
import { useSeededApp } from './support/seeded-app.ts';
import { seedSoleimaniWorld } from './support/soleimani-world.ts';

const ready = hasChromium();

let page: Page;

describe.skipIf(!ready)('clearing a subject on the screening page end to end (headless Chromium)', () => {
  useSeededApp(
    {
      prefix: 'entente-e2e-subject-clear-',
      seed: seedSoleimaniWorld,
      route: '/screening',
      heading: 'Screening',
    },
    600_000,
    (p) => (page = p),
  ); // builds the web app, seeds and starts a server: minutes on a loaded machine

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
