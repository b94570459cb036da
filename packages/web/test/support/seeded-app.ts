// The set-up the end-to-end tests over a small seeded store share: a fresh store directory the
// test seeds through the adapters, the web build, the real API server on it, headless Chromium,
// and an officer of the exporter signed in on one page of the app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { buildWebApp, startEntenteServer, TEST_PASSWORD, type EntenteServer } from './entente-server.ts';

/** No mirror: the seeded lists are all the server has, so it starts in seconds. */
export const NO_MIRROR = path.join(tmpdir(), 'entente-e2e-no-mirror');

/** A server over a seeded store, a browser, and a page signed in on the route asked for. */
export interface SeededApp {
  db: string;
  server: EntenteServer;
  browser: Browser;
  page: Page;
}

/** What to seed and where to land: the store directory's name prefix, the seeding, the route and its heading. */
export interface SeededAppOptions {
  prefix: string;
  seed: (db: string) => Promise<void>;
  /** The app's route after `#`, e.g. `/monitoring`. */
  route: string;
  /** The level-one heading that shows the signed-in page has loaded. */
  heading: string;
}

/** Seeds a fresh store, starts the server and Chromium, and signs the exporter's officer in on `route`. */
export async function openSeededApp(options: SeededAppOptions): Promise<SeededApp> {
  buildWebApp();
  const app: Partial<SeededApp> = { db: mkdtempSync(path.join(tmpdir(), options.prefix)) };
  try {
    await options.seed(app.db!);
    const started = Promise.all([startEntenteServer(NO_MIRROR, 120_000, { db: app.db }), launchChromium()]);
    [app.server, app.browser] = await started;
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = (app.page = await context.newPage());
    page.setDefaultTimeout(30_000);
    await page.goto(`${app.server.url}/#${options.route}`);
    await page.getByLabel('Email').fill('officer@exporter.example');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: options.heading }).waitFor();
    return app as SeededApp;
  } catch (error) {
    await closeSeededApp(app);
    throw error;
  }
}

/** Closes the browser and the server and removes the store directory (each only if it was made). */
export async function closeSeededApp(app: Partial<SeededApp>): Promise<void> {
  await app.browser?.close();
  await app.server?.stop();
  if (app.db) rmSync(app.db, { recursive: true, force: true });
}

/**
 * Opens a seeded app before the suite's tests and closes it after them; `onPage` is handed the
 * signed-in page. `timeoutMs` bounds the set-up (it builds the web app, seeds and starts a server).
 */
export function useSeededApp(
  options: SeededAppOptions,
  timeoutMs: number,
  onPage: (page: Page) => void,
): void {
  let app: Partial<SeededApp> = {};
  beforeAll(async () => {
    app = await openSeededApp(options);
    onPage(app.page!);
  }, timeoutMs);
  afterAll(() => closeSeededApp(app));
}
