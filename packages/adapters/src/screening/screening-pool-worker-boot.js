// Worker threads inherit neither the tsx loader nor module hooks: compiled (this file copied into
// dist/ beside the worker's .js), resolve `@entente/*` to dist/; from the sources, register tsx.
import { existsSync } from 'node:fs';

const compiled = new URL('./screening-pool-worker.js', import.meta.url);
if (existsSync(compiled)) {
  const { useCompiledPackages } = await import('@entente/adapters/launch');
  useCompiledPackages();
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./screening-pool-worker.ts');
}
