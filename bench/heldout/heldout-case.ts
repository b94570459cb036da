/** One case of the held-out development set and the sets and classes it belongs to. */
import type { ScreeningQuery } from '@entente/core';
import type { Split } from './split.ts';

/**
 * The sets: those of issue 14, (a) UN subjects' spellings published by other
 * authorities, (b) invented persons, (c) Cyrillic → Latin, (d) class pairs;
 * and (e) an independent collection of labelled pairs (nomenklatura).
 */
export type SetId = 'a' | 'b' | 'c' | 'd' | 'e';

/** What each set holds, for reports. */
export const SET_TITLES: Record<SetId, string> = {
  a: 'UN subjects, spellings of other authorities, against the UN list',
  b: 'invented persons with birth date and nationality, against all lists',
  c: 'Cyrillic names of listed persons, against the lists without non-Latin names',
  d: 'class pairs derived from listed names (classes 1-8)',
  e: 'independent labelled pairs (nomenklatura name_benchmark checks and name_bench cases), each against its candidate alone',
};

/** The eight miss classes of issue 14 (set d). */
export const CLASS_TITLES: Record<number, string> = {
  1: 'extra name parts in the query',
  2: 'joined and split particles, surname first',
  3: 'initials',
  4: 'numbers and series',
  5: 'organisation generic words, acronyms, longer names',
  6: 'Arabic/Persian romanisation variants',
  7: 'cross-script',
  8: 'common names with contradicting birth date/nationality',
};

/** One screening case with its truth. */
export interface HeldoutCase {
  /** Stable id: set, rule and source party/name. */
  id: string;
  set: SetId;
  /** Miss class 1-8 (set d; set e where a pair fits one). */
  cls?: number;
  /** The rule that made the case (e.g. `initial-contradicts`, `eu-spelling`). */
  rule: string;
  /** Main script of the query name (fold-name.ts `scriptOf`). */
  script: string;
  /** Subject key the split is computed from (subject-clusters.ts). */
  subject: string;
  split: Split;
  /** `match`: a truth party must be found; `no-match`: no truth party may reach the threshold. */
  expect: 'match' | 'no-match';
  query: ScreeningQuery;
  /**
   * Entity ids of the listed parties the case is about. For `match` any of them
   * at rank 1 is correct; for `no-match` none may reach the threshold. Empty for
   * invented persons: any result is a false positive.
   */
  truth: string[];
  /**
   * `full`: the lists as published; `latin`: every non-Latin name removed
   * (cross-script cases); `pairs`: the candidates of set (e) alone.
   */
  index: 'full' | 'latin' | 'pairs';
  /** The listed name the case was derived from, for reading misses. */
  listed?: string;
  /**
   * Set (a) only: the case passes the spelling test v2 (distinctive words,
   * docs/decisions/2026-12-04-set-a-distinctive-words.md). Every set (a) case
   * passes v1; group `set a` holds the v2 cases, `set a (v1)` all of them.
   */
  spellingV2?: boolean;
  /**
   * Set (a) only: the case passes the spelling test v3 (v2 within one UN
   * name, docs/decisions/2026-12-05-set-a-one-name.md; v3 ⊆ v2). Group
   * `set a` holds the v3 cases, `set a (v2)` the v2 ones.
   */
  spellingV3?: boolean;
}
