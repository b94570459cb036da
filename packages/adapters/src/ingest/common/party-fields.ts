import { detectScript } from '@entente/core';
import type { CountryRole, NameQuality, PartyCountry, PartyName } from '@entente/core';
import { countryCodeFor } from './country-spellings.ts';

/** Collapses whitespace and trims; empty strings become undefined. */
export function cleanText(text: string | undefined | null): string | undefined {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length > 0 ? t : undefined;
}

/** A party name with its script detected; undefined for a blank name. */
export function buildName(
  full: string | undefined,
  quality: NameQuality,
  parts?: PartyName['parts'],
): PartyName | undefined {
  const text = cleanText(full);
  if (!text) return undefined;
  const script = detectScript(text);
  return {
    full: text,
    ...(parts && Object.keys(parts).length > 0 ? { parts } : {}),
    ...(script ? { script } : {}),
    quality,
  };
}

/** Appends a name unless the party already has one with the same text (keeping the stronger quality first). */
export function addName(names: PartyName[], name: PartyName | undefined): void {
  if (!name) return;
  if (names.some((n) => n.full.toLowerCase() === name.full.toLowerCase())) return;
  names.push(name);
}

/** Appends a value to a list unless it is already there. */
export function addUnique<T>(list: T[], value: T | undefined): void {
  if (value === undefined || value === '') return;
  if (!list.includes(value)) list.push(value);
}

/**
 * Adds the country a publisher names (with `role`) and returns its code;
 * returns undefined when the name is not recognised so the caller can warn.
 */
export function addCountry(countries: PartyCountry[], name: string, role: CountryRole): string | undefined {
  const code = countryCodeFor(name);
  if (!code) return undefined;
  if (!countries.some((c) => c.code === code && c.role === role)) countries.push({ code, role });
  return code;
}
