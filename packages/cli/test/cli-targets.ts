import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** Environment that points the CLI at a fresh store, and how to clean it up. */
export interface CliStoreTarget {
  name: 'pglite' | 'postgres';
  env(): { env: Record<string, string>; cleanup(): Promise<void> };
}

/** A fresh PGlite directory always; a fresh PostgreSQL schema when DATABASE_URL is set. */
export function cliStoreTargets(): CliStoreTarget[] {
  const targets: CliStoreTarget[] = [
    {
      name: 'pglite',
      env: () => ({
        env: { ENTENTE_DB: mkdtempSync(path.join(tmpdir(), 'entente-cli-')), DATABASE_URL: '' },
        cleanup: async () => {},
      }),
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) {
    targets.push({
      name: 'postgres',
      env: () => {
        const schema = `cli_${randomBytes(6).toString('hex')}`;
        return {
          env: { DATABASE_URL: url, ENTENTE_PG_SCHEMA: schema },
          cleanup: async () => {
            const client = new pg.Client({ connectionString: url });
            await client.connect();
            await client.query(`drop schema if exists "${schema}" cascade`);
            await client.end();
          },
        };
      },
    });
  }
  return targets;
}
