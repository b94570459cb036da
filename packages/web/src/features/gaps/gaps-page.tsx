import { useMemo, useState } from 'react';
import { apiGet } from '../../api/client.ts';
import type { ControlGap, GapReport } from '../../api/types.ts';
import { Chart } from '../../components/chart.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { labelOf } from '../../components/format.ts';
import { JurisdictionChecks } from '../../components/jurisdiction-checks.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { href, navigate, type Route } from '../../router.ts';
import { CATEGORY_NAMES } from '../controls/build-entry-tree.ts';
import { buildGapMatrix, categoryOf, pairOf, type GapMatrix } from './gap-matrix.ts';

const ALL = ['US', 'EU', 'UK', 'JP'];
const KINDS: ControlGap['category'][] = [
  'unilateral',
  'regime-not-implemented',
  'plurilateral',
  'scope-differs',
];

const catLabel = (c: string) => (c === 'other' ? 'Other (munitions…)' : `${c} ${CATEGORY_NAMES[c] ?? ''}`);

/** The gap map: categories × pairs of allies, click a cell for its entries and their classification. */
export default function GapsPage({ route }: { route: Route }) {
  const js = (route.query.get('j') ?? 'US,EU,UK').split(',').filter((j) => ALL.includes(j));
  const cell = route.query.get('cell') ?? undefined;
  const kind = route.query.get('kind') ?? '';
  const [asTable, setAsTable] = useState(false);
  const state = useApi(js.join(','), (s) => apiGet<GapReport>('/gaps', { jurisdictions: js.join(',') }, s));
  const go = (q: Record<string, string | undefined>) =>
    navigate(['gaps'], { j: js.join(','), cell, kind: kind || undefined, ...q });
  return (
    <>
      <PageHeader
        title="Gaps between allies"
        lede="What one ally controls and another does not, by list category and pair of jurisdictions."
      />
      <div className="panel filters" role="group" aria-label="Gap map filters">
        <JurisdictionChecks all={ALL} chosen={js} onChange={(j) => go({ j, cell: undefined })} />
        <label className="field">
          <span>Kind of gap</span>
          <select value={kind} onChange={(e) => go({ kind: e.target.value || undefined })}>
            <option value="">All kinds</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {labelOf(k)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Async state={state} loadingLabel="Comparing the lists…">
        {(report) => (
          <GapView
            report={report}
            js={js}
            kind={kind}
            cell={cell}
            asTable={asTable}
            setAsTable={setAsTable}
            go={go}
          />
        )}
      </Async>
    </>
  );
}

function GapView(props: {
  report: GapReport;
  js: string[];
  kind: string;
  cell: string | undefined;
  asTable: boolean;
  setAsTable: (v: boolean) => void;
  go: (q: Record<string, string | undefined>) => void;
}) {
  const { report, js, kind, cell, go } = props;
  const gaps = useMemo(
    () => (kind ? report.gaps.filter((g) => g.category === kind) : report.gaps),
    [report, kind],
  );
  const matrix = useMemo(() => buildGapMatrix(gaps, js), [gaps, js]);
  const [cat, pair] = cell ? cell.split('|') : [];
  const selected = cell ? gaps.filter((g) => categoryOf(g) === cat && pairOf(g) === pair) : [];
  if (report.gaps.length === 0) return <Empty title="No gap between these jurisdictions" />;
  return (
    <>
      <section className="panel" aria-labelledby="h-map">
        <div className="section-head">
          <h2 id="h-map">Gap map</h2>
          <span className="muted small">
            {gaps.length} gaps · rows: list category · columns: controlled by → lacking in · click a cell
          </span>
          <button
            type="button"
            className="btn btn-small"
            aria-pressed={props.asTable}
            onClick={() => props.setAsTable(!props.asTable)}
          >
            {props.asTable ? 'Show as chart' : 'Show as table'}
          </button>
        </div>
        {props.asTable ? (
          <MatrixTable matrix={matrix} selected={cell} onPick={(c) => go({ cell: c })} />
        ) : (
          <HeatMap matrix={matrix} onPick={(c) => go({ cell: c })} />
        )}
        {report.notes.length ? (
          <ul className="muted small">
            {report.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        ) : null}
      </section>
      {cell ? (
        <section className="panel" aria-labelledby="h-cell">
          <h2 id="h-cell">
            {catLabel(cat!)} · controlled by {pair!.split('→')[0]}, not by {pair!.split('→')[1]}
          </h2>
          <DataTable
            label="Gaps of the selected cell"
            rows={selected}
            rowKey={(g) => `${g.entry}|${pairOf(g)}`}
            emptyTitle="No gap in this cell"
            initialSort={{ key: 'entry', dir: 'asc' }}
            columns={[
              {
                key: 'entry',
                header: 'Entry',
                value: (g) => g.entry,
                render: (g) => (
                  <a
                    href={href([
                      'controls',
                      g.entry.slice(0, g.entry.indexOf(':')),
                      g.entry.slice(g.entry.indexOf(':') + 1),
                    ])}
                  >
                    <code>{g.entry}</code>
                  </a>
                ),
                width: 150,
              },
              { key: 'heading', header: 'Heading', value: (g) => g.heading },
              {
                key: 'kind',
                header: 'Classification',
                value: (g) => g.category,
                render: (g) => <span className={`badge gap-${g.category}`}>{labelOf(g.category)}</span>,
                width: 190,
              },
              { key: 'note', header: 'Note', value: (g) => g.note },
              {
                key: 'evidence',
                header: 'Evidence',
                value: (g) => g.evidence.join(' | '),
                render: (g) => (
                  <ol className="evidence-path">
                    {g.evidence.map((step, i) => (
                      <li key={i}>{step}</li>
                    ))}
                  </ol>
                ),
              },
            ]}
          />
        </section>
      ) : null}
    </>
  );
}

function HeatMap({ matrix, onPick }: { matrix: GapMatrix; onPick: (cell: string) => void }) {
  const option = useMemo(() => {
    const data: [number, number, number][] = [];
    matrix.categories.forEach((c, y) =>
      matrix.pairs.forEach((p, x) => data.push([x, y, matrix.counts.get(`${c}|${p}`) ?? 0])),
    );
    return {
      tooltip: { position: 'top' },
      grid: { left: 210, right: 20, top: 10, bottom: 70 },
      xAxis: {
        type: 'category',
        data: matrix.pairs,
        splitArea: { show: true },
        axisLabel: { interval: 0, rotate: matrix.pairs.length > 6 ? 30 : 0 },
      },
      yAxis: {
        type: 'category',
        data: matrix.categories.map(catLabel),
        splitArea: { show: true },
        inverse: true,
      },
      visualMap: {
        min: 0,
        max: Math.max(1, matrix.max),
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#f3f6fb', '#9cc0ee', '#1f5fbf', '#0b2f66'] },
      },
      series: [
        {
          type: 'heatmap',
          data,
          label: {
            show: true,
            formatter: (p: { value: number[] }) => (p.value[2] ? String(p.value[2]) : ''),
          },
          emphasis: { itemStyle: { borderColor: '#f2a900', borderWidth: 2 } },
        },
      ],
    };
  }, [matrix]);
  return (
    <Chart
      option={option}
      height={Math.max(260, 40 * matrix.categories.length + 100)}
      label={`Heat map of gaps: ${matrix.categories.length} categories by ${matrix.pairs.length} jurisdiction pairs; use “Show as table” for a keyboard-accessible version`}
      onClick={(e) => {
        const v = e.value as number[] | undefined;
        if (v && v[2]) onPick(`${matrix.categories[v[1]!]}|${matrix.pairs[v[0]!]}`);
      }}
    />
  );
}

function MatrixTable({
  matrix,
  selected,
  onPick,
}: {
  matrix: GapMatrix;
  selected: string | undefined;
  onPick: (cell: string) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table matrix" aria-label="Gaps by category and jurisdiction pair">
        <thead>
          <tr>
            <th scope="col">Category</th>
            {matrix.pairs.map((p) => (
              <th key={p} scope="col" className="num">
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.categories.map((c) => (
            <tr key={c}>
              <th scope="row">{catLabel(c)}</th>
              {matrix.pairs.map((p) => {
                const n = matrix.counts.get(`${c}|${p}`) ?? 0;
                const key = `${c}|${p}`;
                const alpha = matrix.max ? n / matrix.max : 0;
                return (
                  <td
                    key={p}
                    className="num heat"
                    style={{
                      background: n ? `rgba(31, 95, 191, ${0.1 + alpha * 0.75})` : undefined,
                      color: alpha > 0.5 ? '#fff' : undefined,
                    }}
                  >
                    {n ? (
                      <button
                        type="button"
                        className="cell-btn"
                        aria-pressed={selected === key}
                        aria-label={`${n} gaps in ${catLabel(c)}, ${p}`}
                        onClick={() => onPick(key)}
                      >
                        {n}
                      </button>
                    ) : (
                      <span className="muted">·</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
