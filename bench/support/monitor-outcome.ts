/** What the monitoring write benches share: a synthetic first run's outcome shaped like the synthetic register's. */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import {
  emptyRunOutcome,
  type NewAlert,
  type RunOutcome,
  type StoredHit,
} from '../../packages/adapters/src/monitoring/monitor-records.ts';

/** The machine's load averages, for the log lines. */
export const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

/** The i-th hit of a synthetic first run (2.4 hits a counterparty): eight features, three explanation lines, two programmes. */
export function syntheticHit(i: number): StoredHit {
  return {
    counterpartyId: `cp-${Math.floor(i / 2.4)}`,
    entityId: `NK-${(i * 7919) % 60_904}`,
    score: 0.8 + (i % 20) / 100,
    partyHash: randomUUID().replace(/-/g, '') + 'abcdefgh',
    counterpartyVersion: 1,
    listVersionId: 1 + (i % 5),
    match: {
      listedName: `ROSOBORON TECHNO EXPORT ${i % 997}`,
      matchedName: `Rosoboron Techno Export Holding ${i % 991}`,
      features: Object.fromEntries(
        ['name', 'tokens', 'initials', 'phonetic', 'country', 'type', 'identifier', 'common'].map((f, k) => [
          f,
          ((i + k) % 100) / 100,
        ]),
      ),
      explanation: [
        `"Rosoboron Techno Export Holding" against the listed name "ROSOBORON TECHNO EXPORT ${i % 997}": 0.91`,
        'tokens matched: rosoboron, techno, export; "holding" is a legal-form word, weighed less',
        'country: RU on both',
      ],
      programs: ['RUSSIA-EO14024', 'UKRAINE-EO13662'],
      source: i % 3 === 0 ? 'us-ofac-sdn' : 'eu-fsf',
    },
  };
}

/**
 * A first run's outcome: `hits` hits over hits/2.4 counterparties, an alert per counterparty and
 * listing's subject (about four alerts for five hits), each with what `more` adds.
 */
export function syntheticFirstOutcome(
  hits: number,
  more: (hit: StoredHit) => Partial<NewAlert> = () => ({}),
): RunOutcome {
  const outcome = emptyRunOutcome();
  for (let i = 0; i < hits; i++) {
    const hit = syntheticHit(i);
    outcome.upsertHits.push(hit);
    if (i % 5 !== 4)
      outcome.newAlerts.push({
        kind: 'new',
        counterpartyId: hit.counterpartyId,
        counterpartyName: hit.match.matchedName,
        entityId: hit.entityId,
        score: hit.score,
        ...hit.match,
        listVersionId: hit.listVersionId!,
        note: `score ${hit.score.toFixed(2)} on ${hit.match.source}`,
        ...more(hit),
      });
  }
  return outcome;
}
