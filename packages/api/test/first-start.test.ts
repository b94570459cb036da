// A first start as a user who cloned the repository gets it: no mirror beside the working directory
// (`../shared/data` missing), an empty store, and the publishers reached through
// ENTENTE_SOURCES_BASE_URL (a local server with small fixture files), or not at all.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@entente/adapters/testing';
import { serveFixturePublishers, type FixturePublishers } from './support/fixture-publishers.ts';

const ENTENTE = fileURLToPath(new URL('../../cli/bin/entente.js', import.meta.url));
const PASSWORD = 'First-Start-Pass-42';

interface Started {
  url: string;
  log: () => string;
  stop: () => Promise<void>;
}

/** `entente serve` in `cwd` (a folder with nothing beside it), as `npm start` runs it after its build. */
async function serve(cwd: string, env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const clean = { ...process.env };
  for (const k of ['ENTENTE_MIRROR', 'ENTENTE_DB', 'ENTENTE_SOURCES_DIR', 'ENTENTE_OFFLINE', 'DATABASE_URL'])
    delete clean[k];
  const child: ChildProcess = spawn(process.execPath, [ENTENTE, 'serve', '--port', String(port)], {
    cwd,
    env: { ...clean, ENTENTE_BOOTSTRAP_PASSWORD: PASSWORD, ENTENTE_SCREEN_WORKERS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  while (!out.includes('Entente is running at')) {
    if (child.exitCode !== null) throw new Error(`entente serve exited with ${child.exitCode}:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: `http://127.0.0.1:${port}`, log: () => out, stop };
}

/** Signs in as the bootstrap exporter and returns a fetch that carries the session. */
async function signIn(url: string): Promise<(path: string, body?: unknown) => Promise<any>> {
  const res = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'officer@exporter.example', password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (p, body) => {
    const r = await fetch(`${url}${p}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(r.status, `${p}: ${r.status}`).toBe(200);
    return r.json();
  };
}

describe('a first start without a mirror', () => {
  const dirs: string[] = [];
  /** A checkout-like folder with nothing beside it (no ../shared/data). */
  const freshFolder = () => {
    const root = mkdtempSync(path.join(tmpdir(), 'entente-fresh-'));
    dirs.push(root);
    const cwd = path.join(root, 'entente');
    mkdirSync(cwd);
    return cwd;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  describe('against a local publisher server', () => {
    let publishers: FixturePublishers;
    let server: Started;
    beforeAll(async () => {
      publishers = await serveFixturePublishers();
      server = await serve(freshFolder(), { ENTENTE_SOURCES_BASE_URL: publishers.baseUrl });
    }, 300_000);
    afterAll(async () => {
      await server?.stop();
      await publishers?.close();
    });

    it('downloads the US control data and the lists step by step, and says plainly what it could not fetch', () => {
      const log = server.log();
      expect(log).toContain('[1/3] eCFR part 738');
      expect(log).toContain('[3/3] eCFR part 774');
      expect(log).toMatch(/\[\d+\/\d+\] list us-csl/);
      expect(log).toContain('loaded 2 list versions (18 records)');
      expect(log).toMatch(/Could not fetch \d+ sources:/);
      expect(log).toContain(
        `us-ofac-sdn: GET ${publishers.baseUrl}www.treasury.gov/ofac/downloads/sdn.csv: HTTP 404`,
      );
      expect(log).toContain('ENTENTE_MIRROR=DIR');
      expect(publishers.requests).toContain(
        '/data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json',
      );
    });

    it('screens against the lists it downloaded', async () => {
      const api = await signIn(server.url);
      const lists = (await api('/lists')) as { lists: { source: string }[] };
      expect(lists.lists.map((l) => l.source).sort()).toEqual(['us-bis-dpl', 'us-csl']);
      const screened = (await api('/screen', { name: 'Zyxwv Quartermaine Exports' })) as {
        matches: { entityId: string }[];
      };
      expect(screened.matches[0]?.entityId).toMatch(/^us-csl:/);
    });

    it('resolves the lists it loaded into subjects on its own, and says so', async () => {
      // The first resolution runs in the background once the server listens; nobody asked for it.
      for (let i = 0; i < 600 && !/subjects: \d+ subjects from/.test(server.log()); i++)
        await new Promise((r) => setTimeout(r, 200));
      expect(server.log()).toContain('subjects: resolving the lists into subjects for the first time');
      expect(server.log()).toMatch(/subjects: \d+ subjects from 18 listings/);
      const health = (await (await fetch(`${server.url}/health`)).json()) as { loading?: string[] };
      expect(health.loading ?? []).not.toContain('subjects');
    });

    it('holds the US CCL from the eCFR and the control lists Entente ships, cross-walked', async () => {
      const api = await signIn(server.url);
      const controls = (await api('/controls')) as {
        versions: { listId: string }[];
        correspondences: number;
      };
      expect(new Set(controls.versions.map((v) => v.listId))).toEqual(
        new Set(['US', 'EU', 'UK', 'JP', 'WA', 'AG']),
      );
      expect(controls.correspondences).toBeGreaterThan(0);
    });

    it('makes US and EU determinations with the fetched eCFR tables and the shipped country facts', async () => {
      const api = await signIn(server.url);
      const us = await api('/determine', { jurisdiction: 'US', item: '3A001.a.1.b', to: 'CN' });
      expect(us.outcome).toBe('licence-required');
      expect(us.reasons).toEqual(['NS2']);
      const toChina = await api('/determine', { jurisdiction: 'EU', item: '3A001', from: 'DE', to: 'CN' });
      expect(toChina.outcome).toBe('licence-required');
      const toNorway = await api('/determine', { jurisdiction: 'EU', item: '3A001', from: 'DE', to: 'NO' });
      expect(toNorway.outcome).toBe('general-authorisation-available');
    });

    it('tells the web app what is still missing', async () => {
      const api = await signIn(server.url);
      const status = await api('/data-status');
      expect(status.lists.loaded.sort()).toEqual(['us-bis-dpl', 'us-csl']);
      expect(status.lists.missing.map((m: { id: string }) => m.id)).toContain('us-ofac-sdn');
      expect(status.controlLists.missing).toEqual(['USML', 'MTCR', 'NSG']);
      expect(status.usEarTables).toEqual({ loaded: true });
    });
  });

  describe('with no network', () => {
    let server: Started;
    beforeAll(async () => {
      // A port nobody listens on: every request fails at once.
      const closed = await freePort();
      server = await serve(freshFolder(), { ENTENTE_SOURCES_BASE_URL: `http://127.0.0.1:${closed}/` });
    }, 300_000);
    afterAll(() => server?.stop());

    it('starts, says so, and says how to load the data from a mirror', async () => {
      const log = server.log();
      expect(log).toContain('No network: nothing could be fetched');
      expect(log).toContain('every restricted-party list');
      expect(log).toContain('starting without lists');
      expect(log).toContain('`entente sync --mirror DIR`, or set ENTENTE_MIRROR=DIR');
      const api = await signIn(server.url);
      const status = await api('/data-status');
      expect(status.lists.loaded).toEqual([]);
      expect(status.controlLists.loaded).toEqual(['EU', 'UK', 'JP', 'WA', 'AG']);
      expect(status.usEarTables.loaded).toBe(false);
      expect(status.howToLoad).toContain('ENTENTE_MIRROR');
    });
  });
});
