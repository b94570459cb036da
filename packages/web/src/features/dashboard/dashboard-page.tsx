import { useMemo, useState } from 'react';
import { apiGet } from '../../api/client.ts';
import { OUTCOME_ORDER, type DecisionRecordHead } from '../../api/licensing-types.ts';
import type { Consultation, Denial } from '../../api/sharing-types.ts';
import { Chart } from '../../components/chart.tsx';
import { formatCount, labelOf } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { useSession } from '../auth/session.tsx';
import { MonitoringPanel } from '../monitoring/monitoring-panel.tsx';

const OUTCOME_COLOURS: Record<string, string> = {
  prohibited: '#8a1c1c',
  'licence-required': '#c0392b',
  'review-needed': '#6c3483',
  'governed-elsewhere': '#1f618d',
  'exception-available': '#d68910',
  'general-authorisation-available': '#e0b000',
  'no-licence-required': '#1e8449',
  'not-controlled': '#7f8c8d',
};

/** The dashboard: screenings and hits over time, determinations by outcome, and for agencies denials and consultations. */
export default function DashboardPage() {
  const { user } = useSession();
  const [days, setDays] = useState(30);
  const agency = user?.orgKind === 'agency';
  return (
    <>
      <PageHeader
        title="Dashboard"
        lede="What your organisation has screened and decided."
        actions={
          <label className="field field-inline">
            <span>Period</span>
            <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
              <option value={7}>7 days</option>
              <option value={30}>30 days</option>
              <option value={90}>90 days</option>
              <option value={365}>one year</option>
            </select>
          </label>
        }
      />
      <div className="dash-grid">
        <ScreeningPanel days={days} agency={agency} />
        <OutcomesPanel />
        <MonitoringPanel />
        {agency ? <DenialsPanel /> : null}
        {agency ? <ConsultationsPanel /> : null}
      </div>
    </>
  );
}

/** Whose screenings the figures count: the API's `scope`. */
type StatsScope = 'organisation' | 'all-organisations';

const SCOPE_LABELS: Record<StatsScope, string> = {
  organisation: 'Your organisation’s screenings',
  'all-organisations': 'All organisations’ screenings (and those run from the command line)',
};

/**
 * Screenings and hits per day: the signed-in organisation's own; an agency may switch to
 * every organisation's figures, and the panel says which it shows (from the API's `scope`).
 */
function ScreeningPanel({ days, agency }: { days: number; agency: boolean }) {
  const [scope, setScope] = useState<StatsScope>('organisation');
  const state = useApi(`stats:${days}:${scope}`, (s) =>
    apiGet<{ scope: StatsScope; days: { day: string; subjects: number; hits: number }[] }>(
      '/stats/screening',
      { days, scope },
      s,
    ),
  );
  return (
    <section className="panel" aria-labelledby="h-screenings">
      <h2 id="h-screenings">Screenings and hits</h2>
      {agency ? (
        <label className="field field-inline">
          <span>Figures of</span>
          <select value={scope} onChange={(e) => setScope(e.target.value as StatsScope)}>
            <option value="organisation">your organisation</option>
            <option value="all-organisations">all organisations</option>
          </select>
        </label>
      ) : null}
      <Async state={state}>
        {({ scope: shown, days: rows }) => {
          const subjects = rows.reduce((n, r) => n + r.subjects, 0);
          const hits = rows.reduce((n, r) => n + r.hits, 0);
          const whose = <p className="muted small">{SCOPE_LABELS[shown]}</p>;
          if (rows.length === 0)
            return (
              <>
                {whose}
                <Empty title="No screening in this period" />
              </>
            );
          return (
            <>
              {whose}
              <div className="kpis">
                <div className="kpi">
                  <span className="kpi-n">{formatCount(subjects)}</span> names screened
                </div>
                <div className="kpi">
                  <span className="kpi-n">{formatCount(hits)}</span> with matches
                </div>
              </div>
              <Chart
                label={`${SCOPE_LABELS[shown]} per day: ${subjects} names, ${hits} with matches`}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { data: ['Screened', 'With matches'], bottom: 0 },
                  grid: { left: 40, right: 10, top: 10, bottom: 50 },
                  xAxis: { type: 'category', data: rows.map((r) => r.day) },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: [
                    {
                      name: 'Screened',
                      type: 'bar',
                      data: rows.map((r) => r.subjects),
                      itemStyle: { color: '#1f5fbf' },
                    },
                    {
                      name: 'With matches',
                      type: 'bar',
                      data: rows.map((r) => r.hits),
                      itemStyle: { color: '#c0392b' },
                    },
                  ],
                }}
              />
            </>
          );
        }}
      </Async>
    </section>
  );
}

