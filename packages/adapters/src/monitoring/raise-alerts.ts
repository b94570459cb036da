/**
 * The alerts of a monitoring run, one per counterparty and subject (as single screening groups
 * its matches): the reconciled hits of one counterparty on every listing of one resolved subject
 * raise or update one alert that lists them all, and the organisation's clearances are judged as
 * screening judges them (core `clearanceOfMatch`): a subject clearance covers every listing it was
 * given over, a listing that joined the subject later or the covered listings of a subject split
 * since are raised for review (docs/decisions/2026-12-04-monitoring-by-subject.md).
 */
import {
  alertListingsOf,
  clearanceOfMatch,
  clearanceSubjectKey,
  counterpartySubject,
  isClearanceActive,
  isDecidedAlertState,
  subjectIdOf,
  type Clearance,
  type HitChanges,
  type MatchClearance,
  type MonitorRunCounts,
  type SubjectView,
} from '@entente/core';
import type { NewAlert, RunAlert, RunOutcome, StoredHit } from './monitor-records.ts';
import type { RegisterEntry } from './register-store.ts';

/** What raising a run's alerts reads besides its reconciled hits. */
export interface RaiseInputs {
  register: ReadonlyMap<string, RegisterEntry>;
  stored: readonly StoredHit[];
  /** The fresh hits of the run (changed or not). */
  fresh: readonly StoredHit[];
  changes: HitChanges<StoredHit>;
  removedParties: ReadonlySet<string>;
  clearances: readonly Clearance[];
  /** The organisation's hit alerts in any state (ownership alerts are raised apart). */
  alerts: readonly RunAlert[];
  subjects: SubjectView;
  now: Date;
}

interface Group {
  counterpartyId: string;
  subjectId: string;
  raise: { hit: StoredHit; note: string }[];
  gone: { hit: StoredHit; note: string }[];
  noted: string[];
}

const pairKey = (cp: string, id: string) => `${cp}\u0000${id}`;

function reviewNote(entityId: string, c: MatchClearance): string {
  if (!c || !('review' in c)) return '';
  return c.why === 'new-listing'
    ? `; ${entityId} joined a subject cleared by ${c.review.id} since: review it`
    : `; the subject cleared by ${c.review.id} has been split since: review ${entityId}`;
}

