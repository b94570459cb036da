/**
 * Single-screening CPU of this engine against a previous one, in one process.
 * Builds both engines' indexes of the mirror's lists, then screens the 2,683
 * subjects of the screening-speed bench (2,000 invented persons, 683 UN
 * altered spellings) in alternating passes (old, new, old, new, …) with the
 * token-expansion memo emptied before each pass, and prints per engine the
 * CPU per subject and the latency quantiles of each pass, and whether the two
 * engines returned the same matches with the same scores.
 *
 *   git archive <commit> packages/core/src | tar -x -C bench/.out/old
 *   OLD_CORE=bench/.out/old/packages/core/src/index.ts NODE_OPTIONS=--expose-gc \
 *     npx tsx bench/screening-cpu-compare.ts [--passes 3]
 *
 * CURRENT_CORE=<copy of this engine's core/src/index.ts> imports this engine
 * the same way (the fair comparison); the first engine alternates per pass.
 * Without OLD_CORE it screens with this engine only (for `node --cpu-prof`).
 * FEATURES=a,b lists feature names whose presence explains a changed match
 * (new name features); the changed subjects without them are printed.
 * SNAPSHOT=1 screens over each engine's index read from a shared snapshot's
 * columns (`indexOverSnapshot`), the index a ScreeningPool worker screens over.
 * SHARED_EXPANSIONS=1 (with SNAPSHOT=1) gives this engine's index a memo of expansions in
 * shared memory (`SharedExpansions`, as a pool's workers share) that is kept across passes:
 * from the second pass on, every expansion is read from it, as a worker reads those another
 * worker made.
 * REGISTER=adversarial|realistic screens instead the queries of a synthetic counterparty register
 * (`syntheticRegister` of the mirror's parties, REGISTER_SIZE counterparties, default 20,000; one
 * query per name with its type and country, as a monitoring run screens them).
 * EXPLAIN=1 compares each match's matched name, feature values and explanation too, not only
 * its entity, score and feature names.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import * as current from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { cpuMs, evalRows, gc } from './support/cpu.ts';
import { syntheticRegister, type RegisterKind } from './synthetic-register.ts';

type Core = Pick<
  typeof current,
  'buildScreeningIndex' | 'screenParty' | 'snapshotOfIndex' | 'shareSnapshot' | 'indexOverSnapshot'
> &
  Partial<Pick<typeof current, 'shareExpansions' | 'SharedExpansions'>>;
type Index = ReturnType<typeof current.buildScreeningIndex>;

const quantile = (xs: number[], q: number): number =>
  xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const rows = evalRows;
const EXPLAIN = process.env.EXPLAIN === '1';
const REGISTER = process.env.REGISTER as RegisterKind | undefined;

/** One pass over the queries with the memo empty: CPU per subject, p50, p99 and the results. */
function pass(
  core: Core,
  index: Index,
  queries: current.ScreeningQuery[],
): { cpu: number; p50: number; p99: number; out: string[] } {
  index.expansions.clear();
  gc();
  const times: number[] = [];
  const out: string[] = [];
  const c0 = cpuMs();
  for (const q of queries) {
    const t = performance.now();
    const matches = core.screenParty(index, q, { limit: 10 });
    times.push(performance.now() - t);
    out.push(
      matches
        .map((m) =>
          EXPLAIN
            ? `${m.entityId}:${m.score.toFixed(6)}:${m.matchedName}:${JSON.stringify(m.features)}:${m.explanation.join('|')}`
            : `${m.entityId}:${m.score.toFixed(6)}:${Object.keys(m.features).sort().join(',')}`,
        )
        .join(' '),
    );
  }
  return { cpu: (cpuMs() - c0) / queries.length, p50: quantile(times, 0.5), p99: quantile(times, 0.99), out };
}

