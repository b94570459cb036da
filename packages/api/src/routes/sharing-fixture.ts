import {
  type StoreTarget,
  type TestStore,
  buildSharingWorld,
  sampleDenial,
  type SharingWorld,
} from '@entente/adapters/testing';
import { type SharingOptions } from '@entente/adapters';
import type { createApp } from '../create-app.ts';
import { createTestApp } from '../test-support/create-test-app.ts';
import { CLI_SOURCE } from '@entente/adapters';

/** Who calls in tests: the world's officers, a UK admin, and the exporter. */
export type Caller = 'uk' | 'de' | 'af' | 'exporter' | 'ukAdmin';

/** Password of the UK admin, who also signs in through the web login. */
export const ADMIN_PASSWORD = 'correct horse battery staple';

/** An app over a fresh store with the sharing world, a token per caller, and everything it logged. */
export interface SharingApp {
  store: TestStore;
  world: SharingWorld;
  tokens: Record<Caller, string>;
  app: ReturnType<typeof createApp>;
  logs: string[];
  /** Every response body seen, to check no secret leaks. */
  bodies: string[];
  call(
    who: Caller | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  close(): Promise<void>;
}

/** Opens a store on `target`, builds the world and the app. */
export async function openSharingApp(target: StoreTarget, options: SharingOptions = {}): Promise<SharingApp> {
  const store = await target.open();
  const world = await buildSharingWorld(store, options);
  const admin = await world.sharing.orgs.createUser(
    { orgId: world.orgs.uk.id, email: 'admin@ecju.example', role: 'admin', password: ADMIN_PASSWORD },
    CLI_SOURCE,
  );
  const userIds: Record<Caller, string> = {
    uk: world.actors.uk.userId,
    de: world.actors.de.userId,
    af: world.actors.af.userId,
    exporter: world.actors.exporter.userId,
    ukAdmin: admin.id,
  };
  const tokens = {} as Record<Caller, string>;
  for (const [who, id] of Object.entries(userIds))
    tokens[who as Caller] = (await world.sharing.credentials.createToken(id, CLI_SOURCE)).token;
  const logs: string[] = [];
  const bodies: string[] = [];
  const app = createTestApp(store, { log: (l) => logs.push(l), sharing: world.sharing });
  return {
    store,
    world,
    tokens,
    app,
    logs,
    bodies,
    async call(who, method, path, body, headers = {}) {
      const res = await app.request(path, {
        method,
        headers: {
          ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      bodies.push(await res.clone().text());
      return res;
    },
    close: () => store.close(),
  };
}

export { sampleDenial };
