/** What a SEMA `Country` cell stands for: the regulations, the programme name and the targeted country. */
export interface SemaRegime {
  program: string;
  legalBasis: string;
  country?: string;
}

/**
 * SEMA `Country` cells (English part, before " / ") → regulations and country
 * (cleaning rule as data). JVCFOR is the Magnitsky-type act, not a country.
 */
export const SEMA_REGIMES: Record<string, SemaRegime> = {
  Burma: { program: 'Burma', legalBasis: 'Special Economic Measures (Burma) Regulations', country: 'MM' },
  Iran: { program: 'Iran', legalBasis: 'Special Economic Measures (Iran) Regulations', country: 'IR' },
  Nicaragua: {
    program: 'Nicaragua',
    legalBasis: 'Special Economic Measures (Nicaragua) Regulations',
    country: 'NI',
  },
  Russia: { program: 'Russia', legalBasis: 'Special Economic Measures (Russia) Regulations', country: 'RU' },
  'South Sudan': {
    program: 'South Sudan',
    legalBasis: 'Special Economic Measures (South Sudan) Regulations',
    country: 'SS',
  },
  Syria: { program: 'Syria', legalBasis: 'Special Economic Measures (Syria) Regulations', country: 'SY' },
  Ukraine: {
    program: 'Ukraine',
    legalBasis: 'Special Economic Measures (Ukraine) Regulations',
    country: 'UA',
  },
  Venezuela: {
    program: 'Venezuela',
    legalBasis: 'Special Economic Measures (Venezuela) Regulations',
    country: 'VE',
  },
  Zimbabwe: {
    program: 'Zimbabwe',
    legalBasis: 'Special Economic Measures (Zimbabwe) Regulations',
    country: 'ZW',
  },
  'Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR)': {
    program: 'JVCFOR',
    legalBasis: 'Justice for Victims of Corrupt Foreign Officials Regulations',
  },
};

/** The publisher's page for the list (the XML carries no per-entry URL). */
export const SEMA_LIST_URL =
  'https://www.international.gc.ca/world-monde/international_relations-relations_internationales/sanctions/consolidated-consolide.aspx';
