import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { storeTargets } from '@entente/adapters/testing';
import { runCli } from './run-cli.ts';

const BIN = fileURLToPath(new URL('../bin/entente.js', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'entente-faults-'));

function watchList(file: string, rows: number, prefix: string): string {
  const lines = ['id,name,type,country'];
  for (let i = 0; i < rows; i++)
    lines.push(`${prefix}${i},${prefix} Trading Company Number ${i},organization,DE`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const small = watchList(path.join(dir, 'small.csv'), 50, 'A');
const big = watchList(path.join(dir, 'big.csv'), 120_000, 'B');

/** Starts an import and SIGKILLs it as soon as it says it is writing to the store. */
function importAndKill(env: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'import', 'custom-csv', big, '--list', 'watch'], {
      env: { ...process.env, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      // Give the transaction a moment to be well under way, then kill without warning.
      if (stderr.includes('storing')) setTimeout(() => child.kill('SIGKILL'), 1500);
    });
    child.on('exit', (_code, signal) => resolve(String(signal)));
  });
}

for (const target of storeTargets()) {
  describe(`import faults on ${target.name}`, () => {
    const { env, drop: cleanup } = target.place();
    afterAll(cleanup);

    it('keeps the previous version intact when the import is killed, and the next import succeeds', async () => {
      const first = await runCli(['import', 'custom-csv', small, '--list', 'watch', '--json'], env);
      expect(first.code).toBe(0);
      expect(await importAndKill(env)).toBe('SIGKILL');

      const after = JSON.parse((await runCli(['lists', '--json'], env)).stdout) as {
        versions: { recordCount: number }[];
      };
      expect(after.versions.map((v) => v.recordCount)).toEqual([50]);

      const again = await runCli(['import', 'custom-csv', big, '--list', 'watch', '--json'], env);
      expect(again.code).toBe(0);
      const lists = JSON.parse((await runCli(['lists', '--json'], env)).stdout) as {
        versions: { recordCount: number }[];
      };
      expect(lists.versions.map((v) => v.recordCount).sort()).toEqual([120_000, 50]);
    });

    it('treats the same content imported twice as a no-op', async () => {
      const r = JSON.parse(
        (await runCli(['import', 'custom-csv', small, '--list', 'watch', '--json'], env)).stdout,
      ) as {
        imported: { created: boolean }[];
      };
      expect(r.imported[0]?.created).toBe(false);
    });

    it('refuses a version far smaller than the previous one unless forced, leaving the store unchanged', async () => {
      const tiny = watchList(path.join(dir, `tiny-${target.name}.csv`), 10, 'C');
      const refused = await runCli(['import', 'custom-csv', tiny, '--list', 'watch'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/count-out-of-bounds: .*far fewer/);
      const forced = await runCli(
        ['import', 'custom-csv', tiny, '--list', 'watch', '--force', '--json'],
        env,
      );
      expect(forced.code).toBe(0);
    });

    it('names the accepted formats for an unknown one', async () => {
      const r = await runCli(['import', 'no-such-format', small], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('unknown-format');
    });
  });
}
