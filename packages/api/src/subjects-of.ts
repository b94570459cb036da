import { nameReferenceFor, subjectServiceFor, type SubjectService } from '@entente/adapters';
import type { AppDeps } from './app-deps.ts';
import { sharingOf } from './routes/sharing-deps.ts';

const built = new WeakMap<AppDeps, Promise<SubjectService>>();

/** The app's subject service (resolution across lists, listing gaps), built once per app, auditing through the sharing store. */
export function subjectsOf(deps: AppDeps): Promise<SubjectService> {
  let s = built.get(deps);
  if (!s) {
    s = (async () =>
      subjectServiceFor(deps.store, await nameReferenceFor(deps.config.mirrorDir), sharingOf(deps).audit))();
    built.set(deps, s);
  }
  return s;
}
