/**
 * The development set's own name key, independent of the screening engine on
 * purpose: a case's truth must not depend on the code it evaluates. Folds
 * compatibility forms and diacritics, lower-cases, treats every run of
 * non-letters/digits as a space and sorts the words, so that "AL-QAIDA" and
 * "Qaida, Al" share a key while "Alqaida" does not.
 */

/** The words of a name, folded (diacritics dropped, lower case), in their order. */
export function foldWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The sorted, folded words of a name joined by spaces: equal keys mean the same spelling. */
export function foldKey(name: string): string {
  return foldWords(name).sort().join(' ');
}

/** ISO 15924 code of the main script of a name (Latn, Cyrl, Arab, Hani, Hang, Kana, Grek, other). */
export function scriptOf(name: string): string {
  let known = scriptMemo.get(name);
  if (known === undefined) {
    known = LATIN_ONLY.test(name) ? 'Latn' : countScripts(name);
    if (scriptMemo.size > 500_000) scriptMemo.clear();
    scriptMemo.set(name, known);
  }
  return known;
}

const LATIN_ONLY = /^[\p{Script=Latin}\p{Script=Common}\p{M}]*$/u;
const scriptMemo = new Map<string, string>();

function countScripts(name: string): string {
  const counts = new Map<string, number>();
  for (const ch of name) {
    const script = /\p{Script=Latin}/u.test(ch)
      ? 'Latn'
      : /\p{Script=Cyrillic}/u.test(ch)
        ? 'Cyrl'
        : /\p{Script=Arabic}/u.test(ch)
          ? 'Arab'
          : /\p{Script=Hangul}/u.test(ch)
            ? 'Hang'
            : /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)
              ? 'Kana'
              : /\p{Script=Han}/u.test(ch)
                ? 'Hani'
                : /\p{Script=Greek}/u.test(ch)
                  ? 'Grek'
                  : /\p{L}/u.test(ch)
                    ? 'other'
                    : undefined;
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  // Japanese names mix kana and Han: any kana makes the name Japanese.
  if (counts.has('Kana')) return 'Kana';
  let best = 'Latn';
  let n = 0;
  for (const [script, c] of counts) if (c > n) [best, n] = [script, c];
  return best;
}
