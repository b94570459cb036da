import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@entente/core';
import { exitCodeFor } from './exit-codes.ts';

/** The exit column of docs/errors.md, by code. */
const documentedExit = new Map(
  [
    ...readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8').matchAll(
      /^\| `([a-z-]+)` \| \d{3} \| (\d) \|/gm,
    ),
  ].map((m) => [m[1]!, Number(m[2])]),
);

describe('exitCodeFor', () => {
  it.each(ERROR_CODES)('exits on %s with the code docs/errors.md gives', (code) => {
    expect(exitCodeFor(code)).toBe(documentedExit.get(code));
  });
});
