import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const BIN = fileURLToPath(new URL('../bin/entente.js', import.meta.url));
const started: ChildProcess[] = [];
const apiPids: number[] = [];

/** A running `entente serve` on a fresh PGlite directory, with the pid of its API process. */
interface Serving {
  serve: ChildProcess;
  apiPid: number;
  dir: string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `entente serve` on a free port (no mirror, one screening worker) and waits until it listens. */
async function startServe(): Promise<Serving> {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-serve-'));
  const serve = spawn(process.execPath, [BIN, '--db', dir, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: '',
      ENTENTE_MIRROR: path.join(dir, 'no-mirror'),
      ENTENTE_OFFLINE: '1',
      ENTENTE_SCREEN_WORKERS: '1',
      ENTENTE_BOOTSTRAP_PASSWORD: 'a long enough password',
    },
  });
  started.push(serve);
  let stderr = '';
  serve.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    serve.on('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    serve.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Entente is running at')) resolve();
    });
    void exit.then(({ code }) => reject(new Error(`serve exited ${code} while starting: ${stderr}`)));
  });
  // The API process wrote its pid into the store's lock file.
  const apiPid = (JSON.parse(readFileSync(path.join(dir, 'entente.lock'), 'utf8')) as { pid: number }).pid;
  apiPids.push(apiPid);
  return { serve, apiPid, dir, stderr: () => stderr, exit };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterEach(() => {
  for (const c of started.splice(0)) c.kill('SIGKILL');
  for (const pid of apiPids.splice(0)) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
});

describe('entente serve', () => {
  it('refuses other commands on its store, naming the server, and exits non-zero when its API process is killed', async () => {
    const s = await startServe();
    expect(s.apiPid).not.toBe(s.serve.pid);
    const refused = await runCli(['--db', s.dir, 'status'], { DATABASE_URL: '' });
    expect(refused.code).toBe(1);
    // One line (the CLI contract), not the message followed by a stack trace.
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain(
      `entente: store-locked: The embedded store in ${s.dir} is in use by process ${s.apiPid} (entente serve`,
    );

    process.kill(s.apiPid, 'SIGKILL');
    expect(await s.exit).toEqual({ code: 128 + 9, signal: null });
    // The killed server's lock is stale: the next command takes it over, and the store opens.
    const after = await runCli(['--db', s.dir, 'status', '--json'], { DATABASE_URL: '' });
    expect(after.code).toBe(0);
  }, 300_000);

  it('stops its API process when it is killed itself', async () => {
    const s = await startServe();
    s.serve.kill('SIGKILL');
    await s.exit;
    await expect.poll(() => isRunning(s.apiPid), { timeout: 60_000, interval: 200 }).toBe(false);
    // It stopped cleanly: the store was closed and its lock released.
    expect(existsSync(path.join(s.dir, 'entente.lock'))).toBe(false);
  }, 300_000);

  it('stops cleanly on SIGTERM: exit 0, no process left, store lock released', async () => {
    const s = await startServe();
    s.serve.kill('SIGTERM');
    expect(await s.exit).toEqual({ code: 0, signal: null });
    await expect.poll(() => isRunning(s.apiPid), { timeout: 60_000, interval: 200 }).toBe(false);
    expect(s.stderr()).toContain('stopping (SIGTERM)');
    expect(existsSync(path.join(s.dir, 'entente.lock'))).toBe(false);
    const after = await runCli(['--db', s.dir, 'status', '--json'], { DATABASE_URL: '' });
    expect(after.code).toBe(0);
  }, 300_000);
});
