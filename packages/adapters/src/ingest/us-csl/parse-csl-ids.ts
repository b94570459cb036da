import { isCountryCode } from '@entente/core';
import type { CslId } from './csl-record.ts';
import { isKnownLabel } from './csl-id-types.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the CSV `ids` column: items separated by "; ", each either in the
 * current order "Label, value[, CC]" ("Passport, 836238033, KP") or the older
 * order "[CC, ][issue date, ]value, Label" ("CA, BC166787, Passport").
 */
export function parseCslIdsColumn(text: string): CslId[] {
  const out: CslId[] = [];
  for (const item of text.split(/;\s+/)) {
    const parts = item
      .split(', ')
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length < 2) continue;
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    const labelFirst =
      !isCountryCode(first) && (isKnownLabel(first) || (!isKnownLabel(last) && !/^[A-Z]{2}$/.test(first)));
    if (labelFirst) {
      const country = parts.length >= 3 && isCountryCode(last) ? last : undefined;
      const value = parts.slice(1, country ? -1 : undefined).join(', ');
      out.push(country ? { label: first, value, country } : { label: first, value });
    } else {
      let rest = parts.slice(0, -1);
      const country = rest.length >= 2 && isCountryCode(rest[0]!) ? rest[0] : undefined;
      if (country) rest = rest.slice(1);
      if (rest.length >= 2) rest = rest.filter((p) => !DAY.test(p));
      const value = rest.join(', ');
      out.push(country ? { label: last, value, country } : { label: last, value });
    }
  }
  return out;
}
