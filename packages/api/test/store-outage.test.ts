import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// eslint-disable-next-line no-restricted-imports -- runs the entente CLI as a child process (a process boundary), not its code
import { runCli } from '../../cli/test/run-cli.ts';
import {
  freePort,
  stopChildren,
  eventually,
  databaseTarget,
  startTcpProxy,
  type TcpProxy,
} from '@entente/adapters/testing';

const API_BIN = fileURLToPath(new URL('../bin/entente-api.js', import.meta.url));
const url = process.env.DATABASE_URL;

/** One API node: the real server binary in its own process, so a crash shows as an exit. */
interface Node {
  child: ChildProcess;
  port: number;
  log: string[];
}

function startNode(env: Record<string, string>, port: number): Promise<Node> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [API_BIN], { env: { ...process.env, ...env, PORT: String(port) } });
    const log: string[] = [];
    // The server listens before it loads the screening index: wait for both.
    const seen = (d: Buffer) => {
      log.push(d.toString());
      const out = log.join('');
      if (out.includes('is running at') && out.includes('screening index:')) resolve({ child, port, log });
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('exit', (code) => reject(new Error(`API exited with ${code}: ${log.join('')}`)));
  });
}

// PostgreSQL "restarts" under two API nodes: a TCP proxy between them and the shared
// server (never restarted itself) drops every connection and refuses new ones, then comes back.
describe.skipIf(!url)('two API nodes through a PostgreSQL restart (needs DATABASE_URL)', () => {
  const schema = `restart_${randomBytes(5).toString('hex')}`;
  const direct = {
    DATABASE_URL: url!,
    ENTENTE_PG_SCHEMA: schema,
    ENTENTE_MIRROR: '/nonexistent',
    // No mirror would make the first start download from the publishers: this test stays on this machine.
    ENTENTE_OFFLINE: '1',
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'restart-'));
  let proxy: TcpProxy;
  let token: string;
  /** A token never used before the outage: the nodes cannot check it while the store is down. */
  let unseenToken: string;
  const nodes: Node[] = [];

  const cli = async (args: string[]) => {
    const r = await runCli(args, direct);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };
  const get = (node: Node, p: string) =>
    fetch(`http://127.0.0.1:${node.port}${p}`, { headers: { authorization: `Bearer ${token}` } });
  const screen = async (node: Node) => {
    const res = await fetch(`http://127.0.0.1:${node.port}/screen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Zyxwv Quartermaine Exports' }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { matches: { entityId: string }[] }).matches.map((m) => m.entityId);
  };
  const health = async (node: Node) =>
    (await get(node, '/health')).json() as Promise<{ status: string; problems?: string[] }>;
  const alive = (node: Node) => node.child.exitCode === null && node.child.signalCode === null;

  beforeAll(async () => {
    const org = JSON.parse(
      await cli(['orgs', 'create', '--name', 'Exporter', '--kind', 'exporter', '--json']),
    ) as {
      id: string;
    };
    const user = JSON.parse(
      await cli([
        'users',
        'create',
        '--org',
        org.id,
        '--email',
        'a@b.example',
        '--role',
        'compliance-officer',
        '--json',
      ]),
    ) as { id: string };
    const newToken = async () =>
      (JSON.parse(await cli(['tokens', 'create', '--user', user.id, '--json'])) as { token: string }).token;
    token = await newToken();
    unseenToken = await newToken();
    writeFileSync(path.join(dir, 'first.csv'), 'id,name\n1,Placeholder Holdings Limited\n');
    await cli(['import', 'custom-csv', path.join(dir, 'first.csv'), '--list', 'watch']);

    proxy = await startTcpProxy(databaseTarget(url!));
    const env = { ...direct, DATABASE_URL: proxy.urlThrough(url!) };
    nodes.push(await startNode(env, await freePort()), await startNode(env, await freePort()));
  });

  afterAll(async () => {
    await stopChildren(nodes.map((n) => n.child));
    await proxy?.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  });

  it('keeps both nodes up, answers 503 + Retry-After while down and serves again once back', async () => {
    for (const n of nodes) {
      expect((await get(n, '/lists')).status).toBe(200);
      expect(await health(n)).toMatchObject({ status: 'ok' });
      expect(await screen(n)).toEqual([]);
    }

    await proxy.stop();
    for (const n of nodes) {
      const res = await get(n, '/lists');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(await res.json()).toMatchObject({ error: 'store-unavailable', message: expect.any(String) });
      const h = await health(n);
      expect(h.status).toBe('degraded');
      expect(h.problems).toContain('store unreachable');
      // A probe whose token the store cannot check still gets the health answer (a public route).
      const probe = await fetch(`http://127.0.0.1:${n.port}/health`, {
        headers: { authorization: `Bearer ${unseenToken}` },
      });
      expect(probe.status).toBe(200);
      expect(await probe.json()).toMatchObject({ status: 'degraded' });
      const needsCaller = await fetch(`http://127.0.0.1:${n.port}/lists`, {
        headers: { authorization: `Bearer ${unseenToken}` },
      });
      expect(needsCaller.status).toBe(503);
    }
    expect(nodes.every(alive), nodes.map((n) => n.log.join('')).join('\n---\n')).toBe(true);

    await proxy.start();
    // Health is ok again only once the pool answers and LISTEN has re-subscribed.
    for (const n of nodes)
      await eventually(async () =>
        expect(await health(n)).toEqual(expect.objectContaining({ status: 'ok' })),
      );
    for (const n of nodes) expect((await get(n, '/lists')).status).toBe(200);

    // A list version stored after the outage reaches both screening indexes (LISTEN re-subscribed).
    writeFileSync(
      path.join(dir, 'second.csv'),
      'id,name\n1,Placeholder Holdings Limited\n2,Zyxwv Quartermaine Exports Ltd\n',
    );
    await cli(['import', 'custom-csv', path.join(dir, 'second.csv'), '--list', 'watch']);
    for (const n of nodes) await eventually(async () => expect(await screen(n)).toContain('custom:watch:2'));
    expect(nodes.every(alive)).toBe(true);
  });
});
