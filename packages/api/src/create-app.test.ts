import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, servicesOver } from '@entente/adapters';
import { ERROR_CODES } from '@entente/core';
import { storeTargets, type TestStore } from '@entente/adapters/testing';
import { createApp } from './create-app.ts';
import { createTestApp } from './test-support/create-test-app.ts';

describe('createApp', () => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  /** The same app serving a (tiny) web build at `/`. */
  let webApp: ReturnType<typeof createApp>;
  const logged: string[] = [];
  beforeAll(async () => {
    store = await storeTargets()[0]!.open();
    const webDir = mkdtempSync(path.join(tmpdir(), 'entente-web-'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Entente</title>');
    app = createTestApp(store, { config: loadConfig({}), version: '9.9.9', log: (l) => logged.push(l) });
    webApp = createTestApp(store, {
      config: loadConfig({}),
      version: '9.9.9',
      log: (l) => logged.push(l),
      webDir,
    });
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

  it('lists on /health what a server that listens already is still loading, and nothing once loaded', async () => {
    const loading = new Set(['screening index']);
    const config = loadConfig({});
    const starting = createApp({
      services: servicesOver(store, config),
      config,
      version: '9.9.9',
      log: () => {},
      loading: () => [...loading],
    });
    expect(await (await starting.request('/health')).json()).toMatchObject({
      status: 'ok',
      loading: ['screening index'],
    });
    loading.clear();
    expect(await (await starting.request('/health')).json()).not.toHaveProperty('loading');
  });

  it('answers /health with degraded, not an error, when the store does not answer', async () => {
    const closed = await storeTargets()[0]!.open();
    await closed.close();
    const res = await createTestApp(closed, {
      config: loadConfig({}),
      version: '9.9.9',
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
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({
      error: 'not-found',
      message: 'No such path: GET /no-such-route',
      details: { path: '/no-such-route' },
    });
  });

  it('answers a POST to an unknown path with a JSON 404 even beside the web app', async () => {
    const res = await webApp.request('/no-such-route', { method: 'POST' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toBe('not-found');
  });

  it('answers a known path under the wrong method with a JSON 405 and Allow', async () => {
    const res = await app.request('/health', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(await res.json()).toMatchObject({
      error: 'method-not-allowed',
      details: { method: 'DELETE', allowed: ['GET'] },
    });
  });

  it('matches path parameters when it answers 405', async () => {
    const res = await app.request('/controls/EU/1A001', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(((await res.json()) as { details: { allowed: string[] } }).details.allowed).toEqual(['GET']);
  });

  it('lists every error code in the OpenAPI error schema', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      components: { schemas: { Error: { properties: { error: { enum?: string[] } } } } };
    };
    expect(doc.components.schemas.Error.properties.error.enum).toEqual([...ERROR_CODES]);
  });

  it.each(['/', '/docs', '/health', '/denials'])('sends the security headers on %s', async (p) => {
    const res = await webApp.request(p);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'sha256-[^']+'(;|$)/);
  });

  it('lets the API reference run its one inline script and no other', async () => {
    const res = await app.request('/docs');
    const inline = [...(await res.text()).matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    const hash = createHash('sha256').update(inline[0]!).digest('base64');
    expect(res.headers.get('content-security-policy')).toContain(`'sha256-${hash}'`);
  });
});
