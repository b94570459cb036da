import type { ColumnParty, NameReference, TokenFactColumns } from '@entente/core';

/** Main thread → column build worker. */
export type ColumnBuildRequest =
  /** Parties as their JSON, to normalise (`columnPartyOf`) and encode. */
  | { id: number; json: string[] }
  /** Distinct tokens to make the fact columns of (`tokenFactColumns`). */
  | { id: number; tokens: string[] };

/** Column build worker → main thread, one per request, in the order of the requests. */
export type ColumnBuildResponse =
  | { id: number; parties: ColumnParty[]; bytes: Uint8Array; ends: Uint32Array }
  | { id: number; facts: TokenFactColumns }
  | { id: number; error: { name: string; message: string } };

export interface ColumnBuildWorkerData {
  reference: NameReference;
}
