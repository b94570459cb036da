/**
 * CPU of the column build's token facts (`tokenFactColumns`: phonetic key, spelling fold and
 * vowel-poorness of each distinct token, the work the normalising workers do in chunks of 4,096
 * beside the parties) on the distinct name keys (tokens, joined tokens, original-script tokens) of N synthetic
 * parties (default 200,000, ~490,000 keys: more than the memos of old hold, as in the build; seeded as
 * bench/scale-1m.ts), this tree's core against OLD_CORE's in one process, alternating, PASSES
 * times each (default 3); the two outputs' sha256 must agree. Run:
 * `OLD_CORE=/work/old-4f6/packages/core/src/index.ts NODE_OPTIONS=--expose-gc npx tsx bench/token-facts-cpu.ts`.
 */
import { createHash } from 'node:crypto';
import { nameKeysOf, normalizeName, tokenFactColumns } from '@entente/core';
import { syntheticGenerator } from './support/scale-index.ts';

const N = Number(process.env.N ?? 200_000);
const PASSES = Number(process.env.PASSES ?? 3);
const CHUNK = 4096;
const { reference, generator } = await syntheticGenerator();
const seen = new Set<string>();
for (const party of generator.stream(N, 18))
  for (const name of party.names)
    if (name.full) for (const t of nameKeysOf(normalizeName(name.full, reference, party.schema))) seen.add(t);
const tokens = [...seen];
type Facts = typeof tokenFactColumns;
const sides: [string, Facts][] = [['new', tokenFactColumns]];
if (process.env.OLD_CORE)
  sides.unshift([
    'old',
    ((await import(process.env.OLD_CORE)) as { tokenFactColumns: Facts }).tokenFactColumns,
  ]);
const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => {});
console.log(`${tokens.length} distinct name keys of ${N} parties`);
const cpu: Record<string, number[]> = {};
for (let pass = 0; pass < PASSES; pass++)
  for (const [label, facts] of sides) {
    gc();
    const hash = createHash('sha256');
    const c0 = process.cpuUsage();
    for (let i = 0; i < tokens.length; i += CHUNK) {
      const f = facts(tokens, i, Math.min(tokens.length, i + CHUNK));
      hash
        .update((f.keys as string[]).join('\n'))
        .update('\0')
        .update((f.folds as string[]).join('\n'));
      hash.update(f.vowelPoor);
    }
    const c = process.cpuUsage(c0);
    const ms = (c.user + c.system) / 1000;
    (cpu[label] ??= []).push(ms);
    console.log(
      `pass ${pass + 1} ${label}: ${ms.toFixed(0)} ms CPU, sha256 ${hash.digest('hex').slice(0, 16)}`,
    );
  }
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
if (cpu.old && cpu.new)
  console.log(
    `median CPU new/old: ${median(cpu.new).toFixed(0)} / ${median(cpu.old).toFixed(0)} ms = ×${(median(cpu.new) / median(cpu.old)).toFixed(2)}`,
  );
