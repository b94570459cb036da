import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildZip, storeTargets, xxeDocument } from '@entente/adapters/testing';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'entente-bad-files-'));
const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

// File errors are found before the store is written; one target keeps the suite fast.
const target = storeTargets()[0]!;

describe('entente on bad files: the documented code, exit 1, the file (and row) named', () => {
  const { env, drop: cleanup } = target.place();
  afterAll(cleanup);

  const expectRefusal = (r: { code: number; stderr: string }, code: string, ...named: string[]) => {
    expect(r.stderr).not.toContain('internal-error');
    expect(r.stderr).toMatch(new RegExp(`^entente: ${code}: `, 'm'));
    for (const n of named) expect(r.stderr).toContain(n);
    expect(r.code).toBe(1);
  };

  it('refuses a UN list whose DOCTYPE declares an external entity', async () => {
    const file = write('consolidated.xml', xxeDocument('CONSOLIDATED_LIST', 'SYSTEM "file:///etc/passwd"'));
    expectRefusal(await runCli(['import', 'un-sc-xml', file], env), 'file-rejected', file, 'row 3');
  });

  it('refuses a Canadian SEMA list whose DOCTYPE declares an external entity', async () => {
    const file = write('sema-lmes.xml', xxeDocument('data-set', 'SYSTEM "http://attacker.example/x"'));
    expectRefusal(await runCli(['import', 'ca-sema-xml', file], env), 'file-rejected', file, 'row 3');
  });

  it('refuses an OFAC ZIP bomb before inflating it, naming the limit', async () => {
    const file = write(
      'SDN_ENHANCED.ZIP',
      buildZip([{ name: 'SDN_ENHANCED.XML', data: new Uint8Array(64 * 1024 * 1024) }]),
    );
    const r = await runCli(['import', 'ofac-enhanced-xml', file], env);
    expectRefusal(r, 'file-rejected', file, 'over the limit of 200');
  });

  it('refuses a screening batch with an unclosed quote, naming the file and the row', async () => {
    const file = write('subjects.csv', 'id,name\n1,Acme Trading\n2,"Broken Holdings\n3,Other Co\n');
    const r = await runCli(['screen', '--input', file, '--workers', '1'], env);
    expectRefusal(r, 'file-rejected', `${file}: row 3: Quote Not Closed`, `file ${file}, row 3`);
  });

  it('refuses a counterparty register with bad rows, listing every row problem under the error', async () => {
    const file = write(
      'register.csv',
      'id,name,type,countries,birth_date\n' +
        'C1,Acme Trading,organisation,DE,\n' +
        'C2,Jan Novak,person,CZ,1975-13-40\n' +
        'C3,Other Co,organisation,ZZ,\n',
    );
    const created = await runCli(
      ['orgs', 'create', '--name', 'Register Co', '--kind', 'exporter', '--json'],
      env,
    );
    const org = (JSON.parse(created.stdout) as { id: string }).id;
    const r = await runCli(['monitor', 'import', file, '--org', org], env);
    expectRefusal(r, 'register-invalid', file);
    expect(r.stderr).toMatch(new RegExp(`^  ${file.replace(/[.]/g, '[.]')}, row 3, field birth_date: `, 'm'));
    expect(r.stderr).toMatch(new RegExp(`^  ${file.replace(/[.]/g, '[.]')}, row 4, field countries: `, 'm'));
  });

  it('refuses --output into a missing folder, naming the file', async () => {
    const input = write('ok.csv', 'id,name\n1,Acme Trading\n');
    const output = path.join(dir, 'no-such-folder', 'out.jsonl');
    const r = await runCli(['screen', '--input', input, '--output', output, '--workers', '1'], env);
    expectRefusal(r, 'file-unreadable', `Cannot write ${output}`);
  });

  it('refuses --input given a folder, naming it', async () => {
    const folder = path.join(dir, 'a-folder');
    mkdirSync(folder);
    const r = await runCli(['screen', '--input', folder, '--workers', '1'], env);
    expectRefusal(r, 'file-unreadable', `Cannot read ${folder}: it is a folder`);
  });
});
