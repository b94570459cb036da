import path from 'node:path';
import type { CliContext } from '../context.ts';
import {
  ControlCatalogueSource,
  COUNTRY_REGIMES_PATH,
  denialMatcherSource,
  nameReferenceFor,
  readCountryRegimes,
  sharingStoreFor,
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
  const catalogue = db
    ? new ControlCatalogueSource(db, c.config.mirrorDir ? { mirrorDir: c.config.mirrorDir } : {})
    : undefined;
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
