import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PUBLISHERS = fileURLToPath(new URL('../fixtures/publishers/', import.meta.url));
const ADAPTERS = fileURLToPath(new URL('../../../adapters/src/', import.meta.url));
/** The parsers' eCFR fixtures, served as the versioner's answer for any date. */
const ECFR_PARTS: Record<string, string> = {
  '738': path.join(ADAPTERS, 'controls/ear/fixtures/title-15_part-738.xml'),
  '740': path.join(ADAPTERS, 'controls/ear/fixtures/title-15_part-740.xml'),
  '774': path.join(ADAPTERS, 'controls/ccl/fixtures/title-15_part-774.xml'),
};
const ECFR_PATH = /^\/www\.ecfr\.gov\/api\/versioner\/v1\/full\/\d{4}-\d{2}-\d{2}\/title-15\.xml$/;

/** A local stand-in for the publishers, as `ENTENTE_SOURCES_BASE_URL` addresses them. */
export interface FixturePublishers {
  baseUrl: string;
  /** Paths (with the eCFR part) asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves `test/fixtures/publishers/<host>/<path>` and the eCFR versioner
 * (`/www.ecfr.gov/api/versioner/v1/full/{date}/title-15.xml?part=N`: parts
 * 738, 740 and 774 from the parsers' fixtures, 404 for any other part) on
 * 127.0.0.1; everything else answers 404, as a publisher that moved its file.
 * `ecfrDelayMs` answers each eCFR request that much later.
 */
export async function serveFixturePublishers(
  options: { ecfrDelayMs?: number } = {},
): Promise<FixturePublishers> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    // A slow eCFR keeps a first start's sync lock held long enough for another node to meet it.
    if (options.ecfrDelayMs && ECFR_PATH.test(new URL(req.url ?? '/', 'http://localhost').pathname)) {
      setTimeout(() => answer(req, res), options.ecfrDelayMs);
      return;
    }
    answer(req, res);
  });
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const part = url.searchParams.get('part');
    requests.push(part ? `${url.pathname}?part=${part}` : url.pathname);
    const file = ECFR_PATH.test(url.pathname)
      ? ECFR_PARTS[part ?? '']
      : path.resolve(PUBLISHERS, `.${decodeURIComponent(url.pathname)}`);
    const servable =
      file !== undefined &&
      (file.startsWith(PUBLISHERS) || Object.values(ECFR_PARTS).includes(file)) &&
      existsSync(file) &&
      statSync(file).isFile();
    if (!servable) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-length': statSync(file).size });
    createReadStream(file).pipe(res);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
