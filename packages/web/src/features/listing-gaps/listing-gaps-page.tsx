import { useMemo } from 'react';
import type { ListingGap, ListingGapReport } from '@entente/core';
import { apiGet } from '../../api/client.ts';
import { DataTable } from '../../components/data-table.tsx';
import { labelOf } from '../../components/format.ts';
import { JurisdictionChecks } from '../../components/jurisdiction-checks.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { navigate, type Route } from '../../router.ts';

/** `GET /listing-gaps`: the report, the lists compared and how many gaps matched before the limit. */
type Report = ListingGapReport & { versions: { source: string; publishedAt: string }[]; total: number };

const ALL = ['UN', 'US', 'EU', 'UK', 'AU', 'CA', 'JP', 'CH'];
const CLASSES: ListingGap['class'][] = [
  'un-not-implemented',
  'autonomous-single',
  'several-not-all',
  'delisted-by-one',
];

/** The kinds of gap in words. */
const CLASS_LABELS: Record<ListingGap['class'], string> = {
  'un-not-implemented': 'UN listing not implemented',
  'autonomous-single': 'Listed by one ally alone',
  'several-not-all': 'Listed by several, not all',
  'delisted-by-one': 'Delisted by one ally',
};
const classLabel = (k: string): string => CLASS_LABELS[k as ListingGap['class']] ?? labelOf(k);

/** The listing gaps: which subjects one ally lists and another does not, by pair, with the subjects behind each number. */
export default function ListingGapsPage({ route }: { route: Route }) {
  const js = (route.query.get('j') ?? 'UN,US,EU,UK,AU').split(',').filter((j) => ALL.includes(j));
  const cell = route.query.get('cell') ?? undefined;
  const klass = route.query.get('class') ?? '';
  const state = useApi(`${js.join(',')}|${klass}`, (s) =>
    apiGet<Report>(
      '/listing-gaps',
      { jurisdictions: js.join(','), limit: '100000', ...(klass ? { class: klass } : {}) },
      s,
    ),
  );
  const go = (q: Record<string, string | undefined>) =>
    navigate(['listing-gaps'], { j: js.join(','), cell, class: klass || undefined, ...q });
  return (
    <>
      <PageHeader
        title="Listing gaps between allies"
        lede="Subjects (one person, organisation, vessel or aircraft across every list) that some allies list and others do not."
      />
      <div className="panel filters" role="group" aria-label="Listing gap filters">
        <JurisdictionChecks all={ALL} chosen={js} onChange={(j) => go({ j, cell: undefined })} />
        <label className="field">
          <span>Kind of gap</span>
          <select value={klass} onChange={(e) => go({ class: e.target.value || undefined, cell: undefined })}>
            <option value="">All kinds</option>
            {CLASSES.map((k) => (
              <option key={k} value={k}>
                {classLabel(k)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Async state={state} loadingLabel="Comparing the lists…">
        {(report) => <GapView report={report} cell={cell} go={go} />}
      </Async>
    </>
  );
}

function GapView({
  report,
  cell,
  go,
}: {
  report: Report;
  cell: string | undefined;
  go: (q: Record<string, string | undefined>) => void;
}) {
  const js = report.jurisdictions;
  const [from, to] = cell ? cell.split('>') : [];
  const selected = useMemo(
    () =>
      cell
        ? report.gaps.filter(
            (g) => (g.listedBy as string[]).includes(from!) && (g.missing as string[]).includes(to!),
          )
        : report.gaps,
    [report, cell, from, to],
  );
  const compared = report.versions.filter((v) => js.some((j) => v.source.toUpperCase().startsWith(`${j}-`)));
  if (report.total === 0 && !report.gaps.length)
    return <Empty title="No listing gap between these jurisdictions" />;
  return (
    <>
      <section className="panel" aria-labelledby="h-matrix">
        <div className="section-head">
          <h2 id="h-matrix">Listed by one, not by the other</h2>
          <span className="muted small">
            {report.total} subjects ·{' '}
            {Object.entries(report.byClass)
              .map(([k, n]) => `${n} ${classLabel(k)}`)
              .join(' · ')}{' '}
            · click a number for its subjects
          </span>
        </div>
        <table
          className="matrix"
          aria-label="Subjects listed by the row's jurisdiction and not by the column's"
        >
          <thead>
            <tr>
              <th scope="col">listed by ↓ · not by →</th>
              {js.map((y) => (
                <th key={y} scope="col">
                  {y}
                </th>
              ))}
              <th scope="col">listed</th>
            </tr>
          </thead>
          <tbody>
            {js.map((x) => (
              <tr key={x}>
                <th scope="row">{x}</th>
                {js.map((y) =>
                  x === y ? (
                    <td key={y} className="muted">
                      —
                    </td>
                  ) : (
                    <td key={y}>
                      <button
                        type="button"
                        className="cell-btn"
                        aria-pressed={cell === `${x}>${y}`}
                        aria-label={`${report.matrix[x]?.[y] ?? 0} subjects listed by ${x} and not by ${y}`}
                        onClick={() => go({ cell: cell === `${x}>${y}` ? undefined : `${x}>${y}` })}
                      >
                        {report.matrix[x]?.[y] ?? 0}
                      </button>
                    </td>
                  ),
                )}
                <td>{report.listed[x] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">
          Lists compared:{' '}
          {compared.map((v) => `${v.source} of ${v.publishedAt.slice(0, 10)}`).join(', ') || 'none loaded'}.
          {report.delays.length
            ? ` Median days from a UN listing to the ally's: ${report.delays
                .map((d) => `${d.jurisdiction} ${d.medianDays} (${d.subjects} subjects)`)
                .join(', ')}.`
            : ''}
        </p>
      </section>
      <section className="panel" aria-labelledby="h-subjects">
        <h2 id="h-subjects">
          {cell ? `Listed by ${from}, not by ${to}` : 'Every gap'} · {selected.length} subjects
        </h2>
        <DataTable
          label="Subjects with a listing gap"
          rows={selected}
          rowKey={(g) => g.subjectId}
          emptyTitle="No subject here"
          initialSort={{ key: 'name', dir: 'asc' }}
          columns={[
            { key: 'name', header: 'Subject', value: (g) => g.name },
            { key: 'class', header: 'Kind of gap', value: (g) => classLabel(g.class) },
            { key: 'listed', header: 'Listed by', value: (g) => g.listedBy.join(' ') },
            { key: 'missing', header: 'Not by', value: (g) => g.missing.join(' ') },
            { key: 'programs', header: 'Programmes', value: (g) => g.programs.slice(0, 4).join(' ') },
            { key: 'why', header: 'Why', value: (g) => g.reasons.join('; ') },
          ]}
        />
      </section>
    </>
  );
}
