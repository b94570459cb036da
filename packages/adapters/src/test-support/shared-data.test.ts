import { describe, expect, it } from 'vitest';
import { hasSharedData, REQUIRE_SHARED_DATA } from './shared-data.ts';

describe('hasSharedData', () => {
  const missing = '/nonexistent/entente-shared-data';

  it('lets a test skip when the shared data is missing', () => {
    expect(hasSharedData({ ENTENTE_SHARED_DATA: missing })).toBe(false);
  });

  it('fails instead of skipping when the shared data is required (as in CI)', () => {
    expect(() => hasSharedData({ ENTENTE_SHARED_DATA: missing, [REQUIRE_SHARED_DATA]: '1' })).toThrow(
      /entente-shared-data is missing and ENTENTE_REQUIRE_SHARED_DATA=1/,
    );
  });

  it('finds a directory that exists, required or not', () => {
    expect(hasSharedData({ ENTENTE_SHARED_DATA: '/', [REQUIRE_SHARED_DATA]: '1' })).toBe(true);
  });
});
