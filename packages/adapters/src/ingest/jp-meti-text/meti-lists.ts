/** One of the lists METI publishes under the Foreign Exchange and Foreign Trade Act export bans. */
export interface MetiList {
  /** Prefix of the list's own entry numbers in `sourceId` (`RU-123`). */
  prefix: string;
  /** Sub-list name stored on each party. */
  subList: string;
  /** Programme code stored on each party. */
  program: string;
  /** Country of the listed bodies, used when an address names none. */
  country?: string;
  /** Text of the list's heading that identifies it (checked in order). */
  heading: RegExp;
  /** File name fallback when the heading was lost in extraction. */
  fileName: RegExp;
}

/**
 * The three METI export-ban lists, in the order their headings must be tested
 * (the third-country heading also names Russia and Belarus).
 */
export const METI_LISTS: MetiList[] = [
  {
    prefix: 'TC',
    subList: 'Third countries',
    program: 'JP-EXPORT-BAN-THIRD-COUNTRIES',
    heading: /ロシア連邦及びベラルーシ共和国以外の国の団体/,
    fileName: /daisangoku/i,
  },
  {
    prefix: 'RU',
    subList: 'Russia',
    program: 'JP-EXPORT-BAN-RUSSIA',
    country: 'RU',
    heading: /ロシア連邦の団体/,
    fileName: /russia/i,
  },
  {
    prefix: 'BY',
    subList: 'Belarus',
    program: 'JP-EXPORT-BAN-BELARUS',
    country: 'BY',
    heading: /ベラルーシ共和国の団体/,
    fileName: /belarus/i,
  },
];

/** Final words after which a trailing full stop belongs to the name ("Co., Ltd."), lower-case. */
export const ABBREVIATIONS = new Set([
  'ltd',
  'co',
  'inc',
  'corp',
  'sti',
  'şti',
  'ști',
  'tic',
  'san',
  'no',
  'st',
  'bros',
  'jr',
]);

/** Territories written inside a Chinese address ("…, Hong Kong, China") that are their own ISO country. */
export const TERRITORIES: [RegExp, string][] = [
  [/\bhong\s*kong\b/i, 'HK'],
  [/\bmaca[uo]\b/i, 'MO'],
];

/** Patronymic endings that mark a listed individual's English name ("Vladislav Vladimirovich Fedorenko"). */
export const PERSON_NAME =
  /^[A-Z][a-z]+ [A-Z][a-z]+(?:ovich|evich|yevich|ovna|evna|ich) [A-Z][a-z]+(?: \([A-Z][a-z]+\))?$/;

/** A bracketed Japanese legal form ("(有限会社)…") that is part of a name, not a Chinese name. */
export const JAPANESE_LEGAL_FORM =
  /^(?:有限会社|株式会社|合同会社|公開株式会社|非公開株式会社|有限責任会社)$/;
