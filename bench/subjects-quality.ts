/**
 * Subjects across lists: quality and speed of resolution on the whole mirror.
 *
 * Truth set: what the lists themselves assert — listings that repeat one UN
 * reference (UN ↔ AU …) and the SDN entries the Consolidated Screening List
 * repeats (SDN-<n> ↔ SDN <n>). The name-based part is measured on those pairs
 * *without* the strong evidence: split by a hash of the UN reference / SDN
 * number, the automatic-link threshold is chosen on the `tune` half (lowest
 * threshold whose pairwise precision is ≥ 99 %) and reported on the `report`
 * half. Then the whole resolution (strong evidence + names) is timed, with
 * the subjects per source. Speed: the name-link step in the screening workers
 * (what `entente subjects resolve` runs: each worker builds its own index) is
 * timed against a baseline in the same process, the single-thread path
 * (one index, every listing screened in this thread); both must find the
 * same links.
 *
 * Run: npx tsx bench/subjects-quality.ts [--workers N] [--show-errors]
 */
import { cpus } from 'node:os';
import { execSync } from 'node:child_process';
import {
  buildScreeningIndex,
  findNameLinks,
  listingsToScreen,
  resolveSubjects,
  strongKeysOf,
  type NameLink,
} from '@entente/core';
import { findNameLinksInWorkers } from '../packages/adapters/src/subjects/name-links-in-workers.ts';
import { largestSource, loadMirrorListings } from './support/mirror-listings.ts';

const workersArg = process.argv.indexOf('--workers');
const workers = workersArg >= 0 ? Number(process.argv[workersArg + 1]) : cpus().length;
const uptime = () =>
  execSync('uptime')
    .toString()
    .trim()
    .replace(/.*load average/, 'load average');

const { lists, listings, reference } = await loadMirrorListings();

// Baseline: the single-thread path — one screening index, every listing screened in this thread.
console.log(`before the baseline: ${uptime()}`);
let t = performance.now();
const index = buildScreeningIndex(
  listings.map((l) => ({ party: l.party, versionId: 0 })),
  reference,
);
const indexSeconds = (performance.now() - t) / 1000;

// Name links, with everything a threshold sweep needs (proposal floor 0.80).
const { source: largest, count: largestCount } = largestSource(listings);
t = performance.now();
const links = findNameLinks(index, listings, { auto: 2, propose: 0.8 }, new Set([largest]));
const namesSeconds = (performance.now() - t) / 1000;

// The same step in the screening workers, index builds included.
console.log(`before the workers: ${uptime()}`);
t = performance.now();
const skip = new Set([largest]);
const inWorkers = await findNameLinksInWorkers(listings, listingsToScreen(listings, skip), reference, {
  workers,
  thresholds: { auto: 2, propose: 0.8 },
});
const workersSeconds = (performance.now() - t) / 1000;
console.log(`after the workers: ${uptime()}`);
const sameLinks =
  inWorkers.length === links.length &&
  inWorkers.every((l, i) => l.a === links[i]!.a && l.b === links[i]!.b && l.score === links[i]!.score);

// Truth: pairs of listings that share a UN reference or an SDN number, by the key's split.
const hash = (s: string): number => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
};
// A listing's truth keys by kind; two listings are judged only on a kind both carry
// (two UN references, or two SDN numbers): a UN listing and an SDN entry share no key
// kind, so a link between them is neither confirmed nor refuted by the lists.
const truthKeysOf = new Map<string, Map<string, string>>();
for (const l of listings)
  for (const k of strongKeysOf(l.party))
    if (k.kind === 'un-reference' || k.kind === 'cross-reference') {
      const m = truthKeysOf.get(l.entityId) ?? new Map<string, string>();
      m.set(k.kind, k.key);
      truthKeysOf.set(l.entityId, m);
    }
const groups = new Map<string, string[]>();
for (const [id, keys] of truthKeysOf)
  for (const key of keys.values()) groups.set(key, [...(groups.get(key) ?? []), id]);
type Split = 'tune' | 'report';
const splitOf = (key: string): Split => (hash(key) < 0.5 ? 'tune' : 'report');
const truthPairs: Record<Split, Set<string>> = { tune: new Set(), report: new Set() };
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
for (const [key, ids] of groups)
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++)
      if (ids[i]!.split(':')[0] !== ids[j]!.split(':')[0])
        truthPairs[splitOf(key)].add(pairKey(ids[i]!, ids[j]!));

