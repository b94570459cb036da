import { DomainError, isDomainError } from '@entente/core';

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

/**
 * Wraps a command action so that every domain error it throws says, on its
 * one line, which values are accepted (the CLI prints only the message and
 * the field; the API returns `details.accepted` as data).
 */
export function explainErrors<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await action(...args);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const accepted = describeAccepted(error.details['accepted']);
      if (!accepted || error.message.includes('accepted:')) throw error;
      throw new DomainError(error.code, `${error.message}; accepted: ${accepted}`, { ...error.details });
    }
  };
}
