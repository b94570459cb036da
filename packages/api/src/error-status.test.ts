import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@entente/core';
import { ERROR_STATUS } from './error-status.ts';

/** The HTTP column of docs/errors.md, by code. */
const documentedStatus = new Map(
  [
    ...readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8').matchAll(
      /^\| `([a-z-]+)` \| (\d{3}) \|/gm,
    ),
  ].map((m) => [m[1]!, Number(m[2])]),
);

describe('ERROR_STATUS', () => {
  it.each(ERROR_CODES)('answers %s with the HTTP status docs/errors.md gives', (code) => {
    expect(ERROR_STATUS[code]).toBe(documentedStatus.get(code));
  });
});
