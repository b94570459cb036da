// Compiles core, adapters, cli and api into each package's dist/ (JavaScript and .d.ts, through the
// tsconfig.build.json project references), copies the files they read at run time beside them, and
// stamps each dist/ so that the bins know it is current (packages/adapters/bin/launch.js).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = ['core', 'adapters', 'cli', 'api'];
/** Run-time files that are not TypeScript: SQL migrations, JSON configuration, the worker's boot file. */
const ASSET = /\.(sql|json)$|^screening-pool-worker-boot\.js$/;
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

for (const name of packages) {
  const dir = path.join(root, 'packages', name);
  copyAssets(path.join(dir, 'src'), path.join(dir, 'dist'));
  writeFileSync(path.join(dir, 'dist/.built'), `${new Date().toISOString()}\n`);
}
process.stdout.write(`compiled ${packages.join(', ')} into packages/*/dist\n`);
