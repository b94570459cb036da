import { useState } from 'react';
import { apiGet, seg } from '../../api/client.ts';
import type { ListDiff, ListVersion } from '../../api/types.ts';
import { DataTable } from '../../components/data-table.tsx';
import { formatCount, formatDate } from '../../components/format.ts';
import { Async, Empty } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { href } from '../../router.ts';

type Change = {
  kind: 'added' | 'removed' | 'changed';
  entityId: string;
  sourceId: string;
  name: string;
  fields?: string[];
};

/** One source: its stored versions and the changes of its latest version. */
export function SourcePage({ source }: { source: string }) {
  const versions = useApi(`v:${source}`, (s) =>
    apiGet<{ versions: ListVersion[] }>(`/lists/${seg(source)}/versions`, undefined, s),
  );
  const many = (versions.data?.versions.length ?? 0) > 1;
  const diff = useApi(many ? `d:${source}` : null, (s) =>
    apiGet<ListDiff>(`/lists/${seg(source)}/diff`, undefined, s),
  );
  const [kind, setKind] = useState<'' | Change['kind']>('');
  return (
    <>
      <p className="crumbs">
        <a href="#/lists">List updates</a> / {source}
      </p>
      <div className="page-header">
        <div>
          <h1>{source}</h1>
          <p className="lede">Stored versions, newest first, and what the latest version changed.</p>
        </div>
      </div>
      <section className="panel" aria-labelledby="h-versions">
        <h2 id="h-versions">Versions</h2>
        <Async state={versions}>
          {({ versions: vs }) => (
            <DataTable
              label="Versions"
              rows={vs}
              rowKey={(v) => String(v.id)}
              initialSort={{ key: 'published', dir: 'desc' }}
              columns={[
                {
                  key: 'published',
                  header: 'Published',
                  value: (v) => v.publishedAt,
                  render: (v) => formatDate(v.publishedAt),
                },
                {
                  key: 'records',
                  header: 'Records',
                  numeric: true,
                  value: (v) => v.recordCount,
                  render: (v) => formatCount(v.recordCount),
                },
                {
                  key: 'warnings',
                  header: 'Warnings',
                  numeric: true,
                  value: (v) => v.warningCount,
                  render: (v) => (
                    <span
                      title={Object.entries(v.warningsByKind)
                        .map(([k, n]) => `${k}: ${n}`)
                        .join(', ')}
                    >
                      {formatCount(v.warningCount)}
                    </span>
                  ),
                },
                {
                  key: 'imported',
                  header: 'Imported',
                  value: (v) => v.importedAt,
                  render: (v) => formatDate(v.importedAt),
                },
                { key: 'files', header: 'Files', value: (v) => v.files.join(', ') },
              ]}
            />
          )}
        </Async>
      </section>
      <section className="panel" aria-labelledby="h-changes">
        <h2 id="h-changes">Latest changes</h2>
        {versions.data && !many ? (
          <Empty title="Only one version is stored">Changes appear once a newer version is imported.</Empty>
        ) : null}
        {many ? (
          <Async state={diff} loadingLabel="Comparing the latest two versions…">
            {(d) => {
              const rows: Change[] = [
                ...d.added.map((e) => ({ kind: 'added' as const, ...e })),
                ...d.removed.map((e) => ({ kind: 'removed' as const, ...e })),
                ...d.changed.map((e) => ({ kind: 'changed' as const, ...e })),
              ];
              return (
                <>
                  <p>
                    From {formatDate(d.from.publishedAt)} to {formatDate(d.to.publishedAt)}:{' '}
                    <span className="badge badge-ok">{d.added.length} added</span>{' '}
                    <span className="badge badge-danger">{d.removed.length} removed</span>{' '}
                    <span className="badge badge-warn">{d.changed.length} changed</span>
                  </p>
                  <DataTable
                    label="Changes"
                    rows={kind ? rows.filter((r) => r.kind === kind) : rows}
                    rowKey={(r) => `${r.kind}:${r.entityId}`}
                    emptyTitle="No change between the two versions"
                    toolbar={
                      <label className="field field-inline">
                        <span>Show</span>
                        <select value={kind} onChange={(e) => setKind(e.target.value as '' | Change['kind'])}>
                          <option value="">all changes</option>
                          <option value="added">added</option>
                          <option value="removed">removed</option>
                          <option value="changed">changed</option>
                        </select>
                      </label>
                    }
                    columns={[
                      { key: 'kind', header: 'Change', value: (r) => r.kind, width: 100 },
                      {
                        key: 'name',
                        header: 'Party',
                        value: (r) => r.name,
                        render: (r) =>
                          r.kind === 'removed' ? (
                            r.name
                          ) : (
                            <a href={href(['screening', 'party', r.entityId])}>{r.name}</a>
                          ),
                      },
                      { key: 'id', header: 'Id', value: (r) => r.sourceId, width: 160 },
                      { key: 'fields', header: 'Fields changed', value: (r) => r.fields?.join(', ') ?? '' },
                    ]}
                  />
                </>
              );
            }}
          </Async>
        ) : null}
      </section>
    </>
  );
}
