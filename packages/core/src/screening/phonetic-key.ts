/** Consonant classes of the phonetic key; vowels (and y, w) carry no class. */
const CLASS: Readonly<Record<string, string>> = {
  b: 'P',
  p: 'P',
  f: 'F',
  v: 'F',
  c: 'K',
  k: 'K',
  q: 'K',
  g: 'K',
  j: 'J',
  s: 'S',
  z: 'S',
  x: 'KS',
  d: 'T',
  t: 'T',
  l: 'L',
  r: 'R',
  m: 'M',
  n: 'N',
  h: 'H',
};

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Consonant pairs read as one sound; the `h` after them is silent. */
const DIGRAPH_HEADS = new Set(['s', 'c', 'k', 'g', 'p', 't', 'z', 'd']);

/**
 * A consonant-skeleton phonetic key of one ASCII token, designed to agree
 * across transliterations and abjad scripts (vowels dropped, like/unlike
 * consonants folded: b/p, f/v/w, c/k/q/g, s/z, d/t; silent h after digraph
 * heads and at the end; tch, tsh and tsch read as ch; doubled letters collapsed).
 *
 * @example
 * phoneticKey('muhammad') === phoneticKey('mhmd') // true ('MHMT')
 */
export function phoneticKey(token: string): string {
  const cached = memo.get(token);
  if (cached !== undefined) return cached;
  const key = phoneticKeyOnce(token);
  // A bounded memo: keys are pure functions of the token.
  if (memo.size > 200_000) memo.clear();
  memo.set(token, key);
  return key;
}

const memo = new Map<string, string>();

/**
 * `phoneticKey` without its memo, for a caller that asks once per distinct token (the index
 * build's token facts: each of ~2,000,000 tokens at 1,000,000 parties asked once, the memo's
 * look-ups, insertions and clearings cost more than the keys, and what it held was garbage).
 */
export function phoneticKeyOnce(token: string): string {
  let key = '';
  let prevLetter = '';
  let prevClass = '';
  const n = token.length;
  for (let i = 0; i < n; i++) {
    const ch = token[i]!;
    if (ch === prevLetter) continue;
    // tch, tsh, tsch: the sound of ch (vitch, Arabic تش "tsh", German tsch).
    if (ch === 't') {
      const skip = token.startsWith('sch', i + 1) ? 3 : /^[sc]h/.test(token.slice(i + 1, i + 3)) ? 2 : 0;
      if (skip > 0) {
        if (prevClass !== 'K') key += 'K';
        prevClass = 'K';
        prevLetter = 'h';
        i += skip;
        continue;
      }
    }
    let cls: string | undefined;
    if (ch === 'h') {
      // ph sounds like f; other digraphs and a final h are silent.
      if (prevLetter === 'p') cls = prevClass === 'F' ? '' : 'F';
      else if (DIGRAPH_HEADS.has(prevLetter) || i === n - 1 || (i === n - 2 && token[n - 1] === 'h'))
        cls = '';
      else cls = 'H';
    } else if (ch === 'w') {
      // w is a consonant before a vowel (wladimir), a vowel elsewhere (mhmwd).
      cls = i === 0 || VOWELS.has(token[i + 1] ?? '') ? 'F' : '';
    } else if (ch >= '0' && ch <= '9') {
      cls = ch;
    } else {
      cls = CLASS[ch] ?? '';
    }
    prevLetter = ch;
    if (cls === '' || cls === prevClass) {
      if (cls === '' && ch !== 'h') prevClass = '';
      continue;
    }
    if (prevLetter === 'h' && cls === 'F' && key.endsWith('P')) key = key.slice(0, -1);
    key += cls;
    prevClass = cls;
  }
  return key;
}
