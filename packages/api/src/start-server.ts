import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './create-app.ts';
import type { AppDeps } from './app-deps.ts';

/** How long in-flight requests get to finish when the server stops. */
const CLOSE_GRACE_MS = 10_000;

/** A listening server: its URL and a promise that settles when it closes. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
  closed: Promise<void>;
}

/** Builds the app and listens on `host:port` (port 0 picks a free one). */
export async function startServer(deps: AppDeps & { port: number; host: string }): Promise<RunningServer> {
  const app = createApp(deps);
  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: deps.port, hostname: deps.host }, () => resolve(s));
  });
  server.on('close', resolveClosed);
  const { port } = server.address() as AddressInfo;
  const host = deps.host === '0.0.0.0' ? 'localhost' : deps.host;
  return {
    url: `http://${host}:${port}/`,
    closed,
    close: () =>
      new Promise<void>((resolve) => {
        // Stops accepting, closes idle keep-alive connections, and resolves once in-flight requests are answered.
        server.close(() => resolve());
        // A client that keeps a request open for ever must not keep the process (and the store lock) alive.
        setTimeout(() => (server as Server).closeAllConnections(), CLOSE_GRACE_MS).unref();
      }),
  };
}
