import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '@entente/adapters/testing';
import { onError } from './on-error.ts';
import { openSharingApp, sampleDenial, type SharingApp } from './routes/sharing-fixture.ts';

interface ErrorBody {
  error: string;
  message: string;
  details: { field?: string; location?: string };
}

const NUL = '\u0000';
const LONE = '\ud800';

for (const target of storeTargets()) {
  describe(`NUL characters and lone surrogates on ${target.name}`, () => {
    let t: SharingApp;
    beforeAll(async () => {
      t = await openSharingApp(target);
    });
    afterAll(() => t.close());

    const refused = async (res: Response, field: string, location: string) => {
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error).toBe('invalid-input');
      expect(body.details).toMatchObject({ field, location });
      expect(body.message).toContain(field);
    };

    it.each([
      ['a NUL', NUL],
      ['a lone surrogate', LONE],
    ])('refuses %s in a screened name as invalid-input naming the field', async (_, bad) => {
      await refused(await t.call('exporter', 'POST', '/screen', { name: `Acme${bad}Ltd` }), 'name', 'body');
    });

    it('refuses a NUL deep in a denial being created, naming its path, and stores nothing', async () => {
      const denial = sampleDenial();
      denial.parties[1]!.name = `Kaliningrad${NUL}Works`;
      await refused(await t.call('uk', 'POST', '/denials', denial), 'parties.1.name', 'body');
      const list = (await (await t.call('uk', 'GET', '/denials')).json()) as unknown[];
      expect(list).toEqual([]);
    });

    it('refuses a NUL in a login e-mail instead of failing inside the store', async () => {
      await refused(
        await t.call(null, 'POST', '/auth/login', { email: `admin${NUL}@ecju.example`, password: 'x' }),
        'email',
        'body',
      );
    });

    it('refuses a NUL in a query parameter and in a path parameter', async () => {
      await refused(await t.call('uk', 'GET', '/denials?q=a%00b'), 'q', 'query');
      await refused(await t.call('uk', 'GET', '/denials/den%00x'), 'path', 'path');
      // Encoded twice, it is an ordinary (unknown) id.
      expect((await t.call('uk', 'GET', '/denials/den%2500x')).status).toBe(404);
    });

    it('still accepts ordinary non-Latin text and paired surrogates', async () => {
      const res = await t.call('exporter', 'POST', '/screen', { name: 'Ωmega 𝔸cme 株式会社' });
      expect(res.status).not.toBe(400);
      expect(res.status).toBeLessThan(500);
    });

    it('logs nothing as an internal error for any of these', () => {
      expect(t.logs.filter((l) => l.startsWith('internal error'))).toEqual([]);
    });
  });
}

describe('internal-error log line', () => {
  it('escapes control characters of the path, so %0A cannot forge a log line', async () => {
    const logs: string[] = [];
    const app = new Hono();
    app.onError(onError((l) => logs.push(l)));
    app.get('/boom/*', () => {
      throw new Error('boom');
    });
    const res = await app.request('/boom/x%0Aentente:%20admin%20signed%20in%0D');
    expect(res.status).toBe(500);
    expect(logs).toHaveLength(1);
    const firstLine = logs[0]!.split('\n')[0]!;
    expect(firstLine).toBe('internal error on GET /boom/x\\nentente: admin signed in\\r: Error: boom');
  });
});

describe('unsupported media type', () => {
  let t: SharingApp;
  beforeAll(async () => {
    t = await openSharingApp(storeTargets()[0]!);
  });
  afterAll(() => t.close());

  it('answers 415 with the documented unsupported-media-type code', async () => {
    const res = await t.call('exporter', 'POST', '/screen', 'name=Acme', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as ErrorBody).error).toBe('unsupported-media-type');
  });
});
