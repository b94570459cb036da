import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  bestLinkPerPair,
  DomainError,
  listingGaps,
  NAME_LINK_RULES_VERSION,
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
import { defaultNameLinkWorkers, findNameLinksInWorkers, screensInThread } from './name-links-in-workers.ts';
import { patchedIndex, type KeptIndex } from './kept-index.ts';
import { saveResolution, type StoredRows } from './save-resolution.ts';
import type { Database } from '../store/database.ts';
import type { OpenedStore } from '../store/open-store.ts';

/**
 * Why a resolution screened every listing: it was asked to, no resolution was stored before, or
 * the stored one was made under other name link rules (its links may not be those these rules make).
 */
export type FullResolutionCause = 'asked' | 'never-resolved' | 'link-rules-changed';

/** What one resolution did, for the CLI, the API and docs/benchmarks.md. */
export interface ResolutionReport {
  mode: 'full' | 'incremental';
  /** Why every listing was screened (a full resolution only). */
  fullBecause?: FullResolutionCause;
  /** The name link rules this resolution was made under (`NAME_LINK_RULES_VERSION`). */
  linkRules: string;
  /** With `link-rules-changed`: those of the stored resolution (null: not recorded, made before they were). */
  previousLinkRules?: string | null;
  listings: number;
  current: number;
  subjects: number;
  /** Subjects listed now by more than one source. */
  multiSource: number;
  proposals: number;
  refused: number;
  /** Listings screened by name (all but the largest source in full mode; the changed ones otherwise). */
  screened: number;
  /** Seconds per step (`names`: screening by name, with building the index it screens against). */
  seconds: { load: number; names: number; resolve: number; save: number; total: number };
  /** Member and link rows written (an incremental run after one in the same process writes only what changed). */
  written: number;
  /** Subjects per source (latest listings). */
  subjectsPerSource: Record<string, number>;
}

/** Where a listing stands: its subject, for grouping screening matches. */
export interface SubjectRef {
  id: string;
  name: string;
}

