import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataPath, storeTargets } from '@entente/adapters/testing';
import { runCli } from './run-cli.ts';

const UN = sharedDataPath('lists/un/un-sc-2026-02-27/consolidated.xml');
const AU = sharedDataPath('lists/au/dfat-2026-02-24/Australian_Sanctions_Consolidated_List.xlsx');

describe.each(storeTargets())('entente subjects and listing-gaps on $name', (target) => {
  const { env, drop: cleanup } = target.place();
  beforeAll(async () => {
    for (const [format, file] of [
      ['un-sc-xml', UN],
      ['au-dfat-xlsx', AU],
    ])
      expect((await runCli(['import', format!, file!], env)).code).toBe(0);
    const r = await runCli(['subjects', 'resolve', '--json'], env);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { subjects: number; multiSource: number };
    expect(report.multiSource).toBeGreaterThan(500); // the AU list repeats most UN listings
  }, 600_000); // two real lists imported and resolved by three CLI processes
  afterAll(cleanup);

  it('screens by subject: one row with the UN and the Australian listing of one man', async () => {
    const r = await runCli(['screen', 'Qasem Soleimani', '--json'], env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      subjects: { subjectId: string; listings: { entityId: string }[] }[];
    };
    expect(out.subjects[0]!.subjectId).toBe('un-sc:IRi.039');
    expect(out.subjects[0]!.listings.map((l) => l.entityId).sort()).toEqual([
      'au-dfat:8490',
      'un-sc:IRi.039',
    ]);
    const text = await runCli(['screen', 'Qasem Soleimani'], env);
    expect(text.stdout).toMatch(
      /QASEM SOLEIMANI\s+.*au-dfat 8490.*un-sc IRi\.039|QASEM SOLEIMANI\s+.*un-sc IRi\.039.*au-dfat 8490/,
    );
  });

  it('shows a subject with the evidence of each listing', async () => {
    const r = await runCli(['subjects', 'show', 'au-dfat:8490'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('subject un-sc:IRi.039');
    expect(r.stdout).toMatch(/au-dfat:8490.*un-reference/);
  });

  it('lists the UN listings Australia does not carry, as text, JSON and CSV', async () => {
    const json = await runCli(['listing-gaps', '--jurisdictions', 'UN,AU', '--json'], env);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      byClass: Record<string, number>;
      matrix: Record<string, Record<string, number>>;
      gaps: { class: string; listedBy: string[]; missing: string[] }[];
    };
    expect(report.byClass['un-not-implemented']).toBe(report.matrix.UN!.AU);
    expect(
      report.gaps.filter((g) => g.class === 'un-not-implemented').every((g) => g.missing[0] === 'AU'),
    ).toBe(true);
    expect(report.byClass['autonomous-single']).toBe(report.matrix.AU!.UN);
    const csv = await runCli(
      ['listing-gaps', '--jurisdictions', 'UN,AU', '--csv', '--class', 'un-not-implemented'],
      env,
    );
    expect(csv.stdout.split('\n')[0]).toBe('subject,name,class,listedBy,missing,delistedBy,programs,reasons');
    expect(csv.stdout.split('\n').filter((l) => l.startsWith('un-sc:')).length).toBe(
      report.byClass['un-not-implemented'],
    );
    const text = await runCli(['listing-gaps', '--jurisdictions', 'UN,AU'], env);
    expect(text.stdout).toMatch(/listed by ↓ \/ not by →/);
  });

  it('refuses an unknown jurisdiction, naming the accepted ones', async () => {
    const r = await runCli(['listing-gaps', '--jurisdictions', 'UN,XX'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('invalid-input');
    expect(r.stderr).toContain('XX');
  });

  it('monitors a register by subject: one alert for the man both lists carry, with both listings', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'entente-subjects-'));
    const register = path.join(dir, 'register.csv');
    writeFileSync(register, 'id,name,type,countries\nC-1,Qasem Soleimani,person,IR\n');
    const created = await runCli(
      ['orgs', 'create', '--name', 'Book Co', '--kind', 'exporter', '--json'],
      env,
    );
    const org = (JSON.parse(created.stdout) as { id: string }).id;
    expect((await runCli(['monitor', 'import', register, '--org', org], env)).code).toBe(0);
    expect((await runCli(['monitor', 'run', '--org', org], env)).code).toBe(0);
    // The first run screened everyone: it counts as a full run, so none is due.
    const status = await runCli(['monitor', 'status', '--org', org, '--json'], env);
    expect(JSON.parse(status.stdout)).toMatchObject({ fullRun: { due: false, deltasSince: 0 } });
    expect((await runCli(['monitor', 'status', '--org', org], env)).stdout).toContain('full run not due');
    const r = await runCli(['monitor', 'alerts', '--org', org, '--json'], env);
    expect(r.code).toBe(0);
    const { alerts } = JSON.parse(r.stdout) as {
      alerts: {
        counterpartyId: string;
        subjectId: string;
        listings: { entityId: string; score?: number }[];
      }[];
    };
    const his = alerts.filter((a) => a.subjectId === 'un-sc:IRi.039');
    expect(his).toHaveLength(1);
    expect(
      his[0]!.listings
        .filter((l) => l.score !== undefined)
        .map((l) => l.entityId)
        .sort(),
    ).toEqual(['au-dfat:8490', 'un-sc:IRi.039']);
    const text = await runCli(['monitor', 'alerts', '--org', org], env);
    expect(text.stdout).toMatch(/un-sc:IRi\.039, au-dfat:8490|au-dfat:8490, un-sc:IRi\.039/);
  });

  // Last: it adds a list the other tests do not expect.
  it('re-resolves the subjects after an import, without being asked', async () => {
    const csv = path.join(mkdtempSync(path.join(tmpdir(), 'entente-subjects-')), 'watch.csv');
    writeFileSync(csv, 'id,name,type,birth_date\nw1,Qasem Soleimani,person,1957-03-11\n');
    const imported = await runCli(['import', 'custom-csv', csv, '--list', 'watch'], env);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('subjects re-resolved (incremental): 1 new or changed listings');
    const r = await runCli(['subjects', 'show', 'custom:watch:w1'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('subject un-sc:IRi.039');
  });
});
