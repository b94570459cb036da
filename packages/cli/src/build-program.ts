import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { AppConfig } from '@entente/adapters';
import { createContext, type CliContext } from './context.ts';
import { registerCommands } from './commands/index.ts';

const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** How the program gets its configuration (from the environment in `main.ts`, from arguments in tests). */
export interface ProgramDeps {
  loadConfig(flags: { db?: string; mirror?: string }): AppConfig;
}

/** The `entente` program: global options, every command, and one context shared by them. */
export function buildProgram(deps: ProgramDeps): {
  run(argv: string[]): Promise<void>;
  close(): Promise<void>;
} {
  let context: CliContext | undefined;
  const program = new Command('entente')
    .description('Entente: harmonised export controls among allied states')
    .version(VERSION, '-V, --version')
    .option('--db <dir>', 'PGlite data directory (default $ENTENTE_DB or ./.entente); ignores DATABASE_URL')
    .option('--json', 'print machine-readable JSON')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const ctx = (): CliContext => {
    if (!context) {
      const opts = program.opts<{ db?: string; json?: boolean }>();
      context = createContext(deps.loadConfig({ db: opts.db }), Boolean(opts.json));
    }
    return context;
  };
  registerCommands(program, ctx);
  for (const cmd of program.commands) cmd.exitOverride();
  return {
    run: async (argv) => {
      await program.parseAsync(argv);
    },
    close: async () => {
      await context?.close();
    },
  };
}
