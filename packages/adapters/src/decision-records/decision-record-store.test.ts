import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock, NewDecisionRecord } from '@entente/core';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import { DecisionRecordStore } from './decision-record-store.ts';

const clock: Clock = { now: () => new Date('2026-03-01T09:00:00.000Z') };

function sampleRecord(overrides: Partial<NewDecisionRecord> = {}): NewDecisionRecord {
  return {
    kind: 'assessment',
    channel: 'api',
    userId: 'usr_1',
    orgId: 'org_a',
    inputs: {
      transaction: { items: [{ description: 'ICs', classifications: { US: '3A001.a.1.b' }, origin: 'US' }] },
    },
    dataVersions: {
      partyLists: [{ source: 'un-sc', versionId: 3, publishedAt: '2026-02-01' }],
      controlLists: [{ list: 'US', version: '2026-07-23', validFrom: '2026-07-23' }],
      earTablesAsOf: '2026-07-23',
      catalogueStamp: '10:10:abc',
      screening: 'not screened',
    },
    outputs: { assessment: { risk: { score: 0.3, level: 'medium' } } },
    summary: {
      exportingCountry: 'US',
      destination: 'CN',
      items: 1,
      parties: 2,
      strictestOutcome: 'licence-required',
      licenceRequired: true,
      riskLevel: 'medium',
      riskScore: 0.3,
    },
    ...overrides,
  };
}

describe.each(storeTargets())('decision records on $name', (target) => {
  let store: TestStore;
  let records: DecisionRecordStore;

  beforeAll(async () => {
    store = await target.open();
    records = new DecisionRecordStore(store.kysely, clock);
  });
  afterAll(() => store?.close());

  it('stores a record with its time, five-year retention and content hash, and returns it by id', async () => {
    const saved = await records.record(sampleRecord());
    expect(saved.id).toMatch(/^dr_[A-Za-z0-9_-]{16}$/);
    expect(saved).toMatchObject({
      createdAt: '2026-03-01T09:00:00.000Z',
      retainUntil: '2031-03-01T09:00:00.000Z',
    });
    const read = await records.get(saved.id);
    expect(read).toEqual(saved);
    expect(DecisionRecordStore.verify(read!)).toBe(true);
  });

  it("lists one organisation's records only, and hides others' records by id", async () => {
    const other = await records.record(sampleRecord({ orgId: 'org_b', userId: 'usr_2' }));
    const cli = await records.record(sampleRecord({ channel: 'cli', orgId: undefined, userId: undefined }));
    expect((await records.list({ orgId: 'org_b' })).map((r) => r.id)).toEqual([other.id]);
    expect(await records.get(other.id, { orgId: 'org_a' })).toBeUndefined();
    expect((await records.list()).map((r) => r.id)).toContain(cli.id);
    expect((await records.list())[0]).not.toHaveProperty('outputs');
  });

  it.each([
    ['update', sql`update decision_records set outputs = '{}'::jsonb`],
    ['delete', sql`delete from decision_records`],
    ['truncate', sql`truncate decision_records`],
  ])('refuses %s: the table is append-only', async (_name, statement) => {
    await expect(statement.execute(store.kysely)).rejects.toThrow(/append-only/);
    expect((await records.list()).length).toBe(3);
  });

  it('rejects a malformed id naming the field', async () => {
    await expect(records.get('1; drop table x')).rejects.toMatchObject({
      code: 'invalid-input',
      details: { field: 'id' },
    });
  });
});
