import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, REPO_ROOT } from '@entente/adapters/testing';

// The real data beside the checkout (`../shared/data`) is the mirror a first start loads; the one helper finds it.
export { hasSharedData, REPO_ROOT, SHARED_DATA } from '@entente/adapters/testing';
/** The password of the bootstrap accounts of the test server. */
export const TEST_PASSWORD = 'e2e-Correct-Horse-42';

/** A running API server serving the web build, on a fresh embedded store seeded from the mirror. */
export interface EntenteServer {
  url: string;
  signInLine: string;
  stop: () => Promise<void>;
}

/** Builds the web app (dist) so the server serves the current source. */
export function buildWebApp(): void {
  execFileSync(
    process.execPath,
    [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: path.join(REPO_ROOT, 'packages/web'),
      // Vitest sets NODE_ENV=test, which would bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    },
  );
}

/**
 * Starts `packages/api/bin/entente-api.js` on a free port with an empty store
 * in a temp directory and the shared data as mirror, and waits for its
 * "running at" and first-start sign-in lines.
 */
export async function startEntenteServer(
  mirrorDir: string,
  timeoutMs = 280_000,
  options: { db?: string; keepDb?: boolean; env?: Record<string, string> } = {},
): Promise<EntenteServer> {
  const db = options.db ?? mkdtempSync(path.join(tmpdir(), 'entente-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'packages/api/bin/entente-api.js')],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ENTENTE_DB: db,
        PORT: String(port),
        ENTENTE_MIRROR: mirrorDir,
        ENTENTE_OFFLINE: '1',
        ENTENTE_BOOTSTRAP_PASSWORD: TEST_PASSWORD,
        DATABASE_URL: '',
        // The tests seed the subjects they need; a background resolution of the whole mirror would
        // regroup the matches a test is reading (first-start.test.ts covers the resolution on start).
        ENTENTE_RESOLVE_SUBJECTS: 'off',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          r(undefined);
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(t);
          r(undefined);
        });
      });
    }
    if (!options.keepDb) rmSync(db, { recursive: true, force: true });
  };
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const url = /Entente is running at (\S+)/.exec(out)?.[1];
    // A store given already bootstrapped prints no first-start line.
    const signIn = /First start: (.*)/.exec(out)?.[1] ?? (options.db && url ? '' : undefined);
    if (url && signIn !== undefined) return { url: url.replace(/\/$/, ''), signInLine: signIn, stop };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(
    `The API server did not start (exit ${child.exitCode}):\n${err.slice(-3000)}\n${out.slice(-1000)}`,
  );
}
