import anyAscii from 'any-ascii';

/** Korean family names whose customary romanisation differs from Revised Romanisation. */
const KOREAN_SURNAMES: Readonly<Record<string, string>> = {
  김: 'kim',
  이: 'lee',
  리: 'ri',
  박: 'park',
  최: 'choi',
  정: 'jung',
  강: 'kang',
  조: 'cho',
  윤: 'yoon',
  장: 'jang',
  임: 'lim',
  한: 'han',
  오: 'oh',
  서: 'seo',
  신: 'shin',
  권: 'kwon',
  황: 'hwang',
  안: 'ahn',
  송: 'song',
  류: 'ryu',
  유: 'yoo',
  홍: 'hong',
  전: 'jeon',
  고: 'ko',
  문: 'moon',
  손: 'son',
  양: 'yang',
  배: 'bae',
  백: 'baek',
  노: 'roh',
  하: 'ha',
};

const HAN = /\p{Script=Han}/u;
const HANGUL = /\p{Script=Hangul}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}\p{N}]/u;

/** Revised Romanisation of one Hangul syllable, folded towards McCune-Reischauer spellings (eo→o, eu→u). */
function romaniseHangulSyllable(ch: string): string {
  return anyAscii(ch).toLowerCase().replace(/eo/g, 'o').replace(/eu/g, 'u');
}

/**
 * Latin-script (ASCII) form of a name in any script, keeping one token per
 * Chinese character and per Hangul syllable (so 习近平 → "xi jin ping" and
 * 김정은 → "kim jong un") and transliterating everything else with any-ascii.
 *
 * @example
 * transliterateName('Владимир Путин') // 'Vladimir Putin'
 */
export function transliterateName(text: string): string {
  if (!/[^\u0000-\u007f]/.test(text)) return text;
  // Without Han or Hangul, the loop below would keep every character for one flush.
  if (!HAN.test(text) && !HANGUL.test(text)) return anyAscii(greekDigraphs(text));
  let out = '';
  let rest = '';
  let hangulRun = 0;
  const flush = (): void => {
    if (rest) out += anyAscii(greekDigraphs(rest));
    rest = '';
  };
  for (const ch of text) {
    if (HANGUL.test(ch)) {
      flush();
      const surname = hangulRun === 0 ? KOREAN_SURNAMES[ch] : undefined;
      out += ` ${surname ?? romaniseHangulSyllable(ch)} `;
      hangulRun++;
      continue;
    }
    if (!LETTER_OR_MARK.test(ch)) hangulRun = 0;
    if (HAN.test(ch)) {
      flush();
      out += ` ${anyAscii(ch)} `;
      continue;
    }
    rest += ch;
  }
  flush();
  return out;
}

/** Greek "ου" is the vowel u, written "ou" (any-ascii reads the letters one by one: "oy"). */
function greekDigraphs(text: string): string {
  return /[οΟ][υΥύ]/.test(text)
    ? text.replace(
        /([οΟ])([υΥύ])/g,
        (_, o: string, u: string) => `${o === 'Ο' ? 'O' : 'o'}${u === 'Υ' ? 'U' : 'u'}`,
      )
    : text;
}
