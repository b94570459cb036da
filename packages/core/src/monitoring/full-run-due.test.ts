import { describe, expect, it } from 'vitest';
import { DEFAULT_FULL_RUN_RULE, fullRunDue, type MonitorRunRecord } from './full-run-due.ts';
import { emptyRunCounts, type MonitorRun } from './monitor-run.ts';

const NOW = new Date('2026-12-04T12:00:00Z');
let n = 0;
const run = (
  daysAgo: number,
  record?: Partial<MonitorRunRecord>,
  extra: Partial<MonitorRun> = {},
): MonitorRun => ({
  id: `r${++n}`,
  orgId: 'org',
  trigger: record?.mode === 'full' ? 'full' : 'list-version',
  state: 'done',
  target: `t${n}`,
  done: 0,
  total: 0,
  counts: emptyRunCounts(),
  startedAt: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
  finishedAt: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
  ...(record ? { record: { mode: 'delta', versions: {}, listVersions: 1, weightsDrift: 0, ...record } } : {}),
  ...extra,
});

describe('fullRunDue', () => {
  it('is not due right after a full run, nor for an organisation that never ran', () => {
    expect(fullRunDue([run(1, { mode: 'full' })], NOW)).toMatchObject({
      due: false,
      reasons: [],
      deltasSince: 0,
    });
    expect(fullRunDue([], NOW).due).toBe(false);
  });

  it('is due after four list versions applied by deltas since the last full run', () => {
    const runs = [run(6, { mode: 'full' }), run(5), run(4), run(3)].map((r, i) =>
      i === 0 ? r : { ...r, record: { ...r.record!, mode: 'delta' as const } },
    );
    expect(fullRunDue(runs, NOW)).toMatchObject({ due: false, listVersionsSince: 3, deltasSince: 3 });
    const status = fullRunDue([...runs, run(2, { mode: 'delta' })], NOW);
    expect(status.due).toBe(true);
    expect(status.reasons).toEqual(['4 list versions since the last full run (a full run after 4)']);
    // Deltas before the last full run do not count.
    expect(fullRunDue([...runs, run(2, { mode: 'delta' }), run(1, { mode: 'full' })], NOW).due).toBe(false);
  });

  it('is due seven days after the last full run once a delta ran since, and when weights moved by 1 %', () => {
    const old = run(8, { mode: 'full' });
    expect(fullRunDue([old], NOW).due).toBe(false);
    const status = fullRunDue([old, run(1, { mode: 'delta' })], NOW);
    expect(status.reasons).toEqual(['8 days since the last full run (a full run after 7)']);
    const drift = fullRunDue(
      [
        run(2, { mode: 'full' }),
        run(1, { mode: 'delta', weightsDrift: 0.006 }),
        run(0.5, { weightsDrift: 0.005 }),
      ],
      NOW,
    );
    expect(drift).toMatchObject({ due: true, weightsDriftSince: 0.011, daysSince: 2 });
    expect(drift.reasons).toEqual([
      'token weights may have moved by 1.1 % since the last full run (a full run after 1.0 %)',
    ]);
  });

  it('counts a run from before records by its trigger, and a run that has not finished not at all', () => {
    const status = fullRunDue(
      [run(3, undefined, { trigger: 'full' }), run(2), run(1, undefined, { state: 'running' })],
      NOW,
    );
    expect(status).toMatchObject({ due: false, deltasSince: 1, listVersionsSince: 1 });
    expect(fullRunDue([run(2)], NOW).reasons).toEqual(['no full run has been recorded']);
    expect(DEFAULT_FULL_RUN_RULE).toEqual({ listVersions: 4, days: 7, weightsDrift: 0.01 });
  });
});
