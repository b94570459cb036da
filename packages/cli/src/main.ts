import { loadConfig } from '@entente/adapters';
import { isDomainError } from '@entente/core';
import { CommanderError } from 'commander';
import { buildProgram } from './build-program.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';

const program = buildProgram({
  loadConfig: (flags) => loadConfig(process.env, flags),
});

try {
  await program.run(process.argv);
  process.exitCode ??= EXIT.ok;
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander already printed its message (usage errors) or the help/version text.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.input;
  } else if (isDomainError(error)) {
    const where = ['file', 'row', 'field']
      .filter((k) => error.details[k] !== undefined)
      .map((k) => `${k} ${String(error.details[k])}`)
      .join(', ');
    process.stderr.write(`entente: ${error.code}: ${error.message}${where ? ` (${where})` : ''}\n`);
    process.exitCode = exitCodeFor(error.code);
  } else {
    process.stderr.write(`entente: internal-error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = EXIT.internal;
  }
} finally {
  await program.close();
}
