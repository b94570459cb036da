/** Country headings of 15 CFR 744 supplements that the shared country table does not resolve. */
export const COUNTRY_HEADINGS: Record<string, string> = {
  'CRIMEA REGION OF UKRAINE': 'UA',
};

/** Where the Entity List and MEU are published (the eCFR appendix pages). */
export const SUPPLEMENT_URLS = {
  entityList:
    'https://www.ecfr.gov/current/title-15/part-744/appendix-Supplement%20No.%204%20to%20Part%20744',
  meu: 'https://www.ecfr.gov/current/title-15/part-744/appendix-Supplement%20No.%207%20to%20Part%20744',
} as const;
