// Baseline for bench/cold-screen.ts and bench/serve-start.sh: makes a process start as the compiled
// bins did before 2026-12-04 (`node --import ./bench/support/start-as-before.mjs …`, or through
// NODE_OPTIONS so that the API child of `entente serve` starts so too): a module hook adding the
// `entente-dist` condition, which Node 20 runs on a loader thread that every resolution crosses, and
// the third-party packages the adapters then loaded at start (exceljs, pg, yaml).
import { register } from 'node:module';

register(
  'data:text/javascript,export async function resolve(s, c, next) { return next(s, { ...c, conditions: [...c.conditions, "entente-dist"] }); }',
);
await Promise.all([import('exceljs'), import('pg'), import('yaml')]);
