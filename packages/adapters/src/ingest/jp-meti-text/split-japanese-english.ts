/** A character of Japanese (kanji, hiragana, katakana) text. */
export const JP_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A parenthesised name written only in Chinese characters, e.g. "(广州欧赛科技有限公司)". */
export const HAN_PAREN = /\((?!別称)(\p{Script=Han}[\p{Script=Han}、\n]*(?:\([\p{Script=Han}\n]+\))?)\)/gu;

/**
 * Splits a block that holds a Japanese name followed by its English version
 * into the two. The English part starts at a line (or, where the PDF
 * extraction glued lines, right after a Japanese character) outside any
 * bracket, whose rest holds no Japanese apart from a Chinese name in brackets.
 *
 * @example
 * splitJapaneseEnglish('株式会社スホイ\nSukhoi Aviation JSC') // ['株式会社スホイ', 'Sukhoi Aviation JSC']
 */
export function splitJapaneseEnglish(block: string): [japanese: string, english: string] {
  let depth = 0;
  for (let i = 0; i < block.length; i++) {
    const ch = block[i]!;
    const prev = i === 0 ? '\n' : block[i - 1]!;
    // "(OOO) Microelectronic…": an English line may open with a bracket.
    const bracketLine = depth === 0 && prev === '\n' && ch === '(' && /[A-Za-z]/.test(block[i + 1] ?? '');
    if (ch === '(' || ch === '「') depth++;
    else if ((ch === ')' || ch === '」') && depth > 0) depth--;
    if (!bracketLine && (depth > 0 || !/[A-Za-z0-9"“]/.test(ch))) continue;
    const atLineStart = prev === '\n';
    const afterJapanese = JP_CHAR.test(prev) || prev === ')' || prev === '」';
    if (!atLineStart && !afterJapanese) continue;
    const end = block.indexOf('\n', i);
    const rest = block.slice(i, end === -1 ? undefined : end);
    if (JP_CHAR.test(rest.replace(HAN_PAREN, ''))) continue;
    // A Latin word glued to Japanese is an English name only when it looks like one.
    if (!atLineStart && !(rest.length >= 4 && /[a-z ]/.test(rest))) continue;
    return [block.slice(0, i).trim(), block.slice(i).trim()];
  }
  return [block.trim(), ''];
}

/** Joins wrapped Japanese lines: no space, except between two Latin words. */
export function joinJapaneseLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .reduce(
      (acc, l) => (acc && /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(l) ? `${acc} ${l}` : acc + l),
      '',
    );
}

/** Joins wrapped English lines with a space, or with nothing after a line-end hyphen ("High-\ntech"). */
export function joinEnglishLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .reduce((acc, l) => (acc === '' ? l : /\w[-–]$/.test(acc) ? acc + l : `${acc} ${l}`), '')
    .replace(/\s+/g, ' ');
}

/** Splits text at separators that stand outside brackets. */
export function splitOutsideBrackets(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '「') depth++;
    else if ((ch === ')' || ch === '」') && depth > 0) depth--;
    else if (depth === 0) {
      const m = separator.exec(text.slice(i));
      if (m && m.index === 0) {
        parts.push(text.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}
