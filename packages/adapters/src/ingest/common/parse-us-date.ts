import type { PartialDate } from '@entente/core';
import { monthDigits } from './month-names.ts';

function isValidDay(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** Two-digit years as US publishers write them ("11/21/11"): 00–39 are 20xx, the rest 19xx. */
function fullYear(y: string): string {
  if (y.length === 4) return y;
  const n = Number(y);
  return String(n < 40 ? 2000 + n : 1900 + n);
}

/**
 * A US-style calendar date as `YYYY-MM-DD`: `2023-11-01`, `11/21/2011`,
 * `11/21/11`, `21 Nov 2011`. Undefined when the text is not one of these or
 * not a real day.
 */
export function parseUsDate(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return isValidDay(m[1]!, m[2]!, m[3]!) ? t : undefined;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const [y, mo, d] = [fullYear(m[3]!), m[1]!.padStart(2, '0'), m[2]!.padStart(2, '0')];
    return isValidDay(y, mo, d) ? `${y}-${mo}-${d}` : undefined;
  }
  m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4})$/.exec(t);
  if (m) {
    const mo = monthDigits(m[2]!);
    const d = m[1]!.padStart(2, '0');
    return mo && isValidDay(m[3]!, mo, d) ? `${m[3]}-${mo}-${d}` : undefined;
  }
  return undefined;
}

/**
 * A birth date as the CSL writes it: `1962-08-06`, `1955`, `circa 1970`,
 * `1960 to 1962`, `Feb 1971`, `circa 01 Jul 1969`, `12/31/1960`. Undefined
 * when unrecognised (the caller warns `bad-date`).
 */
export function parseCslBirthDate(text: string): PartialDate | undefined {
  let t = text.trim();
  const circa = /^(circa|approximately|approx\.?|c\.)\s+/i.test(t);
  if (circa) t = t.replace(/^\S+\s+/, '');
  const range = /^(\d{4}) to (\d{4})$/.exec(t);
  if (range) return { value: range[1]!, precision: 'year', to: range[2]!, ...(circa ? { circa } : {}) };
  let date: PartialDate | undefined;
  if (/^\d{4}$/.test(t)) date = { value: t, precision: 'year' };
  const monthYear = /^([A-Za-z]{3})[a-z]*\.? (\d{4})$/.exec(t);
  if (monthYear && monthDigits(monthYear[1]!)) {
    date = { value: `${monthYear[2]}-${monthDigits(monthYear[1]!)}`, precision: 'month' };
  }
  const isoMonth = /^(\d{4})-(\d{2})$/.exec(t);
  if (isoMonth && Number(isoMonth[2]) >= 1 && Number(isoMonth[2]) <= 12)
    date = { value: t, precision: 'month' };
  const day = date ? undefined : parseUsDate(t);
  if (day) date = { value: day, precision: 'day' };
  if (!date) return undefined;
  return circa ? { ...date, circa } : date;
}
