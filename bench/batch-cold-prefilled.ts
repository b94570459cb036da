/**
 * What a cold batch gains from a shared expansion memo filled before it starts (issue 14): the
 * batch's CPU per subject for engines each with its compiler cold (each imports its own copy of
 * `packages/core/src`, as `batch-cold-engines.ts`), over shared snapshot columns with a shared
 * expansion memo (what a pool worker reads), the memo
 *   - empty (today's cold pool),
 *   - filled with the `VOCAB` (default 20,000) commonest tokens of the index, by posting count
 *     (what a table built in the background from the index alone would hold),
 *   - filled with every token this batch expands (an upper bound: a memo kept from an earlier
 *     batch of the same names; SPLIT=1: the batch is the second half of the subjects, twice, and
 *     the memo the first half's, an earlier batch of other names).
 * The memos are filled by a fourth copy of the core (whose compiler then is warm, not the
 * measured engines'). Then each engine screens the batch again (compiler and memos warm).
 * Process CPU, and the matches counted (they must agree).
 *
 *   for x in a b c d; do mkdir -p bench/.out/$x && git archive HEAD packages/core/src | tar -x -C bench/.out/$x; done
 *   NODE_OPTIONS=--expose-gc npx tsx bench/batch-cold-prefilled.ts [ORDER=rotate count]
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import type * as current from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { cpuMs, gc } from './support/cpu.ts';
import { speedSubjects } from './support/candidate-sets.ts';

type Core = typeof current;

const reference = await loadNameReference(MIRROR);
const lists = await loadMirrorLists(MIRROR, () => {});
const inputs = lists.flatMap((l) => l.parties.map((party) => ({ party })));
// SPLIT=1: the batch is the second half of the subjects (twice), and the batch memo is the one the
// first half left: a memo kept from an earlier batch of other names.
const all = speedSubjects();
const split = !!process.env.SPLIT;
const subjects = split ? all.slice(all.length >> 1) : all;
const batch = [...subjects, ...subjects];
const earlier = split ? all.slice(0, all.length >> 1) : batch;
const vocab = Number(process.env.VOCAB ?? 20_000);
const out = path.resolve('bench/.out');
const importCore = async (x: string): Promise<Core> =>
  (await import(path.join(out, x, 'packages/core/src/index.ts'))) as Core;

// The filler: its own core, index and memos.
const filler = await importCore('d');
const built = filler.buildScreeningIndex(inputs, reference);
const fillerIndex = filler.indexOverSnapshot(filler.shareSnapshot(filler.snapshotOfIndex(built)), reference);
const batchMemo = new filler.SharedExpansions();
filler.shareExpansions(fillerIndex, batchMemo);
let c0 = cpuMs();
for (const q of earlier) filler.screenParty(fillerIndex, q, { limit: 10 });
console.log(
  `batch memo: ${batchMemo.size} expansions, ${(batchMemo.bytesUsed / 2 ** 20).toFixed(1)} MiB (${(cpuMs() - c0).toFixed(0)} ms CPU)`,
);
const vocabIndex = filler.indexOverSnapshot(filler.shareSnapshot(filler.snapshotOfIndex(built)), reference);
const vocabMemo = new filler.SharedExpansions();
filler.shareExpansions(vocabIndex, vocabMemo);
const ids = Array.from({ length: built.tokenCount }, (_, i) => i);
const len = (i: number): number => built.postings[i]?.length ?? 0;
ids.sort((a, b) => len(b) - len(a) || a - b);
c0 = cpuMs();
for (const id of ids.slice(0, vocab)) filler.expandToken(vocabIndex, built.tokenAt(id));
console.log(
  `vocabulary memo: ${vocabMemo.size} expansions, ${(vocabMemo.bytesUsed / 2 ** 20).toFixed(1)} MiB (${(cpuMs() - c0).toFixed(0)} ms CPU); ` +
    `of the batch's ${batchMemo.size}, ${ids.slice(0, vocab).filter((id) => batchMemo.get(built.tokenAt(id))).length} in it`,
);

const engines: {
  label: string;
  core: Core;
  index: ReturnType<Core['indexOverSnapshot']>;
  memo: current.SharedExpansions;
}[] = [];
for (const [x, label, memo] of [
  ['a', 'empty memo', undefined],
  ['b', `vocabulary memo (${vocab})`, vocabMemo],
  ['c', split ? 'memo of an earlier batch of other names' : 'batch memo', batchMemo],
] as const) {
  const core = await importCore(x);
  const index = core.indexOverSnapshot(
    core.shareSnapshot(core.snapshotOfIndex(core.buildScreeningIndex(inputs, reference))),
    reference,
  );
  // A copy of the filled memo (the batch's own puts must not reach the other engines).
  const copy = new core.SharedExpansions();
  if (memo)
    new Uint8Array(copy.buffer).set(
      new Uint8Array(memo.buffer, 0, memo.bytesUsed + (memo.buffer.byteLength - 64 * 2 ** 20)),
    );
  core.shareExpansions(index, copy);
  engines.push({ label, core, index, memo: copy });
}
const rotate = Number(process.env.ORDER ?? 0) % engines.length;
engines.push(...engines.splice(0, rotate));
for (const pass of ['compiler cold', 'again (compiler and memos warm)'])
  for (const { label, core, index, memo } of engines) {
    gc();
    const before = memo.size;
    const c = cpuMs();
    let matches = 0;
    for (const q of batch) matches += core.screenParty(index, q, { limit: 10 }).length;
    const cpu = cpuMs() - c;
    console.log(
      `${pass}: ${label}: ${(cpu / batch.length).toFixed(3)} ms CPU per subject over ${batch.length}, ${matches} matches, memo ${before} → ${memo.size} (load ${loadavg()[0]!.toFixed(2)})`,
    );
  }
