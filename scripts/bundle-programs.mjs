// Bundles each program's compiled entry (the CLI's and the API server's `dist/main.js`) with the
// workspace code and the pure-JavaScript packages it imports into `dist/bundle/` (esbuild, ESM, with
// code splitting so that what a program imports lazily stays lazy). Node then loads a few files instead
// of about 800 (each resolved, read and compiled on its own): see
// docs/decisions/2026-12-04-bundled-programs.md. Run by scripts/build-packages.mjs after tsc; the bins
// run the bundle only when its stamp (`dist/bundle/.built`) is at least as new as every package's build
// (packages/adapters/bin/launch.js), else the compiled files as before.
import { rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

/** The programs bundled: the package whose `dist/main.js` is the entry. */
export const BUNDLED_PROGRAMS = ['cli', 'api'];

/**
 * Left as imports of the installed packages: PGlite and pg load files beside their own modules
 * (WebAssembly, data bundles); exceljs, kuromoji and hanja are CommonJS with files of their own
 * (and loaded lazily); yaml is CommonJS imported lazily (a bundled chunk would give it no named
 * exports); swagger-ui-dist is served as files; tsx only runs sources; `@entente/api` is started as
 * a child process, never imported by the CLI.
 */
const EXTERNAL = [
  '@electric-sql/pglite',
  '@electric-sql/pglite/*',
  'pg',
  'exceljs',
  'kuromoji',
  'hanja',
  'yaml',
  'swagger-ui-dist',
  'tsx',
  'tsx/*',
  '@entente/api',
  '@entente/api/*',
];

/** A compiled workspace file: its package and its path inside that package's `dist/`. */
const WORKSPACE_DIST = /[\\/]packages[\\/](core|adapters|cli|api)[\\/]dist[\\/](.+\.js)$/;

/**
 * The expression a bundled file uses for its own `import.meta.url`: the URL of the compiled file it
 * came from, so that what it reads beside itself (migrations, datasets, the screening worker's boot
 * file, the sources hashed into the engine fingerprint, package.json) is found as before. Files of the
 * bundled program's own package are found relative to the bundle; other workspace packages by name,
 * as they may sit elsewhere (beside it in a clone, inside the CLI's tarball when installed).
 */
function originalUrl(pkg, rel, program, outdir, root) {
  if (pkg === program) {
    const relative = path.relative(outdir, path.join(root, 'packages', pkg, 'dist', rel));
    return `new URL(${JSON.stringify(relative.split(path.sep).join('/'))}, import.meta.url).href`;
  }
  if (pkg === 'api') throw new Error('only the API bundle may hold the API package');
  return `new URL(${JSON.stringify(rel.split(path.sep).join('/'))}, import.meta.resolve('@entente/${pkg}/dist')).href`;
}

/** Bundles `program` (a key of BUNDLED_PROGRAMS) of the repository at `root` into `outdir`. */
export async function bundleProgram(
  root,
  program,
  outdir = path.join(root, 'packages', program, 'dist/bundle'),
) {
  rmSync(outdir, { recursive: true, force: true });
  const keepOwnUrls = {
    name: 'original-urls',
    setup(b) {
      b.onLoad({ filter: WORKSPACE_DIST }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        const [, pkg, rel] = args.path.match(WORKSPACE_DIST);
        if (!text.includes('import.meta.url')) return { contents: text, loader: 'js' };
        const url = `(${originalUrl(pkg, rel, program, outdir, root)})`;
        return { contents: text.replaceAll('import.meta.url', url), loader: 'js' };
      });
    },
  };
  await build({
    entryPoints: { main: path.join(root, 'packages', program, 'dist/main.js') },
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir,
    external: EXTERNAL,
    // CommonJS packages bundled into ESM call `require` for node's modules.
    banner: {
      js: "import { createRequire as __enteRequire } from 'node:module'; const require = __enteRequire(import.meta.url);",
    },
    plugins: [keepOwnUrls],
    logLevel: 'warning',
  });
  writeFileSync(path.join(outdir, '.built'), `${new Date().toISOString()}\n`);
}
