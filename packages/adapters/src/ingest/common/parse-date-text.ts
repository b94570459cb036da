import type { PartialDate } from '@entente/core';
import { MONTH_NUMBERS } from './month-names.ts';

/** What `parseDateText` made of a free-form date cell: the dates it read and the pieces it could not. */
export interface DateTextResult {
  dates: PartialDate[];
  unparsed: string[];
}

// Words publishers put before or after a date to say it is approximate.
const CIRCA = /\b(?:approximately|approx|circa|ca|about|probably|possibly|presumed|around)\b\.?:?\s*/gi;
// Enumerators such as "(a)", "b)", "(ii)" that separate alternative dates.
const ENUMERATOR = /(^|[\s,;])\(?(?:[a-h]|i{1,3}|iv|v)\)\s*/gi;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isValidDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** One date without range or circa: ISO, dotted or slashed (day first), or worded. */
export function parseSingleDate(text: string): PartialDate | undefined {
  const t = text
    .trim()
    .replace(/^\(|\)$/g, '')
    .replace(/\.$/, '')
    .trim();
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(t);
  if (m) return build(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  m = /^(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./\s]\s*(\d{4})$/.exec(t);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s*[./]\s*(\d{4})$/.exec(t);
  if (m) return build(Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?\s*(\d{4})$/.exec(t);
  if (m) return buildWorded(m[3], m[2], m[1]);
  m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m) return buildWorded(m[3], m[1], m[2]);
  m = /^([A-Za-z]+)\.?,?\s*(\d{4})$/.exec(t);
  if (m) return buildWorded(m[2], m[1]);
  return undefined;
}

function buildWorded(
  year: string | undefined,
  month: string | undefined,
  day?: string,
): PartialDate | undefined {
  const mm = MONTH_NUMBERS[(month ?? '').toLowerCase()];
  if (!mm) return undefined;
  return build(Number(year), mm, day ? Number(day) : undefined);
}

function build(y: number, m?: number, d?: number): PartialDate | undefined {
  if (y < 1800 || y > 2100) return undefined;
  if (m === undefined) return { value: String(y), precision: 'year' };
  if (m < 1 || m > 12) return undefined;
  if (d === undefined) return { value: `${y}-${pad(m)}`, precision: 'month' };
  if (!isValidDay(y, m, d)) return undefined;
  return { value: `${y}-${pad(m)}-${pad(d)}`, precision: 'day' };
}

function parseRange(text: string): PartialDate | undefined {
  const m = /^(?:between\s+)?(.+?)\s*(?:\band\b|\bto\b|-|–|\/)\s*(.+)$/i.exec(text);
  if (!m || /^\d{4}-\d{1,2}(-\d{1,2})?$/.test(text)) return undefined;
  const from = parseSingleDate(m[1] ?? '');
  const to = parseSingleDate(m[2] ?? '');
  if (!from || !to || from.precision !== to.precision || to.value < from.value) return undefined;
  return { ...from, to: to.value };
}

// "1960s": the decade as a range.
function parseDecade(text: string): PartialDate | undefined {
  const m = /^(\d{3})0s$/.exec(text);
  return m ? { value: `${m[1]}0`, to: `${m[1]}9`, precision: 'year' } : undefined;
}

// "5.9.1990 (Singapore)", "24.4.1991 as ‘…’", "8.5.1967 Gender: female": a date followed by a comment.
function parseWithComment(text: string): PartialDate | undefined {
  const stripped = text
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/\s+as\s+.*$/i, '')
    .trim();
  if (stripped !== text) return parseSingleDate(stripped) ?? parseRange(stripped);
  const lead = /^(\d{1,2}\.\d{1,2}\.\d{4})\s+[A-Za-z]+:/.exec(text);
  return lead ? parseSingleDate(lead[1] ?? '') : undefined;
}

function parsePiece(piece: string): PartialDate | undefined {
  let circa = false;
  const text = piece
    .replace(/\(\s*(approximately|circa|probably)\s*\)/gi, () => {
      circa = true;
      return ' ';
    })
    .replace(CIRCA, () => {
      circa = true;
      return '';
    })
    .replace(/\(gregorian calendar\)/i, '')
    .replace(/^(?:born|established|founded|registered)?\s*(?:in|on)?\s+/i, '')
    .trim();
  const date = parseSingleDate(text) ?? parseRange(text) ?? parseDecade(text) ?? parseWithComment(text);
  if (!date) return undefined;
  return circa ? { ...date, circa: true } : date;
}

/**
 * Reads a free-form date cell ("27.3.1961", "4 Apr. 1944", "Approximately 1952",
 * "Between 1959 and 1965", "(a) 1.1.1964, (b) 1.2.1964", "1954 or 1955") into
 * partial dates; pieces it cannot read (other calendars, ages) come back in `unparsed`.
 *
 * @example
 * parseDateText('circa 1958').dates // [{ value: '1958', precision: 'year', circa: true }]
 */
export function parseDateText(text: string): DateTextResult {
  const dates: PartialDate[] = [];
  const unparsed: string[] = [];
  const cleaned = text
    .replace(/["“”]/g, ' ')
    .replace(ENUMERATOR, '$1;')
    .replace(/\(or\s+/gi, ';(');
  // A comma separates alternatives, except in "February 26, 1969".
  for (const raw of cleaned.split(/;|\s\/\s|(?<![A-Za-z]{3,}\.?\s+\d{1,2}),|\bor\b/i)) {
    const piece = raw
      .trim()
      .replace(/^\((.*)\)$/, '$1')
      .trim();
    if (!piece) continue;
    // "06/10/1956 20/06/1956": dates separated by a space only.
    const spaced = piece.split(/\s+(?=\d)/);
    const found = [parsePiece(piece)];
    if (!found[0] && spaced.length > 1) found.splice(0, 1, ...spaced.map(parsePiece));
    if (found.some((d) => !d)) {
      unparsed.push(piece);
      continue;
    }
    for (const date of found) {
      if (date && !dates.some((d) => d.value === date.value && d.to === date.to)) dates.push(date);
    }
  }
  return { dates, unparsed };
}
