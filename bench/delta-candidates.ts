/**
 * The monitoring delta's candidate search (issue 17): which counterparties a weekly update's
 * added and changed listed parties (200 added, 50 changed by an alias "… Trading", as in
 * bench/monitor-rescreen.ts) are screened against, on a synthetic register of N counterparties
 * against the whole mirror. Baseline in the same process: the reverse search the delta used
 * before (each changed party's names screened against the register index at 0.30, 50 kept per
 * name). Then each candidate set is screened forwards against the changed parties (what the
 * delta does with it), and the hits each set finds are counted: the forward search must find
 * every hit the reverse one finds, and those it missed. Process CPU seconds (one thread).
 *
 *   npx tsx bench/delta-candidates.ts [--counterparties 100000]
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { buildScreeningIndex, counterpartyQueries, partyQueries, screenParty } from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { buildRegisterIndex } from '../packages/adapters/src/monitoring/run-monitoring.ts';
import {
  forwardCandidates,
  irregularCounterparties,
} from '../packages/adapters/src/monitoring/forward-candidates.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { applyUpdate, syntheticRegister, weeklyUpdate } from './synthetic-register.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('counterparties', 100_000);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const cpu = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; load ${load()}`,
  );
  const reference = await loadNameReference(MIRROR);
  const all = (await loadMirrorLists(MIRROR, () => {})).flatMap((l) => l.parties);
  const { added, changed, removed } = weeklyUpdate(all);
  const addedIds = new Set(added.map((p) => `${p.source}:${p.sourceId}`));
  const index = buildScreeningIndex(
    all.filter((p) => !addedIds.has(`${p.source}:${p.sourceId}`)).map((party) => ({ party })),
    reference,
  );
  const register = syntheticRegister(all, N);
  const registerIndex = buildRegisterIndex(register, reference);
  applyUpdate(index, { added, changed, removed });
  const ids = new Set([...added, ...changed].map((p) => `${p.source}:${p.sourceId}`));
  console.log(
    `register: ${register.length} counterparties (${irregularCounterparties(registerIndex).size} screened by every delta: names screened under other words too); ${ids.size} added or changed parties; load ${load()}`,
  );

  const byId = new Map(register.map((c) => [c.id, c]));
  const screen = (set: Set<string>) => {
    const c0 = process.cpuUsage();
    const hits = new Set<string>();
    for (const id of set)
      for (const q of counterpartyQueries(byId.get(id)!))
        for (const m of screenParty(index, q, { entities: ids, limit: Number.POSITIVE_INFINITY }))
          hits.add(`${id}×${m.entityId}`);
    return { hits, s: cpu(c0) };
  };
  const rows: { path: string; search: number; size: number; screen: number; hits: Set<string> }[] = [];
  for (const path of [
    'reverse at 0.30 (before)',
    'forward (now)',
    'reverse at 0.30 (before)',
    'forward (now)',
  ]) {
    const c0 = process.cpuUsage();
    let set: Set<string>;
    if (path.startsWith('reverse')) {
      set = new Set<string>();
      for (const entityId of ids)
        for (const q of partyQueries(index.get(entityId)!.party))
          for (const m of screenParty(registerIndex, q, { threshold: 0.3, limit: 50 })) set.add(m.sourceId);
    } else set = forwardCandidates(index, registerIndex, ids);
    const search = cpu(c0);
    const { hits, s } = screen(set);
    rows.push({ path, search, size: set.size, screen: s, hits });
    console.log(
      `${path}: candidate search ${search.toFixed(2)} s CPU, ${set.size} counterparties; screened forwards in ${s.toFixed(2)} s CPU: ${hits.size} hits; load ${load()}`,
    );
  }
  const reverse = rows[0]!.hits;
  const forward = rows[1]!.hits;
  console.log(
    `hits the forward search finds and the reverse one missed: ${[...forward].filter((h) => !reverse.has(h)).length}; the reverse one finds and the forward one missed: ${[...reverse].filter((h) => !forward.has(h)).length}`,
  );
}

await main();
