import { formatRegisterProblem, isDomainError, type DomainError, type RegisterProblem } from '@entente/core';
import { CommanderError } from 'commander';
import { EXIT, exitCodeFor } from './exit-codes.ts';

/** Longest list of accepted values printed in full; longer ones are shown by example. */
const MAX_LISTED = 12;

/** The accepted values of an error's details in a few words. */
export function describeAccepted(accepted: unknown): string | undefined {
  if (typeof accepted === 'string') return accepted;
  if (!Array.isArray(accepted) || accepted.length === 0) return undefined;
  if (accepted.length <= MAX_LISTED) return accepted.join(', ');
  const examples = ['CN', 'DE', 'US'].every((c) => accepted.includes(c))
    ? ['CN', 'DE', 'US']
    : accepted.slice(0, 3);
  return `one of ${accepted.length} codes such as ${examples.join(', ')}`;
}

/** A domain error on one line: code, message, the accepted values, then file, row and field. */
function describeDomainError(error: DomainError): string {
  const accepted = describeAccepted(error.details['accepted']);
  const message =
    accepted && !error.message.includes('accepted:')
      ? `${error.message}; accepted: ${accepted}`
      : error.message;
  const where = ['file', 'row', 'field']
    .filter((k) => error.details[k] !== undefined)
    .map((k) => `${k} ${String(error.details[k])}`)
    .join(', ');
  const rows = rowProblems(error.details['problems']).map((p) => `  ${formatRegisterProblem(p)}\n`);
  return `entente: ${error.code}: ${message}${where ? ` (${where})` : ''}\n${rows.join('')}`;
}

/** The row-level problems an error carries (a refused file's first rows), each naming file, row and field. */
function rowProblems(problems: unknown): RegisterProblem[] {
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (p): p is RegisterProblem =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as RegisterProblem).file === 'string' &&
      typeof (p as RegisterProblem).row === 'number' &&
      typeof (p as RegisterProblem).field === 'string' &&
      typeof (p as RegisterProblem).message === 'string',
  );
}

/**
 * What the CLI says about an error that ended a command, and its exit code:
 * the one place errors are explained (commands just throw). Commander has
 * already printed its own usage errors and help; a domain error gets one line
 * naming what was wrong (and under it the rows a refused file's problems
 * name); anything else is a bug, printed with its stack.
 */
export function explainError(error: unknown): { text: string; exitCode: number } {
  if (error instanceof CommanderError) {
    return { text: '', exitCode: error.exitCode === 0 ? EXIT.ok : EXIT.input };
  }
  if (isDomainError(error)) return { text: describeDomainError(error), exitCode: exitCodeFor(error.code) };
  return {
    text: `entente: internal-error: ${(error as Error)?.stack ?? String(error)}\n`,
    exitCode: EXIT.internal,
  };
}
