import type { CountryRole, NameQuality } from '@entente/core';

/** Alias keywords in the remarks column. OFAC puts only its weak ("low quality") aliases there. */
export const REMARK_ALIAS_PREFIXES: { prefix: string; quality: NameQuality }[] = [
  { prefix: 'a.k.a.', quality: 'weak' },
  { prefix: 'f.k.a.', quality: 'weak' },
  { prefix: 'n.k.a.', quality: 'weak' },
];

/** Remark keywords that introduce a country, with the role it plays. */
export const REMARK_COUNTRY_KEYWORDS: { keyword: string; role: CountryRole }[] = [
  { keyword: 'Nationality of Registration', role: 'jurisdiction' },
  { keyword: 'nationality', role: 'nationality' },
  { keyword: 'citizen', role: 'citizenship' },
  { keyword: 'Vessel Flag', role: 'flag' },
];

/** Remark keywords that introduce a birth (or establishment) date. */
export const REMARK_DATE_KEYWORDS = ['DOB', 'Organization Established Date'];

/** Remark keywords that introduce a place of birth. */
export const REMARK_PLACE_KEYWORDS = ['POB'];

/** Gender values as published, and how we store them. */
export const GENDERS: Record<string, string> = { male: 'male', female: 'female' };

/** Words that end an identifier value and start its issue/expiry details. */
export const IDENTIFIER_VALUE_END =
  /(?:^|\s+)(?:\(|issued\b|expires\b|Issue Date\b|Expiration Date\b|place of issue\b)|,\s*issued\b/i;

/** Identifier types whose values carry brackets of their own ("(218) (0)214778301"). */
export const BRACKETED_VALUE_TYPES = new Set(['phone']);
