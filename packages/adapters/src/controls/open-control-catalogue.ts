import { sql, type Kysely } from 'kysely';
import { DomainError, type DeterminationData } from '@entente/core';
import { PostgresControlStore } from '../store/postgres-control-store.ts';
import { loadDeterminationData } from '../licensing-data/load-determination-data.ts';
import { ControlCatalogue } from './control-catalogue.ts';
import { catalogueLookup, catalogueSuggest } from './catalogue-entry-lookup.ts';
import type { Database } from '../store/database.ts';

/** The catalogue plus the determination data built over it, as CLI and API use them. */
export interface OpenedCatalogue {
  catalogue: ControlCatalogue;
  /** What was loaded: changes whenever a list version or the crosswalk changes. */
  stamp: string;
  /** The determination engine's data with the catalogue's look-up and suggestions; read once, on first use. */
  determinationData(): Promise<DeterminationData>;
}

/** Where the catalogue comes from: the store, and the mirror holding the EAR tables. */
export interface CatalogueOptions {
  mirrorDir?: string;
  /** Datasets folder of the licensing tables (tests). */
  datasetsDir?: string;
  /** Where `sync --online` saved eCFR texts (its CCL is preferred to the mirror's). */
  sourcesDir?: string;
}

/** The catalogue options of a configuration: its mirror and its online-sync folder. */
export function catalogueOptionsOf(config: { mirrorDir?: string; sourcesDir?: string }): CatalogueOptions {
  return {
    ...(config.mirrorDir ? { mirrorDir: config.mirrorDir } : {}),
    ...(config.sourcesDir ? { sourcesDir: config.sourcesDir } : {}),
  };
}

/** A cheap fingerprint of the stored control lists and crosswalk. */
async function readStamp(db: Kysely<Database>): Promise<string> {
  const r = await sql<{ n: number; max: number | null; hash: unknown }>`
    select (select count(*)::int from control_list_versions) as n,
      (select max(id) from control_list_versions) as max,
      (select value from meta where key = 'control-crosswalk-hash') as hash`.execute(db);
  const row = r.rows[0];
  return `${row?.n ?? 0}:${row?.max ?? 0}:${String(row?.hash ?? '')}`;
}

/**
 * Reads the control lists in force on `at` (newest when omitted) and the
 * crosswalk from the store, and builds the catalogue; the determination data
 * (EAR tables from the eCFR texts of `sourcesDir` or `mirrorDir/controls`,
 * curated licensing datasets) is read on first use, with `lookup` and
 * `suggest` over the catalogue.
 *
 * @example
 * const { catalogue, determinationData } = await openControlCatalogue(store.kysely, { mirrorDir: '../shared/data' });
 */
export async function openControlCatalogue(
  db: Kysely<Database>,
  options: CatalogueOptions = {},
  at?: string,
): Promise<OpenedCatalogue> {
  const store = new PostgresControlStore(db);
  const stamp = await readStamp(db);
  const [lists, correspondences] = await Promise.all([store.controlLists(at), store.correspondences()]);
  if (lists.length === 0) {
    throw new DomainError('not-found', 'No control lists are loaded: run `entente sync --mirror DIR` first', {
      field: 'controls',
    });
  }
  const catalogue = new ControlCatalogue(lists, correspondences);
  let data: Promise<DeterminationData> | undefined;
  return {
    catalogue,
    stamp,
    determinationData: () => {
      if (!options.mirrorDir && !options.sourcesDir) {
        return Promise.reject(
          new DomainError(
            'invalid-input',
            'Determinations read the EAR tables from the eCFR: run `entente sync --online`, or set ENTENTE_MIRROR',
            { field: 'mirror', accepted: 'a directory laid out like ../shared/data, or an online sync' },
          ),
        );
      }
      data ??= loadDeterminationData(options.mirrorDir, {
        lookup: catalogueLookup(catalogue),
        suggest: catalogueSuggest(catalogue),
        ...(options.datasetsDir ? { datasetsDir: options.datasetsDir } : {}),
        ...(options.sourcesDir ? { sourcesDir: options.sourcesDir } : {}),
      });
      return data;
    },
  };
}

/**
 * Keeps one opened catalogue per process and re-reads it when the stored
 * lists change (checked with one cheap query per call), so long-running API
 * nodes pick up a new `entente sync` made by any process.
 */
export class ControlCatalogueSource {
  private current: Promise<OpenedCatalogue> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: CatalogueOptions = {},
  ) {}

  /** The catalogue of the lists in force today, reloaded when the store changed. */
  async get(): Promise<OpenedCatalogue> {
    const held = this.current;
    if (held) {
      const opened = await held.catch(() => undefined);
      if (opened && opened.stamp === (await readStamp(this.db))) return opened;
      if (this.current !== held) return this.get();
    }
    const next = openControlCatalogue(this.db, this.options);
    this.current = next;
    next.catch(() => {
      if (this.current === next) this.current = undefined;
    });
    return next;
  }

  /** The catalogue of the lists in force on a past or future date (not cached). */
  at(date: string): Promise<OpenedCatalogue> {
    return openControlCatalogue(this.db, this.options, date);
  }
}
