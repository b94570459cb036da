import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PostgresControlStore } from '../store/postgres-control-store.ts';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import type { DirectoryServer } from './serve-directory.ts';
import { syncUsControls, usEcfrDir } from './sync-us-controls.ts';

const FIXTURES: Record<string, string> = {
  '738': fileURLToPath(new URL('../controls/ear/fixtures/title-15_part-738.xml', import.meta.url)),
  '740': fileURLToPath(new URL('../controls/ear/fixtures/title-15_part-740.xml', import.meta.url)),
  '774': fileURLToPath(new URL('../controls/ccl/fixtures/title-15_part-774.xml', import.meta.url)),
};
const TODAY = new Date('2026-07-25T12:00:00Z');

describe('syncUsControls against a local eCFR server', () => {
  let server: DirectoryServer;
  const missing = new Set<string>();
  /** Parts served without Country Group B: well-formed, the right part, but not readable as the EAR tables. */
  const unreadable = new Set<string>();
  const asked: string[] = [];
  beforeAll(async () => {
    // A local stand-in for the eCFR versioner: `<base>/www.ecfr.gov/api/versioner/v1/full/{date}/title-15.xml?part=N`
    // answers part N's fixture for 2026-07-23 and earlier, 404 for later days (past its latest issue)
    // and for every part in `missing`.
    const http = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      asked.push(`${url.pathname}?${url.searchParams.toString()}`);
      const day = /\/full\/(\d{4}-\d{2}-\d{2})\/title-15\.xml$/.exec(url.pathname)?.[1];
      const part = url.searchParams.get('part') ?? '';
      if (!day || day > '2026-07-23' || missing.has(part) || !FIXTURES[part]) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      void readFile(FIXTURES[part]!, 'utf8').then((body) =>
        res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(unreadable.has(part) ? body.replace(/<HD1>Country Group B[\s\S]*?<\/SCOL2>/, '') : body),
      );
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const port = (http.address() as { port: number }).port;
    server = {
      baseUrl: `http://127.0.0.1:${port}/`,
      requests: asked,
      close: () => new Promise<void>((resolve) => http.close(() => resolve())),
    };
  });
  afterAll(() => server.close());

  for (const target of storeTargets()) {
    describe(`on ${target.name}`, () => {
      let store: TestStore;
      let sourcesDir: string;
      beforeEach(async () => {
        store = await target.open();
        sourcesDir = await mkdtemp(path.join(os.tmpdir(), 'entente-sources-'));
        missing.clear();
        unreadable.clear();
        asked.length = 0;
      });
      afterEach(async () => {
        await store.close();
        await rm(sourcesDir, { recursive: true, force: true });
      });

      const sync = () =>
        syncUsControls(store, { sourcesDir, baseUrlOverride: server.baseUrl, now: () => TODAY });

      it('fetches parts 738, 740 and 774 on the latest eCFR date, saves them and stores the CCL', async () => {
        const report = await sync();
        expect(report.failed).toEqual([]);
        expect(report.fetched.map((f) => [f.part, f.date])).toEqual([
          [738, '2026-07-23'],
          [740, '2026-07-23'],
          [774, '2026-07-23'],
        ]);
        // Stepped back from the 25th to the 23rd for the first part, then asked the others for that day only.
        expect(asked.filter((a) => a.includes('part=738'))).toHaveLength(3);
        expect(asked.filter((a) => a.includes('part=774'))).toHaveLength(1);
        expect(report.ccl).toMatchObject({ version: '2026-07-23', eccns: 6, created: true });
        const manifest = JSON.parse(
          await readFile(path.join(usEcfrDir(sourcesDir), 'ecfr-fetched.json'), 'utf8'),
        );
        expect(manifest.files['title-15_part-774.xml'].url).toBe(
          `${server.baseUrl}www.ecfr.gov/api/versioner/v1/full/2026-07-23/title-15.xml?part=774`,
        );
        const [us] = await new PostgresControlStore(store.kysely).controlLists();
        const entry = us!.entries.find((e) => e.code === '5A002.c');
        expect(entry?.text).toBe('Designed or modified to use or perform “quantum cryptography”;');
        expect(entry?.citation.readFrom).toBe(
          `${manifest.files['title-15_part-774.xml'].url} (eCFR, fetched ${manifest.files['title-15_part-774.xml'].fetchedAt.slice(0, 10)})`,
        );
        expect((await sync()).ccl?.created).toBe(false);
      });

      it('reports a part the server does not have, and changes neither the folder nor the store', async () => {
        missing.add('740');
        const report = await sync();
        expect(report.failed).toEqual([
          expect.objectContaining({ part: 740, code: 'sync-failed', status: 404 }),
        ]);
        expect(report.failed[0]?.message).toMatch(/part=740: HTTP 404/);
        expect(report.ccl).toBeUndefined();
        expect(existsSync(usEcfrDir(sourcesDir))).toBe(false);
        expect(await new PostgresControlStore(store.kysely).listControlVersions()).toEqual([]);
      });

      it('refuses a part 740 whose Country Groups cannot be read, and keeps nothing', async () => {
        unreadable.add('740');
        const report = await sync();
        expect(report.failed).toEqual([
          expect.objectContaining({
            part: 740,
            code: 'file-rejected',
            message: expect.stringMatching(/no Country Group B/),
          }),
        ]);
        expect(existsSync(usEcfrDir(sourcesDir))).toBe(false);
        expect(await new PostgresControlStore(store.kysely).listControlVersions()).toEqual([]);
      });
    });
  }
});
