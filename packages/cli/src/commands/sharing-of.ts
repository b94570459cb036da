import path from 'node:path';
import { COUNTRY_REGIMES_PATH, readCountryRegimes, type SharingStore } from '@entente/adapters';
import { DomainError, type Organisation, type SharingGroup } from '@entente/core';
import type { CliContext } from '../context.ts';

/**
 * The sharing store of the CLI's services, with the real no-undercut test: the
 * screening engine's name comparison (name reference of the mirror, as
 * `entente screen` uses) at the screening threshold, and the crosswalk of the
 * stored control lists (bare codes while none are loaded); see `servicesOver`.
 */
export async function sharingOf(c: CliContext): Promise<SharingStore> {
  return (await c.services()).sharing;
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
