import { useState, type FormEvent } from 'react';
import { api, apiGet, seg } from '../../api/client.ts';
import type { Consultation } from '../../api/sharing-types.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Async, ErrorMessage } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { useSession } from '../auth/session.tsx';

/** One consultation: its messages, a reply box and, for the assessing agency, the final decision. */
export function ConsultationThread({ id }: { id: string }) {
  const { user } = useSession();
  const state = useApi(id, (s) => apiGet<Consultation>(`/consultations/${seg(id)}`, undefined, s));
  const [body, setBody] = useState('');
  const [error, setError] = useState<Error | undefined>();
  const [busy, setBusy] = useState(false);
  const act = async (path: string, payload: unknown) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', `/consultations/${seg(id)}/${path}`, payload);
      setBody('');
      state.reload();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim()) void act('messages', { body: body.trim() });
  };
  return (
    <>
      <p className="crumbs">
        <a href="#/denials/consultations">Consultations</a> / {id}
      </p>
      <Async state={state}>
        {(c) => (
          <>
            <div className="page-header">
              <div>
                <h1>Consultation {c.id}</h1>
                <p className="lede">
                  On denial <a href={`#/denials/denial/${c.denialId}`}>{c.denialId}</a> · application{' '}
                  {c.applicationId} · respond by {formatDate(c.respondBy)} ·{' '}
                  <span className={`badge state-${c.state}`}>{c.state}</span>
                  {c.decision ? ` · decision: ${c.decision}` : ''}
                </p>
              </div>
            </div>
            <section className="panel" aria-labelledby="h-thread">
              <h2 id="h-thread">Messages</h2>
              {c.messages.length === 0 ? <p className="muted">No message yet.</p> : null}
              <ol className="thread">
                {c.messages.map((m) => (
                  <li key={m.id} className={m.orgId === user?.orgId ? 'msg mine' : 'msg'}>
                    <div className="msg-meta">
                      {m.orgId === user?.orgId ? 'Your agency' : m.orgId} · {formatDateTime(m.at)}
                    </div>
                    <div className="msg-body">{m.body}</div>
                  </li>
                ))}
              </ol>
              {c.state !== 'closed' ? (
                <form onSubmit={send} className="stack">
                  <label className="field">
                    <span>Reply</span>
                    <textarea name="body" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
                  </label>
                  <div className="btn-row">
                    <button type="submit" className="btn btn-primary" disabled={busy || !body.trim()}>
                      Send
                    </button>
                    {c.requesterOrgId === user?.orgId ? (
                      <>
                        <button
                          type="button"
                          className="btn"
                          disabled={busy}
                          onClick={() => void act('close', { decision: 'approve' })}
                        >
                          Close: approve
                        </button>
                        <button
                          type="button"
                          className="btn"
                          disabled={busy}
                          onClick={() => void act('close', { decision: 'deny' })}
                        >
                          Close: deny
                        </button>
                      </>
                    ) : null}
                  </div>
                </form>
              ) : (
                <p className="muted">Closed {formatDate(c.closedAt)}.</p>
              )}
              {error ? <ErrorMessage error={error} /> : null}
            </section>
          </>
        )}
      </Async>
    </>
  );
}
