import type { Denial } from './sharing-model.ts';

/** How long a denial stays valid when the notifying agency does not say (regime practice: three years). */
export const DEFAULT_DENIAL_VALIDITY_YEARS = 3;

/** The default last day of validity: `years` after the denial date, same month and day (28 Feb for 29 Feb). */
export function defaultValidUntil(deniedOn: string, years = DEFAULT_DENIAL_VALIDITY_YEARS): string {
  const [y, m, d] = deniedOn.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February plus three years overflows into March: keep the last day of February.
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** True when the denial is active and `today` (`YYYY-MM-DD`) is on or before its last valid day. */
export function isDenialValid(denial: Pick<Denial, 'status' | 'validUntil'>, today: string): boolean {
  return denial.status === 'active' && today <= denial.validUntil;
}
