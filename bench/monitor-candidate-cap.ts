/**
 * What the engine's cut to its best `candidateCap` candidate names leaves out of a monitoring
 * screening (issue 17): a sample of a synthetic register's queries screened against the whole
 * mirror as a monitoring run screens them (`MONITOR_MATCH_LIMIT`, the default threshold), at
 * each cap given, alternately: process CPU, matches, and queries whose cut left out names that
 * could reach the threshold (`ScreeningOutcome.unscored`); and, against the largest cap given,
 * the counterparties that cap flags which this one flags not at all (every alert lost, not only
 * some of its many matches) and the (counterparty, listed party) pairs it misses. The hits a full run after the weekly
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
import { numberArg, stringArg } from './support/args.ts';

const N = numberArg('counterparties', 20_000);
const SAMPLE = numberArg('sample', 1_000);
const CAPS = stringArg('caps', '150,1000,10000').split(',').map(Number);
const PASSES = numberArg('passes', 2);
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
const queries = sample.flatMap((c) => queriesOfEntry(c).map((q) => [c.id, q] as const));
console.log(`${sample.length} of ${N} counterparties, ${queries.length} queries; load ${load()}`);

function screenAll(cap: number) {
  const c0 = process.cpuUsage();
  let matches = 0;
  let cut = 0;
  /** Each counterparty's matched listed parties (`entityId`), for the comparison between caps. */
  const pairs = new Map<string, Set<string>>();
  for (const [id, q] of queries) {
    const o = screenPartyOutcome(index, q, { limit: MONITOR_MATCH_LIMIT, candidateCap: cap });
    matches += o.matches.length;
    if (o.unscored > 0) cut++;
    for (const m of o.matches) {
      let set = pairs.get(id);
      if (!set) pairs.set(id, (set = new Set()));
      set.add(m.entityId);
    }
  }
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1e6, matches, cut, pairs };
}

/** Against the largest cap: counterparties it flags that `pairs` flags not at all, and pairs missed. */
function lostAgainst(widest: Map<string, Set<string>>, pairs: Map<string, Set<string>>) {
  let wholly = 0;
  let missed = 0;
  let all = 0;
  const examples: string[] = [];
  for (const [id, set] of widest) {
    const here = pairs.get(id);
    if (!here) {
      wholly++;
      const c = sample.find((e) => e.id === id)!;
      examples.push(`${id} ${JSON.stringify(c.names)} → ${[...set].slice(0, 3).join(', ')}`);
    }
    for (const e of set) if (!here?.has(e)) missed++;
    all += set.size;
  }
  return { wholly, flagged: widest.size, missed, all, examples };
}

// A warm-up pass at each cap (query preparations are kept per query object), then alternated passes.
const warm = new Map(CAPS.map((cap) => [cap, screenAll(cap).pairs]));
const widest = warm.get(Math.max(...CAPS))!;
for (const cap of CAPS) {
  const l = lostAgainst(widest, warm.get(cap)!);
  console.log(
    `cap ${cap} against cap ${Math.max(...CAPS)}: ${l.wholly} of ${l.flagged} flagged counterparties not flagged at all, ${l.missed} of ${l.all} (counterparty, listed party) pairs missed`,
  );
  for (const e of l.examples.slice(0, 10)) console.log(`  not flagged: ${e}`);
}
for (let pass = 0; pass < PASSES; pass++)
  for (const cap of pass % 2 === 1 ? [...CAPS].reverse() : CAPS) {
    const r = screenAll(cap);
    console.log(
      `pass ${pass + 1}, cap ${cap}: ${r.cpu.toFixed(2)} s CPU, ${r.matches} matches, ${r.cut} queries with names cut that could reach the threshold; load ${load()}`,
    );
  }
