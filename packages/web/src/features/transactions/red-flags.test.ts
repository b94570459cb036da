import { BIS_RED_FLAGS } from '@entente/core';
import { describe, expect, it } from 'vitest';
import { RED_FLAGS } from './red-flags.ts';

describe('RED_FLAGS', () => {
  it('offers exactly the red flags the assessment accepts', () => {
    expect(RED_FLAGS).toEqual(BIS_RED_FLAGS);
  });
});
