/**
 * Splits a V8 CPU profile (`.cpuprofile`, e.g. from `npx tsx --cpu-prof --cpu-prof-dir DIR
 * bench/monitor-store.ts …`: one file per thread, the main thread's and each pool worker's) by
 * what a monitoring run does: the engine (`screening` in screen-party.ts), posting answers,
 * receiving them, turning matches into hits (`freshOf`, `partyHashOf`), raising alerts, the
 * write (write-run-outcome.ts's JavaScript, then PGlite's and the file system's), the garbage
 * collector, and the rest. A sample counts under the first rule (in the order below) that any
 * frame of its stack meets. `--window FN`: only the samples between the first and the last whose
 * stack holds the function FN (`runMonitoring`: the main thread's full run, not the index build).
 * The profiler samples wall time: on a loaded machine a thread's share is inflated by the time it
 * waits for a core; read the shares of the active time, not the seconds.
 *
 *   npx tsx bench/cpuprofile-split.ts FILE.cpuprofile [--window runMonitoring]
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const RULES: [string, (f: CallFrame) => boolean][] = [
  ['idle', (f) => f.functionName === '(idle)'],
  ['garbage collector', (f) => f.functionName === '(garbage collector)'],
  ['program (V8, unattributed)', (f) => f.functionName === '(program)'],
  ['engine (screenParty)', (f) => f.functionName === 'screening' && /screen-party/.test(f.url)],
  ['posting answers', (f) => f.functionName === 'postMessage'],
  [
    'matches into hits (freshOf, partyHashOf)',
    (f) => /^(freshOf|partyHashOf|mergeCounterpartyMatches)$/.test(f.functionName),
  ],
  ['raising alerts', (f) => /^(raiseAlerts|#raise|reconcileHits)$/.test(f.functionName)],
  ['write: rows as JSON (write-run-outcome.ts)', (f) => /write-run-outcome/.test(f.url)],
  [
    'write: PGlite and its file system',
    (f) => /pglite|chunk-|wasm-function/.test(`${f.url} ${f.functionName}`),
  ],
  [
    'receiving and dispatching messages',
    (f) => /screening-pool|worker|MessagePort|handleMessage|emitMessage/i.test(`${f.url} ${f.functionName}`),
  ],
  ['run-monitoring.ts, other', (f) => /run-monitoring/.test(f.url)],
];

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: cpuprofile-split.ts FILE.cpuprofile [--window FN]');
  const w = process.argv.indexOf('--window');
  const windowFn = w > 0 ? process.argv[w + 1] : undefined;
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stacks = new Map<number, CallFrame[]>();
  const stackOf = (id: number): CallFrame[] => {
    let s = stacks.get(id);
    if (!s) {
      s = [];
      for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) s.push(byId.get(x)!.callFrame);
      stacks.set(id, s);
    }
    return s;
  };
  let t = p.startTime;
  const times = p.timeDeltas.map((d) => (t += d));
  let lo = -Infinity;
  let hi = Infinity;
  if (windowFn) {
    const at = p.samples.flatMap((s, i) =>
      stackOf(s).some((f) => f.functionName === windowFn) ? [times[i]!] : [],
    );
    if (at.length === 0) throw new Error(`no sample under ${windowFn}`);
    lo = Math.min(...at);
    hi = Math.max(...at);
  }
  const spent = new Map<string, number>();
  let active = 0;
  p.samples.forEach((s, i) => {
    if (times[i]! < lo || times[i]! > hi) return;
    const d = p.timeDeltas[i] ?? 0;
    const stack = stackOf(s);
    const rule = RULES.find(([, r]) => stack.some(r));
    const what = rule?.[0] ?? 'other';
    spent.set(what, (spent.get(what) ?? 0) + d);
    if (what !== 'idle') active += d;
  });
  console.log(
    `${file}${windowFn ? ` (window of ${windowFn}: ${((hi - lo) / 1e6).toFixed(1)} s)` : ''}: ${(active / 1e6).toFixed(1)} s sampled active`,
  );
  for (const [what, d] of [...spent].sort((a, b) => b[1] - a[1]))
    if (what !== 'idle')
      console.log(
        `  ${what}: ${(d / 1e6).toFixed(2)} s, ${((100 * d) / active).toFixed(1)} % of the active samples`,
      );
}

main();
