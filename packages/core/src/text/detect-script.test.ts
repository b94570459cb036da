import { describe, expect, it } from 'vitest';
import { detectScript, isNonLatin } from './detect-script.ts';

describe('detectScript', () => {
  it.each([
    ['Vladimir Putin', 'Latn'],
    ['Владимир Путин', 'Cyrl'],
    ['أسامة بن لادن', 'Arab'],
    ['习近平', 'Hani'],
    ['株式会社ロステック', 'Jpan'],
    ['김정은', 'Hang'],
    ['Αθήνα', 'Grek'],
    ['משה', 'Hebr'],
    ['Müller GmbH', 'Latn'],
  ])('detects the script of %s as %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });

  it('returns undefined for text without letters', () => {
    expect(detectScript('12-34 / ()')).toBeUndefined();
  });

  it('tells non-Latin text apart', () => {
    expect(isNonLatin('Путин')).toBe(true);
    expect(isNonLatin('Putin')).toBe(false);
  });
});