function OutcomesPanel() {
  const state = useApi('records', (s) =>
    apiGet<{ records: DecisionRecordHead[] }>('/assessments', { limit: 500 }, s),
  );
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of state.data?.records ?? [])
      m.set(r.summary.strictestOutcome, (m.get(r.summary.strictestOutcome) ?? 0) + 1);
    return OUTCOME_ORDER.filter((o) => m.has(o)).map((o) => ({
      name: labelOf(o),
      value: m.get(o)!,
      itemStyle: { color: OUTCOME_COLOURS[o] },
    }));
  }, [state.data]);
  return (
    <section className="panel" aria-labelledby="h-outcomes">
      <h2 id="h-outcomes">Determinations by outcome</h2>
      <Async state={state}>
        {({ records }) =>
          records.length === 0 ? (
            <Empty title="No transaction assessed yet">Assess a shipment under Transactions.</Empty>
          ) : (
            <Chart
              label={`Decision records by strictest outcome: ${counts.map((c) => `${c.name} ${c.value}`).join(', ')}`}
              option={{
                tooltip: { trigger: 'item' },
                legend: { bottom: 0 },
                series: [
                  {
                    type: 'pie',
                    radius: ['40%', '70%'],
                    center: ['50%', '45%'],
                    data: counts,
                    label: { formatter: '{b}: {c}' },
                  },
                ],
              }}
            />
          )
        }
      </Async>
    </section>
  );
}

function DenialsPanel() {
  const state = useApi('denials-all', (s) => apiGet<Denial[]>('/denials', undefined, s));
  return (
    <section className="panel" aria-labelledby="h-denials">
      <h2 id="h-denials">Denials shared by ally</h2>
      <Async state={state}>
        {(denials) => {
          if (denials.length === 0) return <Empty title="No denial shared yet" />;
          const m = new Map<string, number>();
          for (const d of denials)
            m.set(d.notifyingGovernment ?? d.orgId, (m.get(d.notifyingGovernment ?? d.orgId) ?? 0) + 1);
          const rows = [...m.entries()].sort((a, b) => b[1] - a[1]);
          return (
            <Chart
              label={`Denials by notifying government: ${rows.map(([k, n]) => `${k} ${n}`).join(', ')}`}
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 80, right: 20, top: 10, bottom: 30 },
                xAxis: { type: 'value', minInterval: 1 },
                yAxis: { type: 'category', data: rows.map(([k]) => k), inverse: true },
                series: [{ type: 'bar', data: rows.map(([, n]) => n), itemStyle: { color: '#1f5fbf' } }],
              }}
            />
          );
        }}
      </Async>
    </section>
  );
}

function ConsultationsPanel() {
  const state = useApi('cons-all', (s) => apiGet<Consultation[]>('/consultations', { box: 'all' }, s));
  return (
    <section className="panel" aria-labelledby="h-cons">
      <h2 id="h-cons">Consultations</h2>
      <Async state={state}>
        {(list) => (
          <div className="kpis">
            {(['open', 'answered', 'closed'] as const).map((s) => (
              <a key={s} className="kpi" href="#/denials/consultations?box=all">
                <span className="kpi-n">{list.filter((c) => c.state === s).length}</span> {s}
              </a>
            ))}
          </div>
        )}
      </Async>
    </section>
  );
}
