import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from './entente-server.ts';

/** Debian's Chromium: playwright-core drives it and never downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Set to `1` (CI does) to make a missing Chromium fail the browser tests instead of skipping them. */
export const REQUIRE_BROWSER = 'ENTENTE_REQUIRE_BROWSER';

/**
 * Whether the browser tests can run: `describe.skipIf(!hasChromium())`.
 * Without Chromium they skip, except when `ENTENTE_REQUIRE_BROWSER=1`: then
 * this throws, so a CI run that silently skipped them cannot pass.
 */
export function hasChromium(env: Record<string, string | undefined> = process.env): boolean {
  const executable = env.CHROMIUM_PATH ?? CHROMIUM_PATH;
  if (existsSync(executable)) return true;
  if (env[REQUIRE_BROWSER] === '1') {
    throw new Error(
      `Chromium is missing at ${executable} and ${REQUIRE_BROWSER}=1: the browser tests would be skipped. Install it (bash .ci/install-browser.sh) or set CHROMIUM_PATH.`,
    );
  }
  return false;
}

/** Where each test saves its screenshot. */
export const SHOTS_DIR = path.join(REPO_ROOT, 'test-results');

/** Launches headless Chromium with the flags that work in containers and CI. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
