import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDirectory, serveFile, type DirectoryServer } from '@entente/adapters/testing';

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
export type FixturePublishers = DirectoryServer;

/**
 * Serves `test/fixtures/publishers/<host>/<path>` and the eCFR versioner
 * (`/www.ecfr.gov/api/versioner/v1/full/{date}/title-15.xml?part=N`: parts
 * 738, 740 and 774 from the parsers' fixtures, 404 for any other part) on
 * 127.0.0.1; everything else answers 404, as a publisher that moved its file.
 * `ecfrDelayMs` answers each eCFR request that much later. `requests` names
 * eCFR requests with their part.
 */
export function serveFixturePublishers(options: { ecfrDelayMs?: number } = {}): Promise<FixturePublishers> {
  return serveDirectory(
    PUBLISHERS,
    {},
    {
      requestName: (url) => {
        const part = url.searchParams.get('part');
        return part ? `${url.pathname}?part=${part}` : url.pathname;
      },
      route: (_req, res, url) => {
        if (!ECFR_PATH.test(url.pathname)) return false;
        const file = ECFR_PARTS[url.searchParams.get('part') ?? ''];
        const answer = () => {
          if (file) void serveFile(path.dirname(file), `/${path.basename(file)}`, res);
          else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        };
        // A slow eCFR keeps a first start's sync lock held long enough for another node to meet it.
        if (options.ecfrDelayMs) setTimeout(answer, options.ecfrDelayMs);
        else answer();
        return true;
      },
    },
  );
}
