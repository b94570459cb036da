import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@entente/core';

const doc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
const documented = new Set([...doc.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]));

describe('docs/errors.md', () => {
  it.each(ERROR_CODES)('documents the error code %s', (code) => {
    expect(documented.has(code)).toBe(true);
  });

  it('documents no code that does not exist', () => {
    expect([...documented].filter((c) => !(ERROR_CODES as readonly string[]).includes(c!))).toEqual([]);
  });
});