/** Writes the run's hits and alerts into `outcome` and counts them. */
export function raiseAlerts(outcome: RunOutcome, counts: MonitorRunCounts, inputs: RaiseInputs): void {
  const { register, subjects, changes } = inputs;
  const subjectOf = (entityId: string) => subjectIdOf(subjects, entityId);
  const byKey = new Map<string, Clearance[]>();
  for (const c of inputs.clearances)
    if (isClearanceActive(c, inputs.now)) byKey.set(c.subjectKey, [...(byKey.get(c.subjectKey) ?? []), c]);
  const judges = new Map<string, (entityId: string) => MatchClearance>();
  const clearanceOf = (cpId: string, entityId: string): MatchClearance => {
    let judge = judges.get(cpId);
    if (!judge) {
      const c = register.get(cpId);
      const active = c ? (byKey.get(clearanceSubjectKey(counterpartySubject(c))) ?? []) : [];
      judge = clearanceOfMatch(active, (id) => subjects.subjectOf(id)?.id);
      judges.set(cpId, judge);
    }
    return judge(entityId);
  };
  const isCleared = (cpId: string, entityId: string) => {
    const c = clearanceOf(cpId, entityId);
    return c !== undefined && 'cleared' in c;
  };
  // An undecided alert is found by the subject its listing belongs to now: a resolution that
  // joined two listings updates the older alert instead of raising another.
  const open = new Map<string, RunAlert>();
  const lastRaised = new Map<string, string>();
  for (const a of inputs.alerts) {
    const k = pairKey(a.counterpartyId, subjectOf(a.entityId));
    if ((lastRaised.get(k) ?? '') < a.createdAt) lastRaised.set(k, a.createdAt);
  }
  for (const a of inputs.alerts)
    if (a.kind !== 'gone' && a.kind !== 'ownership' && !isDecidedAlertState(a.state)) {
      const k = pairKey(a.counterpartyId, subjectOf(a.entityId));
      if (!open.has(k)) open.set(k, a);
    }
  for (const h of inputs.fresh)
    if (
      !open.has(pairKey(h.counterpartyId, subjectOf(h.entityId))) &&
      isCleared(h.counterpartyId, h.entityId)
    )
      counts.suppressed++;
  // The hits after the run, and the subjects each counterparty hit before it.
  const after = new Map(inputs.stored.map((h) => [pairKey(h.counterpartyId, h.entityId), h]));
  const hadBefore = new Set(inputs.stored.map((h) => pairKey(h.counterpartyId, subjectOf(h.entityId))));
  for (const g of changes.gone) after.delete(pairKey(g.counterpartyId, g.entityId));
  for (const h of inputs.fresh) after.set(pairKey(h.counterpartyId, h.entityId), h);
  const groups = new Map<string, Group>();
  const groupOf = (cp: string, entityId: string): Group => {
    const subjectId = subjectOf(entityId);
    const k = pairKey(cp, subjectId);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { counterpartyId: cp, subjectId, raise: [], gone: [], noted: [] }));
    return g;
  };
  const consider = (h: StoredHit, note: string) => {
    outcome.upsertHits.push(h);
    const g = groupOf(h.counterpartyId, h.entityId);
    const c = clearanceOf(h.counterpartyId, h.entityId);
    if (c && 'cleared' in c) g.noted.push(note);
    else g.raise.push({ hit: h, note: note + reviewNote(h.entityId, c) });
  };
  for (const h of changes.added) consider(h, `new hit at score ${h.score} on ${h.entityId}`);
  for (const { hit, before } of changes.changed) {
    const what = [
      before.partyHash !== hit.partyHash ? 'the listed record changed' : '',
      before.counterpartyVersion !== hit.counterpartyVersion ? 'the counterparty changed' : '',
      Math.abs(before.score - hit.score) >= 0.02 ? `score ${before.score} → ${hit.score}` : '',
    ].filter(Boolean);
    consider(hit, `hit changed on ${hit.entityId}: ${what.join('; ')}`);
  }
  const storedByPair = new Map(inputs.stored.map((h) => [pairKey(h.counterpartyId, h.entityId), h]));
  for (const gone of changes.gone) {
    outcome.deleteHits.push(gone);
    const h = storedByPair.get(pairKey(gone.counterpartyId, gone.entityId))!;
    const note = inputs.removedParties.has(gone.entityId)
      ? `${gone.entityId} was delisted`
      : `${gone.counterpartyId} no longer matches ${gone.entityId}`;
    const g = groupOf(gone.counterpartyId, gone.entityId);
    if (isCleared(gone.counterpartyId, gone.entityId)) {
      counts.suppressed++;
      g.noted.push(note);
    } else g.gone.push({ hit: h, note });
  }
  // A hit that did not change but whose subject clearance no longer holds (a listing joined the
  // cleared subject, or the subject was split since) is raised once for review, as screening
  // shows it: unless an alert of that counterparty and subject came after the clearance.
  for (const h of after.values()) {
    const c = clearanceOf(h.counterpartyId, h.entityId);
    if (!c || !('review' in c)) continue;
    const k = pairKey(h.counterpartyId, subjectOf(h.entityId));
    if (open.has(k) || (lastRaised.get(k) ?? '') >= c.review.createdAt) continue;
    const g = groupOf(h.counterpartyId, h.entityId);
    if (g.raise.some((x) => x.hit.entityId === h.entityId)) continue;
    g.raise.push({ hit: h, note: `hit on ${h.entityId} no longer cleared` + reviewNote(h.entityId, c) });
  }
  // The hits after the run by counterparty and subject (a full run of a large register has
  // hundreds of thousands: filtering them per group was quadratic).
  const afterBySubject = new Map<string, StoredHit[]>();
  for (const h of after.values()) {
    const k = pairKey(h.counterpartyId, subjectOf(h.entityId));
    const hits = afterBySubject.get(k);
    if (hits) hits.push(h);
    else afterBySubject.set(k, [h]);
  }
  // The hits the run writes: an alert showing one (or one read `partial`) copies its match from its row.
  const written = new Set(outcome.upsertHits);
  for (const [k, g] of groups) {
    const current = [...(afterBySubject.get(k) ?? [])].sort(
      (a, b) => b.score - a.score || a.entityId.localeCompare(b.entityId),
    );
    const notes = [...g.raise, ...g.gone].map((x) => x.note);
    const view = alertListingsOf(
      subjects,
      g.subjectId,
      current.map((h) => ({
        entityId: h.entityId,
        source: h.match.source,
        score: h.score,
        listedName: h.match.listedName,
      })),
    );
    const subject = {
      subjectId: g.subjectId,
      ...(subjects.subjectOf(g.subjectId) ? { subjectName: subjects.subjectOf(g.subjectId)!.name } : {}),
      ...view,
    };
    const alert = open.get(k);
    if (alert) {
      if (notes.length + g.noted.length === 0) continue;
      const best = current[0];
      outcome.updatedAlerts.push({
        id: alert.id,
        ...(best ? { hit: best } : {}),
        subject,
        note: [...notes, ...g.noted].join('; '),
      });
      // The subject's last hit went away: that is news of its own, as before subjects.
      if (best || g.gone.length === 0) continue;
    }
    if (notes.length === 0) continue;
    const kind: NewAlert['kind'] = current.length === 0 ? 'gone' : hadBefore.has(k) ? 'changed' : 'new';
    // The alert leads with the hit that raised it (the best of them), the rest are in `listings`.
    const byScore = (xs: { hit: StoredHit }[]) => [...xs].sort((a, b) => b.hit.score - a.hit.score)[0]?.hit;
    const shown = current.length ? (byScore(g.raise) ?? current[0]!) : byScore(g.gone)!;
    outcome.newAlerts.push({
      kind,
      counterpartyId: g.counterpartyId,
      counterpartyName: register.get(g.counterpartyId)?.names[0] ?? g.counterpartyId,
      entityId: shown.entityId,
      score: shown.score,
      ...shown.match,
      ...(shown.partial || written.has(shown)
        ? { matchOf: { counterpartyId: shown.counterpartyId, entityId: shown.entityId } }
        : {}),
      ...(shown.listVersionId !== undefined ? { listVersionId: shown.listVersionId } : {}),
      ...subject,
      note: notes.join('; '),
    });
    if (kind === 'new') counts.newAlerts++;
    else if (kind === 'changed') counts.changedAlerts++;
    else counts.goneAlerts++;
  }
}
