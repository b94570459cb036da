import { useRef, useState, type ChangeEvent } from 'react';
import { api } from '../../api/client.ts';
import type { BatchResponse } from '../../api/types.ts';
import { DataTable } from '../../components/data-table.tsx';
import { downloadText } from '../../components/format.ts';
import { ScoreBar } from '../../components/score-bar.tsx';
import { Empty, ErrorMessage } from '../../components/states.tsx';
import { href } from '../../router.ts';
import { batchResultsCsv, type BatchResultRow } from './batch-results-csv.ts';
import { parseBatchCsv, type BatchSubject } from './parse-csv.ts';
import { SourcePicker } from './source-picker.tsx';

/** Subjects per request: the API takes up to 1,000; smaller chunks make the progress bar move. */
const CHUNK = 200;

type Row = BatchResultRow;

/** Batch screening of a CSV file in chunks, with progress, hit filter and CSV/JSONL downloads. */
export function BatchScreen() {
  const [file, setFile] = useState<string | undefined>();
  const [subjects, setSubjects] = useState<BatchSubject[]>([]);
  const [sources, setSources] = useState<string[]>([]);
  const [rows, setRows] = useState<Row[]>([]);
  const [done, setDone] = useState(0);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const [hitsOnly, setHitsOnly] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    setRows([]);
    setDone(0);
    setError(undefined);
    if (!f) return;
    try {
      const parsed = parseBatchCsv(await f.text());
      if (parsed.length === 0) throw new Error('The CSV has a header but no rows.');
      setFile(f.name);
      setSubjects(parsed);
    } catch (err) {
      setFile(undefined);
      setSubjects([]);
      setError(err as Error);
    }
  };

  const run = async () => {
    const ctrl = new AbortController();
    abort.current = ctrl;
    setRunning(true);
    setError(undefined);
    setRows([]);
    setDone(0);
    const out: Row[] = [];
    try {
      for (let i = 0; i < subjects.length; i += CHUNK) {
        const chunk = subjects.slice(i, i + CHUNK);
        const res = await api<BatchResponse>(
          'POST',
          '/screen/batch',
          { subjects: chunk, ...(sources.length ? { sources } : {}), limit: 10 },
          ctrl.signal,
        );
        res.results.forEach((r, j) =>
          out.push({
            subject: chunk[j]!,
            matches: r.matches,
            ...(r.error ? { error: r.error.message } : {}),
          }),
        );
        setRows(out.slice());
        setDone(Math.min(subjects.length, i + CHUNK));
      }
    } catch (err) {
      if ((err as Error).name !== 'AbortError') setError(err as Error);
    } finally {
      setRunning(false);
    }
  };

  const hits = rows.filter((r) => r.matches.length > 0).length;
  const shown = hitsOnly ? rows.filter((r) => r.matches.length > 0) : rows;
  const base = (file ?? 'batch').replace(/\.csv$/i, '');

  const downloadCsv = () => downloadText(`${base}-results.csv`, batchResultsCsv(rows), 'text/csv');
  const downloadJsonl = () => {
    const lines = rows.map((r) =>
      JSON.stringify({
        id: r.subject.id,
        matches: r.matches.map(({ source, sourceId, entityId, name, matchedName, score, features }) => ({
          source,
          sourceId,
          entityId,
          name,
          matchedName,
          score,
          features,
        })),
        ...(r.error ? { error: r.error } : {}),
      }),
    );
    downloadText(`${base}-results.jsonl`, lines.join('\n') + '\n', 'application/x-ndjson');
  };

  return (
    <div className="stack">
      <div className="panel">
        <div className="batch-controls">
          <label className="field">
            <span>Customer file (CSV with a header: id, name, and optionally type, country, birth_date)</span>
            <input type="file" accept=".csv,text/csv" onChange={onFile} disabled={running} />
          </label>
          <SourcePicker value={sources} onChange={setSources} />
        </div>
        {file ? (
          <p className="muted" role="status">
            {file}: {subjects.length.toLocaleString('en-GB')} names ready.
          </p>
        ) : null}
        <div className="btn-row">
          <button
            type="button"
            className="btn btn-primary"
            disabled={running || subjects.length === 0}
            onClick={() => void run()}
          >
            {running ? 'Screening…' : 'Screen the file'}
          </button>
          {running ? (
            <button type="button" className="btn" onClick={() => abort.current?.abort()}>
              Stop
            </button>
          ) : null}
        </div>
        {running || done > 0 ? (
          <div className="progress-block">
            <progress max={subjects.length} value={done} aria-label="Batch screening progress" />
            <span className="muted" aria-live="polite">
              {done.toLocaleString('en-GB')} of {subjects.length.toLocaleString('en-GB')} screened · {hits}{' '}
              with matches
            </span>
          </div>
        ) : null}
        {error ? <ErrorMessage error={error} /> : null}
      </div>
      {rows.length === 0 ? (
        running ? null : (
          <Empty title="No batch screened yet">
            Choose a CSV file of your customers, then press “Screen the file”.
          </Empty>
        )
      ) : (
        <DataTable
          label="Batch results"
          rows={shown}
          rowKey={(r) => r.subject.id}
          initialSort={{ key: 'score', dir: 'desc' }}
          toolbar={
            <>
              <label className="check">
                <input type="checkbox" checked={hitsOnly} onChange={(e) => setHitsOnly(e.target.checked)} />{' '}
                Only names with matches
              </label>
              <button type="button" className="btn btn-small" onClick={downloadCsv} disabled={running}>
                Download CSV
              </button>
              <button type="button" className="btn btn-small" onClick={downloadJsonl} disabled={running}>
                Download JSONL
              </button>
            </>
          }
          columns={[
            { key: 'id', header: 'Id', value: (r) => r.subject.id, width: 90 },
            { key: 'name', header: 'Name', value: (r) => r.subject.name },
            { key: 'count', header: 'Matches', numeric: true, value: (r) => r.matches.length, width: 90 },
            {
              key: 'top',
              header: 'Best match',
              value: (r) => r.matches[0]?.name ?? (r.error ? `error: ${r.error}` : ''),
              render: (r) =>
                r.matches[0] ? (
                  <a href={href(['screening', 'party', r.matches[0].entityId])}>
                    {r.matches[0].name} <span className="muted">({r.matches[0].source})</span>
                  </a>
                ) : r.error ? (
                  <span className="text-danger">{r.error}</span>
                ) : (
                  <span className="muted">no match</span>
                ),
            },
            {
              key: 'score',
              header: 'Score',
              value: (r) => r.matches[0]?.score ?? 0,
              render: (r) =>
                r.matches[0] ? (
                  <ScoreBar
                    value={r.matches[0].score}
                    width={80}
                    label={`Best score for ${r.subject.name}`}
                  />
                ) : null,
              width: 150,
            },
          ]}
        />
      )}
    </div>
  );
}
