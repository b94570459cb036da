import { DomainError } from '@entente/core';

/** What a numeric option takes: its range, whether it must be whole, and how to say so. */
export interface NumericOptionRule {
  min: number;
  /** Largest value; none when unbounded. */
  max?: number;
  /** Only whole numbers (counts, ids, ports). */
  integer?: boolean;
  /** What the error says is accepted, when the range alone does not say it (e.g. a unit). */
  accepted?: string;
}

/** The accepted values of a rule in words: `1-100`, `0 to 1`, `0 or more`. */
function describeRange(rule: NumericOptionRule): string {
  if (rule.max === undefined) return `${rule.min} or more`;
  return rule.integer ? `${rule.min}-${rule.max}` : `${rule.min} to ${rule.max}`;
}

/**
 * The one parser of numeric command-line options: rejects anything that is not
 * a number in range (`--limit abc`, `--limit 2.5` for a count, an empty string)
 * with `invalid-input` naming the option, so no command ever runs with `NaN`.
 *
 * @example
 * command.option('--limit <n>', 'rows to print', numericOption('limit', { min: 1, max: 1000, integer: true }), 20);
 */
export function numericOption(name: string, rule: NumericOptionRule): (value: string) => number {
  const range = describeRange(rule);
  const kind = rule.integer ? 'a whole number' : 'a number';
  return (value) => {
    const n = Number(value);
    const ok =
      value.trim() !== '' &&
      Number.isFinite(n) &&
      (!rule.integer || Number.isInteger(n)) &&
      n >= rule.min &&
      (rule.max === undefined || n <= rule.max);
    if (!ok) {
      throw new DomainError('invalid-input', `--${name} must be ${kind} ${range}, got "${value}"`, {
        field: name,
        ...(rule.accepted ? { accepted: rule.accepted } : {}),
      });
    }
    return n;
  };
}

/** A count option (`--limit`): a whole number from 1 to `max`. */
export function countOption(name: string, max: number): (value: string) => number {
  return numericOption(name, { min: 1, max, integer: true });
}

/** How many rows a text report prints (`--limit`): any whole number from 0. */
export function rowsOption(name: string): (value: string) => number {
  return numericOption(name, { min: 0, integer: true });
}
