import { loadConfig } from '@entente/adapters';
import { buildProgram } from './build-program.ts';
import { EXIT } from './exit-codes.ts';
import { explainError } from './explain-error.ts';

const program = buildProgram({
  loadConfig: (flags) => loadConfig(process.env, flags),
});

try {
  await program.run(process.argv);
  process.exitCode ??= EXIT.ok;
} catch (error) {
  const { text, exitCode } = explainError(error);
  if (text) process.stderr.write(text);
  process.exitCode = exitCode;
} finally {
  await program.close();
}
