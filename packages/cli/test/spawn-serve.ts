// The one way the serve tests start `entente serve`: no mirror, offline, one screening worker and a
// known bootstrap password, its output collected, and every process it started killed after each test.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/entente.js', import.meta.url));
/** The password of the bootstrap accounts of a spawned server. */
export const SERVE_PASSWORD = 'a long enough password';

const started: ChildProcess[] = [];
const leftovers: number[] = [];

/** A spawned `entente serve`: the process, its output so far, and how it exited. */
export interface ServeProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawns `entente <globalArgs> serve --port 0` with `env` over the test's environment and the
 * mirror `<scratchDir>/no-mirror` (absent: the server starts in seconds, offline).
 */
export function spawnServe(
  globalArgs: string[],
  env: Record<string, string>,
  scratchDir: string,
): ServeProcess {
  const child = spawn(process.execPath, [BIN, ...globalArgs, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...env,
      ENTENTE_MIRROR: path.join(scratchDir, 'no-mirror'),
      ENTENTE_OFFLINE: '1',
      ENTENTE_SCREEN_WORKERS: '1',
      ENTENTE_BOOTSTRAP_PASSWORD: SERVE_PASSWORD,
    },
  });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

/** The server's URL once it says it is running; rejects if it exits first. */
export function untilRunning(serve: ServeProcess): Promise<URL> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = /Entente is running at (\S+)/.exec(serve.stdout());
      if (m) resolve(new URL(m[1]!));
    };
    serve.child.stdout!.on('data', check);
    check();
    void serve.exit.then(({ code }) =>
      reject(new Error(`serve exited ${code} while starting: ${serve.stderr()}`)),
    );
  });
}

/** Whether process `pid` still runs. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills `pids` (processes the server started) after the test, if they are still running. */
export function killAfterTest(...pids: number[]): void {
  leftovers.push(...pids);
}

/** Kills every server spawned and every process handed to `killAfterTest` (for `afterEach`). */
export function killStarted(): void {
  for (const c of started.splice(0)) c.kill('SIGKILL');
  for (const pid of leftovers.splice(0)) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
}
