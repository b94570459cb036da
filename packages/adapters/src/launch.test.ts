import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

type Launch = (binUrl: string, entry: string) => Promise<void>;
const launchFile = fileURLToPath(new URL('../bin/launch.js', import.meta.url));
const { launch } = (await import(pathToFileURL(launchFile).href)) as { launch: Launch };

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env.ENTENTE_UNBUNDLED;
});

const PACKAGES = ['core', 'adapters', 'cli', 'api'];
/** Seconds since the epoch: the sources, then the build, then the bundle, a minute apart. */
const SOURCES = 1_800_000_000;
const BUILT = SOURCES + 60;
const BUNDLED = BUILT + 60;

/**
 * A clone's layout with every package built (`dist/.built` newer than its sources) and the CLI's
 * entry compiled and bundled; each entry records which of them ran. Returns the CLI bin's URL.
 */
function builtClone(): { bin: string; root: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'entente-launch-'));
  made.push(root);
  const write = (file: string, text: string, seconds?: number) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
    if (seconds) utimesSync(path.join(root, file), seconds, seconds);
  };
  const entry = (what: string) => `globalThis.__entente_launched = ${JSON.stringify(what)};\n`;
  for (const name of PACKAGES) {
    write(`packages/${name}/src/index.ts`, 'export {};\n', SOURCES);
    write(`packages/${name}/dist/.built`, 'built\n', BUILT);
  }
  write('packages/cli/dist/main.js', entry('compiled'));
  write('packages/cli/dist/bundle/main.js', entry('bundle'));
  write('packages/cli/dist/bundle/.built', 'bundled\n', BUNDLED);
  write('packages/cli/bin/entente.js', '');
  return { bin: pathToFileURL(path.join(root, 'packages/cli/bin/entente.js')).href, root };
}

async function ran(bin: string): Promise<unknown> {
  const g = globalThis as { __entente_launched?: unknown };
  delete g.__entente_launched;
  await launch(bin, 'main');
  return g.__entente_launched;
}

describe('launch', () => {
  it('runs the bundle when it was made from the current build', async () => {
    expect(await ran(builtClone().bin)).toBe('bundle');
  });

  it('runs the compiled files when asked to (ENTENTE_UNBUNDLED)', async () => {
    process.env.ENTENTE_UNBUNDLED = '1';
    expect(await ran(builtClone().bin)).toBe('compiled');
  });

  it('never runs a bundle older than a package build (a build that stopped before bundling)', async () => {
    const { bin, root } = builtClone();
    const later = BUNDLED + 60;
    utimesSync(path.join(root, 'packages/core/dist/.built'), later, later);
    expect(await ran(bin)).toBe('compiled');
  });

  it('runs the compiled files when the bundle has no stamp', async () => {
    const { bin, root } = builtClone();
    rmSync(path.join(root, 'packages/cli/dist/bundle/.built'));
    expect(await ran(bin)).toBe('compiled');
  });
});
