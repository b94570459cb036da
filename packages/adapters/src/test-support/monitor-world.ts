// What the monitoring tests share: listed parties and list versions of one test source, and a
// store with a first list version, its screening service and a monitor over them, opened before
// each test and closed after it (the store's test targets: PGlite, and PostgreSQL when set).
import { afterEach, beforeEach } from 'vitest';
import { buildParty, DEFAULT_NAME_REFERENCE, type NewListVersion, type Party } from '@entente/core';
import type { StoreTarget, TestStore } from './store-targets.ts';
import { ScreeningService } from '../screening/screening-service.ts';
import { sharingStoreFor } from '../sharing/sharing-store.ts';
import { CLI_SOURCE } from '../sharing/actor.ts';
import { MonitorService } from '../monitoring/monitor-service.ts';

/** Builds the listed parties and list versions of one source. */
export function listOf(source: string, file: string) {
  return {
    /** A listed party; the first name is primary, the others strong aliases. */
    party: (sourceId: string, schema: Party['schema'], names: string[], extra: Partial<Party> = {}): Party =>
      buildParty({
        source,
        sourceId,
        schema,
        names: names.map((full, i) => ({ full, quality: i === 0 ? 'primary' : 'strong' })),
        programs: ['RUSSIA-EO14024'],
        ...extra,
      }),
    /** A version of the list published on `publishedAt`. */
    version: (publishedAt: string, parties: Party[]): NewListVersion => ({
      source,
      publishedAt,
      format: 'custom-csv',
      files: [file],
      parties,
      warnings: [],
    }),
  };
}

/** A store holding the first list version, its screening service and a monitor over both. */
export interface MonitorWorld {
  store: TestStore;
  screening: ScreeningService;
  monitor: MonitorService;
  sharing: ReturnType<typeof sharingStoreFor>;
  /** Creates an exporter organisation and returns its id. */
  org(name: string): Promise<string>;
}

/**
 * Opens a fresh monitor world on `target` before each test (with `first` stored) and closes it
 * after; the returned object's fields are the current test's.
 */
export function useMonitorWorld(target: StoreTarget, first: () => NewListVersion): MonitorWorld {
  const world = {} as MonitorWorld;
  beforeEach(async () => {
    world.store = await target.open();
    const sharing = (world.sharing = sharingStoreFor(world.store));
    world.org = async (name) => (await sharing.orgs.createOrg({ name, kind: 'exporter' }, CLI_SOURCE)).id;
    await world.store.saveListVersion(first());
    world.screening = await ScreeningService.open(world.store, DEFAULT_NAME_REFERENCE);
    world.monitor = new MonitorService(world.store, world.screening);
  });
  afterEach(async () => {
    await world.monitor.close();
    await world.screening.close();
    await world.store.close();
  });
  return world;
}
