import path from 'node:path';
import { DomainError } from '@entente/core';
import type { CliContext } from '../context.ts';
import {
  catalogueOptionsOf,
  ControlCatalogueSource,
  COUNTRY_REGIMES_PATH,
  denialMatcherSource,
  nameReferenceFor,
  readCountryRegimes,
  sharingStoreFor,
  type Organisation,
  type SharingGroup,
  type SharingStore,
} from '@entente/adapters';

export { CLI_SOURCE, SHARING_GROUPS, USER_ROLES, type SharingGroup, type UserRole } from '@entente/adapters';

/**
 * The sharing store over the CLI's store, with the real no-undercut test: the
 * screening engine's name comparison (name reference of the mirror, as
 * `entente screen` uses) at the screening threshold, and the crosswalk of the
 * stored control lists (bare codes while none are loaded).
 */
export async function sharingOf(
  c: CliContext,
  options: { memberships?: ReadonlyMap<string, SharingGroup[]> } = {},
): Promise<SharingStore> {
  const store = await c.store();
  const db = (store as typeof store & { kysely?: ConstructorParameters<typeof ControlCatalogueSource>[0] })
    .kysely;
  const catalogue = db ? new ControlCatalogueSource(db, catalogueOptionsOf(c.config)) : undefined;
  return sharingStoreFor(store, {
    ...(options.memberships ? { regimeMemberships: options.memberships } : {}),
    matcher: denialMatcherSource(
      () => nameReferenceFor(c.config.mirrorDir),
      async () => (catalogue ? (await catalogue.get()).catalogue : undefined),
    ),
  });
}

/** SharingGroup memberships from the mirror's `country_regimes.csv`, or undefined without a mirror. */
export async function mirrorMemberships(c: CliContext): Promise<Map<string, SharingGroup[]> | undefined> {
  if (!c.config.mirrorDir) return undefined;
  return readCountryRegimes(path.join(c.config.mirrorDir, COUNTRY_REGIMES_PATH));
}

/** The organisation named by `--org`, or a `not-found` naming the option (the CLI acts for one organisation at a time). */
export async function organisationOf(c: CliContext, id: string): Promise<Organisation> {
  const org = await (await sharingOf(c)).orgs.getOrg(id);
  if (!org)
    throw new DomainError('not-found', `No organisation ${id} (see \`entente orgs list\`)`, { field: 'org' });
  return org;
}
