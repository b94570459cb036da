// The gap report's shape, written once here: adapters' `findGaps` builds it, `GET /gaps` answers
// it, `entente gaps` prints it and the web gaps page reads it.
import type { ControlJurisdiction } from './control-entry.ts';
import type { ControlGap, GapCategory, GapCleared } from './classify-gaps.ts';

/** The gaps between allies' lists, their counts per gap category and pair, and what was left out. */
export interface GapReport {
  jurisdictions: ControlJurisdiction[];
  /** The list category (first digit of the code) the gaps were limited to. */
  category?: number;
  gaps: ControlGap[];
  /** How many entry/jurisdiction pairs are not gaps (counterpart, implemented or not compared). */
  clearedCount: number;
  /**
   * Those pairs, each with the evidence path that clears it: only when asked for
   * (`includeCleared`), since they outnumber the gaps about five to one.
   */
  cleared?: GapCleared[];
  summary: Record<GapCategory, Record<string, number>>;
  notes: string[];
}
