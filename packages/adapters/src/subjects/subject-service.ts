import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  buildScreeningIndex,
  DomainError,
  findNameLinks,
  listingGaps,
  resolveSubjects,
  type Listing,
  type ListingGapReport,
  type ListingJurisdiction,
  type NameLink,
  type NameReference,
  type Resolution,
  type Store,
  type SubjectDecision,
} from '@entente/core';
import type { AuditLog } from '../sharing/audit-log.ts';
import { actorOf, sourceOf, type Actor } from '../sharing/actor.ts';
import { loadListings } from './load-listings.ts';
import type { Database } from '../store/database.ts';
import type { OpenedStore } from '../store/open-store.ts';

/** What one resolution did, for the CLI, the API and docs/benchmarks.md. */
export interface ResolutionReport {
  mode: 'full' | 'incremental';
  listings: number;
  current: number;
  subjects: number;
  /** Subjects listed now by more than one source. */
  multiSource: number;
  proposals: number;
  refused: number;
  /** Listings screened by name (all but the largest source in full mode; the changed ones otherwise). */
  screened: number;
  seconds: { load: number; index: number; names: number; resolve: number; save: number; total: number };
  /** Subjects per source (latest listings). */
  subjectsPerSource: Record<string, number>;
}

/** Where a listing stands: its subject, for grouping screening matches. */
export interface SubjectRef {
  id: string;
  name: string;
}

const INSERT_PAGE = 500;
/** How long the listing → subject directory is trusted before it is read again. */
const DIRECTORY_RECHECK_MS = 60_000;

/**
 * Subjects across every source's listings: resolves them (`resolve`), keeps
 * the result and the name links in the store, answers which subject a listing
 * belongs to, the listing gaps between allies, and analysts' merge/split
 * decisions (audited, kept across list versions).
 */
export class SubjectService {
  #directory: { map: Map<string, SubjectRef>; readAt: number } | undefined;
  #resolution: Resolution | undefined;

  constructor(
    private readonly store: Store,
    private readonly db: Kysely<Database>,
    private readonly reference: NameReference,
    private readonly audit?: AuditLog,
  ) {}

