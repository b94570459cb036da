import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { emptyRunCounts } from '@entente/core';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import { sharingStoreFor } from '../sharing/sharing-store.ts';
import { CLI_SOURCE } from '../sharing/actor.ts';
import { AlertStore } from './alert-store.ts';
import { MonitorRunStore } from './monitor-run-store.ts';
import type { NewAlert, RunOutcome, StoredHit } from './monitor-records.ts';

/** A hit with a match that has what a real one has (quotes and non-ASCII text included). */
const hit = (
  counterpartyId: string,
  entityId: string,
  score: number,
  extra: Partial<StoredHit> = {},
): StoredHit => ({
  counterpartyId,
  entityId,
  score,
  partyHash: `hash-${entityId}`,
  counterpartyVersion: 1,
  listVersionId: 7,
  match: {
    listedName: `ROSOBORONEXPORT ${entityId}`,
    matchedName: 'Rosoboron "Export" ОАО',
    features: { name: score, tokens: 0.5 },
    explanation: ['name 0.93', 'country: RU on both'],
    programs: ['RUSSIA-EO14024'],
    source: 'test-sdn',
  },
  ...extra,
});

const alertOf = (h: StoredHit, extra: Partial<NewAlert> = {}): NewAlert => ({
  kind: 'new',
  counterpartyId: h.counterpartyId,
  counterpartyName: `Name of ${h.counterpartyId}`,
  entityId: h.entityId,
  score: h.score,
  ...h.match,
  ...(h.listVersionId !== undefined ? { listVersionId: h.listVersionId } : {}),
  note: `score ${h.score} on ${h.match.source}`,
  ...extra,
});

const empty = (): RunOutcome => ({
  upsertHits: [],
  deleteHits: [],
  newAlerts: [],
  updatedAlerts: [],
  positions: {},
});

