/**
 * Generic words of organisation names with their romanised Persian, Arabic,
 * Turkish and Russian equivalents, by group: the words agree with each
 * other as symbols ("Sanaye Mehran" = "Mehran Industries") and, being
 * generic, weigh little in a match (`GENERIC_WORD_FACTOR`), so that two
 * organisations sharing only "industries group" do not match. Merged into
 * the organisation symbols of any `NameReference` by `compileNameReference`.
 */
export const ORGANISATION_WORD_GROUPS: Readonly<Record<string, readonly string[]>> = {
  company: ['company', 'companies', 'sherkat', 'shirkat', 'sharikat', 'sharika', 'sirketi', 'kompaniya'],
  group: [
    'group',
    'groups',
    'groupe',
    'gruppe',
    'grupo',
    'goruh',
    'gorouh',
    'gorooh',
    'grouh',
    'gruppa',
    'majmoua',
    'majmuat',
    // Arabic jama'a / jama'at ("group"): UN QDe.115 "Jama'at Al-Tawhid Wa'al-Jihad" / "the Monotheism and Jihad Group".
    'jamaa',
    'jamaat',
    'jamaah',
    'jemaah',
    // Egyptian gama'a, read by `mine-org-translations.ts --all-lists` (OFAC SDN-4694 "Gamaa Islamiyya" / "Islamic Group").
    'gamaa',
    'gamaat',
  ],
  industries: [
    'industries',
    'industry',
    'industrial',
    'sanaye',
    'sanaie',
    'sanayi',
    'sanaat',
    'sinaat',
    'sinaa',
  ],
  organisation: [
    'organisation',
    'organization',
    'sazman',
    'sazeman',
    'munazzamat',
    'munazzama',
    'organizatsiya',
  ],
  complex: ['complex', 'compound', 'mojtame', 'mojtama', 'mojtamae', 'mujamma', 'kompleks'],
  factory: ['factory', 'factories', 'plant', 'karkhaneh', 'karkhane', 'zavod', 'fabrika', 'masna'],
  combine: ['combine', 'kombinat'],
  headquarters: ['headquarters', 'hq', 'qarargah', 'gharargah', 'gharargahe', 'shtab'],
  base: ['base', 'payegah', 'paygah'],
  institute: ['institute', 'moassese', 'moasseseh', 'muassasa', 'muassasat', 'institut'],
  // stichting (Dutch), yayasan (Malay): mined with --all-lists (OFAC SDN-7637 "Stichting Al Aqsa", SDN-8108 "Yayasan Al-Haramain").
  foundation: ['foundation', 'bonyad', 'bunyad', 'fond', 'stichting', 'yayasan'],
  centre: ['centre', 'center', 'markaz', 'markaze', 'tsentr'],
  trading: ['trading', 'tejarat', 'tejarati', 'bazargani', 'tijara', 'tijarat', 'torgovyi'],
  // inzhiniring: Russian romanised, mined with --all-lists (OFAC SDN-18287 "OOO VEB Inzhiniring" / "OOO VEB Engineering").
  engineering: ['engineering', 'mohandesi', 'handasa', 'inzhiniring'],
  services: ['services', 'service', 'khadamat', 'khedmat'],
  establishment: ['establishment', 'moasesat', 'muassasat'],
  laboratory: ['laboratory', 'laboratories', 'lab', 'labs', 'azmayeshgah'],
  branch: ['branch', 'branches', 'filiale', 'shobe', 'shobeh'],
  // Persian and Dari sarrafi, a money-exchange business: lists write such a body's name with it, with
  // "Exchange" or with neither (issue 14, set a tune, h157).
  exchange: ['exchange', 'sarafi', 'sarrafi'],
};

/**
 * Further generic words of organisation names that have no listed
 * equivalent group but say as little: they weigh `GENERIC_WORD_FACTOR` of their length.
 */
export const GENERIC_ORGANISATION_WORDS: readonly string[] = [
  'holding',
  'holdings',
  'enterprise',
  'enterprises',
  'international',
  'national',
  'general',
  'office',
  'offices',
  'research',
  'department',
  'agency',
  'bureau',
  'association',
  'society',
  'union',
  'corporation',
  'manufacturing',
  'production',
  'shipping',
  'industrial',
  'management',
];

/** Share of its length a generic organisation word weighs in a match. */
export const GENERIC_WORD_FACTOR = 0.25;

/**
 * British and American spellings of one word of organisation names ("Ministry of Defence" /
 * "Ministry of Defense", "Licence" / "License"): one word, not a misspelling, so they agree as
 * spellings of one name (0.98), where one edit scored 0.88. Distinctive words, not generic ones:
 * they are not in `ORGANISATION_WORD_GROUPS` ("centre" / "center" and "organisation" /
 * "organization" are, being generic). Merged into the name spellings by `compileNameReference`.
 */
export const BRITISH_AMERICAN_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  defence: ['defense'],
  offence: ['offense'],
  licence: ['license'],
  programme: ['program'],
  labour: ['labor'],
  harbour: ['harbor'],
  honour: ['honor'],
  armour: ['armor'],
  armoured: ['armored'],
  colour: ['color'],
  aluminium: ['aluminum'],
  theatre: ['theater'],
  fibre: ['fiber'],
  metre: ['meter'],
  calibre: ['caliber'],
  jewellery: ['jewelry'],
  tyre: ['tire'],
  catalogue: ['catalog'],
  mechanisation: ['mechanization'],
  modernisation: ['modernization'],
  industrialisation: ['industrialization'],
  privatisation: ['privatization'],
  standardisation: ['standardization'],
  specialised: ['specialized'],
  authorised: ['authorized'],
  fertiliser: ['fertilizer'],
  stabilisation: ['stabilization'],
};
