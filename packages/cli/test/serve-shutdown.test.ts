import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { storeTargets } from '@entente/adapters/testing';
import { runCli } from './run-cli.ts';
import {
  isRunning,
  killAfterTest,
  killStarted,
  SERVE_PASSWORD,
  spawnServe,
  untilRunning,
} from './spawn-serve.ts';

/** The pids of every process below `root` now, read from /proc (children, their children, …). */
function descendantsOf(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // The process ended while /proc was read.
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [pid, ppid] of parentOf) {
      if (ppid !== parent) continue;
      found.push(pid);
      queue.push(pid);
    }
  }
  return found;
}

/** The command line of process `pid`. */
function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/**
 * Starts `POST /auth/login` on a raw connection and stops after the headers:
 * resolves once the server has read them (its `100 Continue`), so the request
 * is in flight. `finish()` sends the body and resolves with the whole answer.
 */
async function startLogin(url: URL, email: string): Promise<{ finish(): Promise<string> }> {
  const body = JSON.stringify({ email, password: SERVE_PASSWORD });
  const socket = connect(Number(url.port), url.hostname);
  let received = '';
  const ended = new Promise<string>((resolve, reject) => {
    socket.on('data', (c: Buffer) => (received += c.toString()));
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
  });
  socket.write(
    `POST /auth/login HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
  );
  await expect.poll(() => received, { timeout: 60_000, interval: 50 }).toContain('100 Continue');
  received = '';
  return {
    finish: () => {
      // Not `end(body)`: a client that half-closes has given up on its answer, and Node drops such a request.
      socket.write(body);
      return ended;
    },
  };
}

/** Connections the process `pid` still holds to PostgreSQL (the store names them after its pid). */
async function connectionsOf(url: string, pid: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where application_name like $1',
      [`entente pid ${pid}: %`],
    );
    return r.rows[0]!.n;
  } finally {
    await client.end();
  }
}

afterEach(killStarted);

describe.each(storeTargets())('entente serve on $name stops cleanly', (target) => {
  // Both signals on the embedded store; one on PostgreSQL, where the store's closing differs, not the signal's path.
  it.each(target.name === 'pglite' ? (['SIGTERM', 'SIGINT'] as const) : (['SIGTERM'] as const))(
    'on %s: answers the request in flight, stops every process it started, closes the store, exits 0',
    async (signal) => {
      const place = target.place();
      const dir = mkdtempSync(path.join(tmpdir(), 'entente-shutdown-'));
      const dbArgs = target.name === 'pglite' ? ['--db', place.config.dataDir] : [];
      const started = spawnServe(dbArgs, place.env, dir);
      const serve = started.child;
      const { exit, stderr } = started;
      try {
        const url = await untilRunning(started);
        // Wait for the screening worker too: stopping must end it, not race its start.
        await expect.poll(stderr, { timeout: 150_000, interval: 200 }).toContain('screening workers ready');
        const below = descendantsOf(serve.pid!);
        killAfterTest(...below);
        // The API server is a child process of `entente serve`.
        expect(below.length).toBeGreaterThan(0);
        // Beside it, tsx's esbuild services (one per process, until the code is compiled).
        const apiPid = below.find((pid) => commandOf(pid).includes('entente-api'));
        expect(apiPid).toBeDefined();
        if (target.name === 'pglite') {
          const lock = JSON.parse(readFileSync(path.join(place.config.dataDir, 'entente.lock'), 'utf8'));
          expect(lock.pid).toBe(apiPid);
        } else {
          expect(await connectionsOf(place.config.databaseUrl!, apiPid!)).toBeGreaterThan(0);
        }

        const login = await startLogin(url, 'admin@agency.example');
        serve.kill(signal);
        await expect.poll(stderr, { timeout: 60_000, interval: 50 }).toContain(`stopping (${signal})`);
        const answer = await login.finish();
        expect(answer).toMatch(/^HTTP\/1\.1 200 /);
        expect(answer).toContain('"csrfToken"');

        expect(await exit).toEqual({ code: 0, signal: null });
        await expect.poll(() => below.filter(isRunning), { timeout: 60_000, interval: 200 }).toEqual([]);
        expect(stderr()).not.toContain('while stopping');
        if (target.name === 'pglite') {
          expect(existsSync(path.join(place.config.dataDir, 'entente.lock'))).toBe(false);
        } else {
          expect(await connectionsOf(place.config.databaseUrl!, apiPid!)).toBe(0);
        }
        // The store was closed whole: the next command opens it and finds what the server created.
        const orgs = await runCli([...dbArgs, 'orgs', 'list'], place.env);
        expect(orgs.code).toBe(0);
        expect(orgs.stdout).toContain('Demo Licensing Agency');
      } finally {
        await place.drop();
      }
    },
    300_000,
  );
});
