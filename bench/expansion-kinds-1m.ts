/**
 * What a 1M query's cold expansions cost by kind of key: the query's words, its joined
 * spelling, its original-script words (the keys `findCandidateNames` expands, rejoined keys
 * aside: those are index tokens found at 1). Over a saved index (`bench/scale-1m-snapshot.ts`'s
 * SNAPSHOT), the scale bench's 1,000 queries, the memo emptied before the pass (as that bench
 * times them): per kind, the keys expanded, CPU, near tokens visited (the deletion index's
 * answers) and tokens kept. Run: `ENTENTE_SHARED_DATA=/work/shared/data SNAPSHOT=/tmp/x.snap
 * node --expose-gc --max-old-space-size=8192 --import tsx bench/expansion-kinds-1m.ts`.
 */
import { deserialize } from 'node:v8';
import {
  expandToken,
  indexOverSnapshot,
  normalizeName,
  screenParty,
  type ScreeningIndex,
} from '@entente/core';
import { cpuMs, gc } from './support/cpu.ts';
import { syntheticGenerator } from './support/scale-index.ts';
import { inventedPersonRows, load, variationsOf } from './support/scale-queries.ts';
import { readWhole } from './support/read-whole.ts';

const SIZE = 1_000_000;
const SEED = 18;
const FILE = process.env.SNAPSHOT;
if (!FILE) throw new Error('SNAPSHOT=<file> is needed');

const { reference } = await syntheticGenerator();
const index: ScreeningIndex = indexOverSnapshot(
  deserialize(readWhole(FILE)) as Parameters<typeof indexOverSnapshot>[0],
  reference,
);
gc();
const sample = inventedPersonRows(SEED).map((r) => r.full_name);
const matches = variationsOf(index, SIZE, 500, SEED + 1);
const warmUp = variationsOf(index, SIZE, 200, SEED + 2);
const queries = matches.flatMap((m, i) => [m.name, sample[i]!]);

let visited = 0;
{
  const target = index as unknown as { forEachNearToken: ScreeningIndex['forEachNearToken'] };
  const near = target.forEachNearToken.bind(index);
  target.forEachNearToken = (token, edits, visit) =>
    near(token, edits, (id) => {
      visited++;
      visit(id);
    });
}

type Kind = 'word' | 'joined' | 'original';
for (let pass = 1; pass <= 2; pass++) {
  for (const q of warmUp) screenParty(index, { name: q.name }, { limit: 10 });
  index.expansions.clear();
  gc();
  const sums = new Map<Kind, { keys: number; made: number; cpu: number; visited: number; kept: number }>();
  for (const name of queries) {
    const { tokens, originalTokens } = normalizeName(name, index.reference);
    const keys: [Kind, string][] = [...new Set(tokens)].map((t) => ['word', t]);
    if (tokens.length > 1 && !tokens.includes(tokens.join(''))) keys.push(['joined', tokens.join('')]);
    for (const t of new Set(originalTokens ?? [])) keys.push(['original', t]);
    for (const [kind, key] of keys) {
      const s = sums.get(kind) ?? { keys: 0, made: 0, cpu: 0, visited: 0, kept: 0 };
      sums.set(kind, s);
      s.keys++;
      const fresh = !index.expansions.has(key);
      const v0 = visited;
      const c0 = cpuMs();
      const e = expandToken(index, key);
      s.cpu += cpuMs() - c0;
      if (fresh) s.made++;
      s.visited += visited - v0;
      s.kept += e.ids.length;
    }
  }
  for (const [kind, s] of sums)
    console.log(
      `pass ${pass} ${kind}: ${(s.keys / queries.length).toFixed(2)} keys a query (${(s.made / queries.length).toFixed(2)} made), CPU ${(s.cpu / queries.length).toFixed(3)} ms a query, near tokens visited ${(s.visited / queries.length).toFixed(1)}, tokens kept ${(s.kept / queries.length).toFixed(1)}; load ${load()}`,
    );
}
