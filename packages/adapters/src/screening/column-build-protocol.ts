import type { ColumnBatch, DeletionJob, JoinedStrings, NameReference } from '@entente/core';

/** Main thread → column build worker. */
export type ColumnBuildRequest =
  /** Parties as their JSON, to normalise (`columnBatchOf`) and encode. */
  | { id: number; json: string[] }
  /** The distinct tokens, to make the fact columns of tokens `[from, to)` of (`tokenFactColumns`). */
  | { id: number; tokens: JoinedStrings; from: number; to: number }
  /** One part of the deletion index made on several workers at once (`deletionPart`). */
  | { id: number; deletionPart: DeletionJob };

/** Fact columns of a share of the tokens, their keys and folds joined. */
export interface JoinedFacts {
  keys: JoinedStrings;
  folds: JoinedStrings;
  vowelPoor: Uint8Array;
}

/** Column build worker → main thread, one per request, in the order of the requests. */
export type ColumnBuildResponse =
  | { id: number; batch: ColumnBatch; bytes: Uint8Array; ends: Uint32Array }
  | { id: number; facts: JoinedFacts }
  | { id: number; deletionPart: 'done' }
  | { id: number; error: { name: string; message: string } };

export interface ColumnBuildWorkerData {
  reference: NameReference;
}
