import type { MonitorRunRecord } from './full-run-due.ts';
/** Where a monitoring run stands. */
export type MonitorRunState = 'running' | 'done' | 'failed';

/** What started a run: a list version stored, a register import, or someone asking. */
export type MonitorTrigger = 'list-version' | 'register' | 'manual' | 'full';

/** Counts of one run. */
export interface MonitorRunCounts {
  /** Counterparties screened against the whole index. */
  counterpartiesScreened: number;
  /** New and changed listed parties screened against the register. */
  partiesScreened: number;
  newAlerts: number;
  changedAlerts: number;
  goneAlerts: number;
  /** Hits this run found (changed or not) that an active clearance (false positive) covers: no alert. */
  suppressed: number;
}

/** One monitoring run of one organisation's register, with its progress. */
export interface MonitorRun {
  id: string;
  orgId: string;
  trigger: MonitorTrigger;
  state: MonitorRunState;
  /** The list versions (`source@id`) and register version it brings the alerts up to. */
  target: string;
  /** Work items done and to do (subjects screened), for a progress line. */
  done: number;
  total: number;
  counts: MonitorRunCounts;
  startedAt: string;
  finishedAt?: string;
  error?: string;
  /** What the run did (a full re-screen or a delta), once it is done. */
  record?: MonitorRunRecord;
}

/** Counts of a run that has done nothing yet. */
export function emptyRunCounts(): MonitorRunCounts {
  return {
    counterpartiesScreened: 0,
    partiesScreened: 0,
    newAlerts: 0,
    changedAlerts: 0,
    goneAlerts: 0,
    suppressed: 0,
  };
}
