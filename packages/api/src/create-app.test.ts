import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@entente/adapters';
import { storeTargets, type TestStore } from '../../adapters/src/test-support/store-targets.ts';
import { createApp } from './create-app.ts';

describe('createApp', () => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const logged: string[] = [];
  beforeAll(async () => {
    store = await storeTargets()[0]!.open();
    app = createApp({ store, config: loadConfig({}), version: '9.9.9', log: (l) => logged.push(l) });
  });
  afterAll(async () => {
    await store.close();
  });

  it('answers /health with the store kind', async () => {
    const res = await app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      store: { kind: 'pglite', schemaVersion: expect.any(String) },
      version: '9.9.9',
    });
  });

  it('answers /health with degraded, not an error, when the store does not answer', async () => {
    const closed = await storeTargets()[0]!.open();
    await closed.close();
    const res = await createApp({
      store: closed,
      config: loadConfig({}),
      version: '9.9.9',
      log: () => {},
    }).request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'degraded', problems: ['store unreachable'] });
  });

  it('publishes an OpenAPI document generated from the routes, each with its policy', async () => {
    const res = await app.request('/openapi.json');
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { 'x-policy'?: unknown }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/health']?.get?.['x-policy']).toEqual({ public: true });
  });

  it('serves the interactive API reference without a CDN', async () => {
    const page = await (await app.request('/docs')).text();
    expect(page).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(page).not.toMatch(/https?:\/\//);
    const asset = await app.request('/docs/assets/swagger-ui-bundle.js');
    expect(asset.status).toBe(200);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await app.request('/no-such-route');
    expect(res.status).toBe(404);
  });
});
