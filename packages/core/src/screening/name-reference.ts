/** One legal form with its spellings (`LLC`, `OOO`, `Limited Liability Company`…). */
export interface OrgTypeReference {
  /** Short human form, e.g. `LLC`. */
  display?: string;
  /** Form used for comparison when it differs from `display`. */
  compare?: string;
  /** Cross-jurisdiction class, e.g. `LLC` for OOO, GmbH and Ltd. */
  generic?: string;
  aliases: string[];
}

/**
 * Readings of names written in Han characters (Chinese characters used as
 * hanja in Korean and kanji in Japanese), from which the matcher derives
 * romanised forms beside the pinyin any-ascii gives: 金正恩 is also read
 * "kim jong un", 山田太郎 "yamada taro". Loaded by the adapters from
 * dictionary packages; without it only the pinyin is used.
 */
export interface HanReadings {
  /** Sino-Korean reading of each Han character, one Hangul syllable (正 → 정). */
  korean: ReadonlyMap<string, string>;
  /** Readings a character takes as a Korean family name where they differ (金 → 김). */
  koreanFamily: ReadonlyMap<string, string>;
  /** Japanese family names in kanji → romanised readings (Hepburn, long vowels single), commonest first. */
  japaneseFamily: ReadonlyMap<string, readonly string[]>;
  /** Japanese given names in kanji → romanised readings, commonest first. */
  japaneseGiven: ReadonlyMap<string, readonly string[]>;
}

/**
 * The name reference data the matcher takes as an argument (core reads no
 * files): legal forms, cross-language symbols and nicknames, titles,
 * stopwords and confusable characters. The adapters' `loadNameReference(dir)`
 * fills it from `reference/names/*.yml`; `DEFAULT_NAME_REFERENCE` is a small
 * built-in fallback.
 */
export interface NameReference {
  orgTypes: OrgTypeReference[];
  /** Organisation words by group (`co` → company, corporation, компания…). */
  orgSymbols: Record<string, string[]>;
  /** Person name words by group (`jr` → junior, `dr` → doctor). */
  personSymbols: Record<string, string[]>;
  /**
   * Spellings of one name across languages and scripts, by group (`khuylo`
   * → putin, poutine, путин, プーチン…): the same name, so they agree almost
   * as well as the same spelling (optional).
   */
  nameSpellings?: Record<string, string[]>;
  /** Nicknames by group (`bob` → Bob, Robert). */
  nicknames: Record<string, string[]>;
  /** Honorifics and titles dropped from person names (`Mr`, `Dr`, `President`). */
  titles: string[];
  /** Words dropped from organisation names (`The`, `Le`, `La`). */
  orgPrefixes: string[];
  /** Names so common that they say little on their own (`muhammad`, `abu bakr`). */
  genericPersonNames: string[];
  /** Pairs of characters easily confused in copying (`0`/`o`, `1`/`l`). */
  confusables: [string, string][];
  /** Korean and Japanese readings of Han-character names (optional, see `HanReadings`). */
  hanReadings?: HanReadings;
}
