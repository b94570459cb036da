import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@entente/core';
import { onError } from './on-error.ts';

/** An app whose one route throws `error`, answered by the API's error handler. */
function throwing(error: Error, logged: string[] = []) {
  const app = new Hono();
  app.onError(onError((l) => logged.push(l)));
  app.get('/x', () => {
    throw error;
  });
  return app;
}

describe('onError', () => {
  it('answers a lost database connection with 503 store-unavailable and Retry-After', async () => {
    // As `pg` reports a refused connection (outside our control).
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), { code: 'ECONNREFUSED' });
    const logged: string[] = [];
    const res = await throwing(refused, logged).request('/x');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const body = (await res.json()) as { error: string; message: string; details: object };
    expect(body).toEqual({
      error: 'store-unavailable',
      message: expect.any(String),
      details: expect.any(Object),
    });
    expect(body.message).not.toContain('10.1.2.3');
    expect(logged).toEqual([]);
  });

  it('adds Retry-After to a store-unavailable domain error, and only to it', async () => {
    const down = await throwing(new DomainError('store-unavailable', 'Cannot open the store')).request('/x');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    const missing = await throwing(new DomainError('not-found', 'No party')).request('/x');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('retry-after')).toBeNull();
  });

  it('still hides a bug behind internal-error', async () => {
    const logged: string[] = [];
    const res = await throwing(new TypeError('boom'), logged).request('/x');
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: string }).error).toBe('internal-error');
    expect(logged).toHaveLength(1);
  });
});
