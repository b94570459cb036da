/**
 * Shares of a `.cpuprofile`'s samples by what they were doing (issue 17), to split a monitoring
 * run's CPU between PGlite, raising, the JSON pages, the workers' scoring, retrieval, bound,
 * columns, GC and messages: each sample goes to the first rule matching a frame from its leaf up.
 * Profiles from `node --cpu-prof --cpu-prof-dir=DIR --import tsx bench/monitor-store.ts …` (the
 * worker threads inherit `execArgv` and write one each; `--cpu-prof` is refused in NODE_OPTIONS).
 * FROM and TO (µs, the profiles' clock, shared by a process's threads) keep one run's window.
 *
 *   node bench/profile-shares.mjs FROM TO DIR/CPU.*.cpuprofile
 */
import fs from 'node:fs';
const [, , from, to, ...files] = process.argv;
const rules = [
  ['idle', (f) => f.functionName === '(idle)'],
  ['gc', (f) => f.functionName === '(garbage collector)'],
  ['program', (f) => f.functionName === '(program)'],
  ['pglite', (f) => f.url.includes('pglite') || f.url.startsWith('wasm://')],
  ['kysely', (f) => f.url.includes('kysely')],
  ['write-pages(js)', (f) => f.url.includes('write-run-outcome') || f.url.includes('monitor-run-store')],
  [
    'raise',
    (f) => f.url.includes('raise-alerts') || f.functionName === '#raise' || f.url.includes('reconcile'),
  ],
  ['fresh hits', (f) => ['freshOf', 'partyHashOf', 'mergeCounterpartyMatches'].includes(f.functionName)],
  [
    'pool/messages',
    (f) => f.url.includes('screening-pool') || f.url.includes('messageport') || f.url.includes('worker/io'),
  ],
  ['retrieval', (f) => f.url.includes('find-candidates')],
  ['bound', (f) => f.url.includes('name-score-bound')],
  ['columns', (f) => f.url.includes('stored-columns') || f.url.includes('packed-strings')],
  ['match building', (f) => /toMatch|explain/.test(f.functionName) || f.url.includes('score-features')],
  [
    'scoring',
    (f) =>
      /scoreEntente|score-indexed|compare-names|align-tokens|compare-tokens/.test(f.functionName + f.url),
  ],
  ['run-monitoring', (f) => f.url.includes('run-monitoring')],
  ['screen-party other', (f) => f.url.includes('screen-party')],
];
for (const file of files) {
  const p = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const cache = new Map();
  const cats = new Map();
  let t = p.startTime;
  let total = 0;
  const catOf = (id) => {
    if (cache.has(id)) return cache.get(id);
    let c = 'other';
    let x = id;
    outer: while (x !== undefined) {
      const f = byId.get(x).callFrame;
      for (const [name, test] of rules)
        if (test(f)) {
          c = name;
          break outer;
        }
      x = parent.get(x);
    }
    cache.set(id, c);
    return c;
  };
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i];
    const dt = p.timeDeltas[i + 1] ?? 0;
    if (t < Number(from) || t > Number(to)) continue;
    const c = catOf(p.samples[i]);
    cats.set(c, (cats.get(c) ?? 0) + dt);
    total += dt;
  }
  const busy = total - (cats.get('idle') ?? 0);
  console.log(
    `== ${file.split('/').pop()}: window ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s`,
  );
  for (const [k, v] of [...cats].sort((a, b) => b[1] - a[1]))
    console.log(
      `  ${k.padEnd(20)} ${(v / 1e6).toFixed(2).padStart(7)} s  ${k === 'idle' ? '' : ((100 * v) / busy).toFixed(1) + ' % of busy'}`,
    );
}
