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

/**
 * Answers a request itself and returns true, or returns false to leave it to the routes and the
 * files (a fixture that computes its answers: a path pattern, a query parameter, a delay).
 */
export type RouteFunction = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

/** More ways to answer and record requests. */
export interface ServeOptions {
  /** Tried first, before the exact-path routes and the files. */
  route?: RouteFunction;
  /** How a request is recorded in `requests` (default: its path). */
  requestName?: (url: URL) => string;
}

/** Serves one file under `root` (`Content-Length`, `Last-Modified`), or answers 404 when it is not there. */
export async function serveFile(root: string, pathname: string, res: ServerResponse): Promise<void> {
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
  options: ServeOptions = {},
): Promise<DirectoryServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { pathname } = url;
    requests.push(options.requestName?.(url) ?? pathname);
    if (options.route?.(req, res, url)) return;
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
