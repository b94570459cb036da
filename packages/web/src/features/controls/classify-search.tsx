import { useState, type FormEvent } from 'react';
import { apiGet } from '../../api/client.ts';
import type { ClassifyResponse } from '../../api/types.ts';
import { ScoreBar } from '../../components/score-bar.tsx';
import { Empty, ErrorMessage, Loading } from '../../components/states.tsx';
import { href } from '../../router.ts';

/** "Describe your product": ranked candidate entries in every list, with their counterparts. */
export function ClassifySearch({ initial }: { initial: string }) {
  const [q, setQ] = useState(initial);
  const [state, setState] = useState<{ loading: boolean; error?: Error; data?: ClassifyResponse }>({
    loading: false,
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState({ loading: true });
    try {
      setState({
        loading: false,
        data: await apiGet<ClassifyResponse>('/classify', { q: q.trim(), limit: 10 }),
      });
    } catch (err) {
      setState({ loading: false, error: err as Error });
    }
  };
  return (
    <section className="panel" aria-labelledby="h-classify">
      <h2 id="h-classify">Describe your product</h2>
      <form onSubmit={submit} className="inline-form">
        <label className="field grow">
          <span>Product description</span>
          <input
            name="q"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="e.g. radiation-hardened integrated circuit"
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={q.trim().length < 2 || state.loading}>
          Find entries
        </button>
      </form>
      {state.loading ? <Loading label="Searching every list…" /> : null}
      {state.error ? <ErrorMessage error={state.error} /> : null}
      {state.data ? (
        state.data.candidates.length === 0 ? (
          <Empty title="No entry matches that description">
            Try the technical words a regulation would use.
          </Empty>
        ) : (
          <ol className="candidates" aria-label="Candidate entries">
            {state.data.candidates.map((c) => {
              const [list, code] = [c.id.slice(0, c.id.indexOf(':')), c.id.slice(c.id.indexOf(':') + 1)];
              const others = [...new Set(c.counterparts.filter((x) => x.from === c.id).map((x) => x.to))];
              return (
                <li key={c.id}>
                  <ScoreBar value={c.score} width={60} label={`Relevance of ${c.id}`} />
                  <span className="cand-text">
                    <a href={href(['controls', list, code])}>
                      <code>{c.id}</code>
                    </a>{' '}
                    {c.heading}
                    {c.reasons.length ? <span className="muted small"> · {c.reasons.join(', ')}</span> : null}
                    {others.length ? <div className="muted small">also: {others.join(', ')}</div> : null}
                  </span>
                </li>
              );
            })}
          </ol>
        )
      ) : null}
    </section>
  );
}