async function main(): Promise<void> {
  const passes = Number(process.argv[process.argv.indexOf('--passes') + 1] || 3);
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const inputs = lists.flatMap((l) => l.parties.map((party) => ({ party })));
  const pairs = rows('yente_un_treated_vs_untreated_pairs.csv');
  const queries: current.ScreeningQuery[] = REGISTER
    ? syntheticRegister(
        lists.flatMap((l) => l.parties),
        Number(process.env.REGISTER_SIZE ?? 20_000),
        REGISTER,
      ).flatMap((c) => current.counterpartyQueries(c))
    : [...rows('negatives_us_1k.csv'), ...rows('negatives_global_1k.csv')]
        .map((r) => r.full_name!)
        .concat(pairs.map((p) => p.query_name!))
        .map((name) => ({ name }));
  const engines: { label: string; core: Core; index: Index }[] = [];
  // The index built in process, or (SNAPSHOT=1) the one a pool worker reads over shared columns.
  const indexOf = (core: Core): Index => {
    const built = core.buildScreeningIndex(inputs, reference);
    if (!process.env.SNAPSHOT) return built;
    return core.indexOverSnapshot(core.shareSnapshot(core.snapshotOfIndex(built)), reference);
  };
  if (process.env.OLD_CORE) {
    const old = (await import(path.resolve(process.env.OLD_CORE))) as Core;
    engines.push({ label: 'previous', core: old, index: indexOf(old) });
  }
  // CURRENT_CORE: this engine imported from a copy, as the previous one is, so that neither shares
  // the JIT state the list parsers left in @entente/core.
  const cur = process.env.CURRENT_CORE
    ? ((await import(path.resolve(process.env.CURRENT_CORE))) as Core)
    : current;
  engines.push({ label: 'current', core: cur, index: indexOf(cur) });
  if (process.env.SHARED_EXPANSIONS === '1' && process.env.SNAPSHOT) {
    if (!cur.shareExpansions || !cur.SharedExpansions)
      throw new Error('this engine has no shared expansions');
    cur.shareExpansions(engines.at(-1)!.index, new cur.SharedExpansions());
  }
  // Warm the JIT on the listed spellings.
  for (const e of engines) for (const p of pairs) e.core.screenParty(e.index, { name: p.list_name! });
  console.log(
    `${queries.length} ${REGISTER ? `queries of a ${REGISTER} register` : 'subjects'}, ${inputs.length} parties${process.env.SNAPSHOT ? ', indexes over shared snapshots' : ''}; load average ${loadavg()[0]!.toFixed(2)}`,
  );
  const results = new Map<string, string[]>();
  const cpu = new Map<string, number[]>();
  for (let i = 0; i < passes; i++) {
    // Alternate which engine goes first, so that neither always runs in the other's wake.
    for (const e of i % 2 ? [...engines].reverse() : engines) {
      const r = pass(e.core, e.index, queries);
      results.set(e.label, r.out);
      (cpu.get(e.label) ?? cpu.set(e.label, []).get(e.label)!).push(r.cpu);
      console.log(
        `pass ${i + 1} ${e.label}: CPU ${r.cpu.toFixed(3)} ms per subject, p50 ${r.p50.toFixed(3)} ms, p99 ${r.p99.toFixed(2)} ms (load ${loadavg()[0]!.toFixed(2)})`,
      );
    }
  }
  for (const [label, xs] of cpu)
    console.log(
      `${label}: median CPU per subject ${quantile(xs, 0.5).toFixed(3)} ms over ${xs.length} passes`,
    );
  if (engines.length === 2) {
    const [a, b] = [results.get('previous')!, results.get('current')!];
    const differ = a.flatMap((x, i) => (x !== b[i] ? [i] : []));
    // Differences the new name features explain (FEATURES, comma-separated) are expected; list the others.
    const expected = (process.env.FEATURES ?? '').split(',').filter(Boolean);
    const unexplained = differ.filter((i) => !expected.some((f) => `${a[i]} ${b[i]}`.includes(f)));
    console.log(
      `matches and scores differ on ${differ.length} of ${queries.length} subjects; ${unexplained.length} of them without a match carrying ${expected.join('/') || '(no feature given)'}`,
    );
    for (const i of unexplained.slice(0, 10))
      console.log(`  ${JSON.stringify(queries[i])}\n    previous ${a[i]}\n    current  ${b[i]}`);
    // Flagged: the top match at the default threshold (each line's first match is its top; entity:score:features).
    const flagged = (line: string): boolean =>
      line !== '' && Number(line.split(' ')[0]!.split(':').at(-2)) >= current.DEFAULT_SCREENING_THRESHOLD;
    const count = (lines: string[]): number => lines.reduce((n, x) => n + (x ? x.split(' ').length : 0), 0);
    const newly = b.flatMap((x, i) => (flagged(x) && !flagged(a[i]!) ? [i] : []));
    const gone = a.flatMap((x, i) => (flagged(x) && !flagged(b[i]!) ? [i] : []));
    console.log(
      `flagged at ${current.DEFAULT_SCREENING_THRESHOLD}: previous ${a.filter(flagged).length}, current ${b.filter(flagged).length} of ${queries.length} (${newly.length} new, ${gone.length} no longer); matches previous ${count(a)}, current ${count(b)}`,
    );
    for (const i of newly.slice(0, 20))
      console.log(`  new: ${JSON.stringify(queries[i])}\n    current  ${b[i]!.split(' ')[0]}`);
  }
}

await main();
