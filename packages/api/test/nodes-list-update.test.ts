// Two API nodes on one PostgreSQL schema: a list version one node imports (its first start, from a
// mirror) becomes screenable through the other, already running, without a restart — the other
// node's screening index is patched on the list-version NOTIFY it LISTENs for.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
// eslint-disable-next-line no-restricted-imports -- runs the entente CLI as a child process (a process boundary), not its code
import { runCli } from '../../cli/test/run-cli.ts';
import { freePort, stopChildren } from '@entente/adapters/testing';

const API_BIN = fileURLToPath(new URL('../bin/entente-api.js', import.meta.url));
const DPL = fileURLToPath(new URL('./fixtures/publishers/www.bis.doc.gov/dpl/dpl.txt', import.meta.url));
const url = process.env.DATABASE_URL;

/** Starts one API node; resolves with its output once it listens, rejects with it if it exits. */
function startNode(env: Record<string, string>, port: number, children: ChildProcess[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [API_BIN], { env: { ...process.env, ...env, PORT: String(port) } });
    children.push(child);
    let out = '';
    const seen = (d: Buffer) => {
      out += d.toString();
      if (out.includes('is running at')) resolve(out);
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('exit', (code) => reject(new Error(`API node exited with ${code}:\n${out}`)));
  });
}

describe.skipIf(!url)('a list version imported through one API node, screened through another', () => {
  const schema = `update_${randomBytes(5).toString('hex')}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-nodes-'));
  const children: ChildProcess[] = [];
  afterAll(async () => {
    await stopChildren(children);
    rmSync(dir, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  });

  it('node B, already running, screens the parties node A imported, without a restart', async () => {
    const shared = {
      DATABASE_URL: url!,
      ENTENTE_PG_SCHEMA: schema,
      ENTENTE_SCREEN_WORKERS: '0',
      ENTENTE_OFFLINE: '1',
    };
    // Node B starts first, on an empty database and without a mirror: it has nothing to screen.
    const envB = { ...shared, ENTENTE_MIRROR: path.join(dir, 'no-mirror') };
    const portB = await freePort();
    expect(await startNode(envB, portB, children)).toContain('starting without lists');
    const org = JSON.parse(
      (await runCli(['orgs', 'create', '--name', 'Exporter', '--kind', 'exporter', '--json'], envB)).stdout,
    ) as { id: string };
    const user = JSON.parse(
      (
        await runCli(
          [
            'users',
            'create',
            '--org',
            org.id,
            '--email',
            'b@nodes.example',
            '--role',
            'compliance-officer',
            '--json',
          ],
          envB,
        )
      ).stdout,
    ) as { id: string };
    const { token } = JSON.parse(
      (await runCli(['tokens', 'create', '--user', user.id, '--json'], envB)).stdout,
    ) as { token: string };
    const screen = async (port: number): Promise<string[]> => {
      const res = await fetch(`http://127.0.0.1:${port}/screen`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Desmond Quillfeather' }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { matches: { entityId: string }[] }).matches.map((m) => m.entityId);
    };
    expect(await screen(portB)).toEqual([]);

    // Node A's first start finds the store without lists and imports its mirror (the BIS Denied Persons List).
    const mirror = path.join(dir, 'mirror');
    mkdirSync(path.join(mirror, 'lists', 'us'), { recursive: true });
    copyFileSync(DPL, path.join(mirror, 'lists', 'us', 'dpl.txt'));
    const portA = await freePort();
    const outA = await startNode({ ...shared, ENTENTE_MIRROR: mirror }, portA, children);
    expect(outA).toContain('loaded 1 list versions (6 records)');
    const onA = await screen(portA);
    expect(onA.some((id) => id.startsWith('us-bis-dpl:'))).toBe(true);

    // Node B learns of the new version through LISTEN/NOTIFY and patches its index.
    let onB: string[] = [];
    for (let i = 0; i < 100 && onB.length === 0; i++) {
      onB = await screen(portB);
      if (onB.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(onB).toEqual(onA);
  });
});
