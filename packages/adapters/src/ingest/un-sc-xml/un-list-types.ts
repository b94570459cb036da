/**
 * The Security Council resolution that established each sanctions regime,
 * keyed by the XML's `UN_LIST_TYPE` (cleaning rule as data; the XML names only the regime).
 */
export const UN_LIST_LEGAL_BASIS: Record<string, string> = {
  'Al-Qaida': 'UNSC Resolution 1267 (1999), 1989 (2011) and 2253 (2015)',
  Taliban: 'UNSC Resolution 1988 (2011)',
  DPRK: 'UNSC Resolution 1718 (2006)',
  Iran: 'UNSC Resolution 1737 (2006)',
  Iraq: 'UNSC Resolution 1518 (2003)',
  DRC: 'UNSC Resolution 1533 (2004)',
  Libya: 'UNSC Resolution 1970 (2011)',
  Somalia: 'UNSC Resolution 2713 (2023)',
  Sudan: 'UNSC Resolution 1591 (2005)',
  SouthSudan: 'UNSC Resolution 2206 (2015)',
  CAR: 'UNSC Resolution 2127 (2013)',
  Yemen: 'UNSC Resolution 2140 (2014)',
  Haiti: 'UNSC Resolution 2653 (2022)',
  GB: 'UNSC Resolution 2048 (2012)',
};

/** The publisher's page for the consolidated list (the XML carries no per-entry URL). */
export const UN_SC_LIST_URL = 'https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list';
