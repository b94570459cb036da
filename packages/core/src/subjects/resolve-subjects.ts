import { primaryName, type PartySchema } from '../model/party.ts';
import type { ListingJurisdiction } from './jurisdiction.ts';
import type { Listing, SubjectDecision, SubjectLink } from './listing.ts';
import type { NameLink } from './name-links.ts';
import { strongKeysOf } from './strong-evidence.ts';

/** One listing in a subject, with the link that brought it in. */
export interface SubjectMember {
  entityId: string;
  source: string;
  jurisdiction?: ListingJurisdiction;
  name: string;
  programs: string[];
  listedOn?: string;
  current: boolean;
  versionId: number;
  publishedAt: string;
  /** How the listing joined the subject (none for the first listing, the anchor). */
  via?: SubjectLink;
}

/** One subject (a person, organisation, vessel or aircraft) and every listing of it. */
export interface Subject {
  /** The entity id of its anchor listing (the UN's where there is one, then the SDN's, then the first). */
  id: string;
  name: string;
  schema: PartySchema;
  members: SubjectMember[];
  /** Jurisdictions that list it now. */
  jurisdictions: ListingJurisdiction[];
}

/** The outcome of resolving listings into subjects. */
export interface Resolution {
  subjects: Subject[];
  /** Name links an analyst should look at (below the automatic threshold, or contradicted). */
  proposals: NameLink[];
  /** Links not made because they would join two subjects that must stay apart, and why. */
  refused: { link: SubjectLink; reason: string }[];
  /** Subject id of every listing. */
  subjectOf: Map<string, string>;
}

/** A key shared by more listings than this names no one subject (a registration number reused by a family of firms). */
const MAX_KEY_GROUP = 12;

/** Which link explains a listing best when several joined it: the strongest evidence. */
const LINK_RANK: Record<SubjectLink['kind'], number> = {
  analyst: 0,
  'un-reference': 1,
  'cross-reference': 2,
  identifier: 3,
  name: 4,
};

/** Anchor preference: the UN listing, then the SDN, then the first entity id. */
const ANCHOR_RANK: Record<string, number> = { 'un-sc': 0, 'us-ofac-sdn': 1, 'us-csl': 2 };

class Clusters {
  readonly parent: number[];
  /** Per root: the UN references and SDN numbers its listings carry (two different ones never join). */
  readonly exclusive: Map<string, string>[];
  /** Per root: the listings analysts said must stay apart from some listing of this cluster. */
  readonly apart: Set<number>[];

  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
    this.exclusive = Array.from({ length: size }, () => new Map());
    this.apart = Array.from({ length: size }, () => new Set());
  }

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }

  /** Why the clusters of a and b may not join (undefined: they may). */
  conflict(a: number, b: number, members: (root: number) => number[]): string | undefined {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return undefined;
    for (const [kind, value] of this.exclusive[ra]!) {
      const other = this.exclusive[rb]!.get(kind);
      if (other !== undefined && other !== value) return `${value} and ${other} are two ${kind} entries`;
    }
    if (this.apart[ra]!.size)
      for (const m of members(rb)) if (this.apart[ra]!.has(m)) return 'an analyst split these listings';
    return undefined;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    this.parent[rb] = ra;
    for (const [k, v] of this.exclusive[rb]!) if (!this.exclusive[ra]!.has(k)) this.exclusive[ra]!.set(k, v);
    for (const m of this.apart[rb]!) this.apart[ra]!.add(m);
  }
}

/**
 * Resolves listings into subjects: analysts' merges first, then strong
 * evidence (a shared UN reference, SDN cross-reference or identifier), then
 * automatic name links, best first. Two listings an analyst split, or two
 * different UN references or SDN entries, never end in one subject; a link
 * that would join them is refused and reported. Name links below the
 * automatic threshold (or contradicted) are returned as proposals, not made.
 */
