import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  checkPassword,
  CLI_SOURCE,
  COUNTRY_REGIMES_PATH,
  inSharingTransaction,
  readCountryRegimes,
  type AppConfig,
  type OpenedStore,
  type SharingStore,
} from '@entente/adapters';

/** The accounts a first start creates, so a new user can sign in straight away. */
export const BOOTSTRAP_ACCOUNTS = {
  agency: { email: 'admin@agency.example', org: 'Demo Licensing Agency (DE)', jurisdiction: 'DE' },
  exporter: { email: 'officer@exporter.example', org: 'Demo Exporter GmbH', jurisdiction: 'DE' },
} as const;

/** Throws `invalid-input` when `ENTENTE_BOOTSTRAP_PASSWORD` is set but not a valid password; call it before any work. */
export function checkBootstrapPassword(password: string | undefined): void {
  if (password !== undefined) checkPassword(password, 'ENTENTE_BOOTSTRAP_PASSWORD');
}

/**
 * When the store has no organisation yet, creates a demo agency (admin) and a
 * demo exporter (compliance officer) with one password (`ENTENTE_BOOTSTRAP_PASSWORD`,
 * else a random one) and returns the sign-in line to print; otherwise undefined.
 * The password is checked before anything is written, and all four accounts
 * are created in one transaction: a failed bootstrap leaves the store empty,
 * so the next start bootstraps again instead of skipping a half-done one.
 */
export async function bootstrapAccounts(
  store: OpenedStore,
  config: AppConfig,
  password?: string,
): Promise<string | undefined> {
  checkBootstrapPassword(password);
  const regimesFile = config.mirrorDir && path.join(config.mirrorDir, COUNTRY_REGIMES_PATH);
  const memberships =
    regimesFile && existsSync(regimesFile) ? await readCountryRegimes(regimesFile) : undefined;
  const options = memberships ? { regimeMemberships: memberships } : {};
  // Two servers starting on one PostgreSQL store at once: the second waits for the first, then sees its organisations.
  return inSharingTransaction(store, options, async (sharing) => {
    if ((await sharing.orgs.listOrgs()).length > 0) return undefined;
    return createDemoAccounts(
      sharing,
      password ?? randomBytes(12).toString('base64url'),
      memberships !== undefined,
    );
  });
}

/** Creates the demo agency and exporter and their users; returns the sign-in line. */
async function createDemoAccounts(
  sharing: SharingStore,
  secret: string,
  hasMemberships: boolean,
): Promise<string> {
  const { agency, exporter } = BOOTSTRAP_ACCOUNTS;
  const agencyOrg = await sharing.orgs.createOrg(
    {
      name: agency.org,
      kind: 'agency',
      jurisdiction: agency.jurisdiction,
      ...(hasMemberships ? {} : { regimes: ['EU', 'WA', 'MTCR', 'NSG', 'AG'] }),
    },
    CLI_SOURCE,
  );
  await sharing.orgs.createUser(
    { orgId: agencyOrg.id, email: agency.email, role: 'admin', password: secret },
    CLI_SOURCE,
  );
  const exporterOrg = await sharing.orgs.createOrg(
    { name: exporter.org, kind: 'exporter', jurisdiction: exporter.jurisdiction },
    CLI_SOURCE,
  );
  await sharing.orgs.createUser(
    { orgId: exporterOrg.id, email: exporter.email, role: 'compliance-officer', password: secret },
    CLI_SOURCE,
  );
  return `as ${agency.email} (agency admin) or ${exporter.email} (exporter), password: ${secret}`;
}
