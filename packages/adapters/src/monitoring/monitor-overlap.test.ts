// A full run writes pages of its outcome while it screens (`MonitorOptions.overlapPage`): it must
// store what the run written after the screening stores, and stay all-or-nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
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
// The next week: Globex listed, Petrov's record changed (an alias), Ocean Star delisted.
const V2 = [
  V1[0]!,
  party('2', 'person', ['Ivan Sergeyevich Petrov', 'Ivan Petroff'], {
    birthDates: [{ value: '1970', precision: 'year' }],
  }),
  V1[3]!,
  party('5', 'organization', ['Globex Holdings Limited']),
];

const REGISTER = `id,name,aliases,type,countries,birth_date,imo,owners
C-1,Rosoboron Export OAO,,organisation,RU,,,
C-2,Ivan Petrov,,person,RU,1970-03-02,,
C-3,Ocean Star Shipping Vessel,,vessel,,,IMO 9187629,
C-4,Globex Holdings Ltd,,organisation,GB,,,C-1:30%
C-5,Acme Tools GmbH,Acme Werkzeuge,organisation,DE,,,
C-6,Zenit Aerospace Technologies,,organisation,,,,
C-7,Zenith Aerospace Technologies,,organisation,FR,,,
`;

for (const target of storeTargets()) {
  describe(`a full run written while it screens, on ${target.name}`, () => {
    const w = useMonitorWorld(target, () => version('2024-04-26', V1));
    let a: string;
    let b: string;
    beforeEach(async () => {
      a = await w.org('Widget Exports Ltd');
      b = await w.org('Gadget Trading plc');
      await w.sharing.orgs.createUser(
        { orgId: a, email: 'officer@widget.example', role: 'compliance-officer' },
        CLI_SOURCE,
      );
      await w.sharing.orgs.createUser(
        { orgId: b, email: 'officer@gadget.example', role: 'compliance-officer' },
        CLI_SOURCE,
      );
    });

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
            JSON.stringify(x.match),
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
      for (const org of [a, b]) await paged.importRegister(org, 'book.csv', REGISTER, CLI_SOURCE);
      expect(await runs(false)).toMatchObject({ counterpartiesScreened: 7, newAlerts: 5 });
      // A decided alert, an alert under review, a list update, a counterparty renamed and one
      // gone from the register (an import merges, so only the store can lose one: its stored hit
      // is gone, which the run knows only once it has screened every counterparty).
      for (const [org, by] of [
        [a, { userId: 'cli', orgId: a }],
        [b, { userId: 'cli', orgId: b }],
      ] as const) {
        const [c1] = await paged.alerts.alerts(org, { counterpartyId: 'C-1' });
        await paged.changeAlert(org, c1!.id, { state: 'in-review' }, by);
        await paged.changeAlert(org, c1!.id, { state: 'false-positive', reason: 'a tool maker' }, by);
        const [c6] = await paged.alerts.alerts(org, { counterpartyId: 'C-6' });
        await paged.changeAlert(org, c6!.id, { state: 'in-review' }, by);
      }
      await w.store.saveListVersion(version('2024-05-03', V2));
      const next = REGISTER.replace('C-5,Acme Tools GmbH', 'C-5,Globex Holding Ltd').replace(
        /^C-7,.*\n/m,
        '',
      );
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
