// Two API nodes started together on an empty PostgreSQL database, without a mirror: the first
// start's downloads hold the sync lock, and the other node must wait for it, not die of
// `store-locked`. The publishers are a local server whose eCFR answers slowly, so the two meet.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, stopChildren } from '@entente/adapters/testing';
import { serveFixturePublishers, type FixturePublishers } from './support/fixture-publishers.ts';

const API_BIN = fileURLToPath(new URL('../bin/entente-api.js', import.meta.url));
const url = process.env.DATABASE_URL;

/** Starts one API node; resolves with its output once it listens, rejects with it if it exits. */
function startNode(env: Record<string, string>, port: number, children: ChildProcess[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [API_BIN], { env: { ...process.env, ...env, PORT: String(port) } });
    children.push(child);
    let out = '';
    const seen = (d: Buffer) => {
      out += d.toString();
      // The server listens before it loads the screening index: wait for both.
      if (out.includes('is running at') && out.includes('screening index:')) resolve(out);
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('exit', (code) => reject(new Error(`API node exited with ${code}:\n${out}`)));
  });
}

describe.skipIf(!url)('API nodes starting together on an empty PostgreSQL without a mirror', () => {
  const schema = `first_${randomBytes(5).toString('hex')}`;
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  let publishers: FixturePublishers | undefined;
  afterAll(async () => {
    await stopChildren(children);
    await publishers?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  });

  it('both start: the second waits for the first one’s downloads, and the lists are stored once', async () => {
    publishers = await serveFixturePublishers({ ecfrDelayMs: 4_000 });
    const nodeEnv = () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'entente-node-'));
      dirs.push(dir);
      return {
        DATABASE_URL: url!,
        ENTENTE_PG_SCHEMA: schema,
        ENTENTE_MIRROR: path.join(dir, 'no-mirror'),
        ENTENTE_OFFLINE: '',
        ENTENTE_SOURCES_BASE_URL: publishers!.baseUrl,
        // Each node on its own machine: its own folder for the eCFR texts.
        ENTENTE_SOURCES_DIR: path.join(dir, 'sources'),
        ENTENTE_SCREEN_WORKERS: '0',
      };
    };
    const outputs = await Promise.all([
      startNode(nodeEnv(), await freePort(), children),
      startNode(nodeEnv(), await freePort(), children),
    ]);
    for (const out of outputs) expect(out).toContain('screening index: 18 parties from 2 sources');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const versions = await client.query(`select source from "${schema}".list_versions order by source`);
      expect(versions.rows.map((r: { source: string }) => r.source)).toEqual(['us-bis-dpl', 'us-csl']);
    } finally {
      await client.end();
    }
  });
});
