import { createServer, connect, type Server, type Socket } from 'node:net';

/** A TCP proxy in front of a server, stopped and started to simulate its restart. */
export interface TcpProxy {
  /** The port the proxy listens on (the same after every restart). */
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  urlThrough(url: string): string;
  /** Drops every connection and refuses new ones, as a server that went down. */
  stop(): Promise<void>;
  /** Accepts connections again on the same port, as the server back up. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a proxy on a free local port piping to `target` (e.g. the shared
 * PostgreSQL on 127.0.0.1:5432), so a test can cut a store off without
 * touching the real server that others use.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on('close', () => sockets.delete(sock));
          sock.on('error', () => sock.destroy());
        }
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.pipe(upstream).pipe(client);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });

  const stop = async () => {
    const s = server;
    server = undefined;
    for (const sock of sockets) sock.destroy();
    sockets.clear();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  await listen();
  return {
    get port() {
      return port;
    },
    urlThrough(url: string) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    stop,
    start: listen,
    close: stop,
  };
}

/** Where `DATABASE_URL` points, for the proxy's target. */
export function databaseTarget(url: string): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || 5432) };
}