export function resolveSubjects(
  listings: readonly Listing[],
  nameLinks: readonly NameLink[] = [],
  decisions: readonly SubjectDecision[] = [],
): Resolution {
  const at = new Map(listings.map((l, i) => [l.entityId, i]));
  const clusters = new Clusters(listings.length);
  const children = new Map<number, number[]>();
  const membersOf = (root: number): number[] => {
    const out: number[] = [];
    const stack = [root];
    while (stack.length) {
      const n = stack.pop()!;
      out.push(n);
      stack.push(...(children.get(n) ?? []));
    }
    return out;
  };
  const via = new Map<number, SubjectLink>();
  const refused: Resolution['refused'] = [];
  const join = (link: SubjectLink, force = false): boolean => {
    const a = at.get(link.a);
    const b = at.get(link.b);
    if (a === undefined || b === undefined) return false;
    const ra = clusters.find(a);
    const rb = clusters.find(b);
    if (ra === rb) return false;
    const why = force ? undefined : clusters.conflict(a, b, membersOf);
    if (why) {
      refused.push({ link, reason: why });
      return false;
    }
    clusters.union(a, b);
    children.set(ra, [...(children.get(ra) ?? []), rb]);
    for (const i of [a, b]) {
      const known = via.get(i);
      if (!known || LINK_RANK[link.kind] < LINK_RANK[known.kind]) via.set(i, link);
    }
    return true;
  };

  const keysOf = listings.map((l) => strongKeysOf(l.party));
  keysOf.forEach((keys, i) => {
    for (const k of keys) if (k.kind !== 'identifier') clusters.exclusive[i]!.set(k.kind, k.key);
  });
  for (const d of decisions) {
    if (d.kind !== 'split') continue;
    const a = at.get(d.a);
    const b = at.get(d.b);
    if (a === undefined || b === undefined) continue;
    clusters.apart[a]!.add(b);
    clusters.apart[b]!.add(a);
  }
  for (const d of decisions)
    if (d.kind === 'merge')
      join(
        {
          a: d.a,
          b: d.b,
          kind: 'analyst',
          score: 1,
          evidence: [`merged by ${d.decidedBy} on ${d.decidedAt.slice(0, 10)}: ${d.reason}`],
        },
        true,
      );

  const byKey = new Map<string, { i: number; label: string; kind: SubjectLink['kind'] }[]>();
  keysOf.forEach((keys, i) => {
    for (const k of keys) {
      const group = byKey.get(k.key) ?? [];
      group.push({ i, label: k.label, kind: k.kind });
      byKey.set(k.key, group);
    }
  });
  for (const group of byKey.values()) {
    if (group.length < 2 || group.length > MAX_KEY_GROUP) continue;
    const first = group[0]!;
    for (const other of group.slice(1))
      join({
        a: listings[first.i]!.entityId,
        b: listings[other.i]!.entityId,
        kind: first.kind,
        score: 1,
        evidence: [`both carry ${first.label}`],
      });
  }

  const proposals: NameLink[] = [];
  for (const link of [...nameLinks].sort((x, y) => y.score - x.score)) {
    const a = at.get(link.a);
    const b = at.get(link.b);
    if (a === undefined || b === undefined) continue;
    if (clusters.find(a) === clusters.find(b)) continue;
    if (link.automatic) join(link);
    else proposals.push(link);
  }

  const groups = new Map<number, number[]>();
  listings.forEach((_, i) => {
    const r = clusters.find(i);
    const g = groups.get(r) ?? [];
    g.push(i);
    groups.set(r, g);
  });
  const subjects: Subject[] = [];
  const subjectOf = new Map<string, string>();
  for (const group of groups.values()) {
    const anchor = group.reduce((best, i) => {
      const x = listings[i]!;
      const y = listings[best]!;
      const rx = ANCHOR_RANK[x.source] ?? 9;
      const ry = ANCHOR_RANK[y.source] ?? 9;
      return rx < ry || (rx === ry && x.entityId < y.entityId) ? i : best;
    }, group[0]!);
    const a = listings[anchor]!;
    const members = group
      .map((i): SubjectMember => {
        const l = listings[i]!;
        const link = i === anchor ? undefined : via.get(i);
        return {
          entityId: l.entityId,
          source: l.source,
          ...(l.jurisdiction ? { jurisdiction: l.jurisdiction } : {}),
          name: primaryName(l.party),
          programs: l.party.programs,
          ...(l.party.listedOn ? { listedOn: l.party.listedOn } : {}),
          current: l.current,
          versionId: l.versionId,
          publishedAt: l.publishedAt,
          ...(link ? { via: link } : {}),
        };
      })
      .sort((x, y) =>
        x.entityId === a.entityId ? -1 : y.entityId === a.entityId ? 1 : x.entityId.localeCompare(y.entityId),
      );
    const jurisdictions = [
      ...new Set(members.filter((m) => m.current && m.jurisdiction).map((m) => m.jurisdiction!)),
    ].sort();
    subjects.push({
      id: a.entityId,
      name: primaryName(a.party),
      schema: a.party.schema,
      members,
      jurisdictions,
    });
    for (const m of members) subjectOf.set(m.entityId, a.entityId);
  }
  subjects.sort((x, y) => x.id.localeCompare(y.id));
  proposals.sort((x, y) => y.score - x.score);
  return {
    subjects,
    proposals: proposals.filter((p) => subjectOf.get(p.a) !== subjectOf.get(p.b)),
    refused,
    subjectOf,
  };
}
