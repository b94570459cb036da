/**
 * Class 6 and 7 transformations: romanisation variants of Arabic and Persian
 * names, another given name (should not match), Wade–Giles spellings of
 * pinyin names, and one changed Hangul or kana syllable (should not match).
 */
import { words } from './transform-names.ts';

/** Romanisation variants seen across lists for Arabic and Persian names (from → to, inside a word). */
export const ROMANISATION_RULES: [RegExp, string, string][] = [
  [/q/i, 'k', 'q→k'],
  [/(?<![kgs])h?k(?!h)/i, 'q', 'k→q'],
  [/gh/i, 'g', 'gh→g'],
  [/ou/i, 'u', 'ou→u'],
  [/(?<![aoeiq])u(?![aeiou])/i, 'ou', 'u→ou'],
  [/oo/i, 'u', 'oo→u'],
  [/ei/i, 'ai', 'ei→ai'],
  [/ai/i, 'ei', 'ai→ei'],
  [/kh/i, 'h', 'kh→h'],
  [/([bdfjlmnrst])\1/i, '$1', 'double→single'],
  [/(?<=[aeiou])([lmnrs])(?=[aeiou])/i, '$1$1', 'single→double'],
  [/(?<=[^aeiou])e(?=[^aeiou])/i, 'a', 'e→a'],
  [/(?<=[^aeiou])a(?=[^aeiou])/i, 'e', 'a→e'],
  [/(?<=[^aeiou])i(?=[^aeiou])/i, 'e', 'i→e'],
];

const keepCase = (from: string, to: string): string =>
  from === from.toUpperCase()
    ? to.toUpperCase()
    : from[0] === from[0]!.toUpperCase()
      ? to[0]!.toUpperCase() + to.slice(1)
      : to;

/**
 * Should match: one romanisation rule applied once inside one word of four
 * letters or more (never the first letter), the `seed`-th applicable
 * (rule, word) pair. Returns the new name and the rule's label.
 */
export function romanisationVariant(name: string, seed: number): { name: string; rule: string } | undefined {
  const w = words(name);
  const options: { i: number; rule: (typeof ROMANISATION_RULES)[number] }[] = [];
  w.forEach((word, i) => {
    if (word.length < 4 || !/^\p{Script=Latin}+$/u.test(word)) return;
    for (const rule of ROMANISATION_RULES) if (rule[0].test(word.slice(1))) options.push({ i, rule });
  });
  if (!options.length) return undefined;
  const { i, rule } = options[seed % options.length]!;
  const word = w[i]!;
  const changed =
    word[0] +
    word.slice(1).replace(rule[0], (m, ...g) => keepCase(m, rule[1].replace('$1', String(g[0] ?? ''))));
  if (changed.toLowerCase() === word.toLowerCase()) return undefined;
  return { name: [...w.slice(0, i), changed, ...w.slice(i + 1)].join(' '), rule: rule[2] };
}

/** Particles that are not given names ("Abu", "bin"): the given-name rule skips them. */
const NOT_GIVEN = new Set(['al', 'el', 'abu', 'abd', 'bin', 'ibn', 'ben', 'bint', 'ould', 'ul', 'ud', 'ur']);

/** Should not match: the first given name (not a particle) replaced by another that starts with another letter. */
export function otherGivenName(name: string, pool: string[], seed: number): string | undefined {
  const w = words(name);
  const i = w.findIndex((x) => !NOT_GIVEN.has(x.toLowerCase().replace(/-$/, '')));
  if (i < 0 || i >= w.length - 1 || !pool.length) return undefined;
  for (let k = 0; k < pool.length; k++) {
    const other = pool[(seed + k) % pool.length]!;
    if (NOT_GIVEN.has(other.toLowerCase())) continue;
    if (other[0]!.toLowerCase() !== w[i]![0]!.toLowerCase() && Math.abs(other.length - w[i]!.length) <= 3)
      return [...w.slice(0, i), keepCase(w[i]!, other.toLowerCase()), ...w.slice(i + 1)].join(' ');
  }
  return undefined;
}

