/**
 * Class 4 transformations: numbers written as words or digits, Roman series
 * numbers as digits (should match), and another series number (should not).
 */
import { words } from './transform-names.ts';

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);

/** English words for 0-99, capitalised and hyphenated ("Forty-Four"). */
export function numberWords(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 99) return undefined;
  if (n < 20) return cap(ONES[n]!);
  const t = cap(TENS[Math.floor(n / 10)]!);
  return n % 10 ? `${t}-${cap(ONES[n % 10]!)}` : t;
}

const ROMAN: [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** Roman numeral for 1-39. */
export function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) [out, n] = [out + s, n - v];
  return out;
}

/** Value of a Roman numeral of two or more letters up to 39 (a lone "I", "V" or "X" is too often a letter). */
export function fromRoman(word: string): number | undefined {
  if (!/^[IVX]{2,6}$/.test(word)) return undefined;
  for (let n = 1; n < 40; n++) if (toRoman(n) === word) return n;
  return undefined;
}

const isNumber = (w: string): boolean => /^\d{1,2}$/.test(w);

/** Should match: the first free-standing number 1-99 written in words, or a Roman numeral in digits. */
export function sameNumberOtherForm(name: string): string | undefined {
  const w = words(name);
  const i = w.findIndex((x) => isNumber(x) || fromRoman(x) !== undefined);
  if (i < 0) return undefined;
  const x = w[i]!;
  const replaced = isNumber(x) ? numberWords(Number(x)) : String(fromRoman(x));
  return replaced ? [...w.slice(0, i), replaced, ...w.slice(i + 1)].join(' ') : undefined;
}

/** Should not match: the first free-standing number or Roman numeral changed to the next one, same form. */
export function otherSeriesNumber(name: string): string | undefined {
  const w = words(name);
  const i = w.findIndex((x) => isNumber(x) || fromRoman(x) !== undefined);
  if (i < 0) return undefined;
  const x = w[i]!;
  const next = isNumber(x) ? String(Number(x) + 1) : toRoman(fromRoman(x)! + 1);
  return [...w.slice(0, i), next, ...w.slice(i + 1)].join(' ');
}
