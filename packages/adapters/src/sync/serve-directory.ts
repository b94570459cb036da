import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** A local static HTTP server for tests: its base URL, the paths asked for, and how to stop it. */
export interface DirectoryServer {
  baseUrl: string;
  requests: string[];
  close(): Promise<void>;
}

/** A handler that answers one path itself instead of serving a file (slow or broken publishers). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

async function serveFile(root: string, pathname: string, res: ServerResponse): Promise<void> {
  const file = path.resolve(root, `.${decodeURIComponent(pathname)}`);
  const info = file.startsWith(path.resolve(root) + path.sep)
    ? await stat(file).catch(() => undefined)
    : undefined;
  if (!info?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-length': info.size, 'last-modified': info.mtime.toUTCString() });
  createReadStream(file).pipe(res);
}

/**
 * Serves the files under `root` read-only on 127.0.0.1 (a free port), as a
 * publisher would: `Content-Length`, `Last-Modified`, 404 for anything missing.
 * For tests only: files are read at request time, never copied.
 *
 * @example
 * const server = await serveDirectory(sharedDataPath('lists'));
 */
export async function serveDirectory(
  root: string,
  routes: Record<string, RouteHandler> = {},
): Promise<DirectoryServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    requests.push(pathname);
    const route = routes[pathname];
    if (route) route(req, res);
    else serveFile(root, pathname, res).catch(() => res.writeHead(500).end());
  });
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
