import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { isRunning, killAfterTest, killStarted, spawnServe, untilRunning } from './spawn-serve.ts';

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
  const started = spawnServe(['--db', dir], { DATABASE_URL: '' }, dir);
  await untilRunning(started);
  // The API process wrote its pid into the store's lock file.
  const apiPid = (JSON.parse(readFileSync(path.join(dir, 'entente.lock'), 'utf8')) as { pid: number }).pid;
  killAfterTest(apiPid);
  return { serve: started.child, apiPid, dir, stderr: started.stderr, exit: started.exit };
}

afterEach(killStarted);

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
