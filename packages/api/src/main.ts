import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig, openStore } from '@entente/adapters';
import { isDomainError } from '@entente/core';
import { startServer } from './start-server.ts';

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const log = (line: string) => process.stderr.write(line + '\n');

try {
  const config = loadConfig(process.env);
  const store = await openStore(config.store);
  const info = store.info();
  log(`store: ${info.kind} at ${info.location} (schema ${info.schemaVersion})`);
  const server = await startServer({
    store,
    config,
    version,
    webDir: fileURLToPath(new URL('../../web/dist', import.meta.url)),
    log,
    port: config.port,
    host: process.env.HOST ?? '127.0.0.1',
  });
  process.stdout.write(`Entente is running at ${server.url}  (API reference: ${server.url}docs)\n`);
  const stop = async () => {
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  log(
    `entente: ${isDomainError(error) ? `${error.code}: ${error.message}` : String((error as Error).stack ?? error)}`,
  );
  process.exit(isDomainError(error) && error.code !== 'store-unavailable' ? 1 : 2);
}
