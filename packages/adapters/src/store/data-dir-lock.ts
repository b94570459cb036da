import { readFileSync, rmSync } from 'node:fs';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { DomainError } from '@entente/core';

/** The lock file inside a PGlite data directory (PostgreSQL ignores files it does not know). */
export const LOCK_FILE = 'entente.lock';

/** Who holds an embedded store: written to the lock file as JSON. */
export interface LockOwner {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux), so a reused pid is not mistaken for the owner. */
  startTicks?: number;
  hostname: string;
  command: string;
  /** ISO time the lock was taken. */
  since: string;
}

/** A held lock; `release` removes the file when it is still ours (idempotent). */
export interface DataDirLock {
  readonly owner: LockOwner;
  release(): Promise<void>;
}

/** Data directories this process holds: a second open in the same process would corrupt it just as well. */
const heldHere = new Set<string>();

/** The start time of a process from `/proc/<pid>/stat` (field 22), or undefined off Linux. */
export function processStartTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses; fields after it follow the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

/** True when the process that wrote `owner` still runs (same host, same pid, same start time). */
export function isOwnerAlive(owner: LockOwner): boolean {
  // On another host (a shared file system) liveness cannot be checked: treat the lock as held.
  if (owner.hostname !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  if (owner.startTicks === undefined) return true;
  const now = processStartTicks(owner.pid);
  return now === undefined || now === owner.startTicks;
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const o = JSON.parse(text) as LockOwner;
    return typeof o.pid === 'number' && typeof o.hostname === 'string' ? o : undefined;
  } catch {
    return undefined;
  }
}

/** The error for a store held by another process: who holds it and what to do instead. */
export function storeLockedError(dir: string, owner: LockOwner): DomainError {
  return new DomainError(
    'store-locked',
    `The embedded store in ${dir} is in use by process ${owner.pid} (${owner.command}) on ${owner.hostname} since ${owner.since}. ` +
      'Only one process may open it at a time. Stop that process first (Ctrl-C or `kill ' +
      owner.pid +
      '`), then run this command; or, while `entente serve` runs, use its HTTP API; ' +
      'or use a PostgreSQL server (DATABASE_URL), which many processes can share.',
    { dataDir: dir, pid: owner.pid, command: owner.command, hostname: owner.hostname, since: owner.since },
  );
}

/**
 * Creates the lock file exclusively, already complete: written to a file of
 * our own, then hard-linked into place (`link` fails when the name exists), so
 * no other process ever reads a half-written lock. False when it exists.
 */
async function tryCreate(file: string, text: string): Promise<boolean> {
  const own = `${file}.${process.pid}-${Date.now()}`;
  await writeFile(own, text, { flag: 'wx' });
  try {
    await link(own, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(own, { force: true });
  }
}

/**
 * Moves a stale lock aside, atomically: rename to a name of our own, then
 * check that what we moved is the stale lock we read (not a fresh one another
 * process took meanwhile, which is put back).
 */
async function removeStale(file: string, staleText: string): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if ((await readFile(aside, 'utf8')) !== staleText) await link(aside, file).catch(() => {});
  await rm(aside, { force: true });
}

/**
 * Takes the exclusive lock on a PGlite data directory, or throws `store-locked`
 * naming the process that holds it. A lock left by a dead process (or by a
 * reused pid: the start time differs) is taken over.
 *
 * @example
 * const lock = await lockDataDir('/srv/entente', 'entente serve');
 * try { … } finally { await lock.release(); }
 */
export async function lockDataDir(dir: string, command: string): Promise<DataDirLock> {
  const file = path.join(dir, LOCK_FILE);
  const owner: LockOwner = {
    pid: process.pid,
    ...(processStartTicks(process.pid) !== undefined ? { startTicks: processStartTicks(process.pid) } : {}),
    hostname: hostname(),
    command,
    since: new Date().toISOString(),
  };
  const text = JSON.stringify(owner) + '\n';
  if (heldHere.has(dir)) throw storeLockedError(dir, owner);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await tryCreate(file, text)) {
      heldHere.add(dir);
      const onExit = () => releaseSync(file, text);
      process.once('exit', onExit);
      let released = false;
      return {
        owner,
        async release() {
          if (released) return;
          released = true;
          process.removeListener('exit', onExit);
          heldHere.delete(dir);
          releaseSync(file, text);
        },
      };
    }
    const current = await readFile(file, 'utf8').catch(() => '');
    const holder = parseOwner(current);
    if (holder && isOwnerAlive(holder)) throw storeLockedError(dir, holder);
    // A dead owner's lock, or one that is not an owner record at all (locks are written whole), is stale.
    await removeStale(file, current);
  }
  throw new DomainError('store-unavailable', `Cannot take the lock ${file}: it keeps changing`, {
    dataDir: dir,
  });
}

/** Removes the lock file when it still holds our owner record (sync: also runs at process exit). */
function releaseSync(file: string, text: string): void {
  try {
    if (readFileSync(file, 'utf8') === text) rmSync(file, { force: true });
  } catch {
    // Already gone: nothing to release.
  }
}
