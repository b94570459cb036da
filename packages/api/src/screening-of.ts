import { nameReferenceFor, ScreeningService } from '@entente/adapters';
import type { AppDeps } from './app-deps.ts';

const built = new WeakMap<AppDeps, Promise<ScreeningService>>();

/** The app's screening service: `deps.screening` when given, else built once from the store. */
export function screeningOf(deps: AppDeps): Promise<ScreeningService> {
  if (deps.screening) return Promise.resolve(deps.screening);
  let s = built.get(deps);
  if (!s) {
    s = (async () => ScreeningService.open(deps.store, await nameReferenceFor(deps.config.mirrorDir)))();
    built.set(deps, s);
  }
  return s;
}
