import { servicesOver, type AppConfig, type OpenedStore, type ServicesOptions } from '@entente/adapters';
import { createApp } from '../create-app.ts';

/** What a test may set; everything else takes a test default (in-memory store config, no mirror). */
export interface TestAppOptions extends Pick<ServicesOptions, 'sharing' | 'sharingOptions'> {
  config?: Partial<AppConfig>;
  version?: string;
  webDir?: string;
  log?: (line: string) => void;
}

/**
 * The app over a store a test opened, with its services built by the same
 * composition root as `main.ts` (`servicesOver`, which `openServices` calls).
 *
 * @example
 * const app = createTestApp(await storeTargets()[0]!.open(), { config: { mirrorDir: SHARED_DATA } });
 */
export function createTestApp(
  store: OpenedStore,
  options: TestAppOptions = {},
): ReturnType<typeof createApp> {
  const config: AppConfig = { store: { dataDir: 'memory://' }, port: 0, ...options.config };
  return createApp({
    services: servicesOver(store, config, {
      ...(options.sharing ? { sharing: options.sharing } : {}),
      ...(options.sharingOptions ? { sharingOptions: options.sharingOptions } : {}),
    }),
    config,
    version: options.version ?? 'test',
    log: options.log ?? (() => {}),
    ...(options.webDir ? { webDir: options.webDir } : {}),
  });
}
