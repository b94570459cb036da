// Worker threads do not inherit the tsx loader: compiled (this file copied into dist/ beside the
// worker's .js, whose imports name `@entente/*/dist`), load it as it is; from the sources, register tsx.
import { existsSync } from 'node:fs';

const compiled = new URL('./column-build-worker.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./column-build-worker.ts');
}
