import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '@entente/adapters/testing';
import { ADMIN_PASSWORD, openSharingApp, type SharingApp } from './sharing-fixture.ts';
import { CLI_SOURCE } from '@entente/adapters';

function cookiesOf(res: Response): Record<string, string> {
  return Object.fromEntries(res.headers.getSetCookie().map((c) => [c.split('=')[0]!, c]));
}

for (const target of storeTargets()) {
  describe(`authentication on ${target.name}`, () => {
    let t: SharingApp;
    beforeAll(async () => {
      t = await openSharingApp(target);
    });
    afterAll(() => t.close());

    async function login(email = 'admin@ecju.example', password = ADMIN_PASSWORD) {
      return t.call(null, 'POST', '/auth/login', { email, password });
    }

    it('signs in with a secure, httpOnly, SameSite session cookie and returns a CSRF token', async () => {
      const res = await login();
      expect(res.status).toBe(200);
      const cookies = cookiesOf(res);
      expect(cookies.entente_session).toMatch(/HttpOnly/);
      expect(cookies.entente_session).toMatch(/Secure/);
      expect(cookies.entente_session).toMatch(/SameSite=Strict/);
      const body = (await res.json()) as { user: { orgId: string; role: string }; csrfToken: string };
      expect(body.user).toMatchObject({ orgId: t.world.orgs.uk.id, role: 'admin' });
      const session = cookies.entente_session!.split(';')[0]!;
      const me = await t.call(null, 'GET', '/auth/me', undefined, { cookie: session });
      expect(me.status).toBe(200);
      // Unsafe methods with a cookie need the CSRF header.
      expect(
        (await t.call(null, 'POST', '/denials/x/revoke', { reason: 'r' }, { cookie: session })).status,
      ).toBe(403);
      expect(
        (
          await t.call(
            null,
            'POST',
            '/denials/x/revoke',
            { reason: 'r' },
            { cookie: session, 'x-csrf-token': 'forged' },
          )
        ).status,
      ).toBe(403);
      expect(
        (
          await t.call(
            null,
            'POST',
            '/denials/x/revoke',
            { reason: 'r' },
            { cookie: session, 'x-csrf-token': body.csrfToken },
          )
        ).status,
      ).toBe(404);
      expect(
        (
          await t.call(null, 'POST', '/auth/logout', undefined, {
            cookie: session,
            'x-csrf-token': body.csrfToken,
          })
        ).status,
      ).toBe(204);
      expect((await t.call(null, 'GET', '/auth/me', undefined, { cookie: session })).status).toBe(401);
    });

    it.each([
      ['a tampered secret', (v: string) => v.slice(0, -2) + (v.endsWith('AA') ? 'BB' : 'AA')],
      ['a tampered id', (v: string) => (v.startsWith('f') ? 'e' : 'f') + v.slice(1)],
      ['garbage', () => "' or 1=1 --"],
    ])('refuses a session cookie with %s', async (_label, tamper) => {
      const cookie = cookiesOf(await login()).entente_session!.split(';')[0]!;
      const [name, value] = cookie.split('=') as [string, string];
      const res = await t.call(null, 'GET', '/auth/me', undefined, { cookie: `${name}=${tamper(value)}` });
      expect(res.status).toBe(401);
    });

    it('refuses revoked, expired, malformed and unknown API tokens', async () => {
      const s = t.world.sharing.credentials;
      const revoked = await s.createToken(t.world.actors.de.userId, CLI_SOURCE);
      await s.revoke(revoked.id, CLI_SOURCE);
      expect(
        (await t.call(null, 'GET', '/auth/me', undefined, { authorization: `Bearer ${revoked.token}` }))
          .status,
      ).toBe(401);
      expect(
        (await t.call(null, 'GET', '/auth/me', undefined, { authorization: 'Bearer ent_nope' })).status,
      ).toBe(401);
      expect((await t.call(null, 'GET', '/auth/me', undefined, { authorization: 'Basic abc' })).status).toBe(
        401,
      );
      const unknown = t.tokens.de.replace(/_[0-9a-f]{18}_/, '_000000000000000000_');
      expect(
        (await t.call(null, 'GET', '/auth/me', undefined, { authorization: `Bearer ${unknown}` })).status,
      ).toBe(401);
      const short = await s.createToken(t.world.actors.de.userId, CLI_SOURCE, { days: 1 });
      expect(
        (await t.call(null, 'GET', '/auth/me', undefined, { authorization: `Bearer ${short.token}` })).status,
      ).toBe(200);
      t.world.clock.advanceDays(2);
      const expired = await t.call(null, 'GET', '/auth/me', undefined, {
        authorization: `Bearer ${short.token}`,
      });
      expect([expired.status, ((await expired.json()) as { message: string }).message]).toEqual([
        401,
        'The API token expired',
      ]);
    });

    it('rate-limits sign-in after 5 failures for one address, even with the right password', async () => {
      await t.world.sharing.orgs.createUser(
        {
          orgId: t.world.orgs.de.id,
          email: 'target@bafa.example',
          role: 'analyst',
          password: 'a long enough password',
        },
        CLI_SOURCE,
      );
      for (let i = 0; i < 5; i++) expect((await login('target@bafa.example', `guess ${i}`)).status).toBe(401);
      const blocked = await login('target@bafa.example', 'a long enough password');
      expect([blocked.status, ((await blocked.json()) as { error: string }).error]).toEqual([
        429,
        'rate-limited',
      ]);
      t.world.clock.advanceDays(1);
      expect((await login('target@bafa.example', 'a long enough password')).status).toBe(200);
    });

    it('evaluates at most 5 of 40 parallel wrong passwords; the rest get 429 with Retry-After', async () => {
      await t.world.sharing.orgs.createUser(
        {
          orgId: t.world.orgs.de.id,
          email: 'burst@bafa.example',
          role: 'analyst',
          password: 'the real one here',
        },
        CLI_SOURCE,
      );
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => login('burst@bafa.example', `guess ${i}`)),
      );
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(35);
      for (const r of answers.filter((r) => r.status === 429))
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      // The windows of the address and the (in-process: unknown) client address end for later tests.
      t.world.clock.advanceDays(1);
    });
  });
}
