/**
 * English month names and abbreviations as the publishers write them ("12 Oct
 * 1972", "25 January 2001", "Sept 1960"), keyed in lower case: the one month
 * table of the ingest formats.
 */
export const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** The two-digit month (`"01"`…`"12"`) of a month name or abbreviation, in any case. */
export function monthDigits(name: string): string | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(MONTH_NUMBERS, key) ? String(MONTH_NUMBERS[key]).padStart(2, '0') : undefined;
}
