import { describe, expect, it } from 'vitest';
import { reconcileHits, type MonitorHit } from './reconcile-hits.ts';

const hit = (counterpartyId: string, entityId: string, over: Partial<MonitorHit> = {}): MonitorHit => ({
  counterpartyId,
  entityId,
  score: 0.9,
  partyHash: 'h1',
  counterpartyVersion: 1,
  ...over,
});

describe('reconciling hits', () => {
  it('finds added, changed and gone hits inside the scope and leaves the rest alone', () => {
    const stored = [hit('a', 'x:1'), hit('b', 'x:1'), hit('c', 'x:2'), hit('d', 'x:9')];
    const fresh = [
      hit('a', 'x:1'),
      hit('b', 'x:1', { partyHash: 'h2' }),
      hit('e', 'x:2'),
      hit('c', 'x:2', { score: 0.95 }),
    ];
    const changes = reconcileHits(stored, fresh, (h) => h.entityId !== 'x:9');
    expect(changes.added.map((h) => h.counterpartyId)).toEqual(['e']);
    expect(changes.changed.map((c) => c.hit.counterpartyId)).toEqual(['b', 'c']);
    expect(changes.gone).toEqual([]);
    expect(changes.unchanged).toBe(1);
    const delisted = reconcileHits(stored, [], (h) => h.entityId === 'x:1');
    expect(delisted.gone.map((h) => h.counterpartyId)).toEqual(['a', 'b']);
  });

  it('ignores score noise below the change threshold', () => {
    const changes = reconcileHits([hit('a', 'x:1')], [hit('a', 'x:1', { score: 0.91 })], () => true);
    expect(changes.unchanged).toBe(1);
  });
});
