/**
 * What the delta benches share (bench/delta-candidates.ts, bench/delta-scope.ts): the whole mirror
 * indexed without the weekly update's added parties, a synthetic register and its index, then the
 * update applied to the list index (as a refresh does), and the ids of the added and changed parties.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { buildScreeningIndex } from '@entente/core';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { buildRegisterIndex } from '../packages/adapters/src/monitoring/run-monitoring.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';
import { applyUpdate, syntheticRegister, weeklyUpdate, type RegisterKind } from './synthetic-register.ts';

export const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

/** Process CPU seconds since `c0`. */
export const cpu = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};

export async function weeklyDeltaWorld(n: number, kind?: RegisterKind) {
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
  const register = syntheticRegister(all, n, kind);
  const registerIndex = buildRegisterIndex(register, reference);
  applyUpdate(index, { added, changed, removed });
  const ids = new Set([...added, ...changed].map((p) => `${p.source}:${p.sourceId}`));
  return { index, register, registerIndex, ids };
}
