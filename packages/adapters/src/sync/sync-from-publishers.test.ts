import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LIST_FORMATS } from '../ingest/formats.ts';
import { hasSharedData, sharedDataPath } from '../test-support/shared-data.ts';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import { serveDirectory, type DirectoryServer } from './serve-directory.ts';
import { syncFromPublishers } from './sync-from-publishers.ts';

const entry = (id: string, format: string, files: [string, string][]) => ({
  id,
  sources: [id],
  format,
  mode: 'automatic',
  publisher: 'test publisher',
  licence: 'test',
  files: files.map(([url, name]) => ({ url, name })),
});

// Relative URLs: the test points them at its local server through the base URL override.
const TEST_SOURCES = {
  entries: [
    entry('us-ofac-sdn', 'ofac-sdn-csv', [
      ['us/ofac-sdn-2021-07/sdn.csv', 'sdn.csv'],
      ['us/ofac-sdn-2021-07/alt.csv', 'alt.csv'],
      ['us/ofac-sdn-2021-07/add.csv', 'add.csv'],
      ['us/ofac-sdn-2021-07/sdn_comments.csv', 'sdn_comments.csv'],
    ]),
    entry('un-sc', 'un-sc-xml', [['un/un-sc-2026-02-27/consolidated.xml', 'consolidated.xml']]),
    entry('ca-sema', 'ca-sema-xml', [['ca/sema-2099-01/sema-lmes.xml', 'sema-lmes.xml']]),
    entry('us-bis-dpl', 'bis-dpl', [['us/bis-dpl-2023-11/dpl.txt', 'dpl.txt']]),
  ],
};

describe.skipIf(!hasSharedData())('syncFromPublishers against a local publisher', () => {
  let server: DirectoryServer;
  let dir: string;
  let sourcesFile: string;
  beforeAll(async () => {
    server = await serveDirectory(sharedDataPath('lists'), {
      '/slow/consolidated.xml': (_req, res) =>
        res.writeHead(200, { 'content-type': 'text/xml' }).write('<CONSOLIDATED_LIST'),
      // No Content-Length: the limit must hold while streaming.
      '/chunked/consolidated.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/xml' });
        for (let i = 0; i < 50; i++) res.write('x'.repeat(10_000));
        res.end();
      },
    });
    dir = await mkdtemp(path.join(os.tmpdir(), 'entente-sync-test-'));
    sourcesFile = path.join(dir, 'sources.json');
    await writeFile(sourcesFile, JSON.stringify(TEST_SOURCES));
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  for (const target of storeTargets()) {
    describe(`on ${target.name}`, () => {
      let store: TestStore;
      beforeEach(async () => {
        store = await target.open();
      });
      afterEach(async () => {
        await store.close();
      });

      it('imports each source, reports a 404 for one, and a second sync changes nothing', async () => {
        const sync = () =>
          syncFromPublishers(store, LIST_FORMATS, { sourcesFile, baseUrlOverride: server.baseUrl });
        const first = await sync();
        expect(first.imported.map((r) => [r.source, r.records, r.created])).toEqual([
          ['us-ofac-sdn', 8976, true],
          ['un-sc', 1003, true],
          ['us-bis-dpl', 544, true],
        ]);
        expect(first.failed).toEqual([
          {
            entry: 'ca-sema',
            sources: ['ca-sema'],
            code: 'sync-failed',
            message: `GET ${server.baseUrl}ca/sema-2099-01/sema-lmes.xml: HTTP 404 Not Found`,
            url: `${server.baseUrl}ca/sema-2099-01/sema-lmes.xml`,
            status: 404,
          },
        ]);
        expect(await store.counts()).toMatchObject({ list_versions: 3, parties: 8976 + 1003 + 544 });
        // No date in the SDN files or their names: the publisher's Last-Modified dates the version.
        const served = await stat(sharedDataPath('lists/us/ofac-sdn-2021-07/sdn.csv'));
        expect(first.imported[0]?.publishedAt).toBe(served.mtime.toISOString().slice(0, 10));
        expect((await store.getParty('us-ofac-sdn:306'))?.party.names[0]?.full).toBe(
          'BANCO NACIONAL DE CUBA',
        );

        const second = await sync();
        expect(second.imported.map((r) => [r.source, r.created])).toEqual([
          ['us-ofac-sdn', false],
          ['un-sc', false],
          ['us-bis-dpl', false],
        ]);
        expect(second.failed.map((f) => f.entry)).toEqual(['ca-sema']);
        expect(await store.counts()).toMatchObject({ list_versions: 3, parties: 8976 + 1003 + 544 });
      });
    });
  }

  describe('limits', () => {
    let store: TestStore;
    beforeEach(async () => {
      store = await storeTargets({})[0]!.open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('refuses a file larger than the size limit and stores nothing', async () => {
      const report = await syncFromPublishers(store, LIST_FORMATS, {
        sourcesFile,
        baseUrlOverride: server.baseUrl,
        only: ['un-sc'],
        maxBytes: 100_000,
      });
      expect(report.imported).toEqual([]);
      expect(report.failed[0]).toMatchObject({ entry: 'un-sc', code: 'sync-failed', status: 200 });
      expect(report.failed[0]?.message).toContain('more than the 100000 allowed');
      expect(await store.counts()).toMatchObject({ parties: 0 });
    });

    it('stops a download without Content-Length once it passes the size limit', async () => {
      const chunkedFile = path.join(dir, 'chunked.json');
      await writeFile(
        chunkedFile,
        JSON.stringify({
          entries: [entry('un-sc', 'un-sc-xml', [['chunked/consolidated.xml', 'consolidated.xml']])],
        }),
      );
      const report = await syncFromPublishers(store, LIST_FORMATS, {
        sourcesFile: chunkedFile,
        baseUrlOverride: server.baseUrl,
        maxBytes: 100_000,
      });
      expect(report.failed[0]?.message).toBe(
        `GET ${server.baseUrl}chunked/consolidated.xml: larger than the 100000 bytes allowed`,
      );
    });

    it('gives up on a publisher that stops answering, naming the URL', async () => {
      const slowFile = path.join(dir, 'slow.json');
      await writeFile(
        slowFile,
        JSON.stringify({
          entries: [entry('un-sc', 'un-sc-xml', [['slow/consolidated.xml', 'consolidated.xml']])],
        }),
      );
      const report = await syncFromPublishers(store, LIST_FORMATS, {
        sourcesFile: slowFile,
        baseUrlOverride: server.baseUrl,
        timeoutMs: 300,
      });
      expect(report.failed).toEqual([
        {
          entry: 'un-sc',
          sources: ['un-sc'],
          code: 'sync-failed',
          message: `GET ${server.baseUrl}slow/consolidated.xml: no complete answer within 0.3 s`,
          url: `${server.baseUrl}slow/consolidated.xml`,
        },
      ]);
    });
  });
});
