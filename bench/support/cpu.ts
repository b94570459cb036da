/** Small helpers the CPU benches share. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { MIRROR } from '../eval-screening-lists.ts';

/** This process's CPU time so far (user + system), in ms. */
export const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** A full collection when node runs with --expose-gc (else nothing). */
export const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** The rows of a CSV file of the mirror's `eval/` folder. */
export const evalRows = (file: string): Record<string, string>[] =>
  parse(readFileSync(path.join(MIRROR, 'eval', file), 'utf8'), { columns: true, skip_empty_lines: true });
