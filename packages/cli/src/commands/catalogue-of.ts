import type { DecisionRecordStore, OpenedCatalogue } from '@entente/adapters';
import { DomainError } from '@entente/core';
import type { CliContext } from '../context.ts';

/** The control catalogue of the CLI's services: the lists in force today, or on `at`. */
export async function catalogueOf(c: CliContext, at?: string): Promise<OpenedCatalogue> {
  const { catalogue } = await c.services();
  return at ? catalogue.at(at) : catalogue.get();
}

/** The decision records of the CLI's services. */
export async function recordsOf(c: CliContext): Promise<DecisionRecordStore> {
  return (await c.services()).records;
}

/** Checks a `YYYY-MM-DD` date option. */
export function parseDateOption(field: string): (value: string) => string {
  return (value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
      throw new DomainError('invalid-input', `--${field} must be a date, got "${value}"`, {
        field,
        accepted: 'YYYY-MM-DD',
      });
    }
    return value;
  };
}
