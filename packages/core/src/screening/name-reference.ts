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
  /** Person name words by group (`jr` → junior; `khuylo` → putin, путин…). */
  personSymbols: Record<string, string[]>;
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
}
