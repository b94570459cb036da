import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { numericOption } from '../numeric-option.ts';

/** The API server's entry point; started as a child process so the CLI never imports the API package. */
const API_BIN = fileURLToPath(new URL('../../../api/bin/entente-api.js', import.meta.url));

/** `entente serve`: the HTTP API, its reference at /docs and the web app at /. */
export function registerServe(program: Command, ctx: () => CliContext): void {
  program
    .command('serve')
    .description('start the HTTP API and web app (default port 8080); loads the lists on first start')
    .option('--port <n>', 'port to listen on', numericOption('port', { min: 0, max: 65535, integer: true }))
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .action(async (opts: { port?: number; host: string }) => {
      const { config } = ctx();
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: String(opts.port ?? config.port),
        HOST: opts.host,
        ...(config.store.databaseUrl ? {} : { ENTENTE_DB: config.store.dataDir }),
        ...(config.mirrorDir ? { ENTENTE_MIRROR: config.mirrorDir } : {}),
      };
      if (!config.store.databaseUrl) delete env.DATABASE_URL;
      // The IPC channel is how the child learns that this process died (its `disconnect` event), even of SIGKILL.
      const child = spawn(process.execPath, [API_BIN], {
        stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
        env,
      });
      const forward = (signal: NodeJS.Signals) => child.kill(signal);
      process.on('SIGINT', forward);
      process.on('SIGTERM', forward);
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        child.on('exit', (c, s) => resolve([c, s])),
      );
      process.removeListener('SIGINT', forward);
      process.removeListener('SIGTERM', forward);
      process.exitCode = exitStatusOf(code, signal);
    });
}

/**
 * The exit status of `entente serve` for its API child's end, as a shell
 * reports it: the child's own code, or 128 + the signal's number when a signal
 * killed it, so a supervisor that restarts on failure sees the failure.
 */
export function exitStatusOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (signal) return 128 + (constants.signals[signal] ?? 0);
  return code ?? 1;
}
