import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
// eslint-disable-next-line no-restricted-imports -- runs the entente CLI as a child process (a process boundary), not its code
import { runCli } from '../../cli/test/run-cli.ts';
import { freePort } from '@entente/adapters/testing';

const API_BIN = fileURLToPath(new URL('../bin/entente-api.js', import.meta.url));
const url = process.env.DATABASE_URL;

function startApi(env: Record<string, string>, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [API_BIN], { env: { ...process.env, ...env, PORT: String(port) } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('is running at')) resolve(child);
    });
    child.stderr.on('data', () => {});
    child.on('exit', (code) => reject(new Error(`API exited with ${code}: ${out}`)));
  });
}

describe.skipIf(!url)('two API nodes on one PostgreSQL', () => {
  const schema = `nodes_${randomBytes(5).toString('hex')}`;
  const env = {
    DATABASE_URL: url!,
    ENTENTE_PG_SCHEMA: schema,
    ENTENTE_MIRROR: '/nonexistent',
    // No mirror would make the first start download from the publishers: this test stays on this machine.
    ENTENTE_OFFLINE: '1',
  };
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const c of children) c.kill('SIGTERM');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  });

  it('screens against a list imported through another process within seconds', async () => {
    const org = JSON.parse(
      (await runCli(['orgs', 'create', '--name', 'Exporter', '--kind', 'exporter', '--json'], env)).stdout,
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
            'a@b.example',
            '--role',
            'compliance-officer',
            '--json',
          ],
          env,
        )
      ).stdout,
    ) as { id: string };
    const { token } = JSON.parse(
      (await runCli(['tokens', 'create', '--user', user.id, '--json'], env)).stdout,
    ) as { token: string };
    const dir = mkdtempSync(path.join(tmpdir(), 'nodes-'));
    writeFileSync(path.join(dir, 'first.csv'), 'id,name\n1,Placeholder Holdings Limited\n');
    expect(
      (await runCli(['import', 'custom-csv', path.join(dir, 'first.csv'), '--list', 'watch'], env)).code,
    ).toBe(0);

    const [p1, p2] = [await freePort(), await freePort()];
    children.push(await startApi(env, p1), await startApi(env, p2));

    const screen = async (port: number) => {
      const res = await fetch(`http://127.0.0.1:${port}/screen`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Zyxwv Quartermaine Exports' }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { matches: { entityId: string }[] }).matches.map((m) => m.entityId);
    };
    expect(await screen(p2)).toEqual([]);

    writeFileSync(
      path.join(dir, 'second.csv'),
      'id,name\n1,Placeholder Holdings Limited\n2,Zyxwv Quartermaine Exports Ltd\n',
    );
    expect(
      (await runCli(['import', 'custom-csv', path.join(dir, 'second.csv'), '--list', 'watch'], env)).code,
    ).toBe(0);

    let found: string[] = [];
    for (let i = 0; i < 100 && found.length === 0; i++) {
      found = await screen(p2);
      if (found.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(found).toContain('custom:watch:2');
    expect(await screen(p1)).toContain('custom:watch:2');
  });
});
