/**
 * CPU of `normalizeName` per listed person name, a previous engine against this one in one
 * process (issue 14 part 10): the first 40,000 person names of the mirror, six passes, the
 * engine going first alternating; prints µs per name for each pass.
 *
 *   git archive <commit> packages/core/src | tar -x -C /tmp/old   (with a node_modules beside it)
 *   OLD_CORE=/tmp/old/packages/core/src/index.ts npx tsx bench/normalize-name-cost.ts
 */
import * as current from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';

type Core = typeof current;

async function main(): Promise<void> {
  if (!process.env.OLD_CORE) throw new Error('OLD_CORE must name the previous engine’s core/src/index.ts');
  const previous = (await import(process.env.OLD_CORE)) as Core;
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const names = lists
    .flatMap((l) => l.parties)
    .filter((p) => p.schema === 'person')
    .flatMap((p) => p.names.map((n) => n.full))
    .slice(0, 40_000);
  const engines: [string, Core, current.ScreeningIndex][] = [
    ['previous', previous, previous.buildScreeningIndex([], reference)],
    ['current', current, current.buildScreeningIndex([], reference)],
  ];
  for (let pass = 0; pass < 6; pass++) {
    for (const [label, core, index] of pass % 2 ? [...engines].reverse() : engines) {
      const t0 = process.cpuUsage();
      for (const name of names) core.normalizeName(name, index.reference, 'person');
      const dt = process.cpuUsage(t0);
      console.log(
        `pass ${pass + 1} ${label}: ${((dt.user + dt.system) / names.length).toFixed(2)} µs per name`,
      );
    }
  }
}

await main();
