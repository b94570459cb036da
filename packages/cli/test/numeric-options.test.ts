import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('numeric options', () => {
  const db = mkdtempSync(path.join(tmpdir(), 'entente-cli-'));

  // Options are checked before a command runs, so these never need a loaded store.
  it.each([
    [['lists', 'diff', 'un-sc', '--limit', 'abc'], 'limit'],
    [['gaps', '--limit', 'abc'], 'limit'],
    [['controls', 'diff', 'EU', '--limit', 'abc'], 'limit'],
    [['screen', 'A', '--limit', 'abc'], 'limit'],
    [['classify', 'laser', '--limit', '2.5'], 'limit'],
    [['assessments', 'list', '--limit', ''], 'limit'],
    [['lists', 'diff', 'un-sc', '--from', 'x1'], 'from'],
    [['monitor', 'run', '--workers', 'abc'], 'workers'],
  ])('refuses %j with exit 1 and a message naming the option', async (args, option) => {
    const r = await runCli(['--db', db, ...args], { DATABASE_URL: '' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^entente: invalid-input: --${option} must be a (whole )?number `));
    expect(r.stderr).toContain(`(field ${option})`);
  });
});