const reserved = (l: NameLink) => l.evidence.some((e) => e.startsWith('not linked without an analyst'));
/** Pairwise precision and recall of the automatic name links at a threshold, on one split. */
function measure(threshold: number, split: Split) {
  let tp = 0;
  let fp = 0;
  const found = new Set<string>();
  for (const l of links) {
    if (l.score < threshold || reserved(l)) continue;
    const ka = truthKeysOf.get(l.a);
    const kb = truthKeysOf.get(l.b);
    if (!ka || !kb) continue;
    const kind = [...ka.keys()].find((k) => kb.has(k));
    if (!kind) continue;
    const key = ka.get(kind)!;
    // The pair belongs to the split of its key (of the first listing's, when they differ).
    if (splitOf(key) !== split) continue;
    if (key === kb.get(kind)) {
      tp++;
      found.add(pairKey(l.a, l.b));
    } else fp++;
  }
  const recall = found.size / Math.max(1, truthPairs[split].size);
  return { threshold, precision: tp / Math.max(1, tp + fp), recall, tp, fp };
}
const sweep = [0.86, 0.88, 0.9, 0.92, 0.93, 0.94, 0.95, 0.97, 0.99];
const tune = sweep.map((x) => measure(x, 'tune'));
const chosen = tune.find((m) => m.precision >= 0.99)?.threshold ?? 0.99;
const report = measure(chosen, 'report');

// The whole resolution at the chosen threshold.
t = performance.now();
const resolution = resolveSubjects(
  listings,
  links.map((l) => ({ ...l, automatic: l.score >= chosen && !reserved(l) })),
);
const resolveSeconds = (performance.now() - t) / 1000;
const perSource = new Map<string, Set<string>>();
for (const l of listings) {
  const s = perSource.get(l.source) ?? new Set();
  s.add(resolution.subjectOf.get(l.entityId)!);
  perSource.set(l.source, s);
}
const soleimani = resolution.subjects.find((s) => s.members.some((m) => m.entityId === 'un-sc:IRi.039'));

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
console.log(`machine: ${cpus().length} vCPU ${cpus()[0]?.model ?? ''}, node ${process.version}`);
console.log(
  `listings: ${listings.length} from ${lists.length} lists; truth pairs tune ${truthPairs.tune.size}, report ${truthPairs.report.size}`,
);
console.log(
  `baseline, one thread: index build ${indexSeconds.toFixed(1)} s + name links (every source but ${largest} screened, ${listings.length - largestCount} queries) ${namesSeconds.toFixed(1)} s = ${(indexSeconds + namesSeconds).toFixed(1)} s, ${links.length} links ≥ 0.80`,
);
console.log(
  `${workers} screening workers (index builds included): ${workersSeconds.toFixed(1)} s = ${((indexSeconds + namesSeconds) / workersSeconds).toFixed(2)}x faster; same links: ${sameLinks}`,
);
console.log(`resolution (strong evidence + names, union): ${resolveSeconds.toFixed(2)} s`);
console.log(
  `whole resolution with workers: ${(workersSeconds + resolveSeconds).toFixed(1)} s (one thread: ${(indexSeconds + namesSeconds + resolveSeconds).toFixed(1)} s)`,
);
console.log('\nname-only links on the tune split (threshold: precision, recall, tp, fp):');
for (const m of tune)
  console.log(`  ${m.threshold.toFixed(2)}: ${pct(m.precision)}, ${pct(m.recall)}, ${m.tp}, ${m.fp}`);
console.log(`chosen automatic threshold (lowest with precision ≥ 99 % on tune): ${chosen}`);
console.log(
  `report split at ${chosen}: precision ${pct(report.precision)}, recall ${pct(report.recall)} (${report.tp} tp, ${report.fp} fp)`,
);
console.log(
  `\nsubjects: ${resolution.subjects.length}; listed by more than one source: ${resolution.subjects.filter((s) => new Set(s.members.map((m) => m.source)).size > 1).length}; proposals ${resolution.proposals.length}; refused ${resolution.refused.length}`,
);
console.log('subjects per source:', Object.fromEntries([...perSource].map(([k, v]) => [k, v.size])));
if (process.argv.includes('--show-errors')) {
  const byId = new Map(listings.map((l) => [l.entityId, l]));
  const fps = links.filter((l) => {
    const ka = truthKeysOf.get(l.a);
    const kb = truthKeysOf.get(l.b);
    const kind = ka && kb ? [...ka.keys()].find((k) => kb.has(k)) : undefined;
    return (
      l.score >= chosen &&
      !reserved(l) &&
      kind &&
      ka!.get(kind) !== kb!.get(kind) &&
      splitOf(ka!.get(kind)!) === 'tune'
    );
  });
  console.log(`\nfalse links on tune at ${chosen} (first 40 of ${fps.length}):`);
  for (const l of fps.slice(0, 40)) {
    const a = byId.get(l.a)!.party;
    const b = byId.get(l.b)!.party;
    console.log(
      `  ${l.score} ${l.a} [${a.schema}] "${a.names[0]?.full}" ${a.birthDates.map((d) => d.value).join(',')} ~ ${l.b} [${b.schema}] "${b.names[0]?.full}" ${b.birthDates.map((d) => d.value).join(',')}`,
    );
  }
}
console.log(
  `Qasem Soleimani: ${soleimani?.members.map((m) => `${m.entityId} (${m.via?.kind ?? 'anchor'})`).join(', ')}`,
);
