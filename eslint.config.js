// Lint: typescript-eslint's recommended rules plus the dependency direction of DESIGN.md.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const why = {
  core: 'core is the pure domain: no I/O, no Node built-ins, no other Entente package (DESIGN.md, "dependency points inward").',
  adapters: 'adapters may use core only: nothing imports from cli, api or web.',
  cli: 'cli may use core and adapters only: nothing imports from api or web (serve starts the API as a process).',
  api: 'api may use core and adapters only: nothing imports from cli or web (the web build is served as files).',
  web: 'the React bundle may use core (types and pure helpers) and the API over HTTP only: never adapters, pg, PGlite or node:*.',
  deep: 'import other packages through their index (`@entente/core`), never their files.',
};

const deep = { group: ['@entente/*/*'], message: why.deep };
const restrict = (paths, patterns) => ({
  'no-restricted-imports': ['error', { paths, patterns: [deep, ...patterns] }],
});
const pkgs = (names, message) => names.map((name) => ({ name: `@entente/${name}`, message }));

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
  { files: ['packages/adapters/**/*.ts'], rules: restrict(pkgs(['cli', 'api', 'web'], why.adapters), []) },
  { files: ['packages/cli/**/*.ts'], rules: restrict(pkgs(['api', 'web'], why.cli), []) },
  { files: ['packages/api/**/*.ts'], rules: restrict(pkgs(['cli', 'web'], why.api), []) },
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
