import { useEffect, useState } from 'react';
import { useApi } from '../../components/use-api.ts';
import { getFullRunStatus, startFullRun } from './monitoring-api.ts';

/** Re-reads of the status after a full run is started, two seconds apart. */
const POLLS = 60;

/**
 * Whether a full re-screen is due: a delta re-screens only what can have changed and cannot see
 * everything a full run does (the engine's candidate cut, token weights moving a score across
 * the threshold), so after a few list versions or days monitoring asks for a full run.
 */
export function FullRunPanel() {
  const state = useApi('monitor-full-run', (s) => getFullRunStatus(s));
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [polls, setPolls] = useState(0);
  const status = state.data;
  useEffect(() => {
    if (polls === 0) return;
    if (status && !status.due) {
      setPolls(0);
      setMessage('Full re-screen done: alerts are up to date with every list.');
      return;
    }
    const t = setTimeout(() => {
      state.reload();
      setPolls((n) => (n >= POLLS ? 0 : n + 1));
    }, 2000);
    return () => clearTimeout(t);
  }, [polls, status]);
  if (!status) return null;
  const start = async () => {
    try {
      await startFullRun();
      setMessage('Full re-screen started…');
      setPolls(1);
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  return (
    <section className="panel" aria-labelledby="h-full-run" data-testid="full-run">
      <h2 id="h-full-run">{status.due ? 'Full re-screen due' : 'Full re-screen not due'}</h2>
      <p className="small">
        Last full re-screen: {status.lastFullRun ? status.lastFullRun.slice(0, 16).replace('T', ' ') : 'none'}
        {status.daysSince !== undefined ? ` (${status.daysSince} days ago)` : ''}; since then{' '}
        {status.deltasSince} update run(s) over {status.listVersionsSince} list version(s).
      </p>
      {status.due ? (
        <>
          <ul className="small">
            {status.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <p className="muted small">
            Update runs re-screen only what can have changed; a full re-screen also finds hits that other
            listings and moved word weights bring over the threshold.
          </p>
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={polls > 0}
            onClick={() => void start()}
          >
            Start full re-screen
          </button>
        </>
      ) : null}
      {message ? (
        <p role="status" className="small">
          {message}
        </p>
      ) : null}
    </section>
  );
}
