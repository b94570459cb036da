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
import { freePort, stopChildren } from '@entente/adapters/testing';

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

describe.skipIf(!url)('two API nodes on one PostgreSQL (stateless nodes: lists, sessions)', () => {
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
    await stopChildren(children);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  });

  it('screens against a list imported through another process within seconds, and shares sessions and clearances across nodes', async () => {
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

    // Each node applies the new version on its own notification, so each is given the same few
    // seconds (asking the first node once, right after the second answered, raced under load).
    const screenUntilFound = async (port: number) => {
      let found: string[] = [];
      for (let i = 0; i < 100 && found.length === 0; i++) {
        found = await screen(port);
        if (found.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      return found;
    };
    expect(await screenUntilFound(p2)).toContain('custom:watch:2');
    expect(await screenUntilFound(p1)).toContain('custom:watch:2');

    // Sessions live in the database, not in a process: a login on one node is valid on the other,
    // and a logout on the other ends it on the first (within the credential recheck, 5 s).
    expect(
      (
        await runCli(
          [
            'users',
            'create',
            '--org',
            org.id,
            '--email',
            'web@b.example',
            '--role',
            'compliance-officer',
            '--password',
            'Two-Nodes-Pass-42',
          ],
          env,
        )
      ).code,
    ).toBe(0);
    const login = await fetch(`http://127.0.0.1:${p1}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'web@b.example', password: 'Two-Nodes-Pass-42' }),
    });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const withSession = (port: number, method: 'GET' | 'POST', p: string, body?: unknown) =>
      fetch(`http://127.0.0.1:${port}${p}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const me = await withSession(p2, 'GET', '/auth/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { orgId: string }).orgId).toBe(org.id);
    const screened = await withSession(p2, 'POST', '/screen', { name: 'Zyxwv Quartermaine Exports' });
    expect(screened.status).toBe(200);
    // A clearance made through one node applies to the organisation's screenings on the other
    // (each node re-reads its clearance snapshot within 2 s).
    const clear = await withSession(p1, 'POST', '/clearances', {
      subject: { name: 'Zyxwv Quartermaine Exports' },
      entityId: 'custom:watch:2',
      reason: 'our customer is another company',
    });
    expect(clear.status).toBe(201);
    const clearedOn = async (port: number) => {
      const res = await withSession(port, 'POST', '/screen', { name: 'Zyxwv Quartermaine Exports' });
      const { matches } = (await res.json()) as { matches: { entityId: string; cleared?: unknown }[] };
      return matches.find((m) => m.entityId === 'custom:watch:2')?.cleared !== undefined;
    };
    let cleared = false;
    for (let i = 0; i < 100 && !cleared; i++) {
      cleared = await clearedOn(p2);
      if (!cleared) await new Promise((r) => setTimeout(r, 100));
    }
    expect(cleared).toBe(true);
    expect((await withSession(p1, 'GET', '/auth/me')).status).toBe(200);
    expect((await withSession(p2, 'POST', '/auth/logout', {})).status).toBeLessThan(300);
    let after = 200;
    for (let i = 0; i < 100 && after === 200; i++) {
      after = (await withSession(p1, 'GET', '/auth/me')).status;
      if (after === 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(after).toBe(401);
  });
});
