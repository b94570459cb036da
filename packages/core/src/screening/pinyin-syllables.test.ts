import { describe, expect, it } from 'vitest';
import { isPinyinWord } from './pinyin-syllables.ts';

describe('isPinyinWord', () => {
  it.each(['yu', 'fang', 'long', 'zhuang', 'er', 'xiaoming', 'ruolan', 'zhongguoren'])(
    'reads %s as pinyin syllables',
    (word) => expect(isPinyinWord(word)).toBe(true),
  );

  it.each(['co', 'oy', 'ltd', 'ooo', 'miea', 'gea', 'velmora', 'zhongguorenmin'])(
    'does not read %s as pinyin syllables',
    (word) => expect(isPinyinWord(word)).toBe(false),
  );

  it('counts syllables up to the number asked for', () => {
    expect(isPinyinWord('fang', 1)).toBe(true);
    expect(isPinyinWord('xiaoming', 1)).toBe(false);
    expect(isPinyinWord('xiaoming', 2)).toBe(true);
  });
});
