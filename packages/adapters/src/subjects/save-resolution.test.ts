import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildParty, resolveSubjects, type Listing } from '@entente/core';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import { saveResolution } from './save-resolution.ts';

const listing = (entityId: string, name: string): Listing => {
  const [source, sourceId] = entityId.split(':') as [string, string];
  return {
    entityId,
    source,
    party: buildParty({ source, sourceId, schema: 'person', names: [{ full: name, quality: 'primary' }] }),
    current: true,
    versionId: 1,
    publishedAt: '2026-01-01',
  };
};
const run = {
  startedAt: '2026-12-04T00:00:00Z',
  mode: 'full',
  versions: {},
  listings: 0,
  screened: 0,
  seconds: 0,
  linkRules: 'test',
};
const A = listing('un-sc:A1', 'Alpha One');
const B = listing('au-dfat:B2', 'Bravo Two');
const C = listing('eu-sanctions:C3', 'Charlie Three');

describe.each(storeTargets())('saving a resolution on $name', (target) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await target.open();
  });
  afterEach(async () => store.close());

  const members = async () =>
    (await store.kysely.selectFrom('subject_members').select('entity_id').orderBy('entity_id').execute()).map(
      (r) => r.entity_id,
    );

  it('patches the rows of the previous run, and rewrites them when another process stored a run since', async () => {
    // This process resolved [A, B] and kept the rows it stored.
    const kept = await saveResolution(store.kysely, resolveSubjects([A, B]), [], run);
    // Another API node saw the same list update first and stored [A, B, C].
    await saveResolution(store.kysely, resolveSubjects([A, B, C]), [], run);
    // This process then stores the same [A, B, C] as a patch of what it kept: C is new to it, not to the
    // table. Patching would insert C a second time; the save notices the newer run and rewrites.
    const saved = await saveResolution(store.kysely, resolveSubjects([A, B, C]), [], run, kept);
    expect(await members()).toEqual(['au-dfat:B2', 'eu-sanctions:C3', 'un-sc:A1']);
    const latest = await store.kysely
      .selectFrom('subject_runs')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(saved.runId).toBe(latest.id);
    // Its own previous run still the latest: only what differs is written.
    const next = await saveResolution(store.kysely, resolveSubjects([A, B]), [], run, saved);
    expect(next.written).toBe(0);
    expect(await members()).toEqual(['au-dfat:B2', 'un-sc:A1']);
  });
});
