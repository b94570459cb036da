import type { ImportWarning } from '@entente/core';

/** Collects the row-level warnings of one file. */
export interface WarningSink {
  readonly warnings: ImportWarning[];
  /** Records one warning; `row` is the 1-based row or record number. */
  add(kind: string, row: number | undefined, field: string | undefined, message: string): void;
}

/** A warning sink for one file. */
export function createWarningSink(file: string, warnings: ImportWarning[] = []): WarningSink {
  return {
    warnings,
    add(kind, row, field, message) {
      warnings.push({
        kind,
        file,
        ...(row !== undefined ? { row } : {}),
        ...(field !== undefined ? { field } : {}),
        message,
      });
    },
  };
}
