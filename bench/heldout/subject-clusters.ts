/**
 * Subject keys for the split: parties that are probably the same subject on
 * different lists share one key, so that all their spellings land in the
 * same split whichever set a case belongs to.
 *
 * Two parties of the same schema are joined when they carry the same UN
 * reference or a spelling of at least two words with the same fold key
 * (fold-name.ts). Joining too much only makes the split coarser — it never
 * puts one subject in two splits — so the rule errs on the side of joining.
 * A cluster holding a UN reference is keyed `un:<smallest reference>`, any
 * other `party:<smallest entity id>`.
 */
import { partyEntityId, type Party } from '@entente/core';
import { foldKey } from './fold-name.ts';

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) [i, this.parent[i]] = [this.parent[i]!, r];
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Entity id → subject key for every party. */
export function subjectClusters(parties: Party[]): Map<string, string> {
  const uf = new UnionFind(parties.length);
  const firstWith = new Map<string, number>();
  const join = (key: string, i: number): void => {
    const j = firstWith.get(key);
    if (j === undefined) firstWith.set(key, i);
    else uf.union(i, j);
  };
  parties.forEach((party, i) => {
    if (party.unReference) join(`ref:${party.unReference}`, i);
    for (const name of party.names) {
      const key = foldKey(name.full);
      if (key.includes(' ')) join(`${party.schema}:${key}`, i);
    }
  });
  const best = new Map<number, string>();
  parties.forEach((party, i) => {
    const root = uf.find(i);
    const candidate = party.unReference ? `un:${party.unReference}` : `party:${partyEntityId(party)}`;
    const current = best.get(root);
    // A UN reference names the subject better than any entity id; otherwise the smallest wins.
    const rank = (k: string): string => (k.startsWith('un:') ? '0' : '1') + k;
    if (!current || rank(candidate) < rank(current)) best.set(root, candidate);
  });
  const out = new Map<string, string>();
  parties.forEach((party, i) => out.set(partyEntityId(party), best.get(uf.find(i))!));
  return out;
}
