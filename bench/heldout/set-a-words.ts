/**
 * The word lists of held-out set (a)'s spelling tests (set-un-spellings.ts),
 * frozen: the set's own copy of what the engine had at b67b935 (connectors,
 * generic organisation words and their groups), with the set's own
 * particles and legal-form words. The set must not import the engine's
 * lists: a word the engine comes to read as generic would move a case
 * between the set's groups, so the change tuned on the set would rewrite
 * its own test (CI, 2026-12-07: "sarafi", docs/decisions/2026-12-07-set-a-own-words.md).
 * Change a list here only as a change of the set's definition, with its
 * cases dumped before and after.
 */

/** Particles of personal names and the commonest connectors: not counted by spelling test v1. */
export const SET_A_PARTICLES: readonly string[] = [
  'al',
  'el',
  'abu',
  'abd',
  'abdul',
  'bin',
  'ibn',
  'ben',
  'bint',
  'ould',
  'ul',
  'ud',
  'ur',
  'of',
  'the',
  'and',
  'de',
  'la',
];

/** Words that join the parts of a name: the engine's connectors at b67b935 and a few more ("in", "von", "y"). */
export const SET_A_CONNECTORS: readonly string[] = [
  ...['and', 'of', 'the', 'for', 'de', 'du', 'des', 'la', 'le', 'et'],
  ...['in', 'on', 'at', 'to', 'von', 'van', 'der', 'y'],
];

/** The engine's groups of generic organisation words at b67b935 (`ORGANISATION_WORD_GROUPS`). */
export const SET_A_ORGANISATION_WORD_GROUPS: Readonly<Record<string, readonly string[]>> = {
  company: ['company', 'companies', 'sherkat', 'shirkat', 'sharikat', 'sharika', 'sirketi', 'kompaniya'],
  group: [
    ...['group', 'groups', 'groupe', 'gruppe', 'grupo', 'goruh', 'gorouh', 'gorooh', 'grouh', 'gruppa'],
    ...['majmoua', 'majmuat', 'jamaa', 'jamaat', 'jamaah', 'jemaah', 'gamaa', 'gamaat'],
  ],
  industries: [
    ...['industries', 'industry', 'industrial', 'sanaye', 'sanaie', 'sanayi', 'sanaat', 'sinaat'],
    'sinaa',
  ],
  organisation: [
    ...['organisation', 'organization', 'sazman', 'sazeman', 'munazzamat', 'munazzama'],
    'organizatsiya',
  ],
  complex: ['complex', 'compound', 'mojtame', 'mojtama', 'mojtamae', 'mujamma', 'kompleks'],
  factory: ['factory', 'factories', 'plant', 'karkhaneh', 'karkhane', 'zavod', 'fabrika', 'masna'],
  combine: ['combine', 'kombinat'],
  headquarters: ['headquarters', 'hq', 'qarargah', 'gharargah', 'gharargahe', 'shtab'],
  base: ['base', 'payegah', 'paygah'],
  institute: ['institute', 'moassese', 'moasseseh', 'muassasa', 'muassasat', 'institut'],
  foundation: ['foundation', 'bonyad', 'bunyad', 'fond', 'stichting', 'yayasan'],
  centre: ['centre', 'center', 'markaz', 'markaze', 'tsentr'],
  trading: ['trading', 'tejarat', 'tejarati', 'bazargani', 'tijara', 'tijarat', 'torgovyi'],
  engineering: ['engineering', 'mohandesi', 'handasa', 'inzhiniring'],
  services: ['services', 'service', 'khadamat', 'khedmat'],
  establishment: ['establishment', 'moasesat', 'muassasat'],
  laboratory: ['laboratory', 'laboratories', 'lab', 'labs', 'azmayeshgah'],
  branch: ['branch', 'branches', 'filiale', 'shobe', 'shobeh'],
};

/** The engine's further generic organisation words at b67b935 (`GENERIC_ORGANISATION_WORDS`). */
export const SET_A_GENERIC_ORGANISATION_WORDS: readonly string[] = [
  ...['holding', 'holdings', 'enterprise', 'enterprises', 'international', 'national', 'general'],
  ...['office', 'offices', 'research', 'department', 'agency', 'bureau', 'association', 'society'],
  ...['union', 'corporation', 'manufacturing', 'production', 'shipping', 'industrial', 'management'],
];

/** Words of legal forms and forms of organisation. */
export const SET_A_LEGAL_FORM_WORDS: readonly string[] = [
  ...['limited', 'ltd', 'llc', 'inc', 'co', 'corp', 'plc', 'jsc', 'ojsc', 'cjsc', 'pjsc', 'ooo', 'zao'],
  ...['oao', 'gmbh', 'fze', 'fzco', 'fzc', 'pvt', 'private', 'public', 'joint', 'stock', 'liability'],
  ...['incorporated', 'trust', 'firm', 'partnership'],
];

/** Words that name no one: particles, connectors, generic organisation words, legal forms. */
export const SET_A_NOT_DISTINCTIVE: ReadonlySet<string> = new Set([
  ...SET_A_PARTICLES,
  ...SET_A_CONNECTORS,
  ...Object.values(SET_A_ORGANISATION_WORD_GROUPS).flat(),
  ...SET_A_GENERIC_ORGANISATION_WORDS,
  ...SET_A_LEGAL_FORM_WORDS,
]);
