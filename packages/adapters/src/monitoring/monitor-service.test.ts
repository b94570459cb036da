import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEFAULT_NAME_REFERENCE } from '@entente/core';
import { ScreeningService } from '../screening/screening-service.ts';
import { MonitorService } from './monitor-service.ts';
import { storeTargets } from '../test-support/store-targets.ts';
import { CLI_SOURCE } from '../sharing/actor.ts';
import { listOf, useMonitorWorld } from '../test-support/monitor-world.ts';

const SOURCE = 'test-sdn';
const { party, version } = listOf(SOURCE, 'sdn.csv');

const V1 = [
  party('1', 'organization', ['Rosoboronexport']),
  party('2', 'person', ['Ivan Sergeyevich Petrov'], { birthDates: [{ value: '1970', precision: 'year' }] }),
  party('3', 'vessel', ['Ocean Star'], { identifiers: [{ type: 'imo', value: '9187629' }] }),
  party('4', 'organization', ['Zenith Aerospace Technologies']),
];
// The next week: Globex listed, Petrov's record changed (an alias), Ocean Star delisted,
// Zenith unchanged.
const V2 = [
  V1[0]!,
  party('2', 'person', ['Ivan Sergeyevich Petrov', 'Ivan Petroff'], {
    birthDates: [{ value: '1970', precision: 'year' }],
  }),
  V1[3]!,
  party('5', 'organization', ['Globex Holdings Limited']),
];
// Then Rosoboronexport's record changes (a programme added).
const V3 = [{ ...V2[0]!, programs: ['RUSSIA-EO14024', 'UKRAINE-EO13662'] }, ...V2.slice(1)];

const REGISTER = `id,name,aliases,type,countries,birth_date,imo,owners
C-1,Rosoboron Export OAO,,organisation,RU,,,
C-2,Ivan Petrov,,person,RU,1970-03-02,,
C-3,Ocean Star Shipping Vessel,,vessel,,,IMO 9187629,
C-4,Globex Holdings Ltd,,organisation,GB,,,C-1:30%
C-5,Acme Tools GmbH,Acme Werkzeuge,organisation,DE,,,
C-6,Zenit Aerospace Technologies,,organisation,,,,
`;

