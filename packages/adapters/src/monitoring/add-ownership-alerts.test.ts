import { beforeEach, describe, expect, it } from 'vitest';
import { storeTargets } from '../test-support/store-targets.ts';
import { CLI_SOURCE } from '../sharing/actor.ts';
import { listOf, useMonitorWorld } from '../test-support/monitor-world.ts';
import { MonitorService } from './monitor-service.ts';

const list = listOf('us-ofac-sdn', 'sdn.csv');
const party = (sourceId: string, name: string) => list.party(sourceId, 'organization', [name]);
const version = list.version;

// Volga Trading is clear by name; Volga Holding (listed) owns 60 % of it, and it owns
// 50 % of Kama Logistics. Acme is owned 40 % only.
const REGISTER = `id,name,aliases,type,countries,birth_date,imo,owners
C-1,Volgaholding Industrial Group JSC,,organisation,RU,,,
C-2,Northern Trading GmbH,,organisation,DE,,,C-1:60%
C-3,Kama Logistics BV,,organisation,NL,,,C-2:50%
C-4,Acme Tools GmbH,,organisation,DE,,,C-1:40%
`;

for (const target of storeTargets()) {
  describe(`ownership alerts on ${target.name}`, () => {
    const w = useMonitorWorld(target, () =>
      version('2026-11-20', [
        party('101', 'Volgaholding Industrial Group JSC'),
        party('102', 'Unrelated Shipping Co'),
      ]),
    );
    let org: string;
    beforeEach(async () => {
      org = await w.org('Widget Exports Ltd');
    });

    it('raises an alert for counterparties clear by name but owned by a listed one, with path and citation, once', async () => {
      await w.monitor.importRegister(org, 'book.csv', REGISTER, CLI_SOURCE);
      const run = await w.monitor.run(org, { trigger: 'register' });
      expect(run?.counts.newAlerts).toBe(3);
      const alerts = await w.monitor.alerts.alerts(org);
      expect(alerts.map((x) => `${x.kind} ${x.counterpartyId}×${x.entityId}`).sort()).toEqual([
        'new C-1×us-ofac-sdn:101',
        'ownership C-2×us-ofac-sdn:101',
        'ownership C-3×us-ofac-sdn:101',
      ]);
      const c3 = alerts.find((x) => x.counterpartyId === 'C-3')!;
      expect(c3.programs).toEqual(['us-ofac-50']);
      expect(c3.matchedName).toBe('Volgaholding Industrial Group JSC');
      expect(c3.explanation[0]).toBe(
        'Clear by name; caught by ownership under the US OFAC 50 Percent Rule (≥ 50 %)',
      );
      expect(c3.explanation).toContain(
        'Path: Volgaholding Industrial Group JSC owns 60 % of Northern Trading GmbH, Northern Trading GmbH owns 50 % of Kama Logistics BV (30 %)',
      );
      expect(c3.explanation.some((l) => l.includes('https://ofac.treasury.gov/faqs/401'))).toBe(true);

      // A register change runs again: the same findings raise nothing new.
      await w.monitor.importRegister(
        org,
        'book.csv',
        REGISTER.replace('Acme Tools GmbH', 'Acme Tools AG'),
        CLI_SOURCE,
      );
      const again = await w.monitor.run(org, { trigger: 'register' });
      expect(again?.counts.newAlerts).toBe(0);
    });

    it('keeps an ownership alert decided false positive cleared on the next list update, and notes a delisting', async () => {
      await w.monitor.importRegister(org, 'book.csv', REGISTER, CLI_SOURCE);
      await w.monitor.run(org, { trigger: 'register' });
      const c2 = (await w.monitor.alerts.alerts(org, { kinds: ['ownership'] })).find(
        (x) => x.counterpartyId === 'C-2',
      )!;
      await w.monitor.changeAlert(org, c2.id, { state: 'in-review' }, CLI_SOURCE);
      await w.monitor.changeAlert(
        org,
        c2.id,
        {
          state: 'false-positive',
          reason: 'Share sold in 2025; register out of date',
          expiresAt: '2099-01-01',
        },
        CLI_SOURCE,
      );

      await w.store.saveListVersion(
        version('2026-11-27', [
          party('101', 'Volgaholding Industrial Group JSC'),
          party('103', 'Another Listed Co'),
        ]),
      );
      const run = await w.monitor.run(org, { trigger: 'list-version' });
      expect(run?.counts.newAlerts).toBe(0);
      const ownership = await w.monitor.alerts.alerts(org, { kinds: ['ownership'] });
      expect(ownership.map((x) => `${x.counterpartyId} ${x.state}`).sort()).toEqual([
        'C-2 false-positive',
        'C-3 open',
      ]);
      // The delta did not touch Volgaholding's hit: its owned counterparties are still caught.
      expect(ownership.flatMap((x) => x.events.map((e) => e.comment ?? ''))).not.toContainEqual(
        expect.stringContaining('no longer caught'),
      );

      // Volgaholding delisted: the open ownership alert on C-3 gets a note.
      await w.store.saveListVersion(version('2026-12-01', [party('103', 'Another Listed Co')]));
      await w.monitor.run(org, { trigger: 'list-version' });
      const c3 = (await w.monitor.alerts.alerts(org, { kinds: ['ownership'] })).find(
        (x) => x.counterpartyId === 'C-3',
      )!;
      expect(c3.events.map((e) => e.comment)).toContain('no longer caught by ownership under us-ofac-50');
    });

    it('raises and resolves ownership alerts from hits a full run wrote on earlier pages', async () => {
      // One counterparty a page: Volgaholding's hit is written (and let go) before the ownership
      // step; an unlinked counterparty's hit is written beside it.
      const monitor = new MonitorService(w.store, w.screening, { overlapPage: 1 });
      try {
        await monitor.importRegister(
          org,
          'book.csv',
          REGISTER + 'C-5,Unrelated Shipping Co,,organisation,,,,\n',
          CLI_SOURCE,
        );
        const first = await monitor.run(org, { trigger: 'manual', full: true });
        expect(first?.counts.newAlerts).toBe(4);
        const kinds = async () =>
          (await monitor.alerts.alerts(org)).map((x) => `${x.kind} ${x.counterpartyId} ${x.state}`).sort();
        expect(await kinds()).toEqual([
          'new C-1 open',
          'new C-5 open',
          'ownership C-2 open',
          'ownership C-3 open',
        ]);
        expect((await monitor.run(org, { trigger: 'manual', full: true }))?.counts.newAlerts).toBe(0);

        // Volgaholding delisted: its hit is deleted on a page, and the owned counterparties are noted.
        await w.store.saveListVersion(version('2026-12-01', [party('102', 'Unrelated Shipping Co')]));
        await monitor.run(org, { trigger: 'manual', full: true });
        const notes = (await monitor.alerts.alerts(org, { kinds: ['ownership'] })).map((x) =>
          x.events.some((e) => e.comment === 'no longer caught by ownership under us-ofac-50'),
        );
        expect(notes).toEqual([true, true]);
      } finally {
        await monitor.close();
      }
    });
  });
}