  /**
   * Resolves the latest listings into subjects and stores the result. `full`
   * screens every listing (but the largest source's) by name; `incremental`
   * screens only the listings added or changed since the last resolution and
   * keeps the stored name links of the rest (full when there was none).
   */
  async resolve(
    mode: 'full' | 'incremental' = 'full',
    onProgress?: (done: number, total: number) => void,
    options: { store?: 'always' | 'if-changed' } = {},
  ): Promise<ResolutionReport> {
    const t0 = performance.now();
    const lap = (() => {
      let last = t0;
      return () => {
        const now = performance.now();
        const s = (now - last) / 1000;
        last = now;
        return s;
      };
    })();
    const { listings, versions } = await loadListings(this.store);
    const load = lap();
    const previous = mode === 'incremental' ? await this.#lastRunVersions() : undefined;
    let screened: Listing[];
    let kept: NameLink[] = [];
    if (!previous) {
      mode = 'full';
      const largest = largestSource(listings);
      screened = listings.filter((l) => l.source !== largest);
    } else {
      const changed = await this.#changedSince(previous, versions, listings);
      screened = listings.filter((l) => changed.has(l.entityId));
      const present = new Set(listings.map((l) => l.entityId));
      kept = (await this.#storedLinks()).filter(
        (l) => present.has(l.a) && present.has(l.b) && !changed.has(l.a) && !changed.has(l.b),
      );
    }
    // The index over every listing is built only when some listing is to be screened by name.
    const index =
      screened.length > 0
        ? buildScreeningIndex(
            listings.map((l) => ({ party: l.party, versionId: l.versionId })),
            this.reference,
          )
        : undefined;
    const indexSeconds = lap();
    const links = index ? findNameLinksWithProgress(index, screened, onProgress) : [];
    const names = lap();
    const byPair = new Map<string, NameLink>();
    for (const l of [...kept, ...links]) {
      const key = l.a < l.b ? `${l.a}|${l.b}` : `${l.b}|${l.a}`;
      const seen = byPair.get(key);
      if (!seen || l.score > seen.score) byPair.set(key, l);
    }
    const allLinks = [...byPair.values()];
    const resolution = resolveSubjects(listings, allLinks, await this.decisions());
    const resolveSeconds = lap();
    const unchanged = !!previous && screened.length === 0 && links.length === 0;
    if (options.store !== 'if-changed' || !unchanged)
      await this.#save(
        resolution,
        allLinks,
        mode,
        versions,
        listings.length,
        screened.length,
        (performance.now() - t0) / 1000,
      );
    const save = lap();
    this.#resolution = resolution;
    this.#directory = undefined;
    const perSource: Record<string, Set<string>> = {};
    for (const l of listings)
      if (l.current) (perSource[l.source] ??= new Set()).add(resolution.subjectOf.get(l.entityId)!);
    return {
      mode,
      listings: listings.length,
      current: listings.filter((l) => l.current).length,
      subjects: resolution.subjects.length,
      multiSource: resolution.subjects.filter(
        (s) => new Set(s.members.filter((m) => m.current).map((m) => m.source)).size > 1,
      ).length,
      proposals: resolution.proposals.length,
      refused: resolution.refused.length,
      screened: screened.length,
      seconds: {
        load,
        index: indexSeconds,
        names,
        resolve: resolveSeconds,
        save,
        total: (performance.now() - t0) / 1000,
      },
      subjectsPerSource: Object.fromEntries(Object.entries(perSource).map(([k, v]) => [k, v.size])),
    };
  }

  /** The last resolution (resolved again from the store's data when this process has none). */
  async resolution(): Promise<Resolution> {
    // Nothing is written when the lists did not change since the stored resolution.
    if (!this.#resolution) await this.resolve('incremental', undefined, { store: 'if-changed' });
    return this.#resolution!;
  }

  /**
   * Which subject each listing belongs to, as stored by the last resolution
   * (empty before the first); read again after `DIRECTORY_RECHECK_MS`, so a
   * resolution another process stored is seen.
   */
  async directory(): Promise<Map<string, SubjectRef>> {
    if (this.#directory && performance.now() - this.#directory.readAt < DIRECTORY_RECHECK_MS)
      return this.#directory.map;
    const rows = await this.db
      .selectFrom('subject_members')
      .select(['entity_id', 'subject_id', 'subject_name'])
      .execute();
    const map = new Map(rows.map((r) => [r.entity_id, { id: r.subject_id, name: r.subject_name }]));
    this.#directory = { map, readAt: performance.now() };
    return map;
  }

  /** The listing gaps between the given jurisdictions, over the last resolution. */
  async listingGaps(
    jurisdictions: ListingJurisdiction[],
  ): Promise<ListingGapReport & { versions: { source: string; publishedAt: string }[] }> {
    const resolution = await this.resolution();
    const versions = (await this.store.latestVersions()).map((v) => ({
      source: v.source,
      publishedAt: v.publishedAt,
    }));
    return { ...listingGaps(resolution.subjects, jurisdictions), versions };
  }

  /** Analysts' decisions in force, oldest first. */
  async decisions(): Promise<SubjectDecision[]> {
    const rows = await this.db
      .selectFrom('subject_decisions')
      .selectAll()
      .where('revoked_at', 'is', null)
      .orderBy('decided_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      kind: r.kind,
      a: r.a,
      b: r.b,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
      reason: r.reason,
    }));
  }

  /**
   * Records an analyst's decision that two listings are one subject (`merge`,
   * also how a proposal is confirmed) or never one (`split`), in the audit
   * chain, and resolves again with it (keeping the stored name links).
   */
  async decide(
    actor: Actor,
    kind: 'merge' | 'split',
    a: string,
    b: string,
    reason: string,
  ): Promise<{ id: string; report: ResolutionReport }> {
    if (actor.orgKind !== 'agency')
      throw new DomainError(
        'forbidden',
        'Only analysts of an agency decide which listings are one subject',
        {},
      );
    if (a === b)
      throw new DomainError('invalid-input', 'A listing cannot be merged with or split from itself', {
        field: 'b',
      });
    const known = await this.directory();
    for (const [field, id] of [
      ['a', a],
      ['b', b],
    ] as const)
      if (!known.has(id))
        throw new DomainError('not-found', `No listing ${id} in the resolved subjects`, {
          field,
          entityId: id,
        });
    if (!reason.trim())
      throw new DomainError('invalid-input', 'Give the reason for the decision', { field: 'reason' });
    const id = randomUUID();
    const decidedAt = new Date().toISOString();
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('subject_decisions')
        .values({
          id,
          kind,
          a,
          b,
          reason,
          decided_by: actor.userId,
          org_id: actor.orgId,
          decided_at: decidedAt,
          revoked_at: null,
        })
        .execute();
      await this.audit?.appendIn(tx, {
        ...actorOf(sourceOf(actor)),
        action: `subject.${kind}`,
        targetType: 'subject',
        targetId: id,
        outcome: 'ok',
        details: { a, b, reason },
      });
    });
    return { id, report: await this.resolve('incremental') };
  }

  async #lastRunVersions(): Promise<Record<string, number> | undefined> {
    const row = await this.db
      .selectFrom('subject_runs')
      .select('versions')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.versions;
  }

  /** Entity ids added or changed in any source since the versions of the last run. */
  async #changedSince(
    previous: Record<string, number>,
    versions: { id: number; source: string }[],
    listings: Listing[],
  ): Promise<Set<string>> {
    const changed = new Set<string>();
    for (const v of versions) {
      const before = previous[v.source];
      if (before === v.id) continue;
      if (before === undefined) {
        for (const l of listings) if (l.source === v.source) changed.add(l.entityId);
        continue;
      }
      const diff = await this.store.diffVersions(v.source, before, v.id);
      for (const x of diff.added) changed.add(x.entityId);
      for (const x of diff.changed) changed.add(x.entityId);
    }
    return changed;
  }

  async #storedLinks(): Promise<NameLink[]> {
    const rows = await this.db.selectFrom('subject_name_links').selectAll().execute();
    return rows.map((r) => ({
      a: r.a,
      b: r.b,
      kind: 'name',
      score: r.score,
      automatic: r.automatic,
      evidence: r.evidence,
    }));
  }

  async #save(
    resolution: Resolution,
    links: NameLink[],
    mode: string,
    versions: { id: number; source: string }[],
    listings: number,
    screened: number,
    seconds: number,
  ): Promise<void> {
    const startedAt = new Date().toISOString();
    const members = resolution.subjects.flatMap((s) =>
      s.members.map((m) => ({
        entity_id: m.entityId,
        subject_id: s.id,
        subject_name: s.name,
        source: m.source,
        jurisdiction: m.jurisdiction ?? null,
        version_id: m.versionId,
        is_current: m.current,
        via: JSON.stringify(m.via ?? null),
      })),
    );
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('subject_members').execute();
      for (let i = 0; i < members.length; i += INSERT_PAGE)
        await tx
          .insertInto('subject_members')
          .values(members.slice(i, i + INSERT_PAGE))
          .execute();
      await tx.deleteFrom('subject_name_links').execute();
      const rows = links.map((l) => ({
        a: l.a,
        b: l.b,
        score: l.score,
        automatic: l.automatic,
        evidence: JSON.stringify(l.evidence),
      }));
      for (let i = 0; i < rows.length; i += INSERT_PAGE)
        await tx
          .insertInto('subject_name_links')
          .values(rows.slice(i, i + INSERT_PAGE))
          .onConflict((oc) => oc.columns(['a', 'b']).doNothing())
          .execute();
      await tx
        .insertInto('subject_runs')
        .values({
          started_at: startedAt,
          finished_at: new Date().toISOString(),
          mode,
          versions: JSON.stringify(Object.fromEntries(versions.map((v) => [v.source, v.id]))),
          listings,
          subjects: resolution.subjects.length,
          proposals: resolution.proposals.length,
          screened,
          seconds,
        })
        .execute();
    });
  }
}

/** The source with the most listings (screened from the other side only). */
function largestSource(listings: Listing[]): string | undefined {
  const counts = new Map<string, number>();
  for (const l of listings) counts.set(l.source, (counts.get(l.source) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** `findNameLinks` in slices, reporting progress between them. */
function findNameLinksWithProgress(
  index: Parameters<typeof findNameLinks>[0],
  listings: Listing[],
  onProgress?: (done: number, total: number) => void,
): NameLink[] {
  const out: NameLink[] = [];
  const slice = 2_000;
  for (let i = 0; i < listings.length; i += slice) {
    out.push(...findNameLinks(index, listings.slice(i, i + slice)));
    onProgress?.(Math.min(listings.length, i + slice), listings.length);
  }
  return out;
}

/** The subject service over an opened store and its `Kysely<Database>`. */
export function subjectServiceFor(
  store: OpenedStore,
  reference: NameReference,
  audit?: AuditLog,
): SubjectService {
  return new SubjectService(store, store.kysely, reference, audit);
}
