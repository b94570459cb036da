// Compiles core, adapters, cli and api into each package's dist/ (JavaScript and .d.ts, through the
// tsconfig.build.json project references), points their imports of each other at the compiled code,
// copies the files they read at run time beside them, and stamps each dist/ so that the bins know
// it is current (packages/adapters/bin/launch.js); then bundles the CLI and the API server
// (scripts/bundle-programs.mjs), each bundle stamped after the packages it was made from.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_PROGRAMS, bundleProgram } from './bundle-programs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = ['core', 'adapters', 'cli', 'api'];
/** Run-time files that are not TypeScript: SQL migrations, JSON configuration, the workers' boot files. */
const ASSET = /\.(sql|json)$|-worker-boot\.js$/;
const SKIP = new Set(['fixtures', 'test-support']);

const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
execFileSync(
  process.execPath,
  [tsc, '-b', ...['cli', 'api'].map((p) => path.join(root, `packages/${p}/tsconfig.build.json`))],
  { stdio: 'inherit' },
);

function copyAssets(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) copyAssets(source, path.join(to, entry.name));
    else if (ASSET.test(entry.name)) {
      mkdirSync(to, { recursive: true });
      copyFileSync(source, path.join(to, entry.name));
    }
  }
}

/** A bare `@entente/<package>` specifier in compiled JavaScript (quoted; no subpath but core's worker entry). */
const WORKSPACE_IMPORT = /(['"])@entente\/(core|adapters)(\/screening-worker)?\1/g;

/**
 * Rewrites `'@entente/core'` to `'@entente/core/dist'` (an export of each package; and
 * `@entente/core/screening-worker` to `@entente/core/dist/screening-worker`) in compiled
 * files, so that compiled code loads compiled code by plain Node resolution. A module hook adding
 * the `entente-dist` condition did the same, but Node 20 runs hooks on a loader thread and sends
 * every resolution of every module there: over a second of CPU per process (docs/benchmarks.md).
 * Idempotent: a rewritten specifier no longer matches.
 */
function pointAtCompiled(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) pointAtCompiled(file);
    else if (entry.name.endsWith('.js')) {
      const text = readFileSync(file, 'utf8');
      const rewritten = text.replace(WORKSPACE_IMPORT, '$1@entente/$2/dist$3$1');
      if (rewritten !== text) writeFileSync(file, rewritten);
    }
  }
}

for (const name of packages) {
  const dir = path.join(root, 'packages', name);
  pointAtCompiled(path.join(dir, 'dist'));
  copyAssets(path.join(dir, 'src'), path.join(dir, 'dist'));
  writeFileSync(path.join(dir, 'dist/.built'), `${new Date().toISOString()}\n`);
}
for (const program of BUNDLED_PROGRAMS) await bundleProgram(root, program);
process.stdout.write(
  `compiled ${packages.join(', ')} into packages/*/dist; bundled ${BUNDLED_PROGRAMS.join(', ')} into dist/bundle\n`,
);
