/**
 * Monitoring speed (issue 17): a synthetic register of 100,000 counterparties re-screened
 * against the whole mirror (every list the parsers read), then the delta after a weekly
 * update of about 300 listed parties (200 added, 50 changed, 50 removed), both through
 * `runMonitoring` (what `MonitorService.run` computes, without the store writes).
 * Baselines in the same process: the full re-screen on one thread (a 10,000-counterparty
 * sample, extrapolated); for the delta, the full re-screen on the workers and the delta's
 * old path (each candidate screened against the whole index), alternating (`--rounds`, 2).
 *
 *   npx tsx bench/monitor-rescreen.ts [--counterparties 100000] [--workers 2] [--delta-only] [--rounds 2]
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { buildScreeningIndex, screenParty, type ScreeningQuery } from '@entente/core';
import { ScreeningPool } from '../packages/adapters/src/screening/screening-pool.ts';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import {
  buildRegisterIndex,
  candidateCounterparties,
  runMonitoring,
  type MatchMany,
} from '../packages/adapters/src/monitoring/run-monitoring.ts';
import type { StoredHit } from '../packages/adapters/src/monitoring/monitor-records.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { applyUpdate, syntheticRegister, weeklyUpdate } from './synthetic-register.ts';
import { numberArg } from './support/args.ts';

const N = numberArg('counterparties', 100_000);
const WORKERS = numberArg('workers', 2);
/** Skips both full re-screens (the machine is busy): the delta's stored hits are found the delta's way. */
const DELTA_ONLY = process.argv.includes('--delta-only');
/** Rounds of the two delta paths, alternating. */
const ROUNDS = numberArg('rounds', 2);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const secs = (t0: number) => (performance.now() - t0) / 1000;

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; load ${load()}`,
  );
  const reference = await loadNameReference(MIRROR);
  const lists = await loadMirrorLists(MIRROR, () => {});
  const all = lists.flatMap((l) => l.parties);
  // The weekly update: 200 parties appear, 50 change (an alias more), 50 disappear.
  const { added, changed, removed } = weeklyUpdate(all);
  const addedIds = new Set(added.map((p) => `${p.source}:${p.sourceId}`));
  const before = all.filter((p) => !addedIds.has(`${p.source}:${p.sourceId}`));
  let t0 = performance.now();
  const index = buildScreeningIndex(
    before.map((party) => ({ party })),
    reference,
  );
  console.log(
    `lists: ${all.length} parties in ${lists.length} lists; index of the older week built in ${secs(t0).toFixed(1)} s`,
  );
  const register = syntheticRegister(all, N);
  const names = register.reduce((n, c) => n + c.names.length, 0);
  console.log(`register: ${register.length} counterparties, ${names} names`);
  const base = {
    reference,
    register,
    clearances: [],
    alerts: [],
    now: new Date(),
    onProgress: () => {},
  };

  const restricted: MatchMany = async (qs, o) => qs.map((q) => screenParty(index, q, o));
  t0 = performance.now();
  const registerIndex = buildRegisterIndex(register, reference);
  const regBuild = secs(t0);
  let stored: StoredHit[];
  let fullS: number | undefined;
  if (DELTA_ONLY) {
    // The stored hits the delta can touch (those on the changed and removed parties), found at
    // the older week the way a delta finds hits, instead of by the full re-screen.
    const touched = new Set([...changed, ...removed].map((p) => `${p.source}:${p.sourceId}`));
    t0 = performance.now();
    stored = (
      await runMonitoring({
        ...base,
        index,
        matchMany: restricted,
        screenAll: new Set(),
        changedParties: touched,
        removedParties: new Set(),
        stored: [],
        registerIndex,
      })
    ).outcome.upsertHits;
    console.log(
      `--delta-only: no full re-screen; ${stored.length} hits on the 100 changed and removed parties at the older week, found in ${secs(t0).toFixed(1)} s; load ${load()}`,
    );
  } else {
    // Baseline 1: the full re-screen on one thread, on a 10,000-counterparty sample.
    const sample = register.slice(0, 10_000);
    t0 = performance.now();
    await runMonitoring({
      ...base,
      register: sample,
      index,
      matchMany: async (qs: ScreeningQuery[], o) => qs.map((q) => screenParty(index, q, o)),
      screenAll: 'everyone',
      changedParties: new Set(),
      removedParties: new Set(),
      stored: [],
    });
    const oneThread = secs(t0);
    console.log(
      `full, one thread: ${sample.length} counterparties in ${oneThread.toFixed(1)} s → ${((oneThread * register.length) / sample.length).toFixed(0)} s for ${register.length} (extrapolated); load ${load()}`,
    );

    // The full re-screen on the worker threads (pool start, i.e. index builds in the workers, timed apart).
    t0 = performance.now();
    const pool = await ScreeningPool.ofParties(
      before.map((party) => ({ party })),
      reference,
      WORKERS,
    );
    const poolStart = secs(t0);
    t0 = performance.now();
    const full = await runMonitoring({
      ...base,
      index,
      matchMany: (qs, o) => pool.screenMany(qs, o),
      screenAll: 'everyone',
      changedParties: new Set(),
      removedParties: new Set(),
      stored: [],
    });
    fullS = secs(t0);
    await pool.close();
    stored = full.outcome.upsertHits;
    console.log(
      `full, ${WORKERS} workers: ${register.length} counterparties in ${fullS.toFixed(1)} s (+ ${poolStart.toFixed(1)} s worker index builds); ${stored.length} hits; load ${load()}`,
    );
  }

  // The update: patch the index as the screening service does, then the delta.
  applyUpdate(index, { added, changed, removed });
  const deltaInputs = {
    ...base,
    index,
    screenAll: new Set<string>(),
    changedParties: new Set([...added, ...changed].map((p) => `${p.source}:${p.sourceId}`)),
    removedParties: new Set(removed.map((p) => `${p.source}:${p.sourceId}`)),
    stored,
    registerIndex,
  };
  t0 = performance.now();
  const candidates = candidateCounterparties(index, registerIndex, deltaInputs.changedParties, stored);
  console.log(
    `candidate search: ${candidates.size} counterparties for ${deltaInputs.changedParties.size} added or changed parties in ${secs(t0).toFixed(2)} s (part of every delta below)`,
  );
  // The delta's new path scores each candidate against the changed parties only; the old one
  // (the baseline) screened it against the whole index and dropped its hits on other parties.
  const whole: MatchMany = async (qs, { entities, ...o }) =>
    qs.map((q) => screenParty(index, q, o).filter((m) => !entities || entities.has(m.entityId)));
  const runs: { path: string; s: number; summary: string; line: string }[] = [];
  const paths = [
    ['old (whole index)', whole],
    ['new (changed parties)', restricted],
  ] as const;
  for (const [path, matchMany] of Array.from({ length: ROUNDS }, () => paths).flat()) {
    t0 = performance.now();
    const delta = await runMonitoring({ ...deltaInputs, matchMany });
    const s = secs(t0);
    const o = delta.outcome;
    runs.push({
      path,
      s,
      summary: JSON.stringify([
        delta.counts,
        o.upsertHits.map((h) => `${h.counterpartyId}×${h.entityId} ${h.score}`).sort(),
        o.deleteHits.map((h) => `${h.counterpartyId}×${h.entityId}`).sort(),
        o.newAlerts.map((a) => `${a.kind} ${a.counterpartyId}×${a.entityId}`).sort(),
      ]),
      line:
        `delta, ${path}: 300 listed parties (200 added, 50 changed, 50 removed) in ${s.toFixed(2)} s (+ ${regBuild.toFixed(1)} s register index build, kept between runs): ` +
        `${delta.counts.counterpartiesScreened} candidate counterparties re-screened, ${delta.counts.newAlerts} new, ${delta.counts.changedAlerts} changed, ${delta.counts.goneAlerts} gone; ${fullS ? `×${(fullS / s).toFixed(0)} faster than the full re-screen; ` : ''}load ${load()}`,
    });
    console.log(runs.at(-1)!.line);
  }
  const best = (path: string) => Math.min(...runs.filter((r) => r.path === path).map((r) => r.s));
  console.log(
    `delta: new path ${best('new (changed parties)').toFixed(2)} s vs old ${best('old (whole index)').toFixed(2)} s (best of ${ROUNDS} each, ×${(best('old (whole index)') / best('new (changed parties)')).toFixed(1)}); ` +
      `same hits and alerts on both paths: ${runs.every((r) => r.summary === runs[0]!.summary) ? 'yes' : 'NO'}`,
  );
}

await main();
