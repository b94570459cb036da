import type { NameReference, OrgTypeReference } from './name-reference.ts';

/**
 * Small built-in reference used when no `reference/names/` directory is
 * available: the commonest legal forms, titles and nicknames. The full data
 * (MIT, from OpenSanctions' rigour) is loaded by the adapters.
 */
export const DEFAULT_NAME_REFERENCE: NameReference = {
  orgTypes: [
    {
      display: 'LLC',
      generic: 'LLC',
      aliases: ['LLC', 'L.L.C.', 'Limited Liability Company', 'Limited Liability Co'],
    },
    {
      display: 'OOO',
      generic: 'LLC',
      aliases: [
        'OOO',
        'ООО',
        'Общество с ограниченной ответственностью',
        'Obshchestvo s ogranichennoy otvetstvennostyu',
      ],
    },
    { display: 'GmbH', generic: 'LLC', aliases: ['GmbH', 'Gesellschaft mit beschränkter Haftung'] },
    {
      display: 'Ltd',
      generic: 'LLC',
      aliases: ['Ltd', 'Ltd.', 'Limited', 'Private Limited', 'Pvt Ltd', 'Co Ltd', 'Co., Ltd.'],
    },
    { display: 'SARL', generic: 'LLC', aliases: ['SARL', 'S.A.R.L.', 'Société à responsabilité limitée'] },
    {
      display: 'JSC',
      generic: 'JSC',
      aliases: [
        'JSC',
        'Joint Stock Company',
        'Joint-Stock Company',
        'AO',
        'АО',
        'OAO',
        'ОАО',
        'PAO',
        'ПАО',
        'ZAO',
        'ЗАО',
        'PJSC',
        'CJSC',
        'OJSC',
      ],
    },
    { display: 'PLC', generic: 'JSC', aliases: ['PLC', 'P.L.C.', 'Public Limited Company'] },
    { display: 'AG', generic: 'JSC', aliases: ['AG', 'Aktiengesellschaft'] },
    { display: 'SA', generic: 'JSC', aliases: ['SA', 'S.A.', 'Sociedad Anónima', 'Société anonyme'] },
    {
      display: 'Inc',
      generic: 'JSC',
      aliases: ['Inc', 'Inc.', 'Incorporated', 'Corp', 'Corp.', 'Corporation'],
    },
    { display: 'KK', generic: 'JSC', aliases: ['KK', 'Kabushiki Kaisha', '株式会社'] },
    // Non-profit forms, as the full reference writes them (org_types.yml: АНО, NGO, NPO).
    {
      display: 'АНО',
      generic: 'NGO',
      aliases: [
        'ANO',
        'АНО',
        'Автономная некоммерческая организация',
        'Avtonomnaya Nekommercheskaya Organizatsiya',
        'Autonomous Non-Profit Organization',
      ],
    },
    {
      display: 'NGO',
      generic: 'NGO',
      aliases: [
        'NGO',
        'NPO',
        'Non-Governmental Organization',
        'Non-Profit Organization',
        'Charitable Foundation',
      ],
    },
  ],
  orgSymbols: {
    co: ['company', 'co', 'compagnie', 'compania', 'kompaniya', 'компания', 'شركة'],
    intl: ['international', 'intl', 'internacional', 'international'],
    trd: ['trading', 'trade', 'торговая'],
  },
  personSymbols: { jr: ['jr', 'junior'], sr: ['sr', 'snr', 'senior'] },
  nicknames: {
    bob: ['bob', 'robert'],
    bill: ['bill', 'william'],
    ted: ['ted', 'theodore', 'edward'],
    jim: ['jim', 'james'],
    mike: ['mike', 'michael'],
    alex: ['alex', 'alexander', 'aleksandr'],
  },
  titles: [
    'mr',
    'mrs',
    'ms',
    'miss',
    'dr',
    'prof',
    'sir',
    'sheikh',
    'haji',
    'mullah',
    'maulvi',
    'mawlawi',
    'general',
    'president',
  ],
  orgPrefixes: ['the', 'le', 'la'],
  genericPersonNames: ['muhammad', 'mohammed', 'mohammad', 'hassan', 'abu bakr', 'abdul rahman'],
  confusables: [
    ['0', 'o'],
    ['1', 'l'],
    ['1', 'i'],
    ['5', 's'],
  ],
};

/**
 * Titles in other languages that the reference data lacks but that lists and
 * users write in front of names ("Presidente Putin", "Putyin elnök").
 */
export const EXTRA_TITLES: readonly string[] = [
  'president',
  'presidente',
  'prasident',
  'predsjednik',
  'presedintele',
  'presiden',
  'prezydent',
  'prezident',
  'elnok',
  'prezidentas',
  'prezidentti',
  'prezidenta',
  'prezidentom',
  'sheikh',
  'shaykh',
  'shaikh',
  'haji',
  'hajji',
  'mullah',
  'mulla',
  'maulvi',
  'mawlawi',
  'maulana',
  'qari',
  'doctor',
  'dr',
  'engineer',
  'eng',
];

/**
 * Legal forms that the reference data lacks but lists write: South Asian companies' "Pvt. Ltd.",
 * "(Pvt) Limited", "Private Ltd" (the reference has "private limited [company]" only). Without
 * them "Pvt" stayed a name word before "Ltd" in an organisation's reading and was dropped as a
 * title (a private soldier's) in the reading of a party of no given kind.
 */
export const EXTRA_LEGAL_FORMS: readonly OrgTypeReference[] = [
  { display: 'Pvt Ltd', generic: 'LLC', compare: 'Ltd', aliases: ['pvt ltd', 'pvt limited', 'private ltd'] },
];

/**
 * Given names and patronymics whose spellings across languages are too far
 * apart for edit distance or sound ("Volodymyr" and "Uladzimir" for
 * Vladimir, "Alexandros" for Alexander), and written abbreviations of a
 * given name ("Mohd" for Muhammad), merged into the person symbols.
 */
export const EXTRA_PERSON_SYMBOLS: Readonly<Record<string, readonly string[]>> = {
  vladimir: ['vladimir', 'volodymyr', 'volodimir', 'wladimir', 'wlodzimierz', 'uladzimir', 'vladimiro'],
  vladimirovich: [
    'vladimirovich',
    'volodymyrovych',
    'volodimirovich',
    'wladimirowitsch',
    'wladimirowicz',
    'uladzimiravich',
  ],
  alexander: [
    'alexander',
    'aleksandr',
    'alexandr',
    'oleksandr',
    'alexandros',
    'aleksandros',
    'alexandre',
    'alessandro',
    'alejandro',
    'aleksander',
  ],
  sergei: ['sergei', 'sergey', 'serhiy', 'serhii', 'siarhei', 'sergiy', 'serej', 'siergiej'],
  // The written abbreviations of Muhammad (Malaysia, Singapore, Brunei: "Mohd", "Muhd") share
  // two or three of its letters, too few for edit distance or sound. "Md" (Bangladesh) is left
  // out: it is also the reference's "MD" (Doctor of Medicine).
  muhammad: ['muhammad', 'muhammed', 'mohammad', 'mohammed', 'mohamed', 'mohamad', 'muhamad', 'mohd', 'muhd'],
  // "Abu" (father of) in the genitive after a noun ("ibn Abi Talib"), also written alone as a
  // kunya's first word: the same word, one letter apart, too short for an edit.
  abu: ['abu', 'abou', 'abi'],
};
