import { apiGet, seg } from '../../api/client.ts';
import type { AssessmentRecord } from '../../api/licensing-types.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Async } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { AssessmentView } from './assessment-view.tsx';

/** One decision record: the assessment, its inputs and the data versions, printable. */
export function DecisionRecordPage({ id }: { id: string }) {
  const state = useApi(id, (s) => apiGet<AssessmentRecord>(`/assessments/${seg(id)}`, undefined, s));
  return (
    <>
      <p className="crumbs no-print">
        <a href="#/transactions">Transactions</a> / <a href="#/transactions/records">Decision records</a> /{' '}
        {id}
      </p>
      <Async state={state} loadingLabel="Loading the decision record…">
        {(r) => (
          <article className="decision-record">
            <header className="page-header">
              <div>
                <h1>Decision record {r.id}</h1>
                <p className="lede">
                  {r.summary.exportingCountry} → {r.summary.destination} · {r.summary.items} item
                  {r.summary.items === 1 ? '' : 's'} · {r.summary.parties} part
                  {r.summary.parties === 1 ? 'y' : 'ies'}
                  {r.summary.transactionId ? ` · reference ${r.summary.transactionId}` : ''}
                </p>
              </div>
              <div className="page-actions no-print">
                <button type="button" className="btn" onClick={() => window.print()}>
                  Print record
                </button>
                <a className="btn btn-primary" href="#/transactions">
                  New assessment
                </a>
              </div>
            </header>
            <dl className="record-meta">
              <div>
                <dt>Assessed</dt>
                <dd>{formatDateTime(r.createdAt)}</dd>
              </div>
              <div>
                <dt>Kept until</dt>
                <dd>{formatDate(r.retainUntil)}</dd>
              </div>
              <div>
                <dt>Channel</dt>
                <dd>{r.channel}</dd>
              </div>
              <div>
                <dt>Content hash</dt>
                <dd>
                  <code className="hash">{r.contentHash.slice(0, 16)}…</code>
                </dd>
              </div>
            </dl>
            <AssessmentView assessment={r.outputs.assessment} />
            <section className="panel">
              <h2>Data this decision rests on</h2>
              <p className="muted small">
                Control lists: {r.dataVersions.controlLists.map((c) => `${c.list} ${c.version}`).join(', ')} ·
                EAR tables as of {r.dataVersions.earTablesAsOf} · restricted-party lists:{' '}
                {r.dataVersions.partyLists.map((p) => `${p.source} (${p.publishedAt})`).join(', ') || 'none'}{' '}
                · screening: {r.dataVersions.screening}
              </p>
            </section>
          </article>
        )}
      </Async>
    </>
  );
}
