import { describe, expect, it } from 'vitest';
import { wadeGilesToPinyin } from './wade-giles.ts';

describe('wadeGilesToPinyin', () => {
  it('reads names in Wade–Giles as pinyin, aspirated or not', () => {
    expect(wadeGilesToPinyin('Mao Tse-tung')).toBe('mao ze dong');
    expect(wadeGilesToPinyin('Chiang Ching-kuo')).toBe('jiang jing guo');
    expect(wadeGilesToPinyin("Teng Hsiao-p'ing")).toBe('deng xiao ping');
  });

  it('reads the longest syllables, two-letter initial and four-letter final', () => {
    expect(wadeGilesToPinyin('Hsiung Chuang')).toBe('xiong zhuang');
  });

  it('gives no reading for words that are not syllables, nor when the reading changes nothing', () => {
    expect(wadeGilesToPinyin('Vladimir Putin')).toBeUndefined();
    expect(wadeGilesToPinyin('Li Na')).toBeUndefined();
    expect(wadeGilesToPinyin('Mao')).toBeUndefined();
  });

  it("does not take the names of an object's built-in properties for finals", () => {
    // "t" + "constructor" once read as a syllable whose final was `Object`: "dfunction Object() …".
    expect(wadeGilesToPinyin('Tconstructor Li')).toBeUndefined();
    expect(wadeGilesToPinyin('Li Hconstructor')).toBeUndefined();
  });
});
