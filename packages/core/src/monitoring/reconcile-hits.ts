/** A hit as monitoring keeps it: one counterparty matching one listed party. */
export interface MonitorHit {
  counterpartyId: string;
  entityId: string;
  score: number;
  /** Fingerprint of the listed party's record when the hit was found: a change shows as a changed hit. */
  partyHash: string;
  /** Fingerprint of the counterparty's version when the hit was found. */
  counterpartyVersion: number;
}

/** What changed between the stored hits and a fresh screening of the same scope. */
export interface HitChanges<H extends MonitorHit> {
  added: H[];
  /** The fresh hit, and the stored one it replaces. */
  changed: { hit: H; before: MonitorHit }[];
  gone: MonitorHit[];
  unchanged: number;
}

/** Score moves smaller than this are noise of the index's token weights, not a change. */
export const SCORE_CHANGE = 0.02;

const key = (h: Pick<MonitorHit, 'counterpartyId' | 'entityId'>) => `${h.counterpartyId}\u0000${h.entityId}`;

/**
 * Compares the stored hits in a scope with a fresh screening of that scope: a pair only
 * in the fresh result is added, only in the stored one gone, in both changed when the
 * listed record or the counterparty changed or the score moved by `SCORE_CHANGE` or more.
 * `inScope` says which stored hits the fresh screening covered (a delta run screens
 * only some pairs; stored hits outside them are kept as they are).
 *
 * @example
 * reconcileHits(stored, fresh, (h) => changedEntities.has(h.entityId))
 */
export function reconcileHits<H extends MonitorHit>(
  stored: MonitorHit[],
  fresh: H[],
  inScope: (h: MonitorHit) => boolean,
): HitChanges<H> {
  const before = new Map(stored.filter(inScope).map((h) => [key(h), h]));
  const out: HitChanges<H> = { added: [], changed: [], gone: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const hit of fresh) {
    const k = key(hit);
    if (seen.has(k)) continue;
    seen.add(k);
    const old = before.get(k);
    if (!old) out.added.push(hit);
    else if (
      old.partyHash !== hit.partyHash ||
      old.counterpartyVersion !== hit.counterpartyVersion ||
      Math.abs(old.score - hit.score) >= SCORE_CHANGE
    )
      out.changed.push({ hit, before: old });
    else out.unchanged++;
  }
  for (const [k, old] of before) if (!seen.has(k)) out.gone.push(old);
  return out;
}
