/**
 * What the engine's cut to its best `candidateCap` candidate names leaves out of a monitoring
 * screening (issue 17): a sample of a synthetic register's queries screened against the whole
 * mirror as a monitoring run screens them (`MONITOR_MATCH_LIMIT`, the default threshold), at
 * each cap given, alternately: process CPU, matches, and queries whose cut left out names that
 * could reach the threshold (`ScreeningOutcome.unscored`). The hits a full run after the weekly
 * deltas changes are mostly this cut moving with the index (docs/decisions/2026-12-07-check-run-causes.md).
 *
 *   npx tsx bench/monitor-candidate-cap.ts [--counterparties 20000] [--sample 1000]
 *     [--caps 150,1000,10000] [--passes 2] [--register adversarial|realistic]
 */
import { loadavg } from 'node:os';
import { buildScreeningIndex, screenPartyOutcome } from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { MONITOR_MATCH_LIMIT, queriesOfEntry } from '../packages/adapters/src/monitoring/run-monitoring.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { registerKindArg, syntheticRegister } from './synthetic-register.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const N = Number(arg('counterparties', '20000'));
const SAMPLE = Number(arg('sample', '1000'));
const CAPS = arg('caps', '150,1000,10000').split(',').map(Number);
const PASSES = Number(arg('passes', '2'));
const load = () => loadavg()[0]!.toFixed(1);

const reference = await loadNameReference(MIRROR);
const all = (await loadMirrorLists(MIRROR, () => {})).flatMap((l) => l.parties);
const index = buildScreeningIndex(
  all.map((party) => ({ party })),
  reference,
);
const register = syntheticRegister(all, N, registerKindArg());
// Every k-th counterparty, so that the sample spreads over the register's kinds of names.
const every = Math.max(1, Math.floor(N / SAMPLE));
const sample = register.filter((_, i) => i % every === 0).slice(0, SAMPLE);
const queries = sample.flatMap((c) => queriesOfEntry(c));
console.log(`${sample.length} of ${N} counterparties, ${queries.length} queries; load ${load()}`);

function screenAll(cap: number) {
  const c0 = process.cpuUsage();
  let matches = 0;
  let cut = 0;
  for (const q of queries) {
    const o = screenPartyOutcome(index, q, { limit: MONITOR_MATCH_LIMIT, candidateCap: cap });
    matches += o.matches.length;
    if (o.unscored > 0) cut++;
  }
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1e6, matches, cut };
}

// A warm-up pass at each cap (query preparations are kept per query object), then alternated passes.
for (const cap of CAPS) screenAll(cap);
for (let pass = 0; pass < PASSES; pass++)
  for (const cap of pass % 2 === 1 ? [...CAPS].reverse() : CAPS) {
    const r = screenAll(cap);
    console.log(
      `pass ${pass + 1}, cap ${cap}: ${r.cpu.toFixed(2)} s CPU, ${r.matches} matches, ${r.cut} queries with names cut that could reach the threshold; load ${load()}`,
    );
  }
