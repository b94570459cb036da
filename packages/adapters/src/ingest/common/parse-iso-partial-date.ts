import type { PartialDate } from '@entente/core';

/** True when year, month and day name a real calendar day (1 to 12, 1 to 28..31). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` string as a PartialDate with its
 * precision, or undefined when it is not one (or not a real date).
 *
 * @example
 * parseIsoPartialDate('1968-05') // { value: '1968-05', precision: 'month' }
 */
export function parseIsoPartialDate(text: string): PartialDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (mo === undefined) return { value: y!, precision: 'year' };
  if (d === undefined) {
    return Number(mo) >= 1 && Number(mo) <= 12 ? { value: `${y}-${mo}`, precision: 'month' } : undefined;
  }
  if (!isCalendarDate(Number(y), Number(mo), Number(d))) return undefined;
  return { value: `${y}-${mo}-${d}`, precision: 'day' };
}
