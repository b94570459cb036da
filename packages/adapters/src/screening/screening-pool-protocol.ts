import type { NameReference, Party, ScreeningMatch, ScreeningOptions, ScreeningQuery } from '@entente/core';

/** What a pool worker starts with: the parties to index and the name reference. */
export interface PoolWorkerData {
  parties: { party: Party; versionId?: number }[];
  reference: NameReference;
}

/** Subjects to screen with the same options (one for a request, a chunk for a batch). */
export interface PoolRequest {
  id: number;
  queries: ScreeningQuery[];
  options: ScreeningOptions;
}

/** The matches for each subject, in order, or the error screening raised. */
export type PoolResponse =
  | { id: number; matches: ScreeningMatch[][] }
  | {
      id: number;
      error: { name: string; message: string; code?: string; details?: Record<string, unknown> };
    };