/** What one run of this process leaves for the next: rows stored, listings read, links, the index screened against. */
interface RunCache {
  rows: StoredRows;
  bySource: Map<string, { versionId: number; listings: Listing[] }>;
  links: NameLink[];
  index?: KeptIndex;
}
/** How a subject service runs. */
export interface SubjectServiceOptions {
  /** Screening workers for name links (default `defaultNameLinkWorkers()`). */
  workers?: number;
  /** The name link rules version to resolve under and compare the stored one with (default `NAME_LINK_RULES_VERSION`). */
  linkRules?: string;
}

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
  /** What the last run of this process stored and read, to make the next incremental run cheap. */
  #cache: RunCache | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #again = false;
  #stopWatching: (() => Promise<void>) | undefined;

  constructor(
    private readonly store: Store,
    private readonly db: Kysely<Database>,
    private readonly reference: NameReference,
    private readonly audit?: AuditLog,
    private readonly options: SubjectServiceOptions = {},
  ) {}

  /** The name link rules this service resolves under. */
  get #linkRules(): string {
    return this.options.linkRules ?? NAME_LINK_RULES_VERSION;
  }

  /**
   * Resolves the latest listings into subjects and stores the result. `full`
   * screens every listing (but the largest source's) by name; `incremental`
   * screens only the listings added or changed since the last resolution and
   * keeps the stored name links of the rest (full when there was none).
   */
  resolve(
    mode: 'full' | 'incremental' = 'full',
    onProgress?: (done: number, total: number) => void,
    options: { store?: 'always' | 'if-changed' } = {},
  ): Promise<ResolutionReport> {
    // One resolution at a time: a re-resolution on a list update waits for an analyst's, and the other way round.
    const run = this.#queue.then(() => this.#resolveNow(mode, onProgress, options));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Re-resolves incrementally when subjects were resolved before (after a
   * list import or sync, so that screening never groups by stale subjects;
   * fully when the stored resolution was made under other name link rules);
   * does nothing in a store where nobody resolved subjects yet.
   */
  async refresh(): Promise<ResolutionReport | undefined> {
    const last = await this.#lastRun();
    if (!last) return undefined;
    // A process that kept nothing from a run (a server just started) has nothing to catch up on when
    // the lists are those the stored run resolved, under these rules: reading every listing again
    // cost a server's start about 11 s of CPU. `resolution()` still resolves on demand.
    if (!this.#cache && last.linkRules === this.#linkRules && (await this.#unchangedSince(last.versions)))
      return undefined;
    return this.resolve('incremental', undefined, { store: 'if-changed' });
  }

  /** Whether the latest list versions are those of `previous` (source → version id). */
  async #unchangedSince(previous: Record<string, number>): Promise<boolean> {
    const versions = await this.store.latestVersions();
    return (
      versions.length === Object.keys(previous).length && versions.every((v) => previous[v.source] === v.id)
    );
  }

  /**
   * Re-resolves whenever any process stores a list version (the store's
   * list-version notifications), and once now to catch up; updates that come
   * while one runs are taken together by the next.
   */
  async watch(onError: (e: unknown) => void = () => {}): Promise<void> {
    const soon = () => {
      if (this.#again) return;
      this.#again = true;
      void this.#queue.then(async () => {
        this.#again = false;
        await this.refresh().catch(onError);
      });
    };
    this.#stopWatching ??= await this.store.watchListVersions(soon);
    soon();
  }

  /**
   * A full resolution when lists are loaded and no resolution was ever stored
   * (a server's first start), or when the stored one was made under other name
   * link rules (a server started on new code), so that screening groups by
   * subject as these rules do without anyone asking; `onStart` is called, with
   * the cause, when it begins. Else nothing.
   */
  async resolveIfStale(
    onStart?: (why: Exclude<FullResolutionCause, 'asked'>, previousLinkRules?: string | null) => void,
  ): Promise<ResolutionReport | undefined> {
    const last = await this.#lastRun();
    if (last) {
      if (last.linkRules === this.#linkRules) return undefined;
      onStart?.('link-rules-changed', last.linkRules);
      // Incremental: full by the time it runs unless the watch's catch-up already resolved under these rules.
      return this.resolve('incremental', undefined, { store: 'if-changed' });
    }
    const loaded = await this.db.selectFrom('list_versions').select('id').limit(1).executeTakeFirst();
    if (!loaded) return undefined;
    onStart?.('never-resolved');
    return this.resolve('full', undefined, { store: 'if-changed' });
  }

  /** Stops watching and waits for a resolution under way. */
  async close(): Promise<void> {
    await this.#stopWatching?.();
    this.#stopWatching = undefined;
    await this.#queue;
  }

  async #resolveNow(
    mode: 'full' | 'incremental',
    onProgress: ((done: number, total: number) => void) | undefined,
    options: { store?: 'always' | 'if-changed' },
  ): Promise<ResolutionReport> {
    const t0 = performance.now();
    const startedAt = new Date().toISOString();
    const lap = (() => {
      let last = t0;
      return () => {
        const now = performance.now();
        const s = (now - last) / 1000;
        last = now;
        return s;
      };
    })();
    const last = await this.#lastRun();
    // What this process kept from the last run, if that is still the latest run in the store.
    const cache = last && this.#cache?.rows.runId === last.id ? this.#cache : undefined;
    const { listings, versions, bySource } = await loadListings(this.store, cache?.bySource);
    const load = lap();
    // Links kept from a resolution made under other rules may be links these rules would not make
    // (or miss ones they make): only a full resolution gives what a fresh store would.
    const fullBecause: FullResolutionCause | undefined =
      mode === 'full'
        ? 'asked'
        : !last
          ? 'never-resolved'
          : last.linkRules !== this.#linkRules
            ? 'link-rules-changed'
            : undefined;
    const previous = fullBecause ? undefined : last?.versions;
    let screened: Listing[];
    let kept: NameLink[] = [];
    let changed: Set<string> | undefined;
    if (!previous) {
      mode = 'full';
      const largest = largestSource(listings);
      screened = listings.filter((l) => l.source !== largest);
    } else {
      changed = await this.#changedSince(previous, versions, listings);
      screened = listings.filter((l) => changed!.has(l.entityId));
      const present = new Set(listings.map((l) => l.entityId));
      kept = (cache?.links ?? (await this.#storedLinks())).filter(
        (l) => present.has(l.a) && present.has(l.b) && !changed!.has(l.a) && !changed!.has(l.b),
      );
    }
    const workers = this.options.workers ?? defaultNameLinkWorkers();
    // A few listings to screen: in this thread, against the index kept from the last run, patched.
    const index =
      screened.length > 0 && screensInThread(screened.length, workers)
        ? patchedIndex(listings, changed, cache?.index, this.reference)
        : undefined;
    // Many: in the screening workers (each builds its own index over every listing).
    const links = await findNameLinksInWorkers(listings, screened, this.reference, {
      workers,
      onProgress,
      ...(index ? { index: index.index } : {}),
    });
    const names = lap();
    const allLinks = bestLinkPerPair([...kept, ...links]);
    const resolution = resolveSubjects(listings, allLinks, await this.decisions());
    const resolveSeconds = lap();
    // Unchanged: the same list versions as the stored run (a version that only delists changes the rows too).
    const unchanged =
      !!previous &&
      versions.length === Object.keys(previous).length &&
      versions.every((v) => previous[v.source] === v.id);
    let rows = cache?.rows;
    if (options.store !== 'if-changed' || !unchanged || !last)
      rows = await saveResolution(
        this.db,
        resolution,
        allLinks,
        {
          startedAt,
          mode,
          versions: Object.fromEntries(versions.map((v) => [v.source, v.id])),
          listings: listings.length,
          screened: screened.length,
          seconds: (performance.now() - t0) / 1000,
          linkRules: this.#linkRules,
        },
        cache?.rows,
      );
    const save = lap();
    // The index is kept when it holds this run's listings: patched or built now, or kept and nothing changed.
    const keptIndex = index ?? (screened.length === 0 ? cache?.index : undefined);
    this.#cache = rows
      ? { rows, bySource, links: allLinks, ...(keptIndex ? { index: keptIndex } : {}) }
      : undefined;
    this.#resolution = resolution;
    this.#directory = undefined;
    const perSource: Record<string, Set<string>> = {};
    for (const l of listings)
      if (l.current) (perSource[l.source] ??= new Set()).add(resolution.subjectOf.get(l.entityId)!);
    return {
      mode,
      ...(fullBecause ? { fullBecause } : {}),
      linkRules: this.#linkRules,
      ...(fullBecause === 'link-rules-changed' ? { previousLinkRules: last?.linkRules ?? null } : {}),
      listings: listings.length,
      current: listings.filter((l) => l.current).length,
      subjects: resolution.subjects.length,
      multiSource: resolution.subjects.filter(
        (s) => new Set(s.members.filter((m) => m.current).map((m) => m.source)).size > 1,
      ).length,
      proposals: resolution.proposals.length,
      refused: resolution.refused.length,
      screened: screened.length,
      written: rows && rows !== cache?.rows ? rows.written : 0,
      seconds: {
        load,
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

  /**
   * Which subject each of `entityIds` belongs to, as `directory()` says of them, read by
   * primary key (a one-shot screening needs a few of them, not every listing's), plus
   * whether any resolution is stored at all.
   */
  async subjectsOf(
    entityIds: readonly string[],
  ): Promise<{ map: Map<string, SubjectRef>; resolved: boolean }> {
    const ids = [...new Set(entityIds)];
    const rows = ids.length
      ? await this.db
          .selectFrom('subject_members')
          .select(['entity_id', 'subject_id', 'subject_name'])
          .where('entity_id', 'in', ids)
          .execute()
      : [];
    const resolved =
      rows.length > 0 ||
      (await this.db.selectFrom('subject_members').select('entity_id').limit(1).execute()).length > 0;
    return {
      map: new Map(rows.map((r) => [r.entity_id, { id: r.subject_id, name: r.subject_name }])),
      resolved,
    };
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

  async #lastRun(): Promise<
    { id: number; versions: Record<string, number>; linkRules: string | null } | undefined
  > {
    return this.db
      .selectFrom('subject_runs')
      .select(['id', 'versions', 'link_rules as linkRules'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
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
}

/** The source with the most listings (screened from the other side only). */
function largestSource(listings: Listing[]): string | undefined {
  const counts = new Map<string, number>();
  for (const l of listings) counts.set(l.source, (counts.get(l.source) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The subject service over an opened store and its `Kysely<Database>`. */
export function subjectServiceFor(
  store: OpenedStore,
  reference: NameReference,
  audit?: AuditLog,
  options: SubjectServiceOptions = {},
): SubjectService {
  return new SubjectService(store, store.kysely, reference, audit, options);
}