for (const target of storeTargets()) {
  describe(`writing a run's outcome on ${target.name}`, () => {
    let store: TestStore;
    let org: string;
    let runs: MonitorRunStore;
    let alerts: AlertStore;
    beforeEach(async () => {
      store = await target.open();
      org = (
        await sharingStoreFor(store).orgs.createOrg(
          { name: 'Widget Exports Ltd', kind: 'exporter' },
          CLI_SOURCE,
        )
      ).id;
      runs = new MonitorRunStore(store.kysely);
      alerts = new AlertStore(store.kysely);
    });
    afterEach(() => store.close());

    /** Writes an outcome as a run does (its own run row, one transaction), two rows a page. */
    const finish = async (outcome: RunOutcome) => {
      const run = (await runs.claimRun(org, `target-${Math.random()}`, 'manual'))!;
      await runs.finishRun(org, run, outcome, emptyRunCounts(), 2);
      return run;
    };
    const count = async (table: string) =>
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(store.kysely))
        .rows[0]!.n;

    it('writes hits, alerts and their history over several pages, and reads them back as they were', async () => {
      const hits = [
        hit('C-1', 'sdn:1', 0.97),
        hit('C-1', 'sdn:2', 0.9, { listVersionId: undefined }),
        hit('C-2', 'sdn:3', 0.88),
        hit('C-3', 'sdn:1', 0.86),
        hit('C-4', 'sdn:4', 0.85),
      ];
      const first = empty();
      first.upsertHits = hits;
      first.newAlerts = [
        alertOf(hits[0]!, {
          subjectId: 'subject-1',
          subjectName: 'Rosoboronexport',
          listings: [
            { entityId: 'sdn:1', source: 'test-sdn', score: 0.97, listedName: 'ROSOBORONEXPORT sdn:1' },
            { entityId: 'sdn:2', source: 'test-sdn', score: 0.9, listedName: 'ROSOBORONEXPORT sdn:2' },
          ],
          notListedBy: ['eu-fsf'],
        }),
        alertOf(hits[2]!),
        alertOf(hits[3]!),
        alertOf(hits[4]!, { kind: 'changed' }),
      ];
      first.positions = { 'test-sdn': 7, '#register': 3 };
      const run = await finish(first);

      const key = (h: StoredHit) => `${h.counterpartyId}×${h.entityId}`;
      const sorted = (xs: StoredHit[]) => [...xs].sort((x, y) => key(x).localeCompare(key(y)));
      expect(sorted(await runs.hits(org))).toEqual(
        sorted(
          hits.map(({ listVersionId, ...h }) => (listVersionId === undefined ? h : { ...h, listVersionId })),
        ),
      );
      expect(Object.fromEntries(await runs.positions(org))).toEqual({ 'test-sdn': 7, '#register': 3 });
      const stored = await alerts.alerts(org);
      expect(stored).toHaveLength(4);
      const byCp = new Map(stored.map((a) => [a.counterpartyId, a]));
      expect(byCp.get('C-1')).toMatchObject({
        kind: 'new',
        state: 'open',
        counterpartyName: 'Name of C-1',
        entityId: 'sdn:1',
        subjectId: 'subject-1',
        subjectName: 'Rosoboronexport',
        notListedBy: ['eu-fsf'],
        listedName: 'ROSOBORONEXPORT sdn:1',
        matchedName: 'Rosoboron "Export" ОАО',
        score: 0.97,
        features: { name: 0.97, tokens: 0.5 },
        explanation: ['name 0.93', 'country: RU on both'],
        programs: ['RUSSIA-EO14024'],
        listVersionId: 7,
        runId: run.id,
      });
      expect(byCp.get('C-1')!.listings.map((l) => l.entityId)).toEqual(['sdn:1', 'sdn:2']);
      // An alert of one listing: its subject is that listing, its listings the one hit.
      expect(byCp.get('C-2')).toMatchObject({
        subjectId: 'sdn:3',
        listings: [
          { entityId: 'sdn:3', source: 'test-sdn', score: 0.88, listedName: 'ROSOBORONEXPORT sdn:3' },
        ],
        notListedBy: [],
      });
      expect(byCp.get('C-2')!.subjectName).toBeUndefined();
      expect(byCp.get('C-4')!.kind).toBe('changed');
      for (const a of stored)
        expect(a.events.map((e) => [e.type, e.by, e.to, e.comment])).toEqual([
          ['raised', 'monitor', 'open', `score ${a.score} on test-sdn`],
        ]);

      // The next run: a hit gone, one changed (upserted), two alerts updated (one with its subject).
      const next = empty();
      next.deleteHits = [{ counterpartyId: 'C-3', entityId: 'sdn:1' }];
      const changed = hit('C-2', 'sdn:3', 0.91, { listVersionId: 8, partyHash: 'hash-new' });
      next.upsertHits = [changed];
      next.updatedAlerts = [
        {
          id: byCp.get('C-1')!.id,
          hit: hit('C-1', 'sdn:2', 0.99, { listVersionId: 8 }),
          subject: {
            subjectId: 'subject-1',
            listings: [
              { entityId: 'sdn:2', source: 'test-sdn', score: 0.99, listedName: 'ROSOBORONEXPORT sdn:2' },
            ],
            notListedBy: [],
          },
          note: 'sdn:2 scores higher now',
        },
        { id: byCp.get('C-2')!.id, hit: changed, note: 'score 0.88 → 0.91' },
        { id: byCp.get('C-4')!.id, note: 'a note only' },
      ];
      next.positions = { 'test-sdn': 8 };
      await finish(next);

      expect(
        (await runs.hits(org)).map((h) => `${h.counterpartyId}×${h.entityId} ${h.score} ${h.partyHash}`),
      ).toEqual(expect.arrayContaining(['C-2×sdn:3 0.91 hash-new', 'C-1×sdn:1 0.97 hash-sdn:1']));
      expect(await count('monitor_hits')).toBe(4);
      expect(Object.fromEntries(await runs.positions(org))).toEqual({ 'test-sdn': 8, '#register': 3 });
      const after = new Map((await alerts.alerts(org)).map((a) => [a.counterpartyId, a]));
      // The subject's name was given no more: it is cleared, as the update before this writer did.
      expect(after.get('C-1')).toMatchObject({
        entityId: 'sdn:2',
        score: 0.99,
        listVersionId: 8,
        notListedBy: [],
      });
      expect(after.get('C-1')!.subjectName).toBeUndefined();
      expect(after.get('C-1')!.listings.map((l) => l.entityId)).toEqual(['sdn:2']);
      // No subject given: the alert keeps its subject and listings.
      expect(after.get('C-2')).toMatchObject({
        entityId: 'sdn:3',
        score: 0.91,
        subjectId: 'sdn:3',
        listVersionId: 8,
      });
      expect(after.get('C-2')!.listings.map((l) => l.entityId)).toEqual(['sdn:3']);
      expect(after.get('C-4')).toMatchObject({ score: 0.85, entityId: 'sdn:4' });
      expect(after.get('C-1')!.events.map((e) => [e.type, e.comment])).toEqual([
        ['raised', 'score 0.97 on test-sdn'],
        ['updated', 'sdn:2 scores higher now'],
      ]);
      expect(after.get('C-4')!.events.map((e) => e.type)).toEqual(['raised', 'updated']);
      expect(after.get('C-3')!.events.map((e) => e.type)).toEqual(['raised']);
    });

    it('reads the hits for a run without their explanations, and an alert showing one copies its stored match', async () => {
      const first = empty();
      first.upsertHits = [hit('C-1', 'sdn:1', 0.97), hit('C-2', 'sdn:3', 0.88)];
      first.newAlerts = [alertOf(first.upsertHits[1]!)];
      await finish(first);
      const read = await runs.runHits(org);
      const c1 = read.find((h) => h.counterpartyId === 'C-1')!;
      const c2 = read.find((h) => h.counterpartyId === 'C-2')!;
      // Keys, score, fingerprints and names as stored; no features, explanation or programmes.
      expect(c1).toEqual({
        ...hit('C-1', 'sdn:1', 0.97),
        match: { ...hit('C-1', 'sdn:1', 0.97).match, features: {}, explanation: [], programs: [] },
        partial: true,
      });
      const [alert] = await alerts.runAlerts(org, ['new', 'changed', 'gone']);
      expect(alert).toEqual({
        id: expect.any(String),
        kind: 'new',
        state: 'open',
        counterpartyId: 'C-2',
        entityId: 'sdn:3',
        createdAt: expect.any(String),
      });

      // C-1's hit is gone (its alert shows the hit as read, deleted in the same run) and C-2's
      // alert is brought up to the hit as read: both take the match from the stored row.
      const next = empty();
      next.deleteHits = [{ counterpartyId: 'C-1', entityId: 'sdn:1' }];
      next.newAlerts = [alertOf(c1, { kind: 'gone', matchOf: { counterpartyId: 'C-1', entityId: 'sdn:1' } })];
      next.updatedAlerts = [{ id: alert!.id, hit: c2, note: 'read again' }];
      await finish(next);
      expect(await count('monitor_hits')).toBe(1);
      const after = new Map((await alerts.alerts(org)).map((a) => [a.counterpartyId, a]));
      const full = hit('C-1', 'sdn:1', 0.97).match;
      expect(after.get('C-1')).toMatchObject({
        kind: 'gone',
        listedName: full.listedName,
        matchedName: full.matchedName,
        features: full.features,
        explanation: full.explanation,
        programs: full.programs,
      });
      expect(after.get('C-2')).toMatchObject({
        features: { name: 0.88, tokens: 0.5 },
        explanation: ['name 0.93', 'country: RU on both'],
        programs: ['RUSSIA-EO14024'],
      });
    });

    it('keeps the match an alert was raised with when a later run changes or deletes the hit it refers to', async () => {
      // Alerts raised by a run refer to the match of the hit they show (migration 022).
      const first = empty();
      first.upsertHits = [hit('C-1', 'sdn:1', 0.97), hit('C-2', 'sdn:3', 0.88), hit('C-3', 'sdn:4', 0.8)];
      first.newAlerts = first.upsertHits.map((h) =>
        alertOf(h, { matchOf: { counterpartyId: h.counterpartyId, entityId: h.entityId } }),
      );
      await finish(first);
      const raised = new Map((await alerts.alerts(org)).map((a) => [a.counterpartyId, a]));
      const refs = await sql<{
        n: number;
      }>`select count(*)::int as n from monitor_alerts where match is null`.execute(store.kysely);
      expect(refs.rows[0]!.n).toBe(3);
      expect(raised.get('C-1')).toMatchObject({ explanation: ['name 0.93', 'country: RU on both'] });
      // The `raised` entry, kept on the row, reads as the event row did: at the alert's creation.
      for (const a of raised.values())
        expect(a.events).toEqual([
          {
            at: a.createdAt,
            by: 'monitor',
            type: 'raised',
            to: 'open',
            comment: `score ${a.score} on test-sdn`,
          },
        ]);

      // The next run changes C-1's hit (another explanation) without updating its alert, deletes
      // C-2's, and brings C-3's alert up to its changed hit.
      const next = empty();
      const changed = (h: StoredHit) => ({
        ...h,
        match: { ...h.match, explanation: ['name 0.99', 'changed'] },
      });
      next.upsertHits = [changed(hit('C-1', 'sdn:1', 0.99)), changed(hit('C-3', 'sdn:4', 0.95))];
      next.deleteHits = [{ counterpartyId: 'C-2', entityId: 'sdn:3' }];
      next.updatedAlerts = [
        { id: raised.get('C-3')!.id, hit: next.upsertHits[1]!, note: 'score 0.8 → 0.95' },
      ];
      await finish(next);
      const after = new Map((await alerts.alerts(org)).map((a) => [a.counterpartyId, a]));
      expect(after.get('C-1')).toEqual(raised.get('C-1'));
      expect(after.get('C-2')).toEqual(raised.get('C-2'));
      expect(after.get('C-3')).toMatchObject({ score: 0.95, explanation: ['name 0.99', 'changed'] });
      expect(await alerts.alert(org, raised.get('C-1')!.id)).toEqual(raised.get('C-1'));

      // A third run changes C-3's hit again: its alert keeps the match of its last update.
      const third = empty();
      third.upsertHits = [hit('C-3', 'sdn:4', 0.7)];
      await finish(third);
      expect((await alerts.alert(org, raised.get('C-3')!.id)).explanation).toEqual(['name 0.99', 'changed']);
    });

    it('reads an alert stored before migration 022 (its own match, its raised entry a row) as before', async () => {
      const id = 'alert-before-022';
      await sql`insert into monitor_alerts (id, org_id, kind, state, counterparty_id, counterparty_name, entity_id,
          listed_name, matched_name, score, match, created_at)
        values (${id}, ${org}, 'new', 'open', 'C-9', 'Name of C-9', 'sdn:9', 'LISTED', 'Matched', 0.9,
          ${JSON.stringify(hit('C-9', 'sdn:9', 0.9).match)}::jsonb, '2026-12-01T10:00:00Z')`.execute(
        store.kysely,
      );
      await sql`insert into monitor_alert_events (alert_id, at, by, type, to_state, comment)
        values (${id}, '2026-12-01T10:00:00Z', 'monitor', 'raised', 'open', 'score 0.9 on test-sdn')`.execute(
        store.kysely,
      );
      const a = await alerts.alert(org, id);
      expect(a).toMatchObject({
        explanation: ['name 0.93', 'country: RU on both'],
        programs: ['RUSSIA-EO14024'],
      });
      expect(a.events).toEqual([
        {
          at: '2026-12-01T10:00:00.000Z',
          by: 'monitor',
          type: 'raised',
          to: 'open',
          comment: 'score 0.9 on test-sdn',
        },
      ]);
      expect(await alerts.alerts(org)).toEqual([a]);
    });

    it('stores every field of hits and alerts as given, whatever their text and numbers', async () => {
      // Text as a register or a list may hold it (quotes, backslashes, control characters, any
      // script, astral characters; no NUL, which PostgreSQL's text cannot hold; not empty, which
      // the readers give as absent) and any score: each page crosses as one JSON document and is
      // taken apart in SQL.
      const text = fc
        .string({ unit: 'binary', minLength: 1, maxLength: 12 })
        .map((t) => t.replace(/\0/g, ''))
        .filter((t) => t.length > 0);
      const score = fc.double({ min: 0, max: 1, noNaN: true });
      const match = fc.record({
        listedName: text,
        matchedName: text,
        features: fc.dictionary(text, score, { maxKeys: 3 }),
        explanation: fc.array(text, { maxLength: 3 }),
        programs: fc.array(text, { maxLength: 2 }),
        source: text,
      });
      let round = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ score, match, note: text, name: text, partyHash: text }), {
            minLength: 1,
            maxLength: 6,
          }),
          async (rows) => {
            round++;
            const outcome = empty();
            outcome.upsertHits = rows.map((r, k) => ({
              ...hit(`P${round}-${k}`, `sdn:${k}`, r.score, { partyHash: r.partyHash }),
              match: r.match,
            }));
            // Every other alert carries its own copy of the match (as an ownership alert does).
            outcome.newAlerts = outcome.upsertHits.map((h, k) => ({
              ...alertOf(h, { counterpartyName: rows[k]!.name, note: rows[k]!.note }),
              ...(k % 2 === 0 ? { matchOf: { counterpartyId: h.counterpartyId, entityId: h.entityId } } : {}),
            }));
            await finish(outcome);
            const ours = (id: string) => id.startsWith(`P${round}-`);
            const byCp = <T extends { counterpartyId: string }>(xs: T[]) =>
              [...xs].sort((x, y) => (x.counterpartyId < y.counterpartyId ? -1 : 1));
            expect(byCp((await runs.hits(org)).filter((h) => ours(h.counterpartyId)))).toEqual(
              byCp(outcome.upsertHits),
            );
            const stored = byCp((await alerts.alerts(org)).filter((a) => ours(a.counterpartyId)));
            expect(
              stored.map((a) => ({
                counterpartyName: a.counterpartyName,
                score: a.score,
                listedName: a.listedName,
                matchedName: a.matchedName,
                features: a.features,
                explanation: a.explanation,
                programs: a.programs,
                source: a.listings[0]!.source,
                note: a.events[0]!.comment,
              })),
            ).toEqual(
              byCp(outcome.newAlerts).map((a) => ({
                counterpartyName: a.counterpartyName,
                score: a.score,
                listedName: a.listedName,
                matchedName: a.matchedName,
                features: a.features,
                explanation: a.explanation,
                programs: a.programs,
                source: a.source,
                note: a.note,
              })),
            );
          },
        ),
        { numRuns: 8 },
      );
    });

    it('leaves the store as it was when a write fails on a later page', async () => {
      const first = empty();
      first.upsertHits = [hit('C-1', 'sdn:1', 0.97)];
      first.newAlerts = [alertOf(first.upsertHits[0]!)];
      first.positions = { 'test-sdn': 7 };
      await finish(first);
      const before = {
        hits: await runs.hits(org),
        alerts: await alerts.alerts(org),
        positions: Object.fromEntries(await runs.positions(org)),
        events: await count('monitor_alert_events'),
      };

      // A real constraint refuses the last alert (its `raised` note, kept on its row): the hits
      // and the other pages of alerts were written before it in the same transaction.
      await sql`alter table monitor_alerts add constraint refuse_note check (raised_note <> 'refused') not valid`.execute(
        store.kysely,
      );
      const next = empty();
      next.deleteHits = [{ counterpartyId: 'C-1', entityId: 'sdn:1' }];
      next.upsertHits = ['sdn:2', 'sdn:3', 'sdn:4', 'sdn:5', 'sdn:6'].map((e) => hit('C-2', e, 0.9));
      next.newAlerts = next.upsertHits.map((h, i) => alertOf(h, i === 4 ? { note: 'refused' } : {}));
      next.updatedAlerts = [{ id: before.alerts[0]!.id, hit: hit('C-1', 'sdn:1', 0.5), note: 'updated' }];
      next.positions = { 'test-sdn': 8 };
      const run = (await runs.claimRun(org, 'the next run', 'manual'))!;
      await expect(runs.finishRun(org, run, next, emptyRunCounts(), 2)).rejects.toThrow(/refuse_note/);

      expect(await runs.hits(org)).toEqual(before.hits);
      expect(await alerts.alerts(org)).toEqual(before.alerts);
      expect(Object.fromEntries(await runs.positions(org))).toEqual(before.positions);
      expect(await count('monitor_alert_events')).toBe(before.events);
      expect((await runs.recent(org)).find((r) => r.id === run.id)?.state).toBe('running');

      await sql`alter table monitor_alerts drop constraint refuse_note`.execute(store.kysely);
      await runs.finishRun(org, run, next, emptyRunCounts(), 2);
      expect((await runs.hits(org)).map((h) => h.entityId).sort()).toEqual([
        'sdn:2',
        'sdn:3',
        'sdn:4',
        'sdn:5',
        'sdn:6',
      ]);
      expect(await alerts.alerts(org)).toHaveLength(6);
    });

    /** The indexes of the two tables a run writes, as the store defines them. */
    const indexes = async () =>
      (
        await sql<{ d: string }>`
          select indexdef as d from pg_indexes
          where tablename in ('monitor_alerts', 'monitor_hits') and schemaname = current_schema()
          order by indexname`.execute(store.kysely)
      ).rows.map((r) => r.d);

    it('writes a first full run in pages on one connection with the same rows and indexes, and rolls a failed one back whole', async () => {
      const oneConnection = target.name === 'pglite';
      const before = await indexes();
      expect(before.length).toBeGreaterThanOrEqual(6);
      const hits = ['C-1', 'C-2', 'C-3'].flatMap((c) => [hit(c, 'sdn:1', 0.97), hit(c, 'sdn:2', 0.9)]);
      const page = (rows: StoredHit[]) => ({
        ...empty(),
        upsertHits: rows,
        newAlerts: rows.map((h) => alertOf(h)),
      });

      // A run that fails after writing a page: nothing of it stays, and the indexes are there.
      const failed = runs.openWrite(org, (await runs.claimRun(org, 'failed', 'manual'))!, {
        oneConnection,
        pageSize: 2,
      });
      await failed.write(page(hits.slice(0, 3)));
      await failed.abort();
      expect(await indexes()).toEqual(before);
      expect(await count('monitor_hits')).toBe(0);
      expect(await count('monitor_alerts')).toBe(0);

      const run = (await runs.claimRun(org, 'first', 'manual'))!;
      const write = runs.openWrite(org, run, { oneConnection, pageSize: 2 });
      await write.write(page(hits.slice(0, 3)));
      await write.write(page(hits.slice(3)));
      await write.finish({ ...empty(), positions: { 'test-sdn': 7 } }, emptyRunCounts());
      expect(await indexes()).toEqual(before);
      expect((await runs.recent(org)).find((r) => r.id === run.id)?.state).toBe('done');
      expect((await runs.hits(org)).map((h) => [h.counterpartyId, h.entityId, h.score])).toEqual(
        hits.map((h) => [h.counterpartyId, h.entityId, h.score]),
      );
      const written = await alerts.alerts(org);
      expect(written.map((a) => [a.counterpartyId, a.entityId, a.explanation])).toEqual(
        hits.map((h) => [h.counterpartyId, h.entityId, h.match.explanation]),
      );

      // The next run finds hits stored, and writes them as before: a changed hit's match is copied
      // into the alert that refers to it (migration 022's trigger, by the alerts' indexes).
      const next = runs.openWrite(org, (await runs.claimRun(org, 'next', 'manual'))!, {
        oneConnection,
        pageSize: 2,
      });
      await next.write({
        ...empty(),
        upsertHits: [hit('C-1', 'sdn:1', 0.5, { match: { ...hits[0]!.match, explanation: ['changed'] } })],
      });
      await next.finish({ ...empty(), positions: { 'test-sdn': 8 } }, emptyRunCounts());
      expect(await indexes()).toEqual(before);
      const kept = (await alerts.alerts(org)).find(
        (a) => a.counterpartyId === 'C-1' && a.entityId === 'sdn:1',
      )!;
      expect(kept.explanation).toEqual(hits[0]!.match.explanation);
    });
  });
}
