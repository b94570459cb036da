import {
  buildScreeningIndex,
  clearanceSubjectKey,
  DEFAULT_NAME_REFERENCE,
  DomainError,
  isClearanceActive,
  screenParty,
  type Clearance,
  type ListVersion,
  type NameReference,
  type ScreeningIndex,
  type ScreeningMatch,
  type ScreeningOptions,
  type ScreeningQuery,
  type Store,
} from '@entente/core';
import { loadNameReference } from '../screening-reference/load-name-reference.ts';
import path from 'node:path';
import { existsSync } from 'node:fs';

/** A match with the clearance that covers it, if any (cleared matches are shown, not hidden). */
export interface ScreeningResult extends ScreeningMatch {
  cleared?: Pick<Clearance, 'id' | 'reason' | 'clearedBy' | 'createdAt' | 'expiresAt'>;
  listVersion?: { id: number; publishedAt: string };
}

/** The list versions an index was built from. */
export interface IndexState {
  versions: Pick<ListVersion, 'id' | 'source' | 'publishedAt' | 'recordCount'>[];
  parties: number;
  builtAt: string;
  buildSeconds: number;
}

/** Reads the name reference tables from `<mirror>/reference/names`, else the built-in fallback. */
export async function nameReferenceFor(mirrorDir: string | undefined): Promise<NameReference> {
  const dir = mirrorDir && path.join(mirrorDir, 'reference', 'names');
  return dir && existsSync(dir) ? loadNameReference(dir) : DEFAULT_NAME_REFERENCE;
}

/**
 * The in-memory screening index of one process, built from the latest version
 * of every source, patched when a new version is stored (also by another
 * process, through the store's notifications), and aware of clearances.
 */
export class ScreeningService {
  #index: ScreeningIndex;
  #versions = new Map<string, ListVersion>();
  #state: IndexState;
  #refreshing: Promise<void> | undefined;
  #stopWatching: (() => Promise<void>) | undefined;

  private constructor(
    private readonly store: Store,
    readonly reference: NameReference,
    index: ScreeningIndex,
    versions: ListVersion[],
    buildSeconds: number,
  ) {
    this.#index = index;
    for (const v of versions) this.#versions.set(v.source, v);
    this.#state = this.describe(buildSeconds);
  }

  /** Builds the index from the store's latest versions. */
  static async open(store: Store, reference: NameReference): Promise<ScreeningService> {
    const started = performance.now();
    const versions = await store.latestVersions();
    const index = buildScreeningIndex([], reference);
    for (const v of versions) {
      for (const p of await store.partiesOfVersion(v.id)) index.add(p.party, v.id);
    }
    index.prepare(); // the fuzzy look-up structures, so the first query does not pay for them
    return new ScreeningService(store, reference, index, versions, (performance.now() - started) / 1000);
  }

  /** The index itself (for worker threads and benchmarks). */
  get index(): ScreeningIndex {
    return this.#index;
  }

  state(): IndexState {
    return this.#state;
  }

  /** Sources currently indexed. */
  sources(): string[] {
    return [...this.#versions.keys()].sort();
  }

  private describe(buildSeconds: number): IndexState {
    const versions = [...this.#versions.values()].map(({ id, source, publishedAt, recordCount }) => ({
      id,
      source,
      publishedAt,
      recordCount,
    }));
    return {
      versions,
      parties: versions.reduce((n, v) => n + v.recordCount, 0),
      builtAt: new Date().toISOString(),
      buildSeconds,
    };
  }

  /** Re-reads the latest versions and swaps in the parties of every source whose version changed. */
  refresh(): Promise<void> {
    this.#refreshing ??= (async () => {
      try {
        const started = performance.now();
        const latest = await this.store.latestVersions();
        let changed = false;
        for (const v of latest) {
          const current = this.#versions.get(v.source);
          if (current?.id === v.id) continue;
          if (current)
            for (const p of await this.store.partiesOfVersion(current.id)) this.#index.remove(p.entityId);
          for (const p of await this.store.partiesOfVersion(v.id)) this.#index.add(p.party, v.id);
          this.#versions.set(v.source, v);
          changed = true;
        }
        if (changed) this.#index.prepare();
        if (changed) this.#state = this.describe((performance.now() - started) / 1000);
      } finally {
        this.#refreshing = undefined;
      }
    })();
    return this.#refreshing;
  }

  /** Keeps the index current as other processes import (PostgreSQL LISTEN/NOTIFY). */
  async watch(onError: (e: unknown) => void = () => {}): Promise<void> {
    this.#stopWatching ??= await this.store.watchListVersions(() => {
      this.refresh().catch(onError);
    });
  }

  async close(): Promise<void> {
    await this.#stopWatching?.();
    this.#stopWatching = undefined;
  }

  /** Throws a clear error for unknown `sources`. */
  checkSources(sources: string[] | undefined): void {
    const unknown = (sources ?? []).filter((s) => !this.#versions.has(s));
    if (unknown.length) {
      throw new DomainError(
        'unknown-source',
        `Unknown list source ${unknown.map((s) => `"${s}"`).join(', ')}`,
        {
          field: 'source',
          accepted: this.sources(),
        },
      );
    }
  }

  /** Screens one subject and marks the matches a user has cleared for it. */
  async screen(
    query: ScreeningQuery,
    options: ScreeningOptions = {},
    now = new Date(),
  ): Promise<ScreeningResult[]> {
    this.checkSources(query.sources);
    const matches = screenParty(this.#index, query, options);
    if (matches.length === 0) return [];
    const active = (await this.store.clearances(clearanceSubjectKey(query))).filter((c) =>
      isClearanceActive(c, now),
    );
    return matches.map((m) => this.present(m, active));
  }

  /** Every clearance in force at `now`, by subject key (for batch screening). */
  async clearancesBySubject(now = new Date()): Promise<Map<string, Clearance[]>> {
    const map = new Map<string, Clearance[]>();
    for (const c of await this.store.clearances()) {
      if (!isClearanceActive(c, now)) continue;
      const list = map.get(c.subjectKey);
      if (list) list.push(c);
      else map.set(c.subjectKey, [c]);
    }
    return map;
  }

  /** Adds the clearance and list version to a match. */
  present(m: ScreeningMatch, active: Clearance[]): ScreeningResult {
    const c = active.find((x) => x.entityId === m.entityId);
    const v = this.#versions.get(m.source);
    return {
      ...m,
      ...(v ? { listVersion: { id: v.id, publishedAt: v.publishedAt } } : {}),
      ...(c
        ? {
            cleared: {
              id: c.id,
              reason: c.reason,
              clearedBy: c.clearedBy,
              createdAt: c.createdAt,
              expiresAt: c.expiresAt,
            },
          }
        : {}),
    };
  }
}
