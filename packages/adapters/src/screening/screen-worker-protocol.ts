import type { NameReference, Party, ScreeningMatch, ScreeningOptions, ScreeningQuery } from '@entente/core';

/** What every screening worker starts with. */
export interface WorkerData {
  parties: { party: Party; versionId?: number }[];
  reference: NameReference;
  options: ScreeningOptions;
}

/** A chunk of validated subjects to screen. */
export interface WorkerRequest {
  chunk: number;
  rows: { seq: number; query: ScreeningQuery }[];
}

/** The matches for a chunk, by subject sequence number. */
export interface WorkerResponse {
  chunk: number;
  results: { seq: number; matches: ScreeningMatch[] }[];
}
