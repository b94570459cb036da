/**
 * Which ownership alerts a monitoring run raises and which it resolves: a
 * candidate raises an alert unless the organisation already has an ownership
 * alert for the same counterparty, listed party and rule (in any state: a
 * decision stays decided) or a clearance of the pair is active; an undecided
 * ownership alert whose finding no longer holds (the owner delisted, a share
 * sold) is noted as resolved.
 */
import type { OwnershipAlertCandidate } from './find-ownership-alerts.ts';

/** An ownership alert as stored (a monitoring `Alert` of kind `ownership` fits). */
export interface StoredOwnershipAlert {
  id: string;
  counterpartyId: string;
  entityId: string;
  /** The rule id is the alert's first programme. */
  programs: readonly string[];
  state: string;
}

/** What a run does with ownership alerts. */
export interface OwnershipAlertChanges {
  raise: OwnershipAlertCandidate[];
  resolved: { id: string; note: string }[];
}

const DECIDED = new Set(['true-match', 'false-positive', 'closed']);
const keyOf = (counterpartyId: string, entityId: string, rule: string) =>
  `${counterpartyId}\u0000${entityId}\u0000${rule}`;

/**
 * Compare this run's candidates with the stored ownership alerts.
 *
 * @example
 * ownershipAlertChanges(candidates, await alerts.alerts(org, { kinds: ['ownership'] }), () => false);
 */
export function ownershipAlertChanges(
  candidates: readonly OwnershipAlertCandidate[],
  stored: readonly StoredOwnershipAlert[],
  isCleared: (counterpartyId: string, entityId: string) => boolean,
): OwnershipAlertChanges {
  const existing = new Map(stored.map((a) => [keyOf(a.counterpartyId, a.entityId, a.programs[0] ?? ''), a]));
  const current = new Set<string>();
  const raise: OwnershipAlertCandidate[] = [];
  for (const c of candidates) {
    const key = keyOf(c.counterpartyId, c.entityId, c.rule);
    if (current.has(key)) continue;
    current.add(key);
    if (existing.has(key) || isCleared(c.counterpartyId, c.entityId)) continue;
    raise.push(c);
  }
  const resolved = stored
    .filter(
      (a) => !DECIDED.has(a.state) && !current.has(keyOf(a.counterpartyId, a.entityId, a.programs[0] ?? '')),
    )
    .map((a) => ({ id: a.id, note: `no longer caught by ownership under ${a.programs[0] ?? 'its rule'}` }));
  return { raise, resolved };
}
