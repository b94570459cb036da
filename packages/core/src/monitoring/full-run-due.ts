import type { MonitorRun } from './monitor-run.ts';

/**
 * What a run did, kept with it: a full re-screen (every counterparty against every list) or a
 * delta (only what can have changed), the list versions it screened against, and how far the
 * token weights can have moved in it. A delta cannot see everything a full run sees (the
 * engine's cut to its best candidate names, and weights moving a score across the threshold:
 * docs/decisions/2026-12-04-delta-vs-full.md), so the runs since the last full one say when
 * the next is due (`fullRunDue`).
 */
export interface MonitorRunRecord {
  mode: 'full' | 'delta';
  /** The list version id per source the run screened against. */
  versions: Record<string, number>;
  /** Sources whose list version the run brought the alerts to (0 for a register change alone). */
  listVersions: number;
  /**
   * Largest relative move of a token weight the run's list changes can have caused (words of
   * the added, changed and removed listed parties' names; 0.02: a weight moved by 2 %). 0 for a full run.
   */
  weightsDrift: number;
}

/** When a full run is due: after this many list versions, days or accumulated weight drift since the last one. */
export interface FullRunRule {
  listVersions: number;
  days: number;
  weightsDrift: number;
}

/**
 * The default rule (see docs/decisions/2026-12-04-delta-forward-search.md): a full run after 4
 * list versions applied by deltas, after 7 days, or once the weights can have moved by 1 % in
 * total since the last full run, whichever comes first.
 */
export const DEFAULT_FULL_RUN_RULE: FullRunRule = Object.freeze({
  listVersions: 4,
  days: 7,
  weightsDrift: 0.01,
});

/** Whether a full run is due, why, and what happened since the last one. */
export interface FullRunStatus {
  due: boolean;
  /** Why it is due, one sentence each (empty when not due). */
  reasons: string[];
  /** When the last full run finished (none: there was none). */
  lastFullRun?: string;
  /** Since the last full run: deltas, list versions they applied, days, weight drift (summed, an upper bound). */
  deltasSince: number;
  listVersionsSince: number;
  daysSince?: number;
  weightsDriftSince: number;
  rule: FullRunRule;
}

const DAY = 86_400_000;

/**
 * Whether a full run is due for an organisation, from its runs (any order; only finished runs
 * with a record count) and the rule. A run finished before records were kept counts as a full
 * run when its trigger was `full`, as a delta otherwise.
 */
export function fullRunDue(
  runs: readonly MonitorRun[],
  now: Date,
  rule: FullRunRule = DEFAULT_FULL_RUN_RULE,
): FullRunStatus {
  const done = runs
    .filter((r) => r.state === 'done' && r.finishedAt)
    .sort((a, b) => Date.parse(b.finishedAt!) - Date.parse(a.finishedAt!));
  const isFull = (r: MonitorRun) => (r.record ? r.record.mode === 'full' : r.trigger === 'full');
  const last = done.find(isFull);
  const since = last ? done.slice(0, done.indexOf(last)) : done;
  let listVersionsSince = 0;
  let weightsDriftSince = 0;
  for (const r of since) {
    listVersionsSince += r.record?.listVersions ?? 1;
    weightsDriftSince += r.record?.weightsDrift ?? 0;
  }
  const status: FullRunStatus = {
    due: false,
    reasons: [],
    deltasSince: since.length,
    listVersionsSince,
    weightsDriftSince: Math.round(weightsDriftSince * 10_000) / 10_000,
    rule,
  };
  if (!last) {
    // An organisation that never ran has nothing to catch up with: its first run screens everyone.
    if (done.length > 0) status.reasons.push('no full run has been recorded');
  } else {
    status.lastFullRun = last.finishedAt!;
    const days = (now.getTime() - Date.parse(last.finishedAt!)) / DAY;
    status.daysSince = Math.floor(days * 10) / 10;
    if (listVersionsSince >= rule.listVersions)
      status.reasons.push(
        `${listVersionsSince} list versions since the last full run (a full run after ${rule.listVersions})`,
      );
    if (days >= rule.days && since.length > 0)
      status.reasons.push(`${Math.floor(days)} days since the last full run (a full run after ${rule.days})`);
    if (weightsDriftSince >= rule.weightsDrift)
      status.reasons.push(
        `token weights may have moved by ${(weightsDriftSince * 100).toFixed(1)} % since the last full run (a full run after ${(rule.weightsDrift * 100).toFixed(1)} %)`,
      );
  }
  status.due = status.reasons.length > 0;
  return status;
}
