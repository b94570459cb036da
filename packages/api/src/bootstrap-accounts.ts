import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  CLI_SOURCE,
  COUNTRY_REGIMES_PATH,
  readCountryRegimes,
  sharingStoreFor,
  type AppConfig,
} from '@entente/adapters';
import type { Store } from '@entente/core';

/** The accounts a first start creates, so a new user can sign in straight away. */
export const BOOTSTRAP_ACCOUNTS = {
  agency: { email: 'admin@agency.example', org: 'Demo Licensing Agency (DE)', jurisdiction: 'DE' },
  exporter: { email: 'officer@exporter.example', org: 'Demo Exporter GmbH', jurisdiction: 'DE' },
} as const;

/**
 * When the store has no organisation yet, creates a demo agency (admin) and a
 * demo exporter (compliance officer) with one password (`ENTENTE_BOOTSTRAP_PASSWORD`,
 * else a random one) and returns the sign-in line to print; otherwise undefined.
 */
export async function bootstrapAccounts(
  store: Store,
  config: AppConfig,
  password?: string,
): Promise<string | undefined> {
  const regimesFile = config.mirrorDir && path.join(config.mirrorDir, COUNTRY_REGIMES_PATH);
  const memberships =
    regimesFile && existsSync(regimesFile) ? await readCountryRegimes(regimesFile) : undefined;
  const sharing = sharingStoreFor(store, memberships ? { regimeMemberships: memberships } : {});
  if ((await sharing.orgs.listOrgs()).length > 0) return undefined;
  const secret = password ?? randomBytes(12).toString('base64url');
  const { agency, exporter } = BOOTSTRAP_ACCOUNTS;
  const agencyOrg = await sharing.orgs.createOrg(
    {
      name: agency.org,
      kind: 'agency',
      jurisdiction: agency.jurisdiction,
      ...(memberships ? {} : { regimes: ['EU', 'WA', 'MTCR', 'NSG', 'AG'] }),
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
