/** The command-line options the benches share, written `--name value`. */

/** The value given after `--name`, or `fallback` when the option is absent. */
export function stringArg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = process.argv[at + 1];
  if (value === undefined) throw new Error(`--${name} needs a value`);
  return value;
}

/** The number given after `--name`, or `fallback` when the option is absent. */
export function numberArg(name: string, fallback: number): number {
  const value = stringArg(name, String(fallback));
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, not "${value}"`);
  return n;
}
