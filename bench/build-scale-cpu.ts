/**
 * Builds the synthetic column index of SIZE parties (default 200,000, seed 18) on two worker
 * threads, as the retrieval benches do (`buildScaleIndex`), and prints its process CPU: a
 * driver for a CPU profile of every thread of the build (docs/benchmarks.md, Scale, Run 20). Run:
 * `ENTENTE_SHARED_DATA=/work/shared/data node --expose-gc --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/build-scale-cpu.ts`.
 */
import { buildScaleIndex } from './support/scale-index.ts';

const c0 = process.cpuUsage();
await buildScaleIndex(Number(process.env.SIZE ?? 200_000), 18);
const c = process.cpuUsage(c0);
console.log(`process CPU ${((c.user + c.system) / 1e6).toFixed(1)} s`);
process.exit(0);
