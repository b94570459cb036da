import { catalogueOptionsOf, ControlCatalogueSource, type OpenedCatalogue } from '@entente/adapters';
import { DomainError, type Store } from '@entente/core';
import type { CliContext } from '../context.ts';
import { DecisionRecordStore } from '@entente/adapters';

export {
  assessAndRecord,
  DecisionRecordStore,
  type DecisionRecord,
  type DecisionRecordHead,
} from '@entente/adapters';

/** The SQL database (Kysely) under the store, typed by what the adapters take. */
type StoreDb = ConstructorParameters<typeof DecisionRecordStore>[0];

/** The Kysely instance of a store opened by `openStore`. */
export function kyselyOf(store: Store): StoreDb {
  const kysely = (store as Store & { kysely?: StoreDb }).kysely;
  if (!kysely) throw new DomainError('store-unavailable', 'The store has no SQL database');
  return kysely;
}

/** The control catalogue of the CLI's store: the lists in force today, or on `at`. */
export async function catalogueOf(c: CliContext, at?: string): Promise<OpenedCatalogue> {
  const source = new ControlCatalogueSource(kyselyOf(await c.store()), catalogueOptionsOf(c.config));
  return at ? source.at(at) : source.get();
}

/** The decision records of the CLI's store. */
export async function recordsOf(c: CliContext): Promise<DecisionRecordStore> {
  return new DecisionRecordStore(kyselyOf(await c.store()));
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
