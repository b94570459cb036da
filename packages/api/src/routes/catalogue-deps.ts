import { z } from '@hono/zod-openapi';
import { catalogueOptionsOf, ControlCatalogueSource } from '@entente/adapters';
import { DomainError, type Store } from '@entente/core';
import { DecisionRecordStore } from '@entente/adapters';
import type { AppDeps } from '../app-deps.ts';
import { ErrorBody } from '../error-body.ts';

export { assessAndRecord, type DecisionRecord } from '@entente/adapters';

type StoreDb = ConstructorParameters<typeof DecisionRecordStore>[0];

/** What the catalogue routes share per app, built once over `deps.store`. */
interface CatalogueDeps {
  db: StoreDb;
  catalogue: ControlCatalogueSource;
  records: DecisionRecordStore;
}

const built = new WeakMap<object, CatalogueDeps>();

/** The app's control catalogue (reloaded when the stored lists change) and decision records. */
export function catalogueOf(deps: AppDeps): CatalogueDeps {
  let d = built.get(deps.store);
  if (!d) {
    const db = (deps.store as Store & { kysely?: StoreDb }).kysely;
    if (!db) throw new DomainError('store-unavailable', 'The store has no SQL database');
    d = {
      db,
      catalogue: new ControlCatalogueSource(db, catalogueOptionsOf(deps.config)),
      records: new DecisionRecordStore(db),
    };
    built.set(deps.store, d);
  }
  return d;
}

/** A JSON response declaration. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The error responses every catalogue route may give. */
export const ERRORS = {
  400: json(
    ErrorBody,
    'Invalid input: `details.field` names the field, `details.accepted` the accepted values',
  ),
  401: json(ErrorBody, 'Not signed in'),
  404: json(ErrorBody, 'Not found'),
};

/** Path parameters `{list}/{code}` of a control entry. */
export const EntryParams = z.object({
  list: z
    .string()
    .min(2)
    .max(8)
    .openapi({
      param: { name: 'list', in: 'path' },
      example: 'US',
      description: 'US, USML, EU, UK, JP, WA, MTCR, NSG or AG',
    }),
  code: z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name: 'code', in: 'path' }, example: '3A001.a.1.b' }),
});