const PINYIN_INITIALS = [
  'zh',
  'ch',
  'sh',
  'b',
  'p',
  'm',
  'f',
  'd',
  't',
  'n',
  'l',
  'g',
  'k',
  'h',
  'j',
  'q',
  'x',
  'r',
  'z',
  'c',
  's',
  'y',
  'w',
  '',
];
const PINYIN_FINALS = [
  'iang',
  'iong',
  'uang',
  'ang',
  'eng',
  'ing',
  'ong',
  'ian',
  'iao',
  'uai',
  'uan',
  'ai',
  'ao',
  'an',
  'ei',
  'en',
  'er',
  'ia',
  'ie',
  'in',
  'iu',
  'ou',
  'ua',
  'uo',
  'ui',
  'un',
  'ue',
  'a',
  'e',
  'i',
  'o',
  'u',
];
const WG_INITIAL: Record<string, string> = {
  zh: 'ch',
  ch: "ch'",
  q: "ch'",
  x: 'hs',
  z: 'ts',
  c: "ts'",
  r: 'j',
  j: 'ch',
  b: 'p',
  p: "p'",
  d: 't',
  t: "t'",
  g: 'k',
  k: "k'",
};

/** Splits a word into pinyin syllables (fewest syllables), or undefined if it is not pinyin. */
export function pinyinSyllables(word: string): [string, string][] | undefined {
  const s = word.toLowerCase();
  const best: ([string, string][] | undefined)[] = [[]];
  for (let end = 1; end <= s.length; end++) {
    for (let start = Math.max(0, end - 6); start < end; start++) {
      const prev = best[start];
      if (!prev) continue;
      const syl = s.slice(start, end);
      const initial = PINYIN_INITIALS.find(
        (i) => syl.startsWith(i) && PINYIN_FINALS.includes(syl.slice(i.length)),
      );
      if (initial === undefined) continue;
      const next: [string, string][] = [...prev, [initial, syl.slice(initial.length)]];
      if (!best[end] || next.length < best[end]!.length) best[end] = next;
    }
  }
  return best[s.length];
}

function wadeGilesSyllable([initial, final]: [string, string]): string {
  let f = final;
  if (f === 'i' && ['zh', 'ch', 'sh', 'r'].includes(initial)) f = 'ih';
  else if (f === 'i' && ['z', 'c', 's'].includes(initial)) f = 'u';
  else
    f = f
      .replace(/^ong$/, 'ung')
      .replace(/^iong$/, 'iung')
      .replace(/^ian$/, 'ien')
      .replace(/^ie$/, 'ieh')
      .replace(/^ue$/, 'ueh');
  if (initial === 'y' && f === 'ou') f = 'u';
  if (initial === 'y' && f === 'an') f = 'en';
  const i =
    ['z', 'c', 's'].includes(initial) && f === 'u' && final === 'i'
      ? initial === 's'
        ? 'ss'
        : initial === 'z'
          ? 'tz'
          : "tz'"
      : (WG_INITIAL[initial] ?? initial);
  return i + f;
}

/** Class 7 (should match): a pinyin name in Wade–Giles ("Zhang Zhiqiang" → "Chang Chih-ch'iang"); undefined if a word is not pinyin. */
export function wadeGiles(name: string): string | undefined {
  const out: string[] = [];
  let changed = false;
  for (const word of words(name)) {
    const syllables = pinyinSyllables(word);
    if (!syllables?.length || syllables.length > 3) return undefined;
    const wg = syllables.map(wadeGilesSyllable).join('-');
    const cased = word === word.toUpperCase() ? wg.toUpperCase() : wg[0]!.toUpperCase() + wg.slice(1);
    if (cased.toLowerCase() !== word.toLowerCase()) changed = true;
    out.push(cased);
  }
  return changed ? out.join(' ') : undefined;
}

/** Class 7 (should not match): the `seed`-th Hangul syllable's initial consonant changed. */
export function changeHangulSyllable(name: string, seed: number): string | undefined {
  const chars = [...name];
  const at = chars
    .map((c, i) => (/\p{Script=Hangul}/u.test(c) && c >= '가' && c <= '힣' ? i : -1))
    .filter((i) => i >= 0);
  if (at.length < 2) return undefined;
  const i = at[seed % at.length]!;
  const code = chars[i]!.charCodeAt(0) - 0xac00;
  const initial = Math.floor(code / 588);
  const next = (initial + 2 + (seed % 5)) % 19;
  chars[i] = String.fromCharCode(0xac00 + next * 588 + (code % 588));
  return chars.join('');
}

const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロ';

/** Class 7 (should not match): the `seed`-th katakana syllable replaced by one of another row. */
export function changeKanaSyllable(name: string, seed: number): string | undefined {
  const chars = [...name];
  const at = chars.map((c, i) => (KANA.includes(c) ? i : -1)).filter((i) => i >= 0);
  if (at.length < 2) return undefined;
  const i = at[seed % at.length]!;
  chars[i] = KANA[(KANA.indexOf(chars[i]!) + 5 * (1 + (seed % 3))) % KANA.length]!;
  return chars.join('');
}
