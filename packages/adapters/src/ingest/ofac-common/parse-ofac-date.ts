import type { PartialDate } from '@entente/core';
import { monthDigits } from '../common/month-names.ts';

/** Words that make a date approximate. */
const CIRCA = /^(?:circa|ca\.|approximately|approx\.|about)\s+/i;

/** One date without qualifiers: `12 Oct 1972`, `Oct 1972`, `1972` or ISO `1972-10-12`. */
function parseSingleDate(text: string): Omit<PartialDate, 'to' | 'circa'> | undefined {
  const t = text.trim();
  let m = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthDigits(m[2]!);
    const day = Number(m[1]);
    if (!month || day < 1 || day > 31) return undefined;
    return { value: `${m[3]}-${month}-${String(day).padStart(2, '0')}`, precision: 'day' };
  }
  m = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthDigits(m[1]!);
    return month ? { value: `${m[2]}-${month}`, precision: 'month' } : undefined;
  }
  if (/^\d{4}$/.test(t)) return { value: t, precision: 'year' };
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { value: t, precision: 'day' };
  return undefined;
}

/**
 * A birth or establishment date as OFAC writes it ("12 Oct 1972", "Oct 1972",
 * "circa 1960", "1960 to 1962", "circa 1934-1940"), or undefined when it is not a date.
 *
 * @example
 * parseOfacDate('circa 1960') // { value: '1960', precision: 'year', circa: true }
 */
export function parseOfacDate(text: string): PartialDate | undefined {
  let t = text.trim().replace(/\.$/, '').trim();
  const circa = CIRCA.test(t);
  if (circa) t = t.replace(CIRCA, '');
  const range = /^(.+?)\s+to\s+(.+)$/i.exec(t) ?? /^(\d{4})\s*-\s*(\d{4})$/.exec(t);
  const from = parseSingleDate(range ? range[1]! : t);
  if (!from) return undefined;
  const date: PartialDate = { ...from };
  if (range) {
    const to = parseSingleDate(range[2]!);
    if (!to) return undefined;
    date.to = to.value;
  }
  if (circa) date.circa = true;
  return date;
}
