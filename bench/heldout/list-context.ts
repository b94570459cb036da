/**
 * What the set builders read of the loaded lists: every party by entity id,
 * which parties carry each spelling (fold-name.ts key), and each party's
 * subject key (subject-clusters.ts).
 */
import { partyEntityId, type Party } from '@entente/core';
import { foldKey } from './fold-name.ts';
import { subjectClusters } from './subject-clusters.ts';

/** The lists as the builders see them. */
export interface ListContext {
  parties: Party[];
  byId: Map<string, Party>;
  /** Spelling key → entity ids of the parties that carry it. */
  holders: Map<string, string[]>;
  /** Entity id → subject key. */
  subject: Map<string, string>;
}

/**
 * Indexes the parties of the loaded lists for the builders; subjects are
 * clustered over `subjectParties` (the indexed parties plus those that only
 * give spellings), so every set keys a subject alike.
 */
export function listContext(parties: Party[], subjectParties: Party[] = parties): ListContext {
  const byId = new Map<string, Party>();
  const holders = new Map<string, string[]>();
  for (const party of parties) {
    const id = partyEntityId(party);
    byId.set(id, party);
    for (const key of new Set(party.names.map((n) => foldKey(n.full)))) {
      if (!key) continue;
      const list = holders.get(key);
      if (list) list.push(id);
      else holders.set(key, [id]);
    }
  }
  return { parties, byId, holders, subject: subjectClusters(subjectParties) };
}

/** Entity ids of the parties that carry a spelling (same fold key). */
export function holdersOf(ctx: ListContext, name: string): string[] {
  return ctx.holders.get(foldKey(name)) ?? [];
}

/** True when some listed party carries this spelling. */
export function isListedSpelling(ctx: ListContext, name: string): boolean {
  return ctx.holders.has(foldKey(name));
}
