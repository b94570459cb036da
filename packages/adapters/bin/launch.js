// Starts an Entente program from its compiled JavaScript (dist/) when that is built and current,
// else from its TypeScript sources through tsx, so a fresh clone runs without a build step.
import { existsSync, readdirSync, statSync } from 'node:fs';

/** The workspace packages whose compiled code a program may load. */
const PACKAGES = ['core', 'adapters', 'cli', 'api'];

/** The newest modification time of a runtime source file under `dir` (tests are not compiled). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/**
 * Whether the compiled code of the packages beside `packageDir` is current: in
 * a clone, no source file is newer than its package's last build; installed
 * (no sources), whenever it exists.
 */
function compiledIsCurrent(packageDir) {
  for (const name of PACKAGES) {
    const dir = new URL(`../${name}/`, packageDir);
    if (!existsSync(new URL('src/', dir))) continue;
    const stamp = new URL('dist/.built', dir);
    if (!existsSync(stamp) || newestSource(new URL('src', dir).pathname) > statSync(stamp).mtimeMs)
      return false;
  }
  return true;
}

/**
 * Whether the bundle `dist/bundle/<entry>.js` of the package at `packageDir` was made from the
 * current build: its stamp is at least as new as every package's (a build stamps the packages, then
 * bundles). A bundle left from an earlier build is never run.
 */
function bundleIsCurrent(packageDir, entry) {
  const stamp = new URL('dist/bundle/.built', packageDir);
  if (!existsSync(new URL(`dist/bundle/${entry}.js`, packageDir)) || !existsSync(stamp)) return false;
  const made = statSync(stamp).mtimeMs;
  for (const name of PACKAGES) {
    const built = new URL(`../${name}/dist/.built`, packageDir);
    if (existsSync(built) && statSync(built).mtimeMs > made) return false;
  }
  return true;
}

/**
 * Runs `entry` (a path without extension, relative to the package root, e.g.
 * `main`) of the package whose bin is at `binUrl`: its bundle `dist/bundle/entry.js`
 * when the compiled code is current and the bundle was made from it (unless
 * ENTENTE_UNBUNDLED is set), else `dist/entry.js`; with ENTENTE_FROM_SOURCE set or
 * no current build, `src/entry.ts` through tsx. Compiled code imports compiled code
 * by itself (`@entente/core/dist`, see scripts/build-packages.mjs): no module hook,
 * whose loader thread cost a second per start; the bundle is one file instead of
 * about 800 (scripts/bundle-programs.mjs).
 */
export async function launch(binUrl, entry) {
  const packageDir = new URL('../', binUrl);
  const compiled = new URL(`dist/${entry}.js`, packageDir);
  if (!process.env.ENTENTE_FROM_SOURCE && existsSync(compiled) && compiledIsCurrent(packageDir)) {
    const bundled = !process.env.ENTENTE_UNBUNDLED && bundleIsCurrent(packageDir, entry);
    await import((bundled ? new URL(`dist/bundle/${entry}.js`, packageDir) : compiled).href);
    return;
  }
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  await import(new URL(`src/${entry}.ts`, packageDir).href);
}
