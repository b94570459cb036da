/**
 * Where a batch's first-time costs are (issue 14): the screening-speed batch (the 2,683 subjects
 * twice, chunks of 100) screened in this thread over an index read from shared snapshot columns
 * with a shared expansion memo (what a pool worker reads), first with the JIT cold, then again
 * over a fresh index of the same columns (memos empty, JIT warm), then a third time over that
 * index (memos warm). CPU per chunk and per copy of the subjects.
 *
 *   NODE_OPTIONS=--expose-gc npx tsx bench/batch-warmup.ts
 */
import { loadavg } from 'node:os';
import * as core from '@entente/core';
import { batchOverColumns } from './support/batch-over-columns.ts';
import { cpuMs, gc } from './support/cpu.ts';

const { batch, fresh } = await batchOverColumns();

const copy = batch.length / 2; // the subjects, once
function run(label: string, index: ReturnType<typeof fresh>): void {
  gc();
  const chunks: number[] = [];
  for (let i = 0; i < batch.length; i += 100) {
    const c0 = cpuMs();
    for (const q of batch.slice(i, i + 100)) core.screenParty(index, q, { limit: 10 });
    chunks.push(cpuMs() - c0);
  }
  const half = Math.ceil(copy / 100);
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const first = sum(chunks.slice(0, half));
  const second = sum(chunks.slice(half));
  console.log(
    `${label}: ${(sum(chunks) / batch.length).toFixed(3)} ms CPU per subject; first copy ${(first / copy).toFixed(3)}, second ${(second / copy).toFixed(3)}; ` +
      `first five chunks ${chunks
        .slice(0, 5)
        .map((c) => (c / 100).toFixed(2))
        .join(' ')} ms per subject; load ${loadavg()[0]!.toFixed(2)}`,
  );
}

// WARM=n: first screen n listed names (every k-th name of the index) over an index of its own.
const warm = Number(process.env.WARM ?? 0);
if (warm > 0) {
  const w = fresh();
  const step = Math.max(1, Math.floor(w.nameSlots / warm));
  const c0 = cpuMs();
  let n = 0;
  for (let id = 0; id < w.nameSlots && n < warm; id += step) {
    const text = w.name(id)?.text;
    if (!text) continue;
    core.screenParty(w, { name: text }, { limit: 10 });
    n++;
  }
  console.log(`warm-up: ${n} listed names, ${(cpuMs() - c0).toFixed(0)} ms CPU`);
}
const a = fresh();
run(warm > 0 ? `JIT warmed on ${warm} listed names, memos empty` : 'JIT cold, memos empty', a);
run('JIT warm, memos empty (a fresh index)', fresh());
run('JIT warm, memos warm (the first index again)', a);
