import { describe, expect, it } from 'vitest';
import { hasChromium, REQUIRE_BROWSER } from './browser.ts';

describe('hasChromium', () => {
  const missing = '/nonexistent/entente-chromium';

  it('lets the browser tests skip when Chromium is missing', () => {
    expect(hasChromium({ CHROMIUM_PATH: missing })).toBe(false);
  });

  it('fails instead of skipping when a browser is required (as in CI)', () => {
    expect(() => hasChromium({ CHROMIUM_PATH: missing, [REQUIRE_BROWSER]: '1' })).toThrow(
      /entente-chromium and ENTENTE_REQUIRE_BROWSER=1/,
    );
  });

  it('finds an executable that exists, required or not', () => {
    expect(hasChromium({ CHROMIUM_PATH: process.execPath, [REQUIRE_BROWSER]: '1' })).toBe(true);
  });
});
