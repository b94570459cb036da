/**
 * `normalizeName` of a previous engine against this one in one process, over every name of the
 * mirror's lists and of N synthetic parties (default 100,000, seeded as bench/scale-1m.ts), each
 * normalised with its party's schema: counts the names whose result differs (JSON of the whole
 * `NormalizedName`) and times four passes, alternating which engine goes first (CPU ms per pass).
 * Written for the phrase loop's lookups, measured and not adopted (docs/decisions/2026-12-06-build-1m-normalise-memo.md).
 *
 *   OLD_CORE=/work/old-45a/packages/core/src/index.ts ENTENTE_SHARED_DATA=/work/shared/data \
 *     node --import tsx bench/normalize-phrases-cpu.ts
 */
import path from 'node:path';
import * as current from '@entente/core';
import type { PartySchema } from '@entente/core';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { syntheticGenerator } from './support/scale-index.ts';

type Core = typeof current;
const N = Number(process.env.N ?? 100_000);

async function main(): Promise<void> {
  if (!process.env.OLD_CORE) throw new Error('OLD_CORE must name the previous engine’s core/src/index.ts');
  const previous = (await import(path.resolve(process.env.OLD_CORE))) as Core;
  const { reference, generator } = await syntheticGenerator();
  const names: [string, PartySchema][] = [];
  for (const list of await loadMirrorLists(MIRROR, () => {}))
    for (const p of list.parties) for (const n of p.names) if (n.full) names.push([n.full, p.schema]);
  const mirror = names.length;
  for (const p of generator.stream(N, 18))
    for (const n of p.names) if (n.full) names.push([n.full, p.schema]);
  let differ = 0;
  for (const [text, schema] of names) {
    const a = JSON.stringify(previous.normalizeName(text, reference, schema));
    const b = JSON.stringify(current.normalizeName(text, reference, schema));
    if (a !== b) {
      if (differ < 5) console.log(`differs: ${JSON.stringify(text)} (${schema})\n  old ${a}\n  new ${b}`);
      differ++;
    }
  }
  console.log(
    `${names.length} names (${mirror} of the mirror, ${names.length - mirror} synthetic): ${differ} differ`,
  );
  const engines: [string, Core][] = [
    ['old', previous],
    ['new', current],
  ];
  for (let pass = 0; pass < Number(process.env.PASSES ?? 4); pass++) {
    const line: string[] = [];
    for (const [label, core] of pass % 2 ? [...engines].reverse() : engines) {
      const c0 = process.cpuUsage();
      for (const [text, schema] of names) core.normalizeName(text, reference, schema);
      const c = process.cpuUsage(c0);
      line.push(`${label} ${((c.user + c.system) / 1000).toFixed(0)} ms`);
    }
    console.log(`pass ${pass + 1}: ${line.join(', ')}`);
  }
}

await main();
