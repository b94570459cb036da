import { describe, expect, it } from 'vitest';
import { alertStrength } from './alert-strength.ts';

describe('alertStrength', () => {
  it('reads a name hit as its score', () => {
    expect(alertStrength({ kind: 'new', score: 0.92, features: { nameSimilarity: 0.92 } })).toEqual({
      measure: 'score',
      value: 0.92,
      text: '0.92',
    });
  });

  it('reads an ownership alert as the share listed owners hold, not as a score', () => {
    expect(
      alertStrength({ kind: 'ownership', score: 0.7, features: { ownership: 0.7, control: 0 } }).text,
    ).toBe('70 % owned');
    expect(
      alertStrength({ kind: 'ownership', score: 0.555, features: { ownership: 0.555, control: 0 } }).text,
    ).toBe('55.5 % owned');
  });

  it('reads an ownership alert caught by control as controlled', () => {
    expect(alertStrength({ kind: 'ownership', score: 1, features: { ownership: 0.2, control: 1 } })).toEqual({
      measure: 'control',
      value: 1,
      text: 'controlled',
    });
  });
});
