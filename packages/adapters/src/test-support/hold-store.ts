/**
 * A second process for lock tests: opens the store in the directory given as
 * the first argument, prints `ready <pid>` and holds it until stdin ends or a
 * SIGTERM arrives, then closes it. Run with `node --import tsx hold-store.ts DIR`.
 */
import { openStore } from '../store/open-store.ts';

const store = await openStore({ dataDir: process.argv[2]! }, { command: 'hold-store (lock test)' });
process.stdout.write(`ready ${process.pid}\n`);
const stop = async () => {
  await store.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
