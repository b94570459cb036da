import { MonitorService, type MonitorStoreAccess } from '@entente/adapters';
import type { AppDeps } from './app-deps.ts';
import { screeningOf } from './screening-of.ts';

const built = new WeakMap<AppDeps, Promise<MonitorService>>();

/** The app's monitor: `deps.monitor` when given, else built once over the store and screening index. */
export function monitorOf(deps: AppDeps): Promise<MonitorService> {
  if (deps.monitor) return Promise.resolve(deps.monitor);
  let m = built.get(deps);
  if (!m) {
    m = (async () =>
      new MonitorService(deps.store as unknown as MonitorStoreAccess, await screeningOf(deps), {
        log: deps.log,
      }))();
    built.set(deps, m);
  }
  return m;
}
