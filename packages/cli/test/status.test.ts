import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('entente status and global behaviour', () => {
  const db = mkdtempSync(path.join(tmpdir(), 'entente-cli-'));

  it('reports the embedded store as JSON', async () => {
    const r = await runCli(['--db', db, 'status', '--json'], { DATABASE_URL: '' });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { store: { kind: string; location: string; schemaVersion: string } };
    expect(out.store.kind).toBe('pglite');
    expect(out.store.location).toBe(db);
    expect(out.store.schemaVersion).toMatch(/^\d{3}$/);
  });

  it('prints its version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 1 with a one-line message on an unknown command', async () => {
    const r = await runCli(['no-such-command']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown command 'no-such-command'");
  });

  it('has --help on every command', async () => {
    const r = await runCli(['status', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: entente status');
  });
});
