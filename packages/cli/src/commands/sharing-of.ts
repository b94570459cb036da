import path from 'node:path';
import type { CliContext } from '../context.ts';
import {
  COUNTRY_REGIMES_PATH,
  readCountryRegimes,
  sharingStoreFor,
  type SharingGroup,
  type SharingStore,
} from '@entente/adapters';

export { CLI_SOURCE, SHARING_GROUPS, USER_ROLES, type SharingGroup, type UserRole } from '@entente/adapters';

/** The sharing store over the CLI's store. */
export async function sharingOf(
  c: CliContext,
  options: { memberships?: ReadonlyMap<string, SharingGroup[]> } = {},
): Promise<SharingStore> {
  return sharingStoreFor(await c.store(), {
    ...(options.memberships ? { regimeMemberships: options.memberships } : {}),
  });
}

/** SharingGroup memberships from the mirror's `country_regimes.csv`, or undefined without a mirror. */
export async function mirrorMemberships(c: CliContext): Promise<Map<string, SharingGroup[]> | undefined> {
  if (!c.config.mirrorDir) return undefined;
  return readCountryRegimes(path.join(c.config.mirrorDir, COUNTRY_REGIMES_PATH));
}
