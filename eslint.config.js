// Lint: typescript-eslint's recommended rules plus the dependency direction of DESIGN.md.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const why = {
  core: 'core is the pure domain: no I/O, no Node built-ins, no other Entente package (DESIGN.md, "dependency points inward").',
  adapters: 'adapters may use core only: nothing imports from cli, api or web.',
  cli: 'cli may use core and adapters only: nothing imports from api or web (serve starts the API as a process).',
  api: 'api may use core and adapters only: nothing imports from cli or web (the web build is served as files).',
  web: 'the React bundle may use core (types and pure helpers) and the API over HTTP only: never adapters, pg, PGlite or node:*.',
  deep: 'import other packages through their index (`@entente/core`) or, in tests, `@entente/adapters/testing`; never their files.',
  relative:
    'import another package by its name (`@entente/adapters`, `@entente/adapters/testing`), never by a relative path into its folder.',
  testing: '`@entente/adapters/testing` is for tests only.',
};

// `@entente/core/screening-worker`: the small entry a screening worker thread loads instead of all of core.
const deep = {
  group: ['@entente/*/*', '!@entente/adapters/testing', '!@entente/core/screening-worker'],
  message: why.deep,
};
// A relative path that leaves its package for another one's folder (e.g. `../../../adapters/src/…`).
const relative = {
  group: ['**/core/src/**', '**/adapters/src/**', '**/cli/src/**', '**/api/src/**', '**/cli/test/**'],
  message: why.relative,
};
const restrict = (paths, patterns) => ({
  'no-restricted-imports': ['error', { paths, patterns: [deep, relative, ...patterns] }],
});
const pkgs = (names, message) => names.map((name) => ({ name: `@entente/${name}`, message }));
/** Files that are tests or only serve tests (they may import `@entente/adapters/testing`). */
const TEST_FILES = [
  '**/*.test.ts',
  '**/*.contract.ts',
  '**/test-support/**',
  '**/*-fixture.ts',
  '**/testing.ts',
  '**/test/**',
];
/** The rules of a Node package: its forbidden packages everywhere, plus the testing entry outside tests. */
const serverPackage = (name, paths) => [
  { files: [`packages/${name}/**/*.ts`], rules: restrict(paths, []) },
  {
    files: [`packages/${name}/**/*.ts`],
    ignores: TEST_FILES,
    rules: restrict([...paths, { name: '@entente/adapters/testing', message: why.testing }], []),
  },
];

// bench/ scripts are not linted for imports: they measure internals that are not the adapters' API
// (the screening pool, the name-reference loader) and import them by path on purpose.
export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'test-results/**', '.entente/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/core/**/*.ts'],
    rules: {
      ...restrict(pkgs(['adapters', 'cli', 'api', 'web'], why.core), [
        { group: ['node:*'], message: why.core },
      ]),
      'import-x/no-nodejs-modules': ['error'],
    },
  },
  ...serverPackage('adapters', pkgs(['cli', 'api', 'web'], why.adapters)),
  ...serverPackage('cli', pkgs(['api', 'web'], why.cli)),
  ...serverPackage('api', pkgs(['cli', 'web'], why.api)),
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    rules: {
      ...restrict(
        [
          ...pkgs(['adapters', 'cli', 'api'], why.web),
          { name: 'pg', message: why.web },
          { name: '@electric-sql/pglite', message: why.web },
        ],
        [{ group: ['node:*'], message: why.web }],
      ),
      'import-x/no-nodejs-modules': ['error'],
    },
  },
  {
    // The web app's end-to-end tests run in Node: they build the app, start the API and drive Chromium.
    files: ['packages/web/test/**/*.ts'],
    rules: { 'import-x/no-nodejs-modules': 'off', 'no-restricted-imports': 'off' },
  },
  ...['core', 'adapters', 'cli', 'api', 'web'].map((name) => ({
    files: [`packages/${name}/src/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.contract.ts', '**/test-support/**'],
    rules: {
      // Each package.json lists exactly what its package may use.
      'import-x/no-extraneous-dependencies': [
        'error',
        { packageDir: [`packages/${name}`, '.'], devDependencies: false },
      ],
    },
  })),
);
