import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { isDomainError } from '@entente/core';
import { LOCK_FILE, lockDataDir, processStartTicks, type LockOwner } from './data-dir-lock.ts';
import { openStore } from './open-store.ts';

const HOLD_STORE = fileURLToPath(new URL('../test-support/hold-store.ts', import.meta.url));
const children: ChildProcess[] = [];

/** Starts a real second process that opens the store in `dir` and holds it; resolves once it has it. */
async function holdInAnotherProcess(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLD_STORE, dir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().startsWith('ready')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`hold-store exited ${code} before holding the store`)));
  });
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'entente-lock-'));
}

function writeLock(dir: string, owner: Partial<LockOwner>): void {
  const full: LockOwner = {
    pid: 1,
    hostname: hostname(),
    command: 'old',
    since: '2026-01-01T00:00:00Z',
    ...owner,
  };
  writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(full) + '\n');
}

afterEach(async () => {
  for (const c of children.splice(0)) {
    c.kill('SIGKILL');
    await exited(c);
  }
});

describe('one owner per embedded store', () => {
  it('refuses a second process, naming the holder, and leaves the store intact and reopenable', async () => {
    const dir = tempDir();
    const first = await openStore({ dataDir: dir });
    await sql`create table kept (x int)`.execute(first.kysely);
    await sql`insert into kept values (42)`.execute(first.kysely);
    await first.close();

    const holder = await holdInAnotherProcess(dir);
    const refused = await openStore({ dataDir: dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDomainError(refused) && refused.code).toBe('store-locked');
    expect((refused as Error).message).toContain(`process ${holder.pid} (hold-store (lock test))`);
    expect((refused as { details: Record<string, unknown> }).details).toMatchObject({ pid: holder.pid });

    holder.kill('SIGTERM');
    await exited(holder);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const again = await openStore({ dataDir: dir });
    const rows = await sql<{ x: number }>`select x from kept`.execute(again.kysely);
    expect(rows.rows).toEqual([{ x: 42 }]);
    await again.close();
  });

  it('takes over the lock of a killed process and opens its store', async () => {
    const dir = tempDir();
    const holder = await holdInAnotherProcess(dir);
    holder.kill('SIGKILL');
    await exited(holder);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: holder.pid });
    const store = await openStore({ dataDir: dir });
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await store.ping();
    await store.close();
  });

  it('refuses a second open in the same process and releases the lock on close', async () => {
    const dir = tempDir();
    const store = await openStore({ dataDir: dir });
    await expect(openStore({ dataDir: dir })).rejects.toMatchObject({ code: 'store-locked' });
    await store.close();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    await (await openStore({ dataDir: dir })).close();
  });

  it('opens memory:// stores side by side without a lock', async () => {
    const a = await openStore({ dataDir: 'memory://' });
    const b = await openStore({ dataDir: 'memory://' });
    await Promise.all([a.close(), b.close()]);
  });
});

describe('lockDataDir', () => {
  it('treats a lock whose pid no longer runs as stale', async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ['-e', '']);
    await exited(gone);
    writeLock(dir, { pid: gone.pid! });
    const lock = await lockDataDir(dir, 'test');
    expect(lock.owner.pid).toBe(process.pid);
    await lock.release();
  });

  it.skipIf(processStartTicks(process.ppid) === undefined)(
    'treats a reused pid (another start time) as stale, and a live owner as the holder',
    async () => {
      const dir = tempDir();
      // The parent process runs, but it is not the process that wrote this lock: its start time differs.
      writeLock(dir, { pid: process.ppid, startTicks: processStartTicks(process.ppid)! + 1 });
      const lock = await lockDataDir(dir, 'test');
      await lock.release();
      writeLock(dir, { pid: process.ppid, startTicks: processStartTicks(process.ppid)! });
      await expect(lockDataDir(dir, 'test')).rejects.toMatchObject({
        code: 'store-locked',
        details: { pid: process.ppid },
      });
    },
  );

  it('treats a garbled lock file as stale', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, LOCK_FILE), 'not json');
    const lock = await lockDataDir(dir, 'test');
    await lock.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });
});
