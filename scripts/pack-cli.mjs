// Packs the `entente` command as one installable tarball: the compiled CLI with the workspace
// packages it runs (core, adapters, api, and the web app's build) bundled inside it, and the
// third-party packages they use as ordinary dependencies. Run `npm run build` first.
// Usage: node scripts/pack-cli.mjs [destination folder]  (prints the tarball's path)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const destination = path.resolve(process.argv[2] ?? root);
/** Bundled inside the tarball; web contributes only its built files, so not its (browser) dependencies. */
const BUNDLED = ['core', 'adapters', 'api', 'web'];
const RUNTIME = ['core', 'adapters', 'api', 'cli'];

const manifestOf = (name) =>
  JSON.parse(readFileSync(path.join(root, 'packages', name, 'package.json'), 'utf8'));

/** Copies a package's published files (its `files`, and package.json) into `to`. */
function copyPackage(name, to) {
  const manifest = manifestOf(name);
  for (const entry of ['package.json', ...manifest.files]) {
    const from = path.join(root, 'packages', name, entry);
    if (!existsSync(from)) throw new Error(`${name}: ${entry} is missing; run \`npm run build\` first`);
    cpSync(from, path.join(to, entry), {
      recursive: true,
      filter: (file) => !file.endsWith('.tsbuildinfo'),
    });
  }
}

const stage = mkdtempSync(path.join(tmpdir(), 'entente-pack-'));
try {
  copyPackage('cli', stage);
  for (const name of BUNDLED) copyPackage(name, path.join(stage, 'node_modules/@entente', name));
  const dependencies = {};
  for (const name of RUNTIME) {
    for (const [dep, range] of Object.entries(manifestOf(name).dependencies ?? {})) {
      // tsx runs the TypeScript sources, which the tarball does not hold.
      if (dep !== 'tsx' && !dep.startsWith('@entente/')) dependencies[dep] = range;
    }
  }
  for (const name of BUNDLED) dependencies[`@entente/${name}`] = manifestOf(name).version;
  const cli = manifestOf('cli');
  writeFileSync(
    path.join(stage, 'package.json'),
    JSON.stringify(
      { ...cli, dependencies, bundleDependencies: BUNDLED.map((n) => `@entente/${n}`) },
      null,
      2,
    ),
  );
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: stage,
    encoding: 'utf8',
  });
  const [{ filename }] = JSON.parse(out);
  process.stdout.write(`${path.join(destination, filename)}\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
