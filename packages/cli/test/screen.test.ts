import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataPath, storeTargets } from '@entente/adapters/testing';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'entente-screen-'));
const UN = sharedDataPath('lists/un/un-sc-2026-02-27/consolidated.xml');

// Screening runs in memory the same way on either store; one target keeps the suite fast.
const target = storeTargets()[0]!;

describe('entente screen', () => {
  const { env, drop: cleanup } = target.place();
  beforeAll(async () => {
    const r = await runCli(['import', 'un-sc-xml', UN], env);
    expect(r.code).toBe(0);
  });
  afterAll(cleanup);

  it('prints a ranked table with the reasons for a listed name', async () => {
    const r = await runCli(['screen', 'Tharwat Salah Shehata'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^#\s+score\s+subject\s+subject id\s+listings/m);
    expect(r.stdout).toContain('un-sc');
    expect(r.stdout).toContain('THARWAT SALAH SHIHATA');
  });

  it('prints the explanation terms of a listed name found inside a longer query', async () => {
    const r = await runCli(['screen', 'Tharwat Salah Mahmoud Shihata', '--type', 'person'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('THARWAT SALAH SHIHATA');
    expect(r.stdout).toMatch(/Listed name contained in the query \+0\.\d+/);
    // "Mahmoud" stands between the listed given names and the surname: a middle name beside the
    // whole listed name, charged less than an extra part in another place (`extraPartBeside`).
    expect(r.stdout).toMatch(/Extra middle name or second surname beside the whole listed name -0\.03/);
    expect(r.stdout).not.toMatch(/containedName|extraPartBeside/);
    expect(r.stdout).toContain('listed name contained in the query');
    expect(r.stdout).toContain('extra name part beside it, not in the first given name');
    expect(r.stdout).toContain('place: mahmoud');
  });

  it('prints the DESIGN.md fields as JSON, scores in [0,1], best first', async () => {
    const r = await runCli(
      ['screen', 'Tharwat Salah Shehata', '--type', 'person', '--birth-date', '1960', '--json'],
      env,
    );
    const out = JSON.parse(r.stdout) as {
      matches: {
        source: string;
        sourceId: string;
        entityId: string;
        name: string;
        matchedName: string;
        score: number;
        features: object;
      }[];
    };
    const m = out.matches[0]!;
    expect(Object.keys(m)).toEqual(
      expect.arrayContaining(['source', 'sourceId', 'entityId', 'name', 'matchedName', 'score', 'features']),
    );
    expect(m.entityId).toBe(`${m.source}:${m.sourceId}`);
    expect(out.matches.every((x) => x.score >= 0 && x.score <= 1)).toBe(true);
    expect(out.matches.map((x) => x.score)).toEqual(
      [...out.matches.map((x) => x.score)].sort((a, b) => b - a),
    );
  });

  it('says how many candidate names the cut left unscored, and scores them with --candidates', async () => {
    // "Abdullah": names on the UN list past the default 150 candidates could still reach the threshold
    // ("Muhammad" did until the cap ranked names by their own words too: the 150 now hold all it can match).
    const cut = await runCli(['screen', 'Abdullah'], env);
    expect(cut.code).toBe(0);
    expect(cut.stdout).toMatch(
      /\d+ more candidate names could reach the threshold and were not scored; run again with --candidates 10000 to score them\./,
    );
    const json = await runCli(['screen', 'Abdullah', '--json'], env);
    const out = JSON.parse(json.stdout) as { unscoredCandidates?: { count: number; atLeast: boolean } };
    expect(out.unscoredCandidates?.count).toBeGreaterThan(0);
    const all = await runCli(['screen', 'Abdullah', '--candidates', '10000'], env);
    expect(all.code).toBe(0);
    expect(all.stdout).not.toContain('were not scored');
    // A name whose candidates fit under the cap has no such line.
    expect((await runCli(['screen', 'Tharwat Salah Shehata'], env)).stdout).not.toContain('were not scored');
  });

  it.each([
    [['screen', '  '], 'invalid-input'],
    [['screen', 'A', '--country', 'XX'], 'unknown-country'],
    [['screen', 'A', '--source', 'nope'], 'unknown-source'],
    [['screen', 'A', '--threshold', '7'], 'invalid-input'],
    [['screen', 'A', '--candidates', '10001'], 'invalid-input'],
    [['screen', 'A', '--candidates', '0'], 'invalid-input'],
  ])('exits 1 naming the problem for %j', async (args, code) => {
    const r = await runCli(args, env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(code);
  });

  it('screens a CSV batch to JSON lines in input order, with per-row errors', async () => {
    const input = path.join(dir, 'customers.csv');
    const output = path.join(dir, 'out.jsonl');
    writeFileSync(
      input,
      [
        'id,name,type,country,birth_date',
        'c1,Tharwat Salah Shehata,person,EG,1960',
        'c2,,,,',
        'c3,Margarethe Quillfeather,person,DE,',
        'c4,Someone,person,ZZ,',
        'c5,"Shehata, Tharwat Salah",,,',
      ].join('\n'),
    );
    const r = await runCli(['screen', '--input', input, '--output', output, '--workers', '2'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('screened 5 rows');
    const lines = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { id: string; matches: { sourceId: string }[]; error?: { field: string } },
      );
    expect(lines.map((l) => l.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(lines[0]!.matches[0]?.sourceId).toMatch(/^QDi\./);
    expect(lines[1]!.error?.field).toBe('name');
    expect(lines[2]!.matches).toEqual([]);
    expect(lines[3]!.error?.field).toBe('country');
    expect(lines[4]!.matches[0]?.sourceId).toBe(lines[0]!.matches[0]?.sourceId);
  });

  it('refuses a CSV without id and name columns', async () => {
    const input = path.join(dir, 'bad.csv');
    writeFileSync(input, 'customer,fullname\n1,A\n');
    const r = await runCli(['screen', '--input', input, '--output', path.join(dir, 'bad.jsonl')], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('file-rejected');
  });

  // Ten runs of the CLI, each opening the store (and three building the index): a generous timeout.
  it(
    "shows a cleared match as cleared in the clearing organisation's later screenings only",
    {
      timeout: 600_000,
    },
    async () => {
      const orgOf = async (name: string) =>
        (
          JSON.parse(
            (await runCli(['orgs', 'create', '--name', name, '--kind', 'exporter', '--json'], env)).stdout,
          ) as {
            id: string;
          }
        ).id;
      const [widgets, gadgets] = [await orgOf('Widget Exports Ltd'), await orgOf('Gadget Trading plc')];
      type Out = { matches: { entityId: string; cleared?: { reason: string } }[] };
      const screen = async (org: string) =>
        JSON.parse(
          (await runCli(['screen', 'Tharwat Salah Shehata', '--json', '--org', org], env)).stdout,
        ) as Out;
      const hit = (await screen(gadgets)).matches[0]!;
      const cleared = await runCli(
        [
          'clear',
          hit.entityId,
          '--name',
          'Tharwat Salah Shehata',
          '--reason',
          'Namesake, checked passport',
        ].concat(['--org', widgets, '--json']),
        env,
      );
      expect(cleared.code).toBe(0);
      const id = (JSON.parse(cleared.stdout) as { id: string }).id;
      const clearedIn = (out: Out) => out.matches.find((m) => m.entityId === hit.entityId)?.cleared?.reason;
      expect(clearedIn(await screen(widgets))).toBe('Namesake, checked passport');
      expect(clearedIn(await screen(gadgets))).toBeUndefined();
      const listed = await runCli(['clearances', '--org', gadgets, '--json'], env);
      expect(JSON.parse(listed.stdout)).toEqual({ clearances: [] });
      const revokedElsewhere = await runCli(['clearances', 'revoke', id, '--org', gadgets], env);
      expect(revokedElsewhere.code).toBe(1);
      expect(revokedElsewhere.stderr).toContain('not-found');
      expect((await runCli(['clearances', 'revoke', id, '--org', widgets], env)).code).toBe(0);
      const audit = await runCli(['audit', 'verify', '--json'], env);
      expect(audit.code).toBe(0);
      // Two organisations, the clearance, the refused and the accepted revocation.
      expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true, checked: 5, problems: [] });
    },
  );
});