for (const target of storeTargets()) {
  describe(`monitoring on ${target.name}`, () => {
    const w = useMonitorWorld(target, () => version('2024-04-26', V1));
    let a: string;
    let b: string;
    const byA = () => ({ userId: 'user-a', orgId: a, ip: '192.0.2.1' });
    beforeEach(async () => {
      a = await w.org('Widget Exports Ltd');
      b = await w.org('Gadget Trading plc');
      await w.sharing.orgs.createUser(
        { orgId: a, email: 'officer@widget.example', role: 'compliance-officer' },
        CLI_SOURCE,
      );
    });

    const summary = async (orgId: string) =>
      (await w.monitor.alerts.alerts(orgId))
        .map((x) => `${x.kind} ${x.counterpartyId}×${x.entityId} ${x.state}`)
        .sort();

    it('imports a register once, raises alerts on the first run and only what changed after a list update', async () => {
      const first = await w.monitor.importRegister(a, 'book.csv', REGISTER, CLI_SOURCE);
      expect(first).toMatchObject({
        created: true,
        rows: 6,
        added: ['C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'C-6'],
      });
      expect(await w.monitor.importRegister(a, 'book.csv', REGISTER, CLI_SOURCE)).toMatchObject({
        created: false,
        unchanged: 6,
      });
      expect(await w.monitor.register.ownershipLinks(a)).toEqual([
        { ownerId: 'C-1', ownedId: 'C-4', share: 30 },
      ]);

      const run1 = await w.monitor.run(a, { trigger: 'register' });
      expect(run1?.counts).toMatchObject({ counterpartiesScreened: 6, newAlerts: 4 });
      expect(await summary(a)).toEqual([
        `new C-1×${SOURCE}:1 open`,
        `new C-2×${SOURCE}:2 open`,
        `new C-3×${SOURCE}:3 open`,
        `new C-6×${SOURCE}:4 open`,
      ]);
      expect(await w.monitor.run(a, { trigger: 'manual' })).toBeUndefined();

      await w.store.saveListVersion(version('2024-05-03', V2));
      const run2 = await w.monitor.run(a, { trigger: 'list-version' });
      expect(run2?.counts).toMatchObject({ partiesScreened: 2, newAlerts: 1, goneAlerts: 1 });
      expect(run2!.counts.counterpartiesScreened).toBeLessThan(6);
      expect(await summary(a)).toEqual([
        `gone C-3×${SOURCE}:3 open`,
        `new C-1×${SOURCE}:1 open`,
        `new C-2×${SOURCE}:2 open`,
        `new C-3×${SOURCE}:3 open`,
        `new C-4×${SOURCE}:5 open`,
        `new C-6×${SOURCE}:4 open`,
      ]);
      // Petrov's open alert was brought up to date rather than doubled.
      const petrov = (await w.monitor.alerts.alerts(a, { counterpartyId: 'C-2' }))[0]!;
      expect(petrov.events.map((e) => e.type)).toEqual(['raised', 'updated']);
      const gone = (await w.monitor.alerts.alerts(a, { kinds: ['gone'] }))[0]!;
      expect(gone.events[0]?.comment).toBe(`${SOURCE}:3 was delisted`);

      // The delta agrees with screening everything again.
      const full = await w.monitor.run(a, { trigger: 'manual', full: true });
      expect(full?.counts).toMatchObject({
        counterpartiesScreened: 6,
        newAlerts: 0,
        changedAlerts: 0,
        goneAlerts: 0,
      });
      expect(await w.monitor.runs.recent(a)).toHaveLength(3);
    });

    it('re-screens a changed counterparty against everything', async () => {
      await w.monitor.importRegister(a, 'book.csv', REGISTER, CLI_SOURCE);
      await w.monitor.run(a, { trigger: 'register' });
      const renamed = REGISTER.replace(
        'C-5,Acme Tools GmbH,Acme Werkzeuge',
        'C-5,Globex Holdings Ltd,Acme Werkzeuge',
      );
      await w.store.saveListVersion(version('2024-05-03', V2));
      const imported = await w.monitor.importRegister(a, 'book.csv', renamed, CLI_SOURCE);
      expect(imported).toMatchObject({ created: true, changed: ['C-5'], unchanged: 5 });
      expect((await w.monitor.register.history(a, 'C-5')).map((c) => c.version)).toEqual([2, 1]);
      await w.monitor.run(a, { trigger: 'register' });
      expect(await summary(a)).toContain(`new C-5×${SOURCE}:5 open`);
    });

    it('keeps a false positive cleared on the next update, and audits every change', async () => {
      await w.monitor.importRegister(a, 'book.csv', REGISTER, CLI_SOURCE);
      await w.monitor.run(a, { trigger: 'register' });
      const alert = (await w.monitor.alerts.alerts(a, { counterpartyId: 'C-1' }))[0]!;
      await expect(
        w.monitor.changeAlert(a, alert.id, { state: 'false-positive', reason: 'x' }, byA()),
      ).rejects.toMatchObject({ code: 'alert-transition-refused' });
      await w.monitor.changeAlert(
        a,
        alert.id,
        { state: 'in-review', assignee: 'officer@widget.example', comment: 'Looking' },
        byA(),
      );
      const decided = await w.monitor.changeAlert(
        a,
        alert.id,
        {
          state: 'false-positive',
          reason: 'Our customer is a tool maker in Tula, not the arms exporter',
          expiresAt: '2099-01-01',
        },
        byA(),
      );
      expect(decided).toMatchObject({
        state: 'false-positive',
        reason: expect.stringContaining('tool maker'),
      });
      expect(decided.clearanceId).toBeDefined();
      expect(decided.events.map((e) => e.type)).toEqual(['raised', 'state', 'assign', 'comment', 'state']);
      expect((await w.store.clearances(a)).map((c) => c.entityId)).toEqual([`${SOURCE}:1`]);

      await w.store.saveListVersion(version('2024-05-03', V2));
      await w.monitor.run(a, { trigger: 'list-version' });
      await w.store.saveListVersion(version('2024-05-10', V3));
      const run = await w.monitor.run(a, { trigger: 'list-version' });
      expect(run?.counts).toMatchObject({ suppressed: 1, newAlerts: 0, changedAlerts: 0 });
      expect((await w.monitor.alerts.alerts(a, { counterpartyId: 'C-1' })).map((x) => x.state)).toEqual([
        'false-positive',
      ]);

      const actions = await sql<{
        action: string;
        outcome: string;
      }>`select action, outcome from audit_log where action like 'monitor.%' order by seq`.execute(
        w.store.kysely,
      );
      expect(actions.rows).toEqual([
        { action: 'monitor.register-import', outcome: 'ok' },
        { action: 'monitor.alert-change', outcome: 'ok' },
        { action: 'monitor.alert-change', outcome: 'ok' },
      ]);
    });

    // A real constraint refuses one write of the decision (added NOT VALID: rows already there stay).
    const FAILURES = [
      {
        where: 'in the middle (the history entry, after the clearance and the alert row)',
        ddl: sql`alter table monitor_alert_events add constraint refuse_fp check (to_state is distinct from 'false-positive') not valid`,
        undo: sql`alter table monitor_alert_events drop constraint refuse_fp`,
      },
      {
        where: "at the end (the alert's audit entry)",
        ddl: sql`alter table audit_log add constraint refuse_fp check (action <> 'monitor.alert-change') not valid`,
        undo: sql`alter table audit_log drop constraint refuse_fp`,
      },
    ];
    for (const failure of FAILURES)
      it(`decides a false positive all at once: a failure ${failure.where} leaves nothing half-done`, async () => {
        await w.monitor.importRegister(a, 'book.csv', REGISTER, CLI_SOURCE);
        await w.monitor.run(a, { trigger: 'register' });
        const alert = (await w.monitor.alerts.alerts(a, { counterpartyId: 'C-1' }))[0]!;
        await w.monitor.changeAlert(a, alert.id, { state: 'in-review' }, byA());
        const count = async (table: string) =>
          (
            await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
              w.store.kysely,
            )
          ).rows[0]!.n;
        const before = {
          clearances: await count('clearances'),
          audit: await count('audit_log'),
          events: await count('monitor_alert_events'),
        };
        await failure.ddl.execute(w.store.kysely);
        const decide = () =>
          w.monitor.changeAlert(
            a,
            alert.id,
            { state: 'false-positive', reason: 'A tool maker in Tula', expiresAt: '2099-01-01' },
            byA(),
          );
        await expect(decide()).rejects.toThrow(/refuse_fp/);
        expect({
          clearances: await count('clearances'),
          audit: await count('audit_log'),
          events: await count('monitor_alert_events'),
        }).toEqual(before);
        const head = await sql<{ count: number }>`select count::int as count from audit_head`.execute(
          w.store.kysely,
        );
        expect(head.rows[0]!.count).toBe(before.audit);
        expect(await w.monitor.alerts.alert(a, alert.id)).toMatchObject({ state: 'in-review' });
        expect((await w.monitor.alerts.alert(a, alert.id)).clearanceId).toBeUndefined();

        // Nothing was left to block the same decision once the constraint is gone.
        await failure.undo.execute(w.store.kysely);
        const decided = await decide();
        expect(decided.state).toBe('false-positive');
        expect(await count('clearances')).toBe(before.clearances + 1);
        expect(await count('audit_log')).toBe(before.audit + 2);
      });

    it('writes a run wholly or not at all: a failure after its hits and alerts leaves the store as it was', async () => {
      await w.monitor.importRegister(a, 'book.csv', REGISTER, CLI_SOURCE);
      await w.monitor.run(a, { trigger: 'register' });
      await w.store.saveListVersion(version('2024-05-03', V2));
      const state = async () => ({
        hits: (await w.monitor.runs.hits(a))
          .map((h) => `${h.counterpartyId}×${h.entityId} ${h.score}`)
          .sort(),
        alerts: await summary(a),
        events: (await w.monitor.alerts.alerts(a)).map((x) => x.events.length),
        positions: Object.fromEntries(await w.monitor.runs.positions(a)),
      });
      const before = await state();
      // The run's last writes are its history entries: a real constraint refuses them.
      await sql`alter table monitor_alert_events add constraint refuse_run check (by <> 'monitor') not valid`.execute(
        w.store.kysely,
      );
      await expect(w.monitor.run(a, { trigger: 'list-version' })).rejects.toThrow(/refuse_run/);
      expect(await state()).toEqual(before);
      expect((await w.monitor.runs.recent(a))[0]).toMatchObject({ state: 'failed' });

      await sql`alter table monitor_alert_events drop constraint refuse_run`.execute(w.store.kysely);
      const again = await w.monitor.run(a, { trigger: 'list-version' });
      expect(again?.counts).toMatchObject({ newAlerts: 1, goneAlerts: 1 });
      expect(await state()).not.toEqual(before);
    });

    it("answers another organisation's alert like an unknown one, and audits the attempt", async () => {
      await w.monitor.importRegister(a, 'book.csv', REGISTER, CLI_SOURCE);
      await w.monitor.run(a, { trigger: 'register' });
      const alert = (await w.monitor.alerts.alerts(a))[0]!;
      const byB = { userId: 'user-b', orgId: b, ip: '192.0.2.2' };
      await expect(w.monitor.changeAlert(b, alert.id, { state: 'in-review' }, byB)).rejects.toMatchObject({
        code: 'not-found',
        message: `No alert ${alert.id}`,
      });
      await expect(
        w.monitor.changeAlert(b, 'no-such-alert', { state: 'in-review' }, byB),
      ).rejects.toMatchObject({
        code: 'not-found',
        message: 'No alert no-such-alert',
      });
      expect(await w.monitor.alerts.alerts(b)).toEqual([]);
      expect(await w.monitor.register.counterparties(b)).toEqual([]);
      expect(await w.monitor.runs.recent(b)).toEqual([]);
      const denied = await sql<{
        n: number;
      }>`select count(*)::int as n from audit_log where action like 'monitor.%' and outcome = 'denied'`.execute(
        w.store.kysely,
      );
      expect(denied.rows[0]?.n).toBe(2);
      await expect(
        w.monitor.changeAlert(a, alert.id, { assignee: 'someone@else.example' }, byA()),
      ).rejects.toMatchObject({
        code: 'invalid-input',
        details: { field: 'assignee' },
      });
    });

    it('refuses a register with row problems and stores none of it', async () => {
      const bad = REGISTER + 'C-7,,,organisation,ZZ,,,\n';
      await expect(w.monitor.importRegister(a, 'book.csv', bad, CLI_SOURCE)).rejects.toMatchObject({
        code: 'register-invalid',
        details: { file: 'book.csv', row: 8, field: 'name' },
      });
      expect(await w.monitor.register.counterparties(a)).toEqual([]);
      await expect(w.monitor.importRegister(a, 'book.csv', 'a,b\n1,2\n', CLI_SOURCE)).rejects.toMatchObject({
        code: 'file-rejected',
      });
    });

    if (target.openAnother)
      it('lets one of two nodes run a given update', async () => {
        await w.monitor.importRegister(a, 'book.csv', REGISTER, CLI_SOURCE);
        const other = await target.openAnother!(w.store);
        const otherScreening = await ScreeningService.open(other, DEFAULT_NAME_REFERENCE);
        const otherMonitor = new MonitorService(other, otherScreening);
        try {
          const runs = await Promise.all([
            w.monitor.run(a, { trigger: 'register' }),
            otherMonitor.run(a, { trigger: 'register' }),
          ]);
          expect(runs.filter(Boolean)).toHaveLength(1);
          expect(await w.monitor.alerts.alerts(a)).toHaveLength(4);
        } finally {
          await otherMonitor.close();
          await otherScreening.close();
          await other.close();
        }
      });

    // A full run writes pages of its outcome while it screens (`MonitorOptions.overlapPage`): it
    // must store what the run written after the screening stores, and stay all-or-nothing.
    const WITH_C7 = REGISTER + 'C-7,Zenith Aerospace Technologies,,organisation,FR,,,\n';
    /** Every alert (with its history's notes) and hit of the organisation, without ids or times. */
    const state = async (monitor: MonitorService, orgId: string) => ({
      alerts: (await monitor.alerts.alerts(orgId, { limit: 1000 }))
        .map((x) =>
          [
            x.kind,
            x.counterpartyId,
            x.entityId,
            x.state,
            x.score,
            x.listedName,
            x.matchedName,
            JSON.stringify(x.listings),
            JSON.stringify([x.features, x.explanation, x.programs, x.notListedBy, x.subjectId]),
            x.events.map((e) => `${e.type}:${e.comment ?? ''}`).join('|'),
          ].join(' '),
        )
        .sort(),
      hits: (await monitor.runs.hits(orgId))
        .map((h) => `${h.counterpartyId}×${h.entityId} ${h.score} ${JSON.stringify(h.match)}`)
        .sort(),
      // The register's position is a sequence over every organisation's imports: its presence only.
      positions: [...(await monitor.runs.positions(orgId))]
        .map(([source, p]) => `${source}@${source === '#register' ? '' : p}`)
        .sort(),
    });

    it('stores the alerts and hits the run written after its screening stores, page by page', async () => {
      // One counterparty a page, against the whole outcome written after the screening (0).
      const paged = new MonitorService(w.store, w.screening, { overlapPage: 1 });
      const whole = new MonitorService(w.store, w.screening, { overlapPage: 0 });
      const runs = async (full: boolean) => {
        const x = await paged.run(a, { trigger: 'manual', full });
        const y = await whole.run(b, { trigger: 'manual', full });
        expect(x?.counts).toEqual(y?.counts);
        expect(await state(paged, a)).toEqual(await state(whole, b));
        return x!.counts;
      };
      for (const org of [a, b]) await paged.importRegister(org, 'book.csv', WITH_C7, CLI_SOURCE);
      expect(await runs(false)).toMatchObject({ counterpartiesScreened: 7, newAlerts: 5 });
      // A decided alert, an alert under review, a list update, a counterparty renamed and one
      // gone from the register (an import merges, so only the store can lose one: its stored hit
      // is gone, which the run knows only once it has screened every counterparty).
      for (const org of [a, b]) {
        const by = { ...CLI_SOURCE, orgId: org };
        const [c1] = await paged.alerts.alerts(org, { counterpartyId: 'C-1' });
        await paged.changeAlert(org, c1!.id, { state: 'in-review' }, by);
        await paged.changeAlert(org, c1!.id, { state: 'false-positive', reason: 'a tool maker' }, by);
        const [c6] = await paged.alerts.alerts(org, { counterpartyId: 'C-6' });
        await paged.changeAlert(org, c6!.id, { state: 'in-review' }, by);
      }
      await w.store.saveListVersion(version('2024-05-03', V2));
      const next = REGISTER.replace('C-5,Acme Tools GmbH', 'C-5,Globex Holding Ltd');
      for (const org of [a, b]) {
        await sql`delete from counterparties where org_id = ${org} and id = 'C-7'`.execute(w.store.kysely);
        await paged.importRegister(org, 'book.csv', next, CLI_SOURCE);
      }
      const counts = await runs(true);
      expect(counts).toMatchObject({ newAlerts: 2, goneAlerts: 2, suppressed: 1 });
      expect(await runs(true)).toMatchObject({ newAlerts: 0, changedAlerts: 0, goneAlerts: 0 });
    });

    it('leaves the store as it was when the run fails after some of its pages are written', async () => {
      const monitor = new MonitorService(w.store, w.screening, { overlapPage: 1 });
      await monitor.importRegister(a, 'book.csv', REGISTER, CLI_SOURCE);
      await monitor.run(a, { trigger: 'register' });
      await w.store.saveListVersion(version('2024-05-03', V2));
      const before = await state(monitor, a);
      const events = Number(
        (await sql<{ n: string }>`select count(*) as n from monitor_alert_events`.execute(w.store.kysely))
          .rows[0]!.n,
      );
      // C-4's new hit (Globex, listed this week) is refused, after the pages of C-1 to C-3
      // (Petrov's changed hit, Ocean Star's gone one) are written in the run's transaction: the
      // refusal tells how many alert events the transaction holds then.
      await sql`
        create function refuse_c4() returns trigger language plpgsql as $$
        begin
          if new.counterparty_id = 'C-4' then
            raise exception 'refuse_c4 after % events', (select count(*) from monitor_alert_events);
          end if;
          return new;
        end $$`.execute(w.store.kysely);
      await sql`create trigger refuse_c4 before insert on monitor_hits for each row execute function refuse_c4()`.execute(
        w.store.kysely,
      );
      const failure = await monitor.run(a, { trigger: 'manual', full: true }).then(
        () => undefined,
        (error: Error) => error.message,
      );
      expect(failure).toMatch(/refuse_c4 after \d+ events/);
      expect(Number(/after (\d+) events/.exec(failure!)![1])).toBeGreaterThan(events);
      expect(await state(monitor, a)).toEqual(before);
      expect((await monitor.runs.recent(a))[0]).toMatchObject({ state: 'failed' });
      // The store is usable at once (the transaction is over) and the run goes through without the trigger.
      await sql`drop trigger refuse_c4 on monitor_hits`.execute(w.store.kysely);
      const again = await monitor.run(a, { trigger: 'manual', full: true });
      expect(again?.counts).toMatchObject({ newAlerts: 1, goneAlerts: 1 });
      expect(await state(monitor, a)).not.toEqual(before);
    });
  });
}
