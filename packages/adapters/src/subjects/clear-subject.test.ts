import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildParty,
  DEFAULT_NAME_REFERENCE,
  validateScreeningQuery,
  type ClearanceAuthor,
  type NewListVersion,
  type Party,
} from '@entente/core';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import { sharingStoreFor } from '../sharing/sharing-store.ts';
import { CLI_SOURCE } from '../sharing/actor.ts';
import { ScreeningService } from '../screening/screening-service.ts';
import { screenCsv, type BatchLine } from '../screening/screen-csv.ts';
import { clearSubject } from './clear-subject.ts';
import { subjectServiceFor } from './subject-service.ts';

const person = (source: string, sourceId: string, name: string, extra: Partial<Party> = {}): Party =>
  buildParty({ source, sourceId, schema: 'person', names: [{ full: name, quality: 'primary' }], ...extra });
const dob = { birthDates: [{ value: '1957-03-11', precision: 'day' as const }] };
const version = (source: string, publishedAt: string, parties: Party[]): NewListVersion => ({
  source,
  publishedAt,
  format: 'custom-csv',
  files: [`${source}.csv`],
  parties,
  warnings: [],
});

const SOLEIMANI = ['au-dfat:8490', 'eu-sanctions:x/38', 'un-sc:IRi.039', 'us-ofac-sdn:10481'];
const query = validateScreeningQuery({ name: 'Qasem Soleimani' });

describe.each(storeTargets())('clearances of a subject across list versions on $name', (target) => {
  let store: TestStore;
  let orgId: string;
  let by: ClearanceAuthor;
  beforeEach(async () => {
    store = await target.open();
    orgId = (
      await sharingStoreFor(store).orgs.createOrg(
        { name: 'Widget Exports Ltd', kind: 'exporter' },
        CLI_SOURCE,
      )
    ).id;
    by = { userId: 'user-1', orgId, ip: null };
    await store.saveListVersion(
      version('un-sc', '2026-01-01', [
        person('un-sc', 'IRi.039', 'QASEM SOLEIMANI', { unReference: 'IRi.039', ...dob }),
      ]),
    );
    await store.saveListVersion(
      version('au-dfat', '2026-01-01', [
        person('au-dfat', '8490', 'Qasem SOLEIMANI', { unReference: 'IRi.039' }),
      ]),
    );
    await store.saveListVersion(
      version('us-ofac-sdn', '2026-01-01', [person('us-ofac-sdn', '10481', 'SOLEIMANI, Qasem', dob)]),
    );
    await store.saveListVersion(
      version('eu-sanctions', '2026-01-01', [person('eu-sanctions', 'x/38', 'Qasem Soleimani', dob)]),
    );
  }, 600_000); // a store and four list versions: minutes on a loaded machine
  afterEach(async () => store.close());

  it('clears every listing of the subject, and shows a listing a later list version adds to it as new', async () => {
    const subjects = subjectServiceFor(store, DEFAULT_NAME_REFERENCE);
    expect(await subjects.subjectsOf(['un-sc:IRi.039'])).toEqual({ map: new Map(), resolved: false });
    await subjects.resolve('full');
    const screening = await ScreeningService.open(store, DEFAULT_NAME_REFERENCE);
    const screen = async () => {
      const directory = await subjects.directory();
      return screening.screen(query, {}, orgId, (id) => directory.get(id)?.id);
    };
    const clearance = await clearSubject(
      store,
      {
        orgId,
        subjectId: 'un-sc:IRi.039',
        subject: { name: 'Qasem Soleimani' },
        reason: 'Our customer is a namesake born 1990',
        clearedBy: 'user:1',
      },
      by,
    );
    expect(clearance.listings).toEqual(SOLEIMANI);
    const before = await screen();
    expect(before.map((m) => m.entityId).sort()).toEqual(SOLEIMANI);
    expect(before.every((m) => m.cleared?.id === clearance.id)).toBe(true);

    // The UK lists him under his UN reference: the same subject, a listing nobody cleared.
    await store.saveListVersion(
      version('uk-ofsi', '2026-02-01', [
        person('uk-ofsi', 'IRN0001', 'Qasem SOLEIMANI', { unReference: 'IRi.039' }),
      ]),
    );
    await subjects.refresh();
    await screening.refresh();
    const after = await screen();
    const uk = after.find((m) => m.entityId === 'uk-ofsi:IRN0001')!;
    expect(uk.cleared).toBeUndefined();
    expect(uk.clearanceToReview).toMatchObject({ id: clearance.id, why: 'new-listing' });
    expect(
      after
        .filter((m) => m.cleared)
        .map((m) => m.entityId)
        .sort(),
    ).toEqual(SOLEIMANI);

    // The subjects of just the listings read (what `entente screen "name"` looks up) mark the same.
    const asked: string[][] = [];
    const byListings = await screening.screen(query, {}, orgId, {
      forListings: async (ids) => {
        asked.push(ids);
        const { map } = await subjects.subjectsOf(ids);
        return (id) => map.get(id)?.id;
      },
    });
    expect(byListings).toEqual(after);
    expect(asked).toHaveLength(1);
    const whole = await subjects.directory();
    const few = await subjects.subjectsOf(after.map((m) => m.entityId));
    expect(few.resolved).toBe(true);
    expect([...few.map].sort()).toEqual(after.map((m) => [m.entityId, whole.get(m.entityId)]).sort());

    // Batch screening (`entente screen --input`) names each listing's subject and marks the same.
    const dir = mkdtempSync(path.join(tmpdir(), 'entente-batch-'));
    writeFileSync(path.join(dir, 'in.csv'), 'id,name\nc1,Qasem Soleimani\n');
    const directory = await subjects.directory();
    await screenCsv(screening, {
      input: path.join(dir, 'in.csv'),
      output: path.join(dir, 'out.jsonl'),
      options: {},
      orgId,
      subjectOf: (id) => directory.get(id)?.id,
      workers: 1,
    });
    const [line] = readFileSync(path.join(dir, 'out.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as BatchLine);
    const batched = Object.fromEntries(line!.matches.map((m) => [m.entityId, m]));
    expect(Object.keys(batched).sort()).toEqual([...SOLEIMANI, 'uk-ofsi:IRN0001'].sort());
    expect(line!.matches.every((m) => m.subjectId === 'un-sc:IRi.039')).toBe(true);
    expect(batched['uk-ofsi:IRN0001']).toMatchObject({ clearanceToReview: 'new-listing' });
    expect(batched['uk-ofsi:IRN0001']!.cleared).toBeUndefined();
    expect(SOLEIMANI.every((id) => batched[id]!.cleared && !batched[id]!.clearanceToReview)).toBe(true);
    await screening.close();
  });

  it('covers a listing no resolution has seen as a subject of its own, and refuses a listing of another subject', async () => {
    const input = { orgId, subject: { name: 'Qasem Soleimani' }, reason: 'Namesake', clearedBy: 'user:1' };
    const alone = await clearSubject(store, { ...input, subjectId: 'eu-sanctions:x/38' }, by);
    expect(alone.listings).toEqual(['eu-sanctions:x/38']);
    await subjectServiceFor(store, DEFAULT_NAME_REFERENCE).resolve('full');
    await expect(clearSubject(store, { ...input, subjectId: 'eu-sanctions:x/38' }, by)).rejects.toMatchObject(
      {
        code: 'not-found',
        details: { subjectId: 'un-sc:IRi.039' },
      },
    );
    await expect(clearSubject(store, { ...input, subjectId: 'nowhere:1' }, by)).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
