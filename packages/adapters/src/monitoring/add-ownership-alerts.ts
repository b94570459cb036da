/**
 * The ownership part of a monitoring run: after the name hits are reconciled,
 * the register's counterparties that are name hits (and not cleared) count as
 * listed under their lists' ownership rules; each counterparty they own or
 * control that the rules catch, and that has no ownership alert yet, raises one
 * saying "clear by name; caught by ownership" with the path and the citations
 * (core `findOwnershipAlerts`, `ownershipAlertChanges`).
 */
import {
  clearanceSubjectKey,
  clearedListings,
  counterpartySubject,
  findOwnershipAlerts,
  isClearanceActive,
  ownershipAlertChanges,
  type Alert,
  type Clearance,
  type MonitorRunCounts,
  type OwnershipAlertCandidate,
} from '@entente/core';
import type { NewAlert, RunOutcome, StoredHit } from './monitor-records.ts';
import type { RegisterEntry } from './register-store.ts';

/** What the ownership step reads besides the run's outcome. */
export interface OwnershipInputs {
  register: readonly RegisterEntry[];
  /**
   * The hits stored before the run (the outcome says what changed): at least those of every
   * counterparty in an ownership link (`ownershipLinked`).
   */
  stored: readonly StoredHit[];
  /** The organisation's ownership alerts, in any state. */
  ownershipAlerts: readonly Alert[];
  clearances: readonly Clearance[];
  now: Date;
}

const pairKey = (cp: string, entity: string) => `${cp}\u0000${entity}`;

/**
 * The counterparties in an ownership link of each register array seen (a monitor keeps one
 * array per register position, never changed: every delta at that position passes the same).
 */
const linkedOf = new WeakMap<readonly RegisterEntry[], ReadonlySet<string>>();

/** The counterparties in an ownership link of the register, as owner or as owned. */
export function ownershipLinked(register: readonly RegisterEntry[]): ReadonlySet<string> {
  let out = linkedOf.get(register);
  if (!out) {
    const linked = new Set<string>();
    for (const c of register)
      if (c.owners.length > 0) {
        linked.add(c.id);
        for (const o of c.owners) linked.add(o.ownerId);
      }
    linkedOf.set(register, (out = linked));
  }
  return out;
}

/** The alert a candidate raises: the listed owner as the hit, the rule as its programme. */
export function ownershipAlertOf(c: OwnershipAlertCandidate): NewAlert {
  return {
    kind: 'ownership',
    counterpartyId: c.counterpartyId,
    counterpartyName: c.counterpartyName,
    entityId: c.entityId,
    // Caught by control alone holds no share: the alert ranks as a full hit, the share stays a feature.
    score: c.finding.byControl ? 1 : Math.min(1, c.share / 100),
    listedName: c.listedName,
    matchedName: c.ownerName,
    features: { ownership: Math.min(1, c.share / 100), control: c.finding.byControl ? 1 : 0 },
    explanation: c.explanation,
    programs: [c.rule],
    source: 'ownership',
    note: `caught by ownership under ${c.rule} through ${c.ownerName} (${c.ownerId})`,
  };
}

/** Adds the run's ownership alerts (and notes on resolved ones) to `outcome`, counting them as new alerts. */
export function addOwnershipAlerts(
  outcome: RunOutcome,
  counts: MonitorRunCounts,
  inputs: OwnershipInputs,
): void {
  // Only a counterparty in an ownership link (an owner or owned) can catch or be caught: the
  // hits of the others do not change the result, and a register has far fewer links than hits
  // (a delta's step went over every hit read and every counterparty of the register, 0.2-0.3 s
  // at 100,000 without a single link; docs/decisions/2026-12-06-delta-store-steps.md).
  const linked = ownershipLinked(inputs.register);
  const hits = new Map<string, StoredHit>();
  if (linked.size > 0) {
    for (const h of inputs.stored)
      if (linked.has(h.counterpartyId)) hits.set(pairKey(h.counterpartyId, h.entityId), h);
    for (const d of outcome.deleteHits)
      if (linked.has(d.counterpartyId)) hits.delete(pairKey(d.counterpartyId, d.entityId));
    for (const h of outcome.upsertHits)
      if (linked.has(h.counterpartyId)) hits.set(pairKey(h.counterpartyId, h.entityId), h);
  }
  let byId: Map<string, RegisterEntry> | undefined;
  const active = new Set(
    inputs.clearances
      .filter((c) => isClearanceActive(c, inputs.now))
      // A subject clearance covers the listings it was given over, never one that joined later.
      .flatMap((c) => clearedListings(c).map((e) => pairKey(c.subjectKey, e))),
  );
  const isCleared = (cpId: string, entityId: string): boolean => {
    if (active.size === 0) return false;
    byId ??= new Map(inputs.register.map((c) => [c.id, c]));
    const c = byId.get(cpId);
    return c ? active.has(pairKey(clearanceSubjectKey(counterpartySubject(c)), entityId)) : false;
  };
  const listed = [...hits.values()]
    .filter((h) => !isCleared(h.counterpartyId, h.entityId))
    .map((h) => ({ counterpartyId: h.counterpartyId, entityId: h.entityId, listedName: h.match.listedName }));
  // No listed counterparty in a link: no one is caught (`findOwnershipAlerts` finds no descendant).
  const candidates =
    listed.length > 0
      ? findOwnershipAlerts(inputs.register, listed, inputs.now.toISOString().slice(0, 10))
      : [];
  const changes = ownershipAlertChanges(candidates, inputs.ownershipAlerts, isCleared);
  for (const c of changes.raise) outcome.newAlerts.push(ownershipAlertOf(c));
  for (const r of changes.resolved) outcome.updatedAlerts.push(r);
  counts.newAlerts += changes.raise.length;
}
